#include "newsan/analysis.h"

namespace newsan {

Analyzer::Analyzer(const DataDir& data) : dates_(data), figures_(data), entities_(data) {}

Analysis Analyzer::analyze(Document doc) const {
  Analysis a;
  a.document = std::move(doc);
  a.tokens = tokenize(a.document.text);
  a.dates = dates_.extract(a.document, a.tokens);
  a.figures = figures_.extract(a.document, a.tokens, a.dates.dates);
  a.entities = entities_.extract(a.document, a.tokens);
  return a;
}

}  // namespace newsan
