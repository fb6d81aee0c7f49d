// src/ner/features.cpp — what the tagger looks at for each word.
//
// Features are 64-bit hashes of (template, value); the model stores 32-bit
// keys of them. Why these templates: word, lower-case form, shape and affixes
// carry the word itself and unseen-word generalisation; neighbours carry the
// context ("President X", "X said"); gazetteer parts tell a known place or
// nationality; the document-wide capitalisation evidence separates a
// sentence-initial or headline word that is a name from one that is not
// ("Despite" is written "despite" elsewhere); the history says how the same
// word was tagged earlier in the article (Ratinov & Roth 2009, "extended
// prediction history"); context aggregation lends a word the neighbours of
// its other occurrences in the article (also Ratinov & Roth).
#include <sys/mman.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "ner/model.h"

namespace newsan::ner {
namespace {

enum Template : std::uint64_t {
  kBias = 1, kWord, kLower, kShape, kShort, kPre, kSuf, kPrev1, kNext1, kPrev2, kNext2,
  kPrevBigram, kNextBigram, kPrevShort, kNextShort, kShortTrigram, kInitShort, kCapsSentShort,
  kGazPart, kGazPrev, kGazNext, kDocCase, kHistory, kPrevHistory, kNextShortLower, kPrevLowerShort,
  kAggregate, kClass, kClassCoarse, kPrevClass, kNextClass, kPrevCoarse, kNextCoarse, kClassShape,  // kPrev/NextCoarse: unused (no gain), kept so later templates keep their values
};

constexpr std::uint64_t kBos = 0x5a17b05ull, kEos = 0xe05e05ull;

std::uint64_t f(Template t, std::uint64_t v) { return mix(t, v); }

// Shape: X upper, x lower, d digit, other ASCII as itself, other code points 'o'.
// `full` keeps up to 8 classes; `brief` collapses runs ("Xx", "d.d", "X.X.").
void shapes(std::string_view w, std::string& full, std::string& brief) {
  full.clear();
  brief.clear();
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(w.data());
  utf8proc_ssize_t left = utf8proc_ssize_t(w.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      n = 1;
      cp = 0xFFFD;
    }
    p += n;
    left -= n;
    char c;
    if (cp < 128 && cp >= '0' && cp <= '9') {
      c = 'd';
    } else {
      auto cat = utf8proc_category(cp);
      if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
        c = 'X';
      else if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO)
        c = 'x';
      else if (cat == UTF8PROC_CATEGORY_ND)
        c = 'd';
      else
        c = cp < 128 ? char(cp) : 'o';
    }
    if (full.size() < 8) full.push_back(c);
    if (brief.empty() || brief.back() != c) brief.push_back(c);
  }
}

bool is_upper_start(std::string_view w) {
  if (w.empty()) return false;
  utf8proc_int32_t cp = 0;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data()), utf8proc_ssize_t(w.size()), &cp) <= 0)
    return false;
  auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

}  // namespace

WordFacts word_facts(std::string_view w, const Gazetteer& gaz) {
  thread_local std::string lw, full, brief;
  lw.clear();
  append_lower(lw, w);
  shapes(w, full, brief);
  WordFacts t;
  t.w = fnv(w);
  t.lw = fnv(lw);
  t.shape = fnv(full);
  t.sshape = fnv(brief);
  for (int k = 0; k < 4; ++k) {
    std::size_t len = std::min<std::size_t>(lw.size(), std::size_t(k + 1));
    t.pre[k] = fnv(std::string_view(lw).substr(0, len), std::uint64_t(k + 1));
    t.suf[k] = fnv(std::string_view(lw).substr(lw.size() - len), std::uint64_t(k + 11));
  }
  t.cap = is_upper_start(w);
  t.has_letter = brief.find_first_of("Xx") != std::string::npos;
  t.allcaps = t.has_letter && brief.find('x') == std::string::npos;
  t.lower = t.has_letter && !t.cap && lw == w;
  t.gaz_bits = gaz.lookup_hash(t.lw);
  t.cls = gaz.lookup_hash(word_class_key(t.lw));
  return t;
}

