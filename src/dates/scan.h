// dates/scan.h — the date extractor's grammar: one document's scan state and
// the patterns tried at each token. Internal to src/dates/.
//
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
//
// Where each pattern lives: absolute.cpp (calendar dates, years, seasons,
// holidays), quarters.cpp, relative.cpp (shifts, counts with ago/later,
// today/yesterday/weekdays, anaphora), durations.cpp, times.cpp (clock
// times), sets.cpp, vague.cpp; scan.cpp holds best(), which tries them all;
// dates.cpp runs the scan over a document (DateExtractor::extract).
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "dates/lexicon.h"
#include "newsan/dates.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"
#include "util/calendar.h"
#include "util/lexicon.h"
#include "util/utf8.h"

namespace newsan::timex {

using cal::Ymd;

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
  int weekday = 0;                    // a bare weekday resolved by the tense cues (1..7), else 0
  std::size_t weekday_at = 0;         // its token (the value's day may come from it: "6pm on Saturday")
  bool own_day = false;               // a clock time whose day is written with it ("9 PM Wednesday")

  // Back to a default Match (every field above), keeping the strings' buffers.
  void reset() {
    last = 0;
    type = TimexType::date;
    value.clear();
    mod.clear();
    relative = false;
    quarter = quarter_year = 0;
    anchor_first = fiscal = false;
    weekday = 0;
    weekday_at = 0;
    own_day = false;
  }
};

