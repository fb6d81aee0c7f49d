// dates/relative.cpp — dates relative to the reference or the story:
// "last year", "next Friday", "two years ago", "yesterday", "Friday", "that year".
// Part of the date extractor; the grammar and the Scan state are in dates/scan.h.
#include "dates/scan.h"

namespace newsan::timex {

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
    // "a decade ago" counts back from this year, to a year ("more than a decade
    // ago" in 2014 is 2004, not the 2000s)
    case Unit::decade: m.value = cal::format_year(static_cast<int>(ref.y + 10 * k)); break;
    case Unit::century: m.value = fmt::format("{:02}", (ref.y + 100 * k) / 100); break;
    case Unit::hour: case Unit::minute: case Unit::second: m.value = cal::format_day(ref); m.type = TimexType::time; break;
    default: m.value = dir < 0 ? "PAST_REF" : "FUTURE_REF"; break;
  }
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
    if (k > i && w(k) && w(k)->fiscal && cue(k + 1, Cue::year)) {
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
  bool past_word = cue(j, Cue::past);
  ++j;
  // "this past week", "this coming Sunday"
  if (shift == 0 && w(j) && w(j)->shift != kNone && w(j)->shift != 0) { shift = w(j)->shift; past_word = cue(j, Cue::past); ++j; }
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
  if (x->unit == Unit::quarter || (x->unit == Unit::year && cue(j - 1, Cue::latest))) return false;  // quarter()
  if (the_ && shift != 0 && !cue(j - 1, Cue::next) && !cue(j - 1, Cue::coming) && !cue(j - 1, Cue::last) && !cue(j - 1, Cue::past)) {
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
  if (the_ && shift == 0 && !cue(j - 1, Cue::current)) return false;  // "the same year": anaphoric
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
    // "overnight losses in New York" in a report of Friday's trading: the night
    // before the day the story's lead tells, when it is in the week up to the
    // reference date ("yesterday" and "tonight" count from the reference date)
    int sy = 0, sm = 0, sd = 0;
    if (cue(i, Cue::overnight) && parse_iso_date(lead_day, sy, sm, sd)) {
      const Ymd told{sy, sm, sd};
      if (told <= ref && cal::add_days(told, 7) >= ref) d = cal::add_days(told, a->deictic);
    }
    // "… will go up after today," she added — in a report of what was said
    // yesterday: a quoted "today" is the day the speaker spoke, the day the story
    // tells when that is in the week before the reference date
    if (a->deictic == 0 && a->deictic_part.empty() && in_quote(i) && said_in_past(i) &&
        parse_iso_date(story_day, sy, sm, sd)) {
      const Ymd told{sy, sm, sd};
      if (told < ref && cal::add_days(told, 7) >= ref) d = told;
    }
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
      if (!possessive) m.weekday = a->weekday, m.weekday_at = i;  // the parse may still set the direction
    }
    // "Friday, Oct. 13": the explicit date wins
    std::size_t k = i + 1;
    if (is(k, ",")) ++k;
    Match inner;
    // "Wednesday 27th April, 2022" too
    if (((w(k) && w(k)->month) || (day_number(k) && w(k + 1) && w(k + 1)->month)) && absolute(k, inner) &&
        inner.last > k + 1) {
      m = inner;
      return true;
    }
    // "Wednesday night" is that part of the day (2000-03-29TNI), as the TIMEX3
    // guidelines value it; the lexicon marks the parts kept (daypart_kept)
    if (w(i + 1) && !w(i + 1)->daypart.empty()) {
      m.last = i + 2;
      if (has_ref && w(i + 1)->daypart_kept) m.value += "T" + w(i + 1)->daypart, m.type = TimexType::time;
    }
    return true;
  }
  return false;
}

