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
  bool relative = false;        // resolved against the publication date (Document::date)
  std::size_t sentence = 0;
};

struct DateResult {
  std::vector<TimeExpression> dates;  // sorted by span
};

class DateExtractor {
 public:
  // The date lexicon and number words from `res` (loaded once there, shared).
  explicit DateExtractor(const Resources& res);
  // With a Resources of its own.
  explicit DateExtractor(const DataDir& data);
  ~DateExtractor();
  DateExtractor(DateExtractor&&) noexcept;
  DateExtractor& operator=(DateExtractor&&) noexcept;

  // Resolves relative expressions against doc.date (the publication date the
  // reader chose, reader.h); without one they stay unresolved ("XXXX-05-02").
  // `syntax` parses the document's sentences on demand (unavailable without a model).
  DateResult extract(const Document& doc, const Tokenized& tokens, DocumentSyntax& syntax) const;
  // The same without parses (a DocumentSyntax with no model).
  DateResult extract(const Document& doc, const Tokenized& tokens) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsan
