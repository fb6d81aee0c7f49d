// newsan/analysis.h — everything found in one document, and the Analyzer
// that runs the pipeline: (dateline) → tokenizer → dates → figures, entities; the
// extractors share one DocumentSyntax, which parses sentences only when asked.
//
//   newsan::Analyzer analyzer(newsan::DataDir::locate(std::nullopt, argv[0]));
//   newsan::Analysis a = analyzer.analyze(newsan::read_text_file("a.txt", {}));
//
// Contract: an Analyzer loads every resource once in its constructor and is
// then immutable; analyze() is const and may run on many threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "newsan/dates.h"
#include "newsan/document.h"
#include "newsan/entities.h"
#include "newsan/figures.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"

namespace newsan {

namespace reader {
class DateLineReader;
}

inline constexpr const char* kSchemaVersion = "1.0";

struct Analysis {
  Document document;
  Tokenized tokens;
  std::vector<Entity> entities;
  FigureResult figures;
  DateResult dates;
};

class Analyzer {
 public:
  explicit Analyzer(const DataDir& data);
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analysis analyze(Document doc) const;
  std::string model_version() const { return entities_.model_version(); }
  // The syntax model (models/syntax.model), or null when the data has none.
  const SyntaxModel* syntax_model() const { return syntax_.get(); }

 private:
  std::shared_ptr<const SyntaxModel> syntax_;
  std::unique_ptr<const reader::DateLineReader> datelines_;  // a text's dateline, when it came without a date
  DateExtractor dates_;
  FigureExtractor figures_;
  EntityExtractor entities_;
};

}  // namespace newsan
