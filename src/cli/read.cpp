// `newsan read FILE --format json|text`: only the reading result — the text
// the extractors would analyze (for HTML: the article's main text) and the
// metadata found (title, authors, date, site, URL, language).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/error.h"
#include "newsan/html.h"
#include "newsan/reader.h"
#include "newsan/report.h"

namespace newsan::cli {

namespace {

struct ReadCliOptions {
  std::vector<std::string> files;
  std::string format = "json";
  std::string input_format = "auto";
  std::string output = "-";
  bool lossy = false;
  std::size_t max_bytes = 64u << 20;
};

std::string as_text(const Document& d) {
  std::string s;
  if (d.title) s += fmt::format("Title: {}\n", *d.title);
  if (!d.authors.empty()) {
    s += "Authors: ";
    for (std::size_t i = 0; i < d.authors.size(); ++i) s += (i ? ", " : "") + d.authors[i];
    s += '\n';
  }
  if (d.date) s += fmt::format("Date: {}\n", *d.date);
  if (d.site_name) s += fmt::format("Site: {}\n", *d.site_name);
  if (d.url) s += fmt::format("URL: {}\n", *d.url);
  if (d.language) s += fmt::format("Language: {}\n", *d.language);
  if (!s.empty()) s += '\n';
  s += d.text;
  if (!d.text.empty() && d.text.back() != '\n') s += '\n';
  return s;
}

int run_read(const ReadCliOptions& o, const GlobalOptions& g) {
  ReadOptions ro;
  ro.lossy = o.lossy;
  ro.max_bytes = o.max_bytes;
  ro.input_format = o.input_format;
  ro.html = std::make_shared<const HtmlReader>(DataDir::locate(g.data_dir, g.argv0));
  Output out(o.output);
  std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  int status = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      Document doc = read_document_file(files[i], ro);
      if (o.format == "json") {
        std::string j;
        write_document_json(j, doc, 2);
        out.write(j + "\n");
      } else {
        out.write((i ? "\n" : "") + as_text(doc));
      }
    } catch (const InputError& e) {
      error_message(e.what());
      status = 2;
    }
  }
  out.close();
  return status;
}

}  // namespace

void setup_read(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<ReadCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "read", "Print only the reading result: the text newsan analyzes (the article of an HTML page) and its metadata");
  sub->add_option("files", o->files, "Input files (text or HTML); '-' or none = stdin");
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  sub->add_option("--input-format", o->input_format,
                  "Input format: auto (HTML by extension or content), text, html")
      ->check(CLI::IsMember({"auto", "text", "html"}))
      ->capture_default_str();
  sub->add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  sub->add_flag("--lossy", o->lossy, "Text input: replace invalid UTF-8 with U+FFFD instead of failing");
  sub->add_option("--max-bytes", o->max_bytes, "Refuse inputs larger than this many bytes")->capture_default_str();
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files (default: installed or build tree; env NEWSAN_DATA)");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_read(*o, g); }; });
}

}  // namespace newsan::cli
