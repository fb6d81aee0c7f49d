#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "newsan/analysis.h"
#include "newsan/error.h"
#include "newsan/figures.h"
#include "newsan/reader.h"

namespace {

const newsan::Analyzer& analyzer() {
  static newsan::Analyzer a(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return a;
}

newsan::Analysis run(const std::string& text) {
  return analyzer().analyze(newsan::make_text_document(text, "t.txt", {}));
}

std::vector<newsan::Figure> figures(const std::string& text) { return run(text).figures.figures; }

// The one figure whose text is `what`; fails the test when absent.
newsan::Figure only(const std::string& text, const std::string& what) {
  auto fs = figures(text);
  for (const auto& f : fs)
    if (f.span.in(text) == what) return f;
  std::string got;
  for (const auto& f : fs) got += "[" + std::string(f.span.in(text)) + "] ";
  FAIL("no figure '" << what << "' in: " << text << " — got " << got);
  return {};
}

bool near(std::optional<double> v, double x) { return v && std::fabs(*v - x) <= 1e-9 * std::max(1.0, std::fabs(x)); }

}  // namespace

TEST_CASE("parse_numeral reads separators, decimals and exponents", "[figures][numeral]") {
  auto n = newsan::parse_numeral("1,800 people");
  CHECK(n.length == 5);
  CHECK(near(n.value, 1800));
  CHECK(n.grouped);
  n = newsan::parse_numeral("2.5m");
  CHECK(n.length == 3);
  CHECK(near(n.value, 2.5));
  CHECK(newsan::parse_numeral(".500 record").length == 4);
  CHECK(near(newsan::parse_numeral(".500").value, 0.5));
  CHECK(newsan::parse_numeral("0401").leading_zero);
  CHECK(newsan::parse_numeral("abc").length == 0);
  CHECK(newsan::parse_numeral("").length == 0);
  // "1,2,3": not a thousands group, so only "1".
  n = newsan::parse_numeral("1,2,3,4");
  CHECK(n.length == 1);
  CHECK(near(n.value, 1));
  // "5euros" is not an exponent.
  CHECK(newsan::parse_numeral("5euros").length == 1);
}

TEST_CASE("parse_numeral reports out-of-range numbers without a value", "[figures][numeral][hostile]") {
  auto n = newsan::parse_numeral("999999999999999999999999999");
  CHECK(n.length == 27);
  CHECK_FALSE(n.value);
  n = newsan::parse_numeral("1e400");
  CHECK(n.length == 5);
  CHECK_FALSE(n.value);
  std::string digits(10'000'000, '7');
  n = newsan::parse_numeral(digits);
  CHECK(n.length == digits.size());
  CHECK_FALSE(n.value);
}

TEST_CASE("figures carry qualifier, counted noun and event", "[figures]") {
  std::string t = "The government has released over 130 political prisoners.";
  auto f = only(t, "over 130");
  CHECK(near(f.value, 130));
  CHECK(f.qualifier == newsan::Qualifier::more_than);
  CHECK(f.counted == "political prisoners");
  CHECK(f.event == "released");
  CHECK(f.event_class == newsan::EventClass::release);
  REQUIRE(f.event_span);
  CHECK(f.event_span->in(t) == "released");

  f = only("Around 1,800 other detainees remain imprisoned.", "Around 1,800");
  CHECK(f.qualifier == newsan::Qualifier::approximately);
  CHECK(f.counted == "detainees");
  CHECK(f.event == "held");
  CHECK(f.event_class == newsan::EventClass::detain);

  f = only("It ended in the arrest of around 2,000 individuals.", "around 2,000");
  CHECK(f.counted == "individuals");
  CHECK(f.event == "arrested");
  CHECK(f.kind == "count");
}

TEST_CASE("money, percentages and units are normalized", "[figures][units]") {
  auto f = only("The deal is worth $3bn in cash.", "$3bn");
  CHECK(near(f.value, 3e9));
  CHECK(f.unit == "USD");
  CHECK(f.kind == "money");
  f = only("Profits reached £2.5 million last year.", "£2.5 million");
  CHECK(near(f.value, 2.5e6));
  CHECK(f.unit == "GBP");
  f = only("Turnout was 26 per cent in the city.", "26 per cent");
  CHECK(f.unit == "percent");
  f = only("They paid 500 bolívares for it.", "500 bolívares");
  CHECK(f.unit == "VES");
  f = only("The road is 20km long.", "20km");
  CHECK(f.unit == "kilometre");
  f = only("The 65-year-old driver was unhurt.", "65-year-old");
  CHECK(f.kind == "age");
  f = only("The victim, aged 34, was named.", "34");
  CHECK(f.kind == "age");
  f = only("Anil Ambani, 45, has stepped down.", "45");
  CHECK(f.kind == "age");
  f = only("The plan costs $5 a month.", "$5 a month");
  CHECK(f.unit == "USD per month");
}

TEST_CASE("spelled-out numbers, fractions and vague amounts", "[figures][words]") {
  CHECK(near(only("They freed one hundred thirty-one prisoners.", "one hundred thirty-one").value, 131));
  auto f = only("Some twenty six percent agreed.", "Some twenty six percent");
  CHECK(near(f.value, 26));
  CHECK(f.qualifier == newsan::Qualifier::approximately);
  CHECK(near(only("It cost a hundred thirty million dollars.", "a hundred thirty million dollars").value, 1.3e8));
  CHECK(near(only("He ate a dozen eggs.", "a dozen").value, 12));
  CHECK(std::fabs(*only("Nearly two-thirds of voters agreed.", "Nearly two-thirds").value - 2.0 / 3) < 1e-9);
  CHECK(near(only("Add 3/4 cup of flour.", "3/4").value, 0.75));
  f = only("Tens of thousands of people marched.", "Tens of thousands");
  // A vague amount states no number: neither a value nor bounds, only "about".
  CHECK_FALSE(f.value);
  CHECK_FALSE(f.low);
  CHECK_FALSE(f.high);
  CHECK(f.qualifier == newsan::Qualifier::approximately);
  CHECK(f.counted == "people");
}

TEST_CASE("ratios and written fractions", "[figures][words]") {
  CHECK(near(only("One in four children lives in poverty.", "One in four").value, 0.25));
  CHECK(near(only("About 1 in 5 people agreed.", "About 1 in 5").value, 0.2));
  CHECK(near(only("The rate fell by a quarter of a point.", "a quarter").value, 0.25));
  // Counted quarters are not a fraction; "24/7" and "9/11" are not figures.
  CHECK(near(only("The first two quarters were weak.", "two").value, 2));
  CHECK(figures("The shop is open 24/7.").empty());
}

TEST_CASE("ranges keep both bounds", "[figures][ranges]") {
  auto f = only("Temperatures were between 10 and 20 degrees.", "10 and 20 degrees");
  CHECK(f.qualifier == newsan::Qualifier::range);
  CHECK(near(f.low, 10));
  CHECK(near(f.high, 20));
  CHECK_FALSE(f.value);
  f = only("They want from $10 to $15 billion.", "$10 to $15 billion");
  CHECK(near(f.low, 1e10));
  CHECK(near(f.high, 1.5e10));
  f = only("Groups of 10-20 people met.", "10-20");
  CHECK(near(f.low, 10));
  CHECK(near(f.high, 20));
  // A score is not a range: one figure of its own kind, with no single value.
  f = only("The match ended 2-2 on aggregate.", "2-2");
  CHECK(f.kind == "score");
  CHECK_FALSE(f.value);
  CHECK_FALSE(f.low);
  // Words and a time between "from" and "to".
  f = only("Bitcoin plummeted from $36,040 at 10.45pm last night to $34,935 at 5am.",
           "$36,040 at 10.45pm last night to $34,935");
  CHECK(near(f.low, 34935));
  CHECK(near(f.high, 36040));
  CHECK(f.direction == newsan::Direction::down);
  // A year-like first bound with a unit after the second is a range, not a year.
  f = only("Adults need about 2000 - 2500 Calories a day.", "about 2000 - 2500 Calories a day");
  CHECK(f.qualifier == newsan::Qualifier::approximately);
  CHECK(near(f.low, 2000));
  // A vote split and a change followed by its level are two figures, not a range.
  CHECK(figures("The vote was 52% to 48%.").size() == 2);
  auto oil = figures("Oil climbed $2.50 to $75.30 a barrel.");
  REQUIRE(oil.size() == 2);
  CHECK(oil[0].direction == newsan::Direction::up);
  CHECK_FALSE(oil[0].low);
}

TEST_CASE("dates, times, identifiers and ordinals are not figures", "[figures][negative]") {
  for (const char* t : {"The study was published on March 9 2018.",
                        "The meeting starts at 9:35 PM sharp.",
                        "The vote happened in 2016 after a long campaign.",
                        "Call 555-123-4567 for details.",
                        "He finished in 10th place in the second round.",
                        "Tesla sells the Model 3 in Europe.",
                        "She caught COVID-19 in the spring.",
                        "The talks begin at 2 p.m. tomorrow.",
                        "He lives at 49 Zorro Ranch Road now.",
                        "Call +44 20 7946 0958 today."}) {
    INFO(t);
    CHECK(figures(t).empty());
  }
}

TEST_CASE("direction comes from the governing verb", "[figures][direction]") {
  CHECK(only("Shares fell 3.5% on Monday.", "3.5%").direction == newsan::Direction::down);
  CHECK(only("The index jumped 0.4% at the open.", "0.4%").direction == newsan::Direction::up);
  // "rose to X": X is a level, not a change.
  CHECK(only("Inflation rose to 6.7% in May.", "6.7%").direction == newsan::Direction::none);
  CHECK(only("In Europe: Stoxx 50 -1.3% today.", "-1.3%").direction == newsan::Direction::down);
}

TEST_CASE("hostile numbers never crash and keep their text", "[figures][hostile]") {
  std::string t = "They counted 999999999999999999999999999 grains and 1e400 stars.";
  auto fs = figures(t);
  REQUIRE(fs.size() == 2);
  for (const auto& f : fs) {
    CHECK_FALSE(f.value);
    CHECK(f.span.end <= t.size());
  }
  CHECK(fs[0].span.in(t) == "999999999999999999999999999");
  std::string runs = "Values: ";
  for (int i = 0; i < 2000; ++i) runs += std::to_string(i % 10) + ",";
  runs += " end.";
  CHECK_NOTHROW(figures(runs));
  std::string line(1'000'000, '9');
  auto big = figures(line + " people\n");
  REQUIRE(big.size() == 1);
  CHECK_FALSE(big[0].value);
  CHECK(big[0].span.size() == line.size());
}

TEST_CASE("figures of the same quantity are grouped, with consistency notes", "[figures][groups]") {
  std::string t =
      "Officials released over 130 prisoners on Monday. "
      "The release of 131 prisoners was welcomed. "
      "About 1,800 detainees remain held. "
      "The crackdown led to the arrest of around 2,000 people.";
  auto a = run(t);
  const auto& r = a.figures;
  REQUIRE(r.figures.size() == 4);
  CHECK(r.figures[0].group == r.figures[1].group);
  CHECK(r.figures[2].group != r.figures[0].group);
  const auto& g = r.groups[r.figures[0].group];
  CHECK(g.members.size() == 2);
  CHECK(near(r.figures[g.representative].value, 131));  // the exact one
  bool agrees = false, sum = false;
  for (const auto& n : r.notes) {
    agrees |= n.kind == "agrees";
    sum |= n.kind == "sum" && n.groups.size() == 3;
  }
  CHECK(agrees);
  CHECK(sum);
  // A count of the same thing and event that cannot match is a contradiction.
  auto c = run("Officials released 131 prisoners. Later reports said officials released 120 prisoners.");
  bool contradicts = false;
  for (const auto& n : c.figures.notes) contradicts |= n.kind == "contradicts";
  CHECK(contradicts);
  // Lower bounds do not contradict each other; equal percentages of unrelated things do not group.
  auto open = run("The album sold more than 677,000 copies. Her first sold more than four million copies.");
  for (const auto& n : open.figures.notes) CHECK(n.kind != "contradicts");
  auto pct = run("Turnout was 5%. Separately, prices rose 5%.");
  REQUIRE(pct.figures.figures.size() == 2);
  CHECK(pct.figures.figures[0].group != pct.figures.figures[1].group);
  // Every group member is a figure, and every figure is in exactly one group.
  std::size_t members = 0;
  for (const auto& gr : r.groups) members += gr.members.size();
  CHECK(members == r.figures.size());
}

TEST_CASE("every figure span is exact and inside the text", "[figures][spans]") {
  std::string t = "Tesla delivered about 63,000 Model 3 sedans, up 5pc, for $7.2 billion; "
                  "PS8.1bn and US$55,931,000 ($A82,615,680) changed hands, 87 mph (140 km/h).";
  for (const auto& f : figures(t)) {
    REQUIRE(f.span.end <= t.size());
    CHECK(f.span.start < f.span.end);
    if (f.counted_span) CHECK(f.counted_span->end <= t.size());
  }
  CHECK(only(t, "US$55,931,000").unit == "USD");
  CHECK(near(only(t, "$A82,615,680").value, 82615680));
  CHECK(near(only(t, "PS8.1bn").value, 8.1e9));
}

TEST_CASE("a broken figure lexicon is refused with its name", "[figures][lexicon]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "newsan-figures-test";
  fs::remove_all(dir);
  fs::copy(fs::path(NEWSAN_TEST_DATA_DIR), dir, fs::copy_options::recursive);
  {
    std::ofstream out(dir / "lexicon" / "figures-qualifiers-en.tsv", std::ios::app);
    out << "about\tsomewhat\tbefore\n";
  }
  CHECK_THROWS_WITH(newsan::FigureExtractor(newsan::DataDir(dir)),
                    Catch::Contains("figures-qualifiers-en.tsv") && Catch::Contains("somewhat"));
  fs::remove_all(dir);
}

// ---- figures as facts (src/figures/facts.cpp): event, agent and modality from the parse ----

namespace {

// The one figure whose span overlaps the first place `what` stands, and its analysis.
struct Found {
  newsan::Analysis a;
  newsan::Figure f;
};
Found fact(const std::string& text, const std::string& what) {
  Found r{run(text), {}};
  std::size_t s = text.find(what);
  REQUIRE(s != std::string::npos);
  int n = 0;
  for (const auto& f : r.a.figures.figures)
    if (f.span.start < s + what.size() && s < f.span.end) {
      r.f = f;
      ++n;
    }
  REQUIRE(n == 1);
  return r;
}

}  // namespace

TEST_CASE("figure facts: the object of an active predicate, its subject the agent", "[figures][facts]") {
  auto [a, f] = fact("Guatemala has freed over 40 jailed journalists, officials said.", "over 40");
  CHECK(f.event_class == newsan::EventClass::release);
  CHECK(f.modality == newsan::Modality::happened);
  REQUIRE(f.agent_span);
  CHECK(f.agent_span->in(a.document.text) == "Guatemala");
  // The agent is a named entity: linked by its id, named by the entity's name.
  REQUIRE(f.agent_entity);
  REQUIRE(*f.agent_entity < a.entities.size());
  CHECK(f.agent == a.entities[*f.agent_entity].name);
}

TEST_CASE("figure facts: the by phrase of a passive is the agent", "[figures][facts]") {
  auto [a, f] = fact("Nine sailors were detained by the coast guard near the reef.", "Nine");
  CHECK(f.event_class == newsan::EventClass::detain);
  REQUIRE(f.agent_span);
  CHECK(f.agent_span->in(a.document.text).find("guard") != std::string_view::npos);
}

TEST_CASE("figure facts: a plan is not a deed", "[figures][facts][modality]") {
  auto f = fact("The ministry plans to release 60 inmates next month.", "60").f;
  CHECK(f.event_class == newsan::EventClass::release);
  CHECK(f.modality == newsan::Modality::expected);
  f = fact("Police will arrest 15 suspects, the chief warned.", "15").f;
  CHECK(f.modality == newsan::Modality::expected);
}

TEST_CASE("figure facts: a denied action is negated", "[figures][facts][modality]") {
  auto f = fact("The guards did not release the 12 hostages.", "12").f;
  CHECK(f.event_class == newsan::EventClass::release);
  CHECK(f.modality == newsan::Modality::negated);
}

TEST_CASE("figure facts: the subject of an unaccusative verb and a nominalization", "[figures][facts]") {
  auto f = fact("At least 25 miners died in the blast.", "25").f;
  CHECK(f.event_class == newsan::EventClass::kill);
  CHECK(f.agent.empty());  // nobody did it
  f = fact("Rights groups welcomed the release of 48 activists.", "48").f;
  CHECK(f.event_class == newsan::EventClass::release);
}

TEST_CASE("figure facts: any other stated action is OTHER, with its lemma", "[figures][facts]") {
  // A sentence the parse reads because a classed word stands near: the verb of
  // the object is the event, not the classed word of another phrase.
  auto f = fact("The freed hostages said the rebels burned 30 trucks.", "30").f;
  CHECK(f.event_class == newsan::EventClass::other);
  CHECK(f.event == "burn");
}

TEST_CASE("figure facts: no event where the parse links the figure to none", "[figures][facts]") {
  // "held" of a rate at a level: an oblique, nothing was held.
  auto f = fact("Inflation held at 3.2% while officials freed the budget.", "3.2%").f;
  CHECK(f.event_class == newsan::EventClass::none);
  CHECK(f.modality == newsan::Modality::none);
  CHECK(f.agent.empty());
}

TEST_CASE("currency by context: a bare currency takes the story's country, with evidence", "[figures][currency]") {
  std::string t =
      "Farmers in Chile expect a poor harvest. The Chilean growers' union said each farm lost "
      "about 900,000 pesos in the frost.";
  auto f = fact(t, "900,000").f;
  CHECK(f.unit == "CLP");
  CHECK(f.unit_evidence.find("Chile") != std::string::npos);
  // Without a country, the default stands and no evidence is claimed.
  f = fact("Each farm lost about 900,000 pesos in the frost.", "900,000").f;
  CHECK(f.unit == "MXN");
  CHECK(f.unit_evidence.empty());
  // A "$" in a Canadian story is a Canadian dollar, but "US$" says what it is.
  std::string c = "Canada will build a bridge in Ottawa. The Canadian plan costs $40 million and US$12 million of loans.";
  f = fact(c, "$40 million").f;
  CHECK(f.unit == "CAD");
  f = fact(c, "12 million").f;
  CHECK(f.unit == "USD");
  CHECK(f.unit_evidence.empty());
}

TEST_CASE("figure facts: an unaccusative verb whose lemma the model misses, by its form", "[figures][facts]") {
  // "fled" is lemmatized "fle" by the model; its form still names the verb.
  auto f = fact("About 2,000 villagers fled the valley after the floods.", "About 2,000").f;
  CHECK(f.event_class == newsan::EventClass::affect);
  CHECK(f.agent.empty());  // nobody made them: what happened to them
}

TEST_CASE("figure facts: a change by an amount is the change of the verb's object", "[figures][facts]") {
  // "by" after the object: the verb is the event and its object what the amount is of.
  auto f = only("The council raised the city's parking fee by $2 last year.", "$2");
  CHECK(f.event_class == newsan::EventClass::other);
  CHECK(f.event == "raised");
  CHECK(f.counted == "fee");
  f = only("The firm cut its marketing budget by 12% in the spring.", "12%");
  CHECK(f.event == "cut");
  CHECK(f.counted == "budget");
  // A preposition between verb and noun: the noun is no object, nothing is read.
  f = only("Prices in the capital went up by 4% over the year.", "4%");
  CHECK(f.counted != "capital");
}
