# newsan — the two commands of the README:
#   make demo   installs what is missing, builds in Release, runs newsan on the sample article
#   make test   the same set-up, then the whole test suite through CTest
#   make asan-test  the whole test suite again, built with ASan + UBSan (build-asan/)
#   make fuzz   builds the libFuzzer targets with clang (build-fuzz/) and runs each
#               for FUZZ_SECONDS (default 60); FUZZ_TARGETS picks some of them
BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE := data/samples/harbour-strike.txt

.PHONY: all deps configure build demo test asan asan-test fuzz clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/newsan --date 2024-05-14 $(SAMPLE)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Sanitizer build: -O1 keeps it quick to build and run. The install/consumer
# test is left out: it links an uninstrumented program against the library.
ASAN_BUILD ?= build-asan
asan asan-test: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
	       -DNEWSAN_SANITIZE=ON -DNEWSAN_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -E '^install: '

FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= analyze reader tokenizer lexicon dates jsonl html numeral model
fuzz: deps
	@command -v clang++-14 >/dev/null || { echo "make fuzz needs clang-14 and libclang-rt-14-dev (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
	@CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	       -DNEWSAN_FUZZ=ON -DNEWSAN_SANITIZE=ON -DNEWSAN_BUILD_TESTS=OFF -DNEWSAN_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
