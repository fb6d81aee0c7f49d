// `newsan eval-ner FILE.conll`: tags a CoNLL-2003 file with the NER model and
// prints precision, recall and F1 per type (conlleval's exact-chunk metric).
// The shared scorer (shared/eval/score-ner) stays the arbiter: it goes through
// the whole pipeline; this command measures the tagger alone.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/ner_training.h"
#include "newsan/resources.h"

namespace newsan::cli {

namespace {

struct EvalNerOptions {
  std::vector<std::string> files;
  std::string model;  // default: <data dir>/models/ner-en.bin
};

int run_eval_ner(const EvalNerOptions& o, const GlobalOptions& g) {
  std::filesystem::path model = o.model;
  if (model.empty()) model = DataDir::locate(g.data_dir, g.argv0).file("models/ner-en.bin");
  ner::Tagger tagger = ner::Tagger::load(model);
  Output out("-");
  for (const auto& file : o.files) {
    ner::Score s = ner::evaluate(tagger, ner::read_conll(file));
    std::string text = fmt::format("{}\n{:<8}{:>10}{:>10}{:>10}{:>8}{:>8}\n", file, "type", "precision", "recall",
                                   "F1", "gold", "found");
    auto row = [&](const char* name, const ner::TypeScore& t) {
      text += fmt::format("{:<8}{:>10.4f}{:>10.4f}{:>10.4f}{:>8}{:>8}\n", name, t.precision(), t.recall(), t.f1(),
                          t.gold, t.predicted);
    };
    for (int t = 0; t < ner::kChunkTypes; ++t) row(ner::to_string(ner::ChunkType(t)), s.by_type[t]);
    row("overall", s.overall);
    out.write(text);
  }
  out.close();
  return 0;
}

}  // namespace

void setup_eval_ner(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<EvalNerOptions>();
  CLI::App* sub = app.add_subcommand("eval-ner", "Score the NER tagger on CoNLL-2003 files (P/R/F1 per type)");
  sub->add_option("files", o->files, "CoNLL-2003 files")->required();
  sub->add_option("--model", o->model, "Model file (default: <data dir>/models/ner-en.bin)");
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_eval_ner(*o, g); }; });
}

}  // namespace newsan::cli
