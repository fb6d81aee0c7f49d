#include "newsan/analysis.h"
#include "newsan/language.h"

#include "newsan/reader.h"
#include "reader/date_line.h"

namespace newsan {

// A data directory without the syntax model (an old install) runs without
// parses; a model that is there but bad is an error when a sentence needs a
// parse (ResourceError, Resources::syntax_model): the model is loaded then,
// not here, so an article whose extractors parse nothing never reads it.
Analyzer::Analyzer(std::shared_ptr<const Resources> res)
    : res_(res), datelines_(res->date_lines()), dates_(*res), figures_(*res), entities_(*res) {}
Analyzer::Analyzer(const DataDir& data) : Analyzer(std::make_shared<const Resources>(data)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const SyntaxModel* Analyzer::syntax_model() const { return res_->syntax_model().get(); }

// A figure's agent that is a mention of a named entity takes the entity's id and name.
static void link_figure_agents(Analysis& a) {
  for (Figure& f : a.figures.figures) {
    if (!f.agent_span) continue;
    for (std::size_t e = 0; e < a.entities.size() && !f.agent_entity; ++e)
      for (const Mention& m : a.entities[e].mentions)
        if (m.span.start < f.agent_span->end && f.agent_span->start < m.span.end) {
          f.agent_entity = e;
          f.agent = a.entities[e].name;
          break;
        }
  }
}

Analysis Analyzer::analyze(Document doc) const {
  Analysis a;
  a.document = std::move(doc);
  // A text that came without a date may state one in its dateline.
  if (!a.document.date)
    if (auto c = datelines_->read_dateline(a.document.text)) {
      a.document.date_candidates.push_back(std::move(*c));
      choose_publication_date(a.document);
    }
  // A declared language (HTML lang) stands unless the text clearly reads as another.
  if (auto lang = identify_language(a.document.text);
      lang && (!a.document.language || primary_language(*a.document.language) != *lang))
    a.document.language = std::move(lang);
  a.tokens = tokenize(a.document.text);
  DocumentSyntax syntax(*res_, a.document.text, a.tokens);
  a.dates = dates_.extract(a.document, a.tokens, syntax);
  a.figures = figures_.extract(a.document, a.tokens, a.dates.dates, syntax);
  a.entities = entities_.extract(a.document, a.tokens, syntax);
  link_figure_agents(a);
  return a;
}

}  // namespace newsan
