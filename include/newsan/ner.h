// newsan/ner.h — the statistical named-entity tagger (CoNLL types PER, ORG,
// LOC, MISC) that EntityExtractor builds on.
//
//   newsan::ner::Tagger tagger = newsan::ner::Tagger::load("data/models/ner-en.bin");
//   std::vector<std::vector<std::string_view>> doc = {{"Nicolás", "Maduro", "spoke", "."}};
//   for (const auto& chunk : tagger.tag_document(doc)[0])
//     use(chunk.first, chunk.last, newsan::ner::to_string(chunk.type));  // 0, 2, "PER"
//
// The tagger is an averaged structured perceptron over BILOU tags with
// first-order Viterbi decoding (docs/ner.md argues the choice). Its input is
// one whole document as sentences of words, so that document-level evidence
// (how a word is capitalised elsewhere in the article, how it was tagged in
// earlier sentences) can be used. The model file carries the weights and the
// compiled gazetteers, so a model always tags with the lists it was trained on.
//
// Contract: a Tagger is immutable after loading; tag_document() is const and
// thread-safe. Loading throws FormatError (newsan/error.h) naming the file on
// a missing, truncated, foreign, corrupted or wrong-version model.
// This header holds only what tagging needs. Training, reading CoNLL files,
// scoring and writing models are in newsan/ner_training.h (library target
// newsan_ner_training, linked only by the CLI's train-ner and eval-ner).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsan::ner {

enum class ChunkType : std::uint8_t { PER = 0, ORG = 1, LOC = 2, MISC = 3 };
inline constexpr int kChunkTypes = 4;
const char* to_string(ChunkType t);

// Words [first, last) of one sentence form a name of `type`.
struct Chunk {
  std::size_t first = 0;
  std::size_t last = 0;
  ChunkType type = ChunkType::MISC;
  friend bool operator==(const Chunk&, const Chunk&) = default;
};

using Sentences = std::vector<std::vector<std::string_view>>;

// Gazetteer categories, as bit flags (a phrase may be in several lists).
enum Gaz : std::uint16_t {
  kGazCountry = 1 << 0,
  kGazRegion = 1 << 1,
  kGazCity = 1 << 2,
  kGazNationality = 1 << 3,
  kGazCurrency = 1 << 4,
  kGazTitle = 1 << 5,
  kGazOrgHead = 1 << 6,
  kGazFacilityHead = 1 << 7,
  kGazGroup = 1 << 8,
};
inline constexpr int kGazCategories = 9;
inline constexpr std::uint16_t kGazPrefix = 1 << 15;

// Phrases (lower-cased words joined by single spaces) mapped to category bits.
// Lookups are by hash; a phrase is at most kMaxPhraseWords words long.
class Gazetteer {
 public:
  static constexpr std::size_t kMaxPhraseWords = 6;
  static constexpr std::size_t kFilterWords = 8;  // 64-bit words per Bloom filter block (see below)
  // Adds `phrase` (any case; split on spaces) to the categories in `bits`.
  // Call build() after the last add(): lookups see only built entries.
  void add(std::string_view phrase, std::uint16_t bits);
  void build() { rebuild_index(); }
  // Adds an entry by its key: word classes share the table under keys of
  // their own (src/ner/model.h, word_class_key), out of the phrases' way.
  void add_key(std::uint64_t key, std::uint16_t bits) {
    pending_keys_.push_back(key);
    pending_bits_.push_back(bits);
  }
  // Category bits of the exact phrase words[0..n) (case-insensitive), 0 if absent.
  std::uint16_t lookup(const std::string_view* words, std::size_t n) const;
  // Category bits of a phrase given as text ("New York"), 0 if absent.
  std::uint16_t lookup_phrase(std::string_view phrase) const;
  // Bits of the phrase whose lower-case form hashes (fnv, src/ner/model.h) to
  // `h`; kGazPrefix is set when the phrase begins a longer entry.
  std::uint16_t lookup_hash(std::uint64_t h) const;
  std::size_t size() const { return n_; }

 private:
  friend struct ModelIO;
  void rebuild_index();
  // Open-addressed slots (+1 into `keys`, 0 empty; load <= 0.5) as lookup_hash() probes them.
  static std::vector<std::uint32_t> index_slots(const std::vector<std::uint64_t>& keys);
  // A blocked Bloom filter over `keys`: kFilterWords 64-bit words per block,
  // about 16 bits per key, so that most absent phrases (the common case) are
  // answered from a few hundred kilobytes instead of two random reads of megabytes.
  static std::vector<std::uint64_t> filter_blocks(const std::vector<std::uint64_t>& keys);
  bool may_contain(std::uint64_t h) const;
  // Entries added since the last build().
  std::vector<std::uint64_t> pending_keys_;
  std::vector<std::uint16_t> pending_bits_;
  // The built table: phrase hashes (sorted), their bits, and open-addressed
  // slots into them (+1; 0 empty). The arrays are immutable once built and
  // live in `storage_`: vectors owned here, or a model file image that is
  // used in place (so copies of a Gazetteer share them).
  std::shared_ptr<const void> storage_;
  const std::uint64_t* keys_ = nullptr;
  const std::uint16_t* bits_ = nullptr;
  const std::uint32_t* index_ = nullptr;
  const std::uint64_t* filter_ = nullptr;  // filter_blocks_ * kFilterWords words
  std::size_t n_ = 0;
  std::size_t slots_ = 0;
  std::size_t filter_blocks_ = 0;
};

struct Model;  // weights + gazetteer; defined in src/ner/

class Tagger {
 public:
  // Reads and validates a model file.
  static Tagger load(const std::filesystem::path& path);
  // Same from bytes in memory; `origin` names them in error messages.
  static Tagger from_bytes(std::string_view bytes, std::string_view origin);

  // Chunks per sentence, in order, non-overlapping.
  std::vector<std::vector<Chunk>> tag_document(const Sentences& sentences) const;

  // "ner-en perceptron-bilou v<format>, <features> features, trained <info>".
  const std::string& version() const;
  const Gazetteer& gazetteer() const;

  // The in-memory model; used by the trainer (newsan/ner_training.h) and tests.
  explicit Tagger(std::shared_ptr<const Model> model);
  const Model& model() const { return *model_; }

 private:
  std::shared_ptr<const Model> model_;
};

}  // namespace newsan::ner
