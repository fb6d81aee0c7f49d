// `newsan train-syntax --train FILE... --dev FILE -o MODEL`: trains the
// tagger, lemmatizer and parser on UD CoNLL-U files (src/syntax/trainer.cpp),
// printing progress and dev scores per epoch, and writes the model file.
// Deterministic: the same files and options give a byte-identical model.
#include <chrono>
#include <fmt/format.h>
#include <fstream>

#include "cli/commands.h"
#include "newsan/error.h"
#include "newsan/ner_training.h"
#include "syntax/trainer.h"

namespace newsan::cli {

namespace {

struct TrainSyntaxOptions {
  std::vector<std::string> train;
  std::string dev;
  std::string output = "data/models/syntax.model";
  std::string word_classes;  // default: <data dir>/word-classes-en.tsv when it exists
  bool no_word_classes = false;
  syntax::TrainOptions t;
};

int run_train_syntax(TrainSyntaxOptions o, const GlobalOptions& g) {
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  std::vector<syntax::ConlluSentence> train, dev;
  std::string names;
  for (const auto& f : o.train) {
    auto s = syntax::read_conllu_file(f, true);
    train.insert(train.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
    names += (names.empty() ? "" : "+") + std::filesystem::path(f).filename().string();
  }
  if (!o.dev.empty()) dev = syntax::read_conllu_file(o.dev, true);
  const std::filesystem::path classes = word_classes_table(o.word_classes, o.no_word_classes, g);
  if (!classes.empty())
    for (const ner::WordClass& c : ner::read_word_classes(classes)) o.t.word_classes.push_back({c.word, c.coarse, c.fine});
  std::string with_classes =
      classes.empty() ? std::string("no word classes") : "word classes " + classes.filename().string();
  fmt::print(stderr, "train-syntax: {} training sentences, {} dev sentences, {} word classes\n", train.size(),
             dev.size(), o.t.word_classes.size());
  o.t.description =
      fmt::format("trained on {} ({} sentences); tagger {} epochs, parser {} epochs, jackknife {}, seed {}, {}", names,
                  train.size(), o.t.tagger_epochs, o.t.parser_epochs, o.t.jackknife, o.t.seed, with_classes);
  o.t.log = [&](const std::string& line) { fmt::print(stderr, "{}  {:7.1f}s\n", line, elapsed()); };
  std::string bytes = syntax::train_model(train, dev, o.t);
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  out.close();
  if (!out) throw OutputError(o.output + ": cannot write the model");
  fmt::print(stderr, "train-syntax: wrote {} ({} bytes) in {:.1f}s\n", o.output, bytes.size(), elapsed());
  return 0;
}

}  // namespace

void setup_train_syntax(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<TrainSyntaxOptions>();
  CLI::App* sub = app.add_subcommand("train-syntax", "Train the tagger, lemmatizer and parser on UD CoNLL-U files");
  sub->add_option("--train", o->train, "Training files (CoNLL-U)")->required();
  sub->add_option("--dev", o->dev, "Development file (CoNLL-U): scores after every epoch");
  sub->add_option("-o,--output", o->output, "Model file to write")->capture_default_str();
  sub->add_option("--tagger-epochs", o->t.tagger_epochs, "Tagger epochs")->capture_default_str()->check(CLI::Range(1, 100));
  sub->add_option("--parser-epochs", o->t.parser_epochs, "Parser epochs")->capture_default_str()->check(CLI::Range(1, 100));
  sub->add_option("--jackknife", o->t.jackknife, "Train the parser on tags from K taggers that did not see the sentence (0 = off)")
      ->capture_default_str()
      ->check(CLI::Range(0, 20));
  sub->add_option("--tagger-entries", o->t.tagger_entries, "Keep this many largest tagger weights")->capture_default_str();
  sub->add_option("--parser-features", o->t.parser_features, "Keep this many parser action features (largest weights)")
      ->capture_default_str();
  sub->add_option("--label-entries", o->t.label_entries, "Keep this many largest parser label weights")->capture_default_str();
  sub->add_option("--word-classes", o->word_classes,
                  "Word-class table from train-word-classes (default: <data dir>/word-classes-en.tsv if present)");
  sub->add_flag("--no-word-classes", o->no_word_classes, "Train without word classes (class features all 'none')");
  sub->add_option("--seed", o->t.seed, "Seed of the sentence order and exploration")->capture_default_str();
  sub->callback([o, &g, &action] { action = [o, &g] { return run_train_syntax(*o, g); }; });
}

}  // namespace newsan::cli
