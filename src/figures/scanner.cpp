// The figure scanner: one pass over the pieces of a sentence.
//
// A figure is read in layers, each a small step over the pieces:
//   core      a numeral ("1,800", "2.5", ".500", "-1.3", "PS8.1bn") or spelled-out
//             number ("one hundred thirty-one", "a dozen", "two-thirds", "thousands of"),
//             with its scale words ("2.5 million", "$3bn")
//   part      core + currency prefix or word + unit + rate ("$5 a month")
//   figure    qualifier before/after, range ("between 10 and 20", "$10 to $15 billion"),
//             what it counts, and the event and direction read from the words around it.
// Numerals are read from the raw text (parse_numeral) rather than token by token,
// because currencies glue to them ("US55,931,000", "AUD1.5m") across token edges.
// Everything that could be a year, a day number, a clock time, a phone number, an
// ordinal or part of a name is checked here and dropped: every figure emitted is a claim.
#include <algorithm>
#include <cmath>

#include "figures/internal.h"

namespace newsan::figures {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
bool ends_with(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && s.substr(s.size() - x.size()) == x;
}
bool is_dash(std::string_view w) { return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94"; }

struct Core {
  bool ok = false;    // a figure core
  bool skip = false;  // not a figure (a year, a time …): consume up to `next`
  Span span;
  std::size_t first = 0;  // piece where the core starts
  std::size_t next = 0;   // piece after it
  std::size_t digits_at = std::string_view::npos;  // byte of the first digit (numerals)
  std::optional<double> value;
  std::optional<double> low, high;  // vague amounts: "thousands of"
  Numeral num;
  bool words = false;   // spelled out
  bool scaled = false;
  double scale = 1;
  bool fraction = false;
  bool is_one = false;  // the word "one"
  std::string unit, unit_kind;  // from a glued suffix ("20km")
  bool sign = false;
};

struct Part {
  Core c;
  std::string currency;
  std::string unit, unit_kind;
  Span span;
  std::size_t next = 0;
};

class Scanner {
 public:
  Scanner(const Lexicon& lx, std::string_view text, const Tokenized& tk,
          const std::vector<Span>& blocked, std::vector<Figure>& out)
      : lx_(lx), text_(text), tk_(tk), blocked_(blocked), out_(out) {}

  void scan(std::size_t sentence) {
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

 private:
  const Lexicon& lx_;
  std::string_view text_;
  const Tokenized& tk_;
  const std::vector<Span>& blocked_;
  std::vector<Figure>& out_;
  std::size_t sentence_ = 0;
  std::size_t sent_start_ = 0, sent_end_ = 0;
  std::size_t last_end_ = 0;  // end of the last figure emitted
  std::size_t first_token_ = 0;
  static constexpr std::size_t kBack = 12, kAhead = 18;
  static thread_local std::vector<std::size_t> cands_;
  // Buffers reused from document to document on this thread (extract() is
  // const and may run on many threads). P is mutable: word information is
  // filled in lazily.
  static thread_local std::vector<Piece> P;
  static thread_local std::string lower_;  // lowercased piece texts of the sentence
  // Tokens where a figure may start: with a digit, or a number word.
  void find_candidates(const Sentence& s) {
    for (std::size_t t = s.first; t < s.last; ++t)
      if (candidate(tk_.tokens[t])) cands_.push_back(t);
  }
  bool candidate(const Token& tok) const {
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
  bool is_number_word(std::string_view w) const {
    if (!lx_.number_filter.maybe(w)) return false;
    char buf[WordFilter::kMaxLen];
    for (std::size_t j = 0; j < w.size(); ++j) buf[j] = lex::ascii_lower(w[j]);
    const WordInfo* wi = lx_.info(std::string_view(buf, w.size()));
    return wi && wi->num;
  }
  void add_gap() {
    Piece g;
    g.span = {P.back().span.end, P.back().span.end};
    g.lower = "\x01";
    g.kind = TokenKind::punct;
    g.token = SIZE_MAX;
    g.looked = true;
    P.push_back(g);
  }
  bool sentence_first(std::size_t i) const { return P[i].token == first_token_; }

  // ---- pieces -------------------------------------------------------------
  void add_token(const Token& tok, std::size_t index) {
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

  std::size_t piece_from(std::size_t byte) const {
    auto it = std::lower_bound(P.begin(), P.end(), byte,
                               [](const Piece& p, std::size_t b) { return p.span.start < b; });
    return static_cast<std::size_t>(it - P.begin());
  }
  bool glued(std::size_t a, std::size_t b) const {  // piece b starts where piece a ends
    return a < P.size() && b < P.size() && P[a].span.end == P[b].span.start;
  }
  bool starts_digit(std::size_t i) const {
    return i < P.size() && is_digit(text_[P[i].span.start]);
  }
  // Word information is looked up on first use: most pieces are never asked.
  const WordInfo& info(std::size_t i) const {
    static const WordInfo kNone;
    Piece& p = P[i];
    if (!p.looked) {
      p.looked = true;
      if (p.lower.size() < 24 && p.kind != TokenKind::number)
        if (const WordInfo* wi = lx_.info(p.lower)) p.info = wi;
    }
    return p.info ? *p.info : kNone;
  }
  bool role(std::size_t i, std::uint32_t r) const { return i < P.size() && (info(i).roles & r); }
  const NumberWord* num(std::size_t i) const { return i < P.size() ? info(i).num : nullptr; }
  bool word(std::size_t i, std::string_view w) const { return i < P.size() && P[i].lower == w; }
  bool is_punct(std::size_t i) const {
    return P[i].kind == TokenKind::punct || (P[i].kind == TokenKind::symbol && P[i].lower != "%");
  }
  const Span* blocker(Span s) const {
    auto it = std::lower_bound(blocked_.begin(), blocked_.end(), s.start,
                               [](const Span& b, std::size_t x) { return b.end <= x; });
    return it != blocked_.end() && it->overlaps(s) ? &*it : nullptr;
  }
  // A word that is part of the figure vocabulary, hence not a name before a number.
  bool known_word(std::size_t i) const { info(i); return P[i].info != nullptr; }
  // Phrase matches, skipped without a hash lookup when the word cannot start one.
  std::size_t unit_at(std::size_t j, const UnitInfo** u) const {
    return j < P.size() && info(j).unit_first ? lx_.units.match(P, j, u) : 0;
  }

  // ---- core ---------------------------------------------------------------
  Core core_at(std::size_t i, bool allow_words = true) const {
    Core c;
    if (i >= P.size()) return c;
    const Piece& p = P[i];
    std::size_t pos = std::string_view::npos;
    if (starts_digit(i)) {
      pos = p.span.start;
    } else if (p.lower == "." && (p.space_before || sentence_first(i)) && glued(i, i + 1) && starts_digit(i + 1)) {
      pos = p.span.start;  // ".500"
    } else if ((p.lower == "-" || p.lower == "+" || p.lower == "\xE2\x88\x92") &&
               (p.space_before || sentence_first(i)) && glued(i, i + 1) && starts_digit(i + 1)) {
      c.sign = true;
      pos = P[i + 1].span.start;
    } else if (p.kind == TokenKind::word) {
      // Letters glued to digits: only a currency prefix ("US55", "AUD1", "PS8").
      std::size_t k = p.span.start;
      while (k < p.span.end && is_alpha(text_[k])) ++k;
      if (k > p.span.start && k < p.span.end && is_digit(text_[k]) && currency_before(k, nullptr))
        pos = k;
    }
    if (pos != std::string_view::npos) return numeric_core(i, pos, c);
    if (allow_words) return word_core(i);
    return c;
  }

  Core numeric_core(std::size_t i, std::size_t pos, Core c) const {
    c.first = i;
    c.digits_at = pos;
    c.num = parse_numeral(text_.substr(pos, sent_end_ - pos));
    if (c.num.length == 0) return Core{};
    c.value = c.num.value;
    std::size_t start = c.sign ? P[i].span.start : pos;
    if (c.sign && c.value && P[i].lower != "+") c.value = -*c.value;
    std::size_t end = pos + c.num.length;
    // Glued suffix: letters (and a trailing 2/3 for m2, km³-like units).
    std::size_t e = end;
    if (text_.substr(e, 2) == "\xCE\xBC" || text_.substr(e, 2) == "\xC2\xB5") e += 2;  // μ µ
    while (e < sent_end_ && is_alpha(text_[e])) ++e;
    if (e > end) while (e < sent_end_ && (text_[e] == '2' || text_[e] == '3')) ++e;
    c.span = {start, e};
    c.next = piece_from(e);
    if (e > end) {
      std::string suf = ascii_lower(text_.substr(end, e - end));
      bool alnum_after = e < sent_end_ && is_alnum(text_[e]);
      if (alnum_after || suf == "st" || suf == "nd" || suf == "rd" || suf == "th" || suf == "s" ||
          (lx_.roles_of(suf) & role::time)) {
        c.skip = true;  // "9AB8", "3rd", "1990s", "5am"
        return c;
      }
      if (text_.substr(end, e - end) == "G") suf = "G";  // "5G": a generation, not grams
      const NumberWord* nw = lx_.number(suf);
      const UnitInfo* u = nullptr;
      int more = lx_.units.match_after(suf, P, c.next, &u);
      bool money = currency_before(pos, nullptr) != nullptr;
      if (nw && (nw->cls == NumClass::suffix || nw->cls == NumClass::scale) &&
          !(suf == "m" && !money && metre_context(c.next))) {
        c.scale = nw->value;
        c.scaled = true;
        if (c.value) *c.value *= nw->value;
      } else if (more >= 0) {
        c.unit = u->norm;
        c.unit_kind = u->kind;
        if (more > 0) {
          c.next += static_cast<std::size_t>(more);
          c.span.end = P[c.next - 1].span.end;
        }
      } else if (e - end <= 3) {
        c.unit = std::string(text_.substr(end, e - end));  // "5G": kept as written
        c.unit_kind = "measure";
      } else {
        c.skip = true;
        return c;
      }
    } else {
      // "3/4": a fraction (a third number "9/11/2001" makes it a date).
      std::size_t j = c.next;
      if (word(j, "/") && glued(j - 1, j) && glued(j, j + 1) && starts_digit(j + 1)) {
        Numeral d = parse_numeral(text_.substr(P[j + 1].span.start, sent_end_ - P[j + 1].span.start));
        std::size_t dend = P[j + 1].span.start + d.length;
        if (dend < sent_end_ && (text_[dend] == '/' || is_alpha(text_[dend]))) {
          c.skip = true;
          c.next = piece_from(dend + 1);
          return c;
        }
        // A written fraction is proper with a small denominator ("3/4", "1/3"); "24/7" and
        // "9/11" are not fractions, and not figures.
        bool proper = d.value && c.value && *c.value < *d.value && !d.fractional && !c.num.fractional &&
                      (*d.value <= 10 || *d.value == 12 || *d.value == 16 || *d.value == 32 ||
                       *d.value == 64 || *d.value == 100);
        if (!proper) {
          c.skip = true;
          c.next = piece_from(dend);
          return c;
        }
        c.value = *c.value / *d.value;
        c.fraction = true;
        c.span.end = dend;
        c.next = piece_from(dend);
      }
    }
    c.ok = true;
    scale_words(c);
    scientific(c);
    // "1 in 5 people"
    if (c.value && *c.value == 1 && !c.scaled && !c.fraction && word(c.next, "in") && starts_digit(c.next + 1)) {
      Numeral d = parse_numeral(text_.substr(P[c.next + 1].span.start, sent_end_ - P[c.next + 1].span.start));
      if (d.value && *d.value > 1 && !d.fractional && P[c.next + 1].span.start + d.length == P[c.next + 1].span.end) {
        c.value = 1 / *d.value;
        c.fraction = true;
        c.span.end = P[c.next + 1].span.end;
        c.next += 2;
      }
    }
    return c;
  }

  // "1.99×10−30", "2.998 x 10^8": a mantissa times a power of ten.
  void scientific(Core& c) const {
    std::size_t j = c.next;
    if (!c.value || !(word(j, "\xC3\x97") || word(j, "x")) || !word(j + 1, "10")) return;
    std::size_t k = P[j + 1].span.end;
    if (k < sent_end_ && text_[k] == '^') ++k;
    bool neg = false;
    if (text_.substr(k, 3) == "\xE2\x88\x92") neg = true, k += 3;
    else if (k < sent_end_ && (text_[k] == '-' || text_[k] == '+')) neg = text_[k] == '-', ++k;
    std::size_t e = k;
    int exp = 0;
    while (e < sent_end_ && is_digit(text_[e]) && e - k < 4) exp = exp * 10 + (text_[e++] - '0');
    if (e == k) return;
    c.value = *c.value * std::pow(10.0, neg ? -exp : exp);
    c.span.end = e;
    c.next = piece_from(e);
  }

  // "m" glued to a number without a currency: a million before "of", a unit, a
  // currency word or a plural noun ("35m of", "12.3m tonnes", "14m customers");
  // otherwise a metre ("the 800m title", "37m (121ft)", "race 30m to score").
  bool metre_context(std::size_t j) const {
    if (j >= P.size()) return true;
    if (role(j, role::of) || info(j).unit_first || info(j).currency_first) return false;
    std::string_view w = P[j].lower;
    bool plural = P[j].kind == TokenKind::word && !P[j].cap && w.size() > 2 && w.back() == 's' &&
                  w[w.size() - 2] != 's';
    return !plural && w != "people";
  }

  void scale_words(Core& c) const {
    while (c.next < P.size()) {
      const Piece& p = P[c.next];
      const NumberWord* nw = num(c.next);
      if (!nw) break;
      bool ok = nw->cls == NumClass::scale || nw->cls == NumClass::hundred ||
                (nw->cls == NumClass::suffix && p.lower != "m" && (p.lower != "b" || p.cap));
      if (!ok) break;
      c.scale *= nw->value;
      c.scaled = true;
      if (c.value) *c.value *= nw->value;
      c.span.end = p.span.end;
      ++c.next;
    }
    // "two and a half": + 0.5
    if (!c.scaled && word(c.next, "and") && role(c.next + 1, role::a) && word(c.next + 2, "half") && c.value) {
      *c.value += 0.5;
      c.span.end = P[c.next + 2].span.end;
      c.next += 3;
    }
  }

  Core word_core(std::size_t i) const {
    Core c;
    c.first = i;
    c.words = true;
    const Piece& p = P[i];
    const NumberWord* nw = num(i);
    bool a_start = role(i, role::a) && i + 1 < P.size() && num(i + 1) &&
                   (num(i + 1)->cls == NumClass::hundred ||
                    num(i + 1)->cls == NumClass::scale ||
                    num(i + 1)->cls == NumClass::dozen);
    // "a quarter of", "a third of"
    if (role(i, role::a) && num(i + 1) && num(i + 1)->cls == NumClass::fraction && role(i + 2, role::of) &&
        !glued(i + 1, i + 2)) {
      c.ok = true;
      c.fraction = true;
      c.value = 1 / num(i + 1)->value;
      c.span = {p.span.start, P[i + 1].span.end};
      c.next = i + 2;
      return c;
    }
    if (!nw && !a_start) return c;
    // A capitalized number word inside a sentence is part of a name ("Apple One", "Kick Six").
    if (p.cap && !sentence_first(i) && i > 0 && !P[i - 1].lower.empty() && P[i - 1].lower != "\"" && P[i - 1].lower != ":")
      return c;
    if (nw && nw->cls == NumClass::vague) {
      // "thousands of", "tens of thousands of", "hundreds of millions of"
      if (!role(i + 1, role::of)) return c;
      double low = nw->value, high = nw->value * (nw->value == 12 ? 12 : 10);
      std::size_t j = i + 1;
      const NumberWord* nw2 = j + 1 < P.size() ? num(j + 1) : nullptr;
      if (nw2 && nw2->cls == NumClass::vague && nw2->value > nw->value) {
        low = nw->value * nw2->value;
        high = low * 10;
        j += 2;
      }
      c.ok = true;
      c.low = low;
      c.high = high;
      c.span = {p.span.start, P[j - 1].span.end};
      c.next = j;
      return c;
    }
    if (nw && nw->cls == NumClass::fraction) {
      // A lone "half" counts only as "half the …", "half of …".
      if (p.lower != "half" || (i > 0 && glued(i - 1, i) && P[i - 1].lower == "-")) return c;
      if (i + 1 >= P.size() || glued(i, i + 1)) return c;
      if (!role(i + 1, role::of) && !role(i + 1, role::det) && !role(i + 1, role::a)) return c;
      c.ok = true;
      c.fraction = true;
      c.value = 0.5;
      c.span = p.span;
      c.next = i + 1;
      return c;
    }
    double total = 0, cur = 0;
    bool any = false;
    NumClass last = NumClass::digit;
    std::size_t j = i;
    if (a_start) {
      cur = 1;
      any = true;
      last = NumClass::digit;
      j = i + 1;
    }
    std::size_t end_piece = i;
    while (j < P.size()) {
      std::string_view w = P[j].lower;
      if (w == "-" && any && glued(j - 1, j) && glued(j, j + 1) && num(j + 1)) {
        ++j;
        continue;
      }
      if (role(j, role::half_and) && any && (last == NumClass::hundred || last == NumClass::scale) &&
          j + 1 < P.size() && num(j + 1) &&
          num(j + 1)->cls <= NumClass::tens) {
        ++j;
        continue;
      }
      const NumberWord* n = num(j);
      if (!n) break;
      bool took = true;
      switch (n->cls) {
        case NumClass::digit:
          if (any && !(last == NumClass::tens || last == NumClass::hundred || last == NumClass::scale)) took = false;
          else cur += n->value;
          break;
        case NumClass::teen:
        case NumClass::tens:
          if (any && !(last == NumClass::hundred || last == NumClass::scale)) took = false;
          else cur += n->value;
          break;
        case NumClass::hundred:
          if (!any) took = false;
          else cur = std::max(cur, 1.0) * 100;
          break;
        case NumClass::scale:
          if (!any) took = false;
          else total += std::max(cur, 1.0) * n->value, cur = 0;
          break;
        case NumClass::dozen:
          if (!any) took = false;
          else cur = std::max(cur, 1.0) * 12;
          break;
        case NumClass::fraction:
          // "two-thirds", "one fourth of", "three quarters of" — but "the first two quarters"
          // counts quarters: a fraction is hyphenated or followed by "of" or a determiner.
          if (any && total == 0 && cur > 0 && last <= NumClass::tens && !a_start &&
              ((j > 0 && word(j - 1, "-") && glued(j - 1, j)) || role(j + 1, role::of) ||
               role(j + 1, role::det) || role(j + 1, role::a))) {
            c.fraction = true;
            cur = cur / n->value;
          } else {
            took = false;
          }
          break;
        default:
          took = false;
      }
      if (!took) break;
      any = true;
      last = n->cls;
      end_piece = j;
      ++j;
      if (c.fraction) break;
    }
    if (!any || (a_start && end_piece == i)) return c;
    double value = total + cur;
    c.is_one = end_piece == i && p.lower == "one";
    // "one" as a number, not as in "no one", "one another", "one 52,000-barrel refinery".
    if (c.is_one) {
      if ((i > 0 && P[i - 1].lower == "no") || word(i + 1, "another") || starts_digit(i + 1)) return c;
    }
    // "six-speed", "one-time": a hyphenated compound, unless a unit follows ("three-year").
    if (word(j, "-") && glued(j - 1, j) && glued(j, j + 1)) {
      const UnitInfo* u = nullptr;
      if (!unit_at(j + 1, &u)) {
        c.skip = true;
        c.next = j + 2;
        return c;
      }
    }
    c.ok = true;
    c.value = value;
    c.span = {P[i].span.start, P[end_piece].span.end};
    c.next = end_piece + 1;
    // "two and a half"
    if (!c.fraction && word(c.next, "and") && role(c.next + 1, role::a) && word(c.next + 2, "half")) {
      *c.value += 0.5;
      c.span.end = P[c.next + 2].span.end;
      c.next += 3;
    }
    // "one out of three", "one in four"
    bool out_of = word(c.next, "out") && role(c.next + 1, role::of);
    bool one_in = value == 1 && word(c.next, "in") && c.next + 1 < P.size() &&
                  (starts_digit(c.next + 1) || num(c.next + 1));
    if (out_of || one_in) {
      Core d = core_at(c.next + (out_of ? 2 : 1));
      if (d.ok && d.value && *d.value != 0 && !d.low) {
        c.value = *c.value / *d.value;
        c.fraction = true;
        c.span.end = d.span.end;
        c.next = d.next;
      }
    }
    return c;
  }

  // ---- currency -------------------------------------------------------------
  // Currency prefix ending right before byte `pos` (a space between allowed for
  // symbols and codes of three letters); sets `start` to where it begins.
  const CurrencyPrefix* currency_before(std::size_t pos, std::size_t* start) const {
    if (pos <= sent_start_) return nullptr;
    unsigned char last = static_cast<unsigned char>(text_[pos - 1]);
    if (last == ' ' && pos - 1 > sent_start_) last = static_cast<unsigned char>(text_[pos - 2]);
    if (!lx_.currency_last_byte[last]) return nullptr;
    for (const CurrencyPrefix& cp : lx_.currency_prefixes) {
      const std::string& s = cp.surface;
      std::size_t L = s.size();
      bool letters = std::all_of(s.begin(), s.end(), [](char ch) { return is_alpha(ch) || ch == '.'; });
      std::size_t at = std::string_view::npos;
      if (pos >= sent_start_ + L && text_.compare(pos - L, L, s) == 0) {
        at = pos - L;
      } else if ((!letters || L >= 3) && pos >= sent_start_ + L + 1 && text_[pos - 1] == ' ' &&
                 text_.compare(pos - L - 1, L, s) == 0) {
        at = pos - L - 1;
      }
      if (at == std::string_view::npos) continue;
      if (is_alpha(s[0]) && at > sent_start_ && is_alnum(text_[at - 1])) continue;
      if (start) *start = at;
      return &cp;
    }
    return nullptr;
  }

  // ---- part: core + currency + unit + rate -----------------------------------
  Part part_at(std::size_t i) const {
    Part pt;
    pt.c = core_at(i);
    if (!pt.c.ok && !pt.c.skip && i < P.size() && P[i].kind != TokenKind::number) {
      // A currency symbol piece before the numeral: "$" "10", "HK" "$" "5.4m".
      for (std::size_t k = i + 1; k <= i + 2 && k < P.size(); ++k) {
        Core c = core_at(k, false);
        std::size_t at = 0;
        if (c.ok && c.digits_at != std::string_view::npos && !c.sign &&
            currency_before(c.digits_at, &at) && at <= P[i].span.start) {
          pt.c = c;
          break;
        }
      }
    }
    if (!pt.c.ok) return pt;
    Core& c = pt.c;
    pt.span = c.span;
    pt.unit = c.unit;
    pt.unit_kind = c.unit_kind;
    if (c.digits_at != std::string_view::npos && !c.sign) {
      std::size_t at = 0;
      if (const CurrencyPrefix* cp = currency_before(c.digits_at, &at)) {
        pt.currency = cp->code;
        pt.span.start = std::min(pt.span.start, at);
      }
    }
    std::size_t j = c.next;
    if (pt.unit.empty() && pt.currency.empty() && !c.low) {
      const UnitInfo* u = nullptr;
      std::size_t n = 0;
      if (word(j, "-") && glued(j - 1, j) && glued(j, j + 1)) {
        n = unit_at(j + 1, &u);
        if (n) n += 1;
      } else {
        n = unit_at(j, &u);
        // Spaced one-letter units are too often something else ("5 s", role::a).
        if (n == 1 && P[j].lower.size() == 1 && P[j].lower != "%" && P[j].lower != "m" &&
            P[j].lower != "g" && P[j].lower != "x")
          n = 0;
      }
      if (n) {
        pt.unit = u->norm;
        pt.unit_kind = u->kind;
        j += n;
      } else if (pt.currency.empty()) {
        const std::string* code = nullptr;
        if (std::size_t m = j < P.size() && info(j).currency_first ? lx_.currency_words.match(P, j, &code) : 0) {
          pt.currency = *code;
          j += m;
        }
      }
    }
    // Rate: "$5 a month", "52,000 barrel-a-day", "20 per week".
    {
      std::size_t k = j;
      while (word(k, "-")) ++k;
      if (role(k, role::rate) && k + 1 < P.size()) {
        std::size_t m = k + 1;
        while (word(m, "-")) ++m;
        const UnitInfo* u = nullptr;
        std::size_t n = unit_at(m, &u);
        std::string per;
        bool relative = m + n < P.size() && (P[m + n].lower == "earlier" || P[m + n].lower == "ago" ||
                                             P[m + n].lower == "later" || P[m + n].lower == "before");
        if (n && u->kind == "duration" && !relative) {  // "a year earlier" is a time, not a rate
          per = u->norm;
        } else if ((P[k].lower == "per" || P[k].lower == "each") && m < P.size() &&
                   P[m].kind == TokenKind::word && !role(m, role::np_stop) && !P[m].cap) {
          per = P[m].lower;
          n = 1;
        }
        if (!per.empty()) {
          std::string base = !pt.currency.empty() ? pt.currency : pt.unit;
          pt.unit = base.empty() ? "per " + per : base + " per " + per;
          if (pt.unit_kind.empty()) pt.unit_kind = pt.currency.empty() ? "rate" : "";
          j = m + n;
        }
      }
    }
    if (j > c.next) pt.span.end = P[j - 1].span.end;
    pt.next = j;
    return pt;
  }

  // ---- non-figures ------------------------------------------------------------
  // True when the numeral of `pt` is a year, day, time, phone number or name part.
  bool not_a_figure(const Part& pt, std::size_t* skip_to, bool range_end = false) const {
    const Core& c = pt.c;
    *skip_to = c.next;
    if (c.words) return false;
    const Numeral& n = c.num;
    std::size_t i = c.first;
    std::size_t before = c.sign ? i : i;  // piece index of the numeral start
    bool integer = !n.fractional && !n.grouped && !n.exponent && !c.scaled && c.value;
    bool bare = pt.currency.empty() && pt.unit.empty() && !c.scaled;
    // Clock times and scores written with a colon: "9:35", "1:36.6".
    if (word(c.next, ":") && glued(c.next - 1, c.next) && starts_digit(c.next + 1) && glued(c.next, c.next + 1)) {
      std::size_t k = c.next + 1;
      while (k + 1 < P.size() && (word(k + 1, ":") || word(k + 1, ".")) && glued(k, k + 1) && starts_digit(k + 2)) k += 2;
      *skip_to = k + 1;
      return true;
    }
    if (bare) {
      // "2 p.m.", "5 am", "0401 GMT"
      std::size_t k = c.span.end;
      while (k < sent_end_ && text_[k] == ' ') ++k;
      std::string_view rest = text_.substr(k, std::min<std::size_t>(5, sent_end_ - k));
      std::string r = ascii_lower(rest);
      for (std::string_view t : {"a.m", "p.m", "am", "pm"}) {
        if (r.compare(0, t.size(), t) == 0 && (r.size() == t.size() || !is_alpha(r[t.size()]))) {
          *skip_to = piece_from(k + t.size());
          return true;
        }
      }
      if (role(c.next, role::time)) return true;
    }
    if (n.leading_zero && !n.fractional) return true;
    // A bare number alone in brackets: a minute, a reference, an age in a list ("Hart (57)").
    if (bare && integer && c.first > 0 && word(c.first - 1, "(") && word(c.next, ")")) return true;
    // Days and years next to a month: "February 11", "9 May", "Mar 9 2018".
    if (integer && (role(before - 1, role::month) || role(c.next, role::month) ||
                    (before >= 2 && role(before - 2, role::month) && is_punct(before - 1))))
      return true;
    // Names and identifiers: "Model 3", "S&P 500", "Game 2", "No. 5", "COVID-19".
    if (bare && !c.sign && before > 0) {
      const Piece& b = P[before - 1];
      if (role(before - 1, role::id_before)) return true;
      if (b.kind == TokenKind::word && b.cap && !sentence_first(before - 1) && !known_word(before - 1)) return true;
      if ((b.lower == "-" || b.lower == ".") && glued(before - 1, before) && before >= 2 &&
          glued(before - 2, before - 1) && P[before - 2].kind == TokenKind::word &&
          !info(before - 2).qual_before_any)
        return true;  // "COVID-19", "V-6", "ID.3"
      // Model numbers: "the 787 Dreamliner", "a 737 Max" (but "440 Britons", "5 NBA teams" count).
      if (integer && n.int_digits == 3 && c.next < P.size() && P[c.next].kind == TokenKind::word &&
          P[c.next].cap && !tk_.tokens[P[c.next].token].all_caps && !ends_with(P[c.next].lower, "s") &&
          !known_word(c.next))
        return true;
      // Street addresses: "49 Zorro Ranch Road", "22 Ave Foch".
      for (std::size_t k = c.next; k < P.size() && k < c.next + 4 && P[k].cap; ++k)
        if (role(k, role::street)) return true;
      if (!range_end && (b.lower == "-" || b.lower == "/" || b.lower == ".") && glued(before - 1, before) &&
          before >= 2 && glued(before - 2, before - 1) && starts_digit(before - 2))
        return true;  // the tail of "555-123-4567", "9/11", "1.2.3"
    }
    // Phone numbers and codes: three or more bare digit groups in a row ("+44 20 7946 0958").
    if (integer && bare && starts_digit(c.next) && !glued(c.next - 1, c.next) && starts_digit(c.next + 1) &&
        !glued(c.next, c.next + 1)) {
      std::size_t k = c.next;
      while (k < P.size() && starts_digit(k)) ++k;
      *skip_to = k;
      return true;
    }
    // Phone numbers: three digit groups joined by hyphens or dots.
    if (integer && n.int_digits >= 3 && c.unit.empty()) {
      std::size_t k = c.next;
      if (k + 3 < P.size() && (word(k, "-") || word(k, ".")) && glued(k - 1, k) && glued(k, k + 1) &&
          starts_digit(k + 1) && P[k + 2].lower == P[k].lower && glued(k + 1, k + 2) && starts_digit(k + 3)) {
        *skip_to = k + 4;
        return true;
      }
    }
    return false;
  }

  // A 4-digit number that reads as a year ("in 2018", "the 1995 proposal").
  bool year_like(const Part& pt, bool plural_count) const {
    const Core& c = pt.c;
    if (c.words || !c.value || c.num.fractional || c.num.grouped || c.scaled || c.num.int_digits != 4)
      return false;
    if (!pt.currency.empty() || !pt.unit.empty() || c.sign) return false;
    return *c.value >= 1000 && *c.value <= 2100 && !plural_count;
  }

  // ---- what is counted -----------------------------------------------------------
  struct NP {
    std::size_t first = 0, last = 0;  // pieces [first, last]
    bool found = false;
  };
  NP counted_at(std::size_t j, bool after_of) const {
    NP np;
    if (after_of) {
      if (!role(j, role::of)) return np;
      ++j;
      while (role(j, role::det)) ++j;
    }
    // Leading "other", "more" … and adverbs ("20 decently sized plants") are not what is counted.
    while (j + 1 < P.size() && P[j + 1].kind == TokenKind::word &&
           (role(j, role::np_skip) || (ends_with(P[j].lower, "ly") && P[j].lower.size() > 4)))
      ++j;
    std::size_t words = 0;
    std::size_t k = j;
    while (k < P.size() && words < 4) {
      const Piece& p = P[k];
      if (p.kind != TokenKind::word) break;
      std::string_view w = p.lower;
      if (role(k, role::np_stop) || role(k, role::aux) || std::any_of(w.begin(), w.end(), is_digit)) break;
      if (w.front() == '\'' || w.substr(0, 3) == "\xE2\x80\x99") break;  // "'s", "’s"
      if (words > 0) {
        if (ends_with(w, "ly") || ends_with(w, "ed") || ends_with(w, "ing")) break;
        if (info(k).event && !ends_with(w, "s")) break;
        if (p.cap && !P[k - 1].cap && !ends_with(w, "s")) break;  // "8 straight World Cups" goes on
        // After a plural noun, a word is its verb: "1,800 families echo".
        std::string_view prev = P[k - 1].lower;
        if (ends_with(prev, "s") && !ends_with(prev, "ss") && !ends_with(prev, "us") && !P[k - 1].cap) break;
      } else {
        bool verb = info(k).event && !ends_with(w, "s");
        bool participle = ends_with(w, "ed") || (ends_with(w, "ing") && !p.cap);
        bool noun_follows = k + 1 < P.size() && P[k + 1].kind == TokenKind::word && !P[k + 1].cap &&
                            !role(k + 1, role::np_stop) && !role(k + 1, role::aux);
        if (verb || (participle && !noun_follows)) break;
      }
      // A hyphenated word is one word: "coal-fired", "year-old".
      std::size_t e = k;
      while (e + 2 < P.size() && word(e + 1, "-") && glued(e, e + 1) && glued(e + 1, e + 2)) e += 2;
      if (!np.found) np.first = k;
      np.found = true;
      np.last = e;
      ++words;
      k = e + 1;
    }
    return np;
  }

  // ---- events ------------------------------------------------------------------
  void read_event(Figure& f, std::size_t start_piece, std::size_t after_piece) const {
    // A level after "to"/"from" has no direction, but a range "from X to Y" does.
    bool range = f.low.has_value();
    bool block_dir = start_piece > 0 && ((!range && role(start_piece - 1, role::range_from)) || word(start_piece - 1, "to"));
    for (std::size_t steps = 0, k = start_piece; k > 0 && steps < 6; ++steps) {
      --k;
      const Piece& p = P[k];
      if (p.span.end <= last_end_ && last_end_ > sent_start_) break;
      if (is_punct(k) && p.lower != "-") break;
      if (word(k, "to") || (!range && role(k, role::range_from)) || role(k, role::of)) block_dir = true;
      if (!info(k).event) continue;
      const EventWord& ev = *info(k).event;
      if (ev.lemma.empty()) {
        if (steps == 0 && f.direction == Direction::none && !block_dir) f.direction = ev.dir;
        continue;
      }
      f.event = ev.lemma;
      f.event_class = ev.cls;
      f.event_span = p.span;
      if (ev.dir != Direction::none && steps <= 2 && !block_dir && f.direction == Direction::none)
        f.direction = ev.dir;
      return;
    }
    // A verb after what is counted: "1,800 detainees remain imprisoned", "2 were killed".
    std::size_t k = after_piece;
    for (std::size_t steps = 0; k < P.size() && steps < 4; ++steps, ++k) {
      const Piece& p = P[k];
      if (p.kind != TokenKind::word) break;
      const EventWord* ev = info(k).event;
      if (ev && !ev->lemma.empty() && ev->dir == Direction::none) {
        f.event = ev->lemma;
        f.event_class = ev->cls;
        f.event_span = p.span;
        return;
      }
      if (!role(k, role::aux) && !ends_with(p.lower, "ly")) break;
    }
  }

  // ---- the figure ----------------------------------------------------------------
  // Cheap test before the full parse: can a figure start at piece i?
  bool may_start(std::size_t i) const {
    const Piece& p = P[i];
    char c = text_[p.span.start];
    if (is_digit(c)) return true;
    if (p.kind == TokenKind::word) {
      std::size_t n = p.lower.size();
      if (p.digit && n > 1) return true;
      bool maybe = n == 1 || (n == 2 && p.lower == "an") || lx_.number_filter.maybe(p.lower);
      if (!maybe) return false;
      if (num(i)) return true;
      // "a"/"an" starts a figure only before "hundred", "million", "dozen" …
      return role(i, role::a) && num(i + 1) &&
             (num(i + 1)->cls == NumClass::hundred || num(i + 1)->cls == NumClass::scale ||
              num(i + 1)->cls == NumClass::dozen || num(i + 1)->cls == NumClass::fraction);
    }
    return (c == '.' || c == '-' || c == '+' || p.lower == "\xE2\x88\x92") && starts_digit(i + 1);
  }

  std::size_t figure_at(std::size_t i) {
    if (!may_start(i)) return i + 1;
    Part a = part_at(i);
    if (a.c.skip) return a.c.next;
    if (!a.c.ok) return i + 1;
    std::size_t skip_to = 0;
    // A date that is just this 4-digit number is the date extractor's reading of a
    // year; a unit or a range with a unit after it ("2000 - 2500 Calories") overrides it.
    const Span* date = blocker(a.c.span);
    bool bare_year = date && *date == a.c.span && a.c.num.int_digits == 4 && !a.c.num.grouped &&
                     !a.c.num.fractional && a.c.unit.empty() && !a.c.scaled;
    if ((date && !bare_year) || not_a_figure(a, &skip_to)) return std::max(skip_to, i + 1);

    Figure f;
    f.sentence = sentence_;
    f.span = a.span;
    f.value = a.c.value;
    f.low = a.c.low;
    f.high = a.c.high;
    if (a.c.low) f.qualifier = Qualifier::range;
    std::string unit = a.unit, kind = a.unit_kind;
    if (!a.currency.empty()) unit = a.currency, kind = kind.empty() ? "money" : kind;
    if (!a.currency.empty() && a.unit.find(" per ") != std::string::npos) unit = a.unit;

    // Qualifier before: "about", "more than", "sub-".
    std::size_t start_piece = piece_from(f.span.start);
    if (start_piece > 0) {
      const QualifierInfo* q = nullptr;
      if (std::size_t n = info(start_piece - 1).qual_before_last ? lx_.qual_before.match_ending(P, start_piece - 1, &q) : 0) {
        std::size_t qs = start_piece - n;
        // "over" and "under" as prepositions of place stay out: they need the number right after.
        f.qualifier = q->q;
        f.span.start = P[qs].span.start;
        start_piece = qs;
      }
    }
    bool between = start_piece > 0 && role(start_piece - 1, role::range_between);
    bool from = start_piece > 0 && role(start_piece - 1, role::range_from);
    bool aged = start_piece > 0 && role(start_piece - 1, role::age);
    if (aged && unit.empty()) unit = "years of age", kind = "age";
    // "Anil Ambani, 45, has …", "his wife, 43,": an age in commas after a person.
    if (unit.empty() && !a.c.words && f.value && *f.value >= 1 && *f.value <= 120 && !a.c.num.fractional &&
        start_piece >= 2 && word(start_piece - 1, ",") &&
        P[start_piece - 2].kind == TokenKind::word && word(a.next, ","))
      unit = "years of age", kind = "age";

    std::size_t j = a.next;
    // Range: "10 to 20", "between 10 and 20", "10-20", "$10 to $15 billion".
    if (j < P.size() && !a.c.low) {
      std::string_view w = P[j].lower;
      bool dash = is_dash(w) && (glued(j - 1, j) == glued(j, j + 1));
      bool conn = dash || role(j, role::range_to) || (between && role(j, role::range_and));
      if (conn && !dash && is_dash(w)) conn = false;
      std::size_t cj = j;  // the connector
      if (!conn && from) {
        // "from $36,040 at 10.45pm last night to $34,935": words and times between.
        for (std::size_t k = j; k < P.size() && k < j + 8; ++k) {
          if (word(k, "to")) {
            conn = true;
            cj = k;
            break;
          }
          bool in_date = blocker(P[k].span) != nullptr ||
                         (starts_digit(k) && (ends_with(P[k].lower, "am") || ends_with(P[k].lower, "pm")));
          if (!in_date && (is_punct(k) || starts_digit(k) || P[k].kind != TokenKind::word)) break;
        }
      }
      if (conn) {
        Part b = part_at(cj + 1);
        if (b.c.ok && !b.c.low && b.c.value && a.c.value) {
          std::string bu = !b.currency.empty() ? b.currency : b.unit;
          bool bare_pair = unit.empty() && bu.empty();
          bool compatible = unit == bu || (unit.empty() && !bu.empty()) ||
                            (!unit.empty() && bu.empty() && (from || between || dash || aged));
          if (dash && bare_pair && !a.c.words && !b.c.words && *a.c.value >= *b.c.value)
            return b.next;  // a score or an identifier: "2-2", "7-1", "555-1234"
          std::size_t skip_b = 0;
          // Written ranges go up ("10 to 20"); "52% to 48%" is a split, "from 2,415 to 2,315" a fall.
          bool ascending = *a.c.value <= *b.c.value || (!a.c.scaled && b.c.scaled);
          // "climbed $2.50 to $75.30": a change, then the level it reached.
          bool change_then_level = !dash && !from && !between && start_piece > 0 &&
                                   info(start_piece - 1).event &&
                                   info(start_piece - 1).event->dir != Direction::none;
          if (compatible && !change_then_level && (ascending || dash || from || between) &&
              !not_a_figure(b, &skip_b, true) &&
              !(dash && bare_pair && year_like(a, false))) {
            double lo = *a.c.value, hi = *b.c.value;
            if (!a.c.scaled && b.c.scaled && lo * b.c.scale <= hi * (1 + 1e-9)) lo *= b.c.scale;
            if (unit.empty()) {
              unit = bu;
              kind = !b.currency.empty() ? "money" : b.unit_kind;
            } else if (b.unit.compare(0, unit.size() + 5, unit + " per ") == 0) {
              unit = b.unit;  // "$62 and $68 per share"
            }
            f.low = std::min(lo, hi);
            f.high = std::max(lo, hi);
            f.value.reset();
            if (f.qualifier == Qualifier::exact) f.qualifier = Qualifier::range;
            f.span.end = b.span.end;
            j = b.next;
          }
        }
      }
    }
    // "eight or nine euros", "7- or 8-inch": the unit of the next number applies.
    if (unit.empty() && !f.low) {
      std::size_t k = j;
      if (word(k, "-") && glued(k - 1, k)) ++k;
      if (role(k, role::or_)) {
        Part b = part_at(k + 1);
        if (b.c.ok && (!b.currency.empty() || !b.unit.empty())) {
          unit = !b.currency.empty() ? b.currency : b.unit;
          kind = !b.currency.empty() ? "money" : b.unit_kind;
          if (!a.c.scaled && b.c.scaled && f.value) *f.value *= b.c.scale;
        }
      }
    }
    // Qualifier after: "or more", "or so", "100+".
    {
      const QualifierInfo* q = nullptr;
      if (std::size_t n = j < P.size() && info(j).qual_after_first ? lx_.qual_after.match(P, j, &q) : 0) {
        bool symbol = P[j].kind == TokenKind::symbol;
        if (!symbol || glued(j - 1, j)) {
          if (f.qualifier == Qualifier::exact) f.qualifier = q->q;
          f.span.end = P[j + n - 1].span.end;
          j += n;
        }
      }
    }
    // What is counted.
    NP np;
    bool count = unit.empty() && kind.empty();
    if (count && !a.c.fraction) {
      np = counted_at(j, false);
      if (!np.found && (a.c.is_one || a.c.low || a.c.scaled)) np = counted_at(j, true);
    } else if (kind == "percent" || a.c.fraction || kind == "measure" || kind == "age" || kind == "multiple") {
      np = counted_at(j, true);
      if (!np.found && (kind == "age" || a.c.fraction)) np = counted_at(j, false);
    }
    bool plural = false;
    if (np.found) {
      f.counted_span = Span{P[np.first].span.start, P[np.last].span.end};
      f.counted = std::string(f.counted_span->in(text_));
      std::string head(P[np.last].lower);
      plural = ends_with(head, "s") && !ends_with(head, "ss") && !P[np.first].cap;
      if (count) {
        unit = head;
        kind = "count";
      }
    }
    if ((year_like(a, plural) || (bare_year && (unit.empty() || kind == "count"))) && !f.low) return j;
    if (kind.empty()) kind = a.c.fraction ? "fraction" : "number";
    f.unit = unit;
    f.kind = kind;
    if (f.value && *f.value < 0 && (kind == "percent" || kind == "percent-point")) f.direction = Direction::down;
    if (a.c.sign && P[a.c.first].lower == "+" && kind.find("percent") == 0) f.direction = Direction::up;
    read_event(f, start_piece, np.found ? np.last + 1 : j);
    // "lost 190 points, or 0.6%": the restatement moves the same way.
    if (f.direction == Direction::none && f.qualifier == Qualifier::exact && start_piece >= 2 &&
        role(start_piece - 1, role::or_) && word(start_piece - 2, ",") && !out_.empty() &&
        out_.back().sentence == sentence_ && out_.back().span.end <= P[start_piece - 2].span.start)
      f.direction = out_.back().direction;
    last_end_ = f.span.end;
    out_.push_back(std::move(f));
    return j;
  }
};

thread_local std::vector<Piece> Scanner::P;
thread_local std::string Scanner::lower_;
thread_local std::vector<std::size_t> Scanner::cands_;

}  // namespace

void scan_document(const Lexicon& lx, std::string_view text, const Tokenized& tokens,
                   const std::vector<Span>& blocked, std::vector<Figure>& out) {
  Scanner s(lx, text, tokens, blocked, out);
  for (std::size_t i = 0; i < tokens.sentences.size(); ++i) s.scan(i);
}

}  // namespace newsan::figures
