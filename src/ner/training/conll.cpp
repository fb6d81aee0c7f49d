// src/ner/training/conll.cpp — reading CoNLL-2003 files and scoring chunks the way
// conlleval does (a chunk is correct when its words and type both match).
#include <fstream>

#include "newsan/error.h"
#include "ner/model.h"
#include "newsan/ner_training.h"

namespace newsan::ner {
namespace {

bool parse_type(std::string_view t, ChunkType& out) {
  if (t == "PER") out = ChunkType::PER;
  else if (t == "ORG") out = ChunkType::ORG;
  else if (t == "LOC") out = ChunkType::LOC;
  else if (t == "MISC") out = ChunkType::MISC;
  else return false;
  return true;
}

}  // namespace

Sentences ConllDocument::views() const {
  Sentences out;
  out.reserve(words.size());
  for (const auto& s : words) out.emplace_back(s.begin(), s.end());
  return out;
}

std::vector<ConllDocument> read_conll(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string() + ": cannot open CoNLL file");
  std::vector<ConllDocument> docs;
  std::vector<std::string> words;
  std::vector<Chunk> chunks;
  bool in_chunk = false;
  ChunkType open_type = ChunkType::MISC;
  auto end_sentence = [&] {
    if (in_chunk) chunks.back().last = words.size();
    in_chunk = false;
    if (words.empty()) return;
    if (docs.empty()) docs.emplace_back();
    docs.back().words.push_back(std::move(words));
    docs.back().chunks.push_back(std::move(chunks));
    words.clear();
    chunks.clear();
  };
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      end_sentence();
      continue;
    }
    std::size_t sp = line.find_first_of(" \t");
    std::string word = line.substr(0, sp);
    std::size_t tag_at = line.find_last_of(" \t");
    if (sp == std::string::npos)
      throw InputError(path.string() + ":" + std::to_string(lineno) + ": expected a word and a tag");
    std::string_view tag = std::string_view(line).substr(tag_at + 1);
    if (word == "-DOCSTART-") {
      end_sentence();
      if (docs.empty() || !docs.back().words.empty()) docs.emplace_back();
      continue;
    }
    ChunkType type{};
    bool named = tag != "O";
    if (named && (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I') ||
                  !parse_type(tag.substr(2), type)))
      throw InputError(path.string() + ":" + std::to_string(lineno) + ": unknown tag '" + std::string(tag) + "'");
    std::size_t i = words.size();
    if (in_chunk && (!named || tag[0] == 'B' || type != open_type)) {
      chunks.back().last = i;
      in_chunk = false;
    }
    if (named && !in_chunk) {
      chunks.push_back({i, i + 1, type});
      in_chunk = true;
      open_type = type;
    }
    words.push_back(std::move(word));
  }
  end_sentence();
  if (!docs.empty() && docs.back().words.empty()) docs.pop_back();
  if (docs.empty()) throw InputError(path.string() + ": no sentences found");
  return docs;
}

void Score::add(const std::vector<Chunk>& gold, const std::vector<Chunk>& predicted) {
  for (const auto& g : gold) {
    ++overall.gold;
    ++by_type[int(g.type)].gold;
  }
  for (const auto& p : predicted) {
    ++overall.predicted;
    ++by_type[int(p.type)].predicted;
    for (const auto& g : gold)
      if (g == p) {
        ++overall.correct;
        ++by_type[int(p.type)].correct;
        break;
      }
  }
}

Score evaluate(const Tagger& tagger, const std::vector<ConllDocument>& docs) {
  Score score;
  for (const auto& d : docs) {
    auto predicted = tagger.tag_document(d.views());
    for (std::size_t s = 0; s < d.chunks.size(); ++s) score.add(d.chunks[s], predicted[s]);
  }
  return score;
}

}  // namespace newsan::ner
