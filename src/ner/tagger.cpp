// src/ner/tagger.cpp — the run-time half of the tagger: gazetteer lookups,
// BILOU decoding and Tagger::tag_document.
#include <algorithm>
#include <cstring>

#include "newsan/error.h"
#include "newsan/resources.h"
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
    keys_.push_back(h);
    bits_.push_back(b);
  }
  index_.clear();  // rebuilt (merging duplicates) by rebuild_index()
}

void Gazetteer::rebuild_index() {
  // Sort by key, merge duplicates by OR-ing their bits (already done for a loaded model).
  if (!std::is_sorted(keys_.begin(), keys_.end()) || std::adjacent_find(keys_.begin(), keys_.end()) != keys_.end()) {
  std::vector<std::size_t> order(keys_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return keys_[a] < keys_[b]; });
  std::vector<std::uint64_t> keys;
  std::vector<std::uint16_t> bits;
  for (auto i : order) {
    if (!keys.empty() && keys.back() == keys_[i]) {
      bits.back() |= bits_[i];
    } else {
      keys.push_back(keys_[i]);
      bits.push_back(bits_[i]);
    }
  }
  keys_ = std::move(keys);
  bits_ = std::move(bits);
  }
  std::size_t slots = 16;
  while (slots < keys_.size() * 2) slots *= 2;
  index_.assign(slots, 0);
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    std::size_t i = std::size_t(mix(keys_[k], 7)) & (slots - 1);
    while (index_[i] != 0) i = (i + 1) & (slots - 1);
    index_[i] = std::uint32_t(k + 1);
  }
}

std::uint16_t Gazetteer::lookup_hash(std::uint64_t h) const {
  if (index_.empty()) return 0;
  const std::size_t mask = index_.size() - 1;
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

Gazetteer Gazetteer::from_directory(const std::filesystem::path& dir) {
  static const struct {
    const char* file;
    std::uint16_t bits;
  } lists[] = {
      {"countries", kGazCountry},         {"country-aliases", kGazCountry},
      {"regions", kGazRegion},
      {"cities", kGazCity},               {"nationalities", kGazNationality},
      {"currencies", kGazCurrency},       {"titles", kGazTitle},
      {"org-heads", kGazOrgHead},         {"facility-heads", kGazFacilityHead},
      {"groups", kGazGroup},
  };
  Gazetteer g;
  for (const auto& l : lists) {
    auto rows = load_lexicon(dir / (std::string(l.file) + ".tsv"), std::string("gazetteer-") + l.file, 1);
    for (const auto& r : rows) g.add(r.fields[0], l.bits);
  }
  g.rebuild_index();
  return g;
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

// Allowed predecessors of each label (kStart included), computed once.
struct Predecessors {
  int count[kLabels] = {};
  std::uint8_t list[kLabels][kLabels + 1] = {};
  Predecessors() {
    for (int l = 0; l < kLabels; ++l)
      for (int p = 0; p <= kLabels; ++p)
        if (transition_allowed(p, l)) list[l][count[l]++] = std::uint8_t(p);
  }
};
const Predecessors& predecessors() {
  static const Predecessors p;
  return p;
}

}  // namespace

std::vector<int> viterbi(const std::vector<Emission>& em, const float (&trans)[kLabels + 1][kLabels]) {
  const std::size_t n = em.size();
  std::vector<int> out(n, 0);
  if (n == 0) return out;
  const Predecessors& pred = predecessors();
  constexpr float kNone = -1e30f;
  thread_local std::vector<std::array<float, kLabels + 1>> score;
  thread_local std::vector<std::array<std::uint8_t, kLabels>> back;
  score.resize(n);
  back.resize(n);
  // Column kLabels of each score row stands for kStart and is only finite before word 0.
  for (int l = 0; l < kLabels; ++l)
    score[0][std::size_t(l)] = transition_allowed(kStart, l) ? em[0][std::size_t(l)] + trans[kStart][l] : kNone;
  score[0][kLabels] = kNone;
  for (std::size_t i = 1; i < n; ++i) {
    const auto& prev = score[i - 1];
    for (int l = 0; l < kLabels; ++l) {
      float best = kNone;
      int arg = 0;
      for (int k = 0; k < pred.count[l]; ++k) {
        int p = pred.list[l][k];
        if (p == kStart) continue;
        float v = prev[std::size_t(p)] + trans[p][l];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[i][std::size_t(l)] = best <= kNone ? kNone : best + em[i][std::size_t(l)];
      back[i][std::size_t(l)] = std::uint8_t(arg);
    }
    score[i][kLabels] = kNone;
  }
  float best = kNone;
  int arg = 0;
  for (int l = 0; l < kLabels; ++l)
    if (may_end(l) && score[n - 1][std::size_t(l)] > best) {
      best = score[n - 1][std::size_t(l)];
      arg = l;
    }
  for (std::size_t i = n; i-- > 0;) {
    out[i] = arg;
    if (i > 0) arg = back[i][std::size_t(arg)];
  }
  return out;
}

// ---- model and tagger --------------------------------------------------------

void Model::build_table() {
  std::size_t slots = 16;
  while (slots < keys.size() * 2) slots *= 2;  // load factor <= 0.5
  slot_key.assign(slots, 0);
  slot_row.assign(slots, 0);
  mask = std::uint32_t(slots - 1);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::uint32_t i = (keys[k] * 0x9E3779B1u) & mask;
    while (slot_key[i] != 0) i = (i + 1) & mask;
    slot_key[i] = keys[k];
    slot_row[i] = std::uint32_t(k);
  }
}

Tagger::Tagger(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

const std::string& Tagger::version() const { return model_->version; }
const Gazetteer& Tagger::gazetteer() const { return model_->gazetteer; }

std::vector<std::vector<Chunk>> Tagger::tag_document(const Sentences& sentences) const {
  const Model& m = *model_;
  DocumentFeatures doc(m.gazetteer, sentences);
  std::vector<std::vector<Chunk>> out(sentences.size());
  std::vector<std::vector<std::uint64_t>> feats;
  std::vector<Emission> em;
  std::vector<std::uint32_t> keys;
  std::vector<std::size_t> bounds;
  std::vector<const Model::Row*> rows;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (sentences[s].empty()) continue;
    doc.features(s, feats);
    em.resize(feats.size());
    // Memory-bound: the weight rows are spread over megabytes. Resolve every
    // feature of the sentence first with prefetches in flight, then add rows.
    keys.clear();
    bounds.clear();
    for (const auto& token : feats) {
      for (std::uint64_t h : token) {
        std::uint32_t k = feature_key(h);
        keys.push_back(k);
        __builtin_prefetch(&m.slot_key[(k * 0x9E3779B1u) & m.mask]);
      }
      bounds.push_back(keys.size());
    }
    rows.clear();
    for (std::uint32_t k : keys) {
      const Model::Row* row = m.find(k);
      if (row) __builtin_prefetch(row);
      rows.push_back(row);
    }
    std::size_t at = 0;
    for (std::size_t i = 0; i < feats.size(); ++i) {
      std::int32_t acc[kLabels] = {};
      for (; at < bounds[i]; ++at)
        if (const Model::Row* row = rows[at])
          for (int l = 0; l < kLabels; ++l) acc[l] += row->w[l];
      for (int l = 0; l < kLabels; ++l) em[i][std::size_t(l)] = float(acc[l]) * m.scale;
    }
    std::vector<int> labels = viterbi(em, m.trans);
    doc.record(s, labels);
    out[s] = chunks_from_labels(labels);
  }
  return out;
}

}  // namespace newsan::ner
