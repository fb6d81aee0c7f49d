// Fuzz target: the whole analysis of arbitrary bytes, as `newsan analyze`
// does it: reader → analyzer → every reporter. The JSON must be valid UTF-8,
// parse, have every span inside the text with `text` equal to the slice, and
// be byte-identical when the same document is analyzed again.
#include <algorithm>

#include "fuzz.h"
#include "newsan/error.h"
#include "newsan/reader.h"

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
  fuzz::check_analysis("analyze", std::move(doc));
  return 0;
}
