#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsan/dates.h"
#include "newsan/error.h"
#include "util/calendar.h"
#include "newsan/tokenizer.h"
#include "newsan/syntax.h"

#include <filesystem>

namespace {

const newsan::DateExtractor& extractor() {
  static const newsan::DateExtractor ex(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return ex;
}

struct Found {
  std::string text, type, value, mod;
  std::string begin, end;
};

std::vector<Found> run(const std::string& text, const char* date, newsan::DateResult* out = nullptr) {
  newsan::Document doc;
  doc.text = text;
  if (date) {
    doc.date = date;
    doc.date_origin = newsan::Origin::option;
  }
  newsan::DateResult r = extractor().extract(doc, newsan::tokenize(doc.text));
  std::vector<Found> f;
  for (const auto& d : r.dates)
    f.push_back({std::string(d.span.in(doc.text)), newsan::to_string(d.type), d.value, d.mod,
                 d.begin.value_or(""), d.end.value_or("")});
  if (out) *out = r;
  return f;
}

// The one expression in `text` (fails when there are more or none).
Found one(const std::string& text, const char* date = "2025-03-12") {
  auto f = run(text, date);
  INFO(text);
  REQUIRE(f.size() == 1);
  return f[0];
}

}  // namespace

TEST_CASE("parse_iso_date rejects malformed and impossible dates", "[dates]") {
  int y, m, d;
  CHECK(newsan::parse_iso_date("2024-02-29", y, m, d));
  CHECK((y == 2024 && m == 2 && d == 29));
  CHECK_FALSE(newsan::parse_iso_date("2023-02-29", y, m, d));
  CHECK_FALSE(newsan::parse_iso_date("2025-04-31", y, m, d));
  CHECK_FALSE(newsan::parse_iso_date("2025-13-01", y, m, d));
  CHECK_FALSE(newsan::parse_iso_date("2025-1-05", y, m, d));
  CHECK_FALSE(newsan::parse_iso_date("0000-01-01", y, m, d));
  CHECK_FALSE(newsan::parse_iso_date("2025/01/05", y, m, d));
  CHECK_FALSE(newsan::parse_iso_date("", y, m, d));
}

TEST_CASE("timex_interval turns values into calendar intervals", "[dates]") {
  std::string b, e;
  CHECK(newsan::timex_interval("2024", b, e));
  CHECK((b == "2024-01-01" && e == "2024-12-31"));
  CHECK(newsan::timex_interval("2024-02", b, e));
  CHECK(e == "2024-02-29");
  CHECK(newsan::timex_interval("2025-W02", b, e));
  CHECK((b == "2025-01-06" && e == "2025-01-12"));
  CHECK(newsan::timex_interval("2025-Q3", b, e));
  CHECK((b == "2025-07-01" && e == "2025-09-30"));
  CHECK(newsan::timex_interval("199X", b, e));
  CHECK((b == "1990-01-01" && e == "1999-12-31"));
  CHECK(newsan::timex_interval("19", b, e));  // a century: the 1900s
  CHECK((b == "1900-01-01" && e == "1999-12-31"));
  CHECK_FALSE(newsan::timex_interval("1", b, e));
  CHECK(newsan::timex_interval("2025-01-05T08:30", b, e));
  CHECK((b == "2025-01-05" && e == "2025-01-05"));
  CHECK(newsan::timex_interval("2020-W53", b, e));  // 2020 has 53 ISO weeks
  CHECK((b == "2020-12-28" && e == "2021-01-03"));
  CHECK_FALSE(newsan::timex_interval("2021-W53", b, e));
  CHECK(newsan::timex_interval("2024-WI", b, e));
  CHECK(e == "2025-02-28");
  for (const char* v : {"P3M", "PAST_REF", "XXXX-01", "2025-02-30", "2025-W54", "", "2", "2025-Q5", "2025-13"})
    CHECK_FALSE(newsan::timex_interval(v, b, e));
}

TEST_CASE("absolute dates in news forms", "[dates]") {
  CHECK(one("on January 5, 2025 in").value == "2025-01-05");
  CHECK(one("on 5 Jan 2025 in").value == "2025-01-05");
  CHECK(one("since 2025-01-05 ,").value == "2025-01-05");
  CHECK(one("on 01/05/2025 and").value == "2025-01-05");
  CHECK(one("on 25/01/2025 and").value == "2025-01-25");  // day first when the first part > 12
  CHECK(one("in March 2024 they").value == "2024-03");
  auto y = one("in 1998 they");
  CHECK((y.value == "1998" && y.begin == "1998-01-01" && y.end == "1998-12-31"));
  auto d = one("in the 1990s they");
  CHECK((d.text == "the 1990s" && d.value == "199X"));
  CHECK(one("results for fiscal 2024 were").value == "2024");
  CHECK(one("profit in Q3 rose").value == "2024-Q3");  // Q3 without a year: the last one before March 2025
  // earnings news: the quarter a report names anchors "the quarter" and "a year earlier"
  auto er = run("Net rose in the quarter ended Sept. 30 , up from $2 a share a year earlier .", "2025-10-20");
  REQUIRE(er.size() == 3);
  CHECK(er[0].value == "2025-Q3");
  CHECK(er[2].value == "2024-Q3");
  auto dy = run("Shares rose yesterday to 388 pence , up from 300 pence a year earlier .", "2025-10-20");
  REQUIRE(dy.size() == 2);
  CHECK(dy[1].value == "2024-10-19");  // that day a year before
  auto qa = run("For the quarter a year ago , net fell .", "2025-10-20");
  REQUIRE(qa.size() == 1);
  CHECK((qa[0].text == "the quarter a year ago" && qa[0].value == "2024-Q3"));
  auto q = one("the fourth quarter of 1984 was");
  CHECK((q.text == "the fourth quarter of 1984" && q.value == "1984-Q4"));
}

TEST_CASE("month and day without a year read toward the past", "[dates]") {
  CHECK(one("it opened Jan. 5 .", "2025-03-12").value == "2025-01-05");
  CHECK(one("it opened Dec. 5 .", "2025-03-12").value == "2024-12-05");
  CHECK(one("it closed in November .", "2025-03-12").value == "2024-11");
  // "will be named": the participle after "be" is no past tense
  CHECK(one("She will be named commander for a flight in January .", "2025-10-01").value == "2026-01");
  CHECK(one("He will succeed him Feb. 1 .", "2025-10-01").value == "2026-02-01");
  CHECK(one("The summit would still be held on April 24 .", "2025-02-10").value == "2025-04-24");
  CHECK(one("The pact is effective June 1 .", "2025-10-26").value == "2026-06-01");
  CHECK(one("It has been on patrol since March .", "2025-01-10").value == "2024-03");
  auto lo = one("He was shot last Oct. 23 at home .", "2025-03-12");
  CHECK((lo.text == "last Oct. 23" && lo.value == "2024-10-23"));
  auto wk = one("a hearing the week of March 6 .", "2025-02-20");
  CHECK((wk.text == "the week of March 6" && wk.value == "2025-W10"));
  // A date a few weeks ahead is this year's
  CHECK(one("the vote on April 2 .", "2025-03-12").value == "2025-04-02");
}

TEST_CASE("impossible dates are not normalized to a wrong day", "[dates]") {
  auto f = one("on February 30, 2025 they");
  CHECK(f.value.find("-02-30") == std::string::npos);
  CHECK(f.value.find("-03-") == std::string::npos);
  auto g = one("on February 30 they");
  CHECK(g.value.find("-02-30") == std::string::npos);
}

TEST_CASE("weekdays resolve by tense", "[dates]") {
  // 2025-03-12 is a Wednesday.
  CHECK(one("He said on Tuesday that").value == "2025-03-11");
  CHECK(one("He spoke Wednesday .").value == "2025-03-12");
  CHECK(one("He spoke Friday .").value == "2025-03-07");
  CHECK(one("They will meet on Friday .").value == "2025-03-14");
  CHECK(one("It happened last Tuesday .").value == "2025-03-11");
  CHECK(one("He upheld Friday's ruling .").value == "2025-03-07");  // a possessive weekday points back
  CHECK(one("The talks were postponed until Friday .").value == "2025-03-14");
  // a plan in the past perfect names a day before the story's time
  CHECK(one("The lease had been due to end on Friday .").value == "2025-03-07");
  CHECK(one("The club had planned a parade for Saturday .").value == "2025-03-08");
  CHECK(one("The lease is due to end on Friday .").value == "2025-03-14");
  // a clause of its own before the date tells nothing about it
  CHECK(one("The loan , which had been expected , is due by Friday .").value == "2025-03-14");
  // "until" opens a clause whose verb tells the direction
  CHECK(one("Until Monday , the council had not named a suspect .").value == "2025-03-10");
  CHECK(one("Until Monday , the council will not name a suspect .").value == "2025-03-17");
}

TEST_CASE("relative expressions", "[dates]") {
  CHECK(one("It fell yesterday .").value == "2025-03-11");
  CHECK(one("It fell last week .").value == "2025-W10");
  CHECK(one("It fell last month .").value == "2025-02");
  CHECK(one("It fell last year .").value == "2024");
  CHECK(one("It will rise next month .").value == "2025-04");
  CHECK(one("It fell on Thanksgiving .", "2025-03-20").value == "2024-11-28");
  CHECK(one("Votes are counted on Election Day .", "2024-10-28").value == "2024-11-05");  // a week ahead
  CHECK(one("It fell last Christmas .", "2025-12-20").value == "2024-12-25");
  CHECK(one("It rose this year .").value == "2025");
  auto nd = run("The strike began on Jan. 5 . Talks resumed the next day .", "2025-03-12");
  REQUIRE(nd.size() == 2);
  CHECK(nd[1].value == "2025-01-06");  // the day after the one the story named
  auto fy = run("He left in March 1998 . The following year he returned , the following day too .", "2025-03-12");
  REQUIRE(fy.size() == 3);
  CHECK(fy[1].value == "1999");
  auto ty = run("He left in March 1998 . Later that year he returned .", "2025-03-12");
  REQUIRE(ty.size() == 2);
  CHECK((ty[1].text == "Later that year" && ty[1].value == "1998"));
  auto lt = one("It peaked in late-November .", "2025-03-12");
  CHECK((lt.value == "2024-11" && lt.mod == "END"));
  auto a = one("It rose two days ago .");
  CHECK((a.text == "two days ago" && a.value == "2025-03-10"));
  auto b = one("It began several months ago .");
  CHECK((b.text == "several months ago" && b.value == "PAST_REF"));
  auto c = one("It began earlier this year .");
  CHECK((c.text == "earlier this year" && c.value == "2025"));
  auto d = one("It will end early next year .");
  CHECK((d.value == "2026" && d.mod == "START"));
  auto e = one("It ended in late November .");
  CHECK((e.text == "late November" && e.mod == "END"));
  auto f = one("It began at the end of 1994 .");
  CHECK((f.text == "the end of 1994" && f.value == "1994" && f.mod == "END"));
}

TEST_CASE("durations, sets, times and vague references", "[dates]") {
  auto a = one("It took three years .");
  CHECK((a.type == "duration" && a.value == "P3Y"));
  CHECK(one("It took 24 hours .").value == "PT24H");
  CHECK(one("It took a couple of years .").value == "P2Y");
  CHECK(one("It took 2 1/2 years .").value == "P2Y6M");
  CHECK(one("It took two and a half hours .").value == "PT2H30M");
  auto p = one("It rose in the past three months .");
  CHECK((p.text == "the past three months" && p.value == "P3M"));
  auto ab = one("It took about two weeks .");
  CHECK((ab.text == "two weeks" && ab.mod == "APPROX"));  // "about" stays outside the span
  auto mt = one("It took more than two weeks .");
  CHECK((mt.text == "more than two weeks" && mt.mod == "MORE_THAN"));
  CHECK(one("a two-year contract").value == "P2Y");
  auto s = one("They meet every week .");
  CHECK((s.type == "set" && s.value == "P1W"));
  CHECK(one("It is paid annually .").value == "P1Y");
  // "the year" after for/in is the current year, unless a period end follows
  auto ty = one("Shares hit a high for the year .", "1989-11-01");
  CHECK((ty.text == "the year" && ty.type == "date" && ty.value == "1989"));
  auto te = run("Net rose for the year ended Sept. 30 .", "1989-11-01");
  REQUIRE(te.size() == 2);
  CHECK((te[0].text == "the year" && te[0].type == "duration" && te[0].value == "P1Y"));
  auto fy = run("Sales fell in the fiscal year ended Jan. 31 .", "1989-11-01");
  REQUIRE(fy.size() == 2);
  CHECK((fy[0].text == "the fiscal year" && fy[0].value == "P1Y"));
  CHECK(one("Profit will fall for the fiscal year .", "1989-11-01").value == "1989");
  auto fu = one("It forecast an increase for the full year .", "1989-11-01");
  CHECK((fu.text == "the full year" && fu.value == "1989"));
  CHECK(run("It was a full house .", "1989-11-01").empty());
  auto ev = one("They met Tuesday evening .");
  CHECK((ev.text == "Tuesday evening" && ev.type == "time" && ev.value == "2025-03-11TEV"));
  // a named day's night or morning is that part of the day, as TIMEX3 values it
  auto ni = one("They met Tuesday night .");
  CHECK((ni.text == "Tuesday night" && ni.value == "2025-03-11TNI"));
  CHECK(one("They met Tuesday morning .").value == "2025-03-11TMO");
  CHECK(one("They met last Tuesday evening .").value == "2025-03-11TEV");
  auto c20 = one("It changed in the 20th century .");
  CHECK((c20.text == "the 20th century" && c20.value == "19"));
  CHECK(one("It has not changed this century .").value == "20");
  // a set word right after an amount is a rate, not a time
  CHECK(run("Sales will rise 8.5 % annually .", "2025-03-12").empty());
  CHECK(run("The plant would produce 10,000 units annually .", "2025-03-12").empty());
  CHECK(run("It costs $2 million daily .", "2025-03-12").empty());
  CHECK(one("It doubled its profits annually .").value == "P1Y");
  CHECK(run("It runs 15 million instructions per second .", "2025-03-12").empty());
  CHECK(one("It is checked every week .").value == "P1W");
  CHECK(one("The march is held each July .").value == "XXXX-07");
  CHECK(one("The festival is held every summer .").value == "XXXX-SU");
  auto js = one("It began in January nineteen ninety-seven .");
  CHECK((js.text == "January nineteen ninety-seven" && js.value == "1997-01"));
  auto ws = one("Oil fell to that level in the winter of nineteen ninety-four .");
  CHECK((ws.text == "the winter of nineteen ninety-four" && ws.value == "1994-WI"));
  auto tw = one("They meet twice a year .");
  CHECK((tw.type == "set" && tw.text == "a year" && tw.value == "P1Y"));
  CHECK(one("the 14-day strike").text == "14-day");
  auto later = one("It ended three days later .");
  CHECK((later.text == "three days" && later.type == "duration"));
  auto t = one("It opened at 8:30 a.m. Tuesday .");
  CHECK((t.type == "time" && t.value == "2025-03-11T08:30"));
  CHECK(one("It opened at noon .").value == "2025-03-12T12:00");
  // a clock time takes the day its sentence named before it
  auto ft = run("On Monday , the market opened at 10:35 a.m. and closed .", "2025-03-12");
  REQUIRE(ft.size() == 2);
  CHECK(ft[1].value == "2025-03-10T10:35");
  CHECK(one("Prices are high now .").value == "PRESENT_REF");
  CHECK(one("It will soon rise .").value == "FUTURE_REF");
  CHECK(run("It matters to the future of our peoples .", "2025-03-12").empty());
  CHECK(one("It may change in the future .").value == "FUTURE_REF");
  CHECK(run("They joined this march on the capital .", "2025-03-12").empty());
  CHECK(one("They met last March .").value == "2024-03");
  CHECK(run("Now , he says , it looks bad .", "2025-03-12").empty());  // a discourse marker
  CHECK(one("Now the plan looks bad .").value == "PRESENT_REF");
  // names of programmes and papers are not times
  CHECK(run("He said on ABC's This Week that it would pass .", "2025-03-12").empty());
  CHECK(run("He told CBS's 60 Minutes it would pass .", "2025-03-12").empty());
  CHECK(run("This is VOA Today .", "2025-03-12").empty());
  CHECK(one("This week it passed .").value == "2025-W11");
  CHECK(one("They vote on Election Day .").text == "Election Day");
  CHECK(run("He was soon released .", "2025-03-12").empty());  // soon after a past moment
  CHECK(one("Prices fell recently .").value == "PAST_REF");
  CHECK(one("Prices will fall in the future .").value == "FUTURE_REF");
  CHECK(one("Prices may soon fall .").value == "FUTURE_REF");
  CHECK(run("They left as soon as they could , soon after the vote .", "2025-03-12").empty());
}

TEST_CASE("ages and ordinary numbers are not dates", "[dates]") {
  CHECK(run("a 6-year-old boy and a six-year-old girl", "2025-03-12").empty());
  CHECK(run("The 50 years old man paid $2000 for 1,998 items", "2025-03-12").empty());
  CHECK(run("May I ask? She may go.", "2025-03-12").empty());
  CHECK(run("Foreign Minister Jan Kavan spoke .", "2025-03-12").empty());
  CHECK(run("It saves $500 million a year and adds four flights a week .", "2025-03-12").empty());
  auto rate = run("It runs 24 hours a day .", "2025-03-12");
  REQUIRE(rate.size() == 1);
  CHECK(rate[0].text == "24 hours");
}

TEST_CASE("without a reference date relative values keep what is known", "[dates]") {
  auto f = run("It began several months ago and ended last year, on Friday.", nullptr);
  REQUIRE(f.size() == 3);
  CHECK(f[0].value == "PAST_REF");
  CHECK(f[1].value == "PAST_REF");
  CHECK(f[2].value == "XXXX-WXX-5");
  CHECK(f[2].begin.empty());
}

TEST_CASE("spans are exact slices and sorted", "[dates]") {
  const std::string text = "On Jan. 5, 2025, two years ago, the 1990s and 3 days: every week, now.";
  newsan::DateResult r;
  run(text, "2025-03-12", &r);
  REQUIRE(r.dates.size() >= 5);
  for (std::size_t i = 0; i < r.dates.size(); ++i) {
    CHECK(r.dates[i].span.end <= text.size());
    CHECK(r.dates[i].span.start < r.dates[i].span.end);
    if (i) CHECK(r.dates[i - 1].span.end <= r.dates[i].span.start);
  }
}

TEST_CASE("patterns cut off by the end of the text", "[dates][regression]") {
  // Used to read past the token array (found with AddressSanitizer).
  for (const char* t : {"the end of", "mid-", "early", "the beginning of the", "more than", "every", "8:", "Jan.",
                        "1990-01-", "01/05/", "the year two", "twice a", "this year's"})
    CHECK_NOTHROW(run(t, "2020-02-29"));
  CHECK(run("mid-", "2020-02-29").empty());
}

TEST_CASE("a capitalized word without a lexicon role starts only \"Most recent quarter\"", "[dates][regression]") {
  // The scan skips words that no pattern can start at; "most" has no role of its
  // own but opens quarter()'s "Most recent quarter" at the start of a sentence.
  auto q = one("Most recent quarter sales fell .", "2025-03-12");
  CHECK((q.text == "Most recent quarter" && q.value == "2024-Q4"));
  CHECK(run("Kilroy Smith met Ms Jones on the Most Valuable list .", "2025-03-12").empty());
  // Words longer than any lexicon key, non-ASCII words, and a phrase head in capitals.
  auto nc = run("Überraschend , Supercalifragilisticexpialidocious-ness , THESE DAYS , ＭＡＹ 5 .", "2025-03-12");
  REQUIRE(nc.size() == 1);
  CHECK((nc[0].text == "THESE DAYS" && nc[0].value == "PRESENT_REF"));
}

TEST_CASE("clock times as web pages write them", "[dates]") {
  CHECK(one("The shop closed at 3pm .").value == "2025-03-12T15:00");
  CHECK(one("Doors open at 11AM .").value == "2025-03-12T11:00");
  auto glued = one("Updated 9:00AM (UTC) .");
  CHECK((glued.text == "9:00AM" && glued.value == "2025-03-12T09:00"));
  CHECK(one("It ended at 2:15pm .").value == "2025-03-12T14:15");
  auto secs = one("Posted at 01:52:54 PM .");
  CHECK((secs.text == "01:52:54 PM" && secs.value == "2025-03-12T13:52:54"));
  // a day after "on" gives the time its day but is an expression of its own
  auto on = run("Crews left at 4 pm on Monday .", "2025-03-12");
  REQUIRE(on.size() == 2);
  CHECK((on[0].text == "4 pm" && on[0].value == "2025-03-10T16:00"));
  CHECK((on[1].text == "Monday" && on[1].value == "2025-03-10"));
  // a day right after the time stays inside the span, as TimeBank writes it
  CHECK(one("It opened at 8:30 a.m. Tuesday .").text == "8:30 a.m. Tuesday");
  CHECK(run("The score was 3 a side .", "2025-03-12").empty());
}

TEST_CASE("a year that opens a name is not a date (with the syntax model)", "[dates][syntax]") {
  static const auto model = newsan::SyntaxModel::load(std::filesystem::path(NEWSAN_TEST_DATA_DIR) / "models/syntax.model");
  auto years = [&](const std::string& text) {
    newsan::Document doc;
    doc.text = text;
    doc.date = "2025-03-12";
    newsan::Tokenized tk = newsan::tokenize(doc.text);
    newsan::DocumentSyntax syn(model.get(), doc.text, tk);
    std::vector<std::string> out;
    for (const auto& d : extractor().extract(doc, tk, syn).dates) out.emplace_back(d.span.in(doc.text));
    return out;
  };
  CHECK(years("Tickets for the 2024 Garden Fair sold out .").empty());
  CHECK(years("Their new office , 2024 Maple Street , opened last week .") == std::vector<std::string>{"last week"});
  // a year before a subject is a date
  CHECK(years("In 2019 Maria Lopez opened a bakery .") == std::vector<std::string>{"2019"});
  CHECK(years("Sales rose in 2019 .") == std::vector<std::string>{"2019"});
}

TEST_CASE("a year that opens an event's name in a list of events", "[dates][syntax]") {
  static const auto model = newsan::SyntaxModel::load(std::filesystem::path(NEWSAN_TEST_DATA_DIR) / "models/syntax.model");
  newsan::Document doc;
  doc.text = "Feb. 3-5: Riverside Rowing Club, 2026 Winter Regatta Cup, Lakeview Hall, 400\n";
  doc.date = "2025-12-20";
  newsan::Tokenized tk = newsan::tokenize(doc.text);
  newsan::DocumentSyntax syn(model.get(), doc.text, tk);
  std::vector<std::string> out;
  for (const auto& d : extractor().extract(doc, tk, syn).dates) out.emplace_back(d.span.in(doc.text));
  CHECK(out == std::vector<std::string>{"Feb. 3-5"});
}

namespace {

// Every expression of `text` as "span=value", read with the syntax model.
std::vector<std::string> parsed(const std::string& text, const char* date) {
  static const auto model = newsan::SyntaxModel::load(std::filesystem::path(NEWSAN_TEST_DATA_DIR) / "models/syntax.model");
  newsan::Document doc;
  doc.text = text;
  doc.date = date;
  newsan::Tokenized tk = newsan::tokenize(doc.text);
  newsan::DocumentSyntax syn(model.get(), doc.text, tk);
  std::vector<std::string> out;
  for (const auto& d : extractor().extract(doc, tk, syn).dates) out.push_back(std::string(d.span.in(doc.text)) + "=" + d.value);
  return out;
}

}  // namespace

TEST_CASE("a bare weekday takes its direction from the tense of its clause", "[dates][syntax]") {
  using V = std::vector<std::string>;
  // 2023-06-01 is a Thursday. A present schedule points ahead, and a clock time
  // on that weekday resolves with it.
  CHECK(parsed("The ferry leaves at 7pm on Saturday .", "2023-06-01") == V{"7pm=2023-06-03T19:00", "Saturday=2023-06-03"});
  // a past verb the tagger knows (irregular, no -ed) points back
  CHECK(parsed("The ferry left the harbour on Saturday .", "2023-06-01") == V{"Saturday=2023-05-27"});
  CHECK(parsed("The mayor says the ferry sank on Saturday .", "2023-06-01") == V{"Saturday=2023-05-27"});
  // a future cue still wins over the default
  CHECK(parsed("The ferry will sail on Saturday .", "2023-06-01") == V{"Saturday=2023-06-03"});
  // without any cue, a weekday the story named is the same day again
  CHECK(parsed("The ferry leaves on Saturday . No buses on Saturday either .", "2023-06-01") ==
        V{"Saturday=2023-06-03", "Saturday=2023-06-03"});
}

TEST_CASE("words and numbers that look like dates and are not", "[dates]") {
  // street numbers and copyright lines are no years
  CHECK(run("The shop at 2015 Harlow Avenue was closed .", "2023-06-01").empty());
  CHECK(run("A car waited in the 2100 block of Harlow .", "2023-06-01").empty());
  CHECK(run("Copyright 2019 . All rights reserved .", "2023-06-01").empty());
  // a capitalized date word opening a name inside a sentence
  CHECK(run("She wrote for the Daily Clarion for years .", "2023-06-01").size() == 1);
  CHECK(run("She wrote for the Daily Clarion .", "2023-06-01").empty());
  // but the sets stay sets
  CHECK(one("The ferry runs daily .").value == "P1D");
  // a programme called "Today"; a sentence that opens with "Today" keeps it
  CHECK(run("She talked about the book on Today .", "2023-06-01").empty());
  CHECK(one("Today the ferry sails .").value == "2025-03-12");
}

TEST_CASE("wire clocks, parts of the day and anaphoric years", "[dates]") {
  CHECK(one("The vote closes at 1400 GMT .").value == "2025-03-12T14:00");
  CHECK(one("It happened at 4 in the morning .").value == "2025-03-12T04:00");
  // "in the morning" of the day the story tells
  auto f = run("The fair opens on March 20 . Music starts in the morning .", "2025-03-12");
  REQUIRE(f.size() == 2);
  CHECK(f[1].text == "the morning");
  CHECK(f[1].value == "2025-03-20TMO");
  // "the year before": one year before the year the story names
  f = run("Sales fell in 2021 , less than the year before .", "2025-03-12");
  REQUIRE(f.size() == 2);
  CHECK(f[1].value == "2020");
  CHECK(one("Such tools decayed long ago .").value == "PAST_REF");
  CHECK(one("Deep into the new year , prices rose .", "2020-01-10").value == "2020");
  CHECK(one("Prices will rise in the new year .", "2019-12-20").value == "2020");
  CHECK(one("Stay away from the area at this time .").value == "PRESENT_REF");
  CHECK(one("The plane was late , officials said earlier .").value == "PAST_REF");
  CHECK(run("She met the future President in 1990 .", "2025-03-12").size() == 1);
  CHECK(one("Shares fell overnight in Asia .").value == "2025-03-11TNI");
  // "N a day" is a rate, but "a day after" a time
  CHECK(one("Shares rose a day after the vote .").value == "P1D");
  CHECK(run("He smoked ten cigarettes a day .", "2025-03-12").empty());
  // a clock time before a calendar date: two expressions; before a weekday: one
  auto two = run("It happened at 3:15 p.m. Dec. 22 downtown .", "2025-03-12");
  REQUIRE(two.size() == 2);
  CHECK(two[0].value == "2024-12-22T15:15");
  CHECK(two[1].text == "Dec. 22");
  // a weekday before a day and month: one date
  CHECK(one("He was charged on Wednesday 27th April , 2022 .").value == "2022-04-27");
}

TEST_CASE("a participle the weekday depends on tells of the past", "[dates][syntax]") {
  using V = std::vector<std::string>;
  // 2023-06-01 is a Thursday; "bought" has no -ed and no auxiliary
  CHECK(parsed("The fund owns 900 shares , including 300 bought from May 2 to Tuesday .", "2023-06-01") ==
        V{"May 2=2023-05-02", "Tuesday=2023-05-30"});
  // with its auxiliaries the participle is no past: the modal decides
  CHECK(parsed("The hearing will be held on Tuesday .", "2023-06-01") == V{"Tuesday=2023-06-06"});
}

TEST_CASE("a clock time restated and a deadline with its zone and date", "[dates]") {
  // "(0600 GMT)" restates the time before it on another clock
  auto f = run("The ferry sank at about 9:00 a.m. (0600 GMT) .", "2023-06-01");
  REQUIRE(f.size() == 1);
  CHECK((f[0].text == "9:00 a.m." && f[0].value == "2023-06-01T09:00"));
  CHECK(one("Bids are due by 1400 GMT .", "2023-06-01").value == "2023-06-01T14:00");
  // a zone binds the clock and the calendar date into one deadline
  auto z = one("The offer expires at 6 p.m. EDT June 9 .", "2023-06-01");
  CHECK((z.text == "6 p.m. EDT June 9" && z.value == "2023-06-09T18:00"));
  // without one they stay two expressions
  CHECK(run("The offer expires at 6 p.m. June 9 .", "2023-06-01").size() == 2);
}

TEST_CASE("overnight is the night before the day the story's lead tells", "[dates]") {
  // 2023-06-05 is a Monday; the lead tells of Friday's trading
  auto f = run("Shares fell on Friday . Traders pointed to overnight losses in Tokyo .", "2023-06-05");
  REQUIRE(f.size() == 2);
  CHECK((f[1].text == "overnight" && f[1].value == "2023-06-01TNI"));
  // a lead day long before the reference date leaves it to the reference date
  auto g = run("The mine flooded on May 2 . Rescuers worked overnight .", "2023-06-05");
  REQUIRE(g.size() == 2);
  CHECK(g[1].value == "2023-06-04TNI");
  CHECK(one("Rescuers worked overnight .", "2023-06-05").value == "2023-06-04TNI");
}

TEST_CASE("year end after a preposition is the end of the reference year", "[dates]") {
  auto a = one("The mill will shut by year end .", "2023-06-01");
  CHECK((a.text == "year end" && a.value == "2023" && a.mod == "END"));
  auto b = one("New rules must be in force by year's end .", "2023-06-01");
  CHECK((b.text == "year's end" && b.value == "2023" && b.mod == "END"));
  CHECK(run("The year end was quiet .", "2023-06-01").empty());
}

TEST_CASE("unit-long adjectives are durations", "[dates]") {
  auto a = one("A day-long strike closed the port .", "2023-06-01");
  CHECK((a.text == "day-long" && a.type == "duration" && a.value == "P1D"));
  CHECK(one("The weeks-long siege ended .", "2023-06-01").value == "PXW");
  // decades without a count are years of unknown number, as counted ones are years
  CHECK(one("A decades-long feud ended .", "2023-06-01").value == "PXY");
  CHECK(one("It lasted for decades .", "2023-06-01").value == "PXY");
  CHECK(one("It lasted two decades .", "2023-06-01").value == "P20Y");
  CHECK(run("It was a long day .", "2023-06-01").empty());
}

TEST_CASE("halves and quarters of a game are no calendar periods", "[dates]") {
  CHECK(run("The Hawks hit four three-pointers in the fourth quarter .", "2023-05-10").empty());
  CHECK(run("The goalie kept Leeds level until the second half .", "2023-05-10").empty());
  CHECK(run("Rovers scored twice in the first half .", "2023-05-10").empty());
  // without a game told they are the calendar's
  CHECK(one("Profits fell in the fourth quarter .", "2023-05-10").value == "2022-Q4");
  CHECK(one("Sales rose in the first half .", "2023-05-10").value == "2023-H1");
}

TEST_CASE("of last year and of next year bind to the month or season before them", "[dates]") {
  auto a = one("Rents have climbed since June of last year .", "2023-05-10");
  CHECK((a.text == "June of last year" && a.value == "2022-06"));
  CHECK(one("The bridge opens in the spring of next year .", "2023-05-10").value == "2024-SP");
  CHECK(one("The pact was signed in the autumn of last year .", "2023-05-10").value == "2022-FA");
}

TEST_CASE("a span of clock times shares the day written after it", "[dates]") {
  // 2015-02-26 is a Thursday
  auto f = run("The van was stolen between 8 AM and 9 PM Wednesday .", "2015-02-26");
  REQUIRE(f.size() == 2);
  CHECK((f[0].text == "8 AM" && f[0].value == "2015-02-25T08:00"));
  CHECK((f[1].text == "9 PM Wednesday" && f[1].value == "2015-02-25T21:00"));
  // without a day after the second time both stay on the story's day
  auto g = run("The hall opens from 9 a.m. to 5 p.m. .", "2015-02-26");
  REQUIRE(g.size() == 2);
  CHECK(g[0].value == "2015-02-26T09:00");
}

TEST_CASE("decades ago count back to a year, a year closing a name is no date", "[dates]") {
  auto d = one("The mill closed more than a decade ago .", "2014-06-01");
  CHECK((d.text == "more than a decade ago" && d.value == "2004"));
  CHECK(one("The mill closed two decades ago .", "2014-06-01").value == "1994");
  // "the Harbour Boat Show 2015": the year belongs to the name
  CHECK(run("Tickets for the Harbour Boat Show 2015 sold out .", "2015-01-05").empty());
  CHECK(one("In March 2015 the mill closed .", "2015-06-01").value == "2015-03");
  CHECK(one("The mill closed in 2015 .", "2016-06-01").value == "2015");
}

TEST_CASE("a month opening a sentence takes the tense of the verb after it", "[dates]") {
  // 1998-10-25: January is as near ahead as back; the clause's past verb decides
  CHECK(one("In January , the firm hired him .", "1998-10-25").value == "1998-01");
  CHECK(one("In January , the firm will hire him .", "1998-10-25").value == "1999-01");
}

TEST_CASE("a quoted today is the day the speaker spoke", "[dates]") {
  // 2022-04-22: the story tells of what the minister said yesterday
  auto f = run("The minister spoke yesterday . \u201cMore parents will sign up after today ,\u201d she added .", "2022-04-22");
  REQUIRE(f.size() == 2);
  CHECK((f[1].text == "today" && f[1].value == "2022-04-21"));
  // a present reporting verb: she speaks on the reference day
  auto g = run("The minister spoke yesterday . \u201cMore parents will sign up after today ,\u201d she says .", "2022-04-22");
  REQUIRE(g.size() == 2);
  CHECK(g[1].value == "2022-04-22");
  // not quoted: the reference day
  auto h = run("The minister spoke yesterday . More parents will sign up after today , she added .", "2022-04-22");
  REQUIRE(h.size() == 2);
  CHECK(h[1].value == "2022-04-22");
}
