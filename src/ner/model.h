// src/ner/model.h — internals of the NER tagger shared by the runtime
// (tagger.cpp, model_io.cpp) and the trainer (trainer.cpp): the label set,
// the in-memory model and the feature extractor.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsan/ner.h"

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

// 64-bit FNV-1a, and a mixer to combine a feature template with a value.
inline std::uint64_t fnv(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2));
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return h;
}
// The 32-bit key a feature is stored under (never 0, which marks an empty slot).
inline std::uint32_t feature_key(std::uint64_t h) {
  std::uint32_t k = std::uint32_t(h ^ (h >> 32));
  return k ? k : 1;
}

// The runtime model: features hashed to 32-bit keys, int16 weights per label
// scaled by `scale`, in an open-addressed table built at load time.
struct Model {
  Gazetteer gazetteer;
  std::string info;      // training description
  std::string version;   // human-readable, built on load
  float scale = 1;
  float trans[kLabels + 1][kLabels] = {};
  // Feature keys sorted ascending; table[k] holds the weights of keys[k].
  std::vector<std::uint32_t> keys;
  // Lookup table: open-addressed keys (0 = empty) small enough to stay in
  // cache, each slot pointing at a 64-byte-aligned row of weights.
  struct alignas(64) Row {
    std::int16_t w[32];
  };
  static_assert(kLabels <= 32);
  std::vector<Row> table;
  std::vector<std::uint32_t> slot_key;
  std::vector<std::uint32_t> slot_row;
  std::uint32_t mask = 0;

  void build_table();  // the slots for keys/table
  const Row* find(std::uint32_t key) const {
    if (slot_key.empty()) return nullptr;
    for (std::uint32_t i = (key * 0x9E3779B1u) & mask;; i = (i + 1) & mask) {
      std::uint32_t k = slot_key[i];
      if (k == key) return &table[slot_row[i]];
      if (k == 0) return nullptr;
    }
  }
};

// Per-document feature extraction. Static features (word, shape, affixes,
// neighbours, gazetteer, document-wide capitalisation) are computed for all
// sentences at once; the history feature (how the same word was tagged in
// earlier sentences) is added sentence by sentence as tagging proceeds.
class DocumentFeatures {
 public:
  DocumentFeatures(const Gazetteer& gaz, const Sentences& sentences);
  // Features of token i of sentence s (static + history), appended to `out`.
  void features(std::size_t s, std::vector<std::vector<std::uint64_t>>& out);
  // Records the labels chosen for sentence s, for later sentences' history features.
  void record(std::size_t s, const std::vector<int>& labels);

 private:
  struct Tok {
    std::uint64_t w, lw, shape, sshape, pre[4], suf[4];
    std::uint16_t gaz_prev, gaz_next;
    bool cap, allcaps, lower;
    std::uint8_t doc;  // document-wide capitalisation evidence code
    std::uint32_t agg_begin, agg_count;  // context of the word's other occurrences, in agg_
    std::uint8_t ngaz;
    std::uint8_t gaz[6];  // (category << 3 | part) of gazetteer matches, at most 6 kept
  };
  struct Hist {
    std::uint16_t count[kChunkTypes] = {};
  };
  const Sentences& sentences_;
  std::vector<std::vector<Tok>> toks_;
  std::unordered_map<std::uint64_t, Hist> hist_;  // by lower-case word hash
  std::vector<bool> allcaps_sentence_;
  std::vector<std::uint64_t> agg_;  // hashed (side, neighbour) pairs per word type
};

// Lower-cases UTF-8 `w` (full Unicode, via utf8proc) into `out` (appended).
void append_lower(std::string& out, std::string_view w);

}  // namespace newsan::ner
