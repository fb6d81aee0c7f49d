// dates/lexicon.h — the words of temporal expressions as the date extractor
// reads them from data/lexicon/dates-en.tsv and the shared numbers-en.tsv (the roles are
// documented in the header of dates-en.tsv). Internal to src/dates/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsan/resources.h"
#include "util/calendar.h"
#include "util/lexicon.h"
#include "util/number_words.h"

namespace newsan::timex {

enum class Unit : std::uint8_t {
  none, second, minute, hour, day, week, weekend, fortnight, month, quarter, year, decade, century,
  millennium
};

// Words the patterns test one by one ("since March", "the year before"): the
// lexicon names each with a `cue NAME` row, so the words stay in
// data/lexicon/dates-en.tsv. NAME is the enumerator without its trailing "_".
enum class Cue : std::uint8_t {
  none,
  a, after, ago, and_, as, at, be, before, being, block, by, coming, copyright, couple, current,
  during, earlier, early, end, ended, ending, fiscal, for_, from, future, had, half, have, in, last,
  late, later, latest, long_, mid, most, new_, next, of, old, on, once, over, overnight, past, period, present, recent, same,
  second, since, this_, thousand, through, throughout, time, times, to, twice, until, upcoming,
  within, year,
};

// The cue a lexicon NAME stands for; Cue::none when unknown.
Cue cue_from_name(std::string_view name);

constexpr int kNone = -1000;  // "no value" for small signed fields
constexpr int kVague = -2;    // a count that is not given ("several")

// Everything the lexicons say about one word (or phrase).
struct Word {
  int month = 0;    // 1..12
  int weekday = 0;  // 1..7
  bool abbr = false;
  Unit unit = Unit::none;
  bool plural = false;
  int number = -1;  // cardinal value, kVague for "several"
  NumberWord numeral;  // the word in the shared number table (util/number_words.h)
  bool article = false;
  int multiplier = 0;
  int ordinal = 0;
  int shift = kNone;  // last -1, this 0, next 1
  int post = 0;       // ago -1, later 1
  bool post_outside = false;
  int deictic = kNone;
  std::string deictic_part;
  std::string holiday;
  std::string vague, season, daypart, premod, edge, approx, set, ampm, clock;
  bool approx_outside = false;
  bool filler = false;
  bool not_past = false;
  bool period_end = false;  // "ended", "ending": "the year ended March 31" is a period, not the year
  bool whole = false;       // "full", "whole", "entire": "for the full year" is the year
  bool daypart_kept = false;  // "Friday evening" is valued 2000-03-31TEV, "Friday night" the day alone
  bool anaphor = false;
  bool game = false;        // "innings", "touchdown": a game is told, its halves and quarters are no dates
  bool setq = false, fiscal = false, the = false, zone = false, future_cue = false, past_cue = false, half = false;
  bool street = false;     // "Avenue", "St.": a number before the street's name is no year
  bool month_cue = false;  // before "May" or "March" it makes them months ("in May")
  Cue cue = Cue::none;  // the one cue this word is (`cue NAME`)
  // Set by Lexicon::load: a role other than `cue` (a date word, not only a function word).
  bool has_role = false;
  // Set by Lexicon::load from the roles above: some pattern can start at this word.
  bool starts = false;
};

struct Phrase {
  std::vector<std::string> rest;  // the words after the first
  Word info;
};

// What the lexicon holds for one folded word: its roles and the phrases it heads.
struct Entry {
  const Word* word = nullptr;                    // null: no roles of its own
  const std::vector<Phrase>* phrases = nullptr;  // null: heads no phrase
};

// The unit a lexicon code names ("Y", "MI", "D14" …); Unit::none when unknown.
Unit unit_from_code(std::string_view code);
// s as a whole decimal int, else `fallback`.
int to_int(std::string_view s, int fallback);
using cal::digits;  // s[b, b+n) as decimal digits (util/calendar.h)

// The loaded lexicons: word -> roles, and multi-word phrases by first word.
// Not copyable: the lookup table points into the two maps.
struct Lexicon {
  lex::StringMap<Word> words;
  lex::StringMap<std::vector<Phrase>> phrases;

  Lexicon() = default;
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The entry for a word or phrase (created empty); `parts` is scratch space.
  Word& entry(const std::string& key, std::vector<std::string>& parts);

  // Loads numbers-en.tsv and dates-en.tsv; throws FormatError naming file and line.
  // Afterwards the maps must not change (find() points into them).
  void load(const Resources& res);
  // Everything known about a folded word; null when it is neither a word nor
  // a phrase head. Only after load().
  const Entry* find(std::string_view folded) const;
  const Word* lookup(std::string_view folded) const {
    const Entry* e = find(folded);
    return e ? e->word : nullptr;
  }
  // The entry of token text t (folded as lex::fold_short does); `spill` is scratch space.
  const Entry* find_token(std::string_view t, std::string& spill) const;

 private:
  // One table over the keys of both maps, built once by load(): one cheap hash
  // per token instead of a std::hash lookup in each map.
  lex::WordTable<Entry> index_;
  void build_index();
};

}  // namespace newsan::timex
