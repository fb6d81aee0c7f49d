// dates/durations.cpp — durations: "three years", "about two weeks",
// "24 hours", "a couple of years", "two-year", "for years", "within weeks".
// Part of the date extractor; the grammar and the Scan state are in dates/scan.h.
#include "dates/scan.h"

namespace newsan::timex {

// Counted units: durations ("three years", "about two weeks", "24 hours",
// "a couple of years") and relative dates ("two years ago", "a year earlier").
bool Scan::counted(std::size_t i, Match& m) const {
  std::size_t j = i;
  std::string mod;
  const Word* ph = nullptr;
  if (std::size_t e = phrase(j, ph); e > j && ph && !ph->approx.empty()) {
    if (ph->approx_outside) return false;
    mod = ph->approx;
    j = e;
  } else if (i > 0 && w(i - 1) && w(i - 1)->approx_outside) {
    mod = w(i - 1)->approx;  // "about [three years]": the modifier stays outside the span
  } else if (w(j) && !w(j)->approx_outside && !w(j)->approx.empty() && !(w(j)->number == kVague && !(w(j + 1) && (w(j + 1)->number >= 0 || w(j + 1)->article)) && !(N[j + 1 < size() ? j + 1 : j] >= 0 && j + 1 < size()))) {
    mod = w(j)->approx;
    ++j;
  }
  bool the_ = false;
  if (the(j) && j == i) { the_ = true; ++j; }
  // "the first nine months", "the last three years"
  if (the_ && w(j) && (w(j)->ordinal == 1 || cue(j, Cue::last) || cue(j, Cue::past) || cue(j, Cue::next))) ++j;
  long n = -1;
  std::size_t k = count(j, n);
  if (k == j) return false;
  // "twenty-five years", "1,000 years", "two and a half years"
  if (k >= size()) return false;
  // "two more weeks", "eight trading days"
  if (w(k) && w(k)->filler && w(k + 1) && w(k + 1)->unit != Unit::none && !w(k + 1)->article) ++k;
  // "2 1/2 years"
  bool frac_half = false;
  if (k > j && T[k - 1].kind == TokenKind::number && N[k] == 1 && is(k + 1, "/") && adjacent(k + 1) &&
      adjacent(k + 2) && k + 2 < size() && N[k + 2] == 2 && tx(k + 2).size() == 1) {
    frac_half = true;
    k += 3;
  } else if (cue(k, Cue::and_) && cue(k + 1, Cue::a) && cue(k + 2, Cue::half) && w(k + 3) && w(k + 3)->unit != Unit::none) {
    frac_half = true;  // "two and a half hours"
    k += 3;
  }
  const Word* u = w(k);
  bool hyphen_unit = false;
  if ((!u || u->unit == Unit::none) && is(k, "-") && adjacent(k) && adjacent(k + 1) && w(k + 1) && w(k + 1)->unit != Unit::none) {
    ++k;  // "30-year"
    u = w(k);
    hyphen_unit = true;
  }
  // Ages ("a 6-year-old", "50 years old") are not temporal expressions in TimeML.
  if (!u || u->unit == Unit::none) return false;
  if (cue(k + 1, Cue::old) || (is(k + 1, "-") && cue(k + 2, Cue::old))) return false;
  if (u->article) return false;
  if (cue(j, Cue::a) && cue(k, Cue::second)) return false;  // "a second time"
  // "a year" needs the singular; "two year" (adjectival) is fine, "a years" is not.
  if (n == 1 && u->plural && cue(j, Cue::a)) return false;
  if (n == kVague && !u->plural && !hyphen_unit) return false;
  if (n == 0) return false;
  std::size_t e = k + 1;
  // "and a half"
  bool and_half = false;
  if (cue(e, Cue::and_) && cue(e + 1, Cue::a) && cue(e + 2, Cue::half)) { and_half = true; e += 3; }
  if (frac_half) and_half = true;
  // Relative: "two years ago", "a year earlier", "three days later"
  // "a day earlier" in a narrative counts from the story's day, not the
  // reference date: like "three days later" it stays a duration.
  bool narrative = w(e) && w(e)->post < 0 && !cue(e, Cue::ago) && u->unit <= Unit::fortnight;
  if (w(e) && w(e)->post && !w(e)->post_outside && !narrative && !hyphen_unit && !the_) {
    m.last = e + 1;
    relative_count(n == kVague ? -1 : n, u->unit, w(e)->post, m);
    // "a year earlier" in quarterly reports means the same quarter a year before.
    if (u->unit == Unit::year && n == 1 && last_quarter && has_ref && (cue(e, Cue::ago) || cue(e, Cue::earlier)) &&
        quarter_talk())
      m.value = fmt::format("{:04}-Q{}", last_quarter_year - 1, last_quarter);
    // "… yesterday, up from 4 pence a year earlier": that day a year before
    int sy = 0, sm = 0, sd = 0;
    if (u->unit == Unit::year && n == 1 && (cue(e, Cue::ago) || cue(e, Cue::earlier)) && m.value.find('Q') == std::string::npos &&
        parse_iso_date(sentence_day, sy, sm, sd) && cal::valid(sy - 1, sm, sd))
      m.value = cal::format_day({sy - 1, sm, sd});
    m.mod = mod;
    return true;
  }
  // "from now"
  if (const Word* p = nullptr; phrase(e, p) > e && p && p->post) {
    std::size_t f = phrase(e, p);
    m.last = f;
    relative_count(n == kVague ? -1 : n, u->unit, p->post, m);
    return true;
  }
  // "the 14-day strike": the article belongs to the noun, not the duration
  if (the_ && hyphen_unit) return false;
  m.last = e;
  m.type = TimexType::duration;
  // "twice a year", "three times a week": a frequency
  if (n == 1 && cue(j, Cue::a) && i > 0 && (cue(i - 1, Cue::once) || cue(i - 1, Cue::twice) || cue(i - 1, Cue::times))) {
    m.type = TimexType::set;
    m.value = duration_value(1, u->unit);
    return true;
  }
  // "$1 billion a year", "24 hours a day", "four flights a week": a rate, not a time
  // ("reforms a day after the vote" is a time again)
  if (n == 1 && cue(j, Cue::a) && j == i && i > 0 && !u->plural && e == k + 1 && !cue(e, Cue::after) && !cue(e, Cue::before)) {
    const Token& p = T[i - 1];
    std::string_view pt = tx(i - 1);
    bool plural_noun = p.kind == TokenKind::word && !known(i - 1) && pt.size() > 3 && pt.back() == 's' && !p.capitalized;
    if (p.kind == TokenKind::number || plural_noun || (w(i - 1) && w(i - 1)->multiplier) ||
        (w(i - 1) && w(i - 1)->unit != Unit::none && w(i - 1)->plural))
      return false;
  }
  if (and_half && n >= 0) {
    // "two and a half years": whole units plus half of one in the next smaller unit.
    if (u->unit == Unit::year) m.value = fmt::format("P{}Y6M", n);
    else if (u->unit == Unit::hour) m.value = fmt::format("PT{}H30M", n);
    else if (u->unit == Unit::minute) m.value = fmt::format("PT{}M30S", n);
    else if (u->unit == Unit::day) m.value = fmt::format("P{}DT12H", n);
    else m.value = duration_value(n, u->unit);
  } else {
    m.value = duration_value(n == kVague ? -1 : n, u->unit);
  }
  m.mod = mod;
  return true;
}

// Hyphenated single tokens: "two-year", "third-quarter", "mid-1990s", "year-earlier",
// "mid-October", "year-end", "one-day".
bool Scan::hyphenated(std::size_t i, Match& m) const {
  std::string_view s = tx(i);
  std::size_t h = s.find('-');
  if (T[i].kind != TokenKind::word || h == std::string_view::npos || h == 0) return false;
  char b1[32], b2[32];
  std::string sp1, sp2;
  std::string_view left = lex::fold_short(s.substr(0, h), b1, sp1);
  std::string_view right_all = s.substr(h + 1);
  std::size_t h2 = right_all.find('-');
  std::string_view right = lex::fold_short(right_all.substr(0, h2), b2, sp2);
  const Word* L = lex.lookup(left);
  const Word* R = lex.lookup(right);
  if (L && !L->premod.empty() && h2 == std::string_view::npos) {
    // "mid-1990s", "mid-October", "late-November", "early-1989" (a leading
    // "the" is taken by best(): "the mid-1990s")
    const std::string mod = L->premod;
    std::string_view r = right_all;
    if (r.size() == 5 && r[4] == 's') {
      int y = digits(r, 0, 4);
      if (y >= 1000) { m.last = i + 1; m.value = fmt::format("{:03}X", y / 10); m.mod = mod; return true; }
    }
    if (r.size() == 4 && digits(r, 0, 4) >= 1000) { m.last = i + 1; m.value = std::string(r); m.mod = mod; return true; }
    if (R && R->month) {
      m.last = i + 1;
      m.mod = mod;
      m.relative = true;
      std::size_t k = i + 1;
      if (int y = year_number(k)) { m.value = cal::format_month(y, R->month); m.last = k + 1; m.relative = false; return true; }
      m.value = has_ref ? cal::format_month(resolve_year(R->month, 0, direction(i)), R->month) : fmt::format("XXXX-{:02}", R->month);
      return true;
    }
    return false;
  }
  if (!L || !R) return false;
  // "third-quarter", "fourth-quarter": a quarter
  if (L->ordinal >= 1 && L->ordinal <= 4 && R->unit == Unit::quarter && h2 == std::string_view::npos) {
    if (!has_ref) { m.last = i + 1; m.value = fmt::format("XXXX-Q{}", L->ordinal); m.relative = true; return true; }
    int rq = (ref.m - 1) / 3 + 1;
    int y = L->ordinal > rq ? ref.y - 1 : ref.y;
    m.last = i + 1;
    m.relative = true;
    m.value = fmt::format("{:04}-Q{}", y, L->ordinal);
    m.quarter = L->ordinal;
    m.quarter_year = y;
    return true;
  }
  // "year-earlier", "year-ago": last year's (quarter)
  if (L->unit == Unit::year && (R->cue == Cue::earlier || R->cue == Cue::ago)) {
    m.last = i + 1;
    m.relative = true;
    if (!has_ref) { m.value = "PAST_REF"; return true; }
    // "year-earlier quarter/period" is handled by quarter(); here the adjective alone
    if (last_quarter && quarter_talk()) m.value = fmt::format("{:04}-Q{}", last_quarter_year - 1, last_quarter);
    else m.value = cal::format_year(ref.y - 1);
    std::size_t k = i + 1;
    if (w(k) && (cue(k, Cue::period) || (w(k)->unit == Unit::quarter && !w(k)->plural))) m.last = k + 1;
    return true;
  }
  if (L->unit == Unit::year && R->cue == Cue::end) {  // "year-end": the last day of the year
    m.last = i + 1;
    m.relative = true;
    m.value = has_ref ? cal::format_day({ref.y, 12, 31}) : "XXXX-12-31";
    return true;
  }
  // "day-long", "decades-long": a stretch of that unit, its count unknown when plural
  if (R->cue == Cue::long_ && L->unit != Unit::none && L->unit != Unit::weekend && h2 == std::string_view::npos) {
    m.last = i + 1;
    m.type = TimexType::duration;
    m.value = duration_value(L->plural ? -1 : 1, L->unit);
    return true;
  }
  // "two-year", "30-day", "one-day", "five-hour", "eight-year-old"
  long n = -1;
  if (L->number >= 1 && !L->article) n = L->number;
  if (n < 0) {
    // "twenty-five-year" is too rare to handle
    return false;
  }
  if (R->unit != Unit::none && !R->plural) {
    if (h2 != std::string_view::npos) return false;  // "six-year-old": an age
    m.last = i + 1;
    m.type = TimexType::duration;
    m.value = duration_value(n, R->unit);
    return true;
  }
  return false;
}

// Unit words without a count, after a preposition: "for years", "within
// weeks", "over the weekend", "for the year", "the year 1990".
bool Scan::bare(std::size_t i, Match& m) const {
  if (i == 0) return false;
  // "by year end", "in place by year's end", "around year end": the end of the
  // reference year (the hyphenated "year-end" is a word of its own)
  if (w(i) && w(i)->unit == Unit::year && !w(i)->plural && T[i - 1].kind == TokenKind::word &&
      (cue(i - 1, Cue::by) || cue(i - 1, Cue::at) || cue(i - 1, Cue::before) || cue(i - 1, Cue::until) ||
       (w(i - 1) && !w(i - 1)->approx.empty()))) {
    std::size_t e = i + 1;
    if (is(e, "'s") || is(e, "\u2019s")) ++e;
    if (cue(e, Cue::end) && !T[i].capitalized) {
      m.last = e + 1;
      m.relative = true;
      m.mod = "END";
      m.value = has_ref ? cal::format_year(ref.y) : "XXXX";
      return true;
    }
  }
  bool prep = cue(i - 1, Cue::for_) || cue(i - 1, Cue::in) || cue(i - 1, Cue::over) || cue(i - 1, Cue::within) ||
              cue(i - 1, Cue::during) || cue(i - 1, Cue::throughout);
  std::size_t j = the(i) ? i + 1 : i;
  if (j > i && w(j) && w(j)->whole && w(j + 1) && w(j + 1)->unit == Unit::year) ++j;  // "for the full year"
  const Word* u = w(j);
  if (!u || u->unit == Unit::none) return false;
  if (j == i) {  // "for years": a duration of unknown length
    if (!u->plural || !prep || u->unit == Unit::quarter) return false;
    m.last = j + 1;
    m.type = TimexType::duration;
    m.value = duration_value(-1, u->unit);
    return true;
  }
  if (u->plural) return false;
  if (u->unit == Unit::year) {
    if (int y = year_number(j + 1)) {  // "the year 1990"
      m.last = j + 2;
      m.value = cal::format_year(y);
      return true;
    }
    if (!(cue(i - 1, Cue::for_) || cue(i - 1, Cue::in)) || (w(j + 1) && (w(j + 1)->unit != Unit::none || cue(j + 1, Cue::before) || cue(j + 1, Cue::after) || cue(j + 1, Cue::earlier)))) return false;
    m.last = j + 1;
    // "for the year ended March 31": a twelve-month period; "a high for the
    // year", "earlier in the year": the current year
    if (has_ref && !(w(j + 1) && w(j + 1)->period_end)) {
      m.relative = true;
      m.value = cal::format_year(ref.y);
      return true;
    }
    m.type = TimexType::duration;
    m.value = "P1Y";
    return true;
  }
  if (u->unit == Unit::weekend && prep) {  // the most recent weekend, or the coming one
    m.last = j + 1;
    m.relative = true;
    if (!has_ref) { m.value = "XXXX-WXX-WE"; return true; }
    int wd = cal::weekday(ref);
    Ymd d = ref;
    if (wd < 6) d = future_context(i) ? ref : cal::add_days(ref, -7);
    m.value = cal::format_week(d) + "-WE";
    return true;
  }
  return false;
}

}  // namespace newsan::timex
