// The figure scanner, part 4: numbers that are not figures (years, clock times,
// phone numbers, identifiers, street numbers …): every figure emitted is a claim.
#include "figures/scanner.h"

namespace newsan::figures {

bool Scanner::not_a_figure(const Part& pt, std::size_t* skip_to, bool range_end) const {
  const Core& c = pt.c;
  *skip_to = c.next;
  if (c.words) return false;
  const Numeral& n = c.num;
  std::size_t i = c.first;
  std::size_t before = c.sign ? i : i;  // piece index of the numeral start
  bool integer = !n.fractional && !n.grouped && !n.exponent && !c.scaled && c.value;
  bool bare = pt.currency.empty() && pt.unit.empty() && !c.scaled;
  // Clock times and scores written with a colon: "9:35", "1:36.6".
  if (word(c.next, ":") && glued(c.next - 1, c.next) && starts_digit(c.next + 1) && glued(c.next, c.next + 1)) {
    std::size_t k = c.next + 1;
    while (k + 1 < P.size() && (word(k + 1, ":") || word(k + 1, ".")) && glued(k, k + 1) && starts_digit(k + 2)) k += 2;
    *skip_to = k + 1;
    return true;
  }
  if (bare) {
    // "2 p.m.", "5 am", "0401 GMT"
    std::size_t k = c.span.end;
    while (k < sent_end_ && text_[k] == ' ') ++k;
    if (k + 1 < sent_end_ && text_[k] == '.' && (text_[k + 1] == 'a' || text_[k + 1] == 'p')) ++k;  // "1.p.m."
    std::string_view rest = text_.substr(k, std::min<std::size_t>(5, sent_end_ - k));
    std::string r = ascii_lower(rest);
    for (std::string_view t : {"a.m", "p.m", "am", "pm"}) {
      if (r.compare(0, t.size(), t) == 0 && (r.size() == t.size() || !is_alpha(r[t.size()]))) {
        *skip_to = piece_from(k + t.size());
        return true;
      }
    }
    if (role(c.next, role::time)) return true;
  }
  if (n.leading_zero && !n.fractional) return true;
  // Identifiers with a slash and letters after it: "doi: 10.1000/xyz", "10.1073/pnas.19".
  if (word(c.next, "/") && glued(c.next - 1, c.next) && c.next + 1 < P.size() && glued(c.next, c.next + 1) &&
      !starts_digit(c.next + 1) && P[c.next + 1].kind == TokenKind::word) {
    std::size_t k = c.next + 1;
    while (k + 1 < P.size() && glued(k, k + 1)) ++k;
    *skip_to = k + 1;
    return true;
  }
  // Page furniture: a photo counter "3 of 12" standing alone at the start of a sentence.
  if (bare && integer && sentence_first(c.first) && role(c.next, role::of) && starts_digit(c.next + 1) &&
      (c.next + 2 >= P.size() || word(c.next + 2, ".") || P[c.next + 2].token == SIZE_MAX)) {
    *skip_to = c.next + 2;
    return true;
  }
  // Digit groups joined by hyphens or dots, three or more: a phone number, a code or a
  // version ("1-876-499-0169", "2.3.1"); "555-0142" (three digits, then four) is a phone number.
  if (integer && c.unit.empty()) {
    std::size_t k = c.next, groups = 1;
    while (k + 1 < P.size() && (word(k, "-") || word(k, ".")) && glued(k - 1, k) && glued(k, k + 1) &&
           starts_digit(k + 1))
      ++groups, k += 2;
    bool phone_pair = groups == 2 && n.int_digits == 3 && word(c.next, "-") && P[c.next + 1].lower.size() == 4;
    if (groups >= 3 || phone_pair) {
      *skip_to = k;
      return true;
    }
  }
  // A bare number alone in brackets: a minute, a reference, an age in a list ("Hart (57)").
  if (bare && integer && c.first > 0 && word(c.first - 1, "(") && word(c.next, ")")) return true;
  // Days and years next to a month: "February 11", "9 May", "Mar 9 2018".
  if (integer && (role(before - 1, role::month) || role(c.next, role::month) ||
                  (before >= 2 && role(before - 2, role::month) && is_punct(before - 1))))
    return true;
  // Names and identifiers: "Model 3", "S&P 500", "Game 2", "No. 5", "COVID-19".
  if (bare && !c.sign && before > 0) {
    const Piece& b = P[before - 1];
    if (role(before - 1, role::id_before)) return true;
    if (b.kind == TokenKind::word && b.cap && !sentence_first(before - 1) && !known_word(before - 1)) return true;
    if ((b.lower == "-" || b.lower == ".") && glued(before - 1, before) && before >= 2 &&
        glued(before - 2, before - 1) && P[before - 2].kind == TokenKind::word &&
        (!info(before - 2).qual_before_any || (P[before - 2].cap && !sentence_first(before - 2))))
      return true;  // "COVID-19", "V-6", "ID.3", "Under-18" (a name, not "under 18")
    // Model numbers: "the 787 Dreamliner", "a 737 Max" (but "440 Britons", "5 NBA teams" count).
    if (integer && n.int_digits == 3 && c.next < P.size() && P[c.next].kind == TokenKind::word &&
        P[c.next].cap && !tk_.tokens[P[c.next].token].all_caps && !ends_with(P[c.next].lower, "s") &&
        !known_word(c.next))
      return true;
    // Street addresses: "49 Zorro Ranch Road", "22 Ave Foch".
    for (std::size_t k = c.next; k < P.size() && k < c.next + 4 && P[k].cap; ++k)
      if (role(k, role::street)) return true;
    if (!range_end && (b.lower == "-" || b.lower == "/" || b.lower == ".") && glued(before - 1, before) &&
        before >= 2 && glued(before - 2, before - 1) && starts_digit(before - 2))
      return true;  // the tail of "555-123-4567", "9/11", "1.2.3"
  }
  // Phone numbers and codes: three or more bare digit groups in a row ("+44 20 7946 0958").
  if (integer && bare && starts_digit(c.next) && !glued(c.next - 1, c.next) && starts_digit(c.next + 1) &&
      !glued(c.next, c.next + 1)) {
    std::size_t k = c.next;
    while (k < P.size() && starts_digit(k)) ++k;
    *skip_to = k;
    return true;
  }
  return false;
}

bool Scanner::year_like(const Part& pt, bool plural_count) const {
  const Core& c = pt.c;
  if (c.words || !c.value || c.num.fractional || c.num.grouped || c.scaled || c.num.int_digits != 4)
    return false;
  if (!pt.currency.empty() || !pt.unit.empty() || c.sign) return false;
  return *c.value >= 1000 && *c.value <= 2100 && !plural_count;
}

}  // namespace newsan::figures
