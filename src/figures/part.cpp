// The figure scanner, part 3: the number with its currency, unit and rate.
#include "figures/scanner.h"

namespace newsan::figures {

const CurrencyPrefix* Scanner::currency_before(std::size_t pos, std::size_t* start) const {
  if (pos <= sent_start_) return nullptr;
  unsigned char last = static_cast<unsigned char>(text_[pos - 1]);
  if (last == ' ' && pos - 1 > sent_start_) last = static_cast<unsigned char>(text_[pos - 2]);
  if (!lx_.currency_last_byte[last]) return nullptr;
  for (const CurrencyPrefix& cp : lx_.currency_prefixes) {
    const std::string& s = cp.surface;
    std::size_t L = s.size();
    bool letters = std::all_of(s.begin(), s.end(), [](char ch) { return is_alpha(ch) || ch == '.'; });
    std::size_t at = std::string_view::npos;
    if (pos >= sent_start_ + L && text_.compare(pos - L, L, s) == 0) {
      at = pos - L;
    } else if ((!letters || L >= 3) && pos >= sent_start_ + L + 1 && text_[pos - 1] == ' ' &&
               text_.compare(pos - L - 1, L, s) == 0) {
      at = pos - L - 1;
    }
    if (at == std::string_view::npos) continue;
    if (is_alpha(s[0]) && at > sent_start_ && is_alnum(text_[at - 1])) continue;
    if (start) *start = at;
    return &cp;
  }
  return nullptr;
}

Part Scanner::part_at(std::size_t i) const {
  Part pt;
  pt.c = core_at(i);
  if (!pt.c.ok && !pt.c.skip && i < P.size() && P[i].kind != TokenKind::number) {
    // A currency symbol piece before the numeral: "$" "10", "HK" "$" "5.4m".
    for (std::size_t k = i + 1; k <= i + 2 && k < P.size(); ++k) {
      Core c = core_at(k, false);
      std::size_t at = 0;
      if (c.ok && c.digits_at != std::string_view::npos && !c.sign &&
          currency_before(c.digits_at, &at) && at <= P[i].span.start) {
        pt.c = c;
        break;
      }
    }
  }
  if (!pt.c.ok) return pt;
  Core& c = pt.c;
  pt.span = c.span;
  pt.unit = c.unit;
  pt.unit_kind = c.unit_kind;
  if (c.digits_at != std::string_view::npos && !c.sign) {
    std::size_t at = 0;
    if (const CurrencyPrefix* cp = currency_before(c.digits_at, &at)) {
      pt.currency = cp->code;
      pt.span.start = std::min(pt.span.start, at);
    }
  }
  std::size_t j = c.next;
  if (pt.unit.empty() && pt.currency.empty() && !c.low) {
    const UnitInfo* u = nullptr;
    std::size_t n = 0;
    if (word(j, "-") && glued(j - 1, j) && glued(j, j + 1)) {
      n = unit_at(j + 1, &u);
      if (n) n += 1;
    } else {
      n = unit_at(j, &u);
      // Spaced one-letter units are too often something else ("5 s", role::a).
      if (n == 1 && P[j].lower.size() == 1 && P[j].lower != "%" && P[j].lower != "m" &&
          P[j].lower != "g" && P[j].lower != "x")
        n = 0;
    }
    if (n) {
      pt.unit = u->norm;
      pt.unit_kind = u->kind;
      j += n;
    } else if (pt.currency.empty()) {
      const std::string* code = nullptr;
      // "2.5-billion-euro": the currency word joined by a hyphen.
      std::size_t h = word(j, "-") && glued(j - 1, j) && glued(j, j + 1) ? 1 : 0;
      if (std::size_t m = j + h < P.size() && info(j + h).currency_first ? lx_.currency_words.match(P, j + h, &code) : 0) {
        pt.currency = *code;
        j += m + h;
      } else if (std::size_t k = j < P.size() && info(j).currency_first ? lx_.currency_hundredths.match(P, j, &code) : 0) {
        // "15 cents" is 0.15 USD: a scale of one hundredth (a range "25 and 75 cents" takes it too).
        pt.currency = *code;
        pt.c.scale *= 0.01;
        pt.c.scaled = true;
        if (pt.c.value) *pt.c.value *= 0.01;
        j += k;
      }
    }
  }
  // A vague amount of money: "hundreds of millions of dollars".
  if (c.vague && pt.currency.empty() && role(j, role::of) && j + 1 < P.size() && info(j + 1).currency_first) {
    const std::string* code = nullptr;
    if (std::size_t m = lx_.currency_words.match(P, j + 1, &code)) {
      pt.currency = *code;
      j += m + 1;
    }
  }
  // Heights: "5 feet 11 inches", "6-foot-9" are one measure in inches.
  if (!pt.unit.empty() && (lx_.roles_of(pt.unit) & role::height_major) && c.value && !c.low && !c.scaled) {
    bool hy = word(j, "-") && glued(j - 1, j) && glued(j, j + 1);
    std::size_t k = hy ? j + 1 : j;
    if (starts_digit(k) && !word(k + 1, "-")) {
      Core d = core_at(k, false);
      const UnitInfo* u = nullptr;
      std::size_t n = d.ok ? unit_at(d.next, &u) : 0;
      bool inch = n && (lx_.roles_of(u->norm) & role::height_minor);
      if (d.ok && d.value && !d.low && !d.num.fractional && *d.value < 12 && d.unit.empty() && (inch || hy)) {
        c.value = *c.value * 12 + *d.value;
        pt.unit = lx_.height_minor;
        j = inch ? d.next + n : d.next;
      }
    }
  }
  // Rate: "$5 a month", "52,000 barrel-a-day", "20 per week".
  {
    std::size_t k = j;
    while (word(k, "-")) ++k;
    if (role(k, role::rate) && k + 1 < P.size()) {
      std::size_t m = k + 1;
      while (word(m, "-")) ++m;
      const UnitInfo* u = nullptr;
      std::size_t n = unit_at(m, &u);
      std::string per;
      bool relative = m + n < P.size() && (P[m + n].lower == "earlier" || P[m + n].lower == "ago" ||
                                           P[m + n].lower == "later" || P[m + n].lower == "before");
      if (n && u->kind == "duration" && !relative) {  // "a year earlier" is a time, not a rate
        per = u->norm;
      } else if ((P[k].lower == "per" || P[k].lower == "each") && m < P.size() &&
                 P[m].kind == TokenKind::word && !role(m, role::np_stop) && !P[m].cap) {
        per = P[m].lower;
        n = 1;
      }
      if (!per.empty()) {
        std::string base = !pt.currency.empty() ? pt.currency : pt.unit;
        pt.unit = base.empty() ? "per " + per : base + " per " + per;
        if (pt.unit_kind.empty()) pt.unit_kind = pt.currency.empty() ? "rate" : "";
        j = m + n;
      }
    }
  }
  if (j > c.next) pt.span.end = P[j - 1].span.end;
  pt.next = j;
  return pt;
}

}  // namespace newsan::figures
