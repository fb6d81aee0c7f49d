// Calendar arithmetic, ISO dates and TIMEX3 intervals (see calendar.h).
#include "util/calendar.h"

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

int digits(std::string_view s, std::size_t b, std::size_t n) {
  if (b + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = b; i < b + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace newsan::cal

namespace newsan {

using cal::Ymd;

using cal::digits;

bool parse_iso_date(std::string_view s, int& y, int& m, int& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  y = digits(s, 0, 4);
  m = digits(s, 5, 2);
  d = digits(s, 8, 2);
  if (y < 0 || m < 0 || d < 0) return false;
  return y >= 1 && cal::valid(y, m, d);
}

bool timex_interval(std::string_view v, std::string& begin, std::string& end) {
  auto set = [&](Ymd a, Ymd b) {
    begin = cal::format_day(a);
    end = cal::format_day(b);
    return true;
  };
  // A century as TIMEX3 writes it: "19" (the 1900s)
  if (int c = digits(v, 0, 2); v.size() == 2 && c >= 1) return set({c * 100, 1, 1}, {c * 100 + 99, 12, 31});
  if (v.size() < 4) return false;
  int y = digits(v, 0, 4);
  if (y < 1) {
    // Decades and centuries: "199X", "19XX".
    int c = digits(v, 0, 3);
    if (v.size() == 4 && c >= 0 && v[3] == 'X' && c >= 1) return set({c * 10, 1, 1}, {c * 10 + 9, 12, 31});
    c = digits(v, 0, 2);
    if (v.size() == 4 && c >= 1 && v.substr(2) == "XX") return set({c * 100, 1, 1}, {c * 100 + 99, 12, 31});
    return false;
  }
  if (v.size() == 4) return set({y, 1, 1}, {y, 12, 31});
  if (v[4] != '-' || v.size() < 7) return false;
  std::string_view rest = v.substr(5);
  if (int m = digits(rest, 0, 2); m >= 1 && m <= 12) {
    if (rest.size() == 2) return set({y, m, 1}, {y, m, cal::days_in_month(y, m)});
    if (rest.size() >= 5 && rest[2] == '-') {
      int d = digits(rest, 3, 2);
      if (!cal::valid(y, m, d)) return false;
      if (rest.size() == 5 || rest[5] == 'T') return set({y, m, d}, {y, m, d});
    }
    return false;
  }
  if (rest[0] == 'W' && rest != "WI") {
    int w = digits(rest, 1, 2);
    if (w < 1 || w > 53) return false;
    Ymd mon = cal::iso_week_monday(y, w);
    int wy = 0, wn = 0;
    cal::iso_week(mon, wy, wn);
    if (wy != y || wn != w) return false;  // W53 of a 52-week year
    if (rest.size() == 3) return set(mon, cal::add_days(mon, 6));
    if (rest.substr(3) == "-WE") return set(cal::add_days(mon, 5), cal::add_days(mon, 6));
    return false;
  }
  if (rest.size() != 2) return false;
  if (rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    int q = rest[1] - '0';
    return set({y, 3 * q - 2, 1}, {y, 3 * q, cal::days_in_month(y, 3 * q)});
  }
  if (rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2'))
    return rest[1] == '1' ? set({y, 1, 1}, {y, 6, 30}) : set({y, 7, 1}, {y, 12, 31});
  // Seasons, northern hemisphere, meteorological.
  if (rest == "SP") return set({y, 3, 1}, {y, 5, 31});
  if (rest == "SU") return set({y, 6, 1}, {y, 8, 31});
  if (rest == "FA") return set({y, 9, 1}, {y, 11, 30});
  if (rest == "WI") return set({y, 12, 1}, {y + 1, 2, cal::days_in_month(y + 1, 2)});
  return false;
}

}  // namespace newsan
