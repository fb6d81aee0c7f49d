// syntax_bench — throughput of the syntax stage on news text, one thread.
//
//   build/bench/syntax_bench [DIR [MAX_FILES [MODEL]]]
//   (default: ../shared/corpora/bbc-news/bbc, 300 files, data/models/syntax.model)
//   `--help` prints this usage; a bad argument or an unreadable model is an
//   error message and exit status 2, never a crash.
//
// Tokenizes the files once, then times (median of 3 passes) tagging alone
// (SyntaxModel::tag) and tagging + parsing (SyntaxModel::parse) of every
// sentence, and the model's load time. Prints tokens per second. First, the
// start-up of a run: Resources + Analyzer + one small article (the sample),
// which needs no parse and so never loads the syntax model, and then one
// article whose dates need a parse (the model is loaded then).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "newsan/analysis.h"
#include "newsan/reader.h"
#include "newsan/resources.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"

namespace {

namespace fs = std::filesystem;

int usage(std::FILE* to) {
  std::fprintf(to, "usage: syntax_bench [DIR [MAX_FILES [MODEL]]]\n"
                   "  DIR        text files to tag and parse (default: ../shared/corpora/bbc-news/bbc)\n"
                   "  MAX_FILES  at most this many files, a positive number (default: 300)\n"
                   "  MODEL      syntax model (default: data/models/syntax.model)\n");
  return to == stdout ? 0 : 2;
}

int run(const fs::path& dir, std::size_t max_files, const fs::path& model_path);

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  for (std::string_view a : args) {
    if (a == "-h" || a == "--help") return usage(stdout);
    if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "syntax_bench: unknown option '%.*s'\n", int(a.size()), a.data());
      return usage(stderr);
    }
  }
  if (args.size() > 3) {
    std::fprintf(stderr, "syntax_bench: too many arguments\n");
    return usage(stderr);
  }
  std::size_t max_files = 300;
  if (args.size() > 1) {
    const std::string_view n = args[1];
    const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), max_files);
    if (ec != std::errc() || end != n.data() + n.size() || max_files == 0) {
      std::fprintf(stderr, "syntax_bench: MAX_FILES '%.*s' is not a positive number\n", int(n.size()), n.data());
      return usage(stderr);
    }
  }
  const fs::path dir = args.size() > 0 ? fs::path(args[0]) : fs::path(NEWSAN_BENCH_SHARED_DIR) / "corpora/bbc-news/bbc";
  const fs::path model = args.size() > 2 ? fs::path(args[2]) : fs::path(NEWSAN_BENCH_DATA_DIR) / "models/syntax.model";
  try {
    return run(dir, max_files, model);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "syntax_bench: %s\n", e.what());
    return 2;
  }
}

namespace {

int run(const fs::path& dir, std::size_t max_files, const fs::path& model_path) {
  using clock = std::chrono::steady_clock;
  if (!fs::is_directory(dir)) {
    std::fprintf(stderr, "syntax_bench: %s: no such directory\n", dir.c_str());
    return 2;
  }
  auto cpu_ms = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) * 1e-6;
  };
  {
    const double c0 = cpu_ms();
    auto res = std::make_shared<const newsan::Resources>(newsan::DataDir(NEWSAN_BENCH_DATA_DIR));
    newsan::Analyzer analyzer(res);
    newsan::Analysis a = analyzer.analyze(
        newsan::read_text_file(fs::path(NEWSAN_BENCH_DATA_DIR) / "samples/harbour-strike.txt", {}));
    const double c1 = cpu_ms();
    newsan::Document d;
    d.text = "Tickets sold out.\nThey said, 2015 Boat Show in May was the best.\n";
    analyzer.analyze(std::move(d));
    const double c2 = cpu_ms();
    std::printf("start-up CPU ms: Resources + Analyzer + sample article (%zu words, no parse) %.2f; "
                "then an article needing a parse (model loaded) %.2f\n",
                a.tokens.word_count, c1 - c0, c2 - c1);
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.size() > max_files) files.resize(max_files);
  std::vector<std::string> texts;
  std::vector<std::vector<std::vector<std::string_view>>> sents;
  std::size_t tokens = 0;
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  for (const auto& t : texts) {
    newsan::Tokenized tk = newsan::tokenize(t);
    auto& doc = sents.emplace_back();
    for (const auto& s : tk.sentences) {
      auto& forms = doc.emplace_back();
      for (std::size_t i = s.first; i < s.last; ++i) forms.push_back(tk.tokens[i].text(t));
      tokens += forms.size();
    }
  }
  auto t0 = clock::now();
  auto model = newsan::SyntaxModel::load(model_path);
  const double load_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
  // Wall time and this thread's CPU time (the machine is shared: CPU time is
  // what one core costs when other processes compete for it), medians of 5.
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
  };
  auto median = [&](bool parse, double& cpu) {
    std::vector<double> runs, cpus;
    std::vector<newsan::SyntaxWord> out;
    for (int pass = 0; pass < 5; ++pass) {
      auto a = clock::now();
      const double c = cpu_now();
      for (const auto& doc : sents)
        for (const auto& forms : doc) parse ? model->parse(forms, out) : model->tag(forms, out);
      runs.push_back(std::chrono::duration<double>(clock::now() - a).count());
      cpus.push_back(cpu_now() - c);
    }
    std::sort(runs.begin(), runs.end());
    std::sort(cpus.begin(), cpus.end());
    cpu = cpus[2];
    return runs[2];
  };
  double tag_cpu = 0, parse_cpu = 0;
  const double tag_s = median(false, tag_cpu), parse_s = median(true, parse_cpu);
  std::printf("files %zu\ntokens %zu\nmodel load ms %.2f\n", files.size(), tokens, load_ms);
  std::printf("tag tokens/s %.0f (per CPU second %.0f)\n", tokens / tag_s, tokens / tag_cpu);
  std::printf("tag+parse tokens/s %.0f (per CPU second %.0f)\n", tokens / parse_s, tokens / parse_cpu);
  std::printf("parse alone tokens/s per CPU second %.0f\n", tokens / std::max(1e-9, parse_cpu - tag_cpu));
  // Hostile input: one "sentence" of 1,000 and of 10,000 words; linear time
  // means the second costs about ten times the first.
  const char* cycle[] = {"the", "cat", "saw", "12", "dogs", ",", "and"};
  double hostile_ms[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    std::vector<std::string_view> forms;
    for (int i = 0; i < (k == 0 ? 1000 : 10000); ++i) forms.push_back(cycle[i % 7]);
    std::vector<newsan::SyntaxWord> out;
    std::vector<double> runs;
    for (int pass = 0; pass < 5; ++pass) {
      const double c = cpu_now();
      model->parse(forms, out);
      runs.push_back((cpu_now() - c) * 1e3);
    }
    std::sort(runs.begin(), runs.end());
    hostile_ms[k] = runs[2];
  }
  std::printf("hostile sentence CPU ms: 1,000 words %.2f, 10,000 words %.2f (ratio %.1f)\n", hostile_ms[0],
              hostile_ms[1], hostile_ms[1] / std::max(1e-9, hostile_ms[0]));
  return 0;
}

}  // namespace
