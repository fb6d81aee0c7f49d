// util/lexicon.h — the one toolkit for word lookups, used by every stage:
// case folding, trimming, one string hash, and the word and phrase tables the
// extractors build from their lexicon files once and then only read.
//
//   lex::WordTable<int> t;
//   t.build(std::vector<std::pair<std::string_view, int>>{{"june", 6}, {"july", 7}});
//   std::string spill;
//   char buf[32];
//   const int* m = t.find(lex::fold_short("JUNE", buf, spill));   // -> 6
//
// Folding: `ascii_lower` for keys that are ASCII by construction (HTML names,
// charset names, lexicon words of the figure tables); `append_lower` for the
// simple Unicode lowercase of utf8proc (what the NER features hash);
// utf8::fold (util/utf8.h) for full case folding with NFC.
// All tables are immutable after build() and safe to read from many threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace newsan::lex {

// ---- case folding and trimming ----------------------------------------------

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
// ASCII-lowercased copy; bytes >= 0x80 are kept as they are.
std::string ascii_lower(std::string_view s);
// Lowercases the ASCII letters of s[from, end) in place.
void ascii_lower_in_place(std::string& s, std::size_t from = 0);
// `a` equals `b` ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);
// Position of the first ASCII-case-insensitive occurrence of `needle` at or after `from`, or npos.
std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from = 0);
// Appends the simple Unicode lowercase of UTF-8 `w` to `out` (utf8proc_tolower
// per code point, no normalization); invalid bytes are copied as they are.
void append_lower(std::string& out, std::string_view w);
// The lookup form of a short token: ASCII lowercased into `buf` when it is
// ASCII and fits, else utf8::fold into `spill`. The result views buf or spill.
std::string_view fold_short(std::string_view t, char (&buf)[32], std::string& spill);

inline constexpr std::string_view kSpaces = " \t\n\v\f\r";  // what std::isspace accepts in the C locale
// `s` without leading and trailing bytes of `chars`.
constexpr std::string_view trim(std::string_view s, std::string_view chars = kSpaces) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

// ---- hashing ------------------------------------------------------------------

// 64-bit FNV-1a: cheap on the short keys of lexicons, and stable across
// platforms and runs, so a model file may store feature hashes made with it
// (the NER model does: changing this function invalidates data/models/ner*).
inline constexpr std::uint64_t kFnvBasis = 14695981039346656037ull;
inline constexpr std::uint64_t kFnvPrime = 1099511628211ull;
constexpr std::uint64_t fnv_step(std::uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * kFnvPrime; }
constexpr std::uint64_t fnv(std::string_view s, std::uint64_t h = kFnvBasis) {
  for (char c : s) h = fnv_step(h, c);
  return h;
}

// Hash for std containers keyed by std::string and searched with a string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// ---- word table -----------------------------------------------------------------

// Words mapped to values in one flat open-addressed table (FNV-1a, linear
// probing, at most a quarter full): a lookup touches a few adjacent cache
// lines instead of scattered hash nodes, which matters because the tables are
// cold again at every document. The layout does not depend on input order.
template <class V>
class WordTable {
 public:
  // Builds from (key, value) pairs; a repeated key keeps its first value.
  template <class Pairs>
  void build(const Pairs& pairs) {
    std::vector<std::pair<std::string_view, const V*>> keys;
    for (const auto& [k, v] : pairs) keys.emplace_back(std::string_view(k), &v);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t cap = 16;
    while (cap < 4 * keys.size()) cap *= 2;
    slots_.assign(cap, 0);
    entries_.clear();
    pool_.clear();
    values_.clear();
    max_key_ = 0;
    mask_ = cap - 1;
    for (const auto& [k, v] : keys) {
      if (!entries_.empty() && pool_.compare(entries_.back().off, entries_.back().len, k) == 0) continue;
      Entry e{fnv(k), static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint32_t>(k.size())};
      pool_.append(k);
      values_.push_back(*v);
      entries_.push_back(e);
      max_key_ = std::max(max_key_, k.size());
      std::size_t at = e.hash & mask_;
      while (slots_[at]) at = (at + 1) & mask_;
      slots_[at] = static_cast<std::uint32_t>(entries_.size());
    }
  }
  // The value of `key` (exact bytes), or null.
  const V* find(std::string_view key) const {
    if (key.size() > max_key_ || slots_.empty()) return nullptr;
    return find(key, fnv(key));
  }
  // The same with h == fnv(key) already computed (while folding, say).
  const V* find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
      std::uint32_t s = slots_[at];
      if (!s) return nullptr;
      const Entry& e = entries_[s - 1];
      if (e.hash == h && e.len == key.size() && same(pool_.data() + e.off, key)) return &values_[s - 1];
    }
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  // The longest key: a longer word needs no lookup.
  std::size_t max_key() const { return max_key_; }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint64_t hash = 0;
    std::uint32_t off = 0, len = 0;
  };
  // Keys are short and a 64-bit hash already matched: a byte loop beats a call to memcmp.
  static bool same(const char* p, std::string_view key) {
    for (std::size_t i = 0; i < key.size(); ++i)
      if (p[i] != key[i]) return false;
    return true;
  }
  std::vector<std::uint32_t> slots_;  // 0: empty; else entry index + 1
  std::vector<Entry> entries_;
  std::vector<V> values_;  // parallel to entries_
  std::string pool_;
  std::size_t max_key_ = 0;
  std::size_t mask_ = 0;
};

