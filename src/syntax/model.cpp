// The runtime of the syntax stage: tagging, lemmatizing and parsing with a
// loaded model, and DocumentSyntax, which parses sentences on demand.
#include <algorithm>
#include <atomic>
#include <limits>

#include "newsan/error.h"
#include "newsan/resources.h"
#include "syntax/internal.h"

namespace newsan {

std::string_view to_string(Upos u) {
  static constexpr std::string_view kNames[] = {"ADJ",  "ADP",  "ADV",  "AUX",   "CCONJ", "DET",
                                                "INTJ", "NOUN", "NUM",  "PART",  "PRON",  "PROPN",
                                                "PUNCT", "SCONJ", "SYM", "VERB", "X"};
  const auto i = static_cast<std::size_t>(u);
  return i < std::size(kNames) ? kNames[i] : "X";
}

std::vector<int> ParsedSentence::children(int word) const {
  std::vector<int> out;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i].head == word) out.push_back(static_cast<int>(i));
  return out;
}

std::shared_ptr<const SyntaxModel> SyntaxModel::load(const std::filesystem::path& path) {
  return syntax::load_model(path);
}

std::string SyntaxModel::describe(const std::filesystem::path& path) { return syntax::describe_model(path); }

DocumentSyntax::DocumentSyntax(const SyntaxModel* model, std::string_view text, const Tokenized& tokens)
    : model_(model), available_(model != nullptr), text_(text), tokens_(&tokens) {}

DocumentSyntax::DocumentSyntax(const Resources& res, std::string_view text, const Tokenized& tokens)
    : model_(nullptr), source_(&res), available_(res.has_syntax_model()), text_(text), tokens_(&tokens) {}

void DocumentSyntax::fill(ParsedSentence& slot, std::size_t index, bool parse) {
  // The document's first parse takes the model from the Resources (loaded
  // there once per run); a load that throws leaves nothing cached.
  if (available_ && !model_) model_ = source_->syntax_model().get();  // the Resources keeps it alive
  const Sentence& s = tokens_->sentences[index];
  slot.sentence = index;
  slot.first_token = s.first;
  if (!model_) return;
  std::vector<std::string_view> forms;
  forms.reserve(s.last - s.first);
  for (std::size_t t = s.first; t < s.last; ++t) forms.push_back(tokens_->tokens[t].text(text_));
  if (parse) {
    model_->parse(forms, slot.words);
    ++parsed_count_;
  } else {
    model_->tag(forms, slot.words);
  }
}

const ParsedSentence& DocumentSyntax::cached(std::vector<std::unique_ptr<ParsedSentence>>& cache, std::size_t index,
                                             bool parse) {
  if (cache.empty()) cache.resize(tokens_->sentences.size());
  auto& slot = cache[index];
  if (!slot) {
    auto p = std::make_unique<ParsedSentence>();
    fill(*p, index, parse);
    slot = std::move(p);
  }
  return *slot;
}

const ParsedSentence& DocumentSyntax::sentence(std::size_t index) {
  static const ParsedSentence kEmpty;
  if (index >= tokens_->sentences.size()) return kEmpty;
  return cached(cache_, index, true);
}

const ParsedSentence& DocumentSyntax::tags(std::size_t index) {
  static const ParsedSentence kEmpty;
  if (index >= tokens_->sentences.size()) return kEmpty;
  if (!cache_.empty() && cache_[index]) return *cache_[index];  // a parse holds the tags too
  return cached(tag_cache_, index, false);
}

const ParsedSentence& DocumentSyntax::sentence_of_token(std::size_t token_index) {
  const auto& ss = tokens_->sentences;
  auto it = std::upper_bound(ss.begin(), ss.end(), token_index,
                             [](std::size_t t, const Sentence& s) { return t < s.first; });
  std::size_t k = it == ss.begin() ? 0 : static_cast<std::size_t>(it - ss.begin()) - 1;
  return sentence(k);
}

}  // namespace newsan

