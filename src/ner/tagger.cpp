// src/ner/tagger.cpp — the run-time half of the tagger: gazetteer lookups,
// BILOU decoding and Tagger::tag_document.
#include <algorithm>
#include <cstring>

#include "newsan/error.h"
#include "ner/model.h"

namespace newsan::ner {

const char* to_string(ChunkType t) {
  switch (t) {
    case ChunkType::PER: return "PER";
    case ChunkType::ORG: return "ORG";
    case ChunkType::LOC: return "LOC";
    case ChunkType::MISC: return "MISC";
  }
  return "MISC";
}

// ---- gazetteer ---------------------------------------------------------------

namespace {

// Lower-cased words of a phrase as the tokenizer would see them: split on
// spaces, with a trailing comma as a word of its own ("Washington, D.C.").
std::vector<std::string> phrase_words(std::string_view phrase) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    std::size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) {
      std::string w;
      append_lower(w, phrase.substr(i, j - i));
      if (w.size() > 1 && w.back() == ',') {
        w.pop_back();
        words.push_back(std::move(w));
        words.emplace_back(",");
      } else {
        words.push_back(std::move(w));
      }
    }
    i = j;
  }
  return words;
}

std::uint64_t phrase_hash(const std::vector<std::string>& words) {
  std::uint64_t h = fnv(words[0]);
  for (std::size_t k = 1; k < words.size(); ++k) h = fnv(words[k], fnv(" ", h));
  return h;
}

}  // namespace

std::uint16_t Gazetteer::lookup_phrase(std::string_view phrase) const {
  auto words = phrase_words(phrase);
  if (words.empty() || words.size() > kMaxPhraseWords) return 0;
  return std::uint16_t(lookup_hash(phrase_hash(words)) & ~kGazPrefix);
}

void Gazetteer::add(std::string_view phrase, std::uint16_t bits) {
  std::vector<std::string> words = phrase_words(phrase);
  if (words.empty() || words.size() > kMaxPhraseWords) return;
  std::uint64_t h = fnv(words[0]);
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (k > 0) h = fnv(words[k], fnv(" ", h));
    std::uint16_t b = k + 1 == words.size() ? bits : kGazPrefix;
    pending_keys_.push_back(h);
    pending_bits_.push_back(b);
  }
}

void Gazetteer::rebuild_index() {
  // The built entries and the pending ones, sorted by key, duplicates merged
  // by OR-ing their bits.
  std::vector<std::pair<std::uint64_t, std::uint16_t>> all;
  all.reserve(n_ + pending_keys_.size());
  for (std::size_t k = 0; k < n_; ++k) all.emplace_back(keys_[k], bits_[k]);
  for (std::size_t k = 0; k < pending_keys_.size(); ++k) all.emplace_back(pending_keys_[k], pending_bits_[k]);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  struct Owned {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint16_t> bits;
    std::vector<std::uint32_t> index;
    std::vector<std::uint64_t> filter;
  };
  auto t = std::make_shared<Owned>();
  for (const auto& [key, bits] : all) {
    if (!t->keys.empty() && t->keys.back() == key) {
      t->bits.back() |= bits;
    } else {
      t->keys.push_back(key);
      t->bits.push_back(bits);
    }
  }
  t->index = index_slots(t->keys);
  t->filter = filter_blocks(t->keys);
  pending_keys_.clear();
  pending_bits_.clear();
  keys_ = t->keys.data();
  bits_ = t->bits.data();
  index_ = t->index.data();
  filter_ = t->filter.data();
  n_ = t->keys.size();
  slots_ = t->index.size();
  filter_blocks_ = t->filter.size() / kFilterWords;
  storage_ = std::move(t);
}

std::vector<std::uint32_t> Gazetteer::index_slots(const std::vector<std::uint64_t>& keys) {
  std::size_t slots = 16;
  while (slots < keys.size() * 2) slots *= 2;
  std::vector<std::uint32_t> index(slots, 0);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::size_t i = std::size_t(mix(keys[k], 7)) & (slots - 1);
    while (index[i] != 0) i = (i + 1) & (slots - 1);
    index[i] = std::uint32_t(k + 1);
  }
  return index;
}

namespace {

// Block and the four bits (of 512) that key `h` sets in a Bloom filter of `blocks` blocks.
struct FilterBits {
  std::size_t block;
  std::uint16_t bit[4];
  FilterBits(std::uint64_t h, std::size_t blocks) {
    std::uint64_t a = mix(h, 11), b = mix(h, 13);
    block = std::size_t(((a >> 32) * std::uint64_t(blocks)) >> 32);
    for (int j = 0; j < 4; ++j) bit[j] = std::uint16_t((b >> (9 * j)) & 511);
  }
};

}  // namespace

std::vector<std::uint64_t> Gazetteer::filter_blocks(const std::vector<std::uint64_t>& keys) {
  const std::size_t blocks = std::max<std::size_t>(1, (keys.size() + 31) / 32);  // 16 bits a key
  std::vector<std::uint64_t> filter(blocks * kFilterWords, 0);
  for (std::uint64_t h : keys) {
    FilterBits f(h, blocks);
    for (std::uint16_t b : f.bit) filter[f.block * kFilterWords + b / 64] |= std::uint64_t(1) << (b % 64);
  }
  return filter;
}

