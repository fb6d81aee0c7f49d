// `newsan read FILE --format json|text`: only the reading result — the text
// the extractors would analyze (for HTML: the article's main text) and the
// metadata found (title, authors, date, site, URL, language).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/batch.h"
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
  for (const std::string& f : d.furniture) s += fmt::format("Left out: {}\n", f);  // page furniture
  if (!s.empty()) s += '\n';
  s += d.text;
  if (!d.text.empty() && d.text.back() != '\n') s += '\n';
  return s;
}

int run_read(const ReadCliOptions& o, const GlobalOptions& g) {
  ReadOptions ro;
  ro.lossy = o.lossy;
  ro.max_bytes = o.max_bytes;
  ro.input_format = o.input_format == "jsonl" ? "auto" : o.input_format;
  Resources resources(DataDir::locate(g.data_dir, g.argv0));
  ro.html = resources.html_reader();
  Output out(o.output);
  std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  int status = 0;
  std::size_t written = 0;
  auto emit = [&](const Document& doc) {
    if (o.format == "json") {
      std::string j;
      write_document_json(j, doc, 2);
      out.write(j + "\n");
    } else {
      out.write((written ? "\n" : "") + as_text(doc));
    }
    ++written;
  };
  auto failed = [&](const std::string& message) {
    error_message(message);
    status = 2;
  };
  // The reader's one loop, as `newsan analyze` reads: a file is one document,
  // a JSON Lines stream one per non-blank line.
  for_each_input(expand_inputs(files, {"", o.input_format}), ro, [&](InputUnit&& u) {
    try {
      emit(read_input(u, ro));
    } catch (const InputError& e) {
      failed(e.what());
    }
  });
  out.close();
  return status;
}

}  // namespace

void setup_read(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<ReadCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "read", "Print only the reading result: the text newsan analyzes (the article of an HTML page) and its metadata");
  sub->add_option("files", o->files, "Input files (text, HTML or JSON Lines); '-' or none = stdin");
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  sub->add_option("--input-format", o->input_format,
                  "Input format: auto (HTML by extension or content; *.jsonl/*.ndjson are JSON Lines), text, html, jsonl")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}))
      ->capture_default_str();
  sub->add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  sub->add_flag("--lossy", o->lossy, "Text input: replace invalid UTF-8 with U+FFFD instead of failing");
  sub->add_option("--max-bytes", o->max_bytes, "Refuse inputs larger than this many bytes")->capture_default_str();
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files (default: installed or build tree; env NEWSAN_DATA)");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_read(*o, g); }; });
}

}  // namespace newsan::cli
