// `newsan train-ner --train FILE --dev FILE -o MODEL`: trains the NER tagger
// (averaged perceptron, src/ner/training/trainer.cpp) with a progress display and the
// dev F1 after every epoch, and writes the model file.
#include <chrono>
#include <fmt/format.h>
#include <algorithm>
#include <fstream>
#include <iterator>

#include "cli/commands.h"
#include "newsan/error.h"
#include "newsan/ner_training.h"
#include "newsan/resources.h"
#include "newsan/tokenizer.h"

namespace newsan::cli {

namespace {

struct TrainNerOptions {
  std::string train;
  std::string dev;
  std::string output = "data/models/ner-en.bin";
  std::string gazetteers;  // default: <data dir>/gazetteers
  std::string word_classes;  // default: <data dir>/word-classes-en.tsv when it exists
  bool no_word_classes = false;
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
  const std::filesystem::path classes = word_classes_table(o.word_classes, o.no_word_classes, g);
  if (!classes.empty()) ner::add_word_classes(gaz, classes);
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

struct WordClassCliOptions {
  std::vector<std::string> text;    // plain-text files or folders (*.txt below them)
  std::vector<std::string> conll;   // CoNLL-2003 files (first column)
  std::vector<std::string> conllu;  // CoNLL-U files (FORM column)
  std::vector<std::string> gmb;     // GMB ner_dataset.csv files (Word column)
  std::string output = "data/word-classes-en.tsv";
  ner::WordClassOptions options;
};

std::vector<std::string> split_on(const std::string& line, char sep) {
  std::vector<std::string> f;
  std::size_t a = 0;
  while (a <= line.size()) {
    std::size_t b = line.find(sep, a);
    if (b == std::string::npos) b = line.size();
    f.push_back(line.substr(a, b - a));
    a = b + 1;
  }
  return f;
}

std::ifstream open_input(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open");
  return in;
}

int run_train_word_classes(const WordClassCliOptions& o) {
  ner::WordClassCounter counter;
  std::vector<std::string> words;
  std::vector<std::string_view> views;
  auto flush = [&] {
    if (words.empty()) return;
    views.assign(words.begin(), words.end());
    counter.add_sentence(views);
    words.clear();
  };
  for (const auto& file : o.conll) {
    std::ifstream in = open_input(file);
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line.rfind("-DOCSTART-", 0) == 0) {
        flush();
        continue;
      }
      words.push_back(line.substr(0, line.find(' ')));
    }
    flush();
  }
  for (const auto& file : o.conllu) {
    std::ifstream in = open_input(file);
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) {
        flush();
        continue;
      }
      if (line[0] == '#') continue;
      auto f = split_on(line, '\t');
      if (f.size() < 2 || f[0].find_first_of("-.") != std::string::npos) continue;  // ranges, empty nodes
      words.push_back(f[1]);
    }
    flush();
  }
  for (const auto& file : o.gmb) {
    std::ifstream in = open_input(file);
    std::string line;
    std::getline(in, line);  // header: Sentence #,Word,POS,Tag
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.rfind("Sentence:", 0) == 0) flush();
      // The word is between the first comma and the last two (POS, Tag).
      std::size_t a = line.find(','), c = line.rfind(',');
      std::size_t b = c == std::string::npos || c == 0 ? std::string::npos : line.rfind(',', c - 1);
      if (a == std::string::npos || b == std::string::npos || b <= a) continue;
      std::string w = line.substr(a + 1, b - a - 1);
      if (w.size() >= 2 && w.front() == '"' && w.back() == '"') w = w.substr(1, w.size() - 2);
      if (!w.empty()) words.push_back(w);
    }
    flush();
  }
  std::vector<std::filesystem::path> texts;
  for (const auto& p : o.text) {
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".txt") texts.push_back(e.path());
    } else {
      texts.emplace_back(p);
    }
  }
  std::sort(texts.begin(), texts.end());
  for (const auto& file : texts) {
    std::ifstream in = open_input(file.string());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Tokenized t = tokenize(text);
    for (const Sentence& s : t.sentences) {
      for (std::size_t i = s.first; i < s.last; ++i) words.emplace_back(t.tokens[i].text(text));
      flush();
    }
  }
  fmt::print(stderr, "train-word-classes: {} tokens read\n", counter.tokens());
  ner::WordClassOptions opt = o.options;
  opt.log = [](const std::string& s) { fmt::print(stderr, "{}\n", s); };
  auto classes = counter.cluster(opt);
  std::string out = "# newsan-lexicon 1 ner-word-classes\n"
                    "# word<TAB>coarse class<TAB>fine class; made by `newsan train-word-classes` (docs/ner.md)\n";
  for (const auto& c : classes) {
    if (c.word.find_first_of("\t\n#") != std::string::npos || c.word.empty()) continue;
    out += fmt::format("{}\t{}\t{}\n", c.word, c.coarse, c.fine);
  }
  std::ofstream f(o.output, std::ios::binary | std::ios::trunc);
  f << out;
  f.close();
  if (!f) throw OutputError(o.output + ": cannot write the word classes");
  fmt::print(stderr, "train-word-classes: wrote {} ({} words)\n", o.output, classes.size());
  return 0;
}

}  // namespace

