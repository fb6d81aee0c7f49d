// Features of the tagger and the parser, and the lemmatizer's edit rules.
//
// Features are hashed template instances: fkey(template, values...). The
// templates follow the classic choices for English (Ratnaparkhi-style word
// windows for the tagger; Zhang & Nivre 2011's stack/buffer words, tags,
// children labels, distance and valency for the parser). Changing a template
// changes what a model's weights mean: bump the model format version.
#include <algorithm>
#include <utf8proc.h>

#include "syntax/internal.h"

namespace newsan::syntax {

namespace {
enum : std::uint64_t { kFlagDigit = 1, kFlagHyphen = 2, kFlagUpper = 4, kFlagAllUpper = 8, kFlagFirstUpper = 16,
                       kFlagPeriod = 32, kFlagNonAscii = 64 };
}

std::string lowercase(std::string_view form) {
  std::string out;
  out.reserve(form.size());
  for (std::size_t i = 0; i < form.size();) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : char(c));
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(form.data() + i),
                              static_cast<utf8proc_ssize_t>(form.size() - i), &cp);
    if (n <= 0) {  // not valid UTF-8: keep the byte
      out.push_back(char(c));
      ++i;
      continue;
    }
    utf8proc_uint8_t buf[4];
    auto m = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(m));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

WordInfo word_info(std::string_view form) {
  WordInfo w;
  std::string lower = lowercase(form);
  w.form = hash_bytes(form, 1);
  w.lower = hash_bytes(lower, 2);
  // Shape: X x d or the character itself, runs capped at 2 ("Xxx" for "Hello", "dd.d" for "12.5").
  std::string shape;
  std::uint64_t flags = 0;
  int letters = 0, uppers = 0;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < form.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    char s;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
      ++letters;
      ++uppers;
      if (i == 0) flags |= kFlagFirstUpper;
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
      ++letters;
    } else if (c >= '0' && c <= '9') {
      s = 'd';
      flags |= kFlagDigit;
    } else if (c >= 0x80) {
      flags |= kFlagNonAscii;
      if ((c & 0xC0) == 0x80) continue;
      s = 'u';
    } else {
      s = char(c);
      if (c == '-') flags |= kFlagHyphen;
      if (c == '.') flags |= kFlagPeriod;
    }
    if (s == last) {
      if (++run > 2) continue;
    } else {
      run = 1;
      last = s;
    }
    shape.push_back(s);
  }
  if (uppers) flags |= kFlagUpper;
  if (letters && uppers == letters) flags |= kFlagAllUpper;
  w.shape = hash_bytes(shape, 3);
  w.flags = flags + 1;
  const std::string_view lv = lower;
  for (std::size_t k = 0; k < 4; ++k)
    w.suffix[k] = lv.size() > k + 1 ? hash_bytes(lv.substr(lv.size() - (k + 1)), 10 + k) : 0;
  for (std::size_t k = 0; k < 3; ++k) w.prefix[k] = lv.size() > k + 1 ? hash_bytes(lv.substr(0, k + 1), 20 + k) : 0;
  return w;
}

namespace {
const WordInfo& none_word() {
  static const WordInfo kNone = [] {
    WordInfo w;
    w.form = w.lower = w.shape = 0x51;
    return w;
  }();
  return kNone;
}

// The dense features `d` as values into `dense`, or else as keys into `out`
// (returns how many keys).
std::size_t dense_or_keys(const DenseFeature* d, std::size_t k, std::uint64_t* out, DenseFeature* dense) {
  if (dense) {
    std::copy(d, d + k, dense);
    return 0;
  }
  for (std::size_t j = 0; j < k; ++j) out[j] = fkey(kDenseTemplateId[d[j].templ], d[j].value);
  return k;
}
}  // namespace

std::size_t tagger_word_features(const WordInfo& w, std::uint64_t* out) {
  std::size_t k = 0;
  out[k++] = fkey(0, 0);
  out[k++] = fkey(1, w.lower);
  out[k++] = fkey(2, w.form);
  for (int s = 0; s < 4; ++s)
    if (w.suffix[s]) out[k++] = fkey(3 + s, w.suffix[s]);
  for (int s = 0; s < 3; ++s)
    if (w.prefix[s]) out[k++] = fkey(7 + s, w.prefix[s]);
  out[k++] = fkey(10, w.shape);
  out[k++] = fkey(23, w.flags);
  // learned word classes (measured on EWT dev: word, neighbours and the
  // previous tag with the next word's class lift UPOS 0.946 -> 0.950)
  out[k++] = fkey(32, w.fine);
  out[k++] = fkey(33, w.fine, w.suffix[2]);
  return k;
}

