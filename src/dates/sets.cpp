// dates/sets.cpp — sets (recurring times): "daily", "every week",
// "twice a year", but not rates after an amount ("$1 billion a year").
// Part of the date extractor; the grammar and the Scan state are in dates/scan.h.
#include "dates/scan.h"

namespace newsan::timex {

// Whether an amount ends just before token i: a number, "%", a multiplier
// ("million"), or one plain noun after one of those ("10,000 units").
bool Scan::amount_before(std::size_t i) const {
  auto amount = [&](std::size_t k) {
    return T[k].kind == TokenKind::number || tx(k) == "%" || (w(k) && w(k)->multiplier);
  };
  if (i == 0) return false;
  if (amount(i - 1)) return true;
  return i > 1 && T[i - 1].kind == TokenKind::word && !known(i - 1) && !T[i - 1].capitalized && amount(i - 2);
}

bool Scan::setexpr(std::size_t i, Match& m) const {
  const Word* a = w(i);
  if (!a) return false;
  if (!a->set.empty()) {
    // "rise 8.5% annually", "10,000 units annually", "$2 million daily": a rate, not a time
    if (a->set != "TNI" && amount_before(i)) return false;
    m.last = i + 1;
    m.type = TimexType::set;
    m.value = a->set == "TNI" ? "XXXX-XX-XXTNI" : a->set;
    return true;
  }
  if (a->setq) {
    if (amount_before(i)) return false;  // "15 million instructions per second"
    std::size_t j = i + 1;
    long n = 1;
    std::size_t k = count(j, n, false);
    if (k == j) n = 1;
    if (w(k) && w(k)->unit != Unit::none) {
      m.last = k + 1;
      m.type = TimexType::set;
      m.value = duration_value(n < 0 ? 1 : n, w(k)->unit);
      return true;
    }
    if (w(k) && w(k)->weekday) {
      m.last = k + 1;
      m.type = TimexType::set;
      m.value = fmt::format("XXXX-WXX-{}", w(k)->weekday);
      return true;
    }
    if (w(k) && w(k)->month && T[k].capitalized) {  // "each July"
      m.last = k + 1;
      m.type = TimexType::set;
      m.value = fmt::format("XXXX-{:02}", w(k)->month);
      return true;
    }
    if (w(k) && !w(k)->season.empty()) {  // "every summer"
      m.last = k + 1;
      m.type = TimexType::set;
      m.value = "XXXX-" + w(k)->season;
      return true;
    }
  }
  return false;
}

}  // namespace newsan::timex
