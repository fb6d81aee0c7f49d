// Fuzz target: the tokenizer's contract (tokenizer.h) on any valid UTF-8,
// for the whole text and for a region of it chosen by the first two bytes.
#include "fuzz.h"
#include "newsan/tokenizer.h"
#include "properties.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsan;
  std::size_t replaced = 0;
  const std::string text = utf8::replace_invalid(std::string_view(reinterpret_cast<const char*>(data), size), replaced);
  Tokenized all = tokenize(text);
  fuzz::require("tokenizer", props::check_tokens(all, text, Span{0, text.size()}));
  for (std::size_t pos : {std::size_t{0}, text.size() / 2, text.size()}) {
    std::size_t s = sentence_at(all, pos);
    if (!all.sentences.empty() && s >= all.sentences.size())
      fuzz::broken("tokenizer", fmt::format("sentence_at({}) = {} of {}", pos, s, all.sentences.size()));
  }
  if (size < 2) return 0;
  // A region on code-point boundaries.
  auto boundary = [&](std::size_t p) {
    while (p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) ++p;
    return p;
  };
  std::size_t a = boundary(text.size() * data[0] / 256), b = boundary(text.size() * data[1] / 256);
  if (a > b) std::swap(a, b);
  fuzz::require("tokenizer region", props::check_tokens(tokenize(text, Span{a, b}), text, Span{a, b}));
  return 0;
}
