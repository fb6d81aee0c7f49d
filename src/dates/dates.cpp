// First version of the date extractor (foundation): explicit dates, years,
// weekdays and "N units ago" phrases. The dates issue replaces these rules.
#include "newsan/dates.h"

#include <array>
#include <cstdio>

#include "newsan/error.h"
#include "util/utf8.h"

namespace newsan {

const char* to_string(TimexType t) {
  switch (t) {
    case TimexType::date: return "date";
    case TimexType::time: return "time";
    case TimexType::duration: return "duration";
    case TimexType::set: return "set";
  }
  return "date";
}

bool parse_iso_date(std::string_view s, int& y, int& m, int& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto num = [&](std::size_t b, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int dim = kDays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
  return d <= dim;
}

struct DateExtractor::Impl {};

DateExtractor::DateExtractor(const DataDir&) : impl_(std::make_unique<Impl>()) {}
DateExtractor::~DateExtractor() = default;
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;

namespace {
constexpr std::array<const char*, 12> kMonths = {"january", "february", "march", "april", "may", "june",
                                                 "july", "august", "september", "october", "november",
                                                 "december"};
constexpr std::array<const char*, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};
constexpr std::array<const char*, 5> kUnits = {"day", "week", "month", "year", "decade"};

int index_of(std::string_view w, const auto& list) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (w == list[i]) return static_cast<int>(i);
  return -1;
}
std::string unit_stem(std::string w) {
  if (w.size() > 1 && w.back() == 's') w.pop_back();
  return w;
}
}  // namespace

DateResult DateExtractor::extract(const Document& doc, const Tokenized& tk) const {
  DateResult r;
  if (doc.date) {
    r.reference = doc.date->substr(0, 10);
    r.reference_origin = doc.date_origin;
  }
  std::string_view text = doc.text;
  const auto& T = tk.tokens;
  auto low = [&](std::size_t i) { return utf8::fold(T[i].text(text)); };
  for (std::size_t i = 0; i < T.size(); ++i) {
    std::string w = low(i);
    TimeExpression e;
    // "several months ago", "two years ago"
    if (i + 2 < T.size() && low(i + 2) == "ago" && index_of(unit_stem(low(i + 1)), kUnits) >= 0) {
      e.span = {T[i].span.start, T[i + 2].span.end};
      e.value = "PAST_REF";
      e.relative = true;
      r.dates.push_back(e);
      i += 2;
      continue;
    }
    if (w == "yesterday" || w == "today" || w == "tomorrow") {
      e.span = T[i].span;
      e.value = w == "today" ? "PRESENT_REF" : (w == "yesterday" ? "PAST_REF" : "FUTURE_REF");
      e.relative = true;
      r.dates.push_back(e);
      continue;
    }
    if (T[i].capitalized && index_of(w, kWeekdays) >= 0) {
      e.span = T[i].span;
      e.relative = true;
      r.dates.push_back(e);
      continue;
    }
    if (int m = index_of(w, kMonths); m >= 0 && T[i].capitalized) {
      std::size_t j = i + 1;
      int day = 0, year = 0;
      if (j < T.size() && T[j].kind == TokenKind::number && T[j].span.size() <= 2) {
        day = std::atoi(std::string(T[j].text(text)).c_str());
        ++j;
        if (j + 1 < T.size() && T[j].text(text) == ",") ++j;
      }
      if (j < T.size() && T[j].kind == TokenKind::number && T[j].span.size() == 4) {
        year = std::atoi(std::string(T[j].text(text)).c_str());
        ++j;
      }
      if (day == 0 && year == 0 && w == "may") continue;
      std::size_t last = j > i + 1 && T[j - 1].text(text) == "," ? j - 2 : j - 1;
      e.span = {T[i].span.start, T[last].span.end};
      char buf[32];
      if (year && day && day <= 31) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m + 1, day);
      else if (year) std::snprintf(buf, sizeof buf, "%04d-%02d", year, m + 1);
      else buf[0] = 0;
      e.value = buf;
      r.dates.push_back(e);
      i = last;
      continue;
    }
    if (T[i].kind == TokenKind::number && T[i].span.size() == 4) {
      std::string_view y = T[i].text(text);
      if ((y.starts_with("19") || y.starts_with("20")) &&
          y.find_first_not_of("0123456789") == std::string_view::npos) {
        e.span = T[i].span;
        e.value = std::string(y);
        r.dates.push_back(e);
      }
    }
  }
  for (auto& d : r.dates) d.sentence = sentence_at(tk, d.span.start);
  return r;
}

}  // namespace newsan
