// Fuzz target: the NER model loader (ner.h, format in src/ner/model_io.cpp)
// on arbitrary bytes: a truncated, empty, foreign or corrupted model throws
// FormatError; a model that loads tags a fixed document into chunks that lie
// inside their sentences, in order, without overlap. The payload checksum
// stops most mutations early, so each input is also tried with its checksum
// recomputed (reseal_model): that drives the structural checks of the image
// (counts, slot tables) that make using it in place safe. The seed
// tiny-model.bin is a small model trained by `newsan train-ner`.
#include <fmt/format.h>

#include "fuzz.h"
#include "ner/model.h"
#include "newsan/error.h"
#include "newsan/ner.h"

namespace {

void check(std::string_view bytes) {
  using namespace newsan;
  std::optional<ner::Tagger> tagger;
  try {
    tagger.emplace(ner::Tagger::from_bytes(bytes, "fuzz.bin"));
  } catch (const FormatError& e) {
    if (std::string_view(e.what()).find("fuzz.bin") == std::string_view::npos)
      fuzz::broken("model", fmt::format("error does not name the file: {}", e.what()));
    return;
  }
  const ner::Sentences doc = {{"Anna", "Berg", "visited", "Oslo", "."}, {}, {"Omar", "Diaz", "left", "Lima", "."}};
  auto chunks = tagger->tag_document(doc);
  if (chunks.size() != doc.size()) fuzz::broken("model", "not one chunk list per sentence");
  for (std::size_t s = 0; s < doc.size(); ++s) {
    std::size_t end = 0;
    for (const ner::Chunk& c : chunks[s]) {
      if (c.first < end || c.last <= c.first || c.last > doc[s].size())
        fuzz::broken("model", fmt::format("chunk [{}, {}) in a sentence of {} words", c.first, c.last, doc[s].size()));
      end = c.last;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  check(bytes);
  newsan::ner::reseal_model(bytes);
  check(bytes);
  return 0;
}
