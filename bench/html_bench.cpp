// html_bench — how fast the HTML reader turns saved pages into text.
//
//   build/bench/html_bench [--repeat N] [PAGE.html | DIR]…
//
// Default input: the shared benchmark's pages
// (<source>/../shared/corpora/article-extraction/html). Every page is read N times (default 5) after one warm-up
// read; the figures are the time of HtmlReader::read (parse, metadata, main
// text), file I/O excluded, as thread CPU time (steady on a busy shared
// machine) and as wall-clock time. Prints pages/s, MB/s, mean ms per page,
// ms per 100 KB over all pages, and the mean ms of the "typical" pages of
// 50–200 KB, against the target of 5 ms for a 100 KB page.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsan/error.h"
#include "newsan/html.h"

namespace fs = std::filesystem;

static double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
  int repeat = 5;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "-h" || a == "--help") {
      std::printf("usage: html_bench [--repeat N] [PAGE.html | DIR]...\n");
      return 0;
    } else {
      inputs.emplace_back(a);
    }
  }
  if (inputs.empty()) inputs.emplace_back(NEWSAN_BENCH_SHARED_DIR "/corpora/article-extraction/html");

  std::vector<std::pair<std::string, std::string>> pages;  // name, bytes
  for (const auto& in : inputs) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      for (const auto& e : fs::directory_iterator(in, ec))
        if (e.path().extension() == ".html" || e.path().extension() == ".htm") files.push_back(e.path());
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(in);
    }
    for (const auto& f : files) {
      std::ifstream s(f, std::ios::binary);
      if (!s) {
        std::fprintf(stderr, "html_bench: cannot read %s\n", f.c_str());
        return 2;
      }
      std::ostringstream b;
      b << s.rdbuf();
      pages.emplace_back(f.string(), b.str());
    }
  }
  if (pages.empty()) {
    std::fprintf(stderr, "html_bench: no pages found (give files or a directory)\n");
    return 2;
  }

  try {
    newsan::HtmlReader reader{newsan::DataDir(NEWSAN_BENCH_DATA_DIR)};
    double total_s = 0, typical_s = 0, wall_s = 0;
    std::size_t total_bytes = 0, typical_n = 0, failed = 0;
    for (const auto& [name, bytes] : pages) {
      newsan::HtmlOptions opt;
      opt.name = name;
      try {
        (void)reader.read(bytes, opt);  // warm-up
      } catch (const newsan::InputError&) {
        ++failed;
        continue;
      }
      auto t0 = std::chrono::steady_clock::now();
      double c0 = thread_cpu_seconds();
      for (int r = 0; r < repeat; ++r) (void)reader.read(bytes, opt);
      double s = (thread_cpu_seconds() - c0) / repeat;
      wall_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / repeat;
      total_s += s;
      total_bytes += bytes.size();
      if (bytes.size() >= 50'000 && bytes.size() <= 200'000) {
        typical_s += s;
        ++typical_n;
      }
    }
    std::size_t n = pages.size() - failed;
    std::printf("pages            %zu (%zu refused), %.1f MB, %d reads each\n", n, failed,
                total_bytes / 1e6, repeat);
    if (n == 0) return 2;
    std::printf("(CPU time of the reading thread; wall clock: %.1f pages/s, %.2f ms per 100 KB)\n",
                n / wall_s, wall_s * 1e3 / (total_bytes / 1e5));
    std::printf("pages/s          %.1f\n", n / total_s);
    std::printf("MB/s             %.1f\n", total_bytes / 1e6 / total_s);
    std::printf("ms per page      %.2f (mean page %.0f KB)\n", total_s * 1e3 / n, total_bytes / 1e3 / n);
    std::printf("ms per 100 KB    %.2f\n", total_s * 1e3 / (total_bytes / 1e5));
    if (typical_n > 0)
      std::printf("typical pages    %zu of 50-200 KB: %.2f ms each (target: 100 KB page < 5 ms)\n",
                  typical_n, typical_s * 1e3 / typical_n);
  } catch (const newsan::Error& e) {
    std::fprintf(stderr, "html_bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