void word_features(const WordFacts& t, const std::function<void(std::uint64_t)>& emit) {
  emit(f(kBias, 0));
  emit(f(kWord, t.w));
  emit(f(kLower, t.lw));
  emit(f(kShape, t.shape));
  emit(f(kShort, t.sshape));
  for (int k = 0; k < 4; ++k) {
    emit(f(kPre, t.pre[k]));
    emit(f(kSuf, t.suf[k]));
  }
  if (t.cls) {
    emit(f(kClass, t.cls & 0x1ff));
    emit(f(kClassCoarse, t.cls >> 9 & 0x1f));
    emit(f(kClassShape, mix(t.cls & 0x1ff, t.sshape)));
  }
}

void WordCache::allocate(std::size_t slots, bool resident) {
  const std::size_t bytes = slots * sizeof(Slot);
  void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  if (resident) {
    // Huge pages where the kernel allows them, and every page written now:
    // first-touch faults while tagging would each cost a TLB shootdown
    // across the worker threads (a zero page replaced on write).
#ifdef MADV_HUGEPAGE
    ::madvise(p, bytes, MADV_HUGEPAGE);
#endif
    std::memset(p, 0, bytes);
  }
  slots_ = std::shared_ptr<Slot>(static_cast<Slot*>(p), [bytes](Slot* q) { ::munmap(q, bytes); });
  mask_ = slots - 1;
}

WordCache& WordCache::for_model(const Model& model) {
  thread_local WordCache cache;
  if (cache.model_id_ != model.id || !cache.slots_) {
    cache.model_ = &model;
    cache.model_id_ = model.id;
    cache.allocate(kSmallSlots, false);
    cache.looked_up_ = 0;
    cache.phrases_.assign(kPhrases, Phrase{});
  } else if (cache.mask_ + 1 < kSlots && cache.looked_up_ >= kGrowAfter) {
    cache.allocate(kSlots, true);
  }
  return cache;
}

WordBrief WordCache::Entry::brief() const {
  WordBrief b;
  b.lw = lw;
  b.sshape = sshape;
  b.gaz_bits = gaz_bits;
  b.cls = cls;
  b.cap = flags & 1;
  b.allcaps = flags & 2;
  b.lower = flags & 4;
  b.has_letter = flags & 8;
  return b;
}

void WordCache::fill(std::string_view w, Entry& e) const {
  const WordFacts f = word_facts(w, model_->gazetteer);
  e.lw = f.lw;
  e.sshape = f.sshape;
  e.gaz_bits = f.gaz_bits;
  e.cls = f.cls;
  e.flags = std::uint8_t(f.cap | f.allcaps << 1 | f.lower << 2 | f.has_letter << 3);
  std::fill(std::begin(e.weights), std::end(e.weights), 0);
  word_features(f, [&](std::uint64_t h) {
    if (const std::int16_t* row = model_->find(feature_key(h)))
      for (int l = 0; l < kLabels; ++l) e.weights[l] += row[l];
  });
}

namespace {

// A word (at most `n` bytes) zero-padded to `n` bytes.
template <std::size_t n>
void pad_word(std::string_view w, char (&key)[n]) {
  static_assert(n % 8 == 0);
  std::memset(key, 0, n);
  std::memcpy(key, w.data(), std::min(w.size(), n));
}

// The hash of a padded word of `len` bytes, taken a 64-bit word at a time.
template <std::size_t n>
std::uint64_t padded_hash(const char (&key)[n], std::size_t len) {
  std::uint64_t h = len;
  for (std::size_t k = 0; k < n && k < len; k += 8) {
    std::uint64_t part;
    std::memcpy(&part, key + k, 8);
    h = mix(h, part);
  }
  return h;
}

}  // namespace

std::size_t WordCache::locate(std::string_view w) const {
  if (w.size() > kMaxWord) return kSlots;  // past any table: computed each time
  char key[kMaxWord];
  pad_word(w, key);
  std::size_t at = padded_hash(key, w.size()) & mask_;
  __builtin_prefetch(slots_.get() + at);
  __builtin_prefetch(reinterpret_cast<const char*>(slots_.get() + at) + 64);
  return at;
}

