// The figure scanner, part 2: the number itself — a numeral read from the raw
// text, or a spelled-out number through the shared reader (util/number_words.h),
// with its scale words.
#include <cmath>

#include "figures/scanner.h"

namespace newsan::figures {

Core Scanner::core_at(std::size_t i, bool allow_words) const {
  Core c;
  if (i >= P.size()) return c;
  const Piece& p = P[i];
  std::size_t pos = std::string_view::npos;
  if (starts_digit(i)) {
    pos = p.span.start;
  } else if (p.lower == "." && (p.space_before || sentence_first(i)) && glued(i, i + 1) && starts_digit(i + 1)) {
    pos = p.span.start;  // ".500"
  } else if ((p.lower == "-" || p.lower == "+" || p.lower == "\xE2\x88\x92") &&
             (p.space_before || sentence_first(i)) && glued(i, i + 1) && starts_digit(i + 1)) {
    c.sign = true;
    pos = P[i + 1].span.start;
  } else if (p.kind == TokenKind::word) {
    // Letters glued to digits: only a currency prefix ("US55", "AUD1", "PS8").
    std::size_t k = p.span.start;
    while (k < p.span.end && is_alpha(text_[k])) ++k;
    if (k > p.span.start && k < p.span.end && is_digit(text_[k]) && currency_before(k, nullptr))
      pos = k;
  }
  if (pos != std::string_view::npos) return numeric_core(i, pos, c);
  if (allow_words) return word_core(i);
  return c;
}

Core Scanner::numeric_core(std::size_t i, std::size_t pos, Core c) const {
  c.first = i;
  c.digits_at = pos;
  c.num = parse_numeral(text_.substr(pos, sent_end_ - pos));
  if (c.num.length == 0) return Core{};
  c.value = c.num.value;
  std::size_t start = c.sign ? P[i].span.start : pos;
  if (c.sign && c.value && P[i].lower != "+") c.value = -*c.value;
  std::size_t end = pos + c.num.length;
  // Glued suffix: letters (and a trailing 2/3 for m2, km³-like units).
  std::size_t e = end;
  if (text_.substr(e, 2) == "\xCE\xBC" || text_.substr(e, 2) == "\xC2\xB5") e += 2;  // μ µ
  while (e < sent_end_ && is_alpha(text_[e])) ++e;
  if (e > end) while (e < sent_end_ && (text_[e] == '2' || text_[e] == '3')) ++e;
  c.span = {start, e};
  c.next = piece_from(e);
  if (e > end) {
    std::string suf = ascii_lower(text_.substr(end, e - end));
    bool alnum_after = e < sent_end_ && is_alnum(text_[e]);
    // "in his 20s": a decade of a person's age, after a possessive, is the range of ages.
    if (suf == "s" && !alnum_after && i > 0 && role(i - 1, role::decade_age) && c.value && !c.num.fractional &&
        *c.value >= 10 && *c.value <= 90 && std::fmod(*c.value, 10) == 0) {
      c.low = *c.value;
      c.high = *c.value + 9;
      c.value.reset();
      c.unit = "years of age";
      c.unit_kind = "age";
      c.ok = true;
      return c;
    }
    if (alnum_after || (lx_.roles_of(suf) & (role::time | role::number_suffix))) {
      c.skip = true;  // "9AB8", "3rd", "1990s", "5am", "the 49ers"
      return c;
    }
    if (text_.substr(end, e - end) == "G") suf.assign(1, 'G');  // "5G": a generation, not grams
    const NumberWord* nw = lx_.number(suf);
    const UnitInfo* u = nullptr;
    int more = lx_.units.match_after(suf, P, c.next, &u);
    bool money = currency_before(pos, nullptr) != nullptr;
    // "Suite 4B", "Gate 12A": one capital letter glued to a number with no currency
    // and no counted noun after it is an identifier, not "4 billion".
    if (e - end == 1 && text_[end] >= 'A' && text_[end] <= 'Z' && !money && metre_context(c.next) &&
        suf != "G" && (more < 0 || (i > 0 && role(i - 1, role::id_before)))) {
      c.skip = true;
      return c;
    }
    if (nw && (nw->cls == NumClass::suffix || nw->cls == NumClass::scale) &&
        !(suf == "m" && !money && metre_context(c.next))) {
      c.scale = nw->value;
      c.scaled = true;
      if (c.value) *c.value *= nw->value;
    } else if (more >= 0) {
      c.unit = u->norm;
      c.unit_kind = u->kind;
      if (more > 0) {
        c.next += static_cast<std::size_t>(more);
        c.span.end = P[c.next - 1].span.end;
      }
    } else if (e - end <= 3) {
      c.unit = std::string(text_.substr(end, e - end));  // "5G": kept as written
      c.unit_kind = "measure";
    } else {
      c.skip = true;
      return c;
    }
  } else {
    // "3/4": a fraction (a third number "9/11/2001" makes it a date).
    std::size_t j = c.next;
    if (word(j, "/") && glued(j - 1, j) && glued(j, j + 1) && starts_digit(j + 1)) {
      Numeral d = parse_numeral(text_.substr(P[j + 1].span.start, sent_end_ - P[j + 1].span.start));
      std::size_t dend = P[j + 1].span.start + d.length;
      if (dend < sent_end_ && (text_[dend] == '/' || is_alpha(text_[dend]))) {
        c.skip = true;
        c.next = piece_from(dend + 1);
        return c;
      }
      // A written fraction is proper with a small denominator ("3/4", "1/3"); "24/7" and
      // "9/11" are not fractions, and not figures.
      bool proper = d.value && c.value && *c.value < *d.value && !d.fractional && !c.num.fractional &&
                    (*d.value <= 10 || *d.value == 12 || *d.value == 16 || *d.value == 32 ||
                     *d.value == 64 || *d.value == 100);
      if (!proper) {
        c.skip = true;
        c.next = piece_from(dend);
        return c;
      }
      c.value = *c.value / *d.value;
      c.fraction = true;
      c.span.end = dend;
      c.next = piece_from(dend);
    } else if (c.value && !c.num.fractional && !c.num.grouped) {
      // A mixed number: "5-1/2", "2 3/4" (a whole number, then a written fraction).
      std::size_t k = word(j, "-") && glued(j - 1, j) && glued(j, j + 1) ? j + 1 : j;
      if (starts_digit(k) && word(k + 1, "/") && glued(k, k + 1) && (k != j || !glued(j - 1, j))) {
        Core d = core_at(k, false);
        if (d.ok && d.fraction && d.value && *d.value < 1 && d.unit.empty()) {
          c.value = *c.value + *d.value;
          c.fraction = true;
          c.span.end = d.span.end;
          c.next = d.next;
        }
      }
    }
  }
  c.ok = true;
  scale_words(c);
  scientific(c);
  // "1 in 5 people"
  if (c.value && *c.value == 1 && !c.scaled && !c.fraction && word(c.next, "in") && starts_digit(c.next + 1)) {
    Numeral d = parse_numeral(text_.substr(P[c.next + 1].span.start, sent_end_ - P[c.next + 1].span.start));
    if (d.value && *d.value > 1 && !d.fractional && P[c.next + 1].span.start + d.length == P[c.next + 1].span.end) {
      c.value = 1 / *d.value;
      c.fraction = true;
      c.span.end = P[c.next + 1].span.end;
      c.next += 2;
    }
  }
  return c;
}

void Scanner::scientific(Core& c) const {
  std::size_t j = c.next;
  if (!c.value || !(word(j, "\xC3\x97") || word(j, "x")) || !word(j + 1, "10")) return;
  std::size_t k = P[j + 1].span.end;
  if (k < sent_end_ && text_[k] == '^') ++k;
  bool neg = false;
  if (text_.substr(k, 3) == "\xE2\x88\x92") neg = true, k += 3;
  else if (k < sent_end_ && (text_[k] == '-' || text_[k] == '+')) neg = text_[k] == '-', ++k;
  std::size_t e = k;
  int exp = 0;
  while (e < sent_end_ && is_digit(text_[e]) && e - k < 4) exp = exp * 10 + (text_[e++] - '0');
  if (e == k) return;
  c.value = *c.value * std::pow(10.0, neg ? -exp : exp);
  c.span.end = e;
  c.next = piece_from(e);
}

bool Scanner::metre_context(std::size_t j) const {
  if (j >= P.size()) return true;
  if (role(j, role::of) || info(j).unit_first || info(j).currency_first) return false;
  std::string_view w = P[j].lower;
  bool plural = P[j].kind == TokenKind::word && !P[j].cap && w.size() > 2 && w.back() == 's' &&
                w[w.size() - 2] != 's';
  return !plural && w != "people";
}

void Scanner::scale_words(Core& c) const {
  while (c.next < P.size()) {
    // "$40-million", "2.5-billion-euro": a scale word joined by a hyphen.
    if (word(c.next, "-") && glued(c.next - 1, c.next) && glued(c.next, c.next + 1) && num(c.next + 1) &&
        (num(c.next + 1)->cls == NumClass::scale || num(c.next + 1)->cls == NumClass::hundred))
      ++c.next;
    const Piece& p = P[c.next];
    const NumberWord* nw = num(c.next);
    if (!nw) break;
    bool ok = nw->cls == NumClass::scale || nw->cls == NumClass::hundred ||
              (nw->cls == NumClass::suffix && p.lower != "m" && (p.lower != "b" || p.cap));
    if (!ok) break;
    c.scale *= nw->value;
    c.scaled = true;
    if (c.value) *c.value *= nw->value;
    c.span.end = p.span.end;
    ++c.next;
  }
  // "two and a half": + 0.5
  if (!c.scaled && word(c.next, "and") && role(c.next + 1, role::a) && word(c.next + 2, "half") && c.value) {
    *c.value += 0.5;
    c.span.end = P[c.next + 2].span.end;
    c.next += 3;
  }
}

Core Scanner::word_core(std::size_t i) const {
  Core c;
  c.first = i;
  c.words = true;
  const Piece& p = P[i];
  const NumberWord* nw = num(i);
  bool a_start = role(i, role::a) && i + 1 < P.size() && num(i + 1) &&
                 (num(i + 1)->cls == NumClass::hundred ||
                  num(i + 1)->cls == NumClass::scale ||
                  num(i + 1)->cls == NumClass::dozen);
  // "a quarter of", "a third of"
  if (role(i, role::a) && num(i + 1) && num(i + 1)->cls == NumClass::fraction && role(i + 2, role::of) &&
      !glued(i + 1, i + 2)) {
    c.ok = true;
    c.fraction = true;
    c.value = 1 / num(i + 1)->value;
    c.span = {p.span.start, P[i + 1].span.end};
    c.next = i + 2;
    return c;
  }
  if (!nw && !a_start) return c;
  // A capitalized number word inside a sentence is part of a name ("Apple One", "Kick Six").
  if (p.cap && !sentence_first(i) && i > 0 && !P[i - 1].lower.empty() && P[i - 1].lower != "\"" && P[i - 1].lower != ":")
    return c;
  if (nw && nw->cls == NumClass::plural) {
    // "thousands of", "tens of thousands of", "hundreds of millions of"
    if (!role(i + 1, role::of)) return c;
    double low = nw->value, high = nw->value * (nw->value == 12 ? 12 : 10);
    std::size_t j = i + 1;
    const NumberWord* nw2 = j + 1 < P.size() ? num(j + 1) : nullptr;
    if (nw2 && nw2->cls == NumClass::plural && nw2->value > nw->value) {
      low = nw->value * nw2->value;
      high = low * 10;
      j += 2;
    }
    c.ok = true;
    c.low = low;
    c.high = high;
    c.vague = true;
    c.span = {p.span.start, P[j - 1].span.end};
    c.next = j;
    return c;
  }
  if (nw && nw->cls == NumClass::fraction) {
    // A lone "half" counts only as "half the …", "half of …".
    if (p.lower != "half" || (i > 0 && glued(i - 1, i) && P[i - 1].lower == "-")) return c;
    // "the second half of the game" is a period, not a fraction.
    if (i > 0 && lx_.ordinals.find(P[i - 1].lower) != lx_.ordinals.end()) return c;
    if (i + 1 >= P.size() || glued(i, i + 1)) return c;
    if (!role(i + 1, role::of) && !role(i + 1, role::det) && !role(i + 1, role::a) && !role(i + 1, role::as_))
      return c;
    c.ok = true;
    c.fraction = true;
    c.value = 0.5;
    c.span = p.span;
    c.next = i + 1;
    // "half a billion dollars", "half a dozen": the number word after "a" applies to the half.
    if (role(i + 1, role::a) && num(i + 2) && num(i + 2)->cls == NumClass::scale) {
      c.next = i + 2;
      scale_words(c);
    } else if (role(i + 1, role::a) && num(i + 2) && num(i + 2)->cls == NumClass::dozen) {
      *c.value *= num(i + 2)->value;
      c.fraction = false;
      c.span.end = P[i + 2].span.end;
      c.next = i + 3;
    }
    return c;
  }
  SpelledNumber reader;  // the shared spelled-number reader
  std::size_t j = i;
  if (a_start) {
    reader.start_with_one();
    j = i + 1;
  }
  std::size_t end_piece = i;
  while (j < P.size()) {
    std::string_view w = P[j].lower;
    if (w == "-" && !reader.empty() && glued(j - 1, j) && glued(j, j + 1) && num(j + 1)) {
      ++j;
      continue;
    }
    if (role(j, role::half_and) && reader.and_may_follow() && j + 1 < P.size() && num(j + 1) &&
        num(j + 1)->cls <= NumClass::tens) {
      ++j;
      continue;
    }
    const NumberWord* n = num(j);
    if (!n) break;
    if (n->cls == NumClass::fraction) {
      // "two-thirds", "one fourth of", "three quarters of" — but "the first two quarters"
      // counts quarters: a fraction is hyphenated or followed by "of" or a determiner.
      if (!reader.empty() && reader.below_hundred() && reader.value() > 0 && !a_start &&
          ((j > 0 && word(j - 1, "-") && glued(j - 1, j)) || role(j + 1, role::of) ||
           role(j + 1, role::det) || role(j + 1, role::a))) {
        c.fraction = true;
        reader.divide(n->value);
        end_piece = j;
        ++j;
      }
      break;
    }
    if (!reader.take(*n)) break;
    end_piece = j;
    ++j;
  }
  bool any = !reader.empty();
  if (!any || (a_start && end_piece == i)) return c;
  double value = reader.value();
  c.is_one = end_piece == i && p.lower == "one";
  // "one" as a number, not as in "no one", "one another", "one 52,000-barrel refinery".
  if (c.is_one) {
    // "no one", "no-one": the pronoun.
    bool no_one = (i > 0 && P[i - 1].lower == "no") ||
                  (i > 1 && P[i - 1].lower == "-" && glued(i - 1, i) && glued(i - 2, i - 1) && P[i - 2].lower == "no");
    if (no_one || word(i + 1, "another") || starts_digit(i + 1)) return c;
    // "one" as the subject of a verb ("One prohibits …"): a numeral "one" counts a
    // singular noun. ("one of the …" is dropped after the scan: drop_pronoun_one.)
    if (i + 1 < P.size() && P[i + 1].kind == TokenKind::word && !P[i + 1].cap) {
      std::string_view nx = P[i + 1].lower;
      if (nx.size() > 3 && ends_with(nx, "s") && !ends_with(nx, "ss") && !ends_with(nx, "us") &&
          !ends_with(nx, "is") && !info(i + 1).unit_first && !info(i + 1).currency_first)
        return c;
    }
  }
  // "six-speed", "one-time": a hyphenated compound, unless a unit follows ("three-year").
  // (news-facts counts "a six-member council"; NewsQuant leaves "four-door", "six-speed":
  // no rule of form tells them apart, and a junk figure costs more than a missed one.)
  if (word(j, "-") && glued(j - 1, j) && glued(j, j + 1)) {
    const UnitInfo* u = nullptr;
    if (!unit_at(j + 1, &u)) {
      c.skip = true;
      c.next = j + 2;
      return c;
    }
  }
  c.ok = true;
  c.value = value;
  c.span = {P[i].span.start, P[end_piece].span.end};
  c.next = end_piece + 1;
  // "two and a half"
  if (!c.fraction && word(c.next, "and") && role(c.next + 1, role::a) && word(c.next + 2, "half")) {
    *c.value += 0.5;
    c.span.end = P[c.next + 2].span.end;
    c.next += 3;
  }
  // "one out of three", "one in four"
  bool out_of = word(c.next, "out") && role(c.next + 1, role::of);
  bool one_in = value == 1 && word(c.next, "in") && c.next + 1 < P.size() &&
                (starts_digit(c.next + 1) || num(c.next + 1));
  if (out_of || one_in) {
    Core d = core_at(c.next + (out_of ? 2 : 1));
    if (d.ok && d.value && *d.value != 0 && !d.low) {
      c.value = *c.value / *d.value;
      c.fraction = true;
      c.span.end = d.span.end;
      c.next = d.next;
    }
  }
  return c;
}

}  // namespace newsan::figures
