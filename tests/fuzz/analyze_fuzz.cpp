// Fuzz target: the whole analysis of arbitrary bytes, as `newsan analyze`
// does it: reader → analyzer → every reporter. The JSON must be valid UTF-8,
// parse, have every span inside the text with `text` equal to the slice, and
// be byte-identical when the same document is analyzed again.
#include <algorithm>
#include <sstream>

#include "fuzz.h"
#include "newsan/analysis.h"
#include "newsan/error.h"
#include "newsan/reader.h"
#include "newsan/report.h"
#include "properties.h"

namespace {

const newsan::Analyzer& analyzer() {
  static const newsan::Analyzer a(newsan::DataDir(NEWSAN_FUZZ_DATA_DIR));
  return a;
}

std::string report(newsan::Format f, const newsan::Analysis& a) {
  std::ostringstream out;
  newsan::make_reporter(f, {})->write(out, a, 0);
  return out.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsan;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Document doc;
  try {
    doc = make_text_document(bytes, "fuzz", {});
  } catch (const InputError&) {
    // Refused input still gets analyzed, as --lossy would with NULs blanked,
    // so the extractors see every byte pattern the fuzzer finds.
    std::replace(bytes.begin(), bytes.end(), '\0', ' ');
    ReadOptions lossy;
    lossy.lossy = true;
    try {
      doc = make_text_document(bytes, "fuzz", lossy);
    } catch (const InputError&) {
      return 0;  // a UTF-16 byte-order mark: refused in every mode
    }
  }
  if (size % 2 == 1) {  // half the inputs with a publication date, as --date gives
    doc.date = "2024-03-01";
    doc.date_origin = Origin::option;
  }
  const std::string text = doc.text;
  Analysis first = analyzer().analyze(doc);
  std::string json = report(Format::json, first);
  fuzz::require("analyze", props::check_json_output(json, text));
  if (report(Format::json, analyzer().analyze(std::move(doc))) != json)
    fuzz::broken("analyze", "the same document gave different JSON twice");
  for (Format f : {Format::jsonl, Format::text, Format::markdown}) {
    std::string out = report(f, first);
    if (std::size_t bad = utf8::find_invalid(out); bad != std::string::npos)
      fuzz::broken("analyze", fmt::format("report format {} is not valid UTF-8 at byte {}", static_cast<int>(f), bad));
  }
  return 0;
}
