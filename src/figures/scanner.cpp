// The figure scanner, part 6: a figure put together — qualifiers, ranges, the
// counted noun and the event (see scanner.h for the parts).
#include <cmath>

#include "figures/scanner.h"

namespace newsan::figures {

bool Scanner::may_start(std::size_t i) const {
  const Piece& p = P[i];
  char c = text_[p.span.start];
  if (is_digit(c)) return true;
  if (p.kind == TokenKind::word) {
    std::size_t n = p.lower.size();
    if (p.digit && n > 1) return true;
    bool maybe = n == 1 || (n == 2 && p.lower == "an") || lx_.number_filter.maybe(p.lower);
    if (!maybe) return false;
    if (num(i)) return true;
    // "a"/"an" starts a figure only before "hundred", "million", "dozen" …
    return role(i, role::a) && num(i + 1) &&
           (num(i + 1)->cls == NumClass::hundred || num(i + 1)->cls == NumClass::scale ||
            num(i + 1)->cls == NumClass::dozen || num(i + 1)->cls == NumClass::fraction);
  }
  return (c == '.' || c == '-' || c == '+' || p.lower == "\xE2\x88\x92") && starts_digit(i + 1);
}

// The subject whose last word is piece `n`, not a prepositional object before the verb:
// "shipping through the port fell 18%", "exports of oil rose 4%" are about shipping and
// exports. SIZE_MAX when the word is itself a prepositional object that cannot be passed.
std::size_t Scanner::subject_from(std::size_t n) const {
  while (n >= 2 && role(n - 1, role::prep) && P[n - 2].kind == TokenKind::word && !P[n - 2].digit &&
         !role(n - 2, role::np_stop))
    n -= 2;
  if (n >= 1 && role(n - 1, role::det) && n >= 3 && role(n - 2, role::prep) && P[n - 3].kind == TokenKind::word &&
      !P[n - 3].digit && !role(n - 3, role::np_stop))
    n -= 3;
  return n >= 1 && role(n - 1, role::prep) ? SIZE_MAX : n;
}

std::size_t Scanner::figure_at(std::size_t i) {
  if (!may_start(i)) return i + 1;
  Part a = part_at(i);
  if (a.c.skip) return a.c.next;
  if (!a.c.ok) return i + 1;
  std::size_t skip_to = 0;
  // A date that is just this 4-digit number is the date extractor's reading of a
  // year; a unit or a range with a unit after it ("2000 - 2500 Calories") overrides it.
  const Span* date = blocker(a.c.span);
  bool bare_year = date && *date == a.c.span && a.c.num.int_digits == 4 && !a.c.num.grouped &&
                   !a.c.num.fractional && a.c.unit.empty() && !a.c.scaled;
  if ((date && !bare_year) || not_a_figure(a, &skip_to)) return std::max(skip_to, i + 1);

  Figure f;
  f.sentence = sentence_;
  f.span = a.span;
  f.value = a.c.value;
  // A vague amount ("thousands of", "dozens of") gives no number a reader could
  // check: no value and no bounds, only that it is approximate (news-facts'
  // convention; the bounds the words allow are no statement of the text).
  if (a.c.vague) {
    f.qualifier = Qualifier::approximately;
  } else {
    f.low = a.c.low;
    f.high = a.c.high;
    if (a.c.low) f.qualifier = Qualifier::range;
  }
  std::string unit = a.unit, kind = a.unit_kind;
  if (!a.currency.empty()) unit = a.currency, kind = kind.empty() ? "money" : kind;
  if (!a.currency.empty() && a.unit.find(" per ") != std::string::npos) unit = a.unit;

  // Qualifier before: "about", "more than", "sub-".
  std::size_t start_piece = piece_from(f.span.start);
  if (start_piece > 0) {
    const QualifierInfo* q = nullptr;
    std::size_t n = info(start_piece - 1).qual_before_last ? lx_.qual_before.match_ending(P, start_piece - 1, &q) : 0;
    // "go up to $8": "up" is the verb's particle and the figure the level reached ("carries
    // up to 40 people" is at most 40).
    if (n == 2 && start_piece >= 3 && info(start_piece - 2).event && info(start_piece - 2).event->dir == Direction::up &&
        role(start_piece - 3, role::motion))
      n = 0;
    if (n) {
      std::size_t qs = start_piece - n;
      // "over" and "under" as prepositions of place stay out: they need the number right after.
      f.qualifier = q->q;
      f.span.start = P[qs].span.start;
      start_piece = qs;
    }
  }
  bool between = start_piece > 0 && role(start_piece - 1, role::range_between);
  bool aged = start_piece > 0 && role(start_piece - 1, role::age);
  // "between the ages of 25 and 54": "between" before the noun whose "of" the number follows.
  if (!between && start_piece >= 4 && role(start_piece - 1, role::of) && role(start_piece - 3, role::det) &&
      role(start_piece - 4, role::range_between) && P[start_piece - 2].kind == TokenKind::word) {
    between = true;
    aged = role(start_piece - 2, role::age);
  }
  bool from = start_piece > 0 && role(start_piece - 1, role::range_from);
  if (aged && unit.empty()) unit = "years of age", kind = "age";
  // "Anil Ambani, 45, has …", "his wife, 43,": an age in commas after a person; at the
  // end of the sentence after a name ("… the Premier Andrew Fahie, 51.").
  if (unit.empty() && !a.c.words && f.value && *f.value >= 1 && *f.value <= 120 && !a.c.num.fractional &&
      start_piece >= 2 && word(start_piece - 1, ",") && P[start_piece - 2].kind == TokenKind::word &&
      (word(a.next, ",") || (word(a.next, ".") && a.next + 1 >= P.size() && P[start_piece - 2].cap && *f.value >= 15)))
    unit = "years of age", kind = "age";

  std::size_t j = a.next;
  // Range: "10 to 20", "between 10 and 20", "10-20", "$10 to $15 billion".
  if (j < P.size() && !a.c.low) {
    std::string_view w = P[j].lower;
    bool dash = is_dash(w) && (glued(j - 1, j) == glued(j, j + 1));
    bool conn = dash || role(j, role::range_to) || (between && role(j, role::range_and));
    if (conn && !dash && is_dash(w)) conn = false;
    std::size_t cj = j;  // the connector
    // "6-to-8 metre waves": "to" written between hyphens.
    if (word(j, "-") && glued(j - 1, j) && role(j + 1, role::range_to) && word(j + 2, "-") &&
        glued(j + 1, j + 2) && glued(j + 2, j + 3)) {
      dash = false;
      conn = true;
      cj = j + 2;
    }
    // "three or four", "7- or 8-inch": two close numbers either way are one range.
    bool or_range = false;
    if (!conn && !from && !between) {
      std::size_t k = word(j, "-") && glued(j - 1, j) ? j + 1 : j;
      if (role(k, role::or_) && !role(k + 1, role::a)) {
        conn = or_range = true;
        cj = k;
      }
    }
    if (!conn && from) {
      // "from $36,040 at 10.45pm last night to $34,935": words and times between.
      for (std::size_t k = j; k < P.size() && k < j + 8; ++k) {
        if (word(k, "to")) {
          conn = true;
          cj = k;
          break;
        }
        bool in_date = blocker(P[k].span) != nullptr ||
                       (starts_digit(k) && (ends_with(P[k].lower, "am") || ends_with(P[k].lower, "pm")));
        if (!in_date && (is_punct(k) || starts_digit(k) || P[k].kind != TokenKind::word)) break;
      }
    }
    if (conn) {
      Part b = part_at(cj + 1);
      if (b.c.ok && !b.c.low && b.c.value && a.c.value) {
        std::string bu = !b.currency.empty() ? b.currency : b.unit;
        bool bare_pair = unit.empty() && bu.empty();
        bool compatible = unit == bu || (unit.empty() && !bu.empty()) ||
                          (!unit.empty() && bu.empty() && (from || between || dash || aged));
        // A span of years is a date, not a figure: "from 2015 to 2019", "2015-19".
        // ... unless round numbers with a plural noun after them say what is counted
        // ("from 1000 to 2000 hires").
        std::size_t after = b.next;
        bool round_pair = std::fmod(*a.c.value, 500) == 0 && std::fmod(*b.c.value, 500) == 0;
        bool counts_noun = round_pair && after < P.size() && P[after].kind == TokenKind::word && !P[after].cap &&
                           ends_with(P[after].lower, "s") && !ends_with(P[after].lower, "ss") &&
                           !role(after, role::np_stop) && !role(after, role::time);
        if (bare_pair && year_like(a, false) && (year_like(b, false) || (dash && b.c.num.int_digits == 2)) &&
            !counts_noun)
          return b.next;
        // A score: "98-95", "3-1", "2-2" (the winner's first). One figure of its own kind,
        // with no single value.
        if (dash && bare_pair && !a.c.words && !b.c.words && *a.c.value >= *b.c.value &&
            !a.c.num.fractional && !b.c.num.fractional && !a.c.scaled && !b.c.scaled && glued(j - 1, j)) {
          f.span.end = b.span.end;
          f.value.reset();
          f.kind = "score";
          last_end_ = f.span.end;
          out_.push_back(std::move(f));
          return b.next;
        }
        if (dash && bare_pair && !a.c.words && !b.c.words && *a.c.value >= *b.c.value) return b.next;
        std::size_t skip_b = 0;
        // Written ranges go up ("10 to 20"); "52% to 48%" is a split, "from 2,415 to 2,315" a fall.
        bool ascending = *a.c.value <= *b.c.value || (!a.c.scaled && b.c.scaled);
        // "climbed $2.50 to $75.30": a change, then the level it reached.
        // "raised the wage by $1 to $8.25": "by" names the change, "to" the level.
        bool change_then_level = !dash && !from && !between && start_piece > 0 &&
                                 ((info(start_piece - 1).event && info(start_piece - 1).event->dir != Direction::none) ||
                                  (role(start_piece - 1, role::change_by) && role(cj, role::range_to)));
        // Two close numbers joined by "or": "one or two", "five or six", "10 or 15".
        bool close_pair = *b.c.value > *a.c.value && *b.c.value <= 2 * *a.c.value + 1 && a.c.words == b.c.words &&
                          !a.c.fraction && !b.c.fraction;
        if (or_range && !close_pair) {
          // not a range: the unit of the second may still apply (below)
        } else if (compatible && !change_then_level && (ascending || dash || from || between) &&
            !not_a_figure(b, &skip_b, true) &&
            !(dash && bare_pair && year_like(a, false))) {
          double lo = *a.c.value, hi = *b.c.value;
          if (!a.c.scaled && b.c.scaled && lo * b.c.scale <= hi * (1 + 1e-9)) lo *= b.c.scale;
          if (unit.empty()) {
            unit = bu;
            kind = !b.currency.empty() ? "money" : b.unit_kind;
          } else if (b.unit.compare(0, unit.size() + 5, unit + " per ") == 0) {
            unit = b.unit;  // "$62 and $68 per share"
          }
          f.low = std::min(lo, hi);
          f.high = std::max(lo, hi);
          f.value.reset();
          if (f.qualifier == Qualifier::exact) f.qualifier = Qualifier::range;
          f.span.end = b.span.end;
          j = b.next;
        }
      }
    }
  }
  // "eight or nine euros", "7- or 8-inch", "22 and 24 years old": the unit of the next number applies.
  if (unit.empty() && !f.low) {
    std::size_t k = j;
    if (word(k, "-") && glued(k - 1, k)) ++k;
    if (role(k, role::or_) || role(k, role::range_and)) {
      Part b = part_at(k + 1);
      if (b.c.ok && (!b.currency.empty() || !b.unit.empty())) {
        unit = !b.currency.empty() ? b.currency : b.unit;
        kind = !b.currency.empty() ? "money" : b.unit_kind;
        if (!a.c.scaled && b.c.scaled && f.value) *f.value *= b.c.scale;
      }
    }
  }
  // Qualifier after: "or more", "or so", "100+".
  {
    const QualifierInfo* q = nullptr;
    if (std::size_t n = j < P.size() && info(j).qual_after_first ? lx_.qual_after.match(P, j, &q) : 0) {
      bool symbol = P[j].kind == TokenKind::symbol;
      if (!symbol || glued(j - 1, j)) {
        if (f.qualifier == Qualifier::exact) f.qualifier = q->q;
        f.span.end = P[j + n - 1].span.end;
        j += n;
      }
    }
  }
  // What is counted.
  NP np;
  bool count = unit.empty() && kind.empty();
  if (count && !a.c.fraction) {
    np = counted_at(j, false);
    // A part of a definite whole: "1,800 of the detainees", "two of his children".
    if (!np.found && (a.c.is_one || a.c.low || a.c.scaled || (role(j, role::of) && role(j + 1, role::det))))
      np = counted_at(j, true);
  } else if (kind == "percent" || a.c.fraction || kind == "measure" || kind == "age" || kind == "multiple") {
    np = counted_at(j, true);
    // "half the financial help", "half as much electricity": past the article or "as much".
    if (!np.found && a.c.fraction && (role(j, role::det) || role(j, role::a) || role(j, role::as_)))
      np = counted_at(j + 1, false);
    if (!np.found && (kind == "age" || a.c.fraction)) np = counted_at(j, false);
    // An age before a name is the person's: "52-year-old Grace" counts nothing.
    if (np.found && kind == "age" && P[np.last].cap) np = NP{};
  }
  if (!np.found && kind == "money") {
    // "$2 billion of exports" reads "of"; an amount before a noun is what it is of only
    // when the two make one noun phrase: "a hefty $450 million fine", "a $40-million stadium".
    // "$10 worth of levels": what the money buys.
    np = role(j, role::worth) ? counted_at(j + 1, true) : counted_at(j, true);
    std::size_t k = start_piece;
    if (k > 1 && P[k - 1].kind == TokenKind::word && !P[k - 1].cap && !role(k - 1, role::a) && !role(k - 1, role::det))
      --k;  // an adjective: "a hefty $450 million fine"
    if (!np.found && k > 0 && (role(k - 1, role::a) || role(k - 1, role::det))) {
      np = counted_at(j, false);
      // An event noun is a noun here: "a $450 million fine", "the $5 penalty".
      if (!np.found && j < P.size() && P[j].kind == TokenKind::word && !P[j].cap && !P[j].digit &&
          !role(j, role::np_stop) && !role(j, role::aux) && info(j).event && !ends_with(P[j].lower, "ed")) {
        np.found = true;
        np.first = np.last = j;
      }
    }
  }
  // A restatement in brackets shares the "of" phrase: "475 pounds (215.5 kilos) of cocaine".
  if (!np.found && !count && (kind == "measure" || kind == "money")) {
    std::size_t k = j;
    if (word(k, "(")) {
      std::size_t close = k + 1;
      while (close < P.size() && close < k + 8 && !word(close, ")")) ++close;
      k = close;
    }
    if (word(k, ")") && role(k + 1, role::of)) np = counted_at(k + 1, true);
  }
  if (!np.found && kind == "money" && word(j, "for") && !(start_piece >= 1 && role(start_piece - 1, role::of))) {
    // What an amount is for: "$419 million for construction", "$3.8 billion for space
    // operations" (after "NOUN of" that noun is what it is: "a request of $1 billion for …").
    std::size_t k = j + 1;
    while (role(k, role::det)) ++k;
    if (k < P.size() && P[k].kind == TokenKind::word && !P[k].cap) np = counted_at(k, false);
  }
  if (!np.found && kind == "duration") {
    np = counted_at(j, true);  // "24 months of online teaching"; "10 years of age" is an age
    // A time ("seven weeks of this year") or a name ("within five years of the Tories
    // winning") after "of" is no thing the duration is of.
    const UnitInfo* u = nullptr;
    if (np.found && (role(np.last, role::age) || P[np.first].cap || P[np.last].cap || (unit_at(np.last, &u) && u->kind == "duration")))
      np = NP{};
  }
  if (!np.found && kind == "duration" && j >= 3 && word(j - 2, "-") && glued(j - 3, j - 2) && glued(j - 2, j - 1))
    np = counted_at(j, false);  // a duration as a modifier: "a six-month battle", "a 30-year prison term"
  // "the one they found": "one" that counts no noun is the pronoun.
  if (a.c.is_one && count && !np.found && !f.low) return j;
  bool plural = false;
  if (np.found) {
    f.counted_span = Span{P[np.first].span.start, P[np.last].span.end};
    f.counted = std::string(f.counted_span->in(text_));
    // The head is the last word, whole when hyphenated ("Su-24s", "coal-fired").
    std::size_t h = np.last;
    while (h >= np.first + 2 && word(h - 1, "-") && glued(h - 2, h - 1) && glued(h - 1, h)) h -= 2;
    std::string head = lex::ascii_lower(Span{P[h].span.start, P[np.last].span.end}.in(text_));
    plural = ends_with(head, "s") && !ends_with(head, "ss") && !P[np.first].cap;
    if (count) {
      unit = head;
      kind = "count";
    }
  }
  // An amount or a measure after "NOUN of": "a request of $17.46 billion", "a speed of 353 knots".
  if (!np.found && !count && (kind == "money" || kind == "measure" || kind == "percent") && start_piece >= 2 &&
      role(start_piece - 1, role::of) && P[start_piece - 2].kind == TokenKind::word && !P[start_piece - 2].cap &&
      !role(start_piece - 2, role::np_stop) && !P[start_piece - 2].digit && !info(start_piece - 2).num) {
    const Piece& n = P[start_piece - 2];
    f.counted_span = n.span;
    f.counted = std::string(n.span.in(text_));
  }
  // The subject an amount is stated of ("the estimated value is $4.3 million"), and the
  // noun a measure with a dimension after it measures ("waves up to three metres high").
  if (!np.found && f.counted.empty() && (kind == "money" || kind == "percent" || kind == "measure") &&
      start_piece >= 2) {
    // (Not before a participle: "is 49 percent owned by" says how it is owned.)
    bool participle = j < P.size() && ends_with(P[j].lower, "ed");
    std::size_t c = start_piece - 1;  // past a focus word: "the penalty is either $95"
    while (c > 1 && role(c, role::focus)) --c;
    std::size_t n = role(c, role::copula) && !participle ? c - 1
                    : kind == "measure" && role(j, role::dimension) ? start_piece - 1
                                                                          : SIZE_MAX;
    if (n != SIZE_MAX && role(c, role::copula)) n = subject_from(n);  // "the rebate for pensioners was £300"
    const Piece* s = n == SIZE_MAX ? nullptr : &P[n];
    if (s && s->kind == TokenKind::word && (!s->cap || sentence_first(n)) && !s->digit && !info(n).roles &&
        !info(n).num && !ends_with(s->lower, "ly")) {
      f.counted_span = s->span;
      f.counted = std::string(s->span.in(text_));
    }
  }
  // A change of a quantity whose subject stands before its verb: "emissions fell 2
  // percent", "the index gained 0.3%" — the subject is what the percentage is of.
  if (!np.found && f.counted.empty() && kind == "percent" && start_piece >= 2 && info(start_piece - 1).event &&
      info(start_piece - 1).event->dir != Direction::none && P[start_piece - 2].kind == TokenKind::word &&
      !role(start_piece - 2, role::np_stop) && !role(start_piece - 2, role::aux) && !P[start_piece - 2].digit &&
      !info(start_piece - 2).event && !ends_with(P[start_piece - 2].lower, "ly")) {
    std::size_t n = subject_from(start_piece - 2);
    if (n != SIZE_MAX) {
      f.counted_span = P[n].span;
      f.counted = std::string(P[n].span.in(text_));
    }
  }
  if ((year_like(a, plural) || (bare_year && (unit.empty() || kind == "count"))) && !f.low) return j;
  if (kind.empty()) kind = a.c.fraction ? "fraction" : "number";
  f.unit = unit;
  f.kind = kind;
  if (f.value && *f.value < 0 && (kind == "percent" || kind == "percent-point")) f.direction = Direction::down;
  if (a.c.sign && P[a.c.first].lower == "+" && kind.find("percent") == 0) f.direction = Direction::up;
  // A rate with its denominator is one figure: "12.3 cases per 100,000 residents".
  std::size_t resume = j;
  if (np.found && word(np.last + 1, "per") && starts_digit(np.last + 2)) {
    Part d = part_at(np.last + 2);
    if (d.c.ok && d.c.value && d.currency.empty() && d.unit.empty()) {
      NP dn = counted_at(d.next, false);
      std::size_t last = dn.found ? dn.last : d.next - 1;
      f.kind = "rate";
      f.span.end = P[last].span.end;
      resume = last + 1;
    }
  }
  read_event(f, start_piece, np, np.found ? np.last + 1 : j);
  // The level a change reached: "was cut by $110 million from the request, to $596
  // million", "an increase of $157 million, to $1.438 billion" — the change's event.
  if (f.event_class == EventClass::none && start_piece >= 2 && role(start_piece - 1, role::range_to) &&
      !out_.empty() && out_.back().sentence == sentence_ && out_.back().event_class == EventClass::other &&
      out_.back().event_span && out_.back().kind == f.kind) {
    const Figure& change = out_.back();
    std::size_t k = piece_from(change.span.end);
    bool near = k + 8 >= start_piece;
    for (; near && k + 1 < start_piece; ++k)
      if (info(k).event || (is_punct(k) && !word(k, ","))) near = false;
    const EventWord* ev = info(piece_from(change.event_span->start)).event;
    if (near && ev && ev->dir != Direction::none) {
      f.event = change.event;
      f.event_class = change.event_class;
      f.event_span = change.event_span;
    }
  }
  // A restatement in brackets shares the event: "found 475 pounds (215.5 kilos) of cocaine".
  if (f.event_class == EventClass::none && start_piece >= 1 && word(start_piece - 1, "(") && !out_.empty() &&
      out_.back().sentence == sentence_ && start_piece >= 2 && out_.back().span.end == P[start_piece - 2].span.end) {
    f.event = out_.back().event;
    f.event_class = out_.back().event_class;
    f.event_span = out_.back().event_span;
  }
  if (f.event_class != EventClass::none && f.event_span) f.modality = modality_at(piece_from(f.event_span->start));
  // "lost 190 points, or 0.6%": the restatement moves the same way.
  if (f.direction == Direction::none && f.qualifier == Qualifier::exact && start_piece >= 2 &&
      role(start_piece - 1, role::or_) && word(start_piece - 2, ",") && !out_.empty() &&
      out_.back().sentence == sentence_ && out_.back().span.end <= P[start_piece - 2].span.start)
    f.direction = out_.back().direction;
  last_end_ = f.span.end;
  out_.push_back(std::move(f));
  return std::max(j, resume);
}

}  // namespace newsan::figures