std::size_t tagger_context_features(std::span<const WordInfo> words, std::size_t i, std::uint64_t* out,
                                    DenseFeature* dense) {
  const WordInfo& kNone = none_word();
  const std::size_t n = words.size();
  const WordInfo& w = words[i];
  const WordInfo& p1 = i >= 1 ? words[i - 1] : kNone;
  const WordInfo& p2 = i >= 2 ? words[i - 2] : kNone;
  const WordInfo& n1 = i + 1 < n ? words[i + 1] : kNone;
  const WordInfo& n2 = i + 2 < n ? words[i + 2] : kNone;
  std::size_t k = 0;
  out[k++] = fkey(15, p1.lower);
  out[k++] = fkey(16, p2.lower);
  out[k++] = fkey(17, n1.lower);
  out[k++] = fkey(18, n2.lower);
  out[k++] = fkey(19, p1.suffix[2]);
  out[k++] = fkey(20, n1.suffix[2]);
  out[k++] = fkey(21, n1.shape);
  out[k++] = fkey(22, p1.shape);
  out[k++] = fkey(24, w.lower, n1.lower);
  out[k++] = fkey(25, p1.lower, w.lower);
  out[k++] = fkey(27, i == 0, w.shape);
  out[k++] = fkey(29, n1.suffix[1]);
  out[k++] = fkey(30, p1.form);
  out[k++] = fkey(31, n1.form);
  out[k++] = fkey(39, w.fine, n1.fine);
  const DenseFeature d[kDenseContext] = {{kDenseP1Fine, std::uint32_t(p1.fine)},
                                         {kDenseN1Fine, std::uint32_t(n1.fine)},
                                         {kDenseN2Coarse, std::uint32_t(n2.coarse)},
                                         {kDenseP2Coarse, std::uint32_t(p2.coarse)}};
  return k + dense_or_keys(d, kDenseContext, out + k, dense);
}

std::size_t tagger_lookahead_features(std::span<const WordInfo> words, std::size_t i, int next1, int next2,
                                      std::uint64_t* out, DenseFeature* dense) {
  std::size_t k = 0;
  out[k++] = fkey(49, next1, next2);
  out[k++] = fkey(50, words[i].lower, next1);
  const DenseFeature d[kDenseLookahead] = {{kDenseNext1, std::uint32_t(next1)}};
  return k + dense_or_keys(d, kDenseLookahead, out + k, dense);
}

std::size_t tagger_dynamic_features(std::span<const WordInfo> words, std::size_t i, int prev1, int prev2, int next1,
                                    std::uint64_t* out, DenseFeature* dense) {
  const WordInfo& w = words[i];
  const WordInfo& n1 = i + 1 < words.size() ? words[i + 1] : none_word();
  std::size_t k = 0;
  out[k++] = fkey(13, prev1, prev2);
  out[k++] = fkey(14, prev1, w.lower);
  out[k++] = fkey(26, prev1, w.suffix[2]);
  out[k++] = fkey(28, prev1, n1.lower);
  out[k++] = fkey(40, prev1, n1.fine);
  out[k++] = fkey(51, prev1, next1);
  const DenseFeature d[kDenseDynamic] = {{kDensePrev1, std::uint32_t(prev1)}, {kDensePrev2, std::uint32_t(prev2)}};
  return k + dense_or_keys(d, kDenseDynamic, out + k, dense);
}

void ParseState::reset(int words) {
  n = words;
  stack.clear();
  b = 0;
  const std::size_t m = static_cast<std::size_t>(words) + 1;
  for (auto* v : {&head, &label, &lc1, &lc2, &rc1, &rc2}) v->assign(m, -1);
  nleft.assign(m, 0);
  nright.assign(m, 0);
  left_labels.assign(m, 0);
  right_labels.assign(m, 0);
}

void ParseState::arc(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  const std::uint64_t bit = l < 64 ? (1ull << l) : 0;
  if (d < h) {
    lc2[h] = lc1[h];
    lc1[h] = d;
    ++nleft[h];
    left_labels[h] |= bit;
  } else {
    rc2[h] = rc1[h];
    rc1[h] = d;
    ++nright[h];
    right_labels[h] |= bit;
  }
}

