// Calendar arithmetic for TIMEX3 normalization (see calendar.h).
#include "dates/calendar.h"

#include <fmt/format.h>

namespace newsan::cal {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return kDays[m - 1] + (m == 2 && leap(y));
}

bool valid(int y, int m, int d) { return y >= 1 && y <= 9999 && d >= 1 && d <= days_in_month(y, m); }

long to_days(Ymd t) {
  long y = t.y - (t.m <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (t.m + (t.m > 2 ? -3 : 9)) + 2) / 5 + t.d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2)), m, d};
}

int weekday(Ymd t) {
  long z = to_days(t);  // 1970-01-01 was a Thursday (4)
  long w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

Ymd add_days(Ymd t, long n) { return from_days(to_days(t) + n); }

Ymd add_months(Ymd t, int n) {
  int total = t.y * 12 + (t.m - 1) + n;
  int y = total / 12, m = total % 12 + 1;
  int d = t.d > days_in_month(y, m) ? days_in_month(y, m) : t.d;
  return {y, m, d};
}

Ymd iso_week_monday(int wy, int wn) {
  Ymd jan4{wy, 1, 4};
  long monday1 = to_days(jan4) - (weekday(jan4) - 1);
  return from_days(monday1 + 7L * (wn - 1));
}

void iso_week(Ymd t, int& wy, int& wn) {
  // The week belongs to the year of its Thursday.
  Ymd thu = add_days(t, 4 - weekday(t));
  wy = thu.y;
  wn = static_cast<int>((to_days(thu) - to_days(Ymd{wy, 1, 1})) / 7 + 1);
}

namespace {

// Writes v zero-padded to `width` digits at p, as fmt's "{:0N}" does, when it
// fits (0 <= v < 10^width); false otherwise (negative or wider: fmt decides).
bool put_digits(char* p, int v, int width) {
  if (v < 0) return false;
  for (int k = width - 1; k >= 0; --k, v /= 10) p[k] = static_cast<char>('0' + v % 10);
  return v == 0;
}

}  // namespace

// The common case (a year of four digits) without fmt: these run for every
// date found and every interval printed.
std::string format_day(Ymd t) {
  char b[10] = {0, 0, 0, 0, '-', 0, 0, '-', 0, 0};
  if (put_digits(b, t.y, 4) && put_digits(b + 5, t.m, 2) && put_digits(b + 8, t.d, 2)) return {b, sizeof b};
  return fmt::format("{:04}-{:02}-{:02}", t.y, t.m, t.d);
}
std::string format_month(int y, int m) {
  char b[7] = {0, 0, 0, 0, '-', 0, 0};
  if (put_digits(b, y, 4) && put_digits(b + 5, m, 2)) return {b, sizeof b};
  return fmt::format("{:04}-{:02}", y, m);
}
std::string format_year(int y) {
  char b[4];
  if (put_digits(b, y, 4)) return {b, sizeof b};
  return fmt::format("{:04}", y);
}
std::string format_week(Ymd t) {
  int wy = 0, wn = 0;
  iso_week(t, wy, wn);
  return fmt::format("{:04}-W{:02}", wy, wn);
}

}  // namespace newsan::cal
