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
//
// The scanner is cut into parts, one file each (the class is declared here):
//   pieces.cpp      the sentence as pieces, candidate tokens, the per-document driver
//   core.cpp        the number itself: numerals, spelled-out numbers, scale words
//   part.cpp        currency prefixes and words, units, rates
//   not_figure.cpp  what is not a figure: years, times, phone numbers, identifiers …
//   counted.cpp     what is counted, and the event read from the words around it
//   scanner.cpp     the figure: qualifiers, ranges, and putting the parts together
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "figures/internal.h"

namespace newsan::figures {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
inline bool ends_with(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && s.substr(s.size() - x.size()) == x;
}
inline bool is_dash(std::string_view w) { return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94"; }

struct Core {
  bool ok = false;    // a figure core
  bool skip = false;  // not a figure (a year, a time …): consume up to `next`
  Span span;
  std::size_t first = 0;  // piece where the core starts
  std::size_t next = 0;   // piece after it
  std::size_t digits_at = std::string_view::npos;  // byte of the first digit (numerals)
  std::optional<double> value;
  std::optional<double> low, high;  // decades ("his 20s") and vague amounts ("thousands of")
  bool vague = false;               // "thousands of": no number is stated
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

  void scan(std::size_t sentence);

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
  // Buffers reused from document to document on this thread (extract() is
  // const and may run on many threads), bound once per scanner: a reference
  // member costs one load where a thread_local costs a call on each use. P is
  // mutable: word information is filled in lazily.
  struct Buffers {
    std::vector<std::size_t> cands;
    std::vector<Piece> pieces;
    std::string lower;
  };
  static Buffers& buffers();  // this thread's
  Buffers& buf_ = buffers();
  std::vector<std::size_t>& cands_ = buf_.cands;
  std::vector<Piece>& P = buf_.pieces;
  std::string& lower_ = buf_.lower;  // lowercased piece texts of the sentence
  // Tokens where a figure may start: with a digit, or a number word.
  void find_candidates(const Sentence& s);
  bool candidate(const Token& tok) const;
  bool is_number_word(std::string_view w) const;
  void add_gap();
  bool sentence_first(std::size_t i) const { return P[i].token == first_token_; }

  // ---- pieces -------------------------------------------------------------
  void add_token(const Token& tok, std::size_t index);

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
  bool role(std::size_t i, std::uint64_t r) const { return i < P.size() && (info(i).roles & r); }
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
  Core core_at(std::size_t i, bool allow_words = true) const;

  Core numeric_core(std::size_t i, std::size_t pos, Core c) const;

  // "1.99×10−30", "2.998 x 10^8": a mantissa times a power of ten.
  void scientific(Core& c) const;

  // "m" glued to a number without a currency: a million before "of", a unit, a
  // currency word or a plural noun ("35m of", "12.3m tonnes", "14m customers");
  // otherwise a metre ("the 800m title", "37m (121ft)", "race 30m to score").
  bool metre_context(std::size_t j) const;

  void scale_words(Core& c) const;

  Core word_core(std::size_t i) const;

  // ---- currency -------------------------------------------------------------
  // Currency prefix ending right before byte `pos` (a space between allowed for
  // symbols and codes of three letters); sets `start` to where it begins.
  const CurrencyPrefix* currency_before(std::size_t pos, std::size_t* start) const;

  // ---- part: core + currency + unit + rate -----------------------------------
  Part part_at(std::size_t i) const;

  // ---- non-figures ------------------------------------------------------------
  // True when the numeral of `pt` is a year, day, time, phone number or name part.
  bool not_a_figure(const Part& pt, std::size_t* skip_to, bool range_end = false) const;

  // A 4-digit number that reads as a year ("in 2018", "the 1995 proposal").
  bool year_like(const Part& pt, bool plural_count) const;

  // ---- what is counted -----------------------------------------------------------
  struct NP {
    std::size_t first = 0, last = 0;  // pieces [first, last]
    bool found = false;
    std::size_t modifier = SIZE_MAX;  // a participle before the noun ("injured"), or none
  };
  NP counted_at(std::size_t j, bool after_of) const;
  std::size_t subject_from(std::size_t n) const;
  std::size_t cap_run_end(std::size_t k) const;

  // ---- events ------------------------------------------------------------------
  void read_event(Figure& f, std::size_t start_piece, const NP& np, std::size_t after_piece) const;
  // Whether the verb at piece `verb` is stated as done, planned or denied, from the
  // words before it in its clause ("will pay", "plans to hire", "did not release").
  Modality modality_at(std::size_t verb) const;

  // ---- the figure ----------------------------------------------------------------
  // Cheap test before the full parse: can a figure start at piece i?
  bool may_start(std::size_t i) const;

  std::size_t figure_at(std::size_t i);
};

}  // namespace newsan::figures
