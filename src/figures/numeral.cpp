// The pure numeral reader behind figures (and the fuzzer's entry point).
//
// Why by hand: std::from_chars does not know thousands separators, and a
// 10 MB run of digits must cost one pass, never a big-number conversion.
#include <charconv>
#include <cmath>
#include <string>

#include "newsan/figures.h"

namespace newsan {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// More integer digits than this and the number is no longer a quantity a
// reader checks: reported with value null (out of range).
constexpr std::size_t kMaxIntDigits = 18;
// Fraction digits beyond this cannot change a double.
constexpr std::size_t kMaxFracDigits = 20;

}  // namespace

Numeral parse_numeral(std::string_view s) noexcept {
  Numeral n;
  std::size_t i = 0;
  const std::size_t size = s.size();
  std::string clean;  // digits without separators, '.', exponent: what from_chars reads
  bool too_long = false;

  while (i < size && is_digit(s[i])) ++i;
  n.int_digits = i;
  if (n.int_digits > 1 && s[0] == '0') n.leading_zero = true;
  if (n.int_digits <= kMaxIntDigits) {
    clean.assign(s.substr(0, i));
  } else {
    too_long = true;
  }
  // Thousands groups: ",ddd" (exactly three digits, not followed by a digit),
  // only after a first group of one to three digits.
  if (n.int_digits >= 1 && n.int_digits <= 3) {
    while (i + 3 < size && s[i] == ',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           is_digit(s[i + 3]) && (i + 4 >= size || !is_digit(s[i + 4]))) {
      n.grouped = true;
      n.int_digits += 3;
      if (n.int_digits <= kMaxIntDigits) {
        clean.append(s.substr(i + 1, 3));
      } else {
        too_long = true;
      }
      i += 4;
    }
  }
  // Decimal part: '.' followed by a digit; a leading ".5" is allowed.
  if (i < size && s[i] == '.' && i + 1 < size && is_digit(s[i + 1])) {
    n.fractional = true;
    if (n.int_digits == 0) clean = "0";
    clean.push_back('.');
    ++i;
    std::size_t frac = 0;
    while (i < size && is_digit(s[i])) {
      if (frac++ < kMaxFracDigits) clean.push_back(s[i]);
      ++i;
    }
  }
  if (n.int_digits == 0 && !n.fractional) return Numeral{};
  // Exponent: e/E, optional sign, digits, and no letter right after ("1e400", not "5euros").
  if (i < size && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < size && (s[j] == '+' || s[j] == '-')) ++j;
    std::size_t k = j;
    while (k < size && is_digit(s[k])) ++k;
    bool letter_after = k < size && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'));
    if (k > j && !letter_after) {
      n.exponent = true;
      if (k - j > 6) {
        too_long = true;  // an exponent of a million digits is out of range either way
      } else {
        clean.append(s.substr(i, k - i));
      }
      i = k;
    }
  }
  n.length = i;
  if (too_long) return n;
  double v = 0;
  auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (ec != std::errc() || ptr != clean.data() + clean.size() || !std::isfinite(v)) return n;
  n.value = v;
  return n;
}

}  // namespace newsan
