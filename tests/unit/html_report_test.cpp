// The HTML reporter and the corpus summary: escaping and marks (the browser
// test in tests/browser/ checks the rendered page).
#include <catch2/catch.hpp>
#include <sstream>

#include "newsan/corpus.h"
#include "newsan/report.h"
#include "report/layout.h"

using namespace newsan;

TEST_CASE("html escaping keeps article text as text", "[report][html]") {
  CHECK(html_escaped("a<b>&\"c'</script>") == "a&lt;b&gt;&amp;&quot;c&#39;&lt;/script&gt;");
  CHECK(html_escaped("line\nnext") == "line&#10;next");
}

TEST_CASE("html page marks spans and escapes the text around them", "[report][html]") {
  Analysis a;
  a.document.text = "Ana said </script><b>x</b> & 40 <people> left.";
  a.document.id = "t";
  a.document.body = {0, a.document.text.size()};
  Figure f;
  f.span = {29, 31};  // "40"
  f.value = 40;
  f.kind = "count";
  f.counted = "people";
  a.figures.figures.push_back(f);
  Entity e;
  e.name = "Ana";
  e.type = EntityType::person;
  e.mentions.push_back({{0, 3}, 0});
  a.entities.push_back(e);
  auto rep = make_reporter(Format::html, {});
  std::ostringstream out;
  rep->begin(out, "");
  rep->write(out, a, 0);
  rep->finish(out);
  std::string page = out.str();
  CHECK(page.find("</script>") == std::string::npos);
  CHECK(page.find("<b>x") == std::string::npos);
  CHECK(page.find("&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; &amp; ") != std::string::npos);
  CHECK(page.find("data-ref=\"a0-e0-0\" id=\"a0-e0-0\" tabindex=\"0\"") != std::string::npos);
  CHECK(page.find(">40</mark>") != std::string::npos);
  CHECK(page.find(">Ana</mark>") != std::string::npos);
  CHECK(page.find("Content-Security-Policy") != std::string::npos);
  CHECK(page.rfind("</html>\n") == page.size() - 8);
}

TEST_CASE("crossing spans are cut so the markup nests and no text is lost", "[report][html]") {
  Analysis a;
  a.document.text = "one two three";
  a.document.body = {0, 13};
  Entity e;
  e.name = "one two";
  e.mentions.push_back({{0, 7}, 0});
  a.entities.push_back(e);
  TimeExpression t;
  t.span = {4, 13};
  a.dates.dates.push_back(t);
  auto rep = make_reporter(Format::html, {});
  std::ostringstream out;
  rep->write(out, a, 0);
  std::string s = out.str();
  std::size_t opens = 0, closes = 0;
  for (std::size_t p = 0; (p = s.find("<mark", p)) != std::string::npos; ++p) ++opens;
  for (std::size_t p = 0; (p = s.find("</mark>", p)) != std::string::npos; ++p) ++closes;
  CHECK(opens == 3);  // the entity, the date's first piece inside it, the date's rest after it
  CHECK(opens == closes);
  CHECK(s.find("data-ref=\"a0-d0\" aria-hidden=\"true\"> three</mark>") != std::string::npos);
}

TEST_CASE("corpus summary: qualifiers decide agreement, one article is not its own witness", "[corpus]") {
  auto article = [](std::string id, std::string date, double v, Qualifier q) {
    ArticleFacts f;
    f.id = id;
    f.date = date;
    Figure g;
    g.value = v;
    g.qualifier = q;
    g.kind = "count";
    g.counted = "prisoners";
    g.event_class = EventClass::release;
    f.figures.push_back({g, "s"});
    return f;
  };
  CorpusSummary sum({7, 10});
  sum.add(article("a", "2030-01-01", 100, Qualifier::more_than));
  sum.add(article("b", "2030-01-03", 150, Qualifier::exact));   // agrees with "more than 100"
  sum.add(article("c", "2030-01-04", 90, Qualifier::exact));    // contradicts both
  sum.add(article("d", "2030-03-01", 5, Qualifier::exact));     // outside the window: no pair
  CorpusReport r = sum.report();
  REQUIRE(r.series.size() == 1);
  std::size_t agree = 0, contra = 0;
  for (const auto& p : r.pairs) (p.agrees ? agree : contra)++;
  CHECK(agree == 1);
  CHECK(contra == 2);
}
