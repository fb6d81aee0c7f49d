// reader/date_line.h — full calendar dates as pages and wires write them in
// their furniture: a visible date line ("May 3, 2021", "Apr. 28, 2022 9:52 PM",
// "16 November 2017 • 2:15pm", "2021-05-03"), a URL path ("/2021/may/03/",
// "/2021/05/03/"), a dateline opening a text ("CARACAS, Jan. 8, 2025 (Reuters) -",
// "Published: 8 January 2025"). The readers record what these give as
// publication-date candidates (document.h); choose_publication_date decides.
// Internal to src/reader/.
//
// Contract: built once from the Resources (month names from
// lexicon/dates-en.tsv, date labels from lexicon/html-hints.tsv; FormatError on
// a bad file), which share it between the HTML reader and the Analyzer; then immutable; every method is const, pure and never throws.
// Only whole dates count: a day and month without a year say nothing certain.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsan/document.h"
#include "newsan/resources.h"
#include "util/calendar.h"
#include "util/lexicon.h"

namespace newsan::reader {

class DateLineReader {
 public:
  explicit DateLineReader(const Resources& res);
  // With a Resources of its own (tests).
  explicit DateLineReader(const DataDir& data);

  // The first whole date written in `line`, or nothing.
  std::optional<cal::Ymd> read(std::string_view line) const;
  // A date written as path segments of `url`: /YYYY/MM/DD/, /YYYY/month/DD/,
  // /YYYY-MM-DD/ (a segment may continue after the day: /2021/05/03/slug).
  std::optional<cal::Ymd> read_url(std::string_view url) const;
  // A date that opens one of the first lines of `text` (origin dateline), or
  // follows a date label there ("Published: …", origin text).
  std::optional<DateCandidate> read_dateline(std::string_view text) const;

 private:
  struct Item {
    std::string_view s;
    bool number = false;
    std::size_t end = 0;  // byte offset after it in the line
  };
  std::vector<Item> items(std::string_view line) const;
  int month(std::string_view word) const;
  bool label(std::string_view word) const;

  lex::WordTable<int> months_;                   // folded month name or abbreviation -> 1..12
  std::vector<std::string> labels_;              // folded date labels ("published", "updated" …)
};

}  // namespace newsan::reader
