// dates/dates.cpp — the date extractor (newsan/dates.h): runs the scan of
// dates/scan.h over a document's tokens, keeps the longest match at each start,
// and records the story's time (the last day, value and quarter named) that
// anaphora and clock times resolve against. The grammar and the method are
// described in dates/scan.h; each kind of expression has its own file.
#include "newsan/dates.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "dates/scan.h"
#include "util/calendar.h"
#include "dates/lexicon.h"
#include "newsan/error.h"
#include "util/utf8.h"

namespace newsan {

using namespace timex;  // the lexicon's types (dates/lexicon.h): Word, Unit, Lexicon

const char* to_string(TimexType t) {
  switch (t) {
    case TimexType::date: return "date";
    case TimexType::time: return "time";
    case TimexType::duration: return "duration";
    case TimexType::set: return "set";
  }
  return "date";
}

struct DateExtractor::Impl {
  Lexicon lex;
};

DateExtractor::DateExtractor(const Resources& res) : impl_(std::make_unique<Impl>()) { impl_->lex.load(res); }
DateExtractor::DateExtractor(const DataDir& data) : DateExtractor(Resources(data)) {}
DateExtractor::~DateExtractor() = default;
DateExtractor::DateExtractor(DateExtractor&&) noexcept = default;
DateExtractor& DateExtractor::operator=(DateExtractor&&) noexcept = default;


DateResult DateExtractor::extract(const Document& doc, const Tokenized& tk) const {
  DocumentSyntax none(nullptr, doc.text, tk);
  return extract(doc, tk, none);
}

DateResult DateExtractor::extract(const Document& doc, const Tokenized& tk, DocumentSyntax& syntax) const {
  DateResult r;
  Scan sc(impl_->lex, doc.text, tk.tokens);
  // The publication date the reader chose (choose_publication_date) is the reference.
  if (doc.date && doc.date->size() >= 10) {
    int y = 0, m = 0, d = 0;
    if (parse_iso_date(std::string_view(*doc.date).substr(0, 10), y, m, d)) {
      sc.has_ref = true;
      sc.ref = {y, m, d};
    }
  }
  std::size_t s = 0, day_sentence = static_cast<std::size_t>(-1);
  std::string weekday_day[8];  // the day each weekday (1..7) last resolved to
  for (std::size_t i = 0; i < sc.size();) {
    while (s < tk.sentences.size() && tk.sentences[s].last <= i) ++s;
    sc.sent_first = s < tk.sentences.size() ? tk.sentences[s].first : 0;
    sc.sent_last = s < tk.sentences.size() ? tk.sentences[s].last : sc.size();
    sc.prev_first = s > 0 && s <= tk.sentences.size() ? tk.sentences[s - 1].first : sc.sent_first;
    // Most tokens cannot start an expression: skip them before trying patterns.
    if (!sc.may_start(i)) { ++i; continue; }
    if (s != day_sentence) sc.sentence_day.clear();
    Match m = sc.best(i);
    if (m.last <= i) { ++i; continue; }
    if (sc.titled(i, m.last)) { i = m.last; continue; }
    if (m.last == i + 1 && sc.year_number(i) && (sc.not_a_year(i) || sc.year_in_name(i, syntax))) { i = m.last; continue; }
    if (sc.opens_name(i, m.last)) { i = m.last; continue; }
    // A bare weekday: the tense of its clause in the parse decides the direction
    // (only sentences with one are parsed).
    // Without any cue, a weekday the story already named is that same day
    // (the same phrase in the same story resolves the same way).
    if (m.weekday && sc.has_ref && sc.tense(m.weekday_at) == 0) {
      if (int dir = sc.weekday_tense(m.weekday_at, syntax))
        m.value.replace(0, 10, cal::format_day(sc.resolve_weekday(m.weekday, dir)));
      else if (!weekday_day[m.weekday].empty())
        m.value.replace(0, 10, weekday_day[m.weekday]);
    }
    if (m.weekday && m.value.size() >= 10) weekday_day[m.weekday] = m.value.substr(0, 10);
    if (m.type == TimexType::date && m.value.size() == 10 && m.value[4] == '-' && m.value[7] == '-' &&
        m.value[0] != 'X') {
      sc.sentence_day = m.value;
      sc.story_day = m.value;
      if (sc.lead_day.empty()) sc.lead_day = m.value;
      day_sentence = s;
    }
    if (m.type == TimexType::date && m.value.size() >= 4 && std::isdigit(static_cast<unsigned char>(m.value[0])) &&
        std::isdigit(static_cast<unsigned char>(m.value[3])))
      sc.story_value = m.value;
    TimeExpression e;
    e.span = {tk.tokens[i].span.start, tk.tokens[m.last - 1].span.end};
    e.type = m.type;
    e.value = std::move(m.value);
    e.mod = std::move(m.mod);
    e.relative = m.relative;
    e.sentence = s;
    std::string b, en;
    if (e.type != TimexType::duration && e.type != TimexType::set && timex_interval(e.value, b, en)) {
      e.begin = std::move(b);
      e.end = std::move(en);
    }
    // Only a quarter near the reference date anchors the reported one.
    if (m.quarter && (!sc.last_quarter || m.anchor_first) && (!sc.has_ref || std::abs(m.quarter_year - sc.ref.y) <= 1)) {
      sc.last_quarter = m.quarter;
      sc.last_quarter_year = m.quarter_year;
      sc.last_quarter_fiscal = m.fiscal;
    }
    r.dates.push_back(std::move(e));
    i = m.last;
  }
  return r;
}

}  // namespace newsan
