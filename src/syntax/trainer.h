// src/syntax/trainer.h — training and evaluating the syntax model on UD
// treebanks (CoNLL-U). Used by `newsan train-syntax` and `newsan eval-syntax`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/internal.h"

namespace newsan::syntax {

struct Scores {
  std::size_t words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
  double rate(std::size_t k) const { return words ? double(k) / double(words) : 0.0; }
};

struct TrainOptions {
  int tagger_epochs = 10;
  int parser_epochs = 12;
  int jackknife = 4;     // parser trained on tags predicted by taggers that did not see the sentence (0 = off)
  std::uint64_t seed = 1;
  std::size_t tagger_entries = 1000000;  // keep this many largest weights (model size)
  std::size_t parser_features = 700000;   // parser action features kept (16 bytes each)
  std::size_t label_entries = 1000000;    // parser label weights kept
  double explore = 0.9;  // after the first parser epoch, follow the model's own transition this often
  // Learned word classes (data/word-classes-en.tsv, read by the CLI): kept in
  // the model, read by the class features. Empty: no word has a class.
  struct WordClass {
    std::string word;
    std::uint32_t coarse = 0, fine = 0;  // below kMaxCoarseClasses, kMaxFineClasses
  };
  std::vector<WordClass> word_classes;
  std::string description;
  // Called with a line of progress (no newline at the end).
  std::function<void(const std::string&)> log;
};

// Trains on `train` (dev scores per epoch when `dev` is not empty) and returns
// the model file's bytes. Deterministic: the same inputs give the same bytes.
std::string train_model(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                        const TrainOptions& options);

// Tags, lemmatizes and parses the words of `gold` and counts what matches
// (LAS compares the universal part of the relation, before ':').
Scores evaluate(const SyntaxModel& model, const std::vector<ConlluSentence>& gold);

// Fills LEMMA, UPOS, XPOS, HEAD and DEPREL of every word of `s` (gold words kept).
void annotate(const SyntaxModel& model, ConlluSentence& s);

}  // namespace newsan::syntax
