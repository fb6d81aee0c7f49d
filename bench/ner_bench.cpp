// bench/ner_bench — speed and footprint of the NER tagger.
//
// usage: build/bench/ner_bench [--model MODEL] [--corpus DIR]
//   defaults: data/models/ner-en.bin, ../shared/corpora/bbc-news/bbc
//
// Prints, from this one run:
//   - model load time (ms): first load and median of 21 loads
//   - tagging speed (tokens/s, one thread): Tagger::tag_document over every
//     article of the corpus, tokenized beforehand (best of 3 passes), per CPU
//     second of the thread and per wall-clock second
//   - whole entity extraction (tokens/s): EntityExtractor::extract, tokenizer excluded
//   - peak resident memory (MB) of this process
// Targets (issue 5): >= 1M tokens/s, load <= 20 ms, peak memory <= 100 MB.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsan/entities.h"
#include "newsan/ner.h"
#include "newsan/tokenizer.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// CPU time of this thread (ms): on a shared machine wall time also counts
// the time other processes held the core.
static double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

int main(int argc, char** argv) {
  fs::path data = NEWSAN_BENCH_DATA_DIR;
  fs::path model = data / "models/ner-en.bin";
  fs::path corpus = fs::path(NEWSAN_BENCH_SHARED_DIR) / "corpora/bbc-news/bbc";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--model") model = argv[i + 1];
    else if (a == "--corpus") corpus = argv[i + 1];
  }
  try {
    auto t0 = Clock::now();
    double c0 = cpu_ms();
    newsan::ner::Tagger tagger = newsan::ner::Tagger::load(model);
    double first = ms_since(t0), first_cpu = cpu_ms() - c0;
    std::vector<double> loads, loads_cpu;
    for (int i = 0; i < 21; ++i) {
      auto t = Clock::now();
      double c = cpu_ms();
      newsan::ner::Tagger again = newsan::ner::Tagger::load(model);
      loads.push_back(ms_since(t));
      loads_cpu.push_back(cpu_ms() - c);
    }
    std::sort(loads.begin(), loads.end());
    std::sort(loads_cpu.begin(), loads_cpu.end());
    std::printf("model           %s\n", tagger.version().c_str());
    std::printf("model size      %.1f MB\n", double(fs::file_size(model)) / 1e6);
    std::printf("model load      %.1f ms first, %.1f ms median of 21 (CPU: %.1f ms first, %.1f ms median)\n", first,
                loads[10], first_cpu, loads_cpu[10]);

    if (!fs::is_directory(corpus)) {
      std::printf("corpus %s not found: tagging speed not measured\n", corpus.string().c_str());
      return 0;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(corpus))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    std::vector<newsan::Tokenized> toks;
    std::vector<newsan::ner::Sentences> docs;
    std::size_t tokens = 0;
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      texts.push_back(s.str());
    }
    for (const auto& text : texts) {
      toks.push_back(newsan::tokenize(text));
      newsan::ner::Sentences doc;
      for (const auto& s : toks.back().sentences) {
        doc.emplace_back();
        for (std::size_t i = s.first; i < s.last; ++i) doc.back().push_back(toks.back().tokens[i].text(text));
        tokens += s.last - s.first;
      }
      docs.push_back(std::move(doc));
    }
    double best = 1e30, best_cpu = 1e30;
    std::size_t chunks = 0;
    for (int pass = 0; pass < 3; ++pass) {
      auto t = Clock::now();
      double c = cpu_ms();
      chunks = 0;
      for (const auto& d : docs)
        for (const auto& s : tagger.tag_document(d)) chunks += s.size();
      best = std::min(best, ms_since(t));
      best_cpu = std::min(best_cpu, cpu_ms() - c);
    }
    std::printf("corpus          %zu articles, %zu tokens, %zu names found\n", docs.size(), tokens, chunks);
    std::printf("tagging         %.2f M tokens/s per CPU second, %.2f M tokens/s wall (one thread, best of 3)\n",
                double(tokens) / best_cpu / 1e3, double(tokens) / best / 1e3);

    newsan::EntityExtractor extractor{newsan::DataDir(data)};
    double c = cpu_ms();
    std::size_t entities = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      newsan::Document doc;
      doc.text = texts[i];
      doc.body = {0, doc.text.size()};
      entities += extractor.extract(doc, toks[i]).size();
    }
    std::printf("entities        %.2f M tokens/s per CPU second (tagger + mention clustering), %zu entities\n",
                double(tokens) / (cpu_ms() - c) / 1e3, entities);
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("peak memory     %.1f MB (whole process, corpus text included)\n", double(ru.ru_maxrss) / 1024);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ner_bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
