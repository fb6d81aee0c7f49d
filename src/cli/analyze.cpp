// `newsan analyze FILE…` (also plain `newsan FILE…`): read, analyze, report —
// for one article or a whole archive, on several threads, in input order.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <filesystem>
#include <iostream>
#include <limits>
#include <set>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "newsan/analysis.h"
#include "newsan/batch.h"
#include "newsan/error.h"
#include "util/calendar.h"
#include "newsan/html.h"
#include "newsan/language.h"
#include "newsan/reader.h"
#include "newsan/report.h"

namespace newsan::cli {

namespace {

struct AnalyzeOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string table = "figures";
  std::string output = "-";
  std::optional<std::string> date;
  std::string color = "auto";
  bool lossy = false;
  std::size_t max_bytes = 64u << 20;
  std::string encoding = "utf-8";
  bool emit_text = false;
  std::string input_format = "auto";
  std::string glob;
  std::optional<std::string> files_from;
  bool null_list = false;
  unsigned jobs = 0;
  bool quiet = false;
  bool stats = false;
  std::string stream_name = "-";  // JSON Lines on stdin: its name in ids and messages
  std::size_t first_line = 1;     // and the number of its first line (a part of a longer stream)
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

struct Totals {
  std::atomic<std::size_t> documents{0}, words{0}, entities{0}, figures{0}, dates{0}, errors{0}, bytes{0};
};

// Under --stats: what directory walks left out, so that nothing is dropped silently.
void print_skipped(const ExpandStats& s, const std::string& glob) {
  if (!s.not_articles && !s.hidden && !s.loops && !s.other) return;
  std::string what = glob.empty() ? "not article files (*.txt, *.html, *.htm, *.jsonl, *.ndjson; --glob picks others)"
                                  : fmt::format("not matching --glob '{}'", glob);
  fmt::print(stderr, "newsan: directory walks skipped {} files {}, {} hidden entries, {} directories seen before "
             "(symlink loops), {} special files\n", s.not_articles, what, s.hidden, s.loops, s.other);
}

int run_analyze(const AnalyzeOptions& o, const GlobalOptions& g) {
  auto started = std::chrono::steady_clock::now();
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
  ro.input_format = o.input_format == "jsonl" ? "auto" : o.input_format;  // the streams are marked in specs
  convert_to_utf8("", ro.encoding, "-");  // validates the encoding name before any work

  std::vector<std::string> paths = o.files;
  if (o.files_from) {
    auto listed = read_path_list(*o.files_from, o.null_list ? '\0' : '\n');
    paths.insert(paths.end(), listed.begin(), listed.end());
  }
  if (paths.empty() && !o.files_from) paths.push_back("-");
  ExpandStats skipped;
  std::vector<InputSpec> specs = expand_inputs(paths, {o.glob, o.input_format}, &skipped);

  // Resources are loaded once and shared read-only by every worker.
  auto resources = std::make_shared<const Resources>(DataDir::locate(g.data_dir, g.argv0));
  Analyzer analyzer(resources);
  ro.html = resources->html_reader();
  // --format html with -o DIR: one page per input in DIR; otherwise one output.
  std::error_code dir_ec;
  const bool pages = format == Format::html && o.output != "-" &&
                     (o.output.ends_with('/') || std::filesystem::is_directory(o.output, dir_ec));
  if (pages) std::filesystem::create_directories(o.output, dir_ec);
  Output out(pages ? std::string("-") : o.output);
  ReportOptions rep;
  rep.color = use_color(o.color, out);
  rep.emit_text = o.emit_text;
  rep.model_version = analyzer.model_version();
  rep.table = *parse_table(o.table);
  auto reporter = make_reporter(format, rep);
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());

  Totals totals;
  std::size_t file_units = 0;
  for (const auto& s : specs) file_units += !s.jsonl;
  bool streams = file_units != specs.size();
  Progress progress(Progress::wanted(o.quiet, ::isatty(STDERR_FILENO), out.is_terminal()), streams ? 0 : file_units);

  // Options → reader (for_each_input, read_input) → pool → reporter.
  auto analyze_unit = [&](const InputUnit& u, std::size_t index, std::string& err, std::string& warning) -> std::string {
    std::string id = u.id();
    std::ostringstream buf;
    try {
      Document doc = read_input(u, ro);
      if (u.line) id = doc.id;
      if (o.date) {
        doc.date_candidates.push_back({*o.date, Origin::option});
        choose_publication_date(doc);
      }
      totals.bytes += doc.text.size();
      Analysis a = analyzer.analyze(std::move(doc));
      totals.documents++;
      totals.words += a.tokens.word_count;
      totals.entities += a.entities.size();
      totals.figures += a.figures.figures.size();
      totals.dates += a.dates.dates.size();
      if (pages) reporter->begin(buf, a.document.title ? *a.document.title : a.document.id);
      reporter->write(buf, a, index);
      if (a.document.language && primary_language(*a.document.language) != "en")
        warning = fmt::format("warning: {}: the text reads as {} ({}); newsan's extractors are English, so "
                              "figures, dates and entities may be missed or misread",
                              id, language_name(primary_language(*a.document.language)), *a.document.language);
      if (pages) reporter->finish(buf);
    } catch (const Error& e) {
      totals.errors++;
      err = e.what();
      buf.str("");
      if (format == Format::jsonl) buf << error_json(id, "input", e.what()).dump() << '\n';
    } catch (const std::bad_alloc&) {
      totals.errors++;
      err = fmt::format("{}: out of memory while analyzing", id);
      buf.str("");
      if (format == Format::jsonl) buf << error_json(id, "memory", err).dump() << '\n';
    }
    return std::move(buf).str();  // C++20: takes the buffer instead of copying it
  };

