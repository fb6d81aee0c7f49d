// newsan/analysis.h — everything found in one document, and the Analyzer
// that runs the pipeline: (dateline) → tokenizer → dates → figures, entities; the
// extractors share one DocumentSyntax, which parses sentences only when asked.
//
//   auto res = std::make_shared<const newsan::Resources>(newsan::DataDir::locate(std::nullopt, argv[0]));
//   newsan::Analyzer analyzer(res);
//   newsan::Analysis a = analyzer.analyze(newsan::read_text_file("a.txt", {}));
//
// Contract: an Analyzer takes every resource from one Resources (resources.h)
// in its constructor — the same object the reader's HTML reader comes from —
// and is then immutable; analyze() is const and may run on many threads at once.
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

inline constexpr const char* kSchemaVersion = "1.1";

struct Analysis {
  Document document;
  Tokenized tokens;
  std::vector<Entity> entities;
  FigureResult figures;
  DateResult dates;
};

class Analyzer {
 public:
  explicit Analyzer(std::shared_ptr<const Resources> res);
  // With a Resources of its own.
  explicit Analyzer(const DataDir& data);
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analysis analyze(Document doc) const;
  std::string model_version() const { return entities_.model_version(); }
  // The syntax model (models/syntax.model), or null when the data has none;
  // loaded on the first call (ResourceError when it cannot be).
  const SyntaxModel* syntax_model() const;

 private:
  std::shared_ptr<const Resources> res_;  // the syntax model, loaded at the first parse
  std::shared_ptr<const reader::DateLineReader> datelines_;  // a text's dateline, when it came without a date
  DateExtractor dates_;
  FigureExtractor figures_;
  EntityExtractor entities_;
};

}  // namespace newsan