inline const char* unit_code(Unit u) {
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

inline bool is_time_unit(Unit u) { return u == Unit::second || u == Unit::minute || u == Unit::hour; }

// TIMEX3 duration value for n units (n < 0: unknown count, "X").
inline std::string duration_value(long n, Unit u) {
  if (u == Unit::fortnight) { if (n >= 0) n *= 2; u = Unit::week; }
  // decades in years ("two decades" P20Y), as TimeBank writes them; "decades" PXY
  if (u == Unit::decade) { if (n >= 0) n *= 10; u = Unit::year; }
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
  std::string lead_day;         // the first day the story named (the day its lead tells)
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
    // phrase heads that are not words of their own ("new year's day", "these days")
    if (P[i]) return true;
    std::string_view t = tx(i);
    if (t.size() == 2 && (t[0] == 'Q' || t[0] == 'H')) return true;
    for (char c : t)  // a hyphen inside (a loop: words are short, memchr is a call)
      if (c == '-') return true;
    // Any other word starts nothing: every pattern needs a lexicon role, a phrase, a
    // digit or a hyphen at its first token, except quarter()'s "Most recent quarter"
    // (a capitalized word was once tried everywhere; "most" is the one that can match).
    return T[i].capitalized && cue(i, Cue::most);
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
  // Token i is the lexicon's cue word c ("since", "of").
  bool cue(std::size_t i, Cue c) const { return i < T.size() && W[i] && W[i]->cue == c; }
  // Token i has a date role (not only a cue).
  bool known(std::size_t i) const { return w(i) && w(i)->has_role; }
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

  // Digits glued to a part-of-day marker in one token ("3pm", "15PM", "11a.m."):
  // the number (at most `max_digits` digits, exactly `min_digits` or more) and
  // `half` set to the lexicon's am/pm, else -1.
  int glued_ampm(std::size_t i, std::size_t max_digits, std::string_view& half, std::size_t min_digits = 1) const {
    if (i >= T.size() || !T[i].has_digit) return -1;
    std::string_view s = tx(i);
    std::size_t d = 0;
    while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
    if (d < min_digits || d > max_digits || d == s.size() || s.size() - d > 4) return -1;
    char buf[8];
    std::size_t n = 0;
    for (std::size_t k = d; k < s.size(); ++k) buf[n++] = lex::ascii_lower(s[k]);
    const Word* x = lex.lookup(std::string_view(buf, n));
    if (!x || x->ampm.empty()) return -1;
    half = x->ampm;
    return digits(s, 0, d);
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
        if (b->number == 2 && cue(i + 1, Cue::couple)) { n = 2; return cue(i + 2, Cue::of) ? i + 3 : i + 2; }
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
      if (cue(i, Cue::couple) && cue(j, Cue::of)) ++j;
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
      if (cue(k, Cue::period)) return true;
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
    if (i > 0 && (cue(i - 1, Cue::since) || (cue(i - 1, Cue::in) && i > 1 && cue(i - 2, Cue::since)))) return -1;
    // "In January, the firm hired him": nothing before the month, the verb
    // after it tells. (A past verb before it does not: "said the offer
    // expires Nov. 17" is ahead as often as back.)
    int t = tense(i);
    if (t == 0 && T[i].capitalized && i > sent_first && cue(i - 1, Cue::in) && i - 1 == sent_first && tense_after(i) < 0)
      return -1;
    return t > 0 ? 1 : 0;
  }
  // 1 ahead, -1 back, 0 no cue.
  int tense(std::size_t i) const {
    for (std::size_t k = i; k-- > sent_first;) {
      const Word* c = w(k);
      // A participle after "be" ("will be held", "will be named") is passive, not past: read on to the modal.
      bool passive = k > 0 && (cue(k - 1, Cue::be) || cue(k - 1, Cue::being));
      if (c && c->future_cue) {
        // "had been due to expire Friday", "had planned": a plan before a past
        // time, so the day it named is past too ("the sale, which had been
        // expected, is due by February": a clause of its own, it tells nothing)
        for (std::size_t b = k; b > sent_first && b + 3 > k && T[b - 1].kind == TokenKind::word; --b)
          if (cue(b - 1, Cue::had) && k + 1 < i && T[k + 1].kind == TokenKind::word) return -1;
        // "Until Thursday, they had not called him a suspect": the clause after it tells
        if (cue(k, Cue::until) && tense_after(i) < 0) return -1;
        return 1;
      }
      if (c && c->past_cue && !passive) return -1;
      std::string_view t = tx(k);
      if (t.ends_with("'ll") || t.ends_with("\u2019ll")) return 1;
      if (T[k].kind == TokenKind::word && t.size() > 4 && t.ends_with("ed") && !T[k].capitalized && !(c && c->not_past) &&
          !passive) return -1;
    }
    return 0;
  }

  // Whether token i stands inside a quotation opened in its sentence or the one before.
  bool in_quote(std::size_t i) const {
    bool open = false;
    for (std::size_t k = prev_first; k < i && k < size(); ++k) {
      if (T[k].kind != TokenKind::punct) continue;
      std::string_view t = tx(k);
      if (t == "\u201c" || t == "``") open = true;
      else if (t == "\u201d" || t == "''") open = false;
      else if (t == "\"") open = !open;
    }
    return open;
  }

  // Whether the quotation around token i is attributed in the past: the few
  // words after its closing mark hold a past form ("…,” she added; "…," said Mr. Poe).
  bool said_in_past(std::size_t i) const {
    for (std::size_t k = i + 1; k < size() && k < i + 80; ++k) {
      std::string_view t = tx(k);
      if (T[k].kind != TokenKind::punct || !(t == "\u201d" || t == "''" || t == "\"")) continue;
      for (std::size_t j = k + 1; j < size() && j < k + 5; ++j) {
        const Word* c = w(j);
        std::string_view s = tx(j);
        if (cue(j, Cue::present)) return false;  // "…," she says: today is the day she speaks
        if ((c && c->past_cue) || (T[j].kind == TokenKind::word && s.size() > 4 && s.ends_with("ed") && !T[j].capitalized &&
                                   !(c && c->not_past)))
          return true;
      }
      return false;
    }
    return false;
  }

  // The tense of the rest of the sentence after token i, read forward by the
  // same cues as tense(): 1 ahead, -1 back, 0 no cue.
  int tense_after(std::size_t i) const {
    for (std::size_t k = i + 1; k < sent_last && k < size(); ++k) {
      const Word* c = w(k);
      if (c && c->future_cue) return 1;
      if (c && c->past_cue) return -1;
      std::string_view t = tx(k);
      if (T[k].kind == TokenKind::word && t.size() > 4 && t.ends_with("ed") && !T[k].capitalized && !(c && c->not_past))
        return -1;
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
           T[i - 1].capitalized && !known(i - 1);
  }

  // A bare year that opens a name ("the 2015 Boat Show", "2015 Elm Avenue",
  // "…, 2015 Spring Career Fair, …"): a capitalized word without a date role
  // follows it, and the parse makes it a dependent of a noun, not of a verb
  // ("In 2019 Maria Lopez opened …" stays a date): of a noun in that
  // capitalized run, or of a noun to its left when the run (two words or more)
  // fills the stretch up to the next punctuation, as in lists of events. The
  // sentence is parsed only then, so the cost stays with the few years that need it.
  // A four-digit number that is no year: an address ("2015 Washtenaw Avenue",
  // "the 2100 block of") or a copyright line ("Copyright 2015", "\u00a9 2015").
  bool not_a_year(std::size_t i) const {
    if (i > 0 && (cue(i - 1, Cue::copyright) || is(i - 1, "\u00a9"))) return true;
    // A year that closes a name of two capitalized words or more ("the Mid
    // Winter Meeting 2015", "World Cup 2014"); a word with a date role before
    // it ("In March 2015", "Fiscal Year 2015") keeps it a date.
    if (i >= sent_first + 2 && !T[i].newline_before && !T[i - 1].newline_before) {
      auto capital = [&](std::size_t k) { return T[k].kind == TokenKind::word && T[k].capitalized; };
      if (capital(i - 1) && !known(i - 1) && capital(i - 2)) return true;
    }
    if (cue(i + 1, Cue::block)) return true;
    for (std::size_t k = i + 1; k <= i + 3 && k < size() && T[k].kind == TokenKind::word && T[k].capitalized &&
                                !T[k].newline_before; ++k)
      if (k > i + 1 && w(k) && w(k)->street) return true;
    return false;
  }
  // A one-word expression that opens a name inside a sentence: a capitalized
  // date word (not a month, weekday or holiday) before another capitalized word
  // without a date role ("the Daily Express", "Weekly Standard").
  // So is a capitalized "Today" or "Tonight" after a lowercase word inside a
  // sentence ("She appeared on Today"): a programme, while a title-case
  // headline ("Ferry Sails Today") keeps it.
  bool opens_name(std::size_t i, std::size_t last) const {
    const std::size_t k = i + 1;
    if (last != k || i <= sent_first || !T[i].capitalized || T[i].newline_before) return false;
    if (T[i - 1].kind == TokenKind::punct || !w(i) || w(i)->month || w(i)->weekday || !w(i)->holiday.empty()) return false;
    if (w(i)->deictic != kNone && T[i - 1].kind == TokenKind::word && !T[i - 1].capitalized) return true;
    return k < size() && T[k].kind == TokenKind::word && T[k].capitalized && !T[k].newline_before && !known(k);
  }
  // The direction of a bare weekday read from the parse (relative.cpp).
  int weekday_tense(std::size_t i, DocumentSyntax& syntax) const;
  bool year_in_name(std::size_t i, DocumentSyntax& syntax) const {
    const std::size_t k = i + 1;
    if (!syntax.available() || k >= size() || !T[k].capitalized || T[k].newline_before || (w(k) && (w(k)->month || w(k)->weekday)))
      return false;
    // Cheap tests first, as parsing is slow: a name opens after punctuation, a
    // line break or an article ("the 2015 Boat Show"), never after "in 2004 …",
    // and has two capitalized words at least.
    if (!(i == 0 || T[i].newline_before || T[i - 1].kind == TokenKind::punct || the(i - 1)) || k + 1 >= size() ||
        !T[k + 1].capitalized || T[k + 1].newline_before)
      return false;
    const ParsedSentence& p = syntax.sentence_of_token(i);
    if (i < p.first_token || i - p.first_token >= p.words.size()) return false;
    const int h = p.words[i - p.first_token].head;
    if (h < 0 || static_cast<std::size_t>(h) >= p.words.size()) return false;
    const std::size_t ht = p.token(static_cast<std::size_t>(h));
    const Upos hu = p.words[static_cast<std::size_t>(h)].upos;
    if (hu != Upos::PROPN && hu != Upos::NOUN) return false;
    if (ht > i) {
      for (std::size_t t = k; t <= ht; ++t)
        if (!T[t].capitalized) return false;
      return true;
    }
    std::size_t e = k;
    while (e < size() && !T[e].newline_before && T[e].kind == TokenKind::word && T[e].capitalized) ++e;
    return e - k >= 2 && (e == size() || T[e].newline_before || T[e].kind == TokenKind::punct) &&
           i > 0 && (T[i].newline_before || T[i - 1].kind == TokenKind::punct);
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

// The day a holiday rule gives in year y (absolute.cpp).
bool holiday_day(std::string_view rule, int y, Ymd& out);

}  // namespace newsan::timex
