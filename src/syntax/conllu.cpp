#include "syntax/conllu.h"

#include <fstream>

#include "newsan/error.h"

namespace newsan::syntax {

namespace {

bool parse_int(std::string_view s, long& v) {
  if (s.empty() || s.size() > 9) return false;
  v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  return true;
}

std::vector<std::string_view> columns(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t p = 0;
  for (;;) {
    std::size_t t = line.find('\t', p);
    cols.push_back(line.substr(p, t == std::string_view::npos ? std::string_view::npos : t - p));
    if (t == std::string_view::npos) break;
    p = t + 1;
  }
  return cols;
}

}  // namespace

std::vector<ConlluSentence> read_conllu(std::istream& in, std::string_view origin, bool require_tree) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  std::vector<std::size_t> word_lines;
  std::string line;
  std::size_t n = 0;
  auto fail = [&](std::size_t at, const std::string& what) {
    throw InputError(std::string(origin) + ":" + std::to_string(at) + ": " + what);
  };
  auto finish = [&] {
    if (cur.words.empty()) {
      if (!cur.extra.empty()) fail(cur.line, "a sentence with no words");
      cur = ConlluSentence();
      return;
    }
    const std::size_t m = cur.words.size();
    bool all = true;
    for (std::size_t i = 0; i < m; ++i) {
      const auto& w = cur.words[i];
      if (w.head > static_cast<long>(m))
        fail(word_lines[i], "HEAD " + std::to_string(w.head) + " is outside the sentence of " + std::to_string(m) + " words");
      if (w.head < 0) all = false;
      if (require_tree && (w.head < 0 || w.deprel == "_")) fail(word_lines[i], "HEAD and DEPREL are required here");
    }
    if (all) {
      std::size_t roots = 0;
      // Linear cycle check: walk up from each word, marking the path; meeting
      // the current path again is a cycle.
      std::vector<std::size_t> mark(m, 0);  // 0 unvisited, i + 1 on the walk from i, m + 1 done
      std::vector<std::size_t> path;
      for (std::size_t i = 0; i < m; ++i) {
        if (cur.words[i].head == 0) ++roots;
        path.clear();
        std::size_t j = i;
        for (;;) {
          if (mark[j] == m + 1) break;
          if (mark[j] == i + 1) fail(word_lines[j], "the HEADs of this sentence form a cycle");
          mark[j] = i + 1;
          path.push_back(j);
          if (cur.words[j].head == 0) break;
          j = static_cast<std::size_t>(cur.words[j].head) - 1;
        }
        for (std::size_t p : path) mark[p] = m + 1;
      }
      if (roots != 1 && require_tree)
        fail(cur.line, "sentence has " + std::to_string(roots) + " words with HEAD 0 (a tree has one)");
    }
    out.push_back(std::move(cur));
    cur = ConlluSentence();
    word_lines.clear();
  };
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      finish();
      continue;
    }
    if (cur.words.empty() && cur.comments.empty() && cur.extra.empty()) cur.line = n;
    if (line[0] == '#') {
      if (!cur.words.empty()) fail(n, "a comment inside a sentence (comments come before its first word)");
      cur.comments.push_back(line);
      continue;
    }
    auto cols = columns(line);
    if (cols.size() != 10)
      fail(n, "expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    const std::string_view id = cols[0];
    if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) {
      const std::size_t sep = id.find_first_of("-.");
      long a = 0, b = 0;
      if (!parse_int(id.substr(0, sep), a) || !parse_int(id.substr(sep + 1), b) || a < 0 ||
          (id[sep] == '-' && (b < a || a != static_cast<long>(cur.words.size()) + 1)))
        fail(n, "bad ID '" + std::string(id) + "'");
      cur.extra.emplace_back(cur.words.size(), line);
      continue;
    }
    long k = 0;
    if (!parse_int(id, k) || k != static_cast<long>(cur.words.size()) + 1)
      fail(n, "bad ID '" + std::string(id) + "' (expected " + std::to_string(cur.words.size() + 1) + ")");
    if (cols[1].empty()) fail(n, "empty FORM");
    ConlluWord w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = cols[5];
    w.deprel = cols[7];
    w.deps = cols[8];
    w.misc = cols[9];
    if (cols[6] != "_") {
      long h = 0;
      if (!parse_int(cols[6], h)) fail(n, "bad HEAD '" + std::string(cols[6]) + "'");
      if (h == k) fail(n, "word " + std::to_string(k) + " is its own HEAD");
      w.head = static_cast<int>(h);
    }
    cur.words.push_back(std::move(w));
    word_lines.push_back(n);
  }
  if (in.bad()) fail(n, "read error");
  finish();
  return out;
}

std::vector<ConlluSentence> read_conllu_file(const std::string& path, bool require_tree) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open CoNLL-U file");
  return read_conllu(in, path, require_tree);
}

void write_conllu(const ConlluSentence& s, std::string& out) {
  for (const auto& c : s.comments) out += c + "\n";
  std::size_t e = 0;
  for (std::size_t i = 0; i <= s.words.size(); ++i) {
    while (e < s.extra.size() && s.extra[e].first == i) out += s.extra[e++].second + "\n";
    if (i == s.words.size()) break;
    const ConlluWord& w = s.words[i];
    out += std::to_string(i + 1);
    for (const std::string* c : {&w.form, &w.lemma, &w.upos, &w.xpos, &w.feats}) (out += '\t') += *c;
    out += '\t';
    out += w.head < 0 ? std::string("_") : std::to_string(w.head);
    for (const std::string* c : {&w.deprel, &w.deps, &w.misc}) (out += '\t') += *c;
    out += '\n';
  }
  out += '\n';
}

}  // namespace newsan::syntax
