// The date extractor: finds TIMEX3 expressions in one pass over the tokens and
// normalizes them against the reference (publication) date.
//
// Method. Every token is looked up once in the lexicon (dates/lexicon.h: a
// table built from data/lexicon/dates-en.tsv and numbers-en.tsv; a word
// may carry several roles: "may" is a month, "second" an ordinal and a unit).
// A cheap test skips tokens that cannot start an expression; at the others
// every pattern below is tried and the longest match wins; matched tokens are
// skipped. Spans follow how TimeBank annotators set them: articles,
// "last"/"next", "early", "nearly", "more than" and "ago" are inside the span,
// "about", "over" and "later" outside (they set only the mod).
//
//   absolute  := month day[,] year | day month year | month year | month [day]
//              | year | decade | iso | m/d/y | century | holiday | spelled year
//   quarter   := [the] [year-earlier|latest] ordinal quarter|half [of year] | Qn | fiscal year
//   relative  := shift unit|weekday|month|season ("last year") | count unit post ("two years ago")
//              | that unit ("that year") | the following unit
//   duration  := [approx] [the] [past|next|first] count [filler] unit | count-unit | for units
//   deictic   := today | yesterday [daypart] | weekday [daypart]
//   time      := clock [am|pm] [zone] [day] | noon | [shift] daypart
//   set       := daily | every [count] unit|weekday|month|season | twice a unit
//   vague     := now | recently | the future | recent years …
//   wrappers  := premod X ("early next year") | [the] edge of X ("the end of 1994")
//              | the week of X
//
// Resolution reads toward the past (news): a bare weekday is the most recent
// one on or before the reference date, a month or month-day without a year
// falls in [reference - 10 months, reference + 2-3 months], unless the nearest
// tense cue before it in the sentence points ahead ("will", "would",
// "scheduled"; "said", "was" or any -ed word stop the search). Anaphoric
// expressions ("that year", "the next day", a clock time without a day) take
// the story's last named date; "the quarter" and "a year ago" in earnings
// news take the first quarter the article names.
#include "newsan/dates.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "util/calendar.h"
#include "dates/lexicon.h"
#include "newsan/error.h"
#include "util/utf8.h"

namespace newsan {

using namespace timex;  // the lexicon's types (dates/lexicon.h): Word, Unit, Lexicon

const char* to_string(TimexType t) {
  switch (t) {
    case TimexType::date: return "date";
    case TimexType::time: return "time";
    case TimexType::duration: return "duration";
    case TimexType::set: return "set";
  }
  return "date";
}

using cal::Ymd;

namespace {

// The result of one pattern: tokens [first, last) and what they mean.
struct Match {
  std::size_t last = 0;  // one past the last token
  TimexType type = TimexType::date;
  std::string value;
  std::string mod;
  bool relative = false;
  int quarter = 0, quarter_year = 0;  // set when the value names a quarter (anchor for "the quarter")
  bool anchor_first = false;          // this quarter replaces an earlier anchor
  bool fiscal = false;                // named as a fiscal quarter

  // Back to a default Match (every field above), keeping the strings' buffers.
  void reset() {
    last = 0;
    type = TimexType::date;
    value.clear();
    mod.clear();
    relative = false;
    quarter = quarter_year = 0;
    anchor_first = fiscal = false;
  }
};

}  // namespace

struct DateExtractor::Impl {
  Lexicon lex;
};

DateExtractor::DateExtractor(const Resources& res) : impl_(std::make_unique<Impl>()) { impl_->lex.load(res); }
DateExtractor::DateExtractor(const DataDir& data) : DateExtractor(Resources(data)) {}
DateExtractor::~DateExtractor() = default;
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;

namespace {

const char* unit_code(Unit u) {
  switch (u) {
    case Unit::second: return "S";
    case Unit::minute: return "M";
    case Unit::hour: return "H";
    case Unit::day: return "D";
    case Unit::week: return "W";
    case Unit::weekend: return "WE";
    case Unit::fortnight: return "W";
    case Unit::month: return "M";
    case Unit::quarter: return "Q";
    case Unit::year: return "Y";
    case Unit::decade: return "DE";
    case Unit::century: return "CE";
    case Unit::millennium: return "ML";
    case Unit::none: break;
  }
  return "";
}

bool is_time_unit(Unit u) { return u == Unit::second || u == Unit::minute || u == Unit::hour; }

// TIMEX3 duration value for n units (n < 0: unknown count, "X").
std::string duration_value(long n, Unit u) {
  if (u == Unit::fortnight) { if (n >= 0) n *= 2; u = Unit::week; }
  if (u == Unit::decade && n >= 0) { n *= 10; u = Unit::year; }
  if (u == Unit::century && n >= 0) { n *= 100; u = Unit::year; }
  if (u == Unit::weekend) return n >= 0 ? fmt::format("P{}D", 2 * n) : "PXWE";
  std::string count = n >= 0 ? std::to_string(n) : "X";
  return fmt::format("{}{}{}", is_time_unit(u) ? "PT" : "P", count, unit_code(u));
}

// One document's scan state: tokens, their lexicon entries, the reference date.
struct Scan {
  const Lexicon& lex;
  std::string_view text;
  const std::vector<Token>& T;
  std::vector<const Word*> W;  // lexicon entry per token (null: none)
  std::vector<const std::vector<Phrase>*> P;  // the lexicon phrases a token heads (null: none)
  std::vector<const Phrase*> PM;  // the longest of them the text matches there (null: none)
  std::vector<int> N;          // integer value of a plain digit token ("1,000" too), else -1
  bool has_ref = false;
  Ymd ref;
  std::size_t sent_first = 0;   // first token of the current sentence
  std::size_t sent_last = 0;    // one past its last token
  std::size_t prev_first = 0;   // first token of the sentence before
  std::string sentence_day;     // the last day (YYYY-MM-DD) named in the current sentence
  std::string story_day;        // the last day named anywhere before
  std::string story_value;      // the last calendar value (year first) named before
  // The first quarter the document names: in earnings news the quarter being
  // reported, which "the quarter" and "a year ago" refer to.
  int last_quarter = 0, last_quarter_year = 0;
  bool last_quarter_fiscal = false;  // the anchor was named as a fiscal quarter
  std::size_t game_words = 0;        // words of sports reports in the whole document

  // Every word token is folded and looked up here, once: the patterns read W, P and PM.
  Scan(const Lexicon& l, std::string_view t, const std::vector<Token>& toks)
      : lex(l), text(t), T(toks), W(toks.size(), nullptr), P(toks.size(), nullptr), PM(toks.size(), nullptr),
        N(toks.size(), -1) {
    std::string spill;
    for (std::size_t i = 0; i < T.size(); ++i) {
      std::string_view s = tx(i);
      if (T[i].kind == TokenKind::number) {
        int v = 0;
        bool ok = s.size() <= 9;  // longer numbers would overflow `v`: not read at all
        for (char c : ok ? s : std::string_view()) {
          if (c == ',') continue;
          if (c < '0' || c > '9') { ok = false; break; }
          v = v * 10 + (c - '0');
        }
        if (ok) N[i] = v;
        // "21st", "3rd": ordinals written with digits.
        continue;
      }
      if (T[i].kind != TokenKind::word) continue;
      if (const Entry* e = lex.find_token(s, spill)) {
        W[i] = e->word;
        if (e->word && e->word->game) ++game_words;
        P[i] = e->phrases;
        if (P[i]) PM[i] = match_phrase(i);
      }
    }
  }

  std::size_t size() const { return T.size(); }
  // A cheap test of whether any pattern can start at token i.
  bool may_start(std::size_t i) const {
    if (T[i].kind == TokenKind::number) return true;
    if (T[i].kind != TokenKind::word) return is(i, "'");
    // else the word may head a phrase ("more than", "these days")
    if (W[i] && W[i]->starts) return true;
    std::string_view t = tx(i);
    if (t.find('-') != std::string_view::npos) return true;
    if (t.size() == 2 && (t[0] == 'Q' || t[0] == 'H')) return true;
    // phrase heads that are not words of their own ("new year's day", "these days")
    if (P[i]) return true;
    // Any other word starts nothing: every pattern needs a lexicon role, a phrase, a
    // digit or a hyphen at its first token, except quarter()'s "Most recent quarter"
    // (a capitalized word was once tried everywhere; "most" is the one that can match).
    return T[i].capitalized && is(i, "most");
  }
  // The token's text (tokens lie inside the text: no bounds check needed).
  std::string_view tx(std::size_t i) const { return {text.data() + T[i].span.start, T[i].span.end - T[i].span.start}; }
  const Word* w(std::size_t i) const { return i < T.size() ? W[i] : nullptr; }
  bool is(std::size_t i, std::string_view s) const {
    if (i >= T.size()) return false;
    std::string_view t = tx(i);
    if (t.size() != s.size()) return false;
    for (std::size_t k = 0; k < t.size(); ++k)
      if (lex::ascii_lower(t[k]) != s[k]) return false;
    return true;
  }
  bool adjacent(std::size_t i) const { return i < T.size() && !T[i].space_before; }
  bool the(std::size_t i) const { return w(i) && w(i)->the; }