namespace newsan::syntax {

Model::Model(std::shared_ptr<const void> image, ModelData strings, WeightTable tagger, ActionTable actions,
             WeightTable labels, std::span<const KeyValue> exceptions, std::span<const KeyValue> suffixes,
             std::span<const KeyValue> classes)
    : image_(std::move(image)),
      d_(std::move(strings)),
      tagger_(tagger),
      actions_(actions),
      labels_(labels),
      exceptions_(exceptions),
      suffixes_(suffixes),
      classes_(classes) {
  static std::atomic<std::uint64_t> next_serial{1};
  serial_ = next_serial.fetch_add(1, std::memory_order_relaxed);
  for (const auto& t : d_.tags) xpos_hash_.push_back(hash_bytes(t.xpos, 5));
  build_dense_rows();
}

void Model::build_dense_rows() {
  const std::size_t nc = d_.tags.size();
  const std::uint32_t tag_values = static_cast<std::uint32_t>(nc) + 1;  // class + 1, 0 = none
  dense_.limit = {tag_values, tag_values, tag_values, kMaxFineClasses + 1, kMaxFineClasses + 1,
                  kMaxCoarseClasses + 1, kMaxCoarseClasses + 1};
  std::uint32_t rows = 0;
  for (std::size_t t = 0; t < kDenseTemplates; ++t) {
    dense_.offset[t] = rows;
    rows += dense_.limit[t];
  }
  dense_.w.assign(std::size_t(rows) * nc, 0);
  for (std::size_t t = 0; t < kDenseTemplates; ++t)
    for (std::uint32_t v = 0; v < dense_.limit[t]; ++v)
      if (const Slot* s = tagger_.find(fkey(kDenseTemplateId[t], v))) {
        std::int16_t* row = dense_.w.data() + std::size_t(dense_.offset[t] + v) * nc;
        for (const Entry& e : tagger_.entries.subspan(s->begin, s->count))
          if (e.cls < nc) row[e.cls] = static_cast<std::int16_t>(row[e.cls] + e.weight);
      }
}

void Model::add_dense(const DenseFeature* f, std::size_t k, std::int32_t* scores) const {
  const std::size_t nc = d_.tags.size();
  for (std::size_t j = 0; j < k; ++j) {
    if (f[j].value >= dense_.limit[f[j].templ]) continue;  // cannot happen (values are bounded): no read outside
    const std::int16_t* row = dense_.w.data() + std::size_t(dense_.offset[f[j].templ] + f[j].value) * nc;
    for (std::size_t c = 0; c < nc; ++c) scores[c] += row[c];
  }
}

std::string model_version_string(std::string_view description) {
  std::string v = "syntax format 4";
  if (!description.empty()) v += ", " + std::string(description);
  return v;
}

std::string Model::version() const { return model_version_string(d_.description); }

namespace {
// Per-thread buffers: a sentence is tagged and parsed without allocating once
// they have grown to the longest sentence seen.
struct Scratch {
  std::vector<std::int32_t> static_scores, scores;
  // Word cache: the summed weights of a word's own tagger features, by its
  // form hash (direct-mapped; news repeats its words, so most are hits).
  static constexpr std::size_t kCacheSlots = 4096;
  std::uint64_t cache_model = 0;  // Model::serial() of the cached rows
  std::vector<std::uint64_t> cache_keys;
  std::vector<std::int32_t> cache_rows;
  std::vector<WordInfo> info;
  std::vector<int> tags, heads, labels, ahead;
  ParseState st;
};
Scratch& scratch() {
  thread_local Scratch s;
  return s;
}
}  // namespace

void Model::tag_words(std::span<const WordInfo> info, std::vector<int>& tags) const {
  const std::size_t n = info.size(), nc = d_.tags.size();
  tags.assign(n, 0);
  // The features of the words alone are scored for the whole sentence first
  // (many independent memory reads that overlap); then left to right, the
  // six features of the previous tags are added.
  Scratch& sc = scratch();
  if (sc.cache_model != serial_) {
    sc.cache_model = serial_;
    sc.cache_keys.assign(Scratch::kCacheSlots, 0);
    sc.cache_rows.assign(Scratch::kCacheSlots * nc, 0);
  }
  std::vector<std::int32_t>& base = sc.static_scores;
  base.resize(n * nc);
  std::uint64_t feats[kMaxTagFeatures];
  DenseFeature dense[kDenseContext + kDenseLookahead + kDenseDynamic];
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t key = info[i].form | 1;  // 0 = empty slot
    const std::size_t slot = key & (Scratch::kCacheSlots - 1);
    std::int32_t* row = sc.cache_rows.data() + slot * nc;
    if (sc.cache_keys[slot] != key) {
      std::fill(row, row + nc, 0);
      tagger_.add_all(feats, tagger_word_features(info[i], feats), row);
      sc.cache_keys[slot] = key;
    }
    std::copy(row, row + nc, base.data() + i * nc);
    const std::size_t k = tagger_context_features(info, i, feats, dense);
    tagger_.add_all(feats, k, base.data() + i * nc);
    add_dense(dense, kDenseContext, base.data() + i * nc);
  }
  // The lookahead: each word's best tag from its static features alone.
  std::vector<int>& ahead = sc.ahead;
  ahead.resize(n + 2);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t* row = base.data() + i * nc;
    ahead[i] = static_cast<int>(std::max_element(row, row + nc) - row) + 1;
  }
  ahead[n] = ahead[n + 1] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t k = tagger_lookahead_features(info, i, ahead[i + 1], ahead[i + 2], feats, dense);
    tagger_.add_all(feats, k, base.data() + i * nc);
    add_dense(dense, kDenseLookahead, base.data() + i * nc);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const int p1 = i >= 1 ? tags[i - 1] + 1 : 0, p2 = i >= 2 ? tags[i - 2] + 1 : 0;
    const std::size_t k = tagger_dynamic_features(info, i, p1, p2, ahead[i + 1], feats, dense);
    std::int32_t* sc = base.data() + i * nc;
    tagger_.add_all(feats, k, sc);
    add_dense(dense, kDenseDynamic, sc);
    tags[i] = static_cast<int>(std::max_element(sc, sc + nc) - sc);
  }
}

