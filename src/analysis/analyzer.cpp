#include "newsan/analysis.h"
#include "newsan/language.h"

namespace newsan {

Analyzer::Analyzer(const DataDir& data) : dates_(data), figures_(data), entities_(data) {}

Analysis Analyzer::analyze(Document doc) const {
  Analysis a;
  a.document = std::move(doc);
  // A declared language (HTML lang) stands unless the text clearly reads as another.
  if (auto lang = identify_language(a.document.text);
      lang && (!a.document.language || primary_language(*a.document.language) != *lang))
    a.document.language = std::move(lang);
  a.tokens = tokenize(a.document.text);
  a.dates = dates_.extract(a.document, a.tokens);
  a.figures = figures_.extract(a.document, a.tokens, a.dates.dates);
  a.entities = entities_.extract(a.document, a.tokens);
  return a;
}

}  // namespace newsan
