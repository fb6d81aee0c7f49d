// The figure extractor: loads its word tables once, then scans every sentence
// (src/figures/scanner.cpp) and groups what it found (src/figures/groups.cpp).
#include "newsan/figures.h"

#include <algorithm>

#include "figures/internal.h"

namespace newsan {
const char* to_string(Qualifier q) {
  switch (q) {
    case Qualifier::exact: return "exact";
    case Qualifier::approximately: return "approximately";
    case Qualifier::more_than: return "more_than";
    case Qualifier::at_least: return "at_least";
    case Qualifier::less_than: return "less_than";
    case Qualifier::at_most: return "at_most";
    case Qualifier::range: return "range";
  }
  return "exact";
}
const char* to_string(Direction d) {
  return d == Direction::up ? "up" : d == Direction::down ? "down" : "";
}
const char* to_string(EventClass c) {
  switch (c) {
    case EventClass::none: return "";
    case EventClass::release: return "RELEASE";
    case EventClass::arrest: return "ARREST";
    case EventClass::detain: return "DETAIN";
    case EventClass::kill: return "KILL";
    case EventClass::wound: return "WOUND";
    case EventClass::affect: return "AFFECT";
    case EventClass::protest: return "PROTEST";
    case EventClass::seize: return "SEIZE";
    case EventClass::kidnap: return "KIDNAP";
    case EventClass::other: return "OTHER";
  }
  return "";
}

const char* to_string(Modality m) {
  switch (m) {
    case Modality::none: return "";
    case Modality::happened: return "happened";
    case Modality::expected: return "expected";
    case Modality::negated: return "negated";
  }
  return "";
}

struct FigureExtractor::Impl {
  figures::Lexicon lexicon;
};

FigureExtractor::FigureExtractor(const Resources& res)
    : impl_(std::make_unique<Impl>(Impl{figures::Lexicon::load(res)})) {}
FigureExtractor::FigureExtractor(const DataDir& data) : FigureExtractor(Resources(data)) {}
FigureExtractor::~FigureExtractor() = default;
FigureExtractor::FigureExtractor(FigureExtractor&&) noexcept = default;
FigureExtractor& FigureExtractor::operator=(FigureExtractor&&) noexcept = default;

FigureResult FigureExtractor::extract(const Document& doc, const Tokenized& tokens,
                                      const std::vector<TimeExpression>& dates) const {
  DocumentSyntax none(nullptr, doc.text, tokens);
  return extract(doc, tokens, dates, none);
}

FigureResult FigureExtractor::extract(const Document& doc, const Tokenized& tokens,
                                      const std::vector<TimeExpression>& dates, DocumentSyntax& syntax) const {
  FigureResult r;
  // Numbers inside calendar dates and clock times are not figures; durations
  // ("15 years") and sets are, so only those two types block.
  std::vector<Span> blocked;
  for (const TimeExpression& t : dates)
    if (t.type == TimexType::date || t.type == TimexType::time) blocked.push_back(t.span);
  std::sort(blocked.begin(), blocked.end());
  // Merge overlaps so the scanner's binary search sees disjoint spans.
  std::vector<Span> merged;
  for (const Span& s : blocked) {
    if (!merged.empty() && s.start < merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
    else merged.push_back(s);
  }
  figures::scan_document(impl_->lexicon, doc.text, tokens, merged, r.figures);
  auto by_span = [](const Figure& a, const Figure& b) { return a.span < b.span; };
  if (!std::is_sorted(r.figures.begin(), r.figures.end(), by_span))
    std::stable_sort(r.figures.begin(), r.figures.end(), by_span);
  figures::drop_pronoun_one(impl_->lexicon, doc.text, tokens, syntax, r.figures);
  figures::currency_by_context(impl_->lexicon, doc.text, tokens, r.figures);
  figures::read_facts(impl_->lexicon, doc.text, tokens, syntax, r.figures);
  figures::custody_of_people(impl_->lexicon, r.figures);
  figures::group_figures(doc.text, r);
  return r;
}

}  // namespace newsan
