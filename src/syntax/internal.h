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
// The loader does not walk the slots (start-up): every read is checked
// instead. A probe stops after visiting every slot once, a slot's run of
// entries must lie inside the entries, an entry's class must be below
// `classes`; whatever a damaged table holds, nothing is read or written
// outside it (the model file's checksum refuses damage before that).
struct WeightTable {
  std::span<const Slot> slots;  // power of two, more than the features
  std::span<const Entry> entries;
  std::size_t classes = 0;

  const Slot* find(std::uint64_t key) const {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = key & mask;
    for (std::size_t probes = 0; probes <= mask; ++probes, i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.key == key) return s.begin <= entries.size() && s.count <= entries.size() - s.begin ? &s : nullptr;
      if (s.key == 0) return nullptr;
    }
    return nullptr;
  }
  void add_run(const Slot& s, std::int32_t* scores) const {
    const Entry* e = entries.data() + s.begin;
    const Entry* const end = e + s.count;
    for (; e != end; ++e)
      if (e->cls < classes) [[likely]] scores[e->cls] += e->weight;
  }
  void add(std::uint64_t key, std::int32_t* scores) const {
    if (const Slot* s = find(key)) add_run(*s, scores);
  }
  // Adds the weights of k features: the slots of all of them are prefetched
  // first, then their entry runs, so the memory reads overlap instead of
  // waiting one after another (the tables are far larger than the caches).
  void add_all(const std::uint64_t* keys, std::size_t k, std::int32_t* scores) const {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t f = 0; f < k; ++f) __builtin_prefetch(&slots[keys[f] & mask]);
    const Slot* found[128];
    std::size_t m = 0;
    for (std::size_t f = 0; f < k; ++f)
      if (const Slot* s = find(keys[f])) {
        __builtin_prefetch(&entries[s->begin]);
        found[m++] = s;
      }
    for (std::size_t f = 0; f < m; ++f) add_run(*found[f], scores);
  }
};

