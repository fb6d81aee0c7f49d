// Internal pieces of the figure extractor: the word tables it reads from
// data/lexicon/, the scanner over one sentence, and the grouping pass.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsan/figures.h"
#include "newsan/resources.h"
#include "newsan/tokenizer.h"
#include "util/lexicon.h"
#include "util/number_words.h"

namespace newsan::figures {

// A word of a sentence as the scanner sees it: a token, or a part of a
// hyphenated word token ("65-year-old" -> "65" "-" "year" "-" "old"), so that
// "8-inch" and "8 inch" read the same.
struct Piece {
  Span span;
  std::string_view lower;  // ASCII-lowercased text (in the scanner's buffer)
  TokenKind kind = TokenKind::word;
  bool space_before = false;
  bool cap = false;    // starts with an uppercase letter
  std::size_t token = 0;
  bool digit = false;                   // its token has a digit
  bool looked = false;                  // `info` was looked up
  const struct WordInfo* info = nullptr;  // `lower` in Lexicon::words, if there
};

// Splits a lexicon phrase the way sentences are split into pieces: at spaces,
// and around ASCII punctuation ("km/h" -> "km" "/" "h").
std::vector<std::string> split_phrase(std::string_view phrase);

using lex::ascii_lower;
template <class V>
using SvMap = lex::StringMap<V>;

// The lookup word of a piece, for the phrase tables.
struct PieceWord {
  std::string_view operator()(const Piece& p) const { return p.lower; }
};
// Phrases (sequences of lowercase pieces) mapped to a value; longest match wins.
template <class T>
using PhraseTable = lex::PhraseTable<T, PieceWord>;

// Number words come from the one shared table (util/number_words.h).
using NumClass = NumberClass;

struct UnitInfo {
  std::string norm;
  std::string kind;  // percent, percent-point, measure, duration, age, multiple
};

struct QualifierInfo {
  Qualifier q = Qualifier::exact;
};

struct EventWord {
  std::string lemma;  // empty: direction only
  EventClass cls = EventClass::none;
  Direction dir = Direction::none;
};

struct CurrencyPrefix {
  std::string surface;  // exact bytes, matched case-sensitively
  std::string code;
};

// Roles of function words (figures-context-en.tsv), as bits.
namespace role {
inline constexpr std::uint64_t month = std::uint64_t{1} << 0;
inline constexpr std::uint64_t time = std::uint64_t{1} << 1;
inline constexpr std::uint64_t range_to = std::uint64_t{1} << 2;
inline constexpr std::uint64_t range_and = std::uint64_t{1} << 3;
inline constexpr std::uint64_t range_between = std::uint64_t{1} << 4;
inline constexpr std::uint64_t range_from = std::uint64_t{1} << 5;
inline constexpr std::uint64_t or_ = std::uint64_t{1} << 6;
inline constexpr std::uint64_t of = std::uint64_t{1} << 7;
inline constexpr std::uint64_t out_ = std::uint64_t{1} << 8;
inline constexpr std::uint64_t a = std::uint64_t{1} << 9;
inline constexpr std::uint64_t half_and = std::uint64_t{1} << 10;
inline constexpr std::uint64_t rate = std::uint64_t{1} << 11;
inline constexpr std::uint64_t age = std::uint64_t{1} << 12;
inline constexpr std::uint64_t id_before = std::uint64_t{1} << 13;
inline constexpr std::uint64_t np_skip = std::uint64_t{1} << 14;
inline constexpr std::uint64_t np_stop = std::uint64_t{1} << 15;
inline constexpr std::uint64_t aux = std::uint64_t{1} << 16;
inline constexpr std::uint64_t det = std::uint64_t{1} << 17;
inline constexpr std::uint64_t street = std::uint64_t{1} << 18;
inline constexpr std::uint64_t change_by = std::uint64_t{1} << 19;
inline constexpr std::uint64_t decade_age = std::uint64_t{1} << 20;
inline constexpr std::uint64_t as_ = std::uint64_t{1} << 21;
inline constexpr std::uint64_t prep = std::uint64_t{1} << 22;
inline constexpr std::uint64_t focus = std::uint64_t{1} << 23;
inline constexpr std::uint64_t worth = std::uint64_t{1} << 24;
inline constexpr std::uint64_t copula = std::uint64_t{1} << 25;
inline constexpr std::uint64_t dimension = std::uint64_t{1} << 26;
inline constexpr std::uint64_t number_suffix = std::uint64_t{1} << 27;
inline constexpr std::uint64_t height_major = std::uint64_t{1} << 28;
inline constexpr std::uint64_t height_minor = std::uint64_t{1} << 29;
inline constexpr std::uint64_t perfect = std::uint64_t{1} << 30;
inline constexpr std::uint64_t relative = std::uint64_t{1} << 31;
inline constexpr std::uint64_t contraband = std::uint64_t{1} << 32;
inline constexpr std::uint64_t discover = std::uint64_t{1} << 33;
inline constexpr std::uint64_t motion = std::uint64_t{1} << 34;
inline constexpr std::uint64_t person = std::uint64_t{1} << 35;
}  // namespace role
// The role names in file order of the bits above.
inline constexpr const char* kRoleNames[] = {"month", "time", "range-to", "range-and", "range-between", "range-from", "or", "of", "out", "a", "half-and", "rate", "age", "id-before", "np-skip", "np-stop", "aux", "det", "street", "change-by", "decade-age", "as", "prep", "focus", "worth", "copula", "dimension", "number-suffix", "height-major", "height-minor", "perfect", "relative", "contraband", "discover", "motion", "person"};

// What a predicate's lemma says about the figures it governs (figures-predicates-en.tsv).
namespace pred {
inline constexpr std::uint8_t unaccusative = 1u << 0;
inline constexpr std::uint8_t no_action = 1u << 1;
inline constexpr std::uint8_t expected_aux = 1u << 2;
inline constexpr std::uint8_t expected_head = 1u << 3;
inline constexpr std::uint8_t negation = 1u << 4;
}  // namespace pred
inline constexpr const char* kPredicateRoleNames[] = {"unaccusative", "no-action", "expected-aux", "expected-head", "negation"};

// What the scanner needs to know about a word, in one lookup.
struct EventWord;
struct WordInfo {
  std::uint64_t roles = 0;
  const NumberWord* num = nullptr;
  const EventWord* event = nullptr;
  bool unit_first = false;        // first word of a unit phrase
  bool currency_first = false;    // first word of a currency word phrase
  bool qual_before_last = false;  // last word of a "before" qualifier phrase
  bool qual_before_any = false;   // any word of one
  bool qual_after_first = false;  // first word of an "after" qualifier phrase
};

// A cheap, branch-free test that a word cannot be a number word: a 4096-bit
// Bloom filter over its length, first two and last letters (ASCII case
// folded with | 0x20). False positives only.
class WordFilter {
 public:
  static constexpr std::size_t kMaxLen = 16;
  void add(std::string_view w) {
    if (w.size() < 2 || w.size() >= kMaxLen) return;
    std::uint32_t h = hash(w);
    bits_[h >> 6] |= std::uint64_t{1} << (h & 63);
  }
  bool maybe(std::string_view w) const {
    if (w.size() < 2 || w.size() >= kMaxLen) return false;
    std::uint32_t h = hash(w);
    return bits_[h >> 6] >> (h & 63) & 1;
  }

