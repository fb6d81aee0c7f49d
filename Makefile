# newsan — the two commands of the README:
#   make demo   installs what is missing, builds in Release, runs newsan on the sample article
#   make test   the same set-up, then the whole test suite through CTest
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE := data/samples/harbour-strike.txt

.PHONY: all deps configure build demo test asan clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/newsan $(SAMPLE)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