const WordCache::Entry& WordCache::get(std::string_view w, std::size_t where) {
  ++looked_up_;
  if (where > mask_) {
    fill(w, scratch_);
    return scratch_;
  }
  char key[kMaxWord];
  pad_word(w, key);  // (locate() hashed it)
  Slot& s = slots_.get()[where];
  std::uint64_t diff = 0;  // the stored word differs from `key` (compared a 64-bit word at a time)
  for (std::size_t k = 0; k < kMaxWord; k += 8) {
    std::uint64_t a, b;
    std::memcpy(&a, s.word + k, 8);
    std::memcpy(&b, key + k, 8);
    diff |= a ^ b;
  }
  if (s.entry.len1 != w.size() + 1 || diff != 0) {
    fill(w, s.entry);
    s.entry.len1 = std::uint8_t(w.size() + 1);
    std::memcpy(s.word, key, kMaxWord);
  }
  return s.entry;
}

std::uint16_t WordCache::phrase_bits(std::uint64_t h) {
  Phrase& p = phrases_[mix(h, 9) & (kPhrases - 1)];
  if (!p.known || p.hash != h) p = {h, model_->gazetteer.lookup_hash(h), true};
  return p.bits;
}

DocumentFeatures::DocumentFeatures(const Gazetteer& gaz, const Sentences& sentences, WordCache* cache)
    : sentences_(sentences), cached_(cache != nullptr) {
  toks_.resize(sentences.size());
  if (!cache) facts_.resize(sentences.size());
  allcaps_sentence_.resize(sentences.size());
  std::vector<std::size_t> slot;  // of each word of a sentence in the cache
  std::string lower;
  // Each distinct lower-case word of the document gets a dense id (Tok::type),
  // by which the per-word tallies below are kept in vectors.
  std::size_t total = 0;
  for (const auto& sent : sentences) total += sent.size();
  std::size_t slots = 16;
  while (slots < total * 2) slots *= 2;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> ids(slots, {0, 0});  // (lw, id + 1)
  std::uint32_t types = 0;
  auto type_of_word = [&](std::uint64_t lw) {
    for (std::size_t i = std::size_t(mix(lw, 5)) & (slots - 1);; i = (i + 1) & (slots - 1)) {
      if (ids[i].second == 0) {
        ids[i] = {lw, ++types};
        return types - 1;
      }
      if (ids[i].first == lw) return ids[i].second - 1;
    }
  };
  // Document-wide capitalisation counts per lower-case word.
  struct Case {
    std::uint32_t lower = 0, cap_mid = 0;
  };
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& sent = sentences[s];
    auto& toks = toks_[s];
    toks.resize(sent.size());
    std::size_t letters = 0, caps = 0;
    if (cache) {
      slot.resize(sent.size());
      for (std::size_t i = 0; i < sent.size(); ++i) slot[i] = cache->locate(sent[i]);
    } else {
      facts_[s].resize(sent.size());
    }
    for (std::size_t i = 0; i < sent.size(); ++i) {
      Tok& t = toks[i];
      if (cache) {
        const WordCache::Entry& e = cache->get(sent[i], slot[i]);
        static_cast<WordBrief&>(t) = e.brief();
        std::memcpy(t.weights, e.weights, sizeof t.weights);
      } else {
        facts_[s][i] = word_facts(sent[i], gaz);
        static_cast<WordBrief&>(t) = facts_[s][i];
      }
      if (t.has_letter) {
        ++letters;
        caps += t.allcaps;
      }
      t.type = type_of_word(t.lw);
      t.gaz_prev = t.gaz_next = 0;
      t.doc = 0;
      t.ngaz = 0;
    }
    allcaps_sentence_[s] = letters >= 2 && caps * 10 >= letters * 8;
    // Gazetteer matches: every phrase starting at i; each category marks the words it covers.
    for (std::size_t i = 0; i < sent.size(); ++i) {
      std::uint64_t h = toks[i].lw;
      for (std::size_t n = 1; n <= Gazetteer::kMaxPhraseWords && i + n <= sent.size(); ++n) {
        if (n > 1) {
          lower.clear();
          append_lower(lower, sent[i + n - 1]);
          h = fnv(lower, fnv(" ", h));
        }
        std::uint16_t bits = n == 1 ? toks[i].gaz_bits : cache ? cache->phrase_bits(h) : gaz.lookup_hash(h);
        if (bits == 0) break;  // neither a phrase nor the prefix of one
        for (int c = 0; c < kGazCategories; ++c) {
          if (!(bits & (1u << c))) continue;
          for (std::size_t k = i; k < i + n; ++k) {
            Part p = n == 1 ? Part::U : k == i ? Part::B : k + 1 == i + n ? Part::L : Part::I;
            if (toks[k].ngaz < sizeof toks[k].gaz) toks[k].gaz[toks[k].ngaz++] = std::uint8_t(c << 3 | int(p));
          }
        }
      }
    }
  }
  std::vector<Case> cases(types);
  hist_.assign(types, Hist{});
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    auto& toks = toks_[s];
    for (std::size_t i = 0; i < toks.size(); ++i) {
      std::uint16_t here = 0;
      for (std::size_t k = 0; k < toks[i].ngaz; ++k) here |= std::uint16_t(1u << (toks[i].gaz[k] >> 3));
      if (i > 0) toks[i - 1].gaz_next |= here;
      if (i + 1 < toks.size()) toks[i + 1].gaz_prev |= here;
      Case& c = cases[toks[i].type];
      if (toks[i].lower) ++c.lower;
      if (toks[i].cap && !toks[i].allcaps && i > 0 && !allcaps_sentence_[s]) ++c.cap_mid;
    }
  }
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (std::size_t i = 0; i < toks_[s].size(); ++i) {
      Tok& t = toks_[s][i];
      if (!t.cap) continue;
      const Case& c = cases[t.type];
      bool mid = i > 0 && !t.allcaps && !allcaps_sentence_[s];
      std::uint32_t cap_mid = c.cap_mid - (mid ? 1 : 0);
      t.doc = std::uint8_t(1 + (c.lower > 0) + 2 * (cap_mid > 0) + 4 * (i == 0) +
                           8 * (t.allcaps || allcaps_sentence_[s]));
    }
  }
  // Context aggregation: the words around every occurrence of a capitalised
  // word, shared by all its occurrences ("said Rotor" in one sentence helps
  // "Rotor" in another). Only for words seen at least twice; at most 12 kept.
  // Capitalised occurrences grouped by word (counting sort, document order kept).
  std::vector<std::uint32_t> first(std::size_t(types) + 1, 0);
  for (const auto& toks : toks_)
    for (const Tok& t : toks)
      if (t.cap) ++first[t.type + 1];
  for (std::size_t k = 1; k < first.size(); ++k) first[k] += first[k - 1];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where(first.back());
  {
    std::vector<std::uint32_t> at(first.begin(), first.end() - 1);
    for (std::size_t s = 0; s < toks_.size(); ++s)
      for (std::size_t i = 0; i < toks_[s].size(); ++i)
        if (toks_[s][i].cap) where[at[toks_[s][i].type]++] = {std::uint32_t(s), std::uint32_t(i)};
  }
  constexpr std::uint32_t kUnset = 0xFFFFFFFFu;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> range(types, {kUnset, 0});
  for (std::size_t s = 0; s < toks_.size(); ++s)
    for (std::size_t i = 0; i < toks_[s].size(); ++i) {
      Tok& t = toks_[s][i];
      t.agg_begin = t.agg_count = 0;
      if (!t.cap) continue;
      auto& r = range[t.type];
      if (r.first == kUnset) {
        r.first = std::uint32_t(agg_.size());
        if (first[t.type + 1] - first[t.type] >= 2) {
          for (std::uint32_t o = first[t.type]; o < first[t.type + 1]; ++o) {
            const auto [os, oi] = where[o];
            const auto& sent = toks_[os];
            std::uint64_t prev = oi > 0 ? sent[oi - 1].lw : kBos;
            std::uint64_t next = oi + 1 < sent.size() ? sent[oi + 1].lw : kEos;
            for (std::uint64_t v : {mix(1, prev), mix(2, next)}) {
              if (agg_.size() - r.first >= 12) break;
              if (std::find(agg_.begin() + r.first, agg_.end(), v) == agg_.end()) agg_.push_back(v);
            }
          }
        }
        r.second = std::uint32_t(agg_.size()) - r.first;
      }
      t.agg_begin = r.first;
      t.agg_count = r.second;
    }
}

