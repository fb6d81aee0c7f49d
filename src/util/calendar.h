// util/calendar.h — proleptic Gregorian arithmetic, strict ISO dates and the
// calendar intervals of TIMEX3 values: what the readers (publication dates),
// the date extractor and the CLI (--date) share. Pure functions, no
// allocation except the returned strings; never throw.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsan::cal {

struct Ymd {
  int y = 0, m = 0, d = 0;
  friend bool operator==(const Ymd&, const Ymd&) = default;
  friend auto operator<=>(const Ymd&, const Ymd&) = default;
};

// s[b, b+n) as decimal digits; -1 when out of range or any is not a digit.
int digits(std::string_view s, std::size_t b, std::size_t n);

bool leap(int y);
int days_in_month(int y, int m);
bool valid(int y, int m, int d);
// Days since 1970-01-01 (Howard Hinnant's algorithm).
long to_days(Ymd t);
Ymd from_days(long z);
// 1 = Monday … 7 = Sunday.
int weekday(Ymd t);
Ymd add_days(Ymd t, long n);
// Adds months keeping the day, clamped to the month's length.
Ymd add_months(Ymd t, int n);
// ISO 8601 week: sets the week-numbering year and week (1..53).
void iso_week(Ymd t, int& wy, int& wn);
// Monday of ISO week `wn` of week-year `wy`.
Ymd iso_week_monday(int wy, int wn);

std::string format_day(Ymd t);               // 2025-01-05
std::string format_month(int y, int m);      // 2025-01
std::string format_year(int y);              // 2025
std::string format_week(Ymd t);              // 2025-W02

}  // namespace newsan::cal

namespace newsan {

// Parses a strict "YYYY-MM-DD" calendar date; false when malformed or impossible.
bool parse_iso_date(std::string_view s, int& year, int& month, int& day);

// The calendar interval a TIMEX3 date value covers, as inclusive ISO dates:
// "2025" -> 2025-01-01..2025-12-31, "2025-W02", "2025-Q1", "2025-H2", "2025-SU",
// "199X", "19XX", "2025-01-05T08:30" (its day). False for durations, sets,
// *_REF and anything not fully known ("XXXX-01").
bool timex_interval(std::string_view value, std::string& begin, std::string& end);

}  // namespace newsan
