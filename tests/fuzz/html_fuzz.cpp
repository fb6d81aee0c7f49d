// Fuzz target: the HTML reader (html.h) on arbitrary bytes. It returns a
// page whose text and metadata are valid UTF-8 (a date, when found, a real
// ISO date) or throws InputError; the Document it makes is then analyzed and
// checked like any other (fuzz.h).
#include <fmt/format.h>

#include "fuzz.h"
#include "newsan/error.h"
#include "util/calendar.h"
#include "newsan/html.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsan;
  static const HtmlReader reader(fuzz::data_dir());
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Document doc;
  try {
    doc = reader.read_document(bytes, {.name = "fuzz.html"});
  } catch (const InputError&) {
    return 0;
  }
  if (std::size_t bad = utf8::find_invalid(doc.text); bad != std::string::npos)
    fuzz::broken("html", fmt::format("page text is not valid UTF-8 at byte {}", bad));
  for (const std::optional<std::string>* s : {&doc.title, &doc.url, &doc.site_name, &doc.language, &doc.date})
    if (*s && utf8::find_invalid(**s) != std::string::npos) fuzz::broken("html", "metadata is not valid UTF-8");
  for (const std::string& a : doc.authors)
    if (utf8::find_invalid(a) != std::string::npos) fuzz::broken("html", "an author is not valid UTF-8");
  int y, m, d;
  if (doc.date && !parse_iso_date(doc.date->substr(0, 10), y, m, d))
    fuzz::broken("html", "page date is not an ISO date: " + *doc.date);
  fuzz::check_analysis("html", std::move(doc));
  return 0;
}
