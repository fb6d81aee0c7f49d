// Fuzz target: JSON Lines input (batch.h). JsonlReader splits any byte
// stream into numbered lines, never holding more than the limit of one line
// (longer ones come back empty and marked oversized); document_from_jsonl
// turns a line into a Document or throws InputError; every Document is then
// analyzed and checked like any other (fuzz.h). The first byte sets the limit.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "fuzz.h"
#include "newsan/batch.h"
#include "newsan/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsan;
  if (size == 0) return 0;
  const std::size_t limit = 16 + std::size_t{data[0]} * 8;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  JsonlReader reader(in, limit);
  JsonlReader::Line line;
  ReadOptions ro;
  ro.max_bytes = limit;
  ro.lossy = data[0] & 1;
  std::size_t n = 0;
  while (reader.next(line)) {
    if (line.number != ++n) fuzz::broken("jsonl", fmt::format("line {} numbered {}", n, line.number));
    if (line.text.size() > limit || (line.oversized && !line.text.empty()))
      fuzz::broken("jsonl", fmt::format("line {} holds {} bytes over the limit {}", n, line.text.size(), limit));
    if (line.text.find('\n') != std::string::npos) fuzz::broken("jsonl", "a line holds a line break");
    if (line.oversized) continue;
    Document doc;
    try {
      doc = document_from_jsonl(line.text, "fuzz.jsonl", line.number, ro);
    } catch (const InputError&) {
      continue;
    }
    if (doc.id.empty()) fuzz::broken("jsonl", "a record without an id");
    for (const std::optional<std::string>* s : {&doc.title, &doc.source, &doc.url, &doc.date})
      if (*s && utf8::find_invalid(**s) != std::string::npos) fuzz::broken("jsonl", "metadata is not valid UTF-8");
    fuzz::check_analysis("jsonl", std::move(doc));
  }
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::size_t lines = static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n')) +
                      (!rest.empty() && rest.back() != '\n');
  if (n != lines) fuzz::broken("jsonl", fmt::format("{} lines read from a stream of {}", n, lines));
  return 0;
}
