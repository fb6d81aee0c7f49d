#include "newsan/analysis.h"

#include "newsan/reader.h"
#include "reader/date_line.h"

namespace newsan {

Analyzer::Analyzer(const DataDir& data)
    : datelines_(std::make_unique<const reader::DateLineReader>(data)), dates_(data), figures_(data), entities_(data) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

Analysis Analyzer::analyze(Document doc) const {
  Analysis a;
  a.document = std::move(doc);
  // A text that came without a date may state one in its dateline.
  if (!a.document.date)
    if (auto c = datelines_->read_dateline(a.document.text)) {
      a.document.date_candidates.push_back(std::move(*c));
      choose_publication_date(a.document);
    }
  a.tokens = tokenize(a.document.text);
  a.dates = dates_.extract(a.document, a.tokens);
  a.figures = figures_.extract(a.document, a.tokens, a.dates.dates);
  a.entities = entities_.extract(a.document, a.tokens);
  return a;
}

}  // namespace newsan
