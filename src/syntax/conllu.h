// src/syntax/conllu.h — CoNLL-U (UD v2) reading and writing.
//
// Reading keeps a sentence's comments, multi-word token ranges and empty nodes
// (so that writing gives them back in place) and checks every line: 10
// tab-separated columns, IDs in sequence from 1, HEAD a number within the
// sentence or "_", and, when every HEAD is given, a tree (one root, no cycle).
// A violation throws InputError "<file>:<line>: <what>".
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace newsan::syntax {

struct ConlluWord {
  std::string form, lemma = "_", upos = "_", xpos = "_", feats = "_", deprel = "_", deps = "_", misc = "_";
  int head = -1;  // 0 = root, 1-based; -1 = not given ("_")
};

struct ConlluSentence {
  std::vector<std::string> comments;
  std::vector<std::pair<std::size_t, std::string>> extra;  // range/empty-node lines, before word k
  std::vector<ConlluWord> words;
  std::size_t line = 0;  // first line of the sentence in its file
};

// `origin` names the input in errors. With require_tree, every word must have
// a HEAD and a DEPREL (training and evaluation data).
std::vector<ConlluSentence> read_conllu(std::istream& in, std::string_view origin, bool require_tree);
std::vector<ConlluSentence> read_conllu_file(const std::string& path, bool require_tree);
void write_conllu(const ConlluSentence& s, std::string& out);

}  // namespace newsan::syntax