 private:
  static std::uint32_t hash(std::string_view w) {
    auto lc = [](char c) { return static_cast<std::uint32_t>(static_cast<unsigned char>(c) | 0x20); };
    std::uint32_t key = static_cast<std::uint32_t>(w.size()) << 24 ^ lc(w[0]) << 16 ^ lc(w[1]) << 8 ^ lc(w.back());
    return (key * 2654435761u) >> 20;
  }
  std::uint64_t bits_[4096 / 64] = {};
};

// The words the scanner looks up, in one flat table (lex::WordTable).
using WordTable = lex::WordTable<WordInfo>;

struct Lexicon {
  SvMap<NumberWord> numbers;  // the numeral parts of the shared number words
  SvMap<int> ordinals;        // "first" -> 1, "second" -> 2 (numbers-en.tsv)
  WordFilter number_filter;  // over `numbers`
  SvMap<WordInfo> words;     // every word of the tables below, with what it is
  WordTable word_table;      // `words`, for lookups
  PhraseTable<QualifierInfo> qual_before, qual_after;
  PhraseTable<UnitInfo> units;
  std::vector<CurrencyPrefix> currency_prefixes;  // longest first
  bool currency_last_byte[256] = {};              // last bytes of the prefixes: a quick reject
  PhraseTable<std::string> currency_words;        // -> ISO code
  PhraseTable<std::string> currency_hundredths;   // "cents", "pence" -> ISO code of the whole unit
  SvMap<EventWord> events;
  SvMap<std::uint64_t> roles;  // word -> role bits
  SvMap<std::uint8_t> predicates;  // lemma -> pred:: bits
  std::string height_minor;        // the unit a two-part height is given in ("inch")
  struct CurrencyCue {
    std::string default_code, code;
  };
  SvMap<std::vector<CurrencyCue>> currency_cues;  // country word (case-sensitive) -> cues