std::size_t parser_features(const ParseState& st, std::span<const WordInfo> words, std::span<const int> tags,
                            std::uint64_t* out) {
  constexpr std::uint64_t kNoWord = 0x77, kRootWord = 0x78;
  const int n = st.n;
  auto W = [&](int i) -> std::uint64_t { return i < 0 ? kNoWord : i == n ? kRootWord : words[i].lower; };
  auto T = [&](int i) -> std::uint64_t { return i < 0 ? 0 : i == n ? 1 : std::uint64_t(tags[i]) + 2; };
  auto L = [&](int i) -> std::uint64_t { return i < 0 ? 0 : std::uint64_t(st.label[i]) + 1; };
  const std::size_t ss = st.stack.size();
  const int s0 = ss >= 1 ? st.stack[ss - 1] : -1;
  const int s1 = ss >= 2 ? st.stack[ss - 2] : -1;
  const int s2 = ss >= 3 ? st.stack[ss - 3] : -1;
  const int b0 = st.b <= n ? st.b : -1;
  const int b1 = st.b + 1 <= n ? st.b + 1 : -1;
  const int b2 = st.b + 2 <= n ? st.b + 2 : -1;
  auto at = [](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[i]; };
  const int s0l1 = at(st.lc1, s0), s0l2 = at(st.lc2, s0), s0r1 = at(st.rc1, s0), s0r2 = at(st.rc2, s0);
  const int s1l1 = at(st.lc1, s1), s1r1 = at(st.rc1, s1), s1r2 = at(st.rc2, s1);
  const int b0l1 = at(st.lc1, b0), b0l2 = at(st.lc2, b0);
  const std::uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2), s2w = W(s2);
  const std::uint64_t b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
  const std::uint64_t s0wt = s0w * 131 + s0t, s1wt = s1w * 131 + s1t, b0wt = b0w * 131 + b0t, b1wt = b1w * 131 + b1t;
  const std::uint64_t d = s0 >= 0 && b0 >= 0 ? std::uint64_t(std::min(b0 - s0, 6)) : 0;
  const std::uint64_t d2 = s0 >= 0 && s1 >= 0 ? std::uint64_t(std::min(s0 - s1, 6)) : 0;
  const std::uint64_t s0vl = s0 >= 0 ? std::min(st.nleft[s0], 4) + 1 : 0, s0vr = s0 >= 0 ? std::min(st.nright[s0], 4) + 1 : 0;
  const std::uint64_t s1vr = s1 >= 0 ? std::min(st.nright[s1], 4) + 1 : 0, s1vl = s1 >= 0 ? std::min(st.nleft[s1], 4) + 1 : 0;
  const std::uint64_t b0vl = b0 >= 0 ? std::min(st.nleft[b0], 4) + 1 : 0;
  std::size_t k = 0;
  std::uint32_t t = 100;
  // single words
  out[k++] = fkey(t++, s0w);
  out[k++] = fkey(t++, s0t);
  out[k++] = fkey(t++, s0wt);
  out[k++] = fkey(t++, s1w);
  out[k++] = fkey(t++, s1t);
  out[k++] = fkey(t++, s1wt);
  out[k++] = fkey(t++, b0w);
  out[k++] = fkey(t++, b0t);
  out[k++] = fkey(t++, b0wt);
  out[k++] = fkey(t++, b1w);
  out[k++] = fkey(t++, b1t);
  out[k++] = fkey(t++, b1wt);
  out[k++] = fkey(t++, b2w);
  out[k++] = fkey(t++, b2t);
  out[k++] = fkey(t++, s2t);
  out[k++] = fkey(t++, s2w);
  // pairs
  out[k++] = fkey(t++, s0wt, b0wt);
  out[k++] = fkey(t++, s0wt, b0w);
  out[k++] = fkey(t++, s0w, b0wt);
  out[k++] = fkey(t++, s0wt, b0t);
  out[k++] = fkey(t++, s0t, b0wt);
  out[k++] = fkey(t++, s0w, b0w);
  out[k++] = fkey(t++, s0t, b0t);
  out[k++] = fkey(t++, b0t, b1t);
  out[k++] = fkey(t++, s1t, s0t);
  out[k++] = fkey(t++, s1wt, s0wt);
  out[k++] = fkey(t++, s1w, s0w);
  out[k++] = fkey(t++, s1t, s0w);
  out[k++] = fkey(t++, s1w, s0t);
  out[k++] = fkey(t++, s1wt, s0t);
  out[k++] = fkey(t++, s1t, s0wt);
  out[k++] = fkey(t++, s1t, b0t);
  out[k++] = fkey(t++, s1w, b0w);
  // triples
  out[k++] = fkey(t++, b0t, b1t, b2t);
  out[k++] = fkey(t++, s0t, b0t, b1t);
  out[k++] = fkey(t++, s1t, s0t, b0t);
  out[k++] = fkey(t++, s2t, s1t, s0t);
  out[k++] = fkey(t++, s0t, T(s0l1), b0t);
  out[k++] = fkey(t++, s0t, T(s0r1), b0t);
  out[k++] = fkey(t++, s0t, b0t, T(b0l1));
  out[k++] = fkey(t++, s1t, s0t, T(s0l1));
  out[k++] = fkey(t++, s1t, s0t, T(s0r1));
  out[k++] = fkey(t++, s1t, T(s1r1), s0t);
  out[k++] = fkey(t++, s1t, T(s1l1), s0t);
  out[k++] = fkey(t++, s0w, b0t, b1t);
  out[k++] = fkey(t++, s0t, b0w, b1t);
  // distance
  out[k++] = fkey(t++, s0w, d);
  out[k++] = fkey(t++, s0t, d);
  out[k++] = fkey(t++, b0w, d);
  out[k++] = fkey(t++, b0t, d);
  out[k++] = fkey(t++, s0w, b0w, d);
  out[k++] = fkey(t++, s0t, b0t, d);
  out[k++] = fkey(t++, s1t, s0t, d2);
  out[k++] = fkey(t++, s1w, s0w, d2);
  out[k++] = fkey(t++, s1wt, d2);
  out[k++] = fkey(t++, s0wt, d2);
  // valency
  out[k++] = fkey(t++, s0w, s0vr);
  out[k++] = fkey(t++, s0t, s0vr);
  out[k++] = fkey(t++, s0w, s0vl);
  out[k++] = fkey(t++, s0t, s0vl);
  out[k++] = fkey(t++, s1w, s1vr);
  out[k++] = fkey(t++, s1t, s1vr);
  out[k++] = fkey(t++, s1t, s1vl);
  out[k++] = fkey(t++, b0w, b0vl);
  out[k++] = fkey(t++, b0t, b0vl);
  // children
  out[k++] = fkey(t++, W(s0l1));
  out[k++] = fkey(t++, T(s0l1));
  out[k++] = fkey(t++, L(s0l1));
  out[k++] = fkey(t++, W(s0r1));
  out[k++] = fkey(t++, T(s0r1));
  out[k++] = fkey(t++, L(s0r1));
  out[k++] = fkey(t++, T(s1l1));
  out[k++] = fkey(t++, L(s1l1));
  out[k++] = fkey(t++, T(s1r1));
  out[k++] = fkey(t++, L(s1r1));
  out[k++] = fkey(t++, W(b0l1));
  out[k++] = fkey(t++, T(b0l1));
  out[k++] = fkey(t++, L(b0l1));
  out[k++] = fkey(t++, T(s0l2), L(s0l2));
  out[k++] = fkey(t++, T(s0r2), L(s0r2));
  out[k++] = fkey(t++, T(b0l2), L(b0l2));
  out[k++] = fkey(t++, s0t, T(s0l1), T(s0l2));
  out[k++] = fkey(t++, s0t, T(s0r1), T(s0r2));
  out[k++] = fkey(t++, b0t, T(b0l1), T(b0l2));
  out[k++] = fkey(t++, s1t, T(s1r1), T(s1r2));
  out[k++] = fkey(t++, s0wt, L(s0l1), L(s0r1));
  // label sets
  out[k++] = fkey(t++, s0w, s0 >= 0 ? st.right_labels[s0] : 0);
  out[k++] = fkey(t++, s0t, s0 >= 0 ? st.right_labels[s0] : 0);
  out[k++] = fkey(t++, s0t, s0 >= 0 ? st.left_labels[s0] : 0);
  out[k++] = fkey(t++, b0t, b0 >= 0 ? st.left_labels[b0] : 0);
  out[k++] = fkey(t++, s1t, s1 >= 0 ? st.right_labels[s1] : 0);
  out[k++] = fkey(t++, b0w, b0 >= 0 ? st.left_labels[b0] : 0);
  // suffix of the buffer front: unknown words
  out[k++] = fkey(t++, b0 >= 0 && b0 < n ? words[b0].suffix[2] : 0, s0t);
  out[k++] = fkey(t++, s0 >= 0 ? words[s0].suffix[2] : 0, b0t);
  // word classes (index 94 on)
  auto C = [&](int i) -> std::uint64_t { return i < 0 ? 0x7FFF : i == n ? 0x7FFE : words[i].fine; };
  const std::uint64_t s0c = C(s0), b0c = C(b0), b1c = C(b1), s1c = C(s1);
  out[k++] = fkey(t++, s0c);
  out[k++] = fkey(t++, b0c);
  out[k++] = fkey(t++, b1c);
  out[k++] = fkey(t++, s1c);
  out[k++] = fkey(t++, s0c, b0c);
  out[k++] = fkey(t++, s0c, b0t);
  out[k++] = fkey(t++, s0t, b0c);
  out[k++] = fkey(t++, b0c, b1c);
  return k;
}

