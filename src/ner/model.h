// src/ner/model.h — internals of the NER tagger shared by the runtime
// (tagger.cpp, model_io.cpp) and the trainer (training/trainer.cpp): the label set,
// the in-memory model and the feature extractor.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsan/ner.h"
#include "util/lexicon.h"

namespace newsan::ner {

// BILOU labels: 0 = O; for type t, B = 1+4t, I = 2+4t, L = 3+4t, U = 4+4t.
inline constexpr int kLabels = 1 + 4 * kChunkTypes;
inline constexpr int kStart = kLabels;  // row of the transition table for "before the sentence"
enum class Part : std::uint8_t { O, B, I, L, U };
inline int label_of(ChunkType t, Part p) { return p == Part::O ? 0 : 1 + 4 * int(t) + int(p) - 1; }
inline Part part_of(int label) { return label == 0 ? Part::O : Part((label - 1) % 4 + 1); }
inline ChunkType type_of(int label) { return ChunkType((label - 1) / 4); }
bool transition_allowed(int prev, int cur);  // prev may be kStart
bool may_end(int label);

std::vector<int> labels_from_chunks(const std::vector<Chunk>& chunks, std::size_t n);
std::vector<Chunk> chunks_from_labels(const std::vector<int>& labels);

// Scores per label for one token, then per sentence.
using Emission = std::array<float, kLabels>;
// Best label sequence under emissions and transitions (allowed transitions only).
std::vector<int> viterbi(const std::vector<Emission>& emission,
                         const float (&trans)[kLabels + 1][kLabels]);

// The feature hash: the toolkit's FNV-1a (util/lexicon.h) from the seed the
// model files were made with (not FNV's standard basis: keep it, or retrain).
inline constexpr std::uint64_t kFeatureSeed = 1469598103934665603ull;
inline std::uint64_t fnv(std::string_view s, std::uint64_t h = kFeatureSeed) { return lex::fnv(s, h); }
// A mixer to combine a feature template with a value.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2));
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return h;
}
// Word classes (newsan/ner_training.h) live in the model's gazetteer table
// under word_class_key(hash of the lower-case word), their value
// kClassPresent | coarse class << 9 | fine class.
inline constexpr std::uint16_t kClassPresent = 1 << 14;
inline std::uint64_t word_class_key(std::uint64_t lw) { return mix(lw, 0xC1A55E5ull); }
inline std::uint16_t word_class_bits(std::uint16_t coarse, std::uint16_t fine) {
  return std::uint16_t(kClassPresent | (coarse & 0x1f) << 9 | (fine & 0x1ff));
}
// The 32-bit key a feature is stored under (never 0, which marks an empty slot).
inline std::uint32_t feature_key(std::uint64_t h) {
  std::uint32_t k = std::uint32_t(h ^ (h >> 32));
  return k ? k : 1;
}

// The runtime model: a validated view over the bytes of a model file (format
// in src/ner/model_io.cpp), used in place: features hashed to 32-bit keys,
// found through an open-addressed slot table stored in the file, each with a
// row of kLabels int16 weights scaled by `scale`. Nothing is decoded or built
// at load time, so start-up costs no more than mapping the file.
struct Model {
  Gazetteer gazetteer;   // its tables point into `image` too
  std::string info;      // training description
  std::string version;   // human-readable, built on load
  float scale = 1;
  float trans[kLabels + 1][kLabels] = {};
  struct Slot {
    std::uint32_t key;  // 0 = empty
    std::uint32_t row;
  };
  const Slot* slots = nullptr;
  std::uint32_t mask = 0;              // slot count - 1
  const std::int16_t* weights = nullptr;  // features x kLabels
  std::uint64_t id = 0;                 // unique per loaded model in this process
  std::string_view bytes;               // the whole model file
  std::shared_ptr<const void> image;    // owns `bytes` (a mapping or a copy)

  // Weights of feature `key` (kLabels of them), or nullptr if the model has none.
  const std::int16_t* find(std::uint32_t key) const {
    for (std::uint32_t i = (key * 0x9E3779B1u) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.key == key) return weights + std::size_t(s.row) * kLabels;
      if (s.key == 0) return nullptr;
    }
  }
};

// What the trainer hands to the file writer: features sorted by key, their
// quantised weights (kLabels per feature), transitions and the gazetteer.
struct ModelParts {
  std::string info;
  float scale = 1;
  float trans[kLabels + 1][kLabels] = {};
  std::vector<std::uint32_t> keys;
  std::vector<std::int16_t> weights;
  Gazetteer gazetteer;
};
// The bytes of a model file holding `parts`; throws OutputError if it cannot.
std::string encode_parts(const ModelParts& parts);
// Recomputes the payload checksum in the header of model file bytes (for
// tests and tools that patch a model on purpose).
void reseal_model(std::string& bytes);
// The model of a file's bytes, validated, used in place. `image` keeps `bytes`
// alive; when it is null (or `bytes` is misaligned) the bytes are copied first.
std::shared_ptr<const Model> decode_model(std::string_view bytes, std::shared_ptr<const void> image,
                                          std::string_view origin);

