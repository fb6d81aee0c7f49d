// Training of the syntax model: averaged perceptrons for the tagger and the
// parser (the parser with the arc-hybrid dynamic oracle and exploration), and
// the lemmatizer's edit rules counted from the treebank.
#include "syntax/trainer.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <random>
#include <set>
#include <unordered_map>

#include "newsan/error.h"

namespace newsan::syntax {

namespace {

// ---- averaged perceptron with sparse rows ------------------------------------
struct TEntry {
  std::uint16_t cls;
  float w;
  double u;  // sum of step * delta: the average is w - u / step
};

class Perceptron {
 public:
  explicit Perceptron(std::size_t classes) : classes_(classes) {}
  std::size_t classes() const { return classes_; }
  void score(const std::uint64_t* f, std::size_t k, float* scores, bool averaged) const {
    std::fill(scores, scores + classes_, 0.0f);
    for (std::size_t i = 0; i < k; ++i) {
      auto it = index_.find(f[i]);
      if (it == index_.end()) continue;
      for (const TEntry& e : rows_[it->second])
        scores[e.cls] += averaged ? float(e.w - e.u / double(step_)) : e.w;
    }
  }
  void update(const std::uint64_t* f, std::size_t k, int good, int bad) {
    for (std::size_t i = 0; i < k; ++i) {
      auto [it, fresh] = index_.try_emplace(f[i], static_cast<std::uint32_t>(rows_.size()));
      if (fresh) rows_.emplace_back();
      auto& row = rows_[it->second];
      bump(row, good, 1.0f);
      bump(row, bad, -1.0f);
    }
  }
  void tick() { ++step_; }
  // Averaged, quantized weights as (key, entries) runs; `scale` out.
  std::vector<std::pair<std::uint64_t, std::vector<Entry>>> export_weights(float& scale, std::size_t budget) const {
    double mx = 0;
    for (const auto& row : rows_)
      for (const TEntry& e : row) mx = std::max(mx, std::fabs(e.w - e.u / double(step_)));
    scale = mx > 0 ? float(32000.0 / mx) : 1.0f;
    // Keep the `budget` largest weights (magnitude pruning): most entries are
    // tiny corrections that cost size and time but hardly change a decision.
    std::vector<long> mags;
    for (const auto& row : rows_)
      for (const TEntry& e : row) mags.push_back(std::labs(std::lround((e.w - e.u / double(step_)) * scale)));
    long floor = 1;
    if (mags.size() > budget) {
      std::nth_element(mags.begin(), mags.begin() + long(mags.size() - budget), mags.end());
      floor = std::max(1L, mags[mags.size() - budget]);
    }
    std::vector<std::pair<std::uint64_t, std::vector<Entry>>> out;
    for (const auto& [key, r] : index_) {
      std::vector<Entry> es;
      for (const TEntry& e : rows_[r]) {
        const long q = std::lround((e.w - e.u / double(step_)) * scale);
        if (std::labs(q) >= floor) es.push_back(Entry{e.cls, static_cast<std::int16_t>(q)});
      }
      std::sort(es.begin(), es.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
      if (!es.empty()) out.emplace_back(key, std::move(es));
    }
    return out;
  }

  // Averaged, quantized weights of a 3-class perceptron, one slot per feature;
  // the `budget` features of largest total weight are kept.
  std::vector<std::pair<std::uint64_t, ActionSlot>> export_actions(std::size_t budget) const {
    double mx = 0;
    for (const auto& row : rows_)
      for (const TEntry& e : row) mx = std::max(mx, std::fabs(e.w - e.u / double(step_)));
    const double scale = mx > 0 ? 32000.0 / mx : 1.0;
    std::vector<std::pair<long, std::pair<std::uint64_t, ActionSlot>>> all;
    for (const auto& [key, r] : index_) {
      std::pair<std::uint64_t, ActionSlot> a{key, ActionSlot{1, {0, 0, 0}}};
      long mass = 0;
      for (const TEntry& e : rows_[r]) {
        const long q = std::lround((e.w - e.u / double(step_)) * scale);
        a.second.w[e.cls] = static_cast<std::int16_t>(q);
        mass += std::labs(q);
      }
      if (mass > 0) all.emplace_back(mass, a);
    }
    // Ties broken by key: the kept set does not depend on the hash map's order.
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second.first < b.second.first; });
    if (all.size() > budget) all.resize(budget);
    std::vector<std::pair<std::uint64_t, ActionSlot>> out;
    out.reserve(all.size());
    for (const auto& [m, a] : all) out.push_back(a);
    return out;
  }

