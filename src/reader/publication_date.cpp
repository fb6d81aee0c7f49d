// The publication date: one decision over the candidates the readers
// recorded (see choose_publication_date in newsan/reader.h).
#include <array>

#include "newsan/reader.h"

namespace newsan {

namespace {

// Lower is stronger. What the person running newsan says beats what the
// input says; a page's machine-readable metadata beats what is only visible
// (a date line), which beats the URL (often the day a story was first filed)
// and a dateline inside the text.
int rank(Origin o) {
  switch (o) {
    case Origin::option: return 0;
    case Origin::input: return 1;
    case Origin::metadata: return 2;
    case Origin::text: return 3;
    case Origin::url: return 4;
    case Origin::dateline: return 5;
    case Origin::none: break;
  }
  return 6;
}

}  // namespace

void choose_publication_date(Document& doc) {
  const DateCandidate* best = nullptr;
  for (const DateCandidate& c : doc.date_candidates)
    if (c.origin != Origin::none && !c.day.empty() && (!best || rank(c.origin) < rank(best->origin))) best = &c;
  if (best) {
    doc.date = best->day;
    doc.date_origin = best->origin;
  } else {
    doc.date.reset();
    doc.date_origin = Origin::none;
  }
}

}  // namespace newsan
