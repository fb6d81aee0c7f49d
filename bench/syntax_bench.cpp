// syntax_bench — throughput of the syntax stage on news text, one thread.
//
//   build/bench/syntax_bench [DIR [MAX_FILES]]   (default: ../shared/corpora/bbc-news/bbc, 300 files)
//
// Tokenizes the files once, then times (median of 3 passes) tagging alone
// (SyntaxModel::tag) and tagging + parsing (SyntaxModel::parse) of every
// sentence, and the model's load time. Prints tokens per second.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsan/syntax.h"
#include "newsan/tokenizer.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using clock = std::chrono::steady_clock;
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(NEWSAN_BENCH_SHARED_DIR) / "corpora/bbc-news/bbc";
  const std::size_t max_files = argc > 2 ? std::stoul(argv[2]) : 300;
  if (!fs::is_directory(dir)) {
    std::fprintf(stderr, "syntax_bench: %s: no such directory\n", dir.c_str());
    return 2;
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
  auto model = newsan::SyntaxModel::load(fs::path(NEWSAN_BENCH_DATA_DIR) / "models/syntax.model");
  const double load_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
  auto median = [&](bool parse) {
    std::vector<double> runs;
    std::vector<newsan::SyntaxWord> out;
    for (int pass = 0; pass < 3; ++pass) {
      auto a = clock::now();
      for (const auto& doc : sents)
        for (const auto& forms : doc) parse ? model->parse(forms, out) : model->tag(forms, out);
      runs.push_back(std::chrono::duration<double>(clock::now() - a).count());
    }
    std::sort(runs.begin(), runs.end());
    return runs[1];
  };
  const double tag_s = median(false), parse_s = median(true);
  std::printf("files %zu\ntokens %zu\nmodel load ms %.2f\ntag tokens/s %.0f\ntag+parse tokens/s %.0f\n", files.size(),
              tokens, load_ms, tokens / tag_s, tokens / parse_s);
  return 0;
}
