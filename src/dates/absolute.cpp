// dates/absolute.cpp — explicit calendar dates: "January 5, 2025",
// "5 Jan 2025", "2025-01-05", "01/05/2025", "the 1990s", "fiscal 2024", years,
// centuries, years in words ("nineteen ninety-six"), seasons and holidays.
// Part of the date extractor; the grammar and the Scan state are in dates/scan.h.
#include "dates/scan.h"

namespace newsan::timex {

// Explicit calendar dates.
bool Scan::absolute(std::size_t i, Match& m) const {
  const Word* a = w(i);
  // Month [day][,] [year] / Month of year
  if (a && a->month && (T[i].capitalized || a->abbr)) {
    int mo = a->month;
    std::size_t j = i + 1;
    // "Jan. 14-19[, 2015]": a range of days, valued as an ISO interval
    if (int d1 = 0, d2 = 0; std::size_t after = day_range(j, d1, d2)) {
      std::size_t k = after;
      if (is(k, ",")) ++k;
      int y = year_number(k);
      if (y) m.last = k + 1;
      else m.last = after;
      if (!y && !has_ref) return false;
      if (!y) {
        y = resolve_year(mo, d1, direction(i));
        m.relative = true;
      }
      if (!cal::valid(y, mo, d1) || !cal::valid(y, mo, d2)) return false;
      m.value = cal::format_day({y, mo, d1}) + "/" + cal::format_day({y, mo, d2});
      return true;
    }
    int day = day_number(j);
    if (day && !(N[j] >= 0 && tx(j).size() == 4)) {
      ++j;
      std::size_t k = j;
      if (is(k, ",")) ++k;
      if (int y = year_number(k)) {
        m.last = k + 1;
        m.value = cal::valid(y, mo, day) ? cal::format_day({y, mo, day}) : cal::format_month(y, mo);
        return true;
      }
      m.last = j;
      m.relative = true;
      if (!has_ref) { m.value = cal::valid(2000, mo, day) ? fmt::format("XXXX-{:02}-{:02}", mo, day) : ""; return true; }
      int y = resolve_year(mo, day, direction(i));
      m.value = cal::valid(y, mo, day) ? cal::format_day({y, mo, day}) : cal::format_month(y, mo);
      return true;
    }
    std::size_t k = j;
    if (cue(k, Cue::of) || is(k, ",")) ++k;
    if (int y = year_number(k)) {
      m.last = k + 1;
      m.value = cal::format_month(y, mo);
      return true;
    }
    // "January nineteen ninety-seven"
    if (Match sy; spelled_year(k, sy) && sy.value.size() == 4 && sy.last > k + 1) {
      m.last = sy.last;
      m.value = cal::format_month(digits(sy.value, 0, 4), mo);
      return true;
    }
    // "January this year", "June last year", "June of last year"
    if (std::size_t s = cue(j, Cue::of) ? j + 1 : j; has_ref && w(s) && w(s)->shift != kNone && cue(s + 1, Cue::year)) {
      j = s;
      m.last = j + 2;
      m.relative = true;
      m.value = cal::format_month(ref.y + w(j)->shift, mo);
      return true;
    }
    // A bare month name; "May" and "March" are also verbs: require a word before
    // them that the lexicon marks `month_cue` ("in May", "since March").
    if (mo == 5 || mo == 3) {
      if (!(i > 0 && w(i - 1) && w(i - 1)->month_cue)) return false;
    }
    if (a->abbr && !T[i].capitalized) return false;
    if (a->abbr && tx(i).back() != '.') return false;  // "Jan Kavan": a name, not a month
    m.last = i + 1;
    m.relative = true;
    if (!has_ref) { m.value = fmt::format("XXXX-{:02}", mo); return true; }
    m.value = cal::format_month(resolve_year(mo, 0, direction(i)), mo);
    return true;
  }
  // Day Month [year]: "5 January 2025", "the 5th of January"
  if (int day = day_number(i)) {
    std::size_t j = i + 1;
    if (cue(j, Cue::of)) ++j;
    const Word* b = w(j);
    if (b && b->month && (T[j].capitalized || b->abbr) && !(N[i] >= 0 && tx(i).size() > 2)) {
      int mo = b->month;
      std::size_t k = j + 1;
      if (is(k, ",")) ++k;
      if (int y = year_number(k)) {
        m.last = k + 1;
        m.value = cal::valid(y, mo, day) ? cal::format_day({y, mo, day}) : cal::format_month(y, mo);
        return true;
      }
      m.last = j + 1;
      m.relative = true;
      if (!has_ref) { m.value = fmt::format("XXXX-{:02}-{:02}", mo, day); return true; }
      int y = resolve_year(mo, day, direction(i));
      m.value = cal::valid(y, mo, day) ? cal::format_day({y, mo, day}) : cal::format_month(y, mo);
      return true;
    }
  }
  // ISO 2025-01-05 and numeric 01/05/2025 (US order unless the first part is > 12).
  if (int y = year_number(i); y && is(i + 1, "-") && adjacent(i + 1) && adjacent(i + 2) && i + 4 < size() &&
                              is(i + 3, "-") && adjacent(i + 3) && adjacent(i + 4)) {
    int mo = N[i + 2], d = N[i + 4];
    if (tx(i + 2).size() == 2 && tx(i + 4).size() == 2 && cal::valid(y, mo, d)) {
      m.last = i + 5;
      m.value = cal::format_day({y, mo, d});
      // A machine stamp "2022-04-26 21:21:50": the day and its 24-hour time are one time.
      std::size_t k = i + 5;
      auto pair_at = [&](std::size_t c) {  // ":MM" glued at token c
        return is(c, ":") && adjacent(c) && adjacent(c + 1) && c + 1 < size() && tx(c + 1).size() == 2 && N[c + 1] >= 0 &&
               N[c + 1] <= 59;
      };
      if (k < size() && !T[k].newline_before && T[k].kind == TokenKind::number && tx(k).size() == 2 && N[k] >= 0 &&
          N[k] <= 23 && pair_at(k + 1) && !(w(k + 3) && !w(k + 3)->ampm.empty())) {
        m.value += fmt::format("T{:02}:{:02}", N[k], N[k + 2]);
        m.last = k + 3;
        if (pair_at(k + 3)) {
          m.value += fmt::format(":{:02}", N[k + 4]);
          m.last = k + 5;
        }
        m.type = TimexType::time;
      }
      return true;
    }
  }
  if (N[i] >= 1 && tx(i).size() <= 2 && is(i + 1, "/") && adjacent(i + 1) && adjacent(i + 2) && N[i + 2 < size() ? i + 2 : i] >= 1 &&
      is(i + 3, "/") && adjacent(i + 3) && adjacent(i + 4) && i + 4 < size()) {
    int p = N[i], q = N[i + 2], y = N[i + 4];
    if (tx(i + 4).size() == 2 && y >= 0) y += y < 50 ? 2000 : 1900;
    int mo = p, d = q;
    if (p > 12 && q <= 12) { mo = q; d = p; }
    if (y >= 1000 && cal::valid(y, mo, d)) {
      m.last = i + 5;
      m.value = cal::format_day({y, mo, d});
      return true;
    }
  }
  // Decades: "1990s", "the 1990s", "the '90s"
  {
    std::size_t j = the(i) ? i + 1 : i;
    std::string_view s = j < size() ? tx(j) : std::string_view();
    if (j < size() && T[j].kind == TokenKind::number && s.size() == 5 && s[4] == 's' && s[3] == '0') {
      int y = digits(s, 0, 4);
      if (y >= 1000 && y <= 2190) {
        m.last = j + 1;
        m.value = y % 100 == 0 && j > i ? fmt::format("{:03}X", y / 10) : fmt::format("{:03}X", y / 10);
        return true;
      }
    }
    if (j + 1 < size() && is(j, "'") && T[j + 1].kind == TokenKind::number && tx(j + 1).size() == 3 &&
        tx(j + 1)[2] == 's' && adjacent(j + 1)) {
      int d = digits(tx(j + 1), 0, 2);
      if (d >= 0 && d % 10 == 0) {
        m.last = j + 2;
        m.value = fmt::format("19{}X", d / 10);
        return true;
      }
    }
  }
  // Centuries: "the 20th century", "the nineteenth century"
  {
    std::size_t j = the(i) ? i + 1 : i;
    int n = j < size() ? day_number(j) : 0;
    if (n >= 1 && n <= 21 && !(N[j] >= 0 && tx(j).size() <= 2) && w(j + 1) && w(j + 1)->unit == Unit::century &&
        !w(j + 1)->plural) {
      m.last = j + 2;
      m.value = fmt::format("{:02}", n - 1);  // TIMEX3: a century is its first two digits
      return true;
    }
  }
  // Fiscal year: "fiscal 1989", "fiscal year 1990", "fiscal 1990's"
  if (a && a->fiscal) {
    std::size_t j = i + 1;
    if (cue(j, Cue::year)) ++j;
    if (int y = year_number(j)) {
      m.last = j + 1;
      m.value = cal::format_year(y);
      return true;
    }
    if (j > i + 1) {  // "fiscal year": the current one
      m.last = j;
      m.type = TimexType::duration;
      m.value = "P1Y";
      return true;
    }
  }
  // A year on its own.
  if (int y = year_number(i)) {
    // Not part of an amount ("$1990", "1990 people" is rare; "1,990" has a comma).
    if (tx(i).find(',') != std::string_view::npos) return false;
    if (i > 0 && (T[i - 1].kind == TokenKind::symbol || is(i - 1, "No.") || is(i - 1, "#"))) return false;
    if (i + 1 < size() && (is(i + 1, "%") || (w(i + 1) && w(i + 1)->unit != Unit::none))) return false;
    if (y < 1500 && !(i > 0 && (cue(i - 1, Cue::in) || cue(i - 1, Cue::since)))) return false;
    m.last = i + 1;
    m.value = cal::format_year(y);
    return true;
  }
  return false;
}

// Years in words, as broadcast transcripts write them: "nineteen ninety-six",
// "nineteen seventy nine", "the year two thousand".
bool Scan::spelled_year(std::size_t i, Match& m) const {
  std::size_t j = i;
  if (the(j) && cue(j + 1, Cue::year)) j += 2;
  const Word* a = w(j);
  if (!a) return false;
  if (j > i && a->number == 2 && cue(j + 1, Cue::thousand)) {
    long n = 2000;
    std::size_t k = j + 2;
    if (cue(k, Cue::and_)) ++k;
    if (w(k) && w(k)->number >= 1 && w(k)->number <= 99 && !w(k)->article) n += w(k++)->number;
    m.last = k;
    m.value = cal::format_year(static_cast<int>(n));
    return true;
  }
  if (a->number < 11 || a->number > 20 || a->article) return false;
  long rest = -1;
  std::size_t k = count(j + 1, rest, false);
  if (k == j + 1 || rest < 10 || rest > 99) return false;
  m.last = k;
  m.value = cal::format_year(static_cast<int>(a->number * 100 + rest));
  return true;
}

// "the summer", "summer 1998", "the winter of 1994", "in the spring": the
// season named, the current or the last one before the reference date.
bool Scan::season(std::size_t i, Match& m) const {
  std::size_t j = the(i) ? i + 1 : i;
  const Word* a = w(j);
  if (!a || a->season.empty()) return false;
  std::size_t k = j + 1;
  if (cue(k, Cue::of) || is(k, ",")) ++k;
  if (int y = year_number(k)) {
    m.last = k + 1;
    m.value = fmt::format("{:04}-{}", y, a->season);
    return true;
  }
  // "the summer of last year", "spring of next year"
  if (has_ref && k > j + 1 && cue(k - 1, Cue::of) && w(k) && w(k)->shift != kNone && cue(k + 1, Cue::year)) {
    m.last = k + 2;
    m.relative = true;
    m.value = fmt::format("{:04}-{}", ref.y + w(k)->shift, a->season);
    return true;
  }
  // "the winter of nineteen ninety-four"
  if (Match sy; k > j + 1 && spelled_year(k, sy) && sy.value.size() == 4) {
    m.last = sy.last;
    m.value = sy.value + "-" + a->season;
    return true;
  }
  // "fall" is mostly a verb, "spring" a noun of its own: need "the"
  if (j == i) return false;
  if (w(j + 1) && (w(j + 1)->unit != Unit::none || T[j + 1].kind == TokenKind::word) && !cue(j + 1, Cue::and_)) return false;
  m.last = j + 1;
  m.relative = true;
  if (!has_ref) { m.value = "XXXX-" + a->season; return true; }
  int start = a->season == "SP" ? 3 : a->season == "SU" ? 6 : a->season == "FA" ? 9 : 12;
  int y = ref.m >= start ? ref.y : ref.y - 1;
  if (start == 12 && ref.m <= 2) y = ref.y - 1;
  if (future_context(i) && ref.m < start) y = ref.y;
  m.value = fmt::format("{:04}-{}", y, a->season);
  return true;
}

// The day a holiday rule gives in year y: "12-25", "4/4/11" (4th Thursday of
// November), "L/1/5" (last Monday of May), "E" (US Election Day).
bool holiday_day(std::string_view rule, int y, Ymd& out) {
  if (rule == "E") {  // the Tuesday after the first Monday of November
    Ymd first{y, 11, 1};
    int wd = cal::weekday(first);
    out = cal::add_days(first, (8 - wd) % 7 + 1);
    return true;
  }
  if (rule.size() == 5 && rule[2] == '-') {
    out = {y, digits(rule, 0, 2), digits(rule, 3, 2)};
    return cal::valid(out.y, out.m, out.d);
  }
  std::size_t a = rule.find('/'), b = rule.rfind('/');
  if (a == std::string_view::npos || a == b) return false;
  int wd = to_int(rule.substr(a + 1, b - a - 1), 0), mo = to_int(rule.substr(b + 1), 0);
  if (wd < 1 || wd > 7 || mo < 1 || mo > 12) return false;
  if (rule.substr(0, a) == "L") {
    Ymd last{y, mo, cal::days_in_month(y, mo)};
    out = cal::add_days(last, -((cal::weekday(last) - wd + 7) % 7));
    return true;
  }
  int n = to_int(rule.substr(0, a), 0);
  if (n < 1 || n > 5) return false;
  Ymd first{y, mo, 1};
  out = cal::add_days(first, (wd - cal::weekday(first) + 7) % 7 + 7L * (n - 1));
  return out.m == mo;
}

// "Thanksgiving", "last Christmas", "Christmas Day 1998"
bool Scan::holiday(std::size_t i, Match& m) const {
  std::size_t j = i;
  int shift = kNone;
  if (w(j) && w(j)->shift != kNone && (w(j)->shift != 0 || cue(j, Cue::this_))) shift = w(j++)->shift;
  if (j >= size() || !T[j].capitalized) return false;
  const Word* h = nullptr;
  std::size_t e = phrase(j, h);
  if (e == j || !h || h->holiday.empty()) {
    h = w(j);
    e = j + 1;
  }
  if (!h || h->holiday.empty()) return false;
  Ymd probe;
  if (int y = year_number(e)) {
    if (!holiday_day(h->holiday, y, probe)) return false;
    m.last = e + 1;
    m.value = cal::format_day(probe);
    return true;
  }
  m.last = e;
  m.relative = true;
  if (!has_ref) { m.value = shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "XXXX-XX-XX"; return true; }
  // The nearest one, reading toward the past unless told otherwise.
  bool future = shift > 0 || (shift == kNone && future_context(i));
  int y = ref.y;
  if (!holiday_day(h->holiday, y, probe)) return false;
  long diff = cal::to_days(probe) - cal::to_days(ref);
  if (shift == -1) { if (diff >= 0) --y; }           // "last Christmas"
  else if (future) { if (diff < 0) ++y; }             // "next Christmas", "will … at Christmas"
  else if (shift == kNone && diff > 31) --y;          // a month ahead still reads as this year's
  if (!holiday_day(h->holiday, y, probe)) return false;
  m.value = cal::format_day(probe);
  return true;
}

}  // namespace newsan::timex
