// figures_bench: how much the figure extractor adds to end-to-end analysis.
//
//   build/bench/figures_bench [DIR]     (default: ../shared/corpora/bbc-news)
//
// Reads every .txt file under DIR once into memory, then for each document
// times (a) the whole pipeline with JSON output, as `newsan analyze --format
// json` runs it, and (b) the figure extractor alone on the same tokens and
// dates. Prints both totals and the share (b) adds to the rest: the target
// is under 10 %. Times are the thread's CPU time (not wall time, which a busy
// shared machine inflates at random), best of three rounds.
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
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path("../shared/corpora/bbc-news");
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
    newsan::Analyzer analyzer(data);
    newsan::FigureExtractor figures(data);
    double best_total = 1e300, best_fig = 1e300;
    std::size_t nfig = 0;
    for (int round = 0; round < 3; ++round) {
      double total = 0, fig = 0;
      nfig = 0;
      for (const auto& [name, text] : files) {
        newsan::Document doc;
        try {
          doc = newsan::make_text_document(text, name, {});
        } catch (const newsan::Error&) {
          continue;  // not valid UTF-8: the CLI refuses it too
        }
        double t0 = cpu_now();
        newsan::Analysis a = analyzer.analyze(doc);
        std::string json = newsan::to_json(a, {}).dump();
        double t1 = cpu_now();
        newsan::FigureResult r = figures.extract(a.document, a.tokens, a.dates.dates);
        double t2 = cpu_now();
        nfig += r.figures.size();
        total += t1 - t0;
        fig += t2 - t1;
      }
      best_total = std::min(best_total, total);
      best_fig = std::min(best_fig, fig);
    }
    double rest = best_total - best_fig;
    std::cout << fmt::format("documents        {}\n", files.size())
              << fmt::format("bytes            {}\n", bytes)
              << fmt::format("figures          {}\n", nfig)
              << fmt::format("end-to-end       {:.3f} s CPU ({:.1f} MB/s)\n", best_total, bytes / best_total / 1e6)
              << fmt::format("figure extractor {:.3f} s CPU\n", best_fig)
              << fmt::format("figures add {:.1f} % to the rest of the pipeline (target < 10 %)\n",
                             rest > 0 ? 100 * best_fig / rest : 0.0);
  } catch (const newsan::Error& e) {
    std::cerr << "figures_bench: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