// The parser's action weights: a feature's three weights (SHIFT, LEFT, RIGHT)
// live in its 8-byte slot, so one memory read scores a feature. A slot keeps
// the key's top 16 bits as a tag (0 = empty; the slot index comes from the low
// bits), so an absent feature is taken for a present one once in ~65,000
// probes: noise far below the perceptron's own, for a table half the size.
struct ActionSlot {
  std::uint16_t tag;  // 0 = empty
  std::int16_t w[3];  // SHIFT, LEFT, RIGHT
};
static_assert(sizeof(ActionSlot) == 8);
inline std::uint16_t action_tag(std::uint64_t key) {
  const auto t = static_cast<std::uint16_t>(key >> 48);
  return t ? t : 1;
}
// A filter of the action table's keys (a Bloom filter, two bits of one 64-bit
// word per key, ~8 bits per key: a few hundred KB that stay in the caches): a
// key whose bits are not both set is not in the table, and its slot is not
// read. About a third of a step's features are absent from the table.
inline std::uint64_t action_filter_bits(std::uint64_t key) {
  return (1ull << ((key >> 40) & 63)) | (1ull << ((key >> 46) & 63));
}
inline std::size_t action_filter_word(std::uint64_t key, std::size_t words) { return (key >> 20) & (words - 1); }
struct ActionTable {
  std::span<const ActionSlot> slots;  // power of two, at most half full
  std::span<const std::uint64_t> filter;  // power of two words, or empty (no filter)
  void add_all(const std::uint64_t* in, std::size_t k, std::int32_t* scores) const {
    const std::size_t mask = slots.size() - 1;
    std::uint64_t kept[128];
    const std::uint64_t* keys = in;
    if (!filter.empty()) {
      std::size_t m = 0;
      for (std::size_t f = 0; f < k; ++f) {
        const std::uint64_t b = action_filter_bits(in[f]);
        kept[m] = in[f];
        m += (filter[action_filter_word(in[f], filter.size())] & b) == b;
      }
      keys = kept;
      k = m;
    }
    for (std::size_t f = 0; f < k; ++f) __builtin_prefetch(&slots[keys[f] & mask]);
    for (std::size_t f = 0; f < k; ++f) {
      const std::uint16_t tag = action_tag(keys[f]);
      std::size_t i = keys[f] & mask;
      for (std::size_t probes = 0; probes <= mask; ++probes, i = (i + 1) & mask) {  // bounded: see WeightTable
        const ActionSlot& s = slots[i];
        if (s.tag == tag) {
          scores[0] += s.w[0];
          scores[1] += s.w[1];
          scores[2] += s.w[2];
          break;
        }
        if (s.tag == 0) break;
      }
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
  // The word's learned classes (data/word-classes-en.tsv, held in the model):
  // coarse (32) and fine (500) class + 1, 0 = the word has none.
  std::uint64_t coarse = 0, fine = 0;
};
WordInfo word_info(std::string_view form);
std::string lowercase(std::string_view form);  // ASCII and Latin-1/Greek/Cyrillic via utf8proc

constexpr std::size_t kMaxTagFeatures = 48;
// Tagger templates of few values (a tag or a word class): besides being keys
// fkey(id, value) of the sparse table, their weights are copied at load into
// dense rows per value (Model::DenseRows, ~0.3 MB, stays in the caches), so the
// runtime reads a row instead of probing the large table (one memory stall
// fewer each; the previous-tag ones are on the left-to-right critical path).
enum DenseTemplate : std::uint8_t { kDensePrev1, kDensePrev2, kDenseNext1, kDenseP1Fine, kDenseN1Fine, kDenseN2Coarse,
                                    kDenseP2Coarse, kDenseTemplates };
constexpr std::uint32_t kDenseTemplateId[kDenseTemplates] = {11, 12, 48, 35, 36, 37, 38};
constexpr std::size_t kDenseContext = 4, kDenseLookahead = 1, kDenseDynamic = 2;  // how many of each kind a word has
struct DenseFeature {
  DenseTemplate templ;
  std::uint32_t value;
};
// Tagger features of word i given the tags chosen for i-1 and i-2 (class ids + 1, 0 = none):
// those of the word alone (the same wherever it occurs: their summed weights
// are cached per word), of its neighbours, and of the previous tags (dynamic).
std::size_t tagger_word_features(const WordInfo& w, std::uint64_t* out);
// With `dense`, the kDenseContext (kDenseDynamic) dense features are written
// there as values instead of keys into `out`.
std::size_t tagger_context_features(std::span<const WordInfo> words, std::size_t i, std::uint64_t* out,
                                    DenseFeature* dense = nullptr);
inline std::size_t tagger_static_features(std::span<const WordInfo> words, std::size_t i, std::uint64_t* out) {
  const std::size_t k = tagger_word_features(words[i], out);
  return k + tagger_context_features(words, i, out + k);
}
// `next1`, `next2`: the tags (class + 1, 0 = none) that the static features
// alone give the next two words (the lookahead: the right context's likely
// tags; measured on EWT dev, UPOS +0.0006). The lookahead features do not
// depend on the tags chosen left to right: the runtime adds them for the
// whole sentence first (reads that overlap), then the dynamic ones word by word.
std::size_t tagger_lookahead_features(std::span<const WordInfo> words, std::size_t i, int next1, int next2,
                                      std::uint64_t* out, DenseFeature* dense = nullptr);
std::size_t tagger_dynamic_features(std::span<const WordInfo> words, std::size_t i, int prev1, int prev2, int next1,
                                    std::uint64_t* out, DenseFeature* dense = nullptr);
inline std::size_t tagger_features(std::span<const WordInfo> words, std::size_t i, int prev1, int prev2, int next1,
                                   int next2, std::uint64_t* out) {
  std::size_t k = tagger_static_features(words, i, out);
  k += tagger_lookahead_features(words, i, next1, next2, out + k);
  return k + tagger_dynamic_features(words, i, prev1, prev2, next1, out + k);
}

constexpr std::size_t kMaxParseFeatures = 104;
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
// The label of an arc is scored from a subset of the parser's features (those
// of the dependent s0, the heads b0 and s1, their pairs, distance and children):
// copies them from `all` (parser_features' output) into `out`.
constexpr std::size_t kLabelFeatures = 41;
void label_features(const std::uint64_t* all, std::uint64_t* out);

// Actions: SHIFT, LEFT (head b0, dependent s0), RIGHT (head s1, dependent s0).
// The label of an arc is chosen after its action, among the labels of its
// direction: label class = direction * labels + label (direction 0 = LEFT).
enum Action : int { kShift = 0, kLeft = 1, kRight = 2 };
// Whether action a may be taken: exactly one word gets the root (LEFT from
// the last stack word onto the root at the end of the buffer), and the parse
// always ends (2n transitions).
inline bool action_valid(const ParseState& st, int a) {
  const std::size_t ss = st.stack.size();
  if (a == kShift) return st.b < st.n;
  if (a == kLeft) return ss >= 1 && (st.b < st.n || ss == 1);
  return ss >= 2;
}
// Whether the arc of action a is the one onto the root (its label is `root`).
inline bool action_is_root(const ParseState& st, int a) { return a == kLeft && st.b == st.n; }
void apply_action(ParseState& st, int a, int label);

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

// Word classes: lowercase form hash (WordInfo::lower) -> word_class_value().
inline std::uint64_t word_class_value(std::uint32_t coarse, std::uint32_t fine) {
  return std::uint64_t(coarse + 1) | std::uint64_t(fine + 1) << 16;
}
constexpr std::uint32_t kMaxCoarseClasses = 32, kMaxFineClasses = 512;
// Sets w.coarse and w.fine from the table (none: 0).
inline void set_word_class(std::span<const KeyValue> classes, WordInfo& w) {
  const KeyValue* e = kv_find(classes, w.lower ? w.lower : 1);
  w.coarse = e ? (e->value & 0xFFFF) : 0;
  w.fine = e ? (e->value >> 16) : 0;
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
  std::vector<Slot> tag_slots, label_slots;
  std::vector<Entry> tag_entries, label_entries;
  std::vector<ActionSlot> action_slots;
  std::vector<std::uint64_t> action_filter;  // see ActionTable
  std::vector<KeyValue> lemma_exceptions, lemma_suffixes;  // value: rule index
  std::vector<KeyValue> word_classes;  // key: WordInfo::lower, value: word_class_value()
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
  Model(std::shared_ptr<const void> image, ModelData strings, WeightTable tagger, ActionTable actions,
        WeightTable labels, std::span<const KeyValue> exceptions, std::span<const KeyValue> suffixes,
        std::span<const KeyValue> classes);
  void parse(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const override;
  void tag(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const override;
  std::string version() const override;

  // The runtime parts, also used by the trainer with its own tables.
  void tag_words(std::span<const WordInfo> info, std::vector<int>& tags) const;
  void parse_words(std::span<const WordInfo> info, std::span<const int> tags, std::vector<int>& heads,
                   std::vector<int>& labels) const;
  std::uint32_t lemma_rule_of(std::string_view form, int tag) const;
  // The WordInfo of each form, with its word classes.
  void word_infos(std::span<const std::string_view> forms, std::vector<WordInfo>& info) const;
  const ModelData& data() const { return d_; }
  // Unique per Model made in this process (per-thread caches key on it; an
  // address may be reused by a later model).
  std::uint64_t serial() const { return serial_; }
  // The check vector of kCheckSentences under this model.
  std::vector<std::uint32_t> run_check() const;

 private:
  std::shared_ptr<const void> image_;
  ModelData d_;
  WeightTable tagger_;
  ActionTable actions_;
  WeightTable labels_;
  std::span<const KeyValue> exceptions_, suffixes_, classes_;
  // The dense rows of the DenseTemplate features (int16 weights, one row of
  // tags per value; all zero where the table has no such feature).
  struct DenseRows {
    std::array<std::uint32_t, kDenseTemplates> offset{}, limit{};
    std::vector<std::int16_t> w;
  } dense_;
  void build_dense_rows();
  void add_dense(const DenseFeature* f, std::size_t k, std::int32_t* scores) const;
  std::vector<std::uint64_t> xpos_hash_;
  std::uint64_t serial_;
  // tag() (with_tree false: head -1, no relation) and parse().
  void analyze(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out, bool with_tree) const;
};

// Model file: write and read (model_io.cpp).
std::string encode_model(const ModelData& m);
std::shared_ptr<const Model> decode_model(std::string_view bytes, std::shared_ptr<const void> image,
                                          std::string_view origin);
// verify = false skips the built-in check (the trainer, before the check exists).
std::shared_ptr<const Model> decode_model_unchecked(std::string_view bytes, std::shared_ptr<const void> image,
                                                    std::string_view origin, bool verify);
std::shared_ptr<const Model> load_model(const std::filesystem::path& path);
// SyntaxModel::describe: the version string from the header and description only.
std::string describe_model(const std::filesystem::path& path);
// What version() prints for a model with this description.
std::string model_version_string(std::string_view description);
// Rewrites the header's payload size and checksum to match the bytes (fuzzing:
// lets mutated images reach the structural checks behind the checksum).
void reseal_model(std::string& bytes);

// Builds an open-addressed slot table from sorted (key, entries) runs.
void build_slots(std::vector<std::pair<std::uint64_t, std::vector<Entry>>>& features, std::vector<Slot>& slots,
                 std::vector<Entry>& entries);
// `features`: (key, weights) of the kept action features.
// and the filter of the kept keys.
void build_action_slots(std::vector<std::pair<std::uint64_t, ActionSlot>> features, std::vector<ActionSlot>& slots,
                        std::vector<std::uint64_t>& filter);
std::vector<KeyValue> build_kv(std::vector<KeyValue> pairs);

}  // namespace newsan::syntax
