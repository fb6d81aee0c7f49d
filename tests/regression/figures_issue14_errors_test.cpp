// Regression tests for the kinds of error issue 14 lists, one section per kind,
// on sentences written for this project.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "newsan/analysis.h"
#include "newsan/figures.h"
#include "newsan/reader.h"

namespace {

const newsan::Analyzer& analyzer() {
  static newsan::Analyzer a(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return a;
}

std::vector<newsan::Figure> figs(const std::string& text) {
  return analyzer().analyze(newsan::make_text_document(text, "t.txt", {})).figures.figures;
}

// The figures whose text overlaps `what` (the first place it stands).
std::vector<newsan::Figure> at(const std::string& text, const std::string& what) {
  std::size_t s = text.find(what);
  REQUIRE(s != std::string::npos);
  std::vector<newsan::Figure> out;
  for (const auto& f : figs(text))
    if (f.span.start < s + what.size() && s < f.span.end) out.push_back(f);
  return out;
}

newsan::Figure one(const std::string& text, const std::string& what) {
  auto fs = at(text, what);
  REQUIRE(fs.size() == 1);
  return fs[0];
}

bool near(std::optional<double> v, double x) { return v && std::fabs(*v - x) <= 1e-9 * std::max(1.0, std::fabs(x)); }

}  // namespace

TEST_CASE("issue 14: a verb near a number is not what happened to it", "[figures][regression][events]") {
  // A rate that holds steady was not taken into custody.
  auto f = one("The jobless rate in the valley held at 4.1% in June.", "4.1%");
  CHECK(f.event_class != newsan::EventClass::detain);
  // Owning is not detaining.
  f = one("The gallery holds six sketches by an unknown painter.", "six");
  CHECK(f.event_class == newsan::EventClass::none);
  // "free" before a noun describes it: "free kicks" were not released.
  f = one("The striker wasted three free kicks before half-time.", "three");
  CHECK(f.event_class != newsan::EventClass::release);
  CHECK(f.counted == "free kicks");
  // A duration is never what an action was done to.
  f = one("Steel has been in a slow death spiral for the past twelve years.", "twelve years");
  CHECK(f.event_class == newsan::EventClass::none);
  // The verb of another phrase: "released" governs "names", the figure was killed.
  f = one("Officials released the names of the four miners killed in the collapse.", "four");
  CHECK(f.event_class == newsan::EventClass::kill);
  // The subject of an unaccusative verb, and a participle before the noun.
  CHECK(one("Flooding forced a dam to burst and 14 villagers died.", "14").event_class == newsan::EventClass::kill);
  CHECK(one("Three wounded guards were flown out.", "Three").event_class == newsan::EventClass::wound);
  // The object of the predicate.
  CHECK(one("The rebels freed 27 hostages on Monday.", "27").event_class == newsan::EventClass::release);
}

TEST_CASE("issue 14: things that are not figures", "[figures][regression][not-figures]") {
  // Phone numbers, short and long.
  CHECK(at("For tickets ring 555-0199 before noon.", "555-0199").empty());
  CHECK(at("Readers can text 1-800-555-0110 with tips.", "1-800-555-0110").empty());
  // An apartment id.
  CHECK(at("The couple rented Suite 7B above the bakery.", "7B").empty());
  // A DOI.
  CHECK(at("The study appeared online (doi: 10.5555/abcd.1234).", "10.5555").empty());
  // Years inside a range are dates.
  CHECK(at("Sales grew each year from 2011 to 2016 in the north.", "2011").empty());
  // A photo counter.
  CHECK(at("4 of 25. Rescuers search the hillside.", "4 of 25").empty());
  // A team name with a number: "Under-21".
  CHECK(at("He played for the England Under-21 side.", "21").empty());
  // A clock time written with a dot before p.m.
  CHECK(at("The fire started about 3.p.m. near the mill.", "3").empty());
  // The pronoun "one" counts no noun.
  CHECK(at("Of all the boats, the one they sank was the oldest.", "one").empty());
  // ... told apart by the tagger: "one" as the head of its own noun phrase.
  CHECK(at("The old bus broke down, so the new one was sent.", "one").empty());
  CHECK(at("She wanted the one with the red roof.", "one").empty());
  CHECK(one("Only one ferry sailed on Sunday.", "one").value == 1.0);
  CHECK(at("Two rules were passed. One bans fireworks near schools.", "One").empty());
  // A number used as a name: "the 76ers".
  CHECK(at("Tickets for the 76ers game sold out.", "76ers").empty());
}

TEST_CASE("issue 14: values keep their scale, ranges stay whole", "[figures][regression][values]") {
  // Hyphenated scales, with a currency word after them.
  auto f = one("They opened a $75-million arena downtown.", "$75-million");
  CHECK(near(f.value, 75e6));
  CHECK(f.unit == "USD");
  f = one("The 1.5-billion-euro tunnel opens in spring.", "1.5-billion-euro");
  CHECK(near(f.value, 1.5e9));
  CHECK(f.unit == "EUR");
  // "4-to-6 foot swells": one range with its unit.
  f = one("Sailors were warned of 4-to-6 foot swells.", "4-to-6");
  CHECK(near(f.low, 4));
  CHECK(near(f.high, 6));
  CHECK(f.qualifier == newsan::Qualifier::range);
  // "by $2 to $11": a change and the level it reached, two figures, not a range.
  {
    std::string t = "The board lifted the daily fee by $2 to $11.50 per visit.";
    auto a = one(t, "$2");
    CHECK(near(a.value, 2));
    CHECK_FALSE(a.low);
    CHECK(near(one(t, "$11.50").value, 11.5));
  }
  // "between the ages of 30 and 45": "between" reaches over "the ages of"; ages are years.
  {
    auto f = one("The study followed women between the ages of 30 and 45.", "30");
    CHECK(near(f.low, 30));
    CHECK(near(f.high, 45));
    CHECK(f.qualifier == newsan::Qualifier::range);
  }
  // A mixed number is one value, not a range: "7-1/2", "3 1/4".
  CHECK(near(one("The bonds hit a 7-1/2 year low.", "7-1/2").value, 7.5));
  CHECK(near(one("The plank is 3 1/4 inches thick.", "3 1/4").value, 3.25));
  // "half a billion", "half a dozen": the half of the number word after "a".
  CHECK(near(one("The dam will cost half a billion dollars.", "half").value, 5e8));
  CHECK(near(one("They caught half a dozen trout.", "half").value, 6));
  // Cents are hundredths of the currency: "under 40 cents" is 0.40 USD; a range takes them too.
  {
    auto f = one("A loaf now sells for under 40 cents.", "40 cents");
    CHECK(near(f.value, 0.4));
    CHECK(f.unit == "USD");
    f = one("Fares will rise between 10 and 35 cents a ride.", "10 and 35");
    CHECK(near(f.low, 0.1));
    CHECK(near(f.high, 0.35));
    // A sentence that ends on the number is read safely.
    CHECK(near(one("The price was 40", "40").value, 40));
  }
  // Heights are one measure in inches: "6 feet 2 inches", "6-foot-4".
  {
    auto f = one("The suspect is 6 feet 2 inches tall.", "6 feet");
    CHECK(near(f.value, 74));
    CHECK(f.unit == "inch");
    CHECK(near(one("The club signed a 6-foot-4 guard.", "6-foot-4").value, 76));
    CHECK(near(one("The fence is 6 feet high.", "6 feet").value, 6));
  }
  // "in her 40s": a decade of age after a possessive is a range of ages; "the 1980s" is not a figure.
  {
    auto f = one("The driver, in her 40s, was unhurt.", "40s");
    CHECK(near(f.low, 40));
    CHECK(near(f.high, 49));
    CHECK(at("Songs of the 1980s filled the hall.", "1980s").empty());
  }
  // "half": a period after an ordinal ("the second half of the match"), a fraction in "half as much".
  CHECK(at("She scored twice in the second half of the match.", "half").empty());
  CHECK(near(one("The mill now burns half as much wood as it did.", "half").value, 0.5));
  // "and" joins two figures, not a range (only "between … and …" is one): two riders, two ages.
  {
    std::string t = "The riders, 19 and 21 years old, were treated at the scene.";
    CHECK(near(one(t, "19").value, 19));
    CHECK(near(one(t, "21 years").value, 21));
  }
  // Round four-digit numbers with a plural noun counted are not years: "from 1500 to 2000 seats".
  {
    auto f = one("The hall will grow from 1500 to 2000 seats next year.", "1500");
    CHECK(near(f.low, 1500));
    CHECK(near(f.high, 2000));
    CHECK(at("Between 2010 and 2012 sales fell.", "2010").empty());
  }
  // "five or six": one range.
  f = one("Five or six trucks blocked the road.", "Five or six");
  CHECK(near(f.low, 5));
  CHECK(near(f.high, 6));
  // A score is its own kind.
  f = one("The Hawks won 101-97 on the road.", "101-97");
  CHECK(f.kind == "score");
  CHECK_FALSE(f.value);
  // A rate with its denominator is one figure.
  auto fs = at("The region logged 8.4 deaths per 10,000 births last year.", "8.4 deaths per 10,000 births");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].kind == "rate");
  CHECK(near(fs[0].value, 8.4));
  // Degrees Celsius written with the sign.
  CHECK(one("The pavement hit 52°C at noon.", "52").unit == "degree celsius");
}

