// newsan/dates.h — temporal expressions, typed and normalized as TIMEX3.
//
// Contract: DateExtractor is built once from the data directory (it loads
// data/lexicon/ files and throws FormatError on a bad one) and then is
// immutable: extract() is const and safe to call from many threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsan/document.h"
#include "newsan/resources.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"

namespace newsan {

enum class TimexType { date, time, duration, set };
const char* to_string(TimexType t);

struct TimeExpression {
  Span span;
  TimexType type = TimexType::date;
  // TIMEX3 value: "2025-01-05", "2025-01", "2025-W02", "P3M", "PAST_REF" …; empty = unknown.
  std::string value;
  std::string mod;              // TIMEX3 mod: APPROX, START, END, BEFORE, AFTER … or empty
  std::optional<std::string> begin, end;  // resolved calendar interval, ISO dates, end inclusive
  bool relative = false;        // resolved against the reference date
  std::size_t sentence = 0;
};

struct DateResult {
  std::vector<TimeExpression> dates;  // sorted by span
  // The reference (publication) date actually used, ISO YYYY-MM-DD, and its origin.
  std::optional<std::string> reference;
  Origin reference_origin = Origin::none;
};

class DateExtractor {
 public:
  explicit DateExtractor(const DataDir& data);
  ~DateExtractor();
  DateExtractor(DateExtractor&&) noexcept;
  DateExtractor& operator=(DateExtractor&&) noexcept;

  // Uses doc.date when set (any origin); otherwise looks for one in the text
  // (dateline, "Published:" line) and reports it in the result.
  // `syntax` parses the document's sentences on demand (unavailable without a model).
  DateResult extract(const Document& doc, const Tokenized& tokens, DocumentSyntax& syntax) const;
  // The same without parses (a DocumentSyntax with no model).
  DateResult extract(const Document& doc, const Tokenized& tokens) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses a strict "YYYY-MM-DD" calendar date; false when malformed or impossible.
bool parse_iso_date(std::string_view s, int& year, int& month, int& day);

// The calendar interval a TIMEX3 date value covers, as inclusive ISO dates:
// "2025" -> 2025-01-01..2025-12-31, "2025-W02", "2025-Q1", "2025-H2", "2025-SU",
// "199X", "19XX", "2025-01-05T08:30" (its day). False for durations, sets,
// *_REF and anything not fully known ("XXXX-01"). Pure; never throws.
bool timex_interval(std::string_view value, std::string& begin, std::string& end);

}  // namespace newsan
