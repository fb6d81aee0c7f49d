// src/ner/training/word_classes.cpp — word classes learned from unlabeled
// text, for the tagger's class features (newsan/ner_training.h).
//
// Distributional clustering (Schütze 1995; Clark 2003 uses the same
// evidence): each word of the vocabulary is described by the words seen just
// before and just after it (the `contexts` most frequent words, one column
// for each side, the rest pooled), weighted by positive pointwise mutual
// information and scaled to unit length; spherical k-means groups the words
// into `classes` fine classes, and k-means over the fine centroids groups
// those into `coarse` classes, so each word has a two-level class path like
// a cut Brown-cluster bit string. Deterministic: the same text and options
// give the same table.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>

#include "ner/model.h"
#include "newsan/error.h"
#include "newsan/ner_training.h"
#include "newsan/resources.h"

namespace newsan::ner {

void WordClassCounter::add_sentence(const std::vector<std::string_view>& words) {
  std::vector<std::uint32_t>& ids = scratch_;
  ids.clear();
  std::string lw;
  for (std::string_view w : words) {
    lw.clear();
    append_lower(lw, w);
    auto [it, fresh] = ids_.try_emplace(lw, std::uint32_t(words_.size()));
    if (fresh) {
      words_.push_back(lw);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    ids.push_back(it->second);
  }
  // A sentence's edges are a context of their own (kEdge).
  std::uint32_t prev = kEdge;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::uint32_t next = i + 1 < ids.size() ? ids[i + 1] : kEdge;
    pairs_.push_back({ids[i], prev, next});
    prev = ids[i];
  }
  tokens_ += ids.size();
}

std::vector<WordClass> WordClassCounter::cluster(const WordClassOptions& o) const {
  auto log = [&](const std::string& s) {
    if (o.log) o.log(s);
  };
  const std::size_t nwords = words_.size();
  // The vocabulary: words seen at least min_count times, most frequent first.
  std::vector<std::uint32_t> order(nwords);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  std::vector<std::int32_t> row(nwords, -1);      // word -> vocabulary row
  std::vector<std::int32_t> context(nwords, -1);  // word -> context column (per side)
  std::size_t vocab = 0;
  for (std::uint32_t w : order)
    if (counts_[w] >= std::uint32_t(o.min_count)) row[w] = std::int32_t(vocab++);
  const std::size_t nctx = std::min<std::size_t>(std::size_t(o.contexts), nwords);
  for (std::size_t k = 0; k < nctx; ++k) context[order[k]] = std::int32_t(k);
  // Columns: [0, nctx) left word, nctx left edge, nctx + 1 left other; then the same for the right.
  const std::size_t side = nctx + 2, dims = 2 * side;
  auto column = [&](std::uint32_t w, bool right) {
    std::size_t base = right ? side : 0;
    if (w == kEdge) return base + nctx;
    return base + (context[w] >= 0 ? std::size_t(context[w]) : nctx + 1);
  };
  // Sparse counts per vocabulary row.
  std::vector<std::unordered_map<std::uint32_t, float>> counts(vocab);
  std::vector<double> col_total(dims, 0);
  double total = 0;
  for (const Pair& p : pairs_) {
    if (row[p.word] < 0) continue;
    auto& r = counts[std::size_t(row[p.word])];
    for (std::size_t c : {column(p.prev, false), column(p.next, true)}) {
      r[std::uint32_t(c)] += 1;
      col_total[c] += 1;
      total += 1;
    }
  }
  // PPMI weights, unit length rows (sparse: column, value).
  std::vector<std::vector<std::pair<std::uint32_t, float>>> vec(vocab);
  for (std::size_t r = 0; r < vocab; ++r) {
    double row_total = 0;
    for (const auto& [c, n] : counts[r]) row_total += n;
    double norm = 0;
    for (const auto& [c, n] : counts[r]) {
      double pmi = std::log(double(n) * total / (row_total * col_total[c]));
      if (pmi <= 0) continue;
      vec[r].push_back({c, float(pmi)});
      norm += pmi * pmi;
    }
    std::sort(vec[r].begin(), vec[r].end());
    norm = std::sqrt(norm);
    for (auto& [c, v] : vec[r]) v = norm > 0 ? float(v / norm) : 0.f;
  }
  counts.clear();
  log("word classes: " + std::to_string(tokens_) + " tokens, " + std::to_string(nwords) + " distinct words, " +
      std::to_string(vocab) + " kept (seen at least " + std::to_string(o.min_count) + " times), " +
      std::to_string(dims) + " context columns");
  const std::size_t k = std::min<std::size_t>(std::size_t(o.classes), vocab);
  std::vector<std::uint32_t> assign(vocab, 0);
  if (k == 0) return {};
  // Initial centroids: k distinct rows drawn (seeded) from the most frequent words.
  std::mt19937_64 rng(o.seed);
  std::vector<std::uint32_t> pool(std::min<std::size_t>(vocab, std::max<std::size_t>(4 * k, 2000)));
  std::iota(pool.begin(), pool.end(), 0u);
  std::shuffle(pool.begin(), pool.end(), rng);
  std::vector<float> cent(k * dims, 0.f);
  for (std::size_t c = 0; c < k; ++c)
    for (const auto& [d, v] : vec[pool[c]]) cent[c * dims + d] = v;
  std::vector<float> score(k), by_dim(dims * k);  // by_dim: the centroids transposed
  for (int it = 0; it < o.iterations; ++it) {
    std::size_t moved = 0;
    double fit = 0;
    for (std::size_t c = 0; c < k; ++c)
      for (std::size_t d = 0; d < dims; ++d) by_dim[d * k + c] = cent[c * dims + d];
    for (std::size_t r = 0; r < vocab; ++r) {
      std::fill(score.begin(), score.end(), 0.f);
      for (const auto& [d, v] : vec[r]) {
        const float* col = by_dim.data() + std::size_t(d) * k;
        for (std::size_t c = 0; c < k; ++c) score[c] += v * col[c];
      }
      auto best = std::uint32_t(std::max_element(score.begin(), score.end()) - score.begin());
      moved += it == 0 || best != assign[r];
      assign[r] = best;
      fit += score[best];
    }
    // New centroids: the normalised sum of their rows; an empty class keeps its centroid.
    std::vector<float> sum(k * dims, 0.f);
    std::vector<std::size_t> size(k, 0);
    for (std::size_t r = 0; r < vocab; ++r) {
      ++size[assign[r]];
      for (const auto& [d, v] : vec[r]) sum[assign[r] * dims + d] += v;
    }
    for (std::size_t c = 0; c < k; ++c) {
      if (!size[c]) continue;
      double norm = 0;
      for (std::size_t d = 0; d < dims; ++d) norm += double(sum[c * dims + d]) * sum[c * dims + d];
      norm = std::sqrt(norm);
      for (std::size_t d = 0; d < dims; ++d) cent[c * dims + d] = norm > 0 ? float(sum[c * dims + d] / norm) : 0.f;
    }
    log("word classes: iteration " + std::to_string(it + 1) + ", " + std::to_string(moved) + " words moved, mean cosine " +
        std::to_string(fit / double(vocab)));
    if (it > 0 && moved == 0) break;
  }
  // Coarse classes: spherical k-means over the fine centroids, weighted by class size.
  const std::size_t kc = std::min<std::size_t>(std::size_t(std::max(o.coarse, 1)), k);
  std::vector<std::uint32_t> parent(k, 0);
  {
    std::vector<std::size_t> size(k, 0);
    for (std::uint32_t a : assign) ++size[a];
    std::vector<std::uint32_t> ids(k);
    std::iota(ids.begin(), ids.end(), 0u);
    std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) { return size[a] > size[b]; });
    std::vector<float> top(kc * dims);
    for (std::size_t c = 0; c < kc; ++c)
      std::copy_n(cent.begin() + std::ptrdiff_t(ids[c] * dims), dims, top.begin() + std::ptrdiff_t(c * dims));
    for (int it = 0; it < 20; ++it) {
      for (std::size_t f = 0; f < k; ++f) {
        float best = -2;
        for (std::size_t c = 0; c < kc; ++c) {
          float s = 0;
          for (std::size_t d = 0; d < dims; ++d) s += cent[f * dims + d] * top[c * dims + d];
          if (s > best) best = s, parent[f] = std::uint32_t(c);
        }
      }
      std::vector<double> sum(kc * dims, 0);
      for (std::size_t f = 0; f < k; ++f)
        for (std::size_t d = 0; d < dims; ++d) sum[parent[f] * dims + d] += double(size[f]) * cent[f * dims + d];
      for (std::size_t c = 0; c < kc; ++c) {
        double norm = 0;
        for (std::size_t d = 0; d < dims; ++d) norm += sum[c * dims + d] * sum[c * dims + d];
        if (norm <= 0) continue;
        norm = std::sqrt(norm);
        for (std::size_t d = 0; d < dims; ++d) top[c * dims + d] = float(sum[c * dims + d] / norm);
      }
    }
  }
  std::vector<WordClass> out;
  out.reserve(vocab);
  for (std::uint32_t w : order) {
    if (row[w] < 0) continue;
    std::uint32_t fine = assign[std::size_t(row[w])];
    out.push_back({words_[w], std::uint16_t(parent[fine]), std::uint16_t(fine), counts_[w]});
  }
  return out;
}

std::vector<WordClass> read_word_classes(const std::filesystem::path& table) {
  std::vector<WordClass> out;
  for (const auto& r : load_lexicon(table, "ner-word-classes", 3)) {
    auto number = [&](const std::string& field, int limit) {
      int v = -1;
      if (!field.empty() && field.size() <= 3 && field.find_first_not_of("0123456789") == std::string::npos)
        v = std::stoi(field);
      if (v < 0 || v >= limit)
        throw InputError(table.string() + ":" + std::to_string(r.line) + ": class '" + field +
                         "' is not a number below " + std::to_string(limit));
      return std::uint16_t(v);
    };
    WordClass c;
    c.word = r.fields[0];
    c.coarse = number(r.fields[1], 32);
    c.fine = number(r.fields[2], 512);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace newsan::ner
