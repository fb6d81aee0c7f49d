// tests/fuzz/fuzz.h — what every fuzz target shares: the libFuzzer entry
// point's declaration, the data directory, how a broken property ends the
// run, and the check of a whole analysis.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "newsan/analysis.h"
#include "newsan/report.h"
#include "properties.h"

#ifndef NEWSAN_FUZZ_DATA_DIR
#error "NEWSAN_FUZZ_DATA_DIR must name the project's data/ directory"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace newsan::fuzz {

// A property did not hold: print what and abort, so libFuzzer keeps the input.
[[noreturn]] inline void broken(std::string_view target, const std::string& message) {
  std::fprintf(stderr, "newsan fuzz %.*s: PROPERTY BROKEN: %s\n", static_cast<int>(target.size()), target.data(),
               message.c_str());
  std::abort();
}

inline void require(std::string_view target, const std::string& message) {
  if (!message.empty()) broken(target, message);
}

inline const DataDir& data_dir() {
  static const DataDir d(NEWSAN_FUZZ_DATA_DIR);
  return d;
}

inline const Analyzer& analyzer() {
  static const Analyzer a(data_dir());
  return a;
}

inline std::string report(Format f, const Analysis& a) {
  std::ostringstream out;
  make_reporter(f, {})->write(out, a, 0);
  return out.str();
}

// Analyzes `doc` and checks what `newsan analyze` promises for every input:
// the JSON is valid UTF-8, parses, every span lies in the text with `text`
// equal to the slice; analyzing the same document again gives byte-identical
// JSON; every other report format is valid UTF-8.
inline void check_analysis(std::string_view target, Document doc) {
  const std::string text = doc.text;
  Analysis first = analyzer().analyze(doc);
  std::string json = report(Format::json, first);
  require(target, props::check_json_output(json, text));
  if (report(Format::json, analyzer().analyze(std::move(doc))) != json)
    broken(target, "the same document gave different JSON twice");
  for (Format f : {Format::jsonl, Format::text, Format::markdown}) {
    std::string out = report(f, first);
    if (std::size_t bad = utf8::find_invalid(out); bad != std::string::npos)
      broken(target, fmt::format("report format {} is not valid UTF-8 at byte {}", static_cast<int>(f), bad));
  }
}

}  // namespace newsan::fuzz