 private:
  void bump(std::vector<TEntry>& row, int cls, float d) {
    for (TEntry& e : row)
      if (e.cls == cls) {
        e.w += d;
        e.u += double(step_) * d;
        return;
      }
    row.push_back(TEntry{static_cast<std::uint16_t>(cls), d, double(step_) * d});
  }
  std::size_t classes_;
  std::uint64_t step_ = 1;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<std::vector<TEntry>> rows_;
};

// Deterministic shuffle (std::shuffle's algorithm is not specified).
void shuffle(std::vector<std::size_t>& v, std::mt19937_64& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

// ---- the training data, as ids ------------------------------------------------
struct Sent {
  std::vector<std::string_view> forms;
  std::vector<WordInfo> info;
  std::vector<int> tags;    // gold tag class
  std::vector<int> heads;   // gold, 0-based; n = root
  std::vector<int> labels;  // gold
  std::vector<int> pred;    // predicted tags (for the parser)
};

int argmax(const float* s, std::size_t n) { return static_cast<int>(std::max_element(s, s + n) - s); }

void tag_sentence(const Perceptron& p, Sent& s, std::vector<int>& out, bool averaged, Perceptron* learn) {
  const std::size_t n = s.forms.size();
  out.assign(n, 0);
  std::uint64_t feats[kMaxTagFeatures];
  std::vector<float> scores(p.classes());
  // The lookahead tags: the best tag of each word from its static features alone
  // (as Model::tag_words computes them).
  std::vector<int> ahead(n + 2, 0);
  for (std::size_t i = 0; i < n; ++i) {
    p.score(feats, tagger_static_features(s.info, i, feats), scores.data(), averaged);
    ahead[i] = argmax(scores.data(), scores.size()) + 1;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const int p1 = i >= 1 ? out[i - 1] + 1 : 0, p2 = i >= 2 ? out[i - 2] + 1 : 0;
    const std::size_t k = tagger_features(s.info, i, p1, p2, ahead[i + 1], ahead[i + 2], feats);
    p.score(feats, k, scores.data(), averaged);
    int guess = argmax(scores.data(), scores.size());
    if (learn) {
      if (guess != s.tags[i]) learn->update(feats, k, s.tags[i], guess);
      learn->tick();
      guess = s.tags[i];  // the next word sees the gold tag history
    }
    out[i] = guess;
  }
}

// Dynamic oracle cost of action a (arc-hybrid, Goldberg & Nivre 2013): the
// gold arcs that become unreachable.
int cost(const ParseState& st, const Sent& s, int a) {
  const int n = st.n;
  const std::size_t ss = st.stack.size();
  const int s0 = ss ? st.stack[ss - 1] : -1, s1 = ss >= 2 ? st.stack[ss - 2] : -1, b0 = st.b;
  const auto& g = s.heads;
  int c = 0;
  if (a == kShift) {
    for (std::size_t i = 0; i < ss; ++i) {
      const int k = st.stack[i];
      if (g[k] == b0) ++c;             // a dependent of b0 left on the stack
      if (g[b0] == k && k != s0) ++c;  // b0's head deeper in the stack
    }
    return c;
  }
  const bool left = a == kLeft;
  const int h = left ? b0 : s1;
  // s0 loses its gold head if that head is still reachable (s1 or in the buffer) and not h.
  if (g[s0] != h && (g[s0] == s1 || g[s0] >= b0 + (left ? 1 : 0) || (left && g[s0] == b0))) ++c;
  for (int k = b0; k < n; ++k)
    if (g[k] == s0) ++c;  // dependents of s0 still in the buffer
  return c;
}

struct ParserModels {
  Perceptron actions{3};
  Perceptron labels;
  int nl = 0, root = 0;
  explicit ParserModels(int labels_count, int root_label)
      : labels(static_cast<std::size_t>(2 * labels_count)), nl(labels_count), root(root_label) {}
};

// Parses `s` greedily; with `learn`, trains on it with the dynamic oracle.
void parse_sentence(ParserModels& p, Sent& s, const std::vector<int>& tags, bool averaged, bool learn, bool explore,
                    std::mt19937_64* rng, double explore_p, std::vector<int>* heads_out, std::vector<int>* labels_out) {
  ParseState st;
  const int n = static_cast<int>(s.forms.size());
  const int nl = p.nl, root = p.root;
  st.reset(n);
  std::uint64_t feats[kMaxParseFeatures];
  float sc[3];
  std::vector<float> lsc(static_cast<std::size_t>(2 * nl));
  while (!(st.b == n && st.stack.empty())) {
    const std::size_t k = parser_features(st, s.info, tags, feats);
    p.actions.score(feats, k, sc, averaged);
    int pred = -1;
    for (int a = 0; a < 3; ++a)
      if (action_valid(st, a) && (pred < 0 || sc[a] > sc[pred])) pred = a;
    int next = pred;
    if (learn) {
      int costs[3] = {1 << 30, 1 << 30, 1 << 30};
      int best = -1;
      for (int a = 0; a < 3; ++a)
        if (action_valid(st, a)) {
          costs[a] = cost(st, s, a);
          if (best < 0 || costs[a] < costs[best] || (costs[a] == costs[best] && sc[a] > sc[best])) best = a;
        }
      if (costs[pred] > costs[best]) p.actions.update(feats, k, best, pred);
      p.actions.tick();
      const bool follow = explore && costs[pred] > costs[best] && (double((*rng)() >> 11) * 0x1.0p-53) < explore_p;
      next = follow || costs[pred] == costs[best] ? pred : best;
    }
    int label = root;
    if (next != kShift && !action_is_root(st, next) && nl >= 2) {
      const int dir = next == kLeft ? 0 : 1;
      std::uint64_t lf[kLabelFeatures];
      label_features(feats, lf);
      p.labels.score(lf, kLabelFeatures, lsc.data(), averaged);
      const float* ls = lsc.data() + dir * nl;
      label = root == 0 ? 1 : 0;
      for (int l = 0; l < nl; ++l)
        if (l != root && ls[l] > ls[label]) label = l;
      const int s0 = st.stack.back();
      const int h = next == kLeft ? st.b : st.stack[st.stack.size() - 2];
      if (learn && s.heads[s0] == h && s.labels[s0] != root) {
        if (s.labels[s0] != label) p.labels.update(lf, kLabelFeatures, dir * nl + s.labels[s0], dir * nl + label);
        p.labels.tick();
        label = s.labels[s0];
      }
    }
    apply_action(st, next, label);
  }
  if (heads_out) {
    heads_out->assign(st.head.begin(), st.head.begin() + n);
    labels_out->assign(st.label.begin(), st.label.begin() + n);
  }
}

Scores score_parses(const std::vector<Sent>& sents, const std::vector<std::vector<int>>& heads,
                    const std::vector<std::vector<int>>& labels, const std::vector<std::string>& label_names) {
  Scores sc;
  auto universal = [](std::string_view l) { return l.substr(0, l.find(':')); };
  for (std::size_t i = 0; i < sents.size(); ++i)
    for (std::size_t w = 0; w < sents[i].forms.size(); ++w) {
      ++sc.words;
      if (heads[i][w] == sents[i].heads[w]) {
        ++sc.uas;
        if (universal(label_names[labels[i][w]]) == universal(label_names[sents[i].labels[w]])) ++sc.las;
      }
    }
  return sc;
}

Perceptron train_tagger(std::vector<Sent>& sents, const std::vector<std::size_t>& use, std::size_t classes,
                        const TrainOptions& o, std::vector<Sent>* dev, const std::vector<TagClass>* tags,
                        const char* what) {
  Perceptron p(classes);
  std::mt19937_64 rng(o.seed);
  std::vector<std::size_t> order = use;
  std::vector<int> out;
  for (int e = 1; e <= o.tagger_epochs; ++e) {
    shuffle(order, rng);
    for (std::size_t i : order) tag_sentence(p, sents[i], out, false, &p);
    if (dev && o.log) {
      std::size_t words = 0, upos = 0, xpos = 0;
      for (auto& s : *dev) {
        tag_sentence(p, s, out, true, nullptr);
        for (std::size_t w = 0; w < out.size(); ++w) {
          ++words;
          upos += (*tags)[out[w]].upos == (*tags)[s.tags[w]].upos;
          xpos += (*tags)[out[w]].xpos == (*tags)[s.tags[w]].xpos;
        }
      }
      o.log(fmt::format("tagger epoch {:2d}/{}  dev UPOS {:.4f}  XPOS {:.4f}", e, o.tagger_epochs,
                        double(upos) / double(words), double(xpos) / double(words)));
    } else if (o.log) {
      o.log(fmt::format("{} epoch {:2d}/{}", what, e, o.tagger_epochs));
    }
  }
  return p;
}

std::string upos_name_checked(const std::string& u) {
  for (int i = 0; i <= static_cast<int>(Upos::X); ++i)
    if (to_string(static_cast<Upos>(i)) == u) return u;
  return "X";
}

}  // namespace

std::string train_model(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                        const TrainOptions& o) {
  if (train.empty()) throw UsageError("train-syntax: no training sentences");
  // Classes: (XPOS, UPOS) pairs and relations, sorted (deterministic ids).
  std::set<std::pair<std::string, std::string>> pairs;
  std::set<std::string> rels = {"root"};
  for (const auto& s : train)
    for (const auto& w : s.words) {
      pairs.emplace(w.xpos, upos_name_checked(w.upos));
      rels.insert(w.deprel);
    }
  ModelData m;
  m.description = o.description;
  std::map<std::pair<std::string, std::string>, int> tag_id;
  for (const auto& [x, u] : pairs) {
    TagClass c;
    c.xpos = x;
    for (int i = 0; i <= static_cast<int>(Upos::X); ++i)
      if (to_string(static_cast<Upos>(i)) == u) c.upos = static_cast<Upos>(i);
    tag_id[{x, u}] = static_cast<int>(m.tags.size());
    m.tags.push_back(c);
  }
  std::map<std::string, int> label_id;
  for (const auto& r : rels) {
    label_id[r] = static_cast<int>(m.labels.size());
    m.labels.push_back(r);
  }
  m.root_label = static_cast<std::uint32_t>(label_id["root"]);
  const int nl = static_cast<int>(m.labels.size());
  const int root = static_cast<int>(m.root_label);
  {
    std::vector<KeyValue> classes;
    for (const auto& c : o.word_classes) {
      if (c.coarse >= kMaxCoarseClasses || c.fine >= kMaxFineClasses)
        throw UsageError("train-syntax: word class of '" + c.word + "' out of range");
      const std::uint64_t key = word_info(c.word).lower;  // the key set_word_class looks up
      classes.push_back(KeyValue{key ? key : 1, word_class_value(c.coarse, c.fine)});
    }
    m.word_classes = build_kv(std::move(classes));
  }

  auto convert = [&](const std::vector<ConlluSentence>& in, bool known_only) {
    std::vector<Sent> out;
    for (const auto& s : in) {
      Sent t;
      const int n = static_cast<int>(s.words.size());
      for (const auto& w : s.words) {
        t.forms.push_back(w.form);
        t.info.push_back(word_info(w.form));
        set_word_class(m.word_classes, t.info.back());
        auto it = tag_id.find({w.xpos, upos_name_checked(w.upos)});
        t.tags.push_back(it == tag_id.end() ? 0 : it->second);
        t.heads.push_back(w.head == 0 ? n : w.head - 1);
        auto lt = label_id.find(w.deprel);
        t.labels.push_back(lt == label_id.end() ? 0 : lt->second);
        (void)known_only;
      }
      out.push_back(std::move(t));
    }
    return out;
  };
  std::vector<Sent> tr = convert(train, false), dv = convert(dev, true);

  // ---- tagger, and the tags the parser trains on ----
  std::vector<std::size_t> all(tr.size());
  for (std::size_t i = 0; i < tr.size(); ++i) all[i] = i;
  if (o.jackknife >= 2) {
    const std::size_t K = static_cast<std::size_t>(o.jackknife);
    for (std::size_t f = 0; f < K; ++f) {
      std::vector<std::size_t> use, held;
      for (std::size_t i = 0; i < tr.size(); ++i) (i % K == f ? held : use).push_back(i);
      Perceptron p = train_tagger(tr, use, m.tags.size(), o, nullptr, nullptr,
                                  fmt::format("jackknife tagger {}/{}", f + 1, K).c_str());
      for (std::size_t i : held) tag_sentence(p, tr[i], tr[i].pred, true, nullptr);
    }
  }
  Perceptron tagger = train_tagger(tr, all, m.tags.size(), o, dv.empty() ? nullptr : &dv, &m.tags, "tagger");
  if (o.jackknife < 2)
    for (auto& s : tr) tag_sentence(tagger, s, s.pred, true, nullptr);
  for (auto& s : dv) tag_sentence(tagger, s, s.pred, true, nullptr);

  // ---- parser ----
  ParserModels parser(nl, root);
  std::mt19937_64 rng(o.seed + 1);
  std::vector<std::size_t> order = all;
  for (int e = 1; e <= o.parser_epochs; ++e) {
    shuffle(order, rng);
    for (std::size_t i : order)
      parse_sentence(parser, tr[i], tr[i].pred, false, true, e > 1, &rng, o.explore, nullptr, nullptr);
    if (o.log) {
      if (dv.empty()) {
        o.log(fmt::format("parser epoch {:2d}/{}", e, o.parser_epochs));
        continue;
      }
      std::vector<std::vector<int>> heads(dv.size()), labels(dv.size());
      for (std::size_t i = 0; i < dv.size(); ++i)
        parse_sentence(parser, dv[i], dv[i].pred, true, false, false, nullptr, 0, &heads[i], &labels[i]);
      Scores sc = score_parses(dv, heads, labels, m.labels);
      o.log(fmt::format("parser epoch {:2d}/{}  dev UAS {:.4f}  LAS {:.4f} (predicted tags)", e, o.parser_epochs,
                        sc.rate(sc.uas), sc.rate(sc.las)));
    }
  }

  // ---- lemmatizer: edit rules, suffix table, exceptions ----
  std::map<std::string, std::uint64_t> rule_id = {{"k0:", 0}};
  m.lemma_rules = {"k0:"};
  // (lower form, tag) -> rule counts; (suffix, xpos) -> rule counts over word types.
  std::map<std::pair<std::string, std::string>, std::map<std::uint64_t, int>> by_word;
  for (const auto& s : train)
    for (const auto& w : s.words) {
      if (w.lemma == "_" && w.form != "_") continue;
      const std::string r = lemma_rule(w.form, w.lemma);
      auto [it, fresh] = rule_id.try_emplace(r, m.lemma_rules.size());
      if (fresh) m.lemma_rules.push_back(r);
      ++by_word[{lowercase(w.form), w.xpos}][it->second];
    }
  auto best_of = [](const std::map<std::uint64_t, int>& c) {
    std::uint64_t best = 0;
    int n = -1;
    for (const auto& [r, k] : c)
      if (k > n) {
        best = r;
        n = k;
      }
    return best;
  };
  std::map<std::pair<std::string, std::string>, std::map<std::uint64_t, int>> by_suffix;
  for (const auto& [wk, counts] : by_word) {
    const std::string& lower = wk.first;
    const std::uint64_t r = best_of(counts);
    for (std::size_t len = 0; len <= std::min<std::size_t>(lower.size(), m.lemma_max_suffix); ++len) {
      const std::size_t from = lower.size() - len;
      if (len && (static_cast<unsigned char>(lower[from]) & 0xC0) == 0x80) continue;
      ++by_suffix[{lower.substr(from), wk.second}][r];
    }
  }
  std::vector<KeyValue> suffix_kv, exception_kv;
  std::map<std::pair<std::string, std::string>, std::uint64_t> suffix_best;
  for (const auto& [sk, counts] : by_suffix) suffix_best[sk] = best_of(counts);
  auto predicted = [&](const std::string& lower, const std::string& xpos) -> std::uint64_t {
    for (std::size_t len = std::min<std::size_t>(lower.size(), m.lemma_max_suffix);; --len) {
      const std::size_t from = lower.size() - len;
      if (len == 0 || (static_cast<unsigned char>(lower[from]) & 0xC0) != 0x80) {
        auto it = suffix_best.find({lower.substr(from), xpos});
        if (it != suffix_best.end()) return it->second;
      }
      if (len == 0) return 0;
    }
  };
  for (const auto& [sk, r] : suffix_best) {
    // Keep a suffix only where it changes the rule its next shorter suffix gives.
    const std::string& suf = sk.first;
    std::uint64_t parent = 0;
    if (!suf.empty()) {
      std::size_t cut = 1;
      while (cut < suf.size() && (static_cast<unsigned char>(suf[cut]) & 0xC0) == 0x80) ++cut;
      parent = predicted(suf.substr(cut), sk.second);
    }
    if (suf.empty() || parent != r)
      suffix_kv.push_back(KeyValue{lemma_key(suf, hash_bytes(sk.second, 5), 1), r});
  }
  for (const auto& [wk, counts] : by_word) {
    const std::uint64_t r = best_of(counts);
    if (predicted(wk.first, wk.second) != r)
      exception_kv.push_back(KeyValue{lemma_key(wk.first, hash_bytes(wk.second, 5), 0), r});
  }
  m.lemma_suffixes = build_kv(std::move(suffix_kv));
  m.lemma_exceptions = build_kv(std::move(exception_kv));

  // ---- the model file, with its built-in check ----
  float tag_scale = 1, label_scale = 1;
  auto tw = tagger.export_weights(tag_scale, o.tagger_entries);
  auto aw = parser.actions.export_actions(o.parser_features);
  auto lw = parser.labels.export_weights(label_scale, o.label_entries);
  build_slots(tw, m.tag_slots, m.tag_entries);
  build_action_slots(aw, m.action_slots, m.action_filter);
  build_slots(lw, m.label_slots, m.label_entries);
  std::string bytes = encode_model(m);
  auto model = decode_model_unchecked(bytes, nullptr, "trained model", false);
  m.check = model->run_check();
  if (o.log)
    o.log(fmt::format("model: {} tag classes, {} relations, {} tagger features, {} parser action features, "
                      "{} label features, {} lemma rules",
                      m.tags.size(), m.labels.size(), tw.size(), aw.size(), lw.size(), m.lemma_rules.size()));
  return encode_model(m);
}

void annotate(const SyntaxModel& model, ConlluSentence& s) {
  std::vector<std::string_view> forms;
  for (const auto& w : s.words) forms.push_back(w.form);
  std::vector<SyntaxWord> out;
  model.parse(forms, out);
  for (std::size_t i = 0; i < out.size(); ++i) {
    ConlluWord& w = s.words[i];
    w.lemma = out[i].lemma;
    w.upos = std::string(to_string(out[i].upos));
    w.xpos = std::string(out[i].xpos);
    w.head = out[i].head + 1;
    w.deprel = std::string(out[i].deprel);
  }
}

Scores evaluate(const SyntaxModel& model, const std::vector<ConlluSentence>& gold) {
  Scores sc;
  auto universal = [](std::string_view l) { return l.substr(0, l.find(':')); };
  for (const auto& g : gold) {
    ConlluSentence p = g;
    annotate(model, p);
    for (std::size_t i = 0; i < g.words.size(); ++i) {
      const auto &a = p.words[i], &b = g.words[i];
      ++sc.words;
      sc.upos += a.upos == b.upos;
      sc.xpos += a.xpos == b.xpos;
      sc.lemma += a.lemma == b.lemma;
      if (a.head == b.head) {
        ++sc.uas;
        sc.las += universal(a.deprel) == universal(b.deprel);
      }
    }
  }
  return sc;
}

}  // namespace newsan::syntax