bool Gazetteer::may_contain(std::uint64_t h) const {
  FilterBits f(h, filter_blocks_);
  const std::uint64_t* block = filter_ + f.block * kFilterWords;
  for (std::uint16_t b : f.bit)
    if (!(block[b / 64] >> (b % 64) & 1)) return false;
  return true;
}

std::uint16_t Gazetteer::lookup_hash(std::uint64_t h) const {
  if (slots_ == 0 || !may_contain(h)) return 0;
  const std::size_t mask = slots_ - 1;
  for (std::size_t i = std::size_t(mix(h, 7)) & mask;; i = (i + 1) & mask) {
    std::uint32_t k = index_[i];
    if (k == 0) return 0;
    if (keys_[k - 1] == h) return bits_[k - 1];
  }
}

std::uint16_t Gazetteer::lookup(const std::string_view* words, std::size_t n) const {
  if (n == 0 || n > kMaxPhraseWords) return 0;
  std::string lw;
  append_lower(lw, words[0]);
  std::uint64_t h = fnv(lw);
  for (std::size_t k = 1; k < n; ++k) {
    lw.clear();
    append_lower(lw, words[k]);
    h = fnv(lw, fnv(" ", h));
  }
  return std::uint16_t(lookup_hash(h) & ~kGazPrefix);
}

// ---- labels and decoding -----------------------------------------------------

bool transition_allowed(int prev, int cur) {
  Part c = part_of(cur);
  if (prev == kStart || part_of(prev) == Part::O || part_of(prev) == Part::L || part_of(prev) == Part::U)
    return c == Part::O || c == Part::B || c == Part::U;
  // prev is B or I of some type: only I or L of the same type may follow.
  return (c == Part::I || c == Part::L) && type_of(cur) == type_of(prev);
}

bool may_end(int label) {
  Part p = part_of(label);
  return p == Part::O || p == Part::L || p == Part::U;
}

std::vector<int> labels_from_chunks(const std::vector<Chunk>& chunks, std::size_t n) {
  std::vector<int> labels(n, 0);
  for (const auto& c : chunks) {
    if (c.last <= c.first || c.last > n) continue;
    if (c.last - c.first == 1) {
      labels[c.first] = label_of(c.type, Part::U);
      continue;
    }
    labels[c.first] = label_of(c.type, Part::B);
    for (std::size_t k = c.first + 1; k + 1 < c.last; ++k) labels[k] = label_of(c.type, Part::I);
    labels[c.last - 1] = label_of(c.type, Part::L);
  }
  return labels;
}

std::vector<Chunk> chunks_from_labels(const std::vector<int>& labels) {
  std::vector<Chunk> out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    Part p = part_of(labels[i]);
    if (p == Part::U) out.push_back({i, i + 1, type_of(labels[i])});
    if (p != Part::B) continue;
    std::size_t j = i + 1;
    while (j < labels.size() && part_of(labels[j]) == Part::I) ++j;
    if (j < labels.size() && part_of(labels[j]) == Part::L) {
      out.push_back({i, j + 1, type_of(labels[i])});
      i = j;
    }
  }
  return out;
}

namespace {

// The BILOU transition structure, spelled out so the compiler unrolls it:
// O, B-x and U-x may follow O, L-y or U-y ("open" labels); I-x and L-x may
// follow only B-x or I-x. The lists are ascending, as the ties rule below needs.
constexpr int kOpenCount = 1 + 2 * kChunkTypes;
constexpr std::array<int, kOpenCount> kOpen = [] {
  std::array<int, kOpenCount> a{};
  a[0] = 0;
  for (int t = 0; t < kChunkTypes; ++t) {
    a[std::size_t(1 + 2 * t)] = 3 + 4 * t;  // L-t
    a[std::size_t(2 + 2 * t)] = 4 + 4 * t;  // U-t
  }
  return a;
}();

}  // namespace

