#include "newsan/analysis.h"

namespace newsan {

namespace {
std::shared_ptr<const SyntaxModel> load_syntax(const DataDir& data) {
  // A data directory without the model (an old install) runs without parses;
  // a model that is there but bad is an error.
  if (!data.has("models/syntax.model")) return nullptr;
  return SyntaxModel::load(data.file("models/syntax.model"));
}
}  // namespace

Analyzer::Analyzer(const DataDir& data)
    : syntax_(load_syntax(data)), dates_(data), figures_(data), entities_(data) {}

Analysis Analyzer::analyze(Document doc) const {
  Analysis a;
  a.document = std::move(doc);
  a.tokens = tokenize(a.document.text);
  DocumentSyntax syntax(syntax_.get(), a.document.text, a.tokens);
  a.dates = dates_.extract(a.document, a.tokens, syntax);
  a.figures = figures_.extract(a.document, a.tokens, a.dates.dates, syntax);
  a.entities = entities_.extract(a.document, a.tokens, syntax);
  return a;
}

}  // namespace newsan
