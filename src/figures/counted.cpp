// The figure scanner, part 5: what a figure counts, and the event read from
// the words around it.
#include "figures/scanner.h"

namespace newsan::figures {

// The piece after a run of capitalized words (with model numbers: "Su-24") that
// starts at `k`; `k` when none starts there.
std::size_t Scanner::cap_run_end(std::size_t k) const {
  if (!P[k].cap || P[k].digit) return k;
  std::size_t r = k;
  while (r < P.size() && r < k + 6) {
    // A function or event word ends it: "Of Cocaine Intercepted By …" of a headline is no name.
    if (P[r].kind == TokenKind::word && P[r].cap && !info(r).roles && !info(r).event) ++r;
    else if (word(r, "-") && glued(r - 1, r) && glued(r, r + 1) && r + 1 < P.size()) r += 2;
    else break;
  }
  return r;
}

Scanner::NP Scanner::counted_at(std::size_t j, bool after_of) const {
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
    // A name that modifies the noun after it is not what is counted: "6,000 white
    // Akoya pearls", "two female World Bank employees", "a dozen Sukhoi Su-24 attack planes";
    // a plural name ends the phrase: "8 straight World Cups".
    if (std::size_t r = cap_run_end(k); r > k && r < P.size()) {
      const Piece& n = P[r];
      if (n.kind == TokenKind::word && !n.cap && !n.digit && !role(r, role::np_stop) && !role(r, role::aux) &&
          !info(r).event && !ends_with(n.lower, "ly")) {
        if (!np.found) np.first = k, np.last = r - 1, np.found = true;  // the name stays in the phrase
        k = r;
        ++words;
        continue;
      }
      std::string_view end = P[r - 1].lower;
      if (words > 0 && ends_with(end, "s") && !ends_with(end, "ss") && !P[r - 1].digit) {
        np.last = r - 1;
        break;
      }
    }
    std::string_view w = p.lower;
    if (role(k, role::np_stop) || role(k, role::aux) || std::any_of(w.begin(), w.end(), is_digit)) break;
    if (w.front() == '\'' || w.substr(0, 3) == "\xE2\x80\x99") {  // "'s", "’s"
      // A possessor is not the head: "two of the world's largest brewers" counts brewers.
      if (!after_of || k + 1 >= P.size() || P[k + 1].kind != TokenKind::word || role(k + 1, role::np_stop)) break;
      np = NP{};
      words = 0;
      ++k;
      continue;
    }
    if (words > 0) {
      // A gerund ends the phrase as its head ("four hours of furious trading"); before
      // another word it is a verb ("families echoing the call").
      bool gerund_head = ends_with(w, "ing") && !(k + 1 < P.size() && P[k + 1].kind == TokenKind::word &&
                                                 !role(k + 1, role::np_stop) && !role(k + 1, role::prep));
      if (ends_with(w, "ly") || ends_with(w, "ed") || (ends_with(w, "ing") && !gerund_head) || role(k, role::prep))
        break;
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
      // A word before a noun modifies it, whatever else it may be: "two free throws",
      // "two injured workers" (a participle there says what happened to them).
      if ((verb || participle) && !noun_follows) break;
      if (info(k).event && ends_with(w, "ed") && noun_follows) np.modifier = k;
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

// Whether an event of class `cls` can happen to a figure of `kind`: what happens to
// people (killed, held, freed …) happens to counts; seizures also to amounts and
// measures; a duration or an age is never what an action was done to.
bool event_fits(EventClass cls, const std::string& kind) {
  if (kind == "duration" || kind == "age" || kind == "score") return false;
  bool count = kind == "count" || kind == "number" || kind == "rate";
  if (cls == EventClass::other) return true;
  if (cls == EventClass::seize) return count || kind == "money" || kind == "measure";
  return count;
}

Modality Scanner::modality_at(std::size_t verb) const {
  for (std::size_t k = verb, steps = 0; k > 0 && steps < 4; ++steps) {
    --k;
    if (P[k].kind != TokenKind::word || P[k].span.start < sent_start_) break;
    std::uint8_t r = lx_.predicate_of_form(P[k].lower);
    if (r & pred::negation) return Modality::negated;
    if (r & pred::expected_aux) return Modality::expected;
    if (word(k, "to") && k > 0 && lx_.predicate_of_form(P[k - 1].lower) & pred::expected_head) return Modality::expected;
  }
  return Modality::happened;
}

void Scanner::read_event(Figure& f, std::size_t start_piece, const NP& np, std::size_t after_piece) const {
  // A level after "to"/"from" has no direction, but a range "from X to Y" does.
  bool range = f.low.has_value();
  bool block_dir = start_piece > 0 && ((!range && role(start_piece - 1, role::range_from)) || word(start_piece - 1, "to"));
  // The event word must govern the figure: between them only determiners, "all",
  // adverbs, and "of" right after an event noun ("the release of 131 prisoners") or
  // "by"/"to" right after a verb of change ("cut by $110 million"). Anything else — a
  // noun, another preposition — means the word belongs to another phrase ("the
  // identities of the two people killed", "a death spiral over the past ten years").
  bool path_open = true;
  for (std::size_t steps = 0, k = start_piece; k > 0 && steps < 6; ++steps) {
    --k;
    const Piece& p = P[k];
    if (p.span.end <= last_end_ && last_end_ > sent_start_) break;
    if (blocker(p.span)) continue;  // a date between: "found Sunday 475 pounds"
    if (is_punct(k) && p.lower != "-") break;
    if (word(k, "to") || (!range && role(k, role::range_from)) || role(k, role::of)) block_dir = true;
    // Across a copula the noun is what the amount is, not an action: "the penalty is $95".
    if (role(k, role::copula) && k > 0 && info(k - 1).event && info(k - 1).event->cls == EventClass::other) break;
    // Contraband found in a search is seized: "agents found 475 pounds of cocaine".
    if (role(k, role::discover) && path_open && np.found && role(np.last, role::contraband) &&
        event_fits(EventClass::seize, f.kind)) {
      f.event = std::string(p.lower);
      f.event_class = EventClass::seize;
      f.event_span = p.span;
      return;
    }
    if (!info(k).event) {
      const EventWord* prev = k > 0 ? info(k - 1).event : nullptr;
      // An adjective of the figure's own phrase: "pay a hefty $450 million fine".
      bool adjective = steps == 0 && k > 0 && (role(k - 1, role::a) || role(k - 1, role::det)) &&
                       p.kind == TokenKind::word && !p.cap && !info(k).roles && !info(k).num;
      bool fn = role(k, role::det) || role(k, role::a) || word(k, "all") || p.lower == "-" ||
                (ends_with(p.lower, "ly") && p.lower.size() > 3) || role(k, role::aux) || role(k, role::focus) ||
                adjective;
      bool linked = prev && !prev->lemma.empty() &&
                    (role(k, role::of) || ((word(k, "by") || word(k, "to")) && prev->dir != Direction::none));
      if (!fn && !linked) path_open = false;
      continue;
    }
    const EventWord& ev = *info(k).event;
    if (ev.lemma.empty()) {
      if (steps == 0 && f.direction == Direction::none && !block_dir) f.direction = ev.dir;
      continue;
    }
    if (ev.dir != Direction::none && steps <= 2 && !block_dir && f.direction == Direction::none)
      f.direction = ev.dir;
    // A noun of another kind of action with "of" names the amount, not a deed:
    // "a payment of $500,000", "an operating cost of $85 million".
    // (A change does happen: "an increase of $320 million".)
    if (ev.cls == EventClass::other && ev.dir == Direction::none && role(k + 1, role::of)) break;
    if (path_open && event_fits(ev.cls, f.kind)) {
      f.event = ev.lemma;
      f.event_class = ev.cls;
      f.event_span = p.span;
      return;
    }
    break;
  }
  // The change of a verb's object: "raised the minimum wage by $1", "cut its budget by
  // 5%" — the verb is the event and its object is what the amount is of.
  if (f.event.empty() && start_piece >= 3 && word(start_piece - 1, "by") && !np.found &&
      (f.kind == "money" || f.kind == "percent")) {
    std::size_t head = start_piece - 2;
    const Piece& h = P[head];
    if (h.kind == TokenKind::word && !h.cap && !h.digit && !info(head).roles && !info(head).event && !info(head).num) {
      for (std::size_t k = head, steps = 0; k > 0 && steps < 6; ++steps) {
        --k;
        const EventWord* ev = info(k).event;
        if (ev && !ev->lemma.empty() && ev->cls == EventClass::other && event_fits(ev->cls, f.kind) &&
            !ends_with(P[k].lower, "ing") && !P[k].cap) {
          f.event = ev->lemma;
          f.event_class = ev->cls;
          f.event_span = P[k].span;
          if (f.counted.empty()) {
            f.counted_span = h.span;
            f.counted = std::string(h.span.in(text_));
          }
          return;
        }
        bool np_word = P[k].kind == TokenKind::word && !P[k].digit && !ev && (!role(k, role::np_stop) || role(k, role::det)) &&
                       !role(k, role::aux) && !role(k, role::prep) && !role(k, role::of);
        if (!np_word && P[k].lower != "'s" && P[k].lower != "\u2019s") break;
      }
    }
  }
  // A past verb right before the figure after its subject, not a modifier after an
  // article ("a reported 40"): "searchers recovered 40 bodies", "the fund earned 6%"
  // (a stated action of another kind, OTHER).
  if (start_piece >= 2 && f.event.empty() && (f.kind == "count" || f.kind == "money" || f.kind == "percent")) {
    const Piece& v = P[start_piece - 1];
    std::string_view w = v.lower;
    if (v.kind == TokenKind::word && !v.cap && w.size() > 4 && ends_with(w, "ed") && !info(start_piece - 1).roles &&
        !info(start_piece - 1).event && P[start_piece - 2].kind == TokenKind::word && !role(start_piece - 2, role::a) &&
        !role(start_piece - 2, role::det) && !role(start_piece - 2, role::aux)) {
      f.event = std::string(w);
      f.event_class = EventClass::other;
      f.event_span = v.span;
      return;
    }
  }
  // A participle before what is counted: "two injured workers".
  if (np.found && np.modifier != SIZE_MAX) {
    const EventWord* ev = info(np.modifier).event;
    if (ev && !ev->lemma.empty() && ev->dir == Direction::none && event_fits(ev->cls, f.kind)) {
      f.event = ev->lemma;
      f.event_class = ev->cls;
      f.event_span = P[np.modifier].span;
      return;
    }
  }
  // A verb after what is counted, its subject: "1,800 detainees remain imprisoned",
  // "30 people died"; after a bare number only as the subject of a clause ("2 were
  // killed", "more than 130 had responded") or the participle of an amount ("49 percent
  // owned by …").
  bool bare_count = !np.found && (f.kind == "count" || f.kind == "number") && role(after_piece, role::aux);
  bool amount = !np.found && (f.kind == "money" || f.kind == "percent");
  if (!np.found && !bare_count && !amount) return;
  // Past an "of" phrase of the subject: "Two major elements of NASA's strategy won funding".
  if (np.found && role(after_piece, role::of)) {
    NP of = counted_at(after_piece, true);
    if (of.found) after_piece = of.last + 1;
  }
  std::size_t k = after_piece;
  for (std::size_t steps = 0; k < P.size() && steps < 4; ++steps, ++k) {
    const Piece& p = P[k];
    if (p.kind != TokenKind::word || (amount && steps > 0)) break;
    const EventWord* ev = info(k).event;
    // A past participle of no table after "be" or "have": "130 had responded", "40 were
    // vaccinated" (not in a relative clause: "employees who accused him").
    // A verb of intent or saying is none ("are expected to accept").
    if (!ev && steps > 0 && role(k - 1, role::copula | role::perfect) && !p.cap && p.lower.size() > 4 && ends_with(p.lower, "ed") &&
        !info(k).roles && (np.found || bare_count) && !word(k + 1, "to") &&
        !(lx_.predicate_of_form(p.lower) & (pred::expected_head | pred::no_action))) {
      f.event = std::string(p.lower);
      f.event_class = EventClass::other;
      f.event_span = p.span;
      return;
    }
    if (ev && !ev->lemma.empty() && ev->dir == Direction::none) {
      // A participle of another kind of action only describes: "three disasters involving …";
      // in an active relative clause the counted is who acted ("the nurses who treated him"),
      // and an infinitive says what it is for ("an £80m charge to pay for the move").
      if (ev->cls == EventClass::other && ends_with(p.lower, "ing")) return;
      if (ev->cls == EventClass::other && (role(after_piece, role::relative) || word(k - 1, "to")) &&
          !role(k - 1, role::copula | role::perfect))
        return;
      if (event_fits(ev->cls, f.kind)) {
        f.event = ev->lemma;
        f.event_class = ev->cls;
        f.event_span = p.span;
      }
      return;
    }
    if (!role(k, role::aux) && !ends_with(p.lower, "ly")) break;
  }
}

}  // namespace newsan::figures