void Model::parse_words(std::span<const WordInfo> info, std::span<const int> tags, std::vector<int>& heads,
                        std::vector<int>& labels) const {
  const int n = static_cast<int>(info.size());
  const int nl = static_cast<int>(d_.labels.size());
  const int root = static_cast<int>(d_.root_label);
  ParseState& st = scratch().st;
  st.reset(n);
  std::uint64_t feats[kMaxParseFeatures];
  std::vector<std::int32_t>& lscores = scratch().scores;
  lscores.resize(static_cast<std::size_t>(2 * nl));
  while (!(st.b == n && st.stack.empty())) {
    const std::size_t k = parser_features(st, info, tags, feats);
    std::int32_t sc[3] = {0, 0, 0};
    actions_.add_all(feats, k, sc);
    int best = -1;
    for (int a = 0; a < 3; ++a)
      if (action_valid(st, a) && (best < 0 || sc[a] > sc[best])) best = a;
    int label = root;
    if (best != kShift && !action_is_root(st, best)) {
      // The label: scored only for an arc, among the labels of its direction.
      std::fill(lscores.begin(), lscores.end(), 0);
      std::uint64_t lf[kLabelFeatures];
      label_features(feats, lf);
      labels_.add_all(lf, kLabelFeatures, lscores.data());
      const std::int32_t* ls = lscores.data() + (best == kLeft ? 0 : nl);
      label = nl < 2 ? root : root == 0 ? 1 : 0;
      for (int l = 0; l < nl; ++l)
        if (l != root && ls[l] > ls[label]) label = l;
    }
    apply_action(st, best, label);
  }
  heads.resize(info.size());
  labels.resize(info.size());
  for (int i = 0; i < n; ++i) {
    heads[i] = st.head[i] == n ? -1 : st.head[i];
    labels[i] = st.label[i];
  }
}

std::uint32_t Model::lemma_rule_of(std::string_view form, int tag) const {
  const std::string lower = lowercase(form);
  const std::uint64_t x = xpos_hash_[static_cast<std::size_t>(tag)];
  if (const KeyValue* e = kv_find(exceptions_, lemma_key(lower, x, 0))) return static_cast<std::uint32_t>(e->value);
  // Longest known suffix (in bytes, cut at a UTF-8 boundary) with this tag.
  const std::string_view lv = lower;
  for (std::size_t len = std::min<std::size_t>(lv.size(), d_.lemma_max_suffix);; --len) {
    const std::size_t from = lv.size() - len;
    if (len == 0 || (static_cast<unsigned char>(lv[from]) & 0xC0) != 0x80)
      if (const KeyValue* e = kv_find(suffixes_, lemma_key(lv.substr(from), x, 1)))
        return static_cast<std::uint32_t>(e->value);
    if (len == 0) break;
  }
  return 0;  // rule 0 is always the identity-ish "k0:" rule
}

void Model::word_infos(std::span<const std::string_view> forms, std::vector<WordInfo>& info) const {
  info.resize(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    info[i] = word_info(forms[i]);
    set_word_class(classes_, info[i]);
  }
}

void Model::analyze(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out, bool with_tree) const {
  Scratch& sc = scratch();
  std::vector<WordInfo>& info = sc.info;
  word_infos(forms, info);
  std::vector<int>&tags = sc.tags, &heads = sc.heads, &labels = sc.labels;
  tag_words(info, tags);
  if (with_tree) parse_words(info, tags, heads, labels);
  out.resize(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const TagClass& c = d_.tags[static_cast<std::size_t>(tags[i])];
    SyntaxWord& w = out[i];
    w.upos = c.upos;
    w.xpos = c.xpos;
    w.head = with_tree ? heads[i] : -1;
    w.deprel = with_tree ? std::string_view(d_.labels[static_cast<std::size_t>(labels[i])]) : std::string_view();
    const std::string& rule = d_.lemma_rules[lemma_rule_of(forms[i], tags[i])];
    if (!apply_lemma_rule(rule, forms[i], w.lemma)) w.lemma = std::string(forms[i]);
  }
}

void Model::tag(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const {
  analyze(forms, out, false);
}

void Model::parse(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const {
  analyze(forms, out, true);
}

std::vector<std::uint32_t> Model::run_check() const {
  std::vector<std::uint32_t> out;
  for (std::string_view s : kCheckSentences) {
    auto forms = split_spaces(s);
    std::vector<WordInfo> info;
    word_infos(forms, info);
    std::vector<int> tags, heads, labels;
    tag_words(info, tags);
    parse_words(info, tags, heads, labels);
    for (std::size_t i = 0; i < forms.size(); ++i) {
      out.push_back(static_cast<std::uint32_t>(tags[i]));
      out.push_back(static_cast<std::uint32_t>(heads[i] + 1));
      out.push_back(static_cast<std::uint32_t>(labels[i]));
      out.push_back(lemma_rule_of(forms[i], tags[i]));
    }
  }
  return out;
}

}  // namespace newsan::syntax
