// tests/fuzz/fuzz.h — what every fuzz target shares: the libFuzzer entry
// point's declaration, the data directory and how a broken property ends the run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#ifndef NEWSAN_FUZZ_DATA_DIR
#error "NEWSAN_FUZZ_DATA_DIR must name the project's data/ directory"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace newsan::fuzz {

// A property did not hold: print what and abort, so libFuzzer keeps the input.
[[noreturn]] inline void broken(std::string_view target, const std::string& message) {
  std::fprintf(stderr, "newsan fuzz %.*s: PROPERTY BROKEN: %s\n", static_cast<int>(target.size()), target.data(),
               message.c_str());
  std::abort();
}

inline void require(std::string_view target, const std::string& message) {
  if (!message.empty()) broken(target, message);
}

}  // namespace newsan::fuzz
