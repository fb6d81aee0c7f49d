// make_reporter and the JSON / JSON Lines reporters.
#include <fmt/format.h>

#include "newsan/report.h"

#ifndef NEWSAN_VERSION
#define NEWSAN_VERSION "0.0.0"
#endif

namespace newsan {

std::string newsan_version() { return NEWSAN_VERSION; }

std::optional<Format> parse_format(std::string_view n) {
  if (n == "text") return Format::text;
  if (n == "json") return Format::json;
  if (n == "jsonl" || n == "ndjson") return Format::jsonl;
  if (n == "markdown" || n == "md") return Format::markdown;
  if (n == "html") return Format::html;
  return std::nullopt;
}

// Defined in summary.cpp: the text and Markdown summaries share one layout.
std::unique_ptr<Reporter> make_summary_reporter(bool markdown, const ReportOptions& opt);
// Defined in html.cpp: the highlighted article page.
std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& opt);

namespace {
class JsonReporter : public Reporter {
 public:
  JsonReporter(bool lines, ReportOptions opt) : lines_(lines), opt_(std::move(opt)) {}
  void write(std::ostream& out, const Analysis& a, std::size_t) override {
    std::string s;
    s.reserve(a.document.text.size() * 2 + 4096);
    write_json(s, a, opt_, lines_ ? -1 : 2);
    s += '\n';
    out << s;
  }

 private:
  bool lines_;
  ReportOptions opt_;
};
}  // namespace

std::unique_ptr<Reporter> make_reporter(Format f, const ReportOptions& opt) {
  switch (f) {
    case Format::json: return std::make_unique<JsonReporter>(false, opt);
    case Format::jsonl: return std::make_unique<JsonReporter>(true, opt);
    case Format::text: return make_summary_reporter(false, opt);
    case Format::markdown: return make_summary_reporter(true, opt);
    case Format::html: return make_html_reporter(opt);
  }
  return make_summary_reporter(false, opt);
}

}  // namespace newsan
