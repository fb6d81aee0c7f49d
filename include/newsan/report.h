// newsan/report.h — reporters: one Analysis in, text | json | jsonl | markdown | html out.
//
//   auto rep = newsan::make_reporter(newsan::Format::json, {});
//   rep->write(std::cout, analysis);
//
// Contract: reporters never analyze and never fail on content; they only
// throw when the stream fails (OutputError). JSON is built in one place
// (to_json) and documented in docs/json-output.md; its JSON Schema is
// data/schema/newsan-output.schema.json.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "newsan/analysis.h"

namespace newsan {

enum class Format { text, json, jsonl, markdown, html };
std::optional<Format> parse_format(std::string_view name);

struct ReportOptions {
  bool color = false;        // ANSI colour in the text report
  bool emit_text = false;    // include document.text in JSON
  std::string model_version; // written into JSON "versions"
};

// Appends the JSON object for one analysis (schema_version, document, counts,
// sentences, entities, figures, figure_groups, figure_notes, dates) to `out`:
// compact on one line when indent < 0, else pretty-printed. This is the one
// place JSON output is produced; to_json() parses it back for library users.
void write_json(std::string& out, const Analysis& a, const ReportOptions& opt, int indent);
nlohmann::json to_json(const Analysis& a, const ReportOptions& opt);

// `newsan read`'s object: {"schema_version", "document"} with the text included.
void write_document_json(std::string& out, const Document& d, int indent);

// An error record for a failed input in JSON Lines output.
nlohmann::json error_json(const std::string& id, std::string_view kind, std::string_view message);

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Writes the report of one document. `index` counts documents in this run
  // (0 for the first), so multi-document formats can separate them.
  virtual void write(std::ostream& out, const Analysis& a, std::size_t index) = 0;
  // What opens and closes a whole output around its documents (the HTML page's
  // head and end; nothing for the other formats). `title` names the output
  // ("" = generic). A run calls begin() once, write() per document, finish() once.
  virtual void begin(std::ostream& /*out*/, std::string_view /*title*/) {}
  virtual void finish(std::ostream& /*out*/) {}
};

std::unique_ptr<Reporter> make_reporter(Format f, const ReportOptions& opt);

std::string newsan_version();

}  // namespace newsan
