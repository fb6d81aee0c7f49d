// newsan/syntax.h — the syntax stage: part-of-speech tags, lemmas and UD
// dependency trees for the sentences of a document (issue 12).
//
//   newsan::DocumentSyntax syn(resources, doc.text, tokens);  // the model loads at the first parse
//   // or, with a model of one's own:
//   auto model = newsan::SyntaxModel::load(data.file("models/syntax.model"));
//   newsan::DocumentSyntax syn(model.get(), doc.text, tokens);
//   const newsan::ParsedSentence& s = syn.sentence(k);   // parsed on first use
//   for (std::size_t i = 0; i < s.words.size(); ++i)
//     if (s.words[i].deprel == "nsubj:pass") use(s.token(i), s.words[i].head);
//
// Contract (the figures, entities and dates extractors rely on it):
//  - One syntax word per newsan token: words[i] of a sentence is token
//    first_token + i, so every word has the token's byte span. The parser is
//    trained on UD tokenization; newsan's tokens are what it is given at run time.
//  - head is an index into the same sentence's words, or -1 for the root;
//    every sentence is a tree (exactly one root, no cycles).
//  - xpos and deprel are views of strings owned by the model: valid as long as
//    the SyntaxModel lives (Resources keep it for the whole run).
//  - A SyntaxModel is immutable after load and may be used by many threads; a
//    DocumentSyntax belongs to one document on one thread and parses each
//    sentence at most once, only when a consumer asks for it.
//  - Loading validates the file (magic, version, sizes, checksum, a built-in
//    re-parse check) and throws FormatError naming the file; never crashes.
//    Weight tables are used in place; their slots are bounds-checked when
//    read, so a damaged table can change scores but never read outside it.
//  - A DocumentSyntax made from a Resources loads nothing until a sentence is
//    parsed: a run whose extractors ask for no parse never reads the model
//    (start-up of one small article). A model that cannot be loaded then is a
//    ResourceError naming the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsan/document.h"
#include "newsan/tokenizer.h"

namespace newsan {

class Resources;

// Universal parts of speech (UD v2), in this order.
enum class Upos : std::uint8_t {
  ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X
};
std::string_view to_string(Upos u);

struct SyntaxWord {
  Upos upos = Upos::X;
  std::string_view xpos;    // Penn Treebank tag, e.g. "VBD"
  std::string_view deprel;  // UD basic relation with subtype, e.g. "nsubj:pass", "root"
  int head = -1;            // index of the head word in the sentence; -1 = root
  std::string lemma;        // e.g. "release" for "released"
};

struct ParsedSentence {
  std::size_t sentence = 0;     // index into Tokenized::sentences
  std::size_t first_token = 0;  // words[i] is token first_token + i
  std::vector<SyntaxWord> words;

  std::size_t token(std::size_t word) const { return first_token + word; }
  // Word indices whose head is `word`, in order.
  std::vector<int> children(int word) const;
};

class SyntaxModel {
 public:
  // Loads and validates a model file; throws FormatError naming `path`.
  static std::shared_ptr<const SyntaxModel> load(const std::filesystem::path& path);
  virtual ~SyntaxModel() = default;

  // Tags, lemmatizes and parses one sentence given its word forms.
  // Thread-safe; `out` is resized to forms.size().
  virtual void parse(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const = 0;
  // Tags and lemmatizes only (head = -1, deprel empty): cheaper than parse().
  virtual void tag(std::span<const std::string_view> forms, std::vector<SyntaxWord>& out) const = 0;
  // e.g. "syntax format 4, trained on ..." — printed by --version.
  virtual std::string version() const = 0;
  // The same string read from the file's header and description only (no
  // weights, no checksum of the whole file): what --version prints. Throws
  // FormatError naming `path` when the header is not a syntax model's.
  static std::string describe(const std::filesystem::path& path);
};

// The parses of one document's sentences, made on demand.
class DocumentSyntax {
 public:
  // `model` may be null (no syntax model available): then available() is false
  // and sentence() returns a sentence with no words.
  DocumentSyntax(const SyntaxModel* model, std::string_view text, const Tokenized& tokens);
  // The model comes from `res` (Resources::syntax_model) when the first
  // sentence is parsed; available() is Resources::has_syntax_model(). A model
  // that is there but cannot be loaded makes sentence() throw ResourceError.
  // `res` must outlive this object.
  DocumentSyntax(const Resources& res, std::string_view text, const Tokenized& tokens);

  bool available() const { return available_; }
  // The parse of sentence `index` (0-based into tokens.sentences); parsed on first use.
  const ParsedSentence& sentence(std::size_t index);
  // The parse of the sentence holding token `token_index`.
  const ParsedSentence& sentence_of_token(std::size_t token_index);
  // Tags and lemmas only of sentence `index` (head -1, deprel empty), much
  // cheaper than a parse; the parse itself when the sentence was parsed already.
  const ParsedSentence& tags(std::size_t index);
  std::size_t parsed_count() const { return parsed_count_; }

 private:
  const SyntaxModel* model_;
  const Resources* source_ = nullptr;  // where model_ comes from at the first parse, if any
  bool available_;
  std::string_view text_;
  const Tokenized* tokens_;
  std::vector<std::unique_ptr<ParsedSentence>> cache_;
  std::vector<std::unique_ptr<ParsedSentence>> tag_cache_;  // tags() of sentences not parsed
  void fill(ParsedSentence& slot, std::size_t index, bool parse);
  // The cached analysis of sentence `index` in `cache`, filled on first use.
  const ParsedSentence& cached(std::vector<std::unique_ptr<ParsedSentence>>& cache, std::size_t index, bool parse);
  std::size_t parsed_count_ = 0;
};

}  // namespace newsan