// "that year", "that day", "that month": the story's own time, the year, month
// or day of the last calendar date named before.
bool Scan::anaphor(std::size_t i, Match& m) const {
  if (the(i) && w(i + 1)) {
    // "in the morning", "in the afternoon": that part of the day the story is telling
    if (!w(i + 1)->daypart.empty() && i > 0 && cue(i - 1, Cue::in) && !cue(i + 2, Cue::of)) {
      std::string day = !sentence_day.empty() ? sentence_day : !story_day.empty() ? story_day : has_ref ? cal::format_day(ref) : "";
      if (day.empty()) return false;
      m.last = i + 2;
      m.type = TimexType::time;
      m.relative = true;
      m.value = day + "T" + w(i + 1)->daypart;
      return true;
    }
    // "the new year" (lowercase; "New Year" is the holiday): the year the
    // reference date is in, the coming one in December
    if (has_ref && cue(i + 1, Cue::new_) && !T[i + 1].capitalized && w(i + 2) && w(i + 2)->unit == Unit::year &&
        !w(i + 2)->plural) {
      m.last = i + 3;
      m.relative = true;
      m.value = cal::format_year(ref.m == 12 ? ref.y + 1 : ref.y);
      return true;
    }
    // "the year before", "the day before" at the end of a clause: one unit before
    // the time the story tells (its last named year or day), else the reference
    if (!w(i + 1)->plural && cue(i + 2, Cue::before) && (i + 3 >= size() || T[i + 3].kind == TokenKind::punct)) {
      const Unit u = w(i + 1)->unit;
      int y = 0, mo = 0, d = 0;
      if (u == Unit::year) {
        int base = story_value.size() >= 4 ? digits(story_value, 0, 4) : has_ref ? ref.y : 0;
        if (base < 1000) return false;
        m.value = cal::format_year(base - 1);
      } else if (u == Unit::day) {
        const std::string& base = !story_day.empty() ? story_day : has_ref ? cal::format_day(ref) : story_day;
        if (!parse_iso_date(base, y, mo, d)) return false;
        m.value = cal::format_day(cal::add_days({y, mo, d}, -1));
      } else {
        return false;
      }
      m.last = i + 3;
      m.relative = true;
      return true;
    }
  }
  if (!(w(i) && w(i)->anaphor) || !w(i + 1) || w(i + 1)->plural) return false;
  std::size_t j = i + 1;
  if (cue(j, Cue::same)) ++j;
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

// Tense and mood of the clause a bare weekday stands in, from the tagger's
// verb forms in its sentence (the tags are sturdier than the tree). Reading
// back from the weekday, the nearest future cue or modal ("will", "'ll",
// "is due to", "would") points ahead, the nearest past form ("met", "was
// held", "has said") back; a present verb ("The curfew starts on Saturday")
// that governs the weekday in the tree points ahead unless a past form stands
// before it or it reports ("says"). 0 when the tags say nothing.
int Scan::weekday_tense(std::size_t i, DocumentSyntax& syntax) const {
  if (!syntax.available()) return 0;
  const ParsedSentence& p = syntax.sentence_of_token(i);
  if (i < p.first_token || i - p.first_token >= p.words.size()) return 0;
  const std::size_t at = i - p.first_token, n = p.words.size();
  // +1 ahead, -1 back, 2 a present verb, 0 nothing, for word k.
  auto form = [&](std::size_t k) -> int {
    const SyntaxWord& v = p.words[k];
    const std::size_t t = p.token(k);
    const Word* c = w(t);
    std::string_view s = tx(t);
    if ((c && c->future_cue) || s.ends_with("'ll") || s.ends_with("\u2019ll")) return 1;
    if (c && c->past_cue) return -1;
    if (v.xpos == "VBD") return -1;
    // "shares bought from Sept. 14 to Thursday": a participle without auxiliaries
    // that the weekday depends on tells of the past ("will be held" has its auxiliaries)
    if (v.xpos == "VBN" && p.words[at].head == static_cast<int>(k) && !v.deprel.starts_with("aux")) {
      for (int ch : p.children(static_cast<int>(k)))
        if (p.words[static_cast<std::size_t>(ch)].deprel.starts_with("aux")) return 0;
      return -1;
    }
    if (v.xpos == "VBZ" || v.xpos == "VBP") {
      // "has met": a perfect, the past
      if (cue(t, Cue::have) && k + 1 < n && (p.words[k + 1].xpos == "VBN" || p.words[k + 1].xpos == "VBD")) return -1;
      return 2;
    }
    return 0;
  };
  // A present verb counts only when the tree agrees that the weekday belongs
  // to it and it has a subject before it (nouns mistagged as verbs, "top
  // aides", "a televised address", are common).
  auto governs = [&](std::size_t k) {
    int h = p.words[at].head;
    for (int hops = 0; h >= 0 && hops < 8; ++hops, h = p.words[static_cast<std::size_t>(h)].head)
      if (static_cast<std::size_t>(h) == k) return true;
    return false;
  };
  auto has_subject = [&](std::size_t k) {
    for (int c : p.children(static_cast<int>(k)))
      if (p.words[static_cast<std::size_t>(c)].deprel.starts_with("nsubj") && static_cast<std::size_t>(c) < k) return true;
    return false;
  };
  bool present = false;
  for (std::size_t k = at; k-- > 0;) {
    int f = form(k);
    if (f == 2) present = present || (governs(k) && has_subject(k));
    else if (f) return f;
  }
  return present ? 1 : 0;
}

}  // namespace newsan::timex