void setup_train_word_classes(CLI::App& app, Action& action) {
  auto o = std::make_shared<WordClassCliOptions>();
  CLI::App* sub = app.add_subcommand("train-word-classes",
                                     "Learn word classes for the NER tagger from unlabeled text (docs/ner.md)");
  sub->add_option("text", o->text, "Plain-text files, or folders of *.txt files");
  sub->add_option("--conll", o->conll, "CoNLL-2003 files (words of the first column)");
  sub->add_option("--conllu", o->conllu, "CoNLL-U files (FORM column)");
  sub->add_option("--gmb", o->gmb, "GMB ner_dataset.csv files (Word column)");
  sub->add_option("-o,--output", o->output, "Class table to write")->capture_default_str();
  sub->add_option("--classes", o->options.classes, "Fine classes")->capture_default_str()->check(CLI::Range(2, 512));
  sub->add_option("--coarse", o->options.coarse, "Coarse classes")->capture_default_str()->check(CLI::Range(1, 32));
  sub->add_option("--min-count", o->options.min_count, "Rarer words get no class")->capture_default_str();
  sub->add_option("--contexts", o->options.contexts, "Context words per side")->capture_default_str();
  sub->add_option("--iterations", o->options.iterations, "k-means iterations")->capture_default_str();
  sub->add_option("--seed", o->options.seed, "Seed of the initial centroids")->capture_default_str();
  sub->callback([o, &action] { action = [o] { return run_train_word_classes(*o); }; });
}

std::filesystem::path word_classes_table(const std::string& given, bool none, const GlobalOptions& g) {
  if (none) return {};
  if (!given.empty()) return given;
  std::filesystem::path d = DataDir::locate(g.data_dir, g.argv0).file("word-classes-en.tsv");
  return std::filesystem::exists(d) ? d : std::filesystem::path();
}

void setup_train_ner(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<TrainNerOptions>();
  CLI::App* sub = app.add_subcommand("train-ner", "Train the named-entity tagger on CoNLL-2003 files");
  sub->add_option("--train", o->train, "Training file (CoNLL-2003 format)")->required();
  sub->add_option("--dev", o->dev, "Development file: dev F1 per epoch; the best epoch is kept");
  sub->add_option("-o,--output", o->output, "Model file to write")->capture_default_str();
  sub->add_option("--gazetteers", o->gazetteers, "Gazetteer folder (default: <data dir>/gazetteers)");
  sub->add_option("--word-classes", o->word_classes,
                  "Word-class table from train-word-classes (default: <data dir>/word-classes-en.tsv if present)");
  sub->add_flag("--no-word-classes", o->no_word_classes, "Train without word-class features");
  sub->add_option("--epochs", o->epochs, "Training epochs")->capture_default_str()->check(CLI::Range(1, 200));
  sub->add_option("--seed", o->seed, "Seed of the document order (training is deterministic)")->capture_default_str();
  sub->add_option("--max-features", o->max_features, "Keep at most this many features")->capture_default_str();
  sub->add_option("--mix", o->mix, "Average this many perceptrons trained over different document orders")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_train_ner(*o, g); }; });
  setup_train_word_classes(app, action);
}

}  // namespace newsan::cli