  static Lexicon load(const Resources& res);
  std::uint64_t roles_of(std::string_view word) const;
  // The pred:: bits of a lowercase word form, found by its lemma with the regular
  // endings taken off ("plans", "planned", "vowed", "going" -> plan, plan, vow, go).
  std::uint8_t predicate_of_form(std::string_view form) const;
  const NumberWord* number(std::string_view word) const;
  const WordInfo* info(std::string_view word) const;
};

// Figures of every sentence of `tokens`, skipping numbers inside `blocked`
// (dates and times: sorted, disjoint). Figures come out in text order.
void scan_document(const Lexicon& lx, std::string_view text, const Tokenized& tokens,
                   const std::vector<Span>& blocked, std::vector<Figure>& out);

// Whether an event of class `cls` can happen to a figure of `kind` (counted.cpp).
bool event_fits(EventClass cls, const std::string& kind);

// Reads each figure as a fact from the parse of its sentence (facts.cpp): what
// it counts, the predicate that happened to it, its agent and modality. Only
// sentences where an event word stands near a figure are parsed.
void read_facts(const Lexicon& lx, std::string_view text, const Tokenized& tokens, DocumentSyntax& syntax,
                std::vector<Figure>& figures);

// Drops the figures that are the pronoun "one" ("no one", "the one who"), told
// apart by the tagger (facts.cpp): only sentences with a figure "one" are tagged.
void drop_pronoun_one(const Lexicon& lx, std::string_view text, const Tokenized& tokens, DocumentSyntax& syntax,
                      std::vector<Figure>& figures);

// Currency by context (currency.cpp): a bare "$" or currency word whose default code
// is a guess takes the code of the country the story names most (figures-currency-context-en.tsv).
void currency_by_context(const Lexicon& lx, std::string_view text, const Tokenized& tokens,
                         std::vector<Figure>& figures);

// Custody (RELEASE, DETAIN) happens to people: a figure of those classes whose counted
// head is no word for people ("released 25 albums", "the remaining 1,500 pandas") states
// another kind of action, OTHER (facts.cpp). A figure that names nothing keeps its class.
void custody_of_people(const Lexicon& lx, std::vector<Figure>& figures);

// Fills result.groups (every figure in exactly one group) and result.notes.
void group_figures(std::string_view text, FigureResult& result);

}  // namespace newsan::figures
