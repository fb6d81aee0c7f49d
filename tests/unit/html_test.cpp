// Tests of the HTML reader (src/reader/html_*.cpp) on small hand-written
// pages in tests/data/html/, plus generated hostile input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsan/error.h"
#include "newsan/html.h"
#include "newsan/reader.h"
#include "util/utf8.h"

using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

const newsan::HtmlReader& reader() {
  static newsan::HtmlReader r(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return r;
}

std::string fixture(const std::string& name) {
  std::ifstream in(fs::path(NEWSAN_TEST_FIXTURES) / "html" / name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

newsan::HtmlPage read(const std::string& bytes) { return reader().read(bytes, {}); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the article's paragraphs, headings, lists and quotes in reading order", "[html]") {
  auto page = read(fixture("article.html"));
  const std::string& t = page.text;
  std::size_t p1 = t.find("Dockworkers at the port of Valmare returned to work on Tuesday");
  std::size_t p2 = t.find("The union said its members had accepted a pay rise of 6.5 percent");
  std::size_t h2 = t.find("Backlog will take weeks");
  std::size_t li = t.find("Fruit growers said their losses had reached 12 million euros.");
  std::size_t quote = t.find("We lost nine days of work");
  std::size_t last = t.find("which the leadership expects to pass comfortably.");
  REQUIRE(p1 == 0);
  REQUIRE(p2 != std::string::npos);
  REQUIRE(h2 != std::string::npos);
  REQUIRE(li != std::string::npos);
  REQUIRE(quote != std::string::npos);
  REQUIRE(last != std::string::npos);
  CHECK((p1 < p2 && p2 < h2 && h2 < li && li < quote && quote < last));
  // Paragraphs are separated by a blank line; entities decoded.
  CHECK(has(t, "according to the port authority.\n\nThe union said"));
  CHECK(has(t, "\u201cIt was not everything we asked for, but it is fair,\u201d"));
  CHECK(t.back() == '.');
}

TEST_CASE("navigation, share bars, ads, captions, related lists, comments and footers are dropped",
          "[html]") {
  auto t = read(fixture("article.html")).text;
  for (const char* junk : {"Home", "Share on Facebook", "Advertisement", "Ships waiting outside",
                           "Related stories", "record year for container traffic", "Great news, finally",
                           "Most read", "All rights reserved", "Do not read this script",
                           "This paragraph is hidden", "By Ana Ferreira"}) {
    INFO(junk);
    CHECK_FALSE(has(t, junk));
  }
  // The headline is the title, not part of the text.
  CHECK_FALSE(has(t, "Harbour Strike Ends After Nine Days"));
}

TEST_CASE("metadata: title, authors, date, site, canonical URL, language", "[html]") {
  auto page = read(fixture("article.html"));
  CHECK(page.title == "Harbour Strike Ends After Nine Days");
  CHECK(page.authors == std::vector<std::string>{"Ana Ferreira", "Tom Okafor"});
  CHECK(page.date == "2024-03-05");  // JSON-LD datePublished wins over the <meta> tag
  CHECK(page.date_source == "json-ld");
  CHECK(page.site_name == "The Coastal Courier");
  CHECK(page.url == "https://courier.example/news/harbour-strike-ends");
  CHECK(page.language == "en-gb");
  CHECK(page.charset == "utf-8");
}

TEST_CASE("metadata without JSON-LD falls back to meta tags, <title> and bylines", "[html]") {
  std::string html =
      "<html><head><title>Council Approves Budget | Valmare Daily</title>"
      "<meta property=\"og:site_name\" content=\"Valmare Daily\">"
      "<meta name=\"author\" content=\"Lina Berg\">"
      "<meta property=\"article:published_time\" content=\"2023-11-30T08:00:00+01:00\">"
      "</head><body><p>The council approved the budget, after a long debate, with 23 votes to 8.</p>"
      "</body></html>";
  auto page = read(html);
  CHECK(page.title == "Council Approves Budget");
  // In og:title a dash more often continues the headline; a site name still goes.
  CHECK(read("<html><head><meta property=\"og:title\" content=\"Stadia reviews are in \u2014 and they are not great\">"
             "</head><body></body></html>").title == "Stadia reviews are in \u2014 and they are not great");
  CHECK(read("<html><head><meta property=\"og:title\" content=\"Stadia reviews are in - Tech News\">"
             "</head><body></body></html>").title == "Stadia reviews are in");
  CHECK(page.authors == std::vector<std::string>{"Lina Berg"});
  CHECK(page.date == "2023-11-30");
  CHECK(page.date_source == "meta");

  std::string timed =
      "<html><body><h1>Storm Closes Coastal Road</h1><div class=\"byline\">By Joe Park Published 10:02 AM</div>"
      "<time datetime=\"2022-01-09T10:02\">9 January</time>"
      "<p>The coastal road was closed on Sunday, the police said, after waves washed over it.</p>"
      "</body></html>";
  auto p2 = read(timed);
  CHECK(p2.title == "Storm Closes Coastal Road");
  CHECK(p2.authors == std::vector<std::string>{"Joe Park"});
  CHECK(p2.date == "2022-01-09");
  CHECK(p2.date_source == "time");
  // No machine-readable date: a visible date line is read by the date extractor.
  auto visible = read("<html><body><h1>Ferry Timetable Changes</h1><div class=\"post-date\">Published March 4, 2024</div>"
                      "<p>The ferry company will run fewer crossings in winter, it said, to save fuel.</p></body></html>");
  CHECK(visible.date == "2024-03-04");
  CHECK(visible.date_source == "text");
  // Placeholder and impossible dates are not dates.
  auto p3 = read("<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00\">"
                 "</head><body><time datetime=\"2021-02-30\">x</time><p>Text.</p></body></html>");
  CHECK_FALSE(p3.date);
}

TEST_CASE("the text becomes a Document whose spans index the extracted text", "[html]") {
  newsan::HtmlOptions opt;
  opt.name = "page.html";
  auto doc = reader().read_document(fixture("article.html"), opt);
  CHECK(doc.format == "html");
  CHECK(doc.id == "page.html");
  CHECK(doc.date == "2024-03-05");
  CHECK(doc.date_origin == newsan::Origin::metadata);
  CHECK(doc.title == "Harbour Strike Ends After Nine Days");
  // the article as a reader sees it: the headline first, then (byline, date line) the story
  REQUIRE(doc.title_span);
  CHECK(doc.title_span->in(doc.text) == "Harbour Strike Ends After Nine Days");
  CHECK(doc.body.end == doc.text.size());
  CHECK(doc.body.in(doc.text).rfind("Dockworkers", 0) == 0);
  CHECK(newsan::utf8::find_invalid(doc.text) == std::string::npos);
}

TEST_CASE("read_document_file detects HTML by name and content, or as forced", "[html]") {
  fs::path dir = fs::temp_directory_path() / "newsan-html-test";
  fs::create_directories(dir);
  std::string page = fixture("article.html");
  std::ofstream(dir / "page.txt", std::ios::binary) << page;  // HTML content, .txt name
  newsan::ReadOptions opt;
  opt.html = std::shared_ptr<const newsan::HtmlReader>(&reader(), [](const newsan::HtmlReader*) {});
  auto by_content = newsan::read_document_file((dir / "page.txt").string(), opt);
  CHECK(by_content.format == "html");
  CHECK(by_content.body.in(by_content.text).rfind("Dockworkers", 0) == 0);
  opt.input_format = "text";
  auto as_text = newsan::read_document_file((dir / "page.txt").string(), opt);
  CHECK(as_text.format == "text");
  CHECK(has(as_text.text, "<article"));

  CHECK(newsan::looks_like_html("", "a/b/Page.HTM"));
  CHECK(newsan::looks_like_html("\xEF\xBB\xBF  <!-- saved --> <!DOCTYPE html><html>", "-"));
  CHECK(newsan::looks_like_html("<html lang=en>", "article"));
  CHECK_FALSE(newsan::looks_like_html("Dockworkers <b>went</b> back to work.", "story.txt"));
  CHECK_FALSE(newsan::looks_like_html("<?xml version=\"1.0\"?><rss>", "feed"));
}

TEST_CASE("declared charsets are converted through iconv, unknown ones are refused by name", "[html]") {
  auto page = read(fixture("cp1252.html"));
  CHECK(page.charset == "windows-1252");
  CHECK(page.title == "Caf\u00e9 prices");
  CHECK(has(page.text, "Ren\u00e9e Dubois, who called it \u201cunavoidable\u201d"));
  newsan::HtmlOptions opt;
  opt.name = "jp.html";
  auto sjis = reader().read(fixture("shift-jis.html"), opt);
  CHECK(sjis.charset == "cp932");
  CHECK(has(sjis.text, "\u3042"));
  for (const char* cs : {"koi8-r", "KOI8-R"}) {
    std::string page = std::string("<html><head><meta charset=\"") + cs +
                       "\"></head><body><p>\xf0\xd2\xc9\xd7\xc5\xd4, said the mayor of the town on Monday.</p></body></html>";
    auto k = read(page);
    CHECK(k.charset == "koi8-r");
    CHECK(has(k.text, "\u041f\u0440\u0438\u0432\u0435\u0442"));
  }
  CHECK_THROWS_WITH(reader().read("<html><head><meta charset=\"x-klingon\"></head><body><p>\xff</p></body></html>", opt),
                    Contains("jp.html") && Contains("x-klingon"));
  // A page converted to UTF-8 that still declares its old charset reads fine.
  auto converted = read("<html><head><meta charset=\"Shift_JIS\"></head><body><p>\u6771\u4eac\u3067\u5927\u96e8\u3001"
                        "\u5ddd\u304c\u6c3e\u6feb\u3057\u305f\u3068\u8b66\u5bdf\u304c\u767a\u8868\u3057\u305f\u3002</p></body></html>");
  CHECK(converted.charset == "utf-8");
  CHECK(has(converted.text, "\u6771\u4eac"));
  // Invalid UTF-8 in an undeclared page is replaced and counted.
  auto bad = read("<html><body><p>Prices rose \xff\xfe sharply, the statistics office said on Monday, in its report.</p></body></html>");
  CHECK(bad.replaced_sequences == 2);
  CHECK(newsan::utf8::find_invalid(bad.text) == std::string::npos);
}

TEST_CASE("broken, truncated, hostile and empty pages never crash", "[html]") {
  auto broken = read(fixture("broken.html"));
  CHECK(broken.title == "Broken markup in a page");
  CHECK(has(broken.text, "First paragraph of a page whose markup is broken"));
  // The unclosed <b> swallows the next paragraphs; they are still the article's.
  CHECK(has(broken.text, "Second paragraph, still part of the story"));
  CHECK(has(broken.text, "Third paragraph with misnested formatting, and an attribute"));
  CHECK_FALSE(has(broken.text, "<"));

  // Every prefix of a real page reads without an exception.
  std::string page = fixture("article.html");
  for (std::size_t cut = 0; cut <= page.size(); cut += 97) {
    INFO(cut);
    auto p = read(page.substr(0, cut));
    CHECK(newsan::utf8::find_invalid(p.text) == std::string::npos);
  }
  // No article: empty text, not an error.
  CHECK(read(fixture("no-article.html")).text.empty());
  CHECK(read("").text.empty());
  CHECK(read("plain words, no markup at all").text.size() < 40);

  // Absurd nesting is refused quickly, with a clear message.
  std::string deep = "<html><body>";
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "<p>deep</p></body></html>";
  newsan::HtmlOptions opt;
  opt.name = "deep.html";
  CHECK_THROWS_WITH(reader().read(deep, opt), Contains("deep.html") && Contains("nests elements"));

  // Binary data is refused, as the text reader does.
  CHECK_THROWS_WITH(reader().read(std::string("<html>\x7f" "ELF\0\0\x01", 12), opt),
                    Contains("deep.html") && Contains("binary data"));

  // Too large: refused by size.
  opt.max_bytes = 100;
  CHECK_THROWS_WITH(reader().read(page, opt), Contains("deep.html") && Contains("limit of 100"));
}

TEST_CASE("script, style and comments are never text, JSON-LD still counts", "[html]") {
  std::string html =
      "<html><head><STYLE type=text/css>p { color: red }</STYLE>"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Kept Headline\"}</script>"
      "</head><body><article><p>Before the script, the mayor spoke to reporters, at length, about the plan.</p>"
      "<script>document.write('<p>Injected paragraph</p>'); var s = \"</div>\";</script>"
      "<!-- <p>Commented-out paragraph</p> -->"
      "<p><a href=\"#\" onclick=\"w.document.write('<script>')\">Link</a> text after the "
      "link is kept, the reporter wrote, in full.</p><script>var later = 1;</script>"
      "<p>After the script, the council voted, by a wide margin, to approve the plan.</p></article></body></html>";
  auto page = read(html);
  CHECK(page.title == "Kept Headline");
  CHECK(page.text ==
        "Before the script, the mayor spoke to reporters, at length, about the plan.\n\n"
        "Link text after the link is kept, the reporter wrote, in full.\n\n"
        "After the script, the council voted, by a wide margin, to approve the plan.");
}

TEST_CASE("a date line is metadata, a date inside a sentence is text", "[html]") {
  std::string html =
      "<html><body><article><div><time datetime=\"2019-11-19T08:41\">Nov. 19, 2019, 8:41 AM UTC</time></div>"
      "<p>The hearing, which began on <time datetime=\"2019-11-18\">Monday</time>, was adjourned, "
      "the court said, until the witnesses could be found.</p></article></body></html>";
  auto page = read(html);
  CHECK(page.text == "The hearing, which began on Monday, was adjourned, the court said, until the witnesses could be found.");
  // Same for an itemprop date line; and the page's tag list is not text either.
  std::string tagged =
      "<html><body><article><span itemprop=\"datePublished\">segunda-feira, 22 de janeiro de 2018</span>"
      "<p>The race calendar was published on Monday, with ten rounds, two of them abroad.</p>"
      "<p><strong><a rel=\"tag\" href=\"/t/a\">racing calendar</a>, <a rel=\"tag\" href=\"/t/b\">stock cars</a></strong></p>"
      "</article></body></html>";
  CHECK(read(tagged).text == "The race calendar was published on Monday, with ten rounds, two of them abroad.");
  // Datelines with a label are metadata; a sentence that mentions an update is text.
  std::string labelled =
      "<html><body><article><p>Published November 20th, 2019 - 07:50 GMT</p>"
      "<p><small>05/10/2018 - Publicado por: Clarissa Borba</small></p>"
      "<p>The agency said the launch would go ahead, weather permitting, on Thursday.</p>"
      "<p>Editor's note: This story was updated at 5:45 p.m. ET with details from the briefing.</p>"
      "</article></body></html>";
  CHECK(read(labelled).text ==
        "The agency said the launch would go ahead, weather permitting, on Thursday.\n\n"
        "Editor's note: This story was updated at 5:45 p.m. ET with details from the briefing.");
  // The headline repeated as a paragraph is the title, not text.
  std::string repeated =
      "<html><head><title>Ambulance Service Reports Break-ins</title></head><body><article>"
      "<p class=\"titulo\"> Ambulance Service Reports Break-ins </p>"
      "<p>Two of the service's vehicles were broken into overnight, and equipment was stolen, it said.</p>"
      "</article></body></html>";
  CHECK(read(repeated).text == "Two of the service's vehicles were broken into overnight, and equipment was stolen, it said.");
  CHECK(page.date == "2019-11-19");
}

TEST_CASE("lines that are page furniture are dropped, in any case", "[html]") {
  std::string html =
      "<html><body><article><p>The bridge will reopen in May, the transport ministry said on Friday.</p>"
      "<div>ADVERTISEMENT</div><p>Read more:</p><p>\u0420\u0435\u043a\u043b\u0430\u043c\u0430</p>"
      "<p>Engineers found cracks in two of its pillars, and repairs have taken longer than planned.</p>"
      "<p>Read more about the bridge in our archive, which has covered it since it opened.</p>"
      "</article></body></html>";
  auto page = read(html);
  CHECK(page.text ==
        "The bridge will reopen in May, the transport ministry said on Friday.\n\n"
        "Engineers found cracks in two of its pillars, and repairs have taken longer than planned.\n\n"
        "Read more about the bridge in our archive, which has covered it since it opened.");
  // a short line that opens with a call to action is furniture; a sentence of the story is not
  std::string calls =
      "<html><body><article><p>The bridge will reopen in May, the transport ministry said on Friday.</p>"
      "<p>Sign up for our free morning newsletter!</p><p>Follow us on Twitter and Facebook.</p>"
      "<p>Signing up for the repair crews was slow, the ministry said, because the work is at night.</p>"
      "<p>Write to Ana Ruiz at ana@example.com</p></article></body></html>";
  CHECK(read(calls).text ==
        "The bridge will reopen in May, the transport ministry said on Friday.\n\n"
        "Signing up for the repair crews was slow, the ministry said, because the work is at night.");
}

TEST_CASE("a summary set just before the marked article body opens the text", "[html]") {
  std::string html =
      "<html><body><div class=\"story\"><div class=\"ad-slot\"></div>"
      "<div class=\"article__summary\">Three people died in clashes near the fuel plant, officials said.</div>"
      "<div class=\"article__body\"><p>The clashes began on Tuesday morning, when police moved in, and lasted until night.</p>"
      "<p>Officials said the plant would stay closed, at least until the weekend, for safety checks.</p></div>"
      "<div class=\"newsletter-signup\">Sign up for our newsletter, every morning, with the news that matters.</div>"
      "</div></body></html>";
  auto t = read(html).text;
  CHECK(t.rfind("Three people died in clashes near the fuel plant, officials said.\n\nThe clashes began", 0) == 0);
  CHECK_FALSE(has(t, "newsletter"));
}

TEST_CASE("a bad hint lexicon is refused when the reader is built", "[html]") {
  fs::path dir = fs::temp_directory_path() / "newsan-html-badlex";
  fs::create_directories(dir / "lexicon");
  std::ofstream(dir / "lexicon" / "html-hints.tsv") << "# newsan-lexicon 1 html-hints\nremove\tfuzzy\tcomment\n";
  CHECK_THROWS_WITH(newsan::HtmlReader(newsan::DataDir(dir)), Contains("html-hints.tsv:2"));
}

TEST_CASE("shared benchmark pages read to non-empty text", "[html][shared]") {
  fs::path dir = fs::path(NEWSAN_SHARED_DIR) / "corpora" / "article-extraction" / "html";
  if (!fs::is_directory(dir)) {
    WARN("skipped: " << dir << " is absent");
    return;
  }
  std::size_t n = 0, with_text = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (n == 10) break;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    ++n;
    if (read(s.str()).text.size() > 200) ++with_text;
  }
  CHECK(with_text == n);
}

TEST_CASE("page metadata as the page shows it: headline, authors, the date line after the headline", "[html]") {
  // The visible headline keeps the curly quotes and dashes that og:title flattened.
  auto curly = read("<html><head><meta property=\"og:title\" content=\"Port Reopens - Mayor's Plan Works\"></head>"
                    "<body><h1>Port Reopens \u2013 Mayor\u2019s Plan Works</h1><p>The port reopened on Monday.</p></body></html>");
  CHECK(curly.title == "Port Reopens \u2013 Mayor\u2019s Plan Works");
  // A headline shown in a div; the site bar's "today" above it is not the date line.
  std::string bar =
      "<html><head><meta property=\"og:title\" content=\"Bridge Repairs Begin\"></head><body>"
      "<h1 class=\"modal-title\">Sign In</h1>"
      "<div class=\"navbar\"><div class=\"current-date\">Friday, June 7, 2024</div></div>"
      "<div class=\"headline\">Bridge Repairs Begin</div>"
      "<div class=\"pubdate\">2024-06-06 18:40:12</div>"
      "<p>Crews began repairs on the old bridge, which will stay closed, the council said.</p></body></html>";
  auto b = read(bar);
  CHECK(b.date_line == "2024-06-06 18:40:12");
  CHECK(b.date == "2024-06-06");
  // Authors from microdata; a label alone is not a byline; the site is not an author;
  // a meta author with a year is a copyright line.
  std::string micro =
      "<html><head><meta property=\"og:site_name\" content=\"Harbor Times\"></head><body>"
      "<h1>Ferry Fares Rise</h1>"
      "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Nora Quill</span></span>"
      "<p>Fares rise by a tenth in July, the operator said, to pay for new boats.</p></body></html>";
  CHECK(read(micro).authors == std::vector<std::string>{"Nora Quill"});
  std::string label =
      "<html><body><h1>Ferry Fares Rise</h1><span class=\"article_author\">Article by</span>"
      "<span class=\"author_name\">Ivo Brandt</span>"
      "<p>Fares rise by a tenth in July, the operator said, to pay for new boats.</p></body></html>";
  CHECK(read(label).authors == std::vector<std::string>{"Ivo Brandt"});
  std::string site =
      "<html><head><meta property=\"og:site_name\" content=\"Harbor Times\"></head><body><h1>Ferry Fares Rise</h1>"
      "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Harbortimes</span></span>"
      "<p>Fares rise by a tenth in July, the operator said, to pay for new boats.</p></body></html>";
  CHECK(read(site).authors.empty());
  std::string copyright =
      "<html><head><meta name=\"author\" content=\"Bluefin Web Studio, 2009-2024\"></head><body><h1>Ferry Fares Rise</h1>"
      "<p>Fares rise by a tenth in July, the operator said, to pay for new boats.</p></body></html>";
  CHECK(read(copyright).authors.empty());
}

TEST_CASE("a plain element under the headline that reads as the date is the date line", "[html][dates]") {
  // No date class and no <time>: an <h6> after the byline and share buttons.
  std::string page =
      "<html><head><meta property=\"og:title\" content=\"Canal Locks Reopen\">"
      "<meta property=\"article:published_time\" content=\"2023-04-18T07:30:00Z\"></head><body>"
      "<h1>Canal Locks Reopen</h1><div class=\"share\"><span>12</span><span>Shares</span></div>"
      "<h5><a href=\"/writer/ivo\">Ivo Brandt</a></h5><h6>April 18, 2023 7:30AM (UTC)</h6>"
      "<p>The locks on the old canal reopened after two years of repairs, the trust said on Monday.</p></body></html>";
  auto p = read(page);
  CHECK(p.date_line == "April 18, 2023 7:30AM (UTC)");
  newsan::Document doc = reader().read_document(page, {});
  CHECK(has(doc.text, "April 18, 2023 7:30AM"));
  CHECK(doc.text.find("April 18") == doc.text.rfind("April 18"));  // once: in the header or in the story
  // A short line with a number that is no date ("12" shares) is not taken.
  CHECK_FALSE(has(doc.text.substr(0, doc.body.start), "Shares"));
  // The element's own text only: a badge link inside it stays out.
  std::string above =
      "<html><head><meta property=\"og:title\" content=\"Canal Locks Reopen\">"
      "<meta property=\"article:published_time\" content=\"2023-04-18T07:30:00Z\"></head><body>"
      "<p class=\"meta\">April 18, 2023 <a href=\"/tags/\"><span>report</span></a></p>"
      "<h1>Canal Locks Reopen</h1>"
      "<p>The locks on the old canal reopened after two years of repairs, the trust said on Monday.</p></body></html>";
  CHECK(read(above).date_line == "April 18, 2023");
}

TEST_CASE("a byline in the article's text names the authors when the markup names none", "[html]") {
  const std::string story =
      "<p>The harbour board approved the new ferry timetable after a long debate on Tuesday evening.</p>"
      "<p>Three more crossings will run on weekdays from the first of next month, the board said.</p>";
  auto page = [&](const std::string& first, const std::string& last) {
    return "<html><head><title>Ferry Timetable Approved</title></head><body><article><h1>Ferry Timetable Approved</h1>" +
           first + story + last + "</article></body></html>";
  };
  // co-authors on the first line, in capitals
  CHECK(read(page("<p>By ANA RUIZ and LEE PARK</p>", "")).authors == std::vector<std::string>{"Ana Ruiz", "Lee Park"});
  // a closing signature
  CHECK(read(page("", "<p>\u2013 David Marsh</p>")).authors == std::vector<std::string>{"David Marsh"});
  // no junk: an agency, a staff line, a sentence
  CHECK(read(page("", "<p>\u2013 Reuters</p>")).authors.empty());
  CHECK(read(page("<p>By Staff Reporter</p>", "")).authors.empty());
  CHECK(read(page("", "<p>- Read more stories</p>")).authors.empty());
}

TEST_CASE("excerpts of other posts under the article are left out, the article's own ellipsis stays", "[html]") {
  const std::string para =
      "The harbour board approved the new ferry timetable after a long debate that ran late into Tuesday evening, "
      "with members split over the cost of the extra crossings.";
  const std::string teaser1 =
      "<p>Fishermen along the northern coast say the season has been the worst in a decade, and the cooperative "
      "wants the council to help with fuel costs before the winter storms arrive and the boats have to stay in "
      "the harbour for weeks at a time, which would mean \u2026</p>";
  const std::string teaser2 =
      "<p>The old lighthouse on the point will open to visitors again in the spring after a restoration that took "
      "three years, cost more than anyone had planned and drew volunteers from every village along the coast to "
      "help with the painting and \u2026</p>";
  std::string page = "<html><head><title>Ferry Timetable Approved</title></head><body><article><h1>Ferry Timetable Approved</h1>"
                     "<p>" + para + "</p><p>Here is what the board decided \u2026</p><p>" + para + "</p>" + teaser1 + teaser2 +
                     "</article></body></html>";
  auto t = read(page).text;
  CHECK(has(t, "Here is what the board decided"));
  CHECK_FALSE(has(t, "Fishermen along the northern coast"));
  CHECK_FALSE(has(t, "old lighthouse"));
  // one long paragraph ending cut off may be the article's own
  std::string one = "<html><head><title>Ferry Timetable Approved</title></head><body><article><h1>Ferry Timetable Approved</h1>"
                    "<p>" + para + "</p><p>" + para + "</p>" + teaser1 + "</article></body></html>";
  CHECK(has(read(one).text, "Fishermen along the northern coast"));
}

namespace {

// A page headed "Ferry Fares Rise", published at `stamp`, with `head` between
// the headline and the story (`article`: the story in an <article>).
std::string ferry_page(const std::string& stamp, const std::string& head, bool article = false) {
  return "<html><head><meta property=\"og:title\" content=\"Ferry Fares Rise\">"
         "<meta property=\"article:published_time\" content=\"" + stamp + "\"></head><body>"
         "<h1>Ferry Fares Rise</h1>" + head + (article ? "<article>" : "") +
         "<p>Fares on the island ferry rise by a tenth next month, the operator said on Monday in a statement.</p>" +
         (article ? "<p>The operator said fuel and new boats cost more, and that the fares had not risen for six years.</p>"
                    "</article>" : "") +
         "</body></html>";
}

}  // namespace

TEST_CASE("the header names byline and date once, without an icon's hidden text", "[html][dates]") {
  // A date line holding an <svg> clock icon (its <title>/<desc> are never shown)
  // and repeating the byline: the header is that line, once.
  std::string page = ferry_page("2023-04-18T07:30:00Z",
                                "<div class=\"byline\">By Ivo Brandt</div><div class=\"article-date\"><svg><title>Clock "
                                "Icon 3</title><desc>Drawn in a vector tool.</desc></svg>By Ivo Brandt April 18, 2023 7:30AM</div>");
  newsan::Document doc = reader().read_document(page, {});
  CHECK(has(doc.text, "By Ivo Brandt April 18, 2023 7:30AM"));
  CHECK_FALSE(has(doc.text, "Clock Icon"));
  CHECK_FALSE(has(doc.text, "vector tool"));
  CHECK(doc.text.find("Ivo Brandt") == doc.text.rfind("Ivo Brandt"));
}

TEST_CASE("co-authors in one JSON-LD string, agencies and roles are no authors", "[html]") {
  auto ld = [](const std::string& author) {
    return "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferry Fares Rise\","
           "\"author\":" + author + "}</script></head><body><h1>Ferry Fares Rise</h1>"
           "<p>Fares rise by a tenth in July, the operator said, to pay for new boats.</p></body></html>";
  };
  using V = std::vector<std::string>;
  CHECK(read(ld("\"NORA QUILL and IVO BRANDT, Associated Press\"")).authors == V{"NORA QUILL", "IVO BRANDT"});
  CHECK(read(ld("[\"Nora Quill\", \"Harbor Sports Writer\"]")).authors == V{"Nora Quill"});
  // one name written surname first stays one
  CHECK(read(ld("\"Quill, Nora\"")).authors == V{"Quill, Nora"});
}

TEST_CASE("a date line ends with its date and time, what its element holds after is furniture", "[html][dates]") {
  std::string page = ferry_page("2019-11-19T09:45:00Z",
                                "<div class=\"post-date\">November 19, 2019 at 9:45 am ET Filed Under: ferries, fares</div>", true);
  newsan::Document doc = reader().read_document(page, {});
  CHECK(has(doc.text, "November 19, 2019 at 9:45 am ET"));
  CHECK_FALSE(has(doc.text, "Filed Under"));
  // a byline holding the date and a share counter's label
  std::string by = ferry_page("2019-11-19T09:45:00Z",
                              "<div class=\"byline\">By Ivo Brandt 2019-11-19T09:45:00Z Travel Shares</div>");
  newsan::Document d2 = reader().read_document(by, {});
  CHECK(has(d2.text, "By Ivo Brandt 2019-11-19T09:45:00Z"));
  CHECK_FALSE(has(d2.text, "Travel Shares"));
}

TEST_CASE("an e-mail address in a sentence is text, not a link away", "[html]") {
  // Hosts hide addresses behind "/cdn-cgi/l/email-protection"; a short block with one
  // is still prose, not a link list.
  std::string page =
      "<html><body><div class=\"entry-content\">"
      "<p>The ferry board met on Monday and agreed the summer timetable after a long debate.</p>"
      "<div>Bookings open at 9 a.m. and close at 5 p.m. (<a href=\"/cdn-cgi/l/email-protection\">[email protected]</a>)</div>"
      "<div>Write in: <a href=\"mailto:desk@example.com\">desk@example.com</a> takes questions.</div>"
      "<p>The board said fares stay as they are for another year, and that two boats will be added.</p>"
      "</div></body></html>";
  auto t = read(page).text;
  CHECK(has(t, "Bookings open at 9 a.m. and close at 5 p.m."));
  CHECK(has(t, "desk@example.com takes questions"));
}

TEST_CASE("the furniture left out of the text is kept for newsan read to show", "[html]") {
  std::string page = ferry_page("2019-11-19T09:45:00Z",
                                "<article><p>5 Hrs Ago</p><p>Views: 321</p>"
                                "<p>Fares on the island ferry rise by a tenth next month, the operator said in a statement.</p>"
                                "<p>Sign up for our free morning newsletter!</p></article>");
  newsan::Document doc = reader().read_document(page, {});
  CHECK_FALSE(has(doc.text, "Hrs Ago"));
  CHECK_FALSE(has(doc.text, "Views"));
  CHECK(doc.furniture == std::vector<std::string>{"5 Hrs Ago", "Views: 321", "Sign up for our free morning newsletter!"});
}

TEST_CASE("a UTC stamp in the metadata and the local date line under the headline: the local day", "[html][dates]") {
  // 02:30 UTC on May 4 is 10:30 PM on May 3 in New York: the page shows May 3
  auto local = read(ferry_page("2021-05-04T02:30:00Z", "<div class=\"date\">May 3, 2021 10:30 PM EDT</div>"));
  CHECK(local.date == "2021-05-03");
  // 18:00 UTC cannot be the evening before anywhere: the metadata's day stays
  auto far = read(ferry_page("2021-05-04T18:00:00Z", "<div class=\"date\">May 3, 2021 10:30 PM EDT</div>"));
  CHECK(far.date == "2021-05-04");
  // a day ahead on a clock east of UTC
  auto east = read(ferry_page("2021-05-03T22:15:00Z", "<div class=\"date\">4 May 2021 07:15 JST</div>"));
  CHECK(east.date == "2021-05-04");
}

TEST_CASE("follow-us, app and sign-off lines after the story's last paragraph are furniture", "[html]") {
  std::string html =
      "<html><body><article><p>The harbour ferry will run every half hour from March, the port authority said.</p>"
      "<p>Watch the council meeting on YouTube tonight, the mayor told residents, who had asked for a vote.</p>"
      "<p>Follow the money, the inspector told the council, and the delays explain themselves.</p>"
      "<p>Follow The Courier on Twitter and Instagram @TheCourier and on Facebook @CourierNews. Send us a message "
      "on WhatsApp at 555-0100 or write to the newsroom, whose editors read every message that readers send in "
      "about the harbour, the ferries and the port.</p>"
      "<p>For the latest stories download the Courier apps for iOS and Android.</p><p>Best regards,</p>"
      "</article></body></html>";
  newsan::Document doc = reader().read_document(html, {});
  CHECK(doc.text ==
        "The harbour ferry will run every half hour from March, the port authority said.\n\n"
        "Watch the council meeting on YouTube tonight, the mayor told residents, who had asked for a vote.\n\n"
        "Follow the money, the inspector told the council, and the delays explain themselves.");
  REQUIRE(doc.furniture.size() == 3);
  CHECK(doc.furniture[0].starts_with("Follow The Courier on Twitter"));
  CHECK(doc.furniture[2] == "Best regards,");
  // an e-mail address is no handle, and a story's last line that names no channel stays
  std::string mail =
      "<html><body><article><p>The harbour ferry will run every half hour from March, the port authority said.</p>"
      "<p>Get in touch with the port at ferries@example.com before the timetable changes on Monday.</p>"
      "</article></body></html>";
  CHECK(has(read(mail).text, "Get in touch with the port"));
  // contact lines of one address go; the story's last link stays
  std::string contact =
      "<html><body><article><p>The harbour ferry will run every half hour from March, the port authority said.</p>"
      "<p>The full timetable is online:</p><p>http://example.com/ferry-timetable</p>"
      "<p>Email Ana Ruiz at ana.ruiz@example.com or follow her @anaruiz.</p>"
      "<p>ana.ruiz@example.com</p><p>twitter.com/anaruiz</p></article></body></html>";
  CHECK(read(contact).text ==
        "The harbour ferry will run every half hour from March, the port authority said.\n\n"
        "The full timetable is online:\n\nhttp://example.com/ferry-timetable");
}
