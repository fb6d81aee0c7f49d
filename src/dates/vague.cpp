// dates/vague.cpp — vague references: "now", "recently", "the future",
// "recent years", "these days" (PRESENT_REF, PAST_REF, FUTURE_REF).
// Part of the date extractor; the grammar and the Scan state are in dates/scan.h.
#include "dates/scan.h"

namespace newsan::timex {

// now, recently, the future, recent years, these days …
bool Scan::vague(std::size_t i, Match& m) const {
  const Word* ph = nullptr;
  std::size_t e = phrase(i, ph);
  if (e > i && ph && !ph->vague.empty()) {
    // "the past two months" is a duration, "the past year" too: not "the past"
    if (w(e) && (w(e)->unit != Unit::none || w(e)->number >= 0 || T[e].kind == TokenKind::number)) return false;
    // "the future of our peoples", "the past of the party": what lies ahead for
    // something, a noun phrase rather than a time
    if (cue(e, Cue::of) && T[i].kind == TokenKind::word && the(i)) return false;
    // "the future President": a title, not a time
    if (e < size() && T[e].kind == TokenKind::word && T[e].capitalized && !T[e].newline_before) return false;
    m.last = e;
    m.value = ph->vague;
    m.relative = true;
    return true;
  }
  // "officials said earlier.": a bare "earlier" ending a sentence after a word
  // that counts nothing ("two days earlier" is a pattern of its own)
  if (cue(i, Cue::earlier) && is(i + 1, ".") && i > sent_first && T[i - 1].kind == TokenKind::word &&
      !(w(i - 1) && (w(i - 1)->unit != Unit::none || w(i - 1)->number >= 0))) {
    m.last = i + 1;
    m.value = "PAST_REF";
    m.relative = true;
    return true;
  }
  // "at this time": now
  if (cue(i, Cue::this_) && cue(i + 1, Cue::time) && i > 0 && cue(i - 1, Cue::at)) {
    m.last = i + 2;
    m.value = "PRESENT_REF";
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
  if ((cue(i, Cue::current) || cue(i, Cue::recent) || cue(i, Cue::future) || cue(i, Cue::upcoming)) &&
      !(i + 1 >= size() || T[i + 1].kind == TokenKind::punct)) {
    if (!cue(i, Cue::future) && !cue(i, Cue::current) && !cue(i, Cue::recent)) return false;
  }
  if (cue(i, Cue::upcoming)) return false;
  // "as soon as", "soon after": a connective, not a time
  if ((i > 0 && cue(i - 1, Cue::as)) || cue(i + 1, Cue::after) || cue(i + 1, Cue::before) || cue(i + 1, Cue::as)) return false;
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

}  // namespace newsan::timex