// What the tagger knows of a word from its bytes alone: the hashes its
// word features are made of, its capitalisation, and the gazetteer bits of
// the word as a one-word phrase (Gazetteer::lookup_hash of its lower case).
// What context features need of a word.
struct WordBrief {
  std::uint64_t lw = 0, sshape = 0;  // lower case, brief shape
  std::uint16_t gaz_bits = 0;
  std::uint16_t cls = 0;  // word_class_bits() of the word, 0 when it has no class
  bool cap = false, allcaps = false, lower = false, has_letter = false;
};
// ... and what its word-only features are made of.
struct WordFacts : WordBrief {
  std::uint64_t w = 0, shape = 0, pre[4] = {}, suf[4] = {};
};
WordFacts word_facts(std::string_view w, const Gazetteer& gaz);
// Calls emit(hash) for each feature that depends on the word alone.
void word_features(const WordFacts& t, const std::function<void(std::uint64_t)>& emit);

// A per-thread cache, for one model, of each word's brief facts and of the
// summed weights of its word-only features. Most words of an article were
// met in earlier ones, so their facts and about half of their feature lookups
// are done once per thread instead of once per occurrence. Entries are
// checked against the word's bytes, so the cache changes speed, never results.
class WordCache {
 public:
  struct Entry {  // packed so that a slot is two cache lines
    std::uint64_t lw = 0, sshape = 0;
    std::int32_t weights[kLabels] = {};
    std::uint16_t gaz_bits = 0;
    std::uint16_t cls = 0;
    std::uint8_t flags = 0;  // cap, allcaps, lower, has_letter as bits 0-3
    std::uint8_t len1 = 0;  // 1 + the length of the word in its slot; 0 = empty
    WordBrief brief() const;
  };
  // The calling thread's cache for `model`, emptied when the model changes.
  static WordCache& for_model(const Model& model);
  // Where `w` lives (for get()), with its cache lines prefetched: locate the
  // words of a sentence first, then get them, and the misses overlap.
  std::size_t locate(std::string_view w) const;
  const Entry& get(std::string_view w, std::size_t where);
  // The model gazetteer's Gazetteer::lookup_hash(h), remembered.
  std::uint16_t phrase_bits(std::uint64_t h);

 private:
  // A thread starts with kSmallSlots and moves to kSlots once it has looked up
  // kGrowAfter words: a one-article run stays small, a batch run gets a
  // table made resident at once (no page faults while tagging).
  static constexpr std::size_t kSmallSlots = 1 << 12;
  static constexpr std::size_t kSlots = 1 << 15;
  static constexpr std::size_t kGrowAfter = 20000;
  static constexpr std::size_t kMaxWord = 32;  // longer words are computed, not cached
  struct alignas(64) Slot {  // two cache lines
    Entry entry;
    char word[kMaxWord] = {};  // zero-padded
  };
  static_assert(sizeof(Slot) == 128);
  struct Phrase {
    std::uint64_t hash = 0;
    std::uint16_t bits = 0;
    bool known = false;
  };
  static constexpr std::size_t kPhrases = 1 << 13;
  void fill(std::string_view w, Entry& e) const;
  const Model* model_ = nullptr;
  std::uint64_t model_id_ = 0;
  // Slots in pages of their own (all-zero is an empty slot).
  void allocate(std::size_t slots, bool resident);
  std::shared_ptr<Slot> slots_;
  std::size_t mask_ = 0;    // slot count - 1
  std::size_t looked_up_ = 0;
  std::vector<Phrase> phrases_;
  Entry scratch_;
};

// Per-document feature extraction. Static features (word, shape, affixes,
// neighbours, gazetteer, document-wide capitalisation) are computed for all
// sentences at once; the history feature (how the same word was tagged in
// earlier sentences) is added sentence by sentence as tagging proceeds.
// With a WordCache the word-only features are left out of features() and
// their summed weights are given by word_weights() instead.
class DocumentFeatures {
 public:
  DocumentFeatures(const Gazetteer& gaz, const Sentences& sentences, WordCache* cache = nullptr);
  // Features of the tokens of sentence s (static + history): those of token i
  // are out[ends[i - 1], ends[i]) (from 0 for i = 0).
  void features(std::size_t s, std::vector<std::uint64_t>& out, std::vector<std::uint32_t>& ends);
  // With a cache: the summed weights of the word-only features of token i of sentence s.
  const std::int32_t* word_weights(std::size_t s, std::size_t i) const { return toks_[s][i].weights; }
  // Records the labels chosen for sentence s, for later sentences' history features.
  void record(std::size_t s, const std::vector<int>& labels);

 private:
  struct Tok : WordBrief {
    std::uint32_t type;  // dense id of the lower-case word in this document
    std::uint16_t gaz_prev, gaz_next;
    std::uint8_t doc;  // document-wide capitalisation evidence code
    std::uint32_t agg_begin, agg_count;  // context of the word's other occurrences, in agg_
    std::uint8_t ngaz;
    std::uint8_t gaz[6];  // (category << 3 | part) of gazetteer matches, at most 6 kept
    std::int32_t weights[kLabels];  // with a cache: summed weights of the word-only features
  };
  struct Hist {
    std::uint16_t count[kChunkTypes] = {};
  };
  const Sentences& sentences_;
  const bool cached_;
  std::vector<std::vector<Tok>> toks_;
  std::vector<std::vector<WordFacts>> facts_;  // without a cache: for the word-only features
  std::vector<Hist> hist_;  // by Tok::type
  std::vector<bool> allcaps_sentence_;
  std::vector<std::uint64_t> agg_;  // hashed (side, neighbour) pairs per word type
};

using lex::append_lower;  // the simple Unicode lowercase the features hash

}  // namespace newsan::ner
