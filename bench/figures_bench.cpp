// figures_bench: how much the figure extractor adds to end-to-end analysis.
//
//   build/bench/figures_bench [DIR]     (default: ../shared/corpora/bbc-news)
//
// Reads every .txt file under DIR once into memory, then runs for each document
// the pipeline of `newsan analyze --format json` step by step (reader,
// tokenizer, dates, figures, entities, JSON), timing the figure extractor in its place,
// and the same pipeline without figures. The target: the extractor's time is
// under 10 % of the end-to-end time without it. Printed too: the whole
// difference with and without figures, which includes writing the figures,
// groups and notes as JSON (the reporter's cost). Times are the thread's CPU
// time (not wall time, which a busy shared machine inflates at random), best
// of three rounds, the two pipelines alternating per document.
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <algorithm>

#include "newsan/analysis.h"
#include "newsan/error.h"
#include "newsan/reader.h"
#include "newsan/report.h"

namespace fs = std::filesystem;

// CPU time of this thread, in seconds.
static double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(NEWSAN_BENCH_SHARED_DIR) / "corpora" / "bbc-news";
  if (!fs::is_directory(dir)) {
    std::cerr << "figures_bench: no directory " << dir << " (pass the BBC News folder)\n";
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> files;
  std::size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes += ss.str().size();
    files.emplace_back(e.path().string(), ss.str());
  }
  std::sort(files.begin(), files.end());
  try {
    newsan::DataDir data(NEWSAN_BENCH_DATA_DIR);
    newsan::DateExtractor dates(data);
    newsan::FigureExtractor figures(data);
    newsan::EntityExtractor entities(data);
    double best_full = 1e300, best_without = 1e300, best_fig = 1e300;
    std::size_t nfig = 0, out_bytes = 0;
    for (int round = 0; round < 3; ++round) {
      double full = 0, without = 0, fig = 0;
      nfig = 0;
      for (const auto& [name, text] : files) {
        double t0 = cpu_now();
        newsan::Analysis b;  // without figures
        try {
          b.document = newsan::make_text_document(text, name, {});  // reading: validation, title …
        } catch (const newsan::Error&) {
          continue;  // not valid UTF-8: the CLI refuses it too
        }
        b.tokens = newsan::tokenize(b.document.text);
        b.dates = dates.extract(b.document, b.tokens);
        b.entities = entities.extract(b.document, b.tokens);
        out_bytes += newsan::to_json(b, {}).dump().size();
        double t1 = cpu_now();
        newsan::Analysis a;  // as Analyzer::analyze does it
        a.document = newsan::make_text_document(text, name, {});
        a.tokens = newsan::tokenize(a.document.text);
        a.dates = dates.extract(a.document, a.tokens);
        double t2 = cpu_now();
        a.figures = figures.extract(a.document, a.tokens, a.dates.dates);
        double t3 = cpu_now();
        a.entities = entities.extract(a.document, a.tokens);
        out_bytes += newsan::to_json(a, {}).dump().size();
        double t4 = cpu_now();
        nfig += a.figures.figures.size();
        without += t1 - t0;
        full += t4 - t1;
        fig += t3 - t2;
      }
      best_full = std::min(best_full, full);
      best_without = std::min(best_without, without);
      best_fig = std::min(best_fig, fig);
    }
    std::cout << fmt::format("documents          {}\n", files.size())
              << fmt::format("bytes              {}\n", bytes)
              << fmt::format("figures            {}\n", nfig)
              << fmt::format("without figures    {:.3f} s CPU ({:.1f} MB/s)\n", best_without, bytes / best_without / 1e6)
              << fmt::format("with figures       {:.3f} s CPU (+{:.1f} %, with their JSON output)\n", best_full,
                             100 * (best_full - best_without) / best_without)
              << fmt::format("figure extractor   {:.3f} s CPU\n", best_fig)
              << fmt::format("the figure extractor adds {:.1f} % to end-to-end time (target < 10 %)\n",
                             100 * best_fig / best_without);
  } catch (const newsan::Error& e) {
    std::cerr << "figures_bench: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
