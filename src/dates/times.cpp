// dates/times.cpp — clock times: "8:30 a.m.", "3pm", "01:52:54 PM",
// "10 p.m. EST", "noon", "9 a.m. Tuesday".
// Part of the date extractor; the grammar and the Scan state are in dates/scan.h.
#include "dates/scan.h"

namespace newsan::timex {

// Clock times: "8:30 a.m.", "10 p.m. EST", "noon", "midnight Friday".
bool Scan::clock(std::size_t i, Match& m) const {
  // "10:35 a.m. (0735 GMT)": the same moment restated on another clock, not an
  // expression of its own
  if (i >= 2 && is(i - 1, "(") && w(i - 2) && (!w(i - 2)->ampm.empty() || w(i - 2)->zone || !w(i - 2)->clock.empty()))
    return false;
  auto in_daypart = [&](std::size_t j) { return cue(j, Cue::in) && the(j + 1) && w(j + 2) && !w(j + 2)->daypart.empty(); };
  int hh = -1, mm = 0, ss = -1;
  std::size_t j = i;
  const Word* a = w(i);
  bool numeric = false;   // "8:30", "8" (an am/pm word may follow)
  std::string_view half;  // "am" / "pm" when glued to the digits ("3pm", "15PM")
  if (a && !a->clock.empty()) {
    hh = digits(a->clock, 0, 2);
    mm = digits(a->clock, 3, 2);
    ++j;
  } else if (int g = glued_ampm(i, 2, half); g >= 0) {
    hh = g;
    j = i + 1;
  } else if (N[i] >= 0 && tx(i).size() == 4 && T[i].kind == TokenKind::number && w(i + 1) && w(i + 1)->zone) {
    hh = N[i] / 100;  // "1400 GMT": wire services' 24-hour clock
    mm = N[i] % 100;
    j = i + 1;
  } else if (N[i] >= 0 && tx(i).size() <= 2 && T[i].kind == TokenKind::number) {
    numeric = true;
    hh = N[i];
    j = i + 1;
    // Minutes and seconds: "6:03", "01:52:54", "2:15pm" ("15pm" one token).
    auto two_digits = [&](std::size_t k, std::string_view& glued) {
      if (!(is(k, ":") && adjacent(k) && adjacent(k + 1) && k + 1 < size())) return -1;
      if (tx(k + 1).size() == 2 && N[k + 1] >= 0) return N[k + 1];
      return glued_ampm(k + 1, 2, glued, 2);
    };
    if (int v = two_digits(j, half); v >= 0) {
      mm = v;
      j += 2;
      if (half.empty())
        if (int v2 = two_digits(j, half); v2 >= 0 && v2 <= 59) {
          ss = v2;
          j += 2;
        }
    } else if (!(w(j) && !w(j)->ampm.empty()) && !in_daypart(j)) {
      return false;
    }
  } else {
    return false;
  }
  if (hh > 24 || mm > 59) return false;
  if (numeric && half.empty()) {
    if (w(j) && !w(j)->ampm.empty()) {
      half = w(j)->ampm;
      ++j;
    } else if (hh <= 12 && in_daypart(j)) {
      // "4 in the morning", "8 in the evening"
      half = w(j + 2)->daypart == "MO" ? "am" : "pm";
      j += 3;
    } else if (cue(j, Cue::a) || is(j, "p")) {
      return false;
    }
  }
  if (half == "pm" && hh < 12) hh += 12;
  if (half == "am" && hh == 12) hh = 0;
  const bool zoned = w(j) && w(j)->zone;
  if (zoned) ++j;
  // The day it belongs to: "Tuesday", "yesterday", "Nov. 9" right after the
  // time is inside the span (as TimeBank writes "9 a.m. Tuesday"); after "on"
  // ("3 pm on Tuesday") it gives the time its day but is an expression of its own.
  std::size_t k = j;
  if (is(k, ",")) ++k;
  const bool on = cue(k, Cue::on);
  if (on) ++k;
  Match day;
  // Without a day of its own, a clock time belongs to the day the sentence named
  // before it ("On Friday, … at 10:35 a.m."), else to the last day the story
  // named, else to the reference date.
  std::string date = !sentence_day.empty() ? sentence_day : !story_day.empty() ? story_day : has_ref ? cal::format_day(ref) : "XXXX-XX-XX";
  // A weekday or "yesterday" joins the span ("9 a.m. Tuesday"); a calendar date
  // ("3:15 p.m. Dec. 22") is an expression of its own, as news readers mark it,
  // unless a time zone binds the two into one deadline ("5 p.m. EST Nov. 9").
  bool calendar = false;
  if (k < size() && (deictic(k, day) || (calendar = absolute(k, day))) && day.value.size() >= 10 && day.value[4] == '-' &&
      day.value.size() == 10) {
    date = day.value;
    m.weekday = day.weekday;
    m.weekday_at = day.weekday_at;
    m.own_day = true;
    if (!on && (!calendar || zoned)) j = day.last;
  } else if (k == j && k + 1 < size() && (cue(k, Cue::and_) || cue(k, Cue::to) || cue(k, Cue::until) || is(k, "-") ||
                                          is(k, "\u2013"))) {
    // "between 8 AM and 9 PM Wednesday", "from 9 a.m. to 5 p.m. Sunday": the
    // first time of a span is on the day written after the second
    Match later;
    if (w(k + 1) != nullptr || N[k + 1] >= 0)
      if (clock(k + 1, later) && later.own_day) {
        date = later.value.substr(0, 10);
        m.weekday = later.weekday;
        m.weekday_at = later.weekday_at;
      }
  }
  m.last = j;
  m.type = TimexType::time;
  m.relative = true;
  m.value = fmt::format("{}T{:02}:{:02}", date, hh, mm);
  if (ss >= 0) m.value += fmt::format(":{:02}", ss);
  if (a && a->clock == "24:00") m.value = fmt::format("{}T24:00", date);
  return true;
}

}  // namespace newsan::timex
