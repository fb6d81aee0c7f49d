// The runtime of the syntax stage: tagging, lemmatizing and parsing with a
// loaded model, and DocumentSyntax, which parses sentences on demand.
#include <algorithm>
#include <limits>

#include "newsan/error.h"
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

DocumentSyntax::DocumentSyntax(const SyntaxModel* model, std::string_view text, const Tokenized& tokens)
    : model_(model), text_(text), tokens_(&tokens) {}

const ParsedSentence& DocumentSyntax::sentence(std::size_t index) {
  static const ParsedSentence kEmpty;
  if (index >= tokens_->sentences.size()) return kEmpty;
  if (cache_.empty()) cache_.resize(tokens_->sentences.size());
  auto& slot = cache_[index];
  if (!slot) {
    slot = std::make_unique<ParsedSentence>();
    const Sentence& s = tokens_->sentences[index];
    slot->sentence = index;
    slot->first_token = s.first;
    if (model_) {
      std::vector<std::string_view> forms;
      forms.reserve(s.last - s.first);
      for (std::size_t t = s.first; t < s.last; ++t) forms.push_back(tokens_->tokens[t].text(text_));
      model_->parse(forms, slot->words);
      ++parsed_count_;
    }
  }
  return *slot;
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

Model::Model(std::shared_ptr<const void> image, ModelData strings, WeightTable tagger, WeightTable parser,
             std::span<const KeyValue> exceptions, std::span<const KeyValue> suffixes)
    : image_(std::move(image)),
      d_(std::move(strings)),
      tagger_(tagger),
      parser_(parser),
      exceptions_(exceptions),
      suffixes_(suffixes) {
  for (const auto& t : d_.tags) xpos_hash_.push_back(hash_bytes(t.xpos, 5));
}

std::string Model::version() const {
  std::string v = "syntax-1";
  if (!d_.description.empty()) v += " " + d_.description;
  return v;
}

void Model::tag_words(std::span<const WordInfo> info, std::vector<int>& tags) const {
  tags.assign(info.size(), 0);
  std::uint64_t feats[kMaxTagFeatures];
  std::vector<std::int32_t> scores(d_.tags.size());
  for (std::size_t i = 0; i < info.size(); ++i) {
    const int p1 = i >= 1 ? tags[i - 1] + 1 : 0, p2 = i >= 2 ? tags[i - 2] + 1 : 0;
    const std::size_t k = tagger_features(info, i, p1, p2, feats);
    std::fill(scores.begin(), scores.end(), 0);
    for (std::size_t f = 0; f < k; ++f) tagger_.add(feats[f], scores.data());
    tags[i] = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  }
}

void Model::parse_words(std::span<const WordInfo> info, std::span<const int> tags, std::vector<int>& heads,
                        std::vector<int>& labels) const {
  const int n = static_cast<int>(info.size());
  const int nl = static_cast<int>(d_.labels.size());
  const int root = static_cast<int>(d_.root_label);
  ParseState st;
  st.reset(n);
  std::uint64_t feats[kMaxParseFeatures];
  std::vector<std::int32_t> scores(static_cast<std::size_t>(1 + 2 * nl));
  while (!(st.b == n && st.stack.empty())) {
    const std::size_t k = parser_features(st, info, tags, feats);
    std::fill(scores.begin(), scores.end(), 0);
    for (std::size_t f = 0; f < k; ++f) parser_.add(feats[f], scores.data());
    int best = -1;
    std::int32_t best_score = std::numeric_limits<std::int32_t>::min();
    for (int t = 0; t < 1 + 2 * nl; ++t)
      if (scores[t] > best_score && transition_valid(st, t, nl, root)) {
        best = t;
        best_score = scores[t];
      }
    apply_transition(st, best, nl);
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

void Model::tag(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const {
  std::vector<WordInfo> info(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) info[i] = word_info(forms[i]);
  std::vector<int> tags;
  tag_words(info, tags);
  out.resize(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const TagClass& c = d_.tags[static_cast<std::size_t>(tags[i])];
    SyntaxWord& w = out[i];
    w.upos = c.upos;
    w.xpos = c.xpos;
    w.head = -1;
    w.deprel = {};
    const std::string& rule = d_.lemma_rules[lemma_rule_of(forms[i], tags[i])];
    if (!apply_lemma_rule(rule, forms[i], w.lemma)) w.lemma = std::string(forms[i]);
  }
}

void Model::parse(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const {
  std::vector<WordInfo> info(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) info[i] = word_info(forms[i]);
  std::vector<int> tags, heads, labels;
  tag_words(info, tags);
  parse_words(info, tags, heads, labels);
  out.resize(forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const TagClass& c = d_.tags[static_cast<std::size_t>(tags[i])];
    SyntaxWord& w = out[i];
    w.upos = c.upos;
    w.xpos = c.xpos;
    w.head = heads[i];
    w.deprel = d_.labels[static_cast<std::size_t>(labels[i])];
    const std::string& rule = d_.lemma_rules[lemma_rule_of(forms[i], tags[i])];
    if (!apply_lemma_rule(rule, forms[i], w.lemma)) w.lemma = std::string(forms[i]);
  }
}

std::vector<std::uint32_t> Model::run_check() const {
  std::vector<std::uint32_t> out;
  for (std::string_view s : kCheckSentences) {
    auto forms = split_spaces(s);
    std::vector<WordInfo> info(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) info[i] = word_info(forms[i]);
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
