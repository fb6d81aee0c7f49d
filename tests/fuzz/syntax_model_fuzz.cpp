// Fuzz target: the syntax model loader (syntax.h, format in
// src/syntax/model_io.cpp) on arbitrary bytes: a truncated, empty, foreign or
// corrupted model throws FormatError naming the file; a model that loads
// parses fixed sentences into trees (one root, no cycle, heads in range, one
// word per form). Each input is also tried with its checksum recomputed
// (reseal_model), so mutations reach the structural checks of the image that
// make using it in place safe. Seeds: a tiny model trained by
// `newsan train-syntax` on sentences written for this project; the replay
// also loads data/models (the shipped model, and the NER model: foreign).
#include <fmt/format.h>

#include "fuzz.h"
#include "newsan/error.h"
#include "syntax/internal.h"

namespace {

void check(std::string_view bytes) {
  using namespace newsan;
  std::shared_ptr<const syntax::Model> model;
  try {
    model = syntax::decode_model(bytes, nullptr, "fuzz.model");
  } catch (const FormatError& e) {
    if (std::string_view(e.what()).find("fuzz.model") == std::string_view::npos)
      fuzz::broken("syntax_model", fmt::format("error does not name the file: {}", e.what()));
    return;
  }
  const std::vector<std::vector<std::string_view>> sentences = {
      {"Tolva", "Mills", "hired", "12", "welders", "in", "June", "."}, {"Yes", "."}, {}, {"why"}};
  std::vector<SyntaxWord> out;
  for (const auto& forms : sentences) {
    model->parse(forms, out);
    if (out.size() != forms.size()) fuzz::broken("syntax_model", "not one word per form");
    int roots = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i].head < -1 || out[i].head >= static_cast<int>(out.size()) || out[i].head == static_cast<int>(i))
        fuzz::broken("syntax_model", fmt::format("head {} of word {} out of range", out[i].head, i));
      roots += out[i].head == -1;
      int h = static_cast<int>(i);
      for (std::size_t steps = 0; h != -1; ++steps) {
        if (steps > out.size()) fuzz::broken("syntax_model", "a cycle");
        h = out[static_cast<std::size_t>(h)].head;
      }
    }
    if (!out.empty() && roots != 1) fuzz::broken("syntax_model", fmt::format("{} roots", roots));
    model->tag(forms, out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  check(bytes);
  newsan::syntax::reseal_model(bytes);
  check(bytes);
  return 0;
}
