// dates_bench — throughput of the date extractor alone (tokenizing excluded).
//
//   build/bench/dates_bench [DIR]   (default: ../shared/corpora/bbc-news/bbc)
//
// Reads every *.txt under DIR, tokenizes each once, then times
// DateExtractor::extract over all of them (best of 3 passes) and prints
// documents, words, expressions found and words per second.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsan/dates.h"
#include "newsan/tokenizer.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(NEWSAN_BENCH_SHARED_DIR) / "corpora/bbc-news/bbc";
  if (!fs::is_directory(dir)) {
    std::fprintf(stderr, "dates_bench: %s: no such directory\n", dir.c_str());
    return 2;
  }
  std::vector<newsan::Document> docs;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    newsan::Document d;
    d.text = ss.str();
    d.date = "2005-06-15";
    d.date_origin = newsan::Origin::option;
    docs.push_back(std::move(d));
  }
  std::vector<newsan::Tokenized> toks;
  std::size_t words = 0;
  for (const auto& d : docs) {
    toks.push_back(newsan::tokenize(d.text));
    words += toks.back().word_count;
  }
  newsan::DateExtractor ex(newsan::DataDir(NEWSAN_BENCH_DATA_DIR));
  double best = 1e30;
  std::size_t found = 0;
  for (int pass = 0; pass < 3; ++pass) {
    found = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < docs.size(); ++i) found += ex.extract(docs[i], toks[i]).dates.size();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, s);
  }
  std::printf("documents %zu\nwords %zu\ndates found %zu\nseconds %.3f\nwords/s %.0f\n", docs.size(), words, found,
              best, words / best);
  return 0;
}
