#include "newsan/analysis.h"

#include "newsan/reader.h"
#include "reader/date_line.h"

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
    : syntax_(load_syntax(data)),
      datelines_(std::make_unique<const reader::DateLineReader>(data)),
      dates_(data), figures_(data), entities_(data) {}
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
  DocumentSyntax syntax(syntax_.get(), a.document.text, a.tokens);
  a.dates = dates_.extract(a.document, a.tokens, syntax);
  a.figures = figures_.extract(a.document, a.tokens, a.dates.dates, syntax);
  a.entities = entities_.extract(a.document, a.tokens, syntax);
  return a;
}

}  // namespace newsan
