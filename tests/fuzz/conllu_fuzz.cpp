// Fuzz target: the CoNLL-U reader (src/syntax/conllu.h) on arbitrary bytes:
// malformed input throws InputError "fuzz.conllu:<line>: ..." and nothing
// else; what is read, with gold trees required, is a tree per sentence (heads
// in range, one root, no cycle); writing a sentence back and reading it again
// gives the same words and heads.
#include <fmt/format.h>
#include <sstream>

#include "fuzz.h"
#include "newsan/error.h"
#include "syntax/conllu.h"

namespace {

using newsan::syntax::ConlluSentence;

std::vector<ConlluSentence> read(const std::string& text, bool tree, bool& ok) {
  std::istringstream in(text);
  ok = true;
  try {
    return newsan::syntax::read_conllu(in, "fuzz.conllu", tree);
  } catch (const newsan::InputError& e) {
    if (std::string_view(e.what()).find("fuzz.conllu:") == std::string_view::npos)
      newsan::fuzz::broken("conllu", fmt::format("error does not name file and line: {}", e.what()));
    ok = false;
    return {};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (bool tree : {false, true}) {
    bool ok = false;
    const auto sents = read(text, tree, ok);
    for (const ConlluSentence& s : sents) {
      const int n = static_cast<int>(s.words.size());
      if (tree) {
        int roots = 0;
        for (int i = 0; i < n; ++i) {
          const int h = s.words[static_cast<std::size_t>(i)].head;
          if (h < 0 || h > n) newsan::fuzz::broken("conllu", fmt::format("head {} in a sentence of {} words", h, n));
          roots += h == 0;
          int k = i + 1;
          for (int steps = 0; k != 0; ++steps) {
            if (steps > n) newsan::fuzz::broken("conllu", "a cycle was accepted");
            k = s.words[static_cast<std::size_t>(k - 1)].head;
          }
        }
        if (roots != 1) newsan::fuzz::broken("conllu", fmt::format("{} roots accepted", roots));
      }
      std::string back;
      newsan::syntax::write_conllu(s, back);
      bool ok2 = false;
      const auto again = read(back, tree, ok2);
      if (!ok2 || again.size() != 1 || again[0].words.size() != s.words.size())
        newsan::fuzz::broken("conllu", "a sentence written back does not read back");
      for (std::size_t i = 0; i < s.words.size(); ++i)
        if (again[0].words[i].form != s.words[i].form || again[0].words[i].head != s.words[i].head)
          newsan::fuzz::broken("conllu", fmt::format("word {} changed on the way back", i + 1));
    }
  }
  return 0;
}