std::vector<int> viterbi(const std::vector<Emission>& em, const float (&trans)[kLabels + 1][kLabels]) {
  // Ties go to the lowest predecessor label: `>` over ascending predecessors.
  // The open labels' maxima are taken for all labels at once, four lanes a
  // vector (GCC/Clang vector extensions, SSE2 or NEON); the lanes of I-x and
  // L-x are then replaced by their two-predecessor maxima. Same operations in
  // the same order as a scalar loop, so the same result to the bit.
  using V = float __attribute__((vector_size(16)));
  using M = std::int32_t __attribute__((vector_size(16)));
  constexpr int kW = (kLabels + 3) / 4;
  constexpr int kPad = 4 * kW;
  constexpr float kNone = -1e30f;
  auto vload = [](const float* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  const std::size_t n = em.size();
  std::vector<int> out(n, 0);
  if (n == 0) return out;
  // Transitions with the lanes past kLabels at kNone: never a best predecessor.
  alignas(16) float tr[kLabels + 1][kPad];
  for (int p = 0; p <= kLabels; ++p) {
    std::memcpy(tr[p], trans[p], sizeof trans[p]);
    for (int l = kLabels; l < kPad; ++l) tr[p][l] = kNone;
  }
  struct alignas(16) Row {
    float v[kPad];
  };
  struct alignas(16) Back {
    std::int32_t v[kPad];
  };
  thread_local std::vector<Row> score;
  thread_local std::vector<Back> back;
  score.resize(n);
  back.resize(n);
  for (int l = 0; l < kPad; ++l)
    score[0].v[l] = l < kLabels && transition_allowed(kStart, l) ? em[0][std::size_t(l)] + trans[kStart][l] : kNone;
  alignas(16) float e[kPad] = {};  // lanes past kLabels stay 0: their best is kNone
  for (std::size_t i = 1; i < n; ++i) {
    const float* prev = score[i - 1].v;
    V best[kW];
    M arg[kW];
    for (int w = 0; w < kW; ++w) {
      best[w] = V{} + kNone;
      arg[w] = M{};
    }
    for (int p : kOpen) {
      const V pv = V{} + prev[p];
      for (int w = 0; w < kW; ++w) {
        V v = pv + vload(tr[p] + 4 * w);
        M gt = v > best[w];
        best[w] = gt ? v : best[w];
        arg[w] = gt ? M{} + p : arg[w];
      }
    }
    std::memcpy(e, em[i].data(), sizeof(float) * kLabels);
    float* cur = score[i].v;
    std::int32_t* bk = back[i].v;
    for (int w = 0; w < kW; ++w) {
      M none = best[w] <= kNone;
      V c = none ? V{} + kNone : best[w] + vload(e + 4 * w);
      std::memcpy(cur + 4 * w, &c, sizeof c);
      std::memcpy(bk + 4 * w, &arg[w], sizeof arg[w]);
    }
    for (int t = 0; t < kChunkTypes; ++t) {
      const int b = 1 + 4 * t;  // B-t; I-t and L-t follow B-t or I-t
      for (int l : {b + 1, b + 2}) {
        float vb = prev[b] + trans[b][l], vi = prev[b + 1] + trans[b + 1][l];
        float m = kNone;
        int a = 0;
        if (vb > m) {
          m = vb;
          a = b;
        }
        if (vi > m) {
          m = vi;
          a = b + 1;
        }
        cur[l] = m <= kNone ? kNone : m + e[l];
        bk[l] = a;
      }
    }
  }
  float best = kNone;
  int arg = 0;
  for (int l = 0; l < kLabels; ++l)
    if (may_end(l) && score[n - 1].v[l] > best) {
      best = score[n - 1].v[l];
      arg = l;
    }
  for (std::size_t i = n; i-- > 0;) {
    out[i] = arg;
    if (i > 0) arg = back[i].v[arg];
  }
  return out;
}

// ---- model and tagger --------------------------------------------------------

Tagger::Tagger(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

const std::string& Tagger::version() const { return model_->version; }
const Gazetteer& Tagger::gazetteer() const { return model_->gazetteer; }

std::vector<std::vector<Chunk>> Tagger::tag_document(const Sentences& sentences) const {
  const Model& m = *model_;
  DocumentFeatures doc(m.gazetteer, sentences, &WordCache::for_model(m));
  std::vector<std::vector<Chunk>> out(sentences.size());
  std::vector<std::uint64_t> feats;
  std::vector<std::uint32_t> ends;
  std::vector<Emission> em;
  std::vector<const std::int16_t*> rows;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (sentences[s].empty()) continue;
    doc.features(s, feats, ends);
    // Memory-bound: the weight rows are spread over megabytes. Resolve every
    // feature of the sentence first with prefetches in flight, then add rows.
    for (std::uint64_t h : feats) __builtin_prefetch(&m.slots[(feature_key(h) * 0x9E3779B1u) & m.mask]);
    rows.resize(feats.size());
    for (std::size_t k = 0; k < feats.size(); ++k) {
      const std::int16_t* row = m.find(feature_key(feats[k]));
      if (row) {
        __builtin_prefetch(row);
        __builtin_prefetch(row + kLabels - 1);  // a row may straddle two cache lines
      }
      rows[k] = row;
    }
    em.resize(ends.size());
    std::size_t at = 0;
    for (std::size_t i = 0; i < ends.size(); ++i) {
      std::int32_t acc[kLabels];
      std::memcpy(acc, doc.word_weights(s, i), sizeof acc);
      for (; at < ends[i]; ++at)
        if (const std::int16_t* row = rows[at])
          for (int l = 0; l < kLabels; ++l) acc[l] += row[l];
      for (int l = 0; l < kLabels; ++l) em[i][std::size_t(l)] = float(acc[l]) * m.scale;
    }
    std::vector<int> labels = viterbi(em, m.trans);
    doc.record(s, labels);
    out[s] = chunks_from_labels(labels);
  }
  return out;
}

}  // namespace newsan::ner
