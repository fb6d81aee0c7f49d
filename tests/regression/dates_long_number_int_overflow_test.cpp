// Bug: the date scanner read every number token into an int, digit by digit,
// even past nine digits, so "4444444444444" overflowed a signed int
// (undefined behaviour, reported by UBSan). Found by `make fuzz` (targets
// dates, analyze, jsonl and html all hit it within seconds). The input is
// also replayed by "fuzz replay: dates", which the sanitizer build runs.
#include <catch2/catch.hpp>

#include "newsan/dates.h"
#include "newsan/tokenizer.h"

TEST_CASE("dates_long_number_int_overflow: long numbers are not dates and do not overflow", "[regression][dates]") {
  newsan::DateExtractor dates{newsan::DataDir(NEWSAN_TEST_DATA_DIR)};
  newsan::Document doc;
  doc.text = "Workers met on 5 Jan. 4444444444444 times, and 2005222222222222 more.";
  doc.date = "2024-03-01";
  doc.date_origin = newsan::Origin::option;
  auto r = dates.extract(doc, newsan::tokenize(doc.text));
  for (const auto& t : r.dates) {
    std::string_view s = t.span.in(doc.text);
    CHECK(s.find("4444444444444") == std::string_view::npos);
    CHECK(s.find("2005222222222222") == std::string_view::npos);
  }
}