// A set of words: a WordTable without values.
class WordSet {
 public:
  void build(const std::vector<std::string>& words) {
    std::vector<std::pair<std::string_view, char>> pairs;
    for (const auto& w : words) pairs.emplace_back(w, 1);
    table_.build(pairs);
  }
  bool contains(std::string_view w) const { return table_.contains(w); }
  std::size_t size() const { return table_.size(); }

 private:
  WordTable<char> table_;
};

// ---- phrase table ---------------------------------------------------------------

// The word of an element of a sequence the phrase table matches against:
// the element itself by default; callers with richer elements pass a functor.
struct SelfWord {
  std::string_view operator()(std::string_view w) const { return w; }
};

// Phrases (sequences of words, in the lookup form of the caller) mapped to a
// value, indexed by their first word; the longest match wins, and among
// phrases of one length the first added.
template <class T, class WordOf = SelfWord>
class PhraseTable {
 public:
  void add(const std::vector<std::string>& words, T value) {
    if (words.empty()) return;
    auto& v = by_first_[words.front()];
    v.push_back(Entry{words, std::move(value)});
    // Longest first, so the first full match is the longest one.
    for (std::size_t k = v.size() - 1; k > 0 && v[k].words.size() > v[k - 1].words.size(); --k)
      std::swap(v[k], v[k - 1]);
    max_len_ = std::max(max_len_, words.size());
  }
  // Match starting with `first` (a word already read, e.g. a suffix glued to a
  // numeral) and continuing with seq[from...]; returns the number of elements
  // consumed after `first`, or -1.
  template <class Seq>
  int match_after(std::string_view first, const Seq& seq, std::size_t from, const T** out) const {
    auto it = by_first_.find(first);
    if (it == by_first_.end()) return -1;
    for (const Entry& e : it->second) {
      std::size_t k = 1;
      for (; k < e.words.size(); ++k) {
        std::size_t at = from + k - 1;
        if (at >= seq.size() || WordOf{}(seq[at]) != e.words[k]) break;
      }
      if (k == e.words.size()) {
        *out = &e.value;
        return static_cast<int>(e.words.size() - 1);
      }
    }
    return -1;
  }
  // Match starting at seq[from]; returns elements consumed, or 0.
  template <class Seq>
  std::size_t match(const Seq& seq, std::size_t from, const T** out) const {
    if (from >= seq.size()) return 0;
    int n = match_after(WordOf{}(seq[from]), seq, from + 1, out);
    return n < 0 ? 0 : static_cast<std::size_t>(n) + 1;
  }
  // Match ending at seq[last] (inclusive); returns elements consumed, or 0.
  template <class Seq>
  std::size_t match_ending(const Seq& seq, std::size_t last, const T** out) const {
    std::size_t best = 0;
    for (std::size_t len = 1; len <= max_len_ && len <= last + 1; ++len) {
      std::size_t from = last + 1 - len;
      const T* v = nullptr;
      if (match(seq, from, &v) == len) {
        best = len;
        *out = v;
      }
    }
    return best;
  }
  bool contains_word(std::string_view w) const { return by_first_.find(w) != by_first_.end(); }
  template <class F>
  void for_each_phrase(F f) const {
    for (const auto& [k, v] : by_first_)
      for (const auto& e : v) f(e.words);
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    T value;
  };
  StringMap<std::vector<Entry>> by_first_;
  std::size_t max_len_ = 0;
};

}  // namespace newsan::lex
