// Fuzz target: date parsing. parse_iso_date accepts only real calendar
// dates; the DateExtractor, on any text and with or without a reference
// date, returns sorted expressions whose spans lie inside the text.
// timex_interval, the normalizer's value -> interval function, gives real
// ISO dates in order for any input.
#include "fuzz.h"
#include "newsan/dates.h"
#include "properties.h"
#include "util/calendar.h"
#include "util/utf8.h"

namespace {
bool real_date(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsan;
  static const DateExtractor extractor{DataDir(NEWSAN_FUZZ_DATA_DIR)};
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  int y = 0, m = 0, d = 0;
  if (parse_iso_date(raw.substr(0, 16), y, m, d) && !real_date(y, m, d))
    fuzz::broken("dates", fmt::format("parse_iso_date accepted {}-{}-{}", y, m, d));

  // The normalizer's interval: both ends real ISO dates, begin <= end.
  std::string begin, end;
  if (timex_interval(raw.substr(0, 24), begin, end)) {
    int y2 = 0, m2 = 0, d2 = 0;
    if (!parse_iso_date(begin, y, m, d) || !parse_iso_date(end, y2, m2, d2) || end < begin)
      fuzz::broken("dates", fmt::format("timex_interval gave {}..{}", begin, end));
  }

  Document doc;
  std::size_t replaced = 0;
  doc.text = utf8::replace_invalid(raw, replaced);
  if (size % 3 == 0) {
    doc.date = "2025-01-05";
    doc.date_origin = Origin::option;
  }
  Tokenized tk = tokenize(doc.text);
  DateResult r = extractor.extract(doc, tk);
  Span prev{0, 0};
  for (const TimeExpression& t : r.dates) {
    if (t.span.empty() || t.span.end > doc.text.size()) fuzz::broken("dates", "a date span is out of range");
    if (t.span < prev) fuzz::broken("dates", "dates are not sorted by span");
    if (utf8::find_invalid(t.span.in(doc.text)) != std::string::npos) fuzz::broken("dates", "a date span cuts a code point");
    prev = t.span;
  }
  return 0;
}
