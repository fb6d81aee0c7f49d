// The publication date: candidates the readers find (date lines, URLs,
// datelines, page metadata) and the one chooser.
#include <catch2/catch.hpp>

#include "newsan/analysis.h"
#include "newsan/html.h"
#include "newsan/reader.h"
#include "reader/date_line.h"

namespace {

const newsan::reader::DateLineReader& lines() {
  static const newsan::reader::DateLineReader r(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return r;
}

std::string day(const std::optional<newsan::cal::Ymd>& d) { return d ? newsan::cal::format_day(*d) : "none"; }

}  // namespace

TEST_CASE("visible date lines in the usual shapes", "[dates][reader]") {
  CHECK(day(lines().read("Posted on October 3, 2021 at 9:52 PM")) == "2021-10-03");
  CHECK(day(lines().read("Sept. 30, 2019")) == "2019-09-30");
  CHECK(day(lines().read("Staff reporter 7 March 2020 • 11:05am")) == "2020-03-07");
  CHECK(day(lines().read("Wednesday, 2nd of December 2015")) == "2015-12-02");
  CHECK(day(lines().read("2018-06-09 14:00")) == "2018-06-09");
  CHECK(day(lines().read("12/31/2019")) == "2019-12-31");
  CHECK(day(lines().read("25/12/2019")) == "2019-12-25");
  // A day and month without a year, an impossible date, a clock time alone: nothing.
  CHECK(day(lines().read("Updated: June 4 at 10:00")) == "none");
  CHECK(day(lines().read("February 30, 2021")) == "none");
  CHECK(day(lines().read("9:52 PM")) == "none");
  CHECK(day(lines().read("They may 3 times 2021 things")) == "none");
}

TEST_CASE("dates in URL paths", "[dates][reader]") {
  CHECK(day(lines().read_url("https://example.org/world/2021/may/03/harbour-strike")) == "2021-05-03");
  CHECK(day(lines().read_url("https://example.org/2021/05/03/harbour-strike/")) == "2021-05-03");
  CHECK(day(lines().read_url("https://example.org/news/2019-11-30-port-reopens")) == "2019-11-30");
  CHECK(day(lines().read_url("https://example.org/2021/05/")) == "none");
  CHECK(day(lines().read_url("https://example.org/story/20210503?d=2021/05/03")) == "none");
  CHECK(day(lines().read_url("https://2021.example.org/2021/13/03/x")) == "none");
}

TEST_CASE("datelines and labelled date lines open a text", "[dates][reader]") {
  auto c = lines().read_dateline("Strike ends\nLISBON, Feb. 8, 2023 (Wire) - It ended yesterday.\n");
  REQUIRE(c);
  CHECK(c->day == "2023-02-08");
  CHECK(c->origin == newsan::Origin::dateline);
  c = lines().read_dateline("Title\nPublished: March 3, 2024\n\nIt ended last week.\n");
  REQUIRE(c);
  CHECK(c->day == "2024-03-03");
  CHECK(c->origin == newsan::Origin::text);
  // a date inside a sentence is not a dateline
  CHECK_FALSE(lines().read_dateline("The port was closed by the strike of March 3, 2024, they said.\n"));
}

TEST_CASE("one chooser: option, input, metadata, date line, URL, dateline", "[dates][reader]") {
  newsan::Document d;
  newsan::choose_publication_date(d);
  CHECK_FALSE(d.date);
  CHECK(d.date_origin == newsan::Origin::none);
  d.date_candidates = {{"2024-01-05", newsan::Origin::dateline}, {"2024-01-04", newsan::Origin::url},
                       {"2024-01-03", newsan::Origin::text}};
  newsan::choose_publication_date(d);
  CHECK(*d.date == "2024-01-03");
  CHECK(d.date_origin == newsan::Origin::text);
  // the page's metadata outranks what its URL and date lines say
  d.date_candidates.push_back({"2024-01-02", newsan::Origin::metadata});
  d.date_candidates.push_back({"2024-01-09", newsan::Origin::metadata});
  newsan::choose_publication_date(d);
  CHECK(*d.date == "2024-01-02");
  d.date_candidates.push_back({"2024-01-01", newsan::Origin::option});
  newsan::choose_publication_date(d);
  CHECK(*d.date == "2024-01-01");
  CHECK(d.date_origin == newsan::Origin::option);
}

TEST_CASE("the analyzer resolves against a dateline and never against a weaker date", "[dates][analysis]") {
  static const newsan::Analyzer analyzer(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  auto a = analyzer.analyze(newsan::make_text_document(
      "Strike ends\nLISBON, Feb. 8, 2023 (Wire) - It ended yesterday.\n", "a.txt", {}));
  REQUIRE(a.document.date);
  CHECK(*a.document.date == "2023-02-08");
  CHECK(a.document.date_origin == newsan::Origin::dateline);
  REQUIRE(a.dates.dates.size() == 2);
  CHECK(a.dates.dates[1].value == "2023-02-07");

  auto doc = newsan::make_text_document("LISBON, Feb. 8, 2023 (Wire) - It ended yesterday.\n", "a.txt", {});
  doc.date_candidates.push_back({"2023-03-01", newsan::Origin::option});
  newsan::choose_publication_date(doc);
  a = analyzer.analyze(std::move(doc));
  CHECK(*a.document.date == "2023-03-01");
  CHECK(a.dates.dates[1].value == "2023-02-28");
}

TEST_CASE("a page: local day, date line, URL, headline and byline in the text", "[dates][html]") {
  static const newsan::HtmlReader reader(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  const std::string story =
      "<p>The harbour strike ended on Monday after nine days, the union said in a statement to members.</p>"
      "<p>Ships waiting outside the port began to berth on Tuesday morning, and the first cranes moved soon after.</p>"
      "<p>Talks on pay will resume next month, both sides said, with a mediator appointed by the ministry.</p>";
  // UTC in the metadata, the publisher's clock in <time>: the local day.
  std::string page =
      "<html><head><title>Harbour strike ends</title>"
      "<meta property=\"article:published_time\" content=\"2023-06-02T03:10:00+00:00\">"
      "<link rel=\"canonical\" href=\"https://example.org/2023/06/05/strike\"></head><body><article>"
      "<h1>Harbour strike ends</h1><div class=\"byline\">By Ana Ruiz and Lee Park</div>"
      "<time class=\"published\" datetime=\"2023-06-01T23:10:00-04:00\">June 1, 2023 11:10 PM</time>" +
      story + "</article></body></html>";
  auto d = reader.read_document(page, {.name = "p.html"});
  REQUIRE(d.date);
  CHECK(*d.date == "2023-06-01");
  CHECK(d.date_origin == newsan::Origin::metadata);
  REQUIRE(d.title_span);
  CHECK(d.title_span->in(d.text) == "Harbour strike ends");
  CHECK(d.text.find("By Ana Ruiz and Lee Park") != std::string::npos);
  CHECK(d.text.find("June 1, 2023 11:10 PM") != std::string::npos);
  CHECK(d.body.in(d.text).starts_with("The harbour strike ended"));
  CHECK(d.authors == std::vector<std::string>{"Ana Ruiz", "Lee Park"});

  // No metadata: the visible date line, then the URL.
  std::string bare = "<html><head><title>Harbour strike ends</title>"
                     "<link rel=\"canonical\" href=\"https://example.org/2023/jun/05/strike\"></head><body><article>"
                     "<h1>Harbour strike ends</h1>" + story + "</article></body></html>";
  d = reader.read_document(bare, {.name = "p.html"});
  REQUIRE(d.date);
  CHECK(*d.date == "2023-06-05");
  CHECK(d.date_origin == newsan::Origin::url);
}
