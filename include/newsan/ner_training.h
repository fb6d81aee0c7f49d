// newsan/ner_training.h — training, evaluating and writing the NER tagger's
// model (newsan/ner.h): CoNLL-2003 reading, chunk scoring, the averaged
// perceptron trainer and the gazetteer TSV reader. Nothing here is needed to
// tag text; it lives in its own library target (newsan_ner_training, sources
// in src/ner/training/) linked only by `newsan train-ner` and `newsan eval-ner`.
//
//   auto train = newsan::ner::read_conll("eng.train"), dev = newsan::ner::read_conll("eng.testa");
//   newsan::ner::Tagger t = newsan::ner::train(train, dev, newsan::ner::read_gazetteers("data/gazetteers"), {});
//   double f1 = newsan::ner::evaluate(t, dev).overall.f1();
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsan/ner.h"

namespace newsan::ner {

// Loads the project's gazetteer TSVs (data/gazetteers/*.tsv) found under `dir`.
Gazetteer read_gazetteers(const std::filesystem::path& dir);

// Serialises a model (format in src/ner/model_io.cpp); throws OutputError on failure.
std::string encode_model(const Model& model);

// ---- word classes from unlabeled text (src/ner/training/word_classes.cpp) ----

struct WordClass {
  std::string word;  // lower case
  std::uint16_t coarse = 0, fine = 0;
  std::uint32_t count = 0;  // occurrences in the text
};
struct WordClassOptions {
  int classes = 500;     // fine classes (at most 512)
  int coarse = 32;       // coarse classes over them (at most 32)
  int min_count = 3;     // rarer words get no class
  int contexts = 1000;   // most frequent words used as left/right context columns
  int iterations = 15;
  std::uint64_t seed = 1;
  std::function<void(const std::string&)> log;  // one line of progress, no newline
};
// Counts each word's left and right neighbours over sentences of words, then
// clusters the words by them (distributional clustering, see the source).
class WordClassCounter {
 public:
  void add_sentence(const std::vector<std::string_view>& words);
  std::size_t tokens() const { return tokens_; }
  // The classes of every word seen at least min_count times, most frequent first.
  std::vector<WordClass> cluster(const WordClassOptions& options) const;

 private:
  static constexpr std::uint32_t kEdge = 0xFFFFFFFFu;
  struct Pair {
    std::uint32_t word, prev, next;
  };
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<std::uint32_t> counts_;
  std::vector<Pair> pairs_;
  std::vector<std::uint32_t> scratch_;
  std::size_t tokens_ = 0;
};
// Reads a word-class table ("word<TAB>coarse<TAB>fine" per line, `#` comments)
// into the gazetteer, where the tagger finds each word's class. Throws
// InputError naming the file and line.
void add_word_classes(Gazetteer& gazetteer, const std::filesystem::path& table);
// The rows of a word-class table, checked as above (also read by
// `newsan train-syntax`, whose tagger and parser have class features).
std::vector<WordClass> read_word_classes(const std::filesystem::path& table);

// ---- evaluation (CoNLL files) ------------------------------------------------

// One document of a CoNLL-2003 file: words and gold chunks per sentence.
struct ConllDocument {
  std::vector<std::vector<std::string>> words;
  std::vector<std::vector<Chunk>> chunks;
  Sentences views() const;
};
// Reads a CoNLL file (word first column, IOB1/IOB2 tag last column, -DOCSTART-
// lines separate documents). Throws InputError naming file and line.
std::vector<ConllDocument> read_conll(const std::filesystem::path& path);

struct TypeScore {
  std::size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / predicted : 0; }
  double recall() const { return gold ? double(correct) / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};
struct Score {
  TypeScore overall;
  TypeScore by_type[kChunkTypes];
  void add(const std::vector<Chunk>& gold, const std::vector<Chunk>& predicted);
};
Score evaluate(const Tagger& tagger, const std::vector<ConllDocument>& docs);

// ---- training (src/ner/training/trainer.cpp) -------------------------------------------

struct TrainOptions {
  int epochs = 12;
  std::uint64_t seed = 1;               // document shuffling; training is deterministic
  std::size_t max_features = 400000;    // keep the strongest features
  int mix = 3;                          // perceptrons (seeds seed..seed+mix-1) averaged
  std::string description;              // recorded in the model's version string
  // Called every 200 training documents with dev == nullptr, and after each
  // epoch with the dev score (nullptr too when dev is empty and not finished).
  std::function<void(int epoch, std::size_t done, std::size_t total, const Score* dev)> progress;
};
// Trains on `train`, picks the epoch with the best dev F1 (last epoch if dev is empty).
Tagger train(const std::vector<ConllDocument>& train, const std::vector<ConllDocument>& dev,
             Gazetteer gazetteer, const TrainOptions& options);

}  // namespace newsan::ner
