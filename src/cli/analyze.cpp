// `newsan analyze FILE…` (also plain `newsan FILE…`): read, analyze, report.
#include <unistd.h>

#include <cstdlib>
#include <fmt/format.h>
#include <sstream>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/analysis.h"
#include "newsan/error.h"
#include "newsan/reader.h"
#include "newsan/report.h"

namespace newsan::cli {

namespace {

struct AnalyzeOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output = "-";
  std::optional<std::string> date;
  std::string color = "auto";
  bool lossy = false;
  std::size_t max_bytes = 64u << 20;
  std::string encoding = "utf-8";
  bool emit_text = false;
};

bool use_color(const std::string& mode, const Output& out) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return out.is_terminal();
}

int run_analyze(const AnalyzeOptions& o, const GlobalOptions& g) {
  Format format = *parse_format(o.format);
  if (o.date) {
    int y, m, d;
    if (!parse_iso_date(*o.date, y, m, d))
      throw UsageError(fmt::format("--date {}: not a valid calendar date in the form YYYY-MM-DD", *o.date));
  }
  ReadOptions ro;
  ro.lossy = o.lossy;
  ro.max_bytes = o.max_bytes;
  ro.encoding = o.encoding;
  convert_to_utf8("", ro.encoding, "-");  // validates the encoding name before any work

  Analyzer analyzer(DataDir::locate(g.data_dir, g.argv0));
  Output out(o.output);
  ReportOptions rep;
  rep.color = use_color(o.color, out);
  rep.emit_text = o.emit_text;
  rep.model_version = analyzer.model_version();
  auto reporter = make_reporter(format, rep);

  std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  int status = 0;
  std::size_t index = 0;
  for (const std::string& file : files) {
    std::ostringstream buf;
    try {
      Document doc = read_text_file(file, ro);
      if (o.date) {
        doc.date = *o.date;
        doc.date_origin = Origin::option;
      }
      reporter->write(buf, analyzer.analyze(std::move(doc)), index++);
    } catch (const InputError& e) {
      error_message(e.what());
      status = 2;
      if (format == Format::jsonl) buf << error_json(file, "input", e.what()).dump() << '\n';
    }
    out.write(buf.str());
  }
  out.close();
  return status;
}

}  // namespace

void setup_analyze(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* sub = app.add_subcommand("analyze", "Analyze articles (the default: `newsan FILE…` is `newsan analyze FILE…`)");
  sub->add_option("files", o->files, "Article files (UTF-8 text); '-' or none = stdin");
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "markdown"}))
      ->capture_default_str();
  sub->add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  sub->add_option("--date", o->date, "Publication date YYYY-MM-DD, used to resolve relative dates");
  sub->add_option("--color", o->color, "Colour in the text report (honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  sub->add_flag("--lossy", o->lossy, "Replace invalid UTF-8 with U+FFFD instead of failing");
  sub->add_option("--max-bytes", o->max_bytes, "Refuse inputs larger than this many bytes")->capture_default_str();
  sub->add_option("--encoding", o->encoding,
                  "Input encoding: utf-8, latin-1, windows-1252, utf-16, utf-16le, utf-16be")
      ->capture_default_str();
  sub->add_flag("--emit-text", o->emit_text, "Include the document text in JSON output");
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files (default: installed or build tree; env NEWSAN_DATA)");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_analyze(*o, g); }; });
}

}  // namespace newsan::cli
