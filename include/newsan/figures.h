// newsan/figures.h — figures: numbers with qualifier, unit, what they count
// and what happened to them; grouped when they are the same quantity.
//
// Contract: FigureExtractor is built once from the data directory and is then
// immutable; extract() is const and thread-safe. Numbers that are part of a
// date or time (given in `dates`) are never reported as figures.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsan/dates.h"
#include "newsan/document.h"
#include "newsan/resources.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"

namespace newsan {

enum class Qualifier { exact, approximately, more_than, at_least, less_than, at_most, range };
enum class Direction { none, up, down };
// Event classes in the style of GDELT's counts.
enum class EventClass { none, release, arrest, detain, kill, wound, affect, protest, seize, kidnap, other };
// Whether the event of a figure happened, is only planned or possible, or is denied.
enum class Modality { none, happened, expected, negated };

const char* to_string(Qualifier q);
const char* to_string(Direction d);   // "up", "down"; none -> ""
const char* to_string(EventClass c);  // "RELEASE" …; none -> ""
const char* to_string(Modality m);    // "happened", "expected", "negated"; none -> ""

struct Figure {
  Span span;                          // the whole figure phrase ("over 130", "$3bn", "10 to 20")
  std::optional<double> value;        // null when out of range or a range
  std::optional<double> low, high;    // for ranges
  Qualifier qualifier = Qualifier::exact;
  Direction direction = Direction::none;
  std::string unit;                   // normalized: "percent", "USD", "kilometre"; a count noun for counts
  std::string unit_evidence;          // why a currency was chosen from context ("Chile, Chilean"); empty when written
  // What kind of quantity: "count", "money", "percent", "percent-point", "measure",
  // "duration", "age", "multiple", "fraction" or "number" (a bare number).
  std::string kind;
  std::string counted;                // noun phrase counted ("political prisoners")
  std::optional<Span> counted_span;
  std::string event;                  // lemma: "released", "arrested", "held" …
  std::optional<Span> event_span;     // the word the event was read from
  EventClass event_class = EventClass::none;
  // Read from the parse of the sentence (empty / none when it was not parsed or
  // does not say): who did it — the subject of an active predicate or the "by"
  // phrase of a passive — and whether it happened. `agent` is the entity's name
  // when `agent_entity` (an index into Analysis::entities, set by the Analyzer)
  // links it, else the words of the phrase.
  std::string agent;
  std::optional<Span> agent_span;
  std::optional<std::size_t> agent_entity;
  Modality modality = Modality::none;
  std::size_t sentence = 0;
  std::size_t group = 0;              // index into FigureResult::groups
};

// Figures that are the same quantity: indexes into FigureResult::figures.
struct FigureGroup {
  std::vector<std::size_t> members;
  std::size_t representative = 0;     // the most precise member
};

// A consistency note between groups: agreement, contradiction, arithmetic relation.
struct FigureNote {
  std::string kind;                   // "agrees", "contradicts", "sum"
  std::vector<std::size_t> groups;
  std::string text;                   // a sentence a person reads
};

struct FigureResult {
  std::vector<Figure> figures;        // sorted by span
  std::vector<FigureGroup> groups;
  std::vector<FigureNote> notes;
};

// A numeral at the start of `s`: digits with optional thousands separators
// ("1,800", "36,040"), a decimal part ("2.5", ".500") and an exponent
// ("1e400"). No sign, no scale word, no unit: the extractor reads those.
// Pure, never throws, linear in the bytes it reads: the fuzzing entry point.
struct Numeral {
  std::size_t length = 0;        // bytes read; 0 when `s` does not start with a numeral
  std::optional<double> value;   // null when out of range (over 18 integer digits, overflow)
  bool grouped = false;          // had thousands separators
  bool fractional = false;       // had a decimal part
  bool exponent = false;         // had an exponent
  std::size_t int_digits = 0;    // digits before the decimal point
  bool leading_zero = false;     // "0401": more than one integer digit, the first a zero
};
Numeral parse_numeral(std::string_view s) noexcept;

class FigureExtractor {
 public:
  // The figure lexicons and number words from `res` (loaded once there, shared).
  explicit FigureExtractor(const Resources& res);
  // With a Resources of its own.
  explicit FigureExtractor(const DataDir& data);
  ~FigureExtractor();
  FigureExtractor(FigureExtractor&&) noexcept;
  FigureExtractor& operator=(FigureExtractor&&) noexcept;

  // `syntax` parses the document's sentences on demand (unavailable without a model).
  FigureResult extract(const Document& doc, const Tokenized& tokens, const std::vector<TimeExpression>& dates,
                       DocumentSyntax& syntax) const;
  // The same without parses (a DocumentSyntax with no model).
  FigureResult extract(const Document& doc, const Tokenized& tokens,
                       const std::vector<TimeExpression>& dates) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsan
