// src/syntax/internal.h — the pieces of the syntax stage shared by its runtime
// (tagger, lemmatizer, parser, model file) and its trainer.
//
// A model is three statistical parts and one table of strings:
//  - a tagger: greedy left-to-right averaged perceptron over (XPOS, UPOS) pairs;
//  - a lemmatizer: edit rules ("lowercase?, strip n bytes, append s") chosen by
//    (word, XPOS) exceptions, else by the longest known (suffix, XPOS);
//  - a parser: greedy arc-hybrid transition system (Kuhlmann et al. 2011) with
//    labeled transitions, trained with a dynamic oracle (Goldberg & Nivre 2013);
//  - the strings: class names (XPOS, UPOS), relation labels, lemma rules.
// Weights are sparse: a feature (a 64-bit hash) maps to a run of
// (class, int16 weight) entries.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsan/syntax.h"

namespace newsan::syntax {

// ---- hashing of feature strings ---------------------------------------------
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}
inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 0x9E3779B97F4A7C15ull) {
  std::uint64_t h = seed ^ (s.size() * 0x100000001B3ull);
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  return mix64(h);
}
// A feature key from a template id and up to three values.
inline std::uint64_t fkey(std::uint32_t templ, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  std::uint64_t h = mix64(a + 0x9E3779B97F4A7C15ull * (templ + 1));
  h = mix64(h ^ (b + 0x632BE59BD9B4E019ull));
  h = mix64(h ^ (c + 0x85157AF5ull));
  return h ? h : 1;
}

// ---- sparse weights ---------------------------------------------------------
struct Slot {
  std::uint64_t key;    // 0 = empty
  std::uint32_t begin;  // first entry
  std::uint32_t count;  // entries
};
struct Entry {
  std::uint16_t cls;
  std::int16_t weight;
};
static_assert(sizeof(Slot) == 16 && sizeof(Entry) == 4);

// A read-only view of an open-addressed feature table (in the model image).
struct WeightTable {
  std::span<const Slot> slots;  // power of two, more than the features
  std::span<const Entry> entries;
  std::size_t classes = 0;

  const Slot* find(std::uint64_t key) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
    }
  }
  void add(std::uint64_t key, std::int32_t* scores) const {
    if (const Slot* s = find(key))
      for (std::uint32_t k = 0; k < s->count; ++k) {
        const Entry& e = entries[s->begin + k];
        scores[e.cls] += e.weight;
      }
  }
};

// ---- feature extraction -------------------------------------------------------
// The word-level facts every feature reads, computed once per word.
struct WordInfo {
  std::uint64_t form = 0, lower = 0, shape = 0;
  std::uint64_t suffix[4] = {0, 0, 0, 0};  // last 1..4 bytes of lower (UTF-8 safe at the cut)
  std::uint64_t prefix[3] = {0, 0, 0};
  std::uint64_t flags = 0;
};
WordInfo word_info(std::string_view form);
std::string lowercase(std::string_view form);  // ASCII and Latin-1/Greek/Cyrillic via utf8proc

constexpr std::size_t kMaxTagFeatures = 40;
// Tagger features of word i given the tags chosen for i-1 and i-2 (class ids + 1, 0 = none).
std::size_t tagger_features(std::span<const WordInfo> words, std::size_t i, int prev1, int prev2,
                            std::uint64_t* out);

constexpr std::size_t kMaxParseFeatures = 96;
// The parser's configuration: arc-hybrid, words 0..n-1, the root is index n.
struct ParseState {
  int n = 0;
  std::vector<int> stack;
  int b = 0;  // buffer front; buffer is b..n (n = root)
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nleft, nright;
  std::vector<std::uint64_t> left_labels, right_labels;  // bitsets of labels (first 64)
  void reset(int words);
  void shift() { stack.push_back(b++); }
  void arc(int h, int d, int l);
};
std::size_t parser_features(const ParseState& st, std::span<const WordInfo> words, std::span<const int> tags,
                            std::uint64_t* out);

// Transitions: 0 = SHIFT, 1 + l = LEFT(l) (head b0, dep s0), 1 + L + l = RIGHT(l) (head s1, dep s0).
inline int left_of(int l) { return 1 + l; }
inline int right_of(int l, int labels) { return 1 + labels + l; }
// Whether transition t may be taken: exactly one word gets the root, by the
// label `root` only, and the parse always ends (2n transitions).
bool transition_valid(const ParseState& st, int t, int labels, int root);
void apply_transition(ParseState& st, int t, int labels);

// ---- the lemmatizer's rules ---------------------------------------------------
// A rule is "<l|k><strip>:<append>": lowercase or keep the form, strip `strip`
// bytes from its end, append. It never strips more than the form has.
std::string lemma_rule(std::string_view form, std::string_view lemma);
bool apply_lemma_rule(std::string_view rule, std::string_view form, std::string& out);
std::uint64_t lemma_key(std::string_view lower_form_or_suffix, std::uint64_t xpos, std::uint32_t kind);

// A key → value table (open addressing, key 0 empty).
struct KeyValue {
  std::uint64_t key;
  std::uint64_t value;
};
inline const KeyValue* kv_find(std::span<const KeyValue> t, std::uint64_t key) {
  if (t.empty()) return nullptr;
  const std::size_t mask = t.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (t[i].key == key) return &t[i];
    if (t[i].key == 0) return nullptr;
  }
}

// ---- the model ----------------------------------------------------------------
struct TagClass {
  std::string xpos;
  Upos upos = Upos::X;
};

// Everything a model file holds, as owned vectors (the trainer's output, the writer's input).
struct ModelData {
  std::string description;
  std::vector<TagClass> tags;
  std::vector<std::string> labels;  // index of "root" is root_label
  std::uint32_t root_label = 0;
  std::vector<std::string> lemma_rules;
  std::vector<Slot> tag_slots, parse_slots;
  std::vector<Entry> tag_entries, parse_entries;
  std::vector<KeyValue> lemma_exceptions, lemma_suffixes;  // value: rule index
  std::uint32_t lemma_max_suffix = 5;
  // The built-in check: the model's own analysis of kCheckSentences when written.
  std::vector<std::uint32_t> check;  // per word: tag, head + 1, label, rule
};

// The sentences re-parsed on load (written for this project).
extern const std::array<std::string_view, 3> kCheckSentences;
std::vector<std::string_view> split_spaces(std::string_view s);

class Model final : public SyntaxModel {
 public:
  // `image` keeps the memory that the tables view alive.
  Model(std::shared_ptr<const void> image, ModelData strings, WeightTable tagger, WeightTable parser,
        std::span<const KeyValue> exceptions, std::span<const KeyValue> suffixes);
  void parse(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const override;
  void tag(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const override;
  std::string version() const override;

  // The runtime parts, also used by the trainer with its own tables.
  void tag_words(std::span<const WordInfo> info, std::vector<int>& tags) const;
  void parse_words(std::span<const WordInfo> info, std::span<const int> tags, std::vector<int>& heads,
                   std::vector<int>& labels) const;
  std::uint32_t lemma_rule_of(std::string_view form, int tag) const;
  const ModelData& data() const { return d_; }
  // The check vector of kCheckSentences under this model.
  std::vector<std::uint32_t> run_check() const;

 private:
  std::shared_ptr<const void> image_;
  ModelData d_;
  WeightTable tagger_, parser_;
  std::span<const KeyValue> exceptions_, suffixes_;
  std::vector<std::uint64_t> xpos_hash_;
};

// Model file: write and read (model_io.cpp).
std::string encode_model(const ModelData& m);
std::shared_ptr<const Model> decode_model(std::string_view bytes, std::shared_ptr<const void> image,
                                          std::string_view origin);
// verify = false skips the built-in check (the trainer, before the check exists).
std::shared_ptr<const Model> decode_model_unchecked(std::string_view bytes, std::shared_ptr<const void> image,
                                                    std::string_view origin, bool verify);
std::shared_ptr<const Model> load_model(const std::filesystem::path& path);

// Builds an open-addressed slot table from sorted (key, entries) runs.
void build_slots(std::vector<std::pair<std::uint64_t, std::vector<Entry>>>& features, std::vector<Slot>& slots,
                 std::vector<Entry>& entries);
std::vector<KeyValue> build_kv(std::vector<KeyValue> pairs);

}  // namespace newsan::syntax