  // Units are gathered in windows, analyzed in parallel, written in input order,
  // by one pool of threads for the whole run (their word caches stay warm).
  WorkerPool pool(jobs);
  const std::size_t window = std::max<std::size_t>(64, 32 * std::size_t(jobs));
  std::vector<InputUnit> units;
  std::vector<std::string> errors, warnings;
  std::size_t emitted = 0;
  std::set<std::string> page_names;
  auto write_page = [&](const InputUnit& u, const std::string& page) {
    std::string stem = u.path == "-" ? "stdin" : std::filesystem::path(u.path).stem().string();
    if (u.line) stem += fmt::format("-{}", u.line);
    std::string name = stem + ".html";
    for (int n = 2; !page_names.insert(name).second; ++n) name = fmt::format("{}-{}.html", stem, n);
    Output file((std::filesystem::path(o.output) / name).string());
    file.write(page);
    file.close();
  };
  if (!pages) {
    std::ostringstream head;
    reporter->begin(head, "");
    out.write(head.str());
  }
  auto flush = [&] {
    errors.assign(units.size(), std::string());
    warnings.assign(units.size(), std::string());
    std::size_t base = emitted;
    pool.ordered_map(
        units.size(), [&](std::size_t k) { return analyze_unit(units[k], base + k, errors[k], warnings[k]); },
        [&](std::size_t k, std::string& text) {
          if (!errors[k].empty() || !warnings[k].empty()) {
            progress.clear();
            if (!errors[k].empty()) error_message(errors[k]);
            if (!warnings[k].empty()) error_message(warnings[k]);
          }
          if (!pages) out.write(text);
          else if (!text.empty()) write_page(units[k], text);
          progress.update(base + k + 1, totals.bytes.load(), totals.errors.load());
        });
    emitted += units.size();
    units.clear();
  };

  for_each_input(
      specs, ro,
      [&](InputUnit&& u) {
        units.push_back(std::move(u));
        if (units.size() >= window) flush();
      },
      {o.stream_name, o.first_line});
  flush();
  progress.finish();
  if (!pages) {
    std::ostringstream tail;
    reporter->finish(tail);
    out.write(tail.str());
  }
  out.close();

  if (o.stats) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print(stderr,
               "newsan: {} documents, {} words, {} entities, {} figures, {} dates, {} errors, {:.2f} s, "
               "{:.0f} words/s, {:.1f} MB/s, {} jobs\n",
               totals.documents.load(), totals.words.load(), totals.entities.load(), totals.figures.load(),
               totals.dates.load(), totals.errors.load(), secs, secs > 0 ? totals.words.load() / secs : 0.0,
               secs > 0 ? totals.bytes.load() / secs / 1e6 : 0.0, jobs);
    print_skipped(skipped, o.glob);
  }
  return totals.errors.load() ? 2 : 0;
}

}  // namespace

void setup_analyze(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* sub = app.add_subcommand("analyze", "Analyze articles (the default: `newsan FILE…` is `newsan analyze FILE…`)");
  sub->add_option("files", o->files, "Article files or directories (walked recursively); '-' or none = stdin");
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "markdown", "html", "tsv", "csv"}))
      ->capture_default_str();
  sub->add_option("--table", o->table, "Rows of --format tsv|csv: one per figure, entity, entity mention or date")
      ->check(CLI::IsMember({"figures", "entities", "mentions", "dates"}))
      ->capture_default_str();
  sub->add_option("-o,--output", o->output, "Write to FILE instead of stdout (--format html: a directory gets one page per input)");
  sub->add_option("--date", o->date, "Publication date YYYY-MM-DD, used to resolve relative dates");
  sub->add_option("--color", o->color, "Colour in the text report (honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  sub->add_option("--input-format", o->input_format,
                  "auto (by content and name; *.jsonl/*.ndjson are JSON Lines), text, html, jsonl")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--glob", o->glob, "Only files whose name matches this pattern when walking directories (default: *.txt *.html *.htm *.jsonl *.ndjson)");
  sub->add_option("--files-from", o->files_from, "Read input paths from FILE, one per line ('-' = stdin)");
  sub->add_flag("-0,--null", o->null_list, "--files-from entries are NUL-separated (find -print0)");
  sub->add_option("-j,--jobs", o->jobs, "Worker threads (default: all cores); output is identical for any N");
  sub->add_flag("-q,--quiet", o->quiet, "No progress bar (shown on stderr only when it is a terminal and the report is not)");
  sub->add_flag("--stats", o->stats, "Print totals (documents, words, entities, figures, dates, errors, time) to stderr");
  sub->add_flag("--lossy", o->lossy, "Replace invalid UTF-8 with U+FFFD instead of failing");
  sub->add_option("--max-bytes", o->max_bytes, "Refuse inputs (and JSON Lines lines) larger than this many bytes")
      ->capture_default_str();
  sub->add_option("--encoding", o->encoding,
                  "Input encoding: utf-8, or any name `iconv -l` lists (latin1, windows-1252, koi8-r, shift_jis, utf-16 …)")
      ->capture_default_str();
  sub->add_flag("--emit-text", o->emit_text, "Include the document text in JSON output");
  sub->add_option("--stream-name", o->stream_name,
                  "JSON Lines on stdin: the stream's name in record ids and messages (default '-'), "
                  "for a part cut from a named feed (newsan-dask)");
  sub->add_option("--first-line", o->first_line,
                  "JSON Lines on stdin: the number of its first line (default 1), for a part cut from a longer stream")
      ->check(CLI::Range(std::size_t(1), std::numeric_limits<std::size_t>::max() / 2));
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files (default: installed or build tree; env NEWSAN_DATA)");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_analyze(*o, g); }; });
}

}  // namespace newsan::cli