void label_features(const std::uint64_t* all, std::uint64_t* out) {
  // Indices into parser_features' order (see the comments there).
  static constexpr std::uint8_t kPick[kLabelFeatures] = {0,  1,  2,  3,  4,  5,  6,  7,  8,  16, 21, 22,
                                                         24, 25, 26, 35, 37, 38, 40, 41, 47, 51, 52, 56,
                                                         58, 66, 67, 69, 70, 74, 77, 85, 86, 87, 92, 93,
                                                         94, 95, 98, 99, 100};
  for (std::size_t i = 0; i < kLabelFeatures; ++i) out[i] = all[kPick[i]];
}

// ---- lemma rules ----------------------------------------------------------------
std::string lemma_rule(std::string_view form, std::string_view lemma) {
  std::string best;
  for (int mode = 0; mode < 2; ++mode) {
    std::string f = mode == 0 ? std::string(form) : lowercase(form);
    std::size_t p = 0;
    while (p < f.size() && p < lemma.size() && f[p] == lemma[p]) ++p;
    std::string r = (mode == 0 ? "k" : "l") + std::to_string(f.size() - p) + ":" + std::string(lemma.substr(p));
    // Ties go to lowercasing: "the"->"the" and "The"->"the" then share the rule
    // "l0:", so the (lowercase word, XPOS) tables learn one rule for both.
    if (best.empty() || r.size() <= best.size()) best = r;
  }
  return best;
}

