// `newsan train-ner --train FILE --dev FILE -o MODEL`: trains the NER tagger
// (averaged perceptron, src/ner/training/trainer.cpp) with a progress display and the
// dev F1 after every epoch, and writes the model file.
#include <chrono>
#include <fmt/format.h>
#include <fstream>

#include "cli/commands.h"
#include "newsan/error.h"
#include "newsan/ner_training.h"
#include "newsan/resources.h"

namespace newsan::cli {

namespace {

struct TrainNerOptions {
  std::string train;
  std::string dev;
  std::string output = "data/models/ner-en.bin";
  std::string gazetteers;  // default: <data dir>/gazetteers
  int epochs = 12;
  std::uint64_t seed = 1;
  std::size_t max_features = 400000;
  int mix = 3;
};

int run_train_ner(const TrainNerOptions& o, const GlobalOptions& g) {
  std::filesystem::path gaz_dir = o.gazetteers;
  if (gaz_dir.empty()) gaz_dir = DataDir::locate(g.data_dir, g.argv0).file("gazetteers");
  auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  ner::Gazetteer gaz = ner::read_gazetteers(gaz_dir);
  auto train = ner::read_conll(o.train);
  std::vector<ner::ConllDocument> dev;
  if (!o.dev.empty()) dev = ner::read_conll(o.dev);
  fmt::print(stderr, "train-ner: {} training documents, {} dev documents, {} gazetteer entries\n", train.size(),
             dev.size(), gaz.size());
  ner::TrainOptions opt;
  opt.epochs = o.epochs;
  opt.seed = o.seed;
  opt.max_features = o.max_features;
  opt.mix = o.mix;
  opt.description = fmt::format("trained on {} ({} documents), {} epochs max, seed {}, mix {}",
                                std::filesystem::path(o.train).filename().string(), train.size(), o.epochs, o.seed,
                                o.mix);
  opt.progress = [&](int epoch, std::size_t done, std::size_t total, const ner::Score* s) {
    if (!s) {
      fmt::print(stderr, "\repoch {:2d}/{}  {:5d}/{} documents  {:6.1f}s", epoch, o.epochs, done, total, elapsed());
      return;
    }
    fmt::print(stderr, "\repoch {:2d}/{}  dev F1 {:.4f}  (P {:.4f} R {:.4f})  PER {:.4f} ORG {:.4f} LOC {:.4f} MISC {:.4f}  {:6.1f}s\n",
               epoch, o.epochs, s->overall.f1(), s->overall.precision(), s->overall.recall(), s->by_type[0].f1(),
               s->by_type[1].f1(), s->by_type[2].f1(), s->by_type[3].f1(), elapsed());
  };
  ner::Tagger tagger = ner::train(train, dev, std::move(gaz), opt);
  std::string bytes = ner::encode_model(tagger.model());
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  out.close();
  if (!out) throw OutputError(o.output + ": cannot write the model");
  fmt::print(stderr, "\ntrain-ner: wrote {} ({} bytes): {}\n", o.output, bytes.size(), tagger.version());
  return 0;
}

}  // namespace

void setup_train_ner(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<TrainNerOptions>();
  CLI::App* sub = app.add_subcommand("train-ner", "Train the named-entity tagger on CoNLL-2003 files");
  sub->add_option("--train", o->train, "Training file (CoNLL-2003 format)")->required();
  sub->add_option("--dev", o->dev, "Development file: dev F1 per epoch; the best epoch is kept");
  sub->add_option("-o,--output", o->output, "Model file to write")->capture_default_str();
  sub->add_option("--gazetteers", o->gazetteers, "Gazetteer folder (default: <data dir>/gazetteers)");
  sub->add_option("--epochs", o->epochs, "Training epochs")->capture_default_str()->check(CLI::Range(1, 200));
  sub->add_option("--seed", o->seed, "Seed of the document order (training is deterministic)")->capture_default_str();
  sub->add_option("--max-features", o->max_features, "Keep at most this many features")->capture_default_str();
  sub->add_option("--mix", o->mix, "Average this many perceptrons trained over different document orders")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_train_ner(*o, g); }; });
}

}  // namespace newsan::cli
