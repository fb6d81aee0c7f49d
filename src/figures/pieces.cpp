// The figure scanner, part 1: the sentence as pieces (hyphenated words split),
// the tokens a figure may start at, and the per-document driver.
#include "figures/scanner.h"

namespace newsan::figures {

void Scanner::scan(std::size_t sentence) {
  const Sentence& s = tk_.sentences[sentence];
  cands_.clear();
  find_candidates(s);
  if (cands_.empty()) return;
  sentence_ = sentence;
  sent_start_ = s.span.start;
  sent_end_ = s.span.end;
  first_token_ = s.first;
  P.clear();
  lower_.clear();
  lower_.reserve(s.span.size());  // pieces view into it: it must never reallocate
  // Pieces only for windows of tokens around the candidates: a figure reads
  // at most kBack tokens before its number and kAhead after it. Windows are
  // separated by a gap piece that stops every look-back and look-ahead.
  std::size_t t = s.first;
  for (std::size_t k = 0; k < cands_.size();) {
    std::size_t from = std::max(t, cands_[k] >= s.first + kBack ? cands_[k] - kBack : s.first);
    std::size_t to = std::min(s.last, cands_[k] + kAhead);
    while (++k < cands_.size() && cands_[k] < to + kBack) to = std::min(s.last, cands_[k] + kAhead);
    if (from > t && !P.empty()) add_gap();
    for (std::size_t u = from; u < to; ++u) add_token(tk_.tokens[u], u);
    t = to;
  }
  std::size_t i = 0;
  while (i < P.size()) {
    std::size_t next = figure_at(i);
    i = next > i ? next : i + 1;
  }
}

void Scanner::find_candidates(const Sentence& s) {
  for (std::size_t t = s.first; t < s.last; ++t)
    if (candidate(tk_.tokens[t])) cands_.push_back(t);
}

bool Scanner::candidate(const Token& tok) const {
  if (tok.has_digit) return true;
  if (tok.kind != TokenKind::word) return false;
  std::string_view w = tok.text(text_);
  if (is_number_word(w)) return true;
  // Parts of a hyphenated word: "thirty-one", "two-thirds".
  if (w.size() < 4 || w.find('-') == std::string_view::npos) return false;
  std::size_t a = 0;
  for (std::size_t k = 0; k <= w.size(); ++k) {
    if (k < w.size() && w[k] != '-') continue;
    if (is_number_word(w.substr(a, k - a))) return true;
    a = k + 1;
  }
  return false;
}

bool Scanner::is_number_word(std::string_view w) const {
  if (!lx_.number_filter.maybe(w)) return false;
  char buf[WordFilter::kMaxLen];
  for (std::size_t j = 0; j < w.size(); ++j) buf[j] = lex::ascii_lower(w[j]);
  const WordInfo* wi = lx_.info(std::string_view(buf, w.size()));
  return wi && wi->num;
}

void Scanner::add_gap() {
  Piece g;
  g.span = {P.back().span.end, P.back().span.end};
  g.lower = "\x01";
  g.kind = TokenKind::punct;
  g.token = SIZE_MAX;
  g.looked = true;
  P.push_back(g);
}

void Scanner::add_token(const Token& tok, std::size_t index) {
  std::string_view tx = tok.text(text_);
  auto push = [&](std::size_t a, std::size_t b, bool space) {
    Piece p;
    p.span = {a, b};
    std::string_view raw = text_.substr(a, b - a);
    if (std::none_of(raw.begin(), raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      p.lower = raw;  // already lowercase: no copy
    } else {
      std::size_t at = lower_.size();
      lower_.append(raw);
      lex::ascii_lower_in_place(lower_, at);
      p.lower = std::string_view(lower_).substr(at, b - a);
    }
    p.kind = tok.kind;
    p.space_before = space;
    p.cap = text_[a] >= 'A' && text_[a] <= 'Z';
    p.token = index;
    p.digit = tok.has_digit;
    P.push_back(p);
  };
  if (tok.kind == TokenKind::word && tx.find('-') != std::string_view::npos && tx.size() > 1) {
    std::size_t a = 0;
    for (std::size_t k = 0; k <= tx.size(); ++k) {
      if (k == tx.size() || tx[k] == '-') {
        if (k > a) push(tok.span.start + a, tok.span.start + k, a == 0 && tok.space_before);
        if (k < tx.size()) push(tok.span.start + k, tok.span.start + k + 1, k == 0 && tok.space_before);
        a = k + 1;
      }
    }
    return;
  }
  push(tok.span.start, tok.span.end, tok.space_before);
}

Scanner::Buffers& Scanner::buffers() {
  thread_local Buffers b;
  return b;
}

void scan_document(const Lexicon& lx, std::string_view text, const Tokenized& tokens,
                   const std::vector<Span>& blocked, std::vector<Figure>& out) {
  Scanner s(lx, text, tokens, blocked, out);
  for (std::size_t i = 0; i < tokens.sentences.size(); ++i) s.scan(i);
}

}  // namespace newsan::figures
