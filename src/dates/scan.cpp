// dates/scan.cpp — the scan machinery: lexicon phrases at a token, and
// best(), which tries every pattern at a start and keeps the longest match.
// Part of the date extractor; the grammar and the Scan state are in dates/scan.h.
#include "dates/scan.h"

namespace newsan::timex {

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
    if ((cue(pm, Cue::earlier) || cue(pm, Cue::later)) && !shifted) inner.last = 0;
    // with "the" only before a decade ("the late 1970s", not "the early results")
    bool decade = inner.value.size() == 4 && inner.value[3] == 'X';
    if (pm > i && !decade) inner.last = 0;
    if (inner.last > j && inner.type == TimexType::date && inner.value.find('T') == std::string::npos &&
        inner.value.size() >= 2 && inner.last > out.last) {
      out = inner;
      if (!cue(pm, Cue::earlier) && !cue(pm, Cue::later)) out.mod = a->premod;
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
    if (j > i && w(j) && w(j)->unit == Unit::week && !w(j)->plural && cue(j + 1, Cue::of)) {
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
    if (w(j) && !w(j)->edge.empty() && cue(j + 1, Cue::of)) {
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

}  // namespace newsan::timex