void DocumentFeatures::features(std::size_t s, std::vector<std::uint64_t>& v, std::vector<std::uint32_t>& ends) {
  const auto& toks = toks_[s];
  const std::size_t n = toks.size();
  v.clear();
  ends.clear();
  const bool caps_sent = allcaps_sentence_[s];
  auto lw = [&](std::ptrdiff_t i) {
    return i < 0 ? kBos : std::size_t(i) >= n ? kEos : toks[std::size_t(i)].lw;
  };
  auto ss = [&](std::ptrdiff_t i) {
    return i < 0 ? kBos : std::size_t(i) >= n ? kEos : toks[std::size_t(i)].sshape;
  };
  auto hist_type = [&](std::ptrdiff_t i) -> std::uint64_t {
    if (i < 0 || std::size_t(i) >= n || !toks[std::size_t(i)].cap) return 0;
    const Hist& h = hist_[toks[std::size_t(i)].type];
    int best = -1;
    std::uint16_t most = 0;
    for (int t = 0; t < kChunkTypes; ++t)
      if (h.count[t] > most) most = h.count[best = t];
    return best < 0 ? 0 : std::uint64_t(best + 1);
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Tok& t = toks[i];
    const auto ii = std::ptrdiff_t(i);
    if (!cached_) word_features(facts_[s][i], [&](std::uint64_t h) { v.push_back(h); });
    v.push_back(f(kPrev1, lw(ii - 1)));
    v.push_back(f(kNext1, lw(ii + 1)));
    v.push_back(f(kPrev2, lw(ii - 2)));
    v.push_back(f(kNext2, lw(ii + 2)));
    v.push_back(f(kPrevBigram, mix(lw(ii - 1), t.lw)));
    v.push_back(f(kNextBigram, mix(t.lw, lw(ii + 1))));
    v.push_back(f(kPrevShort, ss(ii - 1)));
    v.push_back(f(kNextShort, ss(ii + 1)));
    v.push_back(f(kShortTrigram, mix(mix(ss(ii - 1), t.sshape), ss(ii + 1))));
    v.push_back(f(kNextShortLower, mix(t.sshape, lw(ii + 1))));
    v.push_back(f(kPrevLowerShort, mix(lw(ii - 1), t.sshape)));
    if (i == 0) v.push_back(f(kInitShort, t.sshape));
    // Word classes of the neighbours (none when the model has no class table).
    const std::uint16_t pc = i > 0 ? toks[i - 1].cls : 0, nc = i + 1 < n ? toks[i + 1].cls : 0;
    if (pc) v.push_back(f(kPrevClass, pc & 0x1ff));
    if (nc) v.push_back(f(kNextClass, nc & 0x1ff));
    if (caps_sent) v.push_back(f(kCapsSentShort, t.lw));
    for (std::size_t k = 0; k < t.ngaz; ++k) v.push_back(f(kGazPart, t.gaz[k]));
    for (int c = 0; c < kGazCategories; ++c) {
      if (t.gaz_prev & (1u << c)) v.push_back(f(kGazPrev, std::uint64_t(c)));
      if (t.gaz_next & (1u << c)) v.push_back(f(kGazNext, std::uint64_t(c)));
    }
    if (t.doc) v.push_back(f(kDocCase, t.doc));
    for (std::uint32_t k = 0; k < t.agg_count; ++k) v.push_back(f(kAggregate, agg_[t.agg_begin + k]));
    if (auto h = hist_type(ii)) {
      v.push_back(f(kHistory, h));
      v.push_back(f(kHistory, mix(h, t.sshape)));
    }
    if (auto h = hist_type(ii - 1)) v.push_back(f(kPrevHistory, h));
    ends.push_back(std::uint32_t(v.size()));
  }
}

void DocumentFeatures::record(std::size_t s, const std::vector<int>& labels) {
  const auto& toks = toks_[s];
  for (std::size_t i = 0; i < labels.size() && i < toks.size(); ++i) {
    if (labels[i] == 0 || !toks[i].cap) continue;
    auto& c = hist_[toks[i].type].count[int(type_of(labels[i]))];
    if (c < 60000) ++c;
  }
}

}  // namespace newsan::ner