  // Ordinal day number: "5", "5th", "fifth". Returns 0 when not one.
  int day_number(std::size_t i) const {
    if (i >= T.size()) return 0;
    if (N[i] >= 1 && N[i] <= 31 && tx(i).size() <= 2) return N[i];
    std::string_view s = tx(i);
    if (T[i].kind == TokenKind::number && s.size() >= 3 && s.size() <= 4) {
      std::string_view suf = s.substr(s.size() - 2);
      int v = digits(s, 0, s.size() - 2);
      if (v >= 1 && v <= 31 && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th")) return v;
    }
    if (w(i) && w(i)->ordinal >= 1 && w(i)->ordinal <= 31) return w(i)->ordinal;
    return 0;
  }
  // Days "14-19" (one token, or three without spaces): returns the token after
  // them and sets d1 < d2, or returns 0.
  std::size_t day_range(std::size_t i, int& d1, int& d2) const {
    if (i >= T.size()) return 0;
    std::string_view s = tx(i);
    if (std::size_t h = s.find('-'); h != std::string_view::npos && h >= 1 && h <= 2 && s.size() - h - 1 >= 1 &&
                                     s.size() - h - 1 <= 2) {
      d1 = digits(s, 0, h);
      d2 = digits(s, h + 1, s.size() - h - 1);
      if (d1 >= 1 && d2 <= 31 && d1 < d2) return i + 1;
      return 0;
    }
    if (day_number(i) && N[i] >= 0 && is(i + 1, "-") && adjacent(i + 1) && adjacent(i + 2) && i + 2 < T.size() &&
        N[i + 2] >= 1 && N[i + 2] <= 31 && tx(i + 2).size() <= 2 && N[i] < N[i + 2]) {
      d1 = N[i];
      d2 = N[i + 2];
      return i + 3;
    }
    return 0;
  }
  // A four-digit year token (1000..2199), optionally "'s" is not handled here.
  int year_number(std::size_t i) const {
    if (i >= T.size() || tx(i).size() != 4 || N[i] < 1000 || N[i] > 2199) return 0;
    return N[i];
  }

  // A count: "3", "three", "twenty-five", "twenty five", "a", "a few", "several",
  // "a couple of", "two hundred". Sets `n` (kVague when unknown) and returns the
  // next token, or `i` when there is none.
  std::size_t count(std::size_t i, long& n, bool allow_article = true) const {
    if (i >= T.size()) return i;
    if (N[i] >= 0 && T[i].kind == TokenKind::number) {
      n = N[i];
      std::size_t j = i + 1;
      // "1.5" is not a whole count; "2 1/2" is rare in news: leave both.
      if (tx(i).find('.') != std::string_view::npos) return i;
      if (w(j) && w(j)->multiplier) { n *= w(j)->multiplier; ++j; }
      return j;
    }
    const Word* a = w(i);
    if (!a) {
      // "twenty-five", "one-hundred": the parts through the shared spelled-number reader.
      std::string_view s = tx(i);
      if (s.find('-') == std::string_view::npos) return i;
      char buf[32];
      std::string spill;
      SpelledNumber sn;
      for (std::size_t a0 = 0, h = 0; a0 <= s.size(); a0 = h + 1) {
        h = std::min(s.find('-', a0), s.size());
        const Word* x = lex.lookup(lex::fold_short(s.substr(a0, h - a0), buf, spill));
        if (!x || !sn.take(x->numeral)) return i;
      }
      n = static_cast<long>(sn.value());
      return i + 1;
    }
    if (a->article) {
      if (!allow_article) return i;
      // "a few", "a couple of", "a dozen", "a hundred"
      if (const Word* b = w(i + 1)) {
        if (b->number == kVague) { n = kVague; return i + 2; }
        if (b->number == 2 && is(i + 1, "couple")) { n = 2; return is(i + 2, "of") ? i + 3 : i + 2; }
        if (b->number > 1 && b->number == 12) { n = 12; return i + 2; }
        if (b->multiplier) { n = b->multiplier; return i + 2; }
      }
      n = 1;
      return i + 1;
    }
    if (a->number == kVague) {
      n = kVague;
      return i + 1;
    }
    if (a->number >= 0) {
      // "twenty five", "two hundred": the shared spelled-number reader; "dozen" and
      // "couple" alone are counts of their own.
      SpelledNumber sn;
      std::size_t j = i;
      while (j < T.size() && w(j) && sn.take(w(j)->numeral)) ++j;
      if (j == i) {
        n = a->number;
        j = i + 1;
      } else {
        n = static_cast<long>(sn.value());
      }
      if (is(i, "couple") && is(j, "of")) ++j;
      return j;
    }
    return i;
  }

  // Whether the clause before token i points ahead: the nearest tense cue
  // before it in the sentence ("will", "would", "scheduled" versus "said",
  // "was", any -ed word) decides.
  // Whether this sentence or the one before speaks of quarters ("the third
  // quarter", "third-quarter", "the period").
  bool quarter_talk() const {
    for (std::size_t k = prev_first; k < sent_last && k < size(); ++k) {
      if (w(k) && w(k)->unit == Unit::quarter) return true;
      if (is(k, "period")) return true;
      std::string_view t = tx(k);
      if (t.size() > 8 && T[k].kind == TokenKind::word && (t.ends_with("-quarter") || t.ends_with("-Quarter"))) return true;
    }
    return false;
  }
  // Whether a game is being told: a sports word in this sentence or the one
  // before, or several in the document. Its halves, quarters and periods are
  // parts of the game, not of the calendar.
  bool game_talk() const {
    if (game_words >= 3) return true;
    for (std::size_t k = prev_first; k < sent_last && k < size() && game_words; ++k)
      if (w(k) && w(k)->game) return true;
    return false;
  }
  // Whether this sentence or the one before names quarters, halves or a fiscal period.
  bool period_talk() const {
    for (std::size_t k = prev_first; k < sent_last && k < size(); ++k)
      if (w(k) && (w(k)->unit == Unit::quarter || w(k)->half || w(k)->fiscal)) return true;
    return quarter_talk();
  }
  bool future_context(std::size_t i) const { return tense(i) > 0; }
  // Direction for a month or day without a year: "since March" can only be
  // past; otherwise a future cue points ahead.
  int direction(std::size_t i) const {
    if (i > 0 && (is(i - 1, "since") || (is(i - 1, "in") && i > 1 && is(i - 2, "since")))) return -1;
    return future_context(i) ? 1 : 0;
  }
  // 1 ahead, -1 back, 0 no cue.
  int tense(std::size_t i) const {
    for (std::size_t k = i; k-- > sent_first;) {
      const Word* c = w(k);
      // A participle after "be" ("will be held", "will be named") is passive, not past: read on to the modal.
      bool passive = k > 0 && (is(k - 1, "be") || is(k - 1, "being"));
      if (c && c->future_cue) return 1;
      if (c && c->past_cue && !passive) return -1;
      std::string_view t = tx(k);
      if (t.ends_with("'ll") || t.ends_with("\u2019ll")) return 1;
      if (T[k].kind == TokenKind::word && t.size() > 4 && t.ends_with("ed") && !T[k].capitalized && !(c && c->not_past) &&
          !passive) return -1;
    }
    return 0;
  }

  // Whether tokens [i, last) read as a name ("This Week", "60 Minutes", "VOA
  // Today": programmes and papers): a unit or deictic word capitalized inside
  // the expression, or a capitalized deictic right after a capitalized word.
  bool titled(std::size_t i, std::size_t last) const {
    // "Election Day", "Thanksgiving Day" are days all the same
    auto named = [&](std::size_t k) {
      return T[k].capitalized && w(k) && ((w(k)->unit != Unit::none && w(k)->unit != Unit::day) || w(k)->deictic != kNone);
    };
    for (std::size_t k = i + 1; k < last; ++k)
      if (named(k) && !T[k].newline_before) return true;
    return last == i + 1 && i > sent_first && named(i) && !T[i].newline_before && T[i - 1].kind == TokenKind::word &&
           T[i - 1].capitalized && !w(i - 1);
  }

  // --- resolution helpers ---------------------------------------------------
  // The weekday `wd` nearest the reference date in the reading direction.
  Ymd resolve_weekday(int wd, int dir) const {
    int rw = cal::weekday(ref);
    int diff = wd - rw;
    if (dir < 0) { if (diff > 0) diff -= 7; }
    else if (dir > 0) { if (diff < 0) diff += 7; }
    return cal::add_days(ref, diff);
  }
  // The year for month m (and day d, 0 = whole month) relative to the reference.
  // News reads toward the past, but dates a few weeks ahead (a meeting, a
  // deadline) are common: of the three candidate years the one whose date
  // falls in [reference - (365 - ahead), reference + ahead] wins, where
  // `ahead` is two months for a day, three for a month, ten after a future cue.
  int resolve_year(int m, int d, int direction) const {
    long ahead = direction > 0 ? 300 : direction < 0 ? 0 : d ? 62 : 92;
    for (int y = ref.y - 1; y <= ref.y + 1; ++y) {
      Ymd c{y, m, d ? std::min(d, cal::days_in_month(y, m)) : 1};
      long diff = cal::to_days(c) - cal::to_days(ref);
      if (!d && y == ref.y && m == ref.m) return y;
      if (diff <= ahead && diff > ahead - 365) return y;
    }
    return ref.y;
  }

  // --- patterns ---------------------------------------------------------------
  Match best(std::size_t i, int depth = 0) const;
  bool absolute(std::size_t i, Match& m) const;
  bool relative(std::size_t i, Match& m) const;
  bool counted(std::size_t i, Match& m) const;
  bool deictic(std::size_t i, Match& m) const;
  bool clock(std::size_t i, Match& m) const;
  bool setexpr(std::size_t i, Match& m) const;
  bool amount_before(std::size_t i) const;
  bool vague(std::size_t i, Match& m) const;
  bool bare(std::size_t i, Match& m) const;
  bool anaphor(std::size_t i, Match& m) const;
  bool holiday(std::size_t i, Match& m) const;
  bool season(std::size_t i, Match& m) const;
  bool spelled_year(std::size_t i, Match& m) const;
  bool quarter(std::size_t i, Match& m) const;
  bool hyphenated(std::size_t i, Match& m) const;
  std::size_t phrase(std::size_t i, const Word*& info) const;
  const Phrase* match_phrase(std::size_t i) const;
  void unit_date(Unit u, int shift, Match& m) const;
  void relative_count(long n, Unit u, int dir, Match& m) const;
};

// A multi-word lexicon phrase starting at i; returns its end (or i) and its info.
std::size_t Scan::phrase(std::size_t i, const Word*& info) const {
  if (i >= T.size() || !PM[i]) return i;
  info = &PM[i]->info;
  return i + 1 + PM[i]->rest.size();
}

// The first (longest) phrase headed by token i that the tokens after it spell
// out; null when none. Run once per token by the constructor.
const Phrase* Scan::match_phrase(std::size_t i) const {
  for (const Phrase& p : *P[i]) {
    std::size_t k = 0;
    while (k < p.rest.size() && is(i + 1 + k, p.rest[k])) ++k;
    if (k == p.rest.size()) return &p;
  }
  return nullptr;
}

// The date a unit names when shifted from the reference ("last year", "this week").
void Scan::unit_date(Unit u, int shift, Match& m) const {
  m.relative = true;
  if (!has_ref) {
    m.value = shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return;
  }
  switch (u) {
    case Unit::day: m.value = cal::format_day(cal::add_days(ref, shift)); break;
    case Unit::week: m.value = cal::format_week(cal::add_days(ref, 7L * shift)); break;
    case Unit::weekend: m.value = cal::format_week(cal::add_days(ref, 7L * shift)) + "-WE"; break;
    case Unit::month: {
      Ymd t = cal::add_months({ref.y, ref.m, 1}, shift);
      m.value = cal::format_month(t.y, t.m);
      break;
    }
    case Unit::quarter: {
      int q = (ref.m - 1) / 3 + shift, y = ref.y;
      if (q < 0) { q += 4; --y; }
      if (q > 3) { q -= 4; ++y; }
      m.value = fmt::format("{:04}-Q{}", y, q + 1);
      m.quarter = q + 1;
      m.quarter_year = y;
      break;
    }
    case Unit::year: m.value = cal::format_year(ref.y + shift); break;
    case Unit::decade: m.value = fmt::format("{:03}X", ref.y / 10 + shift); break;
    case Unit::century: m.value = fmt::format("{:02}", ref.y / 100 + shift); break;
    default: m.value = shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "PRESENT_REF"; break;
  }
}

// "two years ago" (dir -1), "three days later" (dir 1): the date n units away,
// at the unit's granularity.
void Scan::relative_count(long n, Unit u, int dir, Match& m) const {
  m.relative = true;
  m.type = TimexType::date;
  if (!has_ref || n < 0 || n > 5000) {
    m.value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
    return;
  }
  long k = dir * n;
  switch (u) {
    case Unit::day: m.value = cal::format_day(cal::add_days(ref, k)); break;
    case Unit::week: case Unit::fortnight: {
      long days = 7 * k * (u == Unit::fortnight ? 2 : 1);
      m.value = n <= 2 && u == Unit::week ? cal::format_day(cal::add_days(ref, days)) : cal::format_week(cal::add_days(ref, days));
      break;
    }
    case Unit::month: {
      Ymd t = cal::add_months(ref, static_cast<int>(k));
      m.value = cal::format_month(t.y, t.m);
      break;
    }
    case Unit::quarter: {
      Ymd t = cal::add_months(ref, static_cast<int>(3 * k));
      m.value = fmt::format("{:04}-Q{}", t.y, (t.m - 1) / 3 + 1);
      break;
    }
    case Unit::year: m.value = cal::format_year(static_cast<int>(ref.y + k)); break;
    case Unit::decade: m.value = fmt::format("{:03}X", (ref.y + 10 * k) / 10); break;
    case Unit::century: m.value = fmt::format("{:02}", (ref.y + 100 * k) / 100); break;
    case Unit::hour: case Unit::minute: case Unit::second: m.value = cal::format_day(ref); m.type = TimexType::time; break;
    default: m.value = dir < 0 ? "PAST_REF" : "FUTURE_REF"; break;
  }
}

// Explicit calendar dates.
bool Scan::absolute(std::size_t i, Match& m) const {
  const Word* a = w(i);
  // Month [day][,] [year] / Month of year
  if (a && a->month && (T[i].capitalized || a->abbr)) {
    int mo = a->month;
    std::size_t j = i + 1;
    // "Jan. 14-19[, 2015]": a range of days, valued as an ISO interval
    if (int d1 = 0, d2 = 0; std::size_t after = day_range(j, d1, d2)) {
      std::size_t k = after;
      if (is(k, ",")) ++k;
      int y = year_number(k);
      if (y) m.last = k + 1;
      else m.last = after;
      if (!y && !has_ref) return false;
      if (!y) {
        y = resolve_year(mo, d1, direction(i));
        m.relative = true;
      }
      if (!cal::valid(y, mo, d1) || !cal::valid(y, mo, d2)) return false;
      m.value = cal::format_day({y, mo, d1}) + "/" + cal::format_day({y, mo, d2});
      return true;
    }
    int day = day_number(j);
    if (day && !(N[j] >= 0 && tx(j).size() == 4)) {
      ++j;
      std::size_t k = j;
      if (is(k, ",")) ++k;
      if (int y = year_number(k)) {
        m.last = k + 1;
        m.value = cal::valid(y, mo, day) ? cal::format_day({y, mo, day}) : cal::format_month(y, mo);
        return true;
      }
      m.last = j;
      m.relative = true;
      if (!has_ref) { m.value = cal::valid(2000, mo, day) ? fmt::format("XXXX-{:02}-{:02}", mo, day) : ""; return true; }
      int y = resolve_year(mo, day, direction(i));
      m.value = cal::valid(y, mo, day) ? cal::format_day({y, mo, day}) : cal::format_month(y, mo);
      return true;
    }
    std::size_t k = j;
    if (is(k, "of") || is(k, ",")) ++k;
    if (int y = year_number(k)) {
      m.last = k + 1;
      m.value = cal::format_month(y, mo);
      return true;
    }
    // "January nineteen ninety-seven"
    if (Match sy; spelled_year(k, sy) && sy.value.size() == 4 && sy.last > k + 1) {
      m.last = sy.last;
      m.value = cal::format_month(digits(sy.value, 0, 4), mo);
      return true;
    }
    // "January this year", "June last year", "June of last year"
    if (std::size_t s = is(j, "of") ? j + 1 : j; has_ref && w(s) && w(s)->shift != kNone && is(s + 1, "year")) {
      j = s;
      m.last = j + 2;
      m.relative = true;
      m.value = cal::format_month(ref.y + w(j)->shift, mo);
      return true;
    }
    // A bare month name; "May" and "March" are also verbs: require a cue.
    if (mo == 5 || mo == 3) {
      bool cue = i > 0 && (is(i - 1, "in") || is(i - 1, "since") || is(i - 1, "until") || is(i - 1, "of") ||
                           is(i - 1, "by") || is(i - 1, "early") || is(i - 1, "late") || is(i - 1, "mid") ||
                           is(i - 1, "through") || is(i - 1, "from") || is(i - 1, "last") || is(i - 1, "next") ||
                           is(i - 1, "this") || is(i - 1, "to") || is(i - 1, "and") || is(i - 1, "before") ||
                           is(i - 1, "after") || is(i - 1, "during"));
      if (!cue) return false;
    }
    if (a->abbr && !T[i].capitalized) return false;
    if (a->abbr && tx(i).back() != '.') return false;  // "Jan Kavan": a name, not a month
    m.last = i + 1;
    m.relative = true;
    if (!has_ref) { m.value = fmt::format("XXXX-{:02}", mo); return true; }
    m.value = cal::format_month(resolve_year(mo, 0, direction(i)), mo);
    return true;
  }
  // Day Month [year]: "5 January 2025", "the 5th of January"
  if (int day = day_number(i)) {
    std::size_t j = i + 1;
    if (is(j, "of")) ++j;
    const Word* b = w(j);
    if (b && b->month && (T[j].capitalized || b->abbr) && !(N[i] >= 0 && tx(i).size() > 2)) {
      int mo = b->month;
      std::size_t k = j + 1;
      if (is(k, ",")) ++k;
      if (int y = year_number(k)) {
        m.last = k + 1;
        m.value = cal::valid(y, mo, day) ? cal::format_day({y, mo, day}) : cal::format_month(y, mo);
        return true;
      }
      m.last = j + 1;
      m.relative = true;
      if (!has_ref) { m.value = fmt::format("XXXX-{:02}-{:02}", mo, day); return true; }
      int y = resolve_year(mo, day, direction(i));
      m.value = cal::valid(y, mo, day) ? cal::format_day({y, mo, day}) : cal::format_month(y, mo);
      return true;
    }
  }
  // ISO 2025-01-05 and numeric 01/05/2025 (US order unless the first part is > 12).
  if (int y = year_number(i); y && is(i + 1, "-") && adjacent(i + 1) && adjacent(i + 2) && i + 4 < size() &&
                              is(i + 3, "-") && adjacent(i + 3) && adjacent(i + 4)) {
    int mo = N[i + 2], d = N[i + 4];
    if (tx(i + 2).size() == 2 && tx(i + 4).size() == 2 && cal::valid(y, mo, d)) {
      m.last = i + 5;
      m.value = cal::format_day({y, mo, d});
      return true;
    }
  }
  if (N[i] >= 1 && tx(i).size() <= 2 && is(i + 1, "/") && adjacent(i + 1) && adjacent(i + 2) && N[i + 2 < size() ? i + 2 : i] >= 1 &&
      is(i + 3, "/") && adjacent(i + 3) && adjacent(i + 4) && i + 4 < size()) {
    int p = N[i], q = N[i + 2], y = N[i + 4];
    if (tx(i + 4).size() == 2 && y >= 0) y += y < 50 ? 2000 : 1900;
    int mo = p, d = q;
    if (p > 12 && q <= 12) { mo = q; d = p; }
    if (y >= 1000 && cal::valid(y, mo, d)) {
      m.last = i + 5;
      m.value = cal::format_day({y, mo, d});
      return true;
    }
  }
  // Decades: "1990s", "the 1990s", "the '90s"
  {
    std::size_t j = the(i) ? i + 1 : i;
    std::string_view s = j < size() ? tx(j) : std::string_view();
    if (j < size() && T[j].kind == TokenKind::number && s.size() == 5 && s[4] == 's' && s[3] == '0') {
      int y = digits(s, 0, 4);
      if (y >= 1000 && y <= 2190) {
        m.last = j + 1;
        m.value = y % 100 == 0 && j > i ? fmt::format("{:03}X", y / 10) : fmt::format("{:03}X", y / 10);
        return true;
      }
    }
    if (j + 1 < size() && is(j, "'") && T[j + 1].kind == TokenKind::number && tx(j + 1).size() == 3 &&
        tx(j + 1)[2] == 's' && adjacent(j + 1)) {
      int d = digits(tx(j + 1), 0, 2);
      if (d >= 0 && d % 10 == 0) {
        m.last = j + 2;
        m.value = fmt::format("19{}X", d / 10);
        return true;
      }
    }
  }
  // Centuries: "the 20th century", "the nineteenth century"
  {
    std::size_t j = the(i) ? i + 1 : i;
    int n = j < size() ? day_number(j) : 0;
    if (n >= 1 && n <= 21 && !(N[j] >= 0 && tx(j).size() <= 2) && w(j + 1) && w(j + 1)->unit == Unit::century &&
        !w(j + 1)->plural) {
      m.last = j + 2;
      m.value = fmt::format("{:02}", n - 1);  // TIMEX3: a century is its first two digits
      return true;
    }
  }
  // Fiscal year: "fiscal 1989", "fiscal year 1990", "fiscal 1990's"
  if (a && a->fiscal) {
    std::size_t j = i + 1;
    if (is(j, "year")) ++j;
    if (int y = year_number(j)) {
      m.last = j + 1;
      m.value = cal::format_year(y);
      return true;
    }
    if (j > i + 1) {  // "fiscal year": the current one
      m.last = j;
      m.type = TimexType::duration;
      m.value = "P1Y";
      return true;
    }
  }
  // A year on its own.
  if (int y = year_number(i)) {
    // Not part of an amount ("$1990", "1990 people" is rare; "1,990" has a comma).
    if (tx(i).find(',') != std::string_view::npos) return false;
    if (i > 0 && (T[i - 1].kind == TokenKind::symbol || is(i - 1, "No.") || is(i - 1, "#"))) return false;
    if (i + 1 < size() && (is(i + 1, "%") || (w(i + 1) && w(i + 1)->unit != Unit::none))) return false;
    if (y < 1500 && !(i > 0 && (is(i - 1, "in") || is(i - 1, "since")))) return false;
    m.last = i + 1;
    m.value = cal::format_year(y);
    return true;
  }
  return false;
}

// Quarters and halves: "the third quarter", "third-quarter", "the fourth quarter
// of 1984", "the latest quarter", "the first half", "Q3", "the year-earlier quarter".
bool Scan::quarter(std::size_t i, Match& m) const {
  std::size_t j = the(i) ? i + 1 : i;
  int q = 0, shift = kNone, yshift = 0, pre_year = 0;
  bool half = false, latest = false, token_form = false;
  if (j < size() && T[j].kind == TokenKind::word && tx(j).size() == 2 && (tx(j)[0] == 'Q' || tx(j)[0] == 'H') &&
      tx(j)[1] >= '1' && tx(j)[1] <= '4') {
    q = tx(j)[1] - '0';
    token_form = true;
    half = tx(j)[0] == 'H';
    if (half && q > 2) return false;
    ++j;
  } else {
    const std::size_t first = j;
    std::size_t start = j;
    // "this year's third quarter", "next year's first half"
    if (j == i && w(j) && w(j)->shift != kNone && is(j + 1, "year") && (is(j + 2, "'s") || is(j + 2, "\u2019s"))) {
      yshift = w(j)->shift;
      j += 3;
      start = j;
      if (!(w(j) && (w(j)->ordinal || w(j)->unit == Unit::quarter || w(j)->half))) return false;
    }
    if (w(j) && w(j)->fiscal) ++j;
    // "year-earlier", "year-ago": the same quarter a year before
    std::string_view s = j < size() ? tx(j) : std::string_view();
    if (s.size() > 5 && (s.ends_with("-earlier") || s.ends_with("-ago")) && (s.starts_with("year") || s.starts_with("Year"))) {
      yshift = -1;
      ++j;
    }
    if (is(j, "latest") || is(j, "most")) {
      latest = true;
      j += is(j, "most") && is(j + 1, "recent") ? 2 : 1;
    }
    if (int y = year_number(j)) { pre_year = y; ++j; }  // "the 1988 quarter"
    if (w(j) && w(j)->ordinal >= 1 && w(j)->ordinal <= 4) { q = w(j)->ordinal; ++j; }
    else if (!latest && w(j) && w(j)->shift != kNone) { shift = w(j)->shift; ++j; }
    if (w(j) && w(j)->fiscal) ++j;
    bool noun = w(j) && (w(j)->unit == Unit::quarter || w(j)->half) && !w(j)->plural;
    // "the latest period", "the year-earlier period": the reported quarter
    bool period = is(j, "period") && (latest || yshift || pre_year) && last_quarter;
    if (!noun && !period) return false;
    for (std::size_t k = first; k < first + 3 && k < size(); ++k)
      if ((w(k) && w(k)->fiscal) || tx(k).starts_with("fiscal-")) m.fiscal = true;
    half = noun && w(j)->half;
    if (j == start && !the(i)) return false;  // a bare "quarter" is no date
    ++j;
    if (half && q > 2) return false;
  }
  // "of 1984", "1984"
  std::size_t k = j;
  if (is(k, "of") || is(k, ",")) ++k;
  if (is(k, "fiscal")) ++k;
  int year = year_number(k);
  if (year) j = k + 1;
  else year = pre_year;
  if (!year && !m.fiscal && game_talk()) return false;
  // "H2" alone is a name (a district, a model) unless the story speaks of halves or quarters
  if (token_form && half && !year && !the(i) && !period_talk()) return false;
  m.last = j;
  const char tag = half ? 'H' : 'Q';
  const int per_year = half ? 2 : 4;
  // "the quarter ended Sept. 30": the calendar quarter that month closes
  bool ended = false;
  // (in fiscal reporting the quarters count from the fiscal year: keep the anchor)
  if (!q && !half && !year && !(last_quarter && last_quarter_fiscal) && (is(j, "ended") || is(j, "ending")) &&
      w(j + 1) && w(j + 1)->month) {
    q = (w(j + 1)->month - 1) / 3 + 1;
    ended = true;
  }
  if (year && !q && !half && last_quarter) q = last_quarter;
  if (year && q) {
    m.value = fmt::format("{:04}-{}{}", year, tag, q);
  } else if (year) {
    m.value = cal::format_year(year);
  } else if (!has_ref) {
    m.value = q ? fmt::format("XXXX-{}{}", tag, q) : "";
    m.relative = true;
  } else {
    m.relative = true;
    int rq = half ? (ref.m - 1) / 6 + 1 : (ref.m - 1) / 3 + 1;
    int y = ref.y;
    if (q) {
      if ((ended ? q >= rq : q > rq) && yshift == 0 && !is(i, "this")) --y;
    } else if (shift != kNone) {
      q = rq + shift;
      if (q < 1) { q += per_year; --y; }
      if (q > per_year) { q -= per_year; ++y; }
    } else if (!half && last_quarter && !latest) {  // "the quarter": the one in the news
      q = last_quarter;
      y = last_quarter_year;
    } else {  // the last completed one: reports come after the quarter ends
      q = rq - 1;
      if (q < 1) { q += per_year; --y; }
    }
    m.value = fmt::format("{:04}-{}{}", y + yshift, tag, q);
  }
  if (!half && q && yshift >= 0 && !is(i, "next")) {
    m.quarter = q;
    m.quarter_year = std::atoi(m.value.c_str());
    m.anchor_first = ended;  // a quarter "ended" on a date names the reported one for sure
  }
  // "the quarter a year ago": that quarter a year before
  if (q && !year && m.value.size() == 7 && w(j) && w(j)->article && is(j + 1, "year") &&
      (is(j + 2, "ago") || is(j + 2, "earlier"))) {
    m.value = fmt::format("{:04}-{}{}", std::atoi(m.value.c_str()) - 1, tag, q);
    m.last = j + 3;
    m.quarter = 0;
  }
  return true;
}

// "last year", "this week", "next Friday", "last November", "this fall",
// "the past year" (a duration), "the coming months".
bool Scan::relative(std::size_t i, Match& m) const {
  std::size_t j = i;
  bool the_ = the(j);
  if (the_) ++j;
  {
    // "the fiscal year", "the current fiscal year", "next fiscal year"
    std::size_t k = j;
    int sh = 0;
    if (w(k) && w(k)->shift != kNone) sh = w(k++)->shift;
    if (k > i && w(k) && w(k)->fiscal && is(k + 1, "year")) {
      m.last = k + 2;
      if (int y = year_number(k + 2)) { m.value = cal::format_year(y); ++m.last; return true; }
      if (sh == 0 && w(k + 2) && w(k + 2)->period_end) {  // "the fiscal year ended Jan. 31": twelve months
        m.type = TimexType::duration;
        m.value = "P1Y";
        return true;
      }
      unit_date(Unit::year, sh, m);
      return true;
    }
  }
  const Word* s = w(j);
  if (!s || s->shift == kNone) return false;
  int shift = s->shift;
  bool past_word = is(j, "past");
  ++j;
  // "this past week", "this coming Sunday"
  if (shift == 0 && w(j) && w(j)->shift != kNone && w(j)->shift != 0) { shift = w(j)->shift; past_word = is(j, "past"); ++j; }
  const Word* x = w(j);
  if (!x) return false;
  if (x->weekday) {
    if (the_) return false;
    m.last = j + 1;
    m.relative = true;
    if (!has_ref) { m.value = fmt::format("XXXX-WXX-{}", x->weekday); return true; }
    Ymd d;
    if (shift < 0) d = resolve_weekday(x->weekday, -1), d = d == ref ? cal::add_days(d, -7) : d;
    else if (shift > 0) { d = resolve_weekday(x->weekday, 1); if (d == ref) d = cal::add_days(d, 7); }
    else d = resolve_weekday(x->weekday, future_context(i) ? 1 : -1);
    m.value = cal::format_day(d);
    if (w(j + 1) && !w(j + 1)->daypart.empty()) {  // "last Friday night"
      m.last = j + 2;
      if (w(j + 1)->daypart_kept) m.value += "T" + w(j + 1)->daypart, m.type = TimexType::time;
    }
    return true;
  }
  if (x->month) {
    if (the_) return false;
    if (!T[j].capitalized && !T[j].all_caps) return false;  // "this march" is a protest, not March
    m.last = j + 1;
    m.relative = true;
    if (!has_ref) { m.value = fmt::format("XXXX-{:02}", x->month); return true; }
    int y = ref.y;
    if (shift < 0) y = x->month < ref.m ? ref.y : ref.y - 1;
    else if (shift > 0) y = x->month > ref.m ? ref.y : ref.y + 1;
    m.value = cal::format_month(y, x->month);
    // "last Oct. 23"
    if (int d = day_number(j + 1); d && !(N[j + 1] >= 0 && tx(j + 1).size() > 2)) {
      if (shift < 0 && x->month == ref.m && d < ref.d) y = ref.y;  // earlier this month is still "last"
      if (cal::valid(y, x->month, d)) { m.value = cal::format_day({y, x->month, d}); m.last = j + 2; }
    }
    return true;
  }
  if (!x->season.empty()) {
    m.last = j + 1;
    m.relative = true;
    if (!has_ref) { m.value = "XXXX-" + x->season; return true; }
    // The season's start month; the last one started before the reference.
    int start = x->season == "SP" ? 3 : x->season == "SU" ? 6 : x->season == "FA" ? 9 : 12;
    int y = ref.y;
    if (shift < 0) y = ref.m > start + 2 ? ref.y : ref.y - 1;
    else if (shift > 0) y = ref.m < start ? ref.y : ref.y + 1;
    if (start == 12 && shift <= 0 && ref.m <= 2) y = ref.y - 1;
    m.value = fmt::format("{:04}-{}", y, x->season);
    return true;
  }
  if (!x->daypart.empty() && !the_) {  // "this morning", "last night"
    m.last = j + 1;
    m.type = TimexType::time;
    m.relative = true;
    if (!has_ref) { m.value = "PRESENT_REF"; return true; }
    Ymd d = ref;
    if (shift < 0 && x->daypart == "NI") d = cal::add_days(ref, -1);
    else if (shift != 0) return false;
    m.value = cal::format_day(d) + "T" + x->daypart;
    return true;
  }
  // "the past two months", "the next few years", "last five years": durations
  long n = -1;
  std::size_t k = count(j, n, false);
  if (k > j && w(k) && w(k)->unit != Unit::none && !w(k)->plural == (n == 1)) {
    m.last = k + 1;
    m.type = TimexType::duration;
    m.value = duration_value(n == kVague ? -1 : n, w(k)->unit);
    return true;
  }
  if (x->unit == Unit::none) return false;
  m.last = j + 1;
  if (x->plural) {
    // "recent years" is in vague(); "the coming months", "the past months"
    m.type = TimexType::duration;
    m.value = duration_value(-1, x->unit);
    if (!past_word && shift != 0 && !the_) { m.type = TimexType::date; m.value = shift > 0 ? "FUTURE_REF" : "PAST_REF"; }
    if (shift > 0 && the_) { m.type = TimexType::date; m.value = "FUTURE_REF"; }
    return true;
  }
  if (x->unit == Unit::quarter || (x->unit == Unit::year && is(j - 1, "latest"))) return false;  // quarter()
  if (the_ && shift != 0 && !is(j - 1, "next") && !is(j - 1, "coming") && !is(j - 1, "last") && !is(j - 1, "past")) {
    // "the following year", "the previous month": relative to the story's time
    m.relative = true;
    const std::string& v = story_value;
    int y = v.size() >= 4 ? digits(v, 0, 4) : -1;
    int mo = v.size() >= 7 && v[4] == '-' ? digits(v, 5, 2) : -1;
    int dy = 0, dm = 0, dd = 0;
    if (x->unit == Unit::day && parse_iso_date(story_day, dy, dm, dd)) {
      m.value = cal::format_day(cal::add_days({dy, dm, dd}, shift));
      return true;
    }
    if (x->unit == Unit::year && y > 0) { m.value = cal::format_year(y + shift); return true; }
    if (x->unit == Unit::month && y > 0 && mo >= 1 && mo <= 12) {
      Ymd t = cal::add_months({y, mo, 1}, shift);
      m.value = cal::format_month(t.y, t.m);
      return true;
    }
    m.type = TimexType::duration;
    m.value = duration_value(1, x->unit);
    return true;
  }
  if (shift < 0 && (past_word || the_) && x->unit >= Unit::decade) {
    // "the past decade": a stretch up to now
    m.type = TimexType::duration;
    m.value = duration_value(1, x->unit);
    return true;
  }
  // "the past year", "the last week": TimeBank values them like "last year"
  if (the_ && shift == 0 && !is(j - 1, "current")) return false;  // "the same year": anaphoric
  // "the next day", "the previous day": the day after the last one the story named
  if (the_ && x->unit == Unit::day && shift != 0) {
    int y = 0, mo = 0, d = 0;
    m.relative = true;
    if (!story_day.empty() && parse_iso_date(story_day, y, mo, d)) {
      m.value = cal::format_day(cal::add_days({y, mo, d}, shift));
      return true;
    }
  }
  unit_date(x->unit, shift, m);
  return true;
}

// Counted units: durations ("three years", "about two weeks", "24 hours",
// "a couple of years") and relative dates ("two years ago", "a year earlier").
bool Scan::counted(std::size_t i, Match& m) const {
  std::size_t j = i;
  std::string mod;
  const Word* ph = nullptr;
  if (std::size_t e = phrase(j, ph); e > j && ph && !ph->approx.empty()) {
    if (ph->approx_outside) return false;
    mod = ph->approx;
    j = e;
  } else if (i > 0 && w(i - 1) && w(i - 1)->approx_outside) {
    mod = w(i - 1)->approx;  // "about [three years]": the modifier stays outside the span
  } else if (w(j) && !w(j)->approx_outside && !w(j)->approx.empty() && !(w(j)->number == kVague && !(w(j + 1) && (w(j + 1)->number >= 0 || w(j + 1)->article)) && !(N[j + 1 < size() ? j + 1 : j] >= 0 && j + 1 < size()))) {
    mod = w(j)->approx;
    ++j;
  }
  bool the_ = false;
  if (the(j) && j == i) { the_ = true; ++j; }
  // "the first nine months", "the last three years"
  if (the_ && w(j) && (w(j)->ordinal == 1 || is(j, "last") || is(j, "past") || is(j, "next"))) ++j;
  long n = -1;
  std::size_t k = count(j, n);
  if (k == j) return false;
  // "twenty-five years", "1,000 years", "two and a half years"
  if (k >= size()) return false;
  // "two more weeks", "eight trading days"
  if (w(k) && w(k)->filler && w(k + 1) && w(k + 1)->unit != Unit::none && !w(k + 1)->article) ++k;
  // "2 1/2 years"
  bool frac_half = false;
  if (k > j && T[k - 1].kind == TokenKind::number && N[k] == 1 && is(k + 1, "/") && adjacent(k + 1) &&
      adjacent(k + 2) && k + 2 < size() && N[k + 2] == 2 && tx(k + 2).size() == 1) {
    frac_half = true;
    k += 3;
  } else if (is(k, "and") && is(k + 1, "a") && is(k + 2, "half") && w(k + 3) && w(k + 3)->unit != Unit::none) {
    frac_half = true;  // "two and a half hours"
    k += 3;
  }
  const Word* u = w(k);
  bool hyphen_unit = false;
  if ((!u || u->unit == Unit::none) && is(k, "-") && adjacent(k) && adjacent(k + 1) && w(k + 1) && w(k + 1)->unit != Unit::none) {
    ++k;  // "30-year"
    u = w(k);
    hyphen_unit = true;
  }
  // Ages ("a 6-year-old", "50 years old") are not temporal expressions in TimeML.
  if (!u || u->unit == Unit::none) return false;
  if (is(k + 1, "old") || (is(k + 1, "-") && is(k + 2, "old"))) return false;
  if (u->article) return false;
  if (is(j, "a") && is(k, "second")) return false;  // "a second time"
  // "a year" needs the singular; "two year" (adjectival) is fine, "a years" is not.
  if (n == 1 && u->plural && is(j, "a")) return false;
  if (n == kVague && !u->plural && !hyphen_unit) return false;
  if (n == 0) return false;
  std::size_t e = k + 1;
  // "and a half"
  bool and_half = false;
  if (is(e, "and") && is(e + 1, "a") && is(e + 2, "half")) { and_half = true; e += 3; }
  if (frac_half) and_half = true;
  // Relative: "two years ago", "a year earlier", "three days later"
  // "a day earlier" in a narrative counts from the story's day, not the
  // reference date: like "three days later" it stays a duration.
  bool narrative = w(e) && w(e)->post < 0 && !is(e, "ago") && u->unit <= Unit::fortnight;
  if (w(e) && w(e)->post && !w(e)->post_outside && !narrative && !hyphen_unit && !the_) {
    m.last = e + 1;
    relative_count(n == kVague ? -1 : n, u->unit, w(e)->post, m);
    // "a year earlier" in quarterly reports means the same quarter a year before.
    if (u->unit == Unit::year && n == 1 && last_quarter && has_ref && (is(e, "ago") || is(e, "earlier")) &&
        quarter_talk())
      m.value = fmt::format("{:04}-Q{}", last_quarter_year - 1, last_quarter);
    // "… yesterday, up from 4 pence a year earlier": that day a year before
    int sy = 0, sm = 0, sd = 0;
    if (u->unit == Unit::year && n == 1 && (is(e, "ago") || is(e, "earlier")) && m.value.find('Q') == std::string::npos &&
        parse_iso_date(sentence_day, sy, sm, sd) && cal::valid(sy - 1, sm, sd))
      m.value = cal::format_day({sy - 1, sm, sd});
    m.mod = mod;
    return true;
  }
  // "from now"
  if (const Word* p = nullptr; phrase(e, p) > e && p && p->post) {
    std::size_t f = phrase(e, p);
    m.last = f;
    relative_count(n == kVague ? -1 : n, u->unit, p->post, m);
    return true;
  }
  // "the 14-day strike": the article belongs to the noun, not the duration
  if (the_ && hyphen_unit) return false;
  m.last = e;
  m.type = TimexType::duration;
  // "twice a year", "three times a week": a frequency
  if (n == 1 && is(j, "a") && i > 0 && (is(i - 1, "once") || is(i - 1, "twice") || is(i - 1, "times"))) {
    m.type = TimexType::set;
    m.value = duration_value(1, u->unit);
    return true;
  }
  // "$1 billion a year", "24 hours a day", "four flights a week": a rate, not a time
  if (n == 1 && is(j, "a") && j == i && i > 0 && !u->plural && e == k + 1) {
    const Token& p = T[i - 1];
    std::string_view pt = tx(i - 1);
    bool plural_noun = p.kind == TokenKind::word && !w(i - 1) && pt.size() > 3 && pt.back() == 's' && !p.capitalized;
    if (p.kind == TokenKind::number || plural_noun || (w(i - 1) && w(i - 1)->multiplier) ||
        (w(i - 1) && w(i - 1)->unit != Unit::none && w(i - 1)->plural))
      return false;
  }
  if (and_half && n >= 0) {
    // "two and a half years": whole units plus half of one in the next smaller unit.
    if (u->unit == Unit::year) m.value = fmt::format("P{}Y6M", n);
    else if (u->unit == Unit::hour) m.value = fmt::format("PT{}H30M", n);
    else if (u->unit == Unit::minute) m.value = fmt::format("PT{}M30S", n);
    else if (u->unit == Unit::day) m.value = fmt::format("P{}DT12H", n);
    else m.value = duration_value(n, u->unit);
  } else {
    m.value = duration_value(n == kVague ? -1 : n, u->unit);
  }
  m.mod = mod;
  return true;
}

// Hyphenated single tokens: "two-year", "third-quarter", "mid-1990s", "year-earlier",
// "mid-October", "year-end", "one-day".
bool Scan::hyphenated(std::size_t i, Match& m) const {
  std::string_view s = tx(i);
  std::size_t h = s.find('-');
  if (T[i].kind != TokenKind::word || h == std::string_view::npos || h == 0) return false;
  char b1[32], b2[32];
  std::string sp1, sp2;
  std::string_view left = lex::fold_short(s.substr(0, h), b1, sp1);
  std::string_view right_all = s.substr(h + 1);
  std::size_t h2 = right_all.find('-');
  std::string_view right = lex::fold_short(right_all.substr(0, h2), b2, sp2);
  const Word* L = lex.lookup(left);
  const Word* R = lex.lookup(right);
  if (L && !L->premod.empty() && h2 == std::string_view::npos) {
    // "mid-1990s", "mid-October", "late-November", "early-1989" (a leading
    // "the" is taken by best(): "the mid-1990s")
    const std::string mod = L->premod;
    std::string_view r = right_all;
    if (r.size() == 5 && r[4] == 's') {
      int y = digits(r, 0, 4);
      if (y >= 1000) { m.last = i + 1; m.value = fmt::format("{:03}X", y / 10); m.mod = mod; return true; }
    }
    if (r.size() == 4 && digits(r, 0, 4) >= 1000) { m.last = i + 1; m.value = std::string(r); m.mod = mod; return true; }
    if (R && R->month) {
      m.last = i + 1;
      m.mod = mod;
      m.relative = true;
      std::size_t k = i + 1;
      if (int y = year_number(k)) { m.value = cal::format_month(y, R->month); m.last = k + 1; m.relative = false; return true; }
      m.value = has_ref ? cal::format_month(resolve_year(R->month, 0, direction(i)), R->month) : fmt::format("XXXX-{:02}", R->month);
      return true;
    }
    return false;
  }
  if (!L || !R) return false;
  // "third-quarter", "fourth-quarter": a quarter
  if (L->ordinal >= 1 && L->ordinal <= 4 && R->unit == Unit::quarter && h2 == std::string_view::npos) {
    if (!has_ref) { m.last = i + 1; m.value = fmt::format("XXXX-Q{}", L->ordinal); m.relative = true; return true; }
    int rq = (ref.m - 1) / 3 + 1;
    int y = L->ordinal > rq ? ref.y - 1 : ref.y;
    m.last = i + 1;
    m.relative = true;
    m.value = fmt::format("{:04}-Q{}", y, L->ordinal);
    m.quarter = L->ordinal;
    m.quarter_year = y;
    return true;
  }
  // "year-earlier", "year-ago": last year's (quarter)
  if (L->unit == Unit::year && (right == "earlier" || right == "ago")) {
    m.last = i + 1;
    m.relative = true;
    if (!has_ref) { m.value = "PAST_REF"; return true; }
    // "year-earlier quarter/period" is handled by quarter(); here the adjective alone
    if (last_quarter && quarter_talk()) m.value = fmt::format("{:04}-Q{}", last_quarter_year - 1, last_quarter);
    else m.value = cal::format_year(ref.y - 1);
    std::size_t k = i + 1;
    if (w(k) && (is(k, "period") || (w(k)->unit == Unit::quarter && !w(k)->plural))) m.last = k + 1;
    return true;
  }
  if (L->unit == Unit::year && right == "end") {  // "year-end": the last day of the year
    m.last = i + 1;
    m.relative = true;
    m.value = has_ref ? cal::format_day({ref.y, 12, 31}) : "XXXX-12-31";
    return true;
  }
  // "two-year", "30-day", "one-day", "five-hour", "eight-year-old"
  long n = -1;
  if (L->number >= 1 && !L->article) n = L->number;
  if (n < 0) {
    // "twenty-five-year" is too rare to handle
    return false;
  }
  if (R->unit != Unit::none && !R->plural) {
    if (h2 != std::string_view::npos) return false;  // "six-year-old": an age
    m.last = i + 1;
    m.type = TimexType::duration;
    m.value = duration_value(n, R->unit);
    return true;
  }
  return false;
}

// today, yesterday [morning], tonight, weekdays [night], "late yesterday"
bool Scan::deictic(std::size_t i, Match& m) const {
  const Word* a = w(i);
  if (!a) return false;
  if (a->deictic != kNone) {
    m.last = i + 1;
    m.relative = true;
    if (!has_ref) {
      m.value = a->deictic < 0 ? "PAST_REF" : a->deictic > 0 ? "FUTURE_REF" : "PRESENT_REF";
      return true;
    }
    Ymd d = cal::add_days(ref, a->deictic);
    m.value = cal::format_day(d);
    std::string part = a->deictic_part;
    if (part.empty() && w(i + 1) && !w(i + 1)->daypart.empty()) { part = w(i + 1)->daypart; m.last = i + 2; }
    if (!part.empty()) { m.value += "T" + part; m.type = TimexType::time; }
    return true;
  }
  if (a->weekday && (T[i].capitalized || a->abbr)) {
    if (a->abbr && !T[i].capitalized) return false;
    m.last = i + 1;
    m.relative = true;
    if (!has_ref) {
      m.value = fmt::format("XXXX-WXX-{}", a->weekday);
    } else {
      // "Wednesday's ruling": an event already named, in the past
      bool possessive = is(i + 1, "'s") || is(i + 1, "\u2019s");
      int dir = !possessive && future_context(i) ? 1 : -1;
      m.value = cal::format_day(resolve_weekday(a->weekday, dir));
    }
    // "Friday, Oct. 13": the explicit date wins
    std::size_t k = i + 1;
    if (is(k, ",")) ++k;
    Match inner;
    if (w(k) && w(k)->month && absolute(k, inner) && inner.last > k + 1) {
      m = inner;
      return true;
    }
    // "Wednesday night": TimeBank mostly values the day alone, but always
    // keeps "evening" (2000-03-29TEV): the lexicon marks such parts day_part_kept
    if (w(i + 1) && !w(i + 1)->daypart.empty()) {
      m.last = i + 2;
      if (has_ref && w(i + 1)->daypart_kept) m.value += "T" + w(i + 1)->daypart, m.type = TimexType::time;
    }
    return true;
  }
  return false;
}

// Clock times: "8:30 a.m.", "10 p.m. EST", "noon", "midnight Friday".
bool Scan::clock(std::size_t i, Match& m) const {
  int hh = -1, mm = 0;
  std::size_t j = i;
  const Word* a = w(i);
  if (a && !a->clock.empty()) {
    hh = digits(a->clock, 0, 2);
    mm = digits(a->clock, 3, 2);
    ++j;
  } else if (N[i] >= 0 && tx(i).size() <= 2 && T[i].kind == TokenKind::number) {
    hh = N[i];
    j = i + 1;
    if (is(j, ":") && adjacent(j) && adjacent(j + 1) && j + 1 < size() && tx(j + 1).size() == 2 && N[j + 1] >= 0) {
      mm = N[j + 1];
      j += 2;
    } else if (!(w(j) && !w(j)->ampm.empty())) {
      return false;
    }
    if (hh > 24 || mm > 59) return false;
    if (w(j) && !w(j)->ampm.empty()) {
      if (w(j)->ampm == "pm" && hh < 12) hh += 12;
      if (w(j)->ampm == "am" && hh == 12) hh = 0;
      ++j;
    } else if (is(j, "a") || is(j, "p")) {
      return false;
    }
  } else {
    return false;
  }
  if (w(j) && w(j)->zone) ++j;
  // The day it belongs to: "Tuesday", "yesterday", "Nov. 9"
  std::size_t k = j;
  if (is(k, ",")) ++k;
  if (is(k, "on")) ++k;
  Match day;
  // Without a day of its own, a clock time belongs to the day the sentence named
  // before it ("On Friday, … at 10:35 a.m."), else to the last day the story
  // named, else to the reference date.
  std::string date = !sentence_day.empty() ? sentence_day : !story_day.empty() ? story_day : has_ref ? cal::format_day(ref) : "XXXX-XX-XX";
  if (k < size() && (deictic(k, day) || absolute(k, day)) && day.value.size() >= 10 && day.value[4] == '-' &&
      day.value.size() == 10) {
    date = day.value;
    j = day.last;
  }
  m.last = j;
  m.type = TimexType::time;
  m.relative = true;
  m.value = fmt::format("{}T{:02}:{:02}", date, hh, mm);
  if (a && a->clock == "24:00") m.value = fmt::format("{}T24:00", date);
  return true;
}

// Whether an amount ends just before token i: a number, "%", a multiplier
// ("million"), or one plain noun after one of those ("10,000 units").
bool Scan::amount_before(std::size_t i) const {
  auto amount = [&](std::size_t k) {
    return T[k].kind == TokenKind::number || tx(k) == "%" || (w(k) && w(k)->multiplier);
  };
  if (i == 0) return false;
  if (amount(i - 1)) return true;
  return i > 1 && T[i - 1].kind == TokenKind::word && !w(i - 1) && !T[i - 1].capitalized && amount(i - 2);
}

bool Scan::setexpr(std::size_t i, Match& m) const {
  const Word* a = w(i);
  if (!a) return false;
  if (!a->set.empty()) {
    // "rise 8.5% annually", "10,000 units annually", "$2 million daily": a rate, not a time
    if (a->set != "TNI" && amount_before(i)) return false;
    m.last = i + 1;
    m.type = TimexType::set;
    m.value = a->set == "TNI" ? "XXXX-XX-XXTNI" : a->set;
    return true;
  }
  if (a->setq) {
    if (amount_before(i)) return false;  // "15 million instructions per second"
    std::size_t j = i + 1;
    long n = 1;
    std::size_t k = count(j, n, false);
    if (k == j) n = 1;
    if (w(k) && w(k)->unit != Unit::none) {
      m.last = k + 1;
      m.type = TimexType::set;
      m.value = duration_value(n < 0 ? 1 : n, w(k)->unit);
      return true;
    }
    if (w(k) && w(k)->weekday) {
      m.last = k + 1;
      m.type = TimexType::set;
      m.value = fmt::format("XXXX-WXX-{}", w(k)->weekday);
      return true;
    }
    if (w(k) && w(k)->month && T[k].capitalized) {  // "each July"
      m.last = k + 1;
      m.type = TimexType::set;
      m.value = fmt::format("XXXX-{:02}", w(k)->month);
      return true;
    }
    if (w(k) && !w(k)->season.empty()) {  // "every summer"
      m.last = k + 1;
      m.type = TimexType::set;
      m.value = "XXXX-" + w(k)->season;
      return true;
    }
  }
  return false;
}

// now, recently, the future, recent years, these days …
bool Scan::vague(std::size_t i, Match& m) const {
  const Word* ph = nullptr;
  std::size_t e = phrase(i, ph);
  if (e > i && ph && !ph->vague.empty()) {
    // "the past two months" is a duration, "the past year" too: not "the past"
    if (w(e) && (w(e)->unit != Unit::none || w(e)->number >= 0 || T[e].kind == TokenKind::number)) return false;
    // "the future of our peoples", "the past of the party": what lies ahead for
    // something, a noun phrase rather than a time
    if (is(e, "of") && T[i].kind == TokenKind::word && the(i)) return false;
    m.last = e;
    m.value = ph->vague;
    m.relative = true;
    return true;
  }
  const Word* a = w(i);
  if (!a || a->vague.empty()) return false;
  // "recent years", "recent weeks": a stretch of unknown length
  if (w(i + 1) && w(i + 1)->unit != Unit::none && w(i + 1)->plural) {
    m.last = i + 2;
    // "recent years" is a vague past; "recent weeks" a stretch of unknown length
    if (w(i + 1)->unit >= Unit::year) { m.value = a->vague; m.relative = true; return true; }
    m.type = TimexType::duration;
    m.value = duration_value(-1, w(i + 1)->unit);
    return true;
  }
  // "current" and "recent" as adjectives of anything else are not dates
  if ((is(i, "current") || is(i, "recent") || is(i, "future") || is(i, "upcoming")) &&
      !(i + 1 >= size() || T[i + 1].kind == TokenKind::punct)) {
    if (!is(i, "future") && !is(i, "current") && !is(i, "recent")) return false;
  }
  if (is(i, "upcoming")) return false;
  // "as soon as", "soon after": a connective, not a time
  if ((i > 0 && is(i - 1, "as")) || is(i + 1, "after") || is(i + 1, "before") || is(i + 1, "as")) return false;
  // "Now, he says, ...", "Currently, Avon has ...": opening a sentence before a
  // comma, the adverb frames the sentence as a discourse marker; TimeBank
  // leaves it unmarked
  if (a->vague == "PRESENT_REF" && i == sent_first && is(i + 1, ",")) return false;
  // "He was soon released": soon after a past moment of the story, not the future
  if (a->vague == "FUTURE_REF" && tense(i) < 0) return false;
  m.last = i + 1;
  m.value = a->vague;
  m.relative = true;
  return true;
}

// The day a holiday rule gives in year y: "12-25", "4/4/11" (4th Thursday of
// November), "L/1/5" (last Monday of May), "E" (US Election Day).
bool holiday_day(std::string_view rule, int y, Ymd& out) {
  if (rule == "E") {  // the Tuesday after the first Monday of November
    Ymd first{y, 11, 1};
    int wd = cal::weekday(first);
    out = cal::add_days(first, (8 - wd) % 7 + 1);
    return true;
  }
  if (rule.size() == 5 && rule[2] == '-') {
    out = {y, digits(rule, 0, 2), digits(rule, 3, 2)};
    return cal::valid(out.y, out.m, out.d);
  }
  std::size_t a = rule.find('/'), b = rule.rfind('/');
  if (a == std::string_view::npos || a == b) return false;
  int wd = to_int(rule.substr(a + 1, b - a - 1), 0), mo = to_int(rule.substr(b + 1), 0);
  if (wd < 1 || wd > 7 || mo < 1 || mo > 12) return false;
  if (rule.substr(0, a) == "L") {
    Ymd last{y, mo, cal::days_in_month(y, mo)};
    out = cal::add_days(last, -((cal::weekday(last) - wd + 7) % 7));
    return true;
  }
  int n = to_int(rule.substr(0, a), 0);
  if (n < 1 || n > 5) return false;
  Ymd first{y, mo, 1};
  out = cal::add_days(first, (wd - cal::weekday(first) + 7) % 7 + 7L * (n - 1));
  return out.m == mo;
}

// "Thanksgiving", "last Christmas", "Christmas Day 1998"
bool Scan::holiday(std::size_t i, Match& m) const {
  std::size_t j = i;
  int shift = kNone;
  if (w(j) && w(j)->shift != kNone && (w(j)->shift != 0 || is(j, "this"))) shift = w(j++)->shift;
  if (j >= size() || !T[j].capitalized) return false;
  const Word* h = nullptr;
  std::size_t e = phrase(j, h);
  if (e == j || !h || h->holiday.empty()) {
    h = w(j);
    e = j + 1;
  }
  if (!h || h->holiday.empty()) return false;
  Ymd probe;
  if (int y = year_number(e)) {
    if (!holiday_day(h->holiday, y, probe)) return false;
    m.last = e + 1;
    m.value = cal::format_day(probe);
    return true;
  }
  m.last = e;
  m.relative = true;
  if (!has_ref) { m.value = shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "XXXX-XX-XX"; return true; }
  // The nearest one, reading toward the past unless told otherwise.
  bool future = shift > 0 || (shift == kNone && future_context(i));
  int y = ref.y;
  if (!holiday_day(h->holiday, y, probe)) return false;
  long diff = cal::to_days(probe) - cal::to_days(ref);
  if (shift == -1) { if (diff >= 0) --y; }           // "last Christmas"
  else if (future) { if (diff < 0) ++y; }             // "next Christmas", "will … at Christmas"
  else if (shift == kNone && diff > 31) --y;          // a month ahead still reads as this year's
  if (!holiday_day(h->holiday, y, probe)) return false;
  m.value = cal::format_day(probe);
  return true;
}

// "the summer", "summer 1998", "the winter of 1994", "in the spring": the
// season named, the current or the last one before the reference date.
bool Scan::season(std::size_t i, Match& m) const {
  std::size_t j = the(i) ? i + 1 : i;
  const Word* a = w(j);
  if (!a || a->season.empty()) return false;
  std::size_t k = j + 1;
  if (is(k, "of") || is(k, ",")) ++k;
  if (int y = year_number(k)) {
    m.last = k + 1;
    m.value = fmt::format("{:04}-{}", y, a->season);
    return true;
  }
  // "the summer of last year", "spring of next year"
  if (has_ref && k > j + 1 && is(k - 1, "of") && w(k) && w(k)->shift != kNone && is(k + 1, "year")) {
    m.last = k + 2;
    m.relative = true;
    m.value = fmt::format("{:04}-{}", ref.y + w(k)->shift, a->season);
    return true;
  }
  // "the winter of nineteen ninety-four"
  if (Match sy; k > j + 1 && spelled_year(k, sy) && sy.value.size() == 4) {
    m.last = sy.last;
    m.value = sy.value + "-" + a->season;
    return true;
  }
  // "fall" is mostly a verb, "spring" a noun of its own: need "the"
  if (j == i) return false;
  if (w(j + 1) && (w(j + 1)->unit != Unit::none || T[j + 1].kind == TokenKind::word) && !is(j + 1, "and")) return false;
  m.last = j + 1;
  m.relative = true;
  if (!has_ref) { m.value = "XXXX-" + a->season; return true; }
  int start = a->season == "SP" ? 3 : a->season == "SU" ? 6 : a->season == "FA" ? 9 : 12;
  int y = ref.m >= start ? ref.y : ref.y - 1;
  if (start == 12 && ref.m <= 2) y = ref.y - 1;
  if (future_context(i) && ref.m < start) y = ref.y;
  m.value = fmt::format("{:04}-{}", y, a->season);
  return true;
}

// Years in words, as broadcast transcripts write them: "nineteen ninety-six",
// "nineteen seventy nine", "the year two thousand".
bool Scan::spelled_year(std::size_t i, Match& m) const {
  std::size_t j = i;
  if (the(j) && is(j + 1, "year")) j += 2;
  const Word* a = w(j);
  if (!a) return false;
  if (j > i && a->number == 2 && is(j + 1, "thousand")) {
    long n = 2000;
    std::size_t k = j + 2;
    if (is(k, "and")) ++k;
    if (w(k) && w(k)->number >= 1 && w(k)->number <= 99 && !w(k)->article) n += w(k++)->number;
    m.last = k;
    m.value = cal::format_year(static_cast<int>(n));
    return true;
  }
  if (a->number < 11 || a->number > 20 || a->article) return false;
  long rest = -1;
  std::size_t k = count(j + 1, rest, false);
  if (k == j + 1 || rest < 10 || rest > 99) return false;
  m.last = k;
  m.value = cal::format_year(static_cast<int>(a->number * 100 + rest));
  return true;
}

// "that year", "that day", "that month": the story's own time, the year, month
// or day of the last calendar date named before.
bool Scan::anaphor(std::size_t i, Match& m) const {
  if (!(w(i) && w(i)->anaphor) || !w(i + 1) || w(i + 1)->plural) return false;
  std::size_t j = i + 1;
  if (is(j, "same")) ++j;
  const Word* u = w(j);
  if (!u || story_value.empty()) return false;
  const std::string& v = story_value;
  bool has_month = v.size() >= 7 && v[4] == '-' && std::isdigit(static_cast<unsigned char>(v[5]));
  if (u->unit == Unit::year) m.value = v.substr(0, 4);
  else if (u->unit == Unit::month && has_month) m.value = v.substr(0, 7);
  else if (u->unit == Unit::day && v.size() >= 10 && has_month && std::isdigit(static_cast<unsigned char>(v[8])))
    m.value = v.substr(0, 10);
  else return false;
  m.last = j + 1;
  m.relative = true;
  return true;
}

// Unit words without a count, after a preposition: "for years", "within
// weeks", "over the weekend", "for the year", "the year 1990".
bool Scan::bare(std::size_t i, Match& m) const {
  if (i == 0) return false;
  bool prep = is(i - 1, "for") || is(i - 1, "in") || is(i - 1, "over") || is(i - 1, "within") ||
              is(i - 1, "during") || is(i - 1, "throughout");
  std::size_t j = the(i) ? i + 1 : i;
  if (j > i && w(j) && w(j)->whole && w(j + 1) && w(j + 1)->unit == Unit::year) ++j;  // "for the full year"
  const Word* u = w(j);
  if (!u || u->unit == Unit::none) return false;
  if (j == i) {  // "for years": a duration of unknown length
    if (!u->plural || !prep || u->unit == Unit::quarter) return false;
    m.last = j + 1;
    m.type = TimexType::duration;
    m.value = duration_value(-1, u->unit);
    return true;
  }
  if (u->plural) return false;
  if (u->unit == Unit::year) {
    if (int y = year_number(j + 1)) {  // "the year 1990"
      m.last = j + 2;
      m.value = cal::format_year(y);
      return true;
    }
    if (!(is(i - 1, "for") || is(i - 1, "in")) || (w(j + 1) && (w(j + 1)->unit != Unit::none || is(j + 1, "before") || is(j + 1, "after") || is(j + 1, "earlier")))) return false;
    m.last = j + 1;
    // "for the year ended March 31": a twelve-month period; "a high for the
    // year", "earlier in the year": the current year
    if (has_ref && !(w(j + 1) && w(j + 1)->period_end)) {
      m.relative = true;
      m.value = cal::format_year(ref.y);
      return true;
    }
    m.type = TimexType::duration;
    m.value = "P1Y";
    return true;
  }
  if (u->unit == Unit::weekend && prep) {  // the most recent weekend, or the coming one
    m.last = j + 1;
    m.relative = true;
    if (!has_ref) { m.value = "XXXX-WXX-WE"; return true; }
    int wd = cal::weekday(ref);
    Ymd d = ref;
    if (wd < 6) d = future_context(i) ? ref : cal::add_days(ref, -7);
    m.value = cal::format_week(d) + "-WE";
    return true;
  }
  return false;
}

Match Scan::best(std::size_t i, int depth) const {
  Match out;
  out.last = i;
  if (i >= size()) return out;  // "the end of" at the end of the text
  Match m;
  // Inlined: it runs fourteen times for every start tried.
  auto attempt = [&](bool ok) __attribute__((always_inline)) {
    if (ok && m.last > out.last && !m.value.empty()) std::swap(out, m);
    m.reset();
  };
  attempt(absolute(i, m));
  attempt(quarter(i, m));
  attempt(relative(i, m));
  attempt(counted(i, m));
  attempt(hyphenated(i, m));
  attempt(deictic(i, m));
  attempt(clock(i, m));
  attempt(setexpr(i, m));
  attempt(vague(i, m));
  attempt(bare(i, m));
  attempt(anaphor(i, m));
  attempt(holiday(i, m));
  attempt(season(i, m));
  attempt(spelled_year(i, m));
  if (depth > 1) return out;
  const Word* a = w(i);
  // "early next year", "late November", "mid 1990", "earlier this month",
  // "the late 1970s"
  std::size_t pm = the(i) && w(i + 1) && !w(i + 1)->premod.empty() ? i + 1 : i;
  if (pm > i) a = w(pm);
  if (a && !a->premod.empty()) {
    std::size_t j = pm + 1;
    if (is(j, "-") && adjacent(j)) ++j;
    Match inner = best(j, depth + 1);
    // "earlier this year" is one expression, "earlier Friday" is not
    bool shifted = w(j) && (w(j)->shift != kNone || w(j)->anaphor);
    if ((is(pm, "earlier") || is(pm, "later")) && !shifted) inner.last = 0;
    // with "the" only before a decade ("the late 1970s", not "the early results")
    bool decade = inner.value.size() == 4 && inner.value[3] == 'X';
    if (pm > i && !decade) inner.last = 0;
    if (inner.last > j && inner.type == TimexType::date && inner.value.find('T') == std::string::npos &&
        inner.value.size() >= 2 && inner.last > out.last) {
      out = inner;
      if (!is(pm, "earlier") && !is(pm, "later")) out.mod = a->premod;
    }
  }
  // "the mid-1990s"
  if (the(i) && i + 1 < size() && T[i + 1].kind == TokenKind::word && tx(i + 1).find('-') != std::string_view::npos) {
    Match inner;
    if (hyphenated(i + 1, inner) && inner.value.size() == 4 && inner.value[3] == 'X' && inner.last > out.last) out = inner;
  }
  // "the week of March 6": the ISO week of that day
  {
    std::size_t j = the(i) ? i + 1 : i;
    if (j > i && w(j) && w(j)->unit == Unit::week && !w(j)->plural && is(j + 1, "of")) {
      Match inner = best(j + 2, depth + 1);
      int y = 0, mo = 0, d = 0;
      if (inner.last > j + 2 && inner.value.size() == 10 && parse_iso_date(inner.value, y, mo, d) && inner.last > out.last) {
        out = inner;
        out.value = cal::format_week({y, mo, d});
      }
    }
  }
  // "the end of 1994", "the beginning of October", "the end of the year"
  {
    std::size_t j = the(i) ? i + 1 : i;
    if (w(j) && !w(j)->edge.empty() && is(j + 1, "of")) {
      Match inner = best(j + 2, depth + 1);
      // "the end of the year", "the end of the month": this one
      if (inner.last <= j + 2 && the(j + 2) && w(j + 3) && !w(j + 3)->plural &&
          (w(j + 3)->unit == Unit::year || w(j + 3)->unit == Unit::month || w(j + 3)->unit == Unit::week)) {
        inner = Match{};
        inner.last = j + 4;
        unit_date(w(j + 3)->unit, 0, inner);
      }
      if (inner.last > j + 2 && inner.type == TimexType::date && inner.last > out.last) {
        std::string mod = w(j)->edge;
        out = inner;
        out.mod = mod;
      }
    }
  }
  return out;
}

}  // namespace

DateResult DateExtractor::extract(const Document& doc, const Tokenized& tk) const {
  DocumentSyntax none(nullptr, doc.text, tk);
  return extract(doc, tk, none);
}

DateResult DateExtractor::extract(const Document& doc, const Tokenized& tk, DocumentSyntax& syntax) const {
  DateResult r;
  Scan sc(impl_->lex, doc.text, tk.tokens);
  // The publication date the reader chose (choose_publication_date) is the reference.
  if (doc.date && doc.date->size() >= 10) {
    int y = 0, m = 0, d = 0;
    if (parse_iso_date(std::string_view(*doc.date).substr(0, 10), y, m, d)) {
      sc.has_ref = true;
      sc.ref = {y, m, d};
    }
  }
  std::size_t s = 0, day_sentence = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < sc.size();) {
    while (s < tk.sentences.size() && tk.sentences[s].last <= i) ++s;
    sc.sent_first = s < tk.sentences.size() ? tk.sentences[s].first : 0;
    sc.sent_last = s < tk.sentences.size() ? tk.sentences[s].last : sc.size();
    sc.prev_first = s > 0 && s <= tk.sentences.size() ? tk.sentences[s - 1].first : sc.sent_first;
    // Most tokens cannot start an expression: skip them before trying patterns.
    if (!sc.may_start(i)) { ++i; continue; }
    if (s != day_sentence) sc.sentence_day.clear();
    Match m = sc.best(i);
    if (m.last <= i) { ++i; continue; }
    if (sc.titled(i, m.last)) { i = m.last; continue; }
    if (m.type == TimexType::date && m.value.size() == 10 && m.value[4] == '-' && m.value[7] == '-' &&
        m.value[0] != 'X') {
      sc.sentence_day = m.value;
      sc.story_day = m.value;
      day_sentence = s;
    }
    if (m.type == TimexType::date && m.value.size() >= 4 && std::isdigit(static_cast<unsigned char>(m.value[0])) &&
        std::isdigit(static_cast<unsigned char>(m.value[3])))
      sc.story_value = m.value;
    TimeExpression e;
    e.span = {tk.tokens[i].span.start, tk.tokens[m.last - 1].span.end};
    e.type = m.type;
    e.value = std::move(m.value);
    e.mod = std::move(m.mod);
    e.relative = m.relative;
    e.sentence = s;
    std::string b, en;
    if (e.type != TimexType::duration && e.type != TimexType::set && timex_interval(e.value, b, en)) {
      e.begin = std::move(b);
      e.end = std::move(en);
    }
    // Only a quarter near the reference date anchors the reported one.
    if (m.quarter && (!sc.last_quarter || m.anchor_first) && (!sc.has_ref || std::abs(m.quarter_year - sc.ref.y) <= 1)) {
      sc.last_quarter = m.quarter;
      sc.last_quarter_year = m.quarter_year;
      sc.last_quarter_fiscal = m.fiscal;
    }
    r.dates.push_back(std::move(e));
    i = m.last;
  }
  return r;
}

}  // namespace newsan
