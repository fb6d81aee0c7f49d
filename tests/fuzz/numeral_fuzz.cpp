// libFuzzer target: newsan::parse_numeral on arbitrary bytes.
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DNEWSAN_FUZZ=ON
//   ninja -C build-fuzz fuzz_numeral && build-fuzz/fuzz/fuzz_numeral tests/fuzz/seeds/numeral  (or: make fuzz)
// Checks what the contract promises: it never reads past the input, it reads
// a numeral only from a digit or ".digit", and a value is always finite.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "newsan/figures.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  newsan::Numeral n = newsan::parse_numeral(s);
  if (n.length > s.size()) std::abort();
  if (n.length > 0 && !(s[0] >= '0' && s[0] <= '9') && s[0] != '.') std::abort();
  if (n.value && !std::isfinite(*n.value)) std::abort();
  if (n.value && *n.value < 0) std::abort();  // no sign: the extractor reads signs
  return 0;
}