TEST_CASE("issue 14: money and measures name what they are of", "[figures][regression][counted]") {
  // An amount inside a noun phrase: the noun it describes.
  CHECK(one("The club will build a $60-million arena by the river.", "60").counted == "arena");
  CHECK(one("The firm must pay a steep $12 million penalty.", "12 million").counted == "penalty");
  // After "NOUN of": that noun.
  CHECK(one("The council approved a budget of $4.2 billion on Friday.", "4.2").counted == "budget");
  CHECK(one("The train reached a speed of 320 kilometres per hour.", "320").counted == "speed");
  // A duration used as a modifier counts the noun after it.
  CHECK(one("She began a five-year prison term in May.", "five-year").counted.find("term") != std::string::npos);
  // What an amount is for, unless a noun before "of" already says what it is.
  CHECK(one("The plan sets aside $80 million for road repairs.", "80").counted.find("repairs") != std::string::npos);
  CHECK(one("They sent a bill of $2,400 for the ambulance.", "2,400").counted == "bill");
  // A percentage of change is of the subject of its verb.
  CHECK(one("Last year, exports fell 4 percent.", "4 percent").counted == "exports");
  CHECK(one("Later it fell 4 percent.", "4 percent").counted.empty());  // a pronoun names nothing
  // An amount that is only an object names nothing (never invent).
  CHECK(one("Donors gave $300,000 on Monday.", "300,000").counted.empty());
}

TEST_CASE("issue 14: a past verb after its subject states an action on the figure", "[figures][regression][events]") {
  auto f = one("Divers recovered 17 bodies from the lake.", "17");
  CHECK(f.event_class == newsan::EventClass::other);
  CHECK(f.event == "recover");  // the lemma, from the lexicon
  // After an article the participle only describes the noun.
  CHECK(one("Officials cited a reported 300 cases.", "300").event_class == newsan::EventClass::none);
}
