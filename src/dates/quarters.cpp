// dates/quarters.cpp — quarters and halves: "the third quarter", "Q3",
// "third-quarter", "the first half", "the latest quarter" (not the periods of a game).
// Part of the date extractor; the grammar and the Scan state are in dates/scan.h.
#include "dates/scan.h"

namespace newsan::timex {

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
    if (j == i && w(j) && w(j)->shift != kNone && cue(j + 1, Cue::year) && (is(j + 2, "'s") || is(j + 2, "\u2019s"))) {
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
    if (cue(j, Cue::latest) || cue(j, Cue::most)) {
      latest = true;
      j += cue(j, Cue::most) && cue(j + 1, Cue::recent) ? 2 : 1;
    }
    if (int y = year_number(j)) { pre_year = y; ++j; }  // "the 1988 quarter"
    if (w(j) && w(j)->ordinal >= 1 && w(j)->ordinal <= 4) { q = w(j)->ordinal; ++j; }
    else if (!latest && w(j) && w(j)->shift != kNone) { shift = w(j)->shift; ++j; }
    if (w(j) && w(j)->fiscal) ++j;
    bool noun = w(j) && (w(j)->unit == Unit::quarter || w(j)->half) && !w(j)->plural;
    // "the latest period", "the year-earlier period": the reported quarter
    bool period = cue(j, Cue::period) && (latest || yshift || pre_year) && last_quarter;
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
  if (cue(k, Cue::of) || is(k, ",")) ++k;
  if (cue(k, Cue::fiscal)) ++k;
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
  if (!q && !half && !year && !(last_quarter && last_quarter_fiscal) && (cue(j, Cue::ended) || cue(j, Cue::ending)) &&
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
      if ((ended ? q >= rq : q > rq) && yshift == 0 && !cue(i, Cue::this_)) --y;
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
  if (!half && q && yshift >= 0 && !cue(i, Cue::next)) {
    m.quarter = q;
    m.quarter_year = std::atoi(m.value.c_str());
    m.anchor_first = ended;  // a quarter "ended" on a date names the reported one for sure
  }
  // "the quarter a year ago": that quarter a year before
  if (q && !year && m.value.size() == 7 && w(j) && w(j)->article && cue(j + 1, Cue::year) &&
      (cue(j + 2, Cue::ago) || cue(j + 2, Cue::earlier))) {
    m.value = fmt::format("{:04}-{}{}", std::atoi(m.value.c_str()) - 1, tag, q);
    m.last = j + 3;
    m.quarter = 0;
  }
  return true;
}

}  // namespace newsan::timex
