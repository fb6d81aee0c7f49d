// `newsan summarize INPUT…`: the facts across many articles (newsan/corpus.h).
// Inputs are article files, directories, JSON Lines of articles, or the JSON
// Lines output of an earlier `newsan --format jsonl --emit-text` run (records
// with "document" and "entities" are taken as analyses, not analyzed again).
// Streaming: windows of inputs are analyzed in parallel and folded into the
// summary in input order; no article text is kept.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "cli/output.h"
#include "newsan/analysis.h"
#include "newsan/batch.h"
#include "newsan/corpus.h"
#include "newsan/error.h"
#include "newsan/html.h"
#include "newsan/reader.h"

namespace newsan::cli {

namespace {

struct SummarizeOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output = "-";
  std::string glob;
  std::optional<std::string> files_from;
  std::string input_format = "auto";
  unsigned jobs = 0;
  int window = 7;
  std::size_t top = 50;
  std::size_t max_bytes = 64u << 20;
  bool lossy = false;
};

int run_summarize(const SummarizeOptions& o, const GlobalOptions& g) {
  if (o.window < 0) throw UsageError("--window must be 0 or more days");
  std::vector<std::string> paths = o.files;
  if (o.files_from) {
    auto listed = read_path_list(*o.files_from);
    paths.insert(paths.end(), listed.begin(), listed.end());
  }
  if (paths.empty() && !o.files_from) paths.push_back("-");
  std::vector<InputSpec> specs = expand_inputs(paths, {o.glob, o.input_format});
  ReadOptions ro;
  ro.lossy = o.lossy;
  ro.max_bytes = o.max_bytes;
  ro.input_format = o.input_format == "jsonl" ? "auto" : o.input_format;
  auto resources = std::make_shared<const Resources>(DataDir::locate(g.data_dir, g.argv0));
  ro.html = resources->html_reader();  // before any page is read, not by the first analysis
  // The analyzer is loaded only when some input is an article (not an analysis record).
  std::once_flag loaded;
  std::unique_ptr<Analyzer> analyzer;
  auto analyze = [&](Document doc) {
    std::call_once(loaded, [&] { analyzer = std::make_unique<Analyzer>(resources); });
    return facts_of(analyzer->analyze(std::move(doc)));
  };
  Output out(o.output);  // opened first: a bad -o fails before the work
  CorpusSummary summary({o.window, o.top});
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  WorkerPool pool(jobs);
  const std::size_t window = std::max<std::size_t>(64, 32 * std::size_t(jobs));
  std::vector<InputUnit> units;
  std::vector<std::optional<ArticleFacts>> facts;
  std::vector<std::string> errors;
  std::size_t failed = 0;

  auto work = [&](std::size_t k) -> std::string {
    const InputUnit& u = units[k];
    std::string id = u.id();
    try {
      // A line may hold the analysis of an earlier run instead of an article.
      auto j = u.line && !u.oversized ? nlohmann::json::parse(u.record, nullptr, false) : nlohmann::json();
      if (j.is_object() && j.contains("document") && j.contains("entities")) {
        facts[k] = facts_from_json(j);
      } else if (j.is_object() && j.contains("error")) {
        throw InputError(fmt::format("{}: an error record of the earlier run: {}", id, j["error"].value("message", "")));
      } else {
        facts[k] = analyze(read_input(u, ro));
      }
    } catch (const Error& e) {
      // The reader names standard input "<stdin>" in its messages.
      std::string_view what = e.what(), named = u.path == "-" && !u.line ? "<stdin>" : id;
      errors[k] = id.empty() || what.starts_with(id) || what.starts_with(named) ? e.what() : fmt::format("{}: {}", id, e.what());
    } catch (const std::bad_alloc&) {
      errors[k] = fmt::format("{}: out of memory", id);
    }
    return {};
  };
  auto flush = [&] {
    facts.assign(units.size(), std::nullopt);
    errors.assign(units.size(), std::string());
    pool.ordered_map(units.size(), work, [&](std::size_t k, std::string&) {
      if (!errors[k].empty()) {
        error_message(errors[k]);
        summary.add_error();
        ++failed;
      } else if (facts[k]) {
        summary.add(std::move(*facts[k]));
      }
      facts[k].reset();
    });
    units.clear();
  };
  for_each_input(specs, ro, [&](InputUnit&& u) {
    units.push_back(std::move(u));
    if (units.size() >= window) flush();
  });
  flush();
  out.write(render_corpus(summary.report(), o.format));
  out.close();
  return failed ? 2 : 0;
}

}  // namespace

void setup_summarize(CLI::App& app, GlobalOptions& g, Action& action) {
  auto o = std::make_shared<SummarizeOptions>();
  CLI::App* sub = app.add_subcommand(
      "summarize", "The facts across many articles: entities ranked, figure series, contradictions between reports");
  sub->add_option("files", o->files,
                  "Articles, directories, JSON Lines of articles, or `newsan --format jsonl --emit-text` output; '-' = stdin");
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "markdown", "json", "html"}))
      ->capture_default_str();
  sub->add_option("-o,--output", o->output, "Write to FILE instead of stdout");
  sub->add_option("--window", o->window, "Days apart within which two articles report the same moment")->capture_default_str();
  sub->add_option("--top", o->top, "How many entities to list")->capture_default_str();
  sub->add_option("--input-format", o->input_format, "auto, text, html, jsonl")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--glob", o->glob, "Only files whose name matches this pattern when walking directories");
  sub->add_option("--files-from", o->files_from, "Read input paths from FILE, one per line ('-' = stdin)");
  sub->add_option("-j,--jobs", o->jobs, "Worker threads (default: all cores); output is identical for any N");
  sub->add_option("--max-bytes", o->max_bytes, "Refuse inputs (and JSON Lines lines) larger than this")->capture_default_str();
  sub->add_flag("--lossy", o->lossy, "Replace invalid UTF-8 with U+FFFD instead of failing");
  sub->add_option("--data-dir", g.data_dir, "Directory of newsan's data files");
  sub->callback([o, &g, &action] { action = [o, &g] { return run_summarize(*o, g); }; });
}

}  // namespace newsan::cli