bool apply_lemma_rule(std::string_view rule, std::string_view form, std::string& out) {
  if (rule.size() < 3 || (rule[0] != 'k' && rule[0] != 'l')) return false;
  std::size_t colon = rule.find(':');
  if (colon == std::string_view::npos || colon < 2) return false;
  std::size_t strip = 0;
  for (std::size_t i = 1; i < colon; ++i) {
    if (rule[i] < '0' || rule[i] > '9') return false;
    strip = strip * 10 + std::size_t(rule[i] - '0');
    if (strip > 1000) return false;
  }
  out = rule[0] == 'l' ? lowercase(form) : std::string(form);
  if (strip > out.size()) return false;
  out.resize(out.size() - strip);
  out.append(rule.substr(colon + 1));
  return !out.empty();
}

std::uint64_t lemma_key(std::string_view s, std::uint64_t xpos, std::uint32_t kind) {
  return fkey(500 + kind, hash_bytes(s, 7), xpos);
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Written for this project (not from any corpus): a past verb governing a number,
// a passive with an agent, an appositive.
const std::array<std::string_view, 3> kCheckSentences = {
    "The harbour authority said on Tuesday that exports rose 4.5 % in March .",
    "Two new ferries were ordered by the city council last year .",
    "Mara Velde , the chief engineer at Nordport , will not comment ."};

}  // namespace newsan::syntax

namespace newsan::syntax {

void apply_action(ParseState& st, int a, int label) {
  if (a == kShift) {
    st.shift();
    return;
  }
  const int s0 = st.stack.back();
  st.stack.pop_back();
  st.arc(a == kLeft ? st.b : st.stack.back(), s0, label);
}

}  // namespace newsan::syntax
