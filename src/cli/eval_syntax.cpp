// `newsan eval-syntax --model MODEL FILE...`: UPOS, XPOS, lemma, UAS and LAS of
// the model on gold CoNLL-U files (gold tokenization; LAS on the universal
// part of the relation, as ../shared/eval/score-syntax counts it).
#include <chrono>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/resources.h"
#include "syntax/trainer.h"

namespace newsan::cli {

namespace {

struct EvalSyntaxOptions {
  std::vector<std::string> files;
  std::string model;
};

int run_eval_syntax(const EvalSyntaxOptions& o, const GlobalOptions& g) {
  const std::filesystem::path model_path =
      o.model.empty() ? DataDir::locate(g.data_dir, g.argv0).file("models/syntax.model") : std::filesystem::path(o.model);
  auto model = SyntaxModel::load(model_path);
  Output out("-");
  for (const auto& f : o.files) {
    auto gold = syntax::read_conllu_file(f, true);
    const auto t0 = std::chrono::steady_clock::now();
    syntax::Scores s = syntax::evaluate(*model, gold);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.write(fmt::format("{}: UPOS {:.4f} XPOS {:.4f} LEMMA {:.4f} UAS {:.4f} LAS {:.4f} ({} words, {} sentences, {:.0f} words/s)\n",
                          f, s.rate(s.upos), s.rate(s.xpos), s.rate(s.lemma), s.rate(s.uas), s.rate(s.las), s.words,
                          gold.size(), secs > 0 ? double(s.words) / secs : 0.0));
  }
  out.close();
  return 0;
}

}  // namespace

void setup_eval_syntax(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<EvalSyntaxOptions>();
  CLI::App* sub = app.add_subcommand("eval-syntax", "Score the syntax model on gold CoNLL-U files");
  sub->add_option("files", o->files, "Gold CoNLL-U files")->required();
  sub->add_option("--model", o->model, "Syntax model file (default: <data dir>/models/syntax.model)");
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_eval_syntax(*o, g); }; });
}

}  // namespace newsan::cli
