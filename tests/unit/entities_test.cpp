// Tests of the entity extractor: mentions merged into entities, roles,
// possessives, facilities, derived names, acronyms, salience, exact spans.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "newsan/entities.h"
#include "newsan/error.h"
#include "newsan/tokenizer.h"

using namespace newsan;

namespace {

const EntityExtractor& extractor() {
  static const EntityExtractor e{DataDir(NEWSAN_TEST_DATA_DIR)};
  return e;
}

struct Result {
  Document doc;
  std::vector<Entity> entities;
};

Result run(std::string text, std::size_t title_end = 0) {
  Result r;
  r.doc.text = std::move(text);
  if (title_end) r.doc.title_span = Span{0, title_end};
  r.doc.body = {title_end, r.doc.text.size()};
  r.entities = extractor().extract(r.doc, tokenize(r.doc.text));
  return r;
}

const Entity* named(const Result& r, std::string_view name) {
  for (const auto& e : r.entities)
    if (e.name == name) return &e;
  return nullptr;
}

// The entity called `name` exists and has type `t`.
void check_type(const Result& r, std::string_view name, EntityType t) {
  INFO(name);
  const Entity* e = named(r, name);
  REQUIRE(e);
  CHECK(e->type == t);
}

std::vector<std::string> mention_texts(const Result& r, const Entity& e) {
  std::vector<std::string> out;
  for (const auto& m : e.mentions) out.emplace_back(m.span.in(r.doc.text));
  return out;
}

// Written for this test (not a copy of any article).
const char* kArticle =
    "Chile Frees Dozens of Detainees After Talks\n"
    "President Gabriel Boric announced on Monday that Chile would free 40 detainees held at Colina Prison. "
    "The decision followed talks with the Biden administration. "
    "Boric said Chile’s courts had reviewed every case. "
    "The United Nations (UN) welcomed the move, and the UN asked Santiago to publish the list. "
    "Human rights groups in Valparaíso said Boric should go further.\n";

}  // namespace

TEST_CASE("a person's mentions merge under the full name, with the role", "[entities]") {
  Result r = run(kArticle, 44);
  const Entity* boric = named(r, "Gabriel Boric");
  REQUIRE(boric);
  CHECK(boric->type == EntityType::person);
  auto texts = mention_texts(r, *boric);
  CHECK(std::count(texts.begin(), texts.end(), "Boric") == 2);
  CHECK(std::count(texts.begin(), texts.end(), "Gabriel Boric") == 1);
  CHECK(boric->roles == std::vector<std::string>{"President"});
  std::vector<std::string> persons;
  for (const auto& e : r.entities)
    if (e.type == EntityType::person) persons.push_back(e.name);
  std::sort(persons.begin(), persons.end());
  CHECK(persons == std::vector<std::string>{"Biden", "Gabriel Boric"});
}

TEST_CASE("places: possessive left out, subtype from the gazetteers", "[entities]") {
  Result r = run(kArticle, 44);
  const Entity* chile = named(r, "Chile");
  REQUIRE(chile);
  CHECK(chile->type == EntityType::location);
  CHECK(chile->subtype == "country");
  for (const auto& t : mention_texts(r, *chile)) CHECK(t == "Chile");
  CHECK(chile->mentions.size() == 3);
  const Entity* v = named(r, "Valparaíso");
  REQUIRE(v);
  CHECK(v->type == EntityType::location);
}

TEST_CASE("facilities, derived names and acronyms", "[entities]") {
  Result r = run(kArticle, 44);
  const Entity* prison = named(r, "Colina Prison");
  REQUIRE(prison);
  CHECK(prison->type == EntityType::facility);
  const Entity* admin = named(r, "Biden administration");
  REQUIRE(admin);
  CHECK(admin->type == EntityType::organization);
  CHECK(admin->related == std::optional<std::string>("Biden"));
  const Entity* un = named(r, "United Nations");
  REQUIRE(un);
  CHECK(un->type == EntityType::organization);
  auto texts = mention_texts(r, *un);
  CHECK(std::count(texts.begin(), texts.end(), "UN") == 2);
}

TEST_CASE("entities are ranked by salience, every mention is an exact span", "[entities]") {
  Result r = run(kArticle, 44);
  REQUIRE(r.entities.size() >= 3);
  CHECK(r.entities[0].name == "Chile");  // headline + lede + mentions
  for (std::size_t i = 1; i < r.entities.size(); ++i) CHECK(r.entities[i - 1].salience >= r.entities[i].salience);
  for (const auto& e : r.entities) {
    REQUIRE_FALSE(e.mentions.empty());
    for (std::size_t i = 0; i < e.mentions.size(); ++i) {
      CHECK(e.mentions[i].span.end <= r.doc.text.size());
      CHECK_FALSE(e.mentions[i].span.empty());
      if (i) CHECK(e.mentions[i - 1].span < e.mentions[i].span);
    }
  }
}

TEST_CASE("no entities in text without names, names in other scripts stay byte-exact", "[entities]") {
  CHECK(run("it was a quiet day and nothing happened.\n").entities.empty());
  CHECK(run("").entities.empty());
  Result r = run("Officials met Владимир Путин and Nicolás Maduro in Moscow on Tuesday.\n");
  for (const auto& e : r.entities)
    for (const auto& m : e.mentions) {
      std::string_view t = m.span.in(r.doc.text);
      CHECK(r.doc.text.find(t) != std::string::npos);
    }
  CHECK(named(r, "Nicolás Maduro"));
}

TEST_CASE("case and diacritic variants of a name are one entity", "[entities]") {
  Result r = run("Nicolás Maduro spoke on Monday. Later NICOLAS MADURO spoke again, and Nicolas Maduro left.\n");
  std::size_t persons = 0;
  for (const auto& e : r.entities)
    if (e.type == EntityType::person) {
      ++persons;
      CHECK(e.name == "Nicolás Maduro");  // the first of the fullest forms, as written
      CHECK(e.mentions.size() >= 3);      // the ALL-CAPS form may come as two pieces, both joined
    }
  CHECK(persons == 1);
  CHECK(r.entities.size() == 1);
}

TEST_CASE("a data directory without the model is a clear error", "[entities]") {
  auto dir = std::filesystem::temp_directory_path() / "newsan-entities-test-empty";
  std::filesystem::create_directories(dir / "lexicon");
  CHECK_THROWS_AS(EntityExtractor{DataDir(dir)}, FormatError);
}

TEST_CASE("nationalities are groups, named events are events", "[entities]") {
  Result r = run("Venezuelan officials said the World Cup would go ahead. The Gulf War changed the region.\n");
  const Entity* cup = named(r, "World Cup");
  REQUIRE(cup);
  CHECK(cup->type == EntityType::event);
  const Entity* war = named(r, "Gulf War");
  REQUIRE(war);
  CHECK(war->type == EntityType::event);
  const Entity* v = named(r, "Venezuelan");
  REQUIRE(v);
  CHECK(v->type == EntityType::group);
}

TEST_CASE("honorifics are not roles, a title after an article is no person", "[entities]") {
  Result r = run("Trade Secretary Patricia Hewitt spoke. Ms Hewitt said the plan was ready before the General Election.\n");
  const Entity* h = named(r, "Patricia Hewitt");
  REQUIRE(h);
  CHECK(h->roles == std::vector<std::string>{"Trade Secretary"});  // the portfolio belongs to the role
  for (const auto& e : r.entities) CHECK_FALSE((e.type == EntityType::person && e.name == "Election"));
}

// Sentences below were written for these tests.
TEST_CASE("roles before a name, in an apposition and before a comma", "[entities][roles]") {
  Result r = run(
      "Navy spokesman Tomas Lindqvist said the ship had docked. "
      "Marta Okafor, chief economist at Banco Meridional, said rates would rise. "
      "The board met the head of the harbour authority, Pieter Van Aalst, on Tuesday. "
      "Dana Whitfield – a veteran trade lawyer based in Lisbon – declined to comment.\n");
  const Entity* lind = named(r, "Tomas Lindqvist");
  REQUIRE(lind);
  REQUIRE(!lind->roles.empty());
  CHECK(lind->roles[0] == "Navy spokesman");
  const Entity* okafor = named(r, "Marta Okafor");
  REQUIRE(okafor);
  REQUIRE(!okafor->roles.empty());
  CHECK(okafor->roles[0] == "chief economist at Banco Meridional");
  const Entity* aalst = named(r, "Pieter Van Aalst");
  REQUIRE(aalst);
  REQUIRE(!aalst->roles.empty());
  CHECK(aalst->roles[0] == "head of the harbour authority");
  const Entity* dana = named(r, "Dana Whitfield");
  REQUIRE(dana);
  REQUIRE(!dana->roles.empty());
  CHECK(dana->roles[0] == "veteran trade lawyer based in Lisbon");
}

TEST_CASE("a clause after a name is no role", "[entities][roles]") {
  Result r = run("Marta Okafor, who once ran the bank, said rates would rise.\n");
  const Entity* okafor = named(r, "Marta Okafor");
  REQUIRE(okafor);
  CHECK(okafor->roles.empty());
}

TEST_CASE("legal forms merge with the bare company name and make it an organization", "[entities]") {
  Result r = run("Shares of Harlow Brothers & Co fell on Monday. Harlow Brothers said sales slowed. "
                 "Analysts at Harlow Brothers expect a rebound.\n");
  std::size_t n = 0;
  for (const auto& e : r.entities)
    if (e.name.find("Harlow") != std::string::npos) {
      ++n;
      CHECK(e.name == "Harlow Brothers & Co");
      CHECK(e.type == EntityType::organization);
    }
  CHECK(n == 1);
}

TEST_CASE("head words type a name whatever the tagger said", "[entities]") {
  Result r = run("Police closed Larkspur Drive after the crash near Quinlan Field. "
                 "Fenwick University said classes would go on.\n");
  const Entity* drive = named(r, "Larkspur Drive");
  REQUIRE(drive);
  CHECK(drive->type == EntityType::location);
  const Entity* field = named(r, "Quinlan Field");
  REQUIRE(field);
  CHECK(field->type == EntityType::facility);
  const Entity* uni = named(r, "Fenwick University");
  REQUIRE(uni);
  CHECK(uni->type == EntityType::organization);
}

TEST_CASE("titles alone and clock-time capitals are no entities", "[entities]") {
  Result r = run("The Managing Director spoke at 10:30 AM on Friday. Ana Ruiz listened.\n");
  for (const auto& e : r.entities) {
    CHECK(e.name != "Managing Director");
    CHECK(e.name != "AM");
  }
  CHECK(named(r, "Ana Ruiz"));
}

TEST_CASE("plural demonyms are groups, hyphenated words with a lower-case part are no names", "[entities]") {
  Result r = run("Many Peruvians voted early. The post-Fujimori era began, said Lima-based analysts.\n");
  for (const auto& e : r.entities) {
    CHECK(e.name != "post-Fujimori");
    CHECK(e.name != "Lima-based");
    if (e.name == "Peruvians") CHECK(e.type == EntityType::group);
  }
}

TEST_CASE("a lone recurring name never given as a person's full name is not a person", "[entities]") {
  Result r = run("Brindlecorp cut prices on Monday. Analysts said Brindlecorp had little choice. "
                 "Ana Ruiz said Ruiz would stay.\n");
  for (const auto& e : r.entities)
    if (e.name == "Brindlecorp") CHECK(e.type != EntityType::person);
  const Entity* ruiz = named(r, "Ana Ruiz");
  REQUIRE(ruiz);
  CHECK(ruiz->type == EntityType::person);
}

// Sentences below were written for these tests.
TEST_CASE("a role before a person's titles is the main role, a title is listed once", "[entities][roles]") {
  Result r = run(
      "The panel heard former finance minister Dr Halvard Rensk on Monday. "
      "Dr. Rensk said the rail plan had stalled, and Dr Rensk asked for a vote.\n");
  const Entity* h = named(r, "Halvard Rensk");
  REQUIRE(h);
  REQUIRE(!h->roles.empty());
  CHECK(h->roles[0] == "former finance minister");
  CHECK(std::count_if(h->roles.begin(), h->roles.end(), [](const std::string& s) {
          return s == "Dr" || s == "Dr.";
        }) <= 1);
}

TEST_CASE("a full name before a lower-case 'administration' is a person", "[entities]") {
  Result r = run("Two aides served in the Walter J. Brennock administration before the vote.\n"
                 "They later advised the Osei Mensah administration.\n");
  for (const char* name : {"Walter J. Brennock", "Osei Mensah"}) {
    const Entity* p = named(r, name);
    REQUIRE(p);
    CHECK(p->type == EntityType::person);
    const Entity* admin = named(r, std::string(name) + " administration");
    REQUIRE(admin);
    CHECK(admin->related == std::optional<std::string>(name));
  }
}

TEST_CASE("a surname heading an administration twice stays a person", "[entities]") {
  // A lone word typed person and named twice without a full name or role is
  // taken for a company; "the X administration" is evidence of a person.
  Result r = run("Ministers courted the incoming Okafor administration on Monday.\n"
                 "Port officials said the Okafor administration would review the tariffs.\n");
  const Entity* p = named(r, "Okafor");
  REQUIRE(p);
  CHECK(p->type == EntityType::person);
  const Entity* admin = named(r, "Okafor administration");
  REQUIRE(admin);
  CHECK(admin->type == EntityType::organization);
}

// Sentences below were written for these tests (issue 15, session 3).
TEST_CASE("an event head names an event whatever the tagger said, its year names it too", "[entities]") {
  Result r = run("Tickets for the 2016 Harbour Boat Show went on sale. "
                 "The Ridgeway Freedom Tournament starts on Friday in Dunmore.\n");
  bool show = false, tournament = false;
  for (const auto& e : r.entities) {
    if (e.name.find("Boat Show") != std::string::npos) {
      show = true;
      CHECK(e.type == EntityType::event);
      CHECK(e.name == "2016 Harbour Boat Show");
    }
    if (e.name.find("Tournament") != std::string::npos) {
      tournament = true;
      CHECK(e.type == EntityType::event);
    }
  }
  CHECK(show);
  CHECK(tournament);
  // Words of the edition left out by the tagger, and a year after, name it too.
  Result e = run("Members flew in for the Grand Lodge Mid Winter Meeting 2016 at the hotel.\n");
  bool meeting = false;
  for (const auto& x : e.entities)
    if (x.name.find("Meeting") != std::string::npos) {
      meeting = true;
      CHECK(x.type == EntityType::event);
      CHECK(x.name.ends_with("Mid Winter Meeting 2016"));
    }
  CHECK(meeting);
  // A possessive inside an event's name keeps it one name.
  Result p = run("Collectors came to the Winter Military Collector's Show in Huntsville.\n");
  check_type(p, "Winter Military Collector's Show", EntityType::event);
}

TEST_CASE("'vs.' separates two names", "[entities]") {
  Result r = run("Saturday: Ridgeway Hawks vs. Northern Dunmore, 7 p.m. at the arena.\n");
  for (const auto& e : r.entities) CHECK(e.name.find("vs") == std::string::npos);
  CHECK(named(r, "Northern Dunmore"));
}

TEST_CASE("'<head> of [the] <name>' stays one name typed by its head", "[entities]") {
  Result r = run("Students at the University of the Southern Isles protested. "
                 "The study appeared in the Proceedings of the Royal Society of Marlow.\n");
  check_type(r, "University of the Southern Isles", EntityType::organization);
  check_type(r, "Proceedings of the Royal Society of Marlow", EntityType::work);
  CHECK_FALSE(named(r, "Southern Isles"));
  // The capitalised words after "of" that the tagger left out join it too.
  Result m = run("He joined the Norwegian Institute of Marine Research last year.\n");
  check_type(m, "Norwegian Institute of Marine Research", EntityType::organization);
}

TEST_CASE("place prefixes and facility heads type a name, punctuation stays out", "[entities]") {
  Result r = run("Hikers climbed Mount Karvell near Lake Ostrava on Sunday. "
                 "The gala at the Brindle Street Auditorium was cancelled (Tomas Berg said).\n");
  check_type(r, "Mount Karvell", EntityType::location);
  check_type(r, "Lake Ostrava", EntityType::location);
  check_type(r, "Brindle Street Auditorium", EntityType::facility);
  Result saint = run("Floods reached St. Ardell and Saint Corvin overnight, officials in Ostrava said.\n");
  for (const auto& e : saint.entities)
    if (e.name.starts_with("St") || e.name.starts_with("Saint")) CHECK(e.type == EntityType::location);
  // A head before a last "& <word>" types the name too.
  Result h = run("Guests filled the Larkspur Hotel & Spa on Friday. Boats left the Cove Point Public Boat Ramp.\n");
  check_type(h, "Larkspur Hotel & Spa", EntityType::facility);
  check_type(h, "Cove Point Public Boat Ramp", EntityType::facility);
  for (const auto& e : r.entities)
    for (const auto& m : e.mentions) {
      std::string_view t = m.span.in(r.doc.text);
      CHECK(t.find('(') == std::string_view::npos);
      CHECK(t.find(')') == std::string_view::npos);
    }
}

TEST_CASE("entities of kind 'other' come after every typed entity", "[entities]") {
  Result r = run("The Nobel Prize went to her. The Nobel Prize was deserved. The Nobel Prize is old. "
                 "Ana Ruiz of Banco Meridional said so in Lisbon.\n");
  const Entity* prize = named(r, "Nobel Prize");
  REQUIRE(prize);
  REQUIRE(prize->type == EntityType::other);
  CHECK(&r.entities.back() == prize);
  bool seen_other = false;
  for (const auto& e : r.entities) {
    if (e.type == EntityType::other) seen_other = true;
    else CHECK_FALSE(seen_other);
  }
}

TEST_CASE("plural, possessive and relative-clause roles", "[entities][roles]") {
  Result r = run("Cabinet ministers Tomas Berg and Ana Ruiz resigned on Monday. "
                 "Sweden's port director Alma Lind said the ship had left. "
                 "The cabinet minister Petra Kask declined to comment. "
                 "Lena Holm, a part-time missionary who lived in Peru, was freed.\n");
  auto role_of = [&](std::string_view name) {
    const Entity* e = named(r, name);
    REQUIRE(e);
    REQUIRE(!e->roles.empty());
    return e->roles[0];
  };
  CHECK(role_of("Tomas Berg") == "Cabinet ministers");
  CHECK(role_of("Ana Ruiz") == "Cabinet ministers");
  CHECK(role_of("Alma Lind") == "Sweden's port director");
  CHECK(role_of("Petra Kask") == "cabinet minister");
  CHECK(role_of("Lena Holm") == "part-time missionary");
}

TEST_CASE("stock tickers and abbreviations of common words are no entities", "[entities]") {
  Result r = run("Shares of Harlow Brothers (HARB.L) rose on Monday. "
                 "Congress passed a continuing resolution (CR) for the agency. "
                 "The United Nations (UN) welcomed the move.\n");
  for (const auto& e : r.entities) {
    CHECK(e.name != "HARB");
    CHECK(e.name != "L");
    CHECK(e.name != "CR");
  }
  // A name with a ticker is a company, however the tagger read it.
  Result t = run("Dana Kwong (DKWG.NS) fell 2 percent.\n");
  check_type(t, "Dana Kwong", EntityType::organization);
  const Entity* un = named(r, "United Nations");  // an acronym of a name stays
  REQUIRE(un);
  CHECK(un->mentions.size() == 2);
}

TEST_CASE("a role 'of' a department before a name, a country before an acronym's name", "[entities][roles]") {
  Result r = run("The Minister of Education Kay Rowe said schools would open. Rowe spoke in Bridgetown. "
                 "The United States Drug Enforcement Agency said the DEA had seized the boat.\n");
  check_type(r, "Kay Rowe", EntityType::person);
  CHECK(named(r, "Kay Rowe")->roles == std::vector<std::string>{"Minister of Education"});
  check_type(r, "United States Drug Enforcement Agency", EntityType::organization);
  CHECK(named(r, "United States Drug Enforcement Agency")->mentions.size() == 2);
}

TEST_CASE("teams, counties and institutions named after places", "[entities]") {
  Result r = run("They met the Boise Hawks on Sunday. A storm hit farms in Lincoln County on Monday. "
                 "Troops of the Republic of Korea Air Force landed.\n");
  check_type(r, "Boise Hawks", EntityType::organization);
  check_type(r, "Lincoln County", EntityType::location);
  check_type(r, "Republic of Korea Air Force", EntityType::organization);
}

TEST_CASE("a place's subtype follows what the text says of it", "[entities]") {
  Result r = run("Flooding hit Santiago, Chile on Monday. Officials in the city of Valencia agreed.\n");
  const Entity* santiago = named(r, "Santiago");
  REQUIRE(santiago);
  CHECK(santiago->subtype == "city");  // the gazetteers also list a region of that name
  const Entity* valencia = named(r, "Valencia");
  REQUIRE(valencia);
  CHECK(valencia->subtype == "city");
  CHECK(named(r, "Chile")->subtype == "country");
}

TEST_CASE("a month before a day's number is no part of a name", "[entities]") {
  Result r = run("The Senate Dec. 11 vote passed. The trial of Ana Ruiz is set for Feb. 25 in Eugene.\n");
  for (const auto& e : r.entities)
    for (const auto& m : e.mentions) {
      std::string_view t = m.span.in(r.doc.text);
      CHECK(t.find("Dec") == std::string_view::npos);
      CHECK(t.find("Feb") == std::string_view::npos);
    }
  CHECK(named(r, "Ana Ruiz"));
}

TEST_CASE("a nationality before a place head joins the place, an acronym takes its name's type", "[entities]") {
  Result r = run("Police in the British Virgin Islands arrested two men. The BVI said the BVI coast guard "
                 "helped, and the BVI government thanked them.\n");
  check_type(r, "British Virgin Islands", EntityType::location);
  CHECK(named(r, "British Virgin Islands")->mentions.size() == 4);
  CHECK_FALSE(named(r, "BVI"));
}

TEST_CASE("'<Words> for [the] <organization>' is one name, a sentence's first word stays out", "[entities]") {
  Result r = run("Activists from Friends for the Protection of Rivers marched. Support for the Labour Party fell.\n");
  check_type(r, "Friends for the Protection of Rivers", EntityType::organization);
  check_type(r, "Labour Party", EntityType::organization);
}

TEST_CASE("a given name makes a person of a name typed otherwise, alone or with one surname", "[entities]") {
  // The tagger reads a credit line's name as an organization.
  Result r = run("Coal use fell again last year.\n\nReporting by Clayton Aldsworth; Editing by Tom Hogue\n\nGas use rose.\n");
  check_type(r, "Clayton Aldsworth", EntityType::person);
  // A lone recurring given name is a person, not the company a lone word would be.
  Result m = run("Gas use rose. Melinda said the plant would close. Later, Melinda told staff it would reopen.\n");
  check_type(m, "Melinda", EntityType::person);
}

TEST_CASE("a short name in parentheses after an institution's name is its alias", "[entities]") {
  Result r = run("Sales data from the Statistical Office of Westland (STATOW) show a steady rise in exports. "
                 "According to STATOW, exports rose in every month of the year.\n");
  check_type(r, "Statistical Office of Westland", EntityType::organization);
  CHECK(named(r, "Statistical Office of Westland")->mentions.size() == 3);
  CHECK_FALSE(named(r, "STATOW"));
  // A place in parentheses says where; it is no alias.
  Result t = run("Red Star Belgrade (Yugoslavia) beat the Tigers.\n");
  check_type(t, "Yugoslavia", EntityType::location);
  CHECK(named(t, "Red Star Belgrade")->mentions.size() == 1);
}

TEST_CASE("laws are works, model codes are no people, Spanish articles begin places", "[entities]") {
  Result r = run("Lawmakers said the Clean Harbours Act would cover the new dock. A ferry took guests to Los "
                 "Palmeros for the opening.\n");
  check_type(r, "Clean Harbours Act", EntityType::work);
  check_type(r, "Los Palmeros", EntityType::location);
  Result c = run("Sukhoi Su-24 Fencer jets will replace the old Mirage fleet, Jones said.\n");
  check_type(c, "Sukhoi Su-24 Fencer", EntityType::other);
}

TEST_CASE("words whose initials spell an acronym in parentheses are one name, a leading country may go", "[entities]") {
  Result r = run("Cocaine Found on Boat\n\nU.S. Customs and Border Protection (CBP) Air and Marine Operations (AMO) "
                 "found 475 pounds of cocaine on a boat. Customs and Border Protection announced the seizure on "
                 "Tuesday.\n");
  check_type(r, "Customs and Border Protection", EntityType::organization);
  CHECK(mention_texts(r, *named(r, "Customs and Border Protection")) ==
        std::vector<std::string>{"Customs and Border Protection", "CBP", "Customs and Border Protection"});
  check_type(r, "Air and Marine Operations", EntityType::organization);  // a "person" with "and" inside
  CHECK_FALSE(named(r, "Marine Operations"));
  CHECK_FALSE(named(r, "Border Protection"));
  Result j = run("Officers of the Jamaica Constabulary Force arrested two men on Monday. The Constabulary Force "
                 "said both were charged.\n");
  CHECK(named(j, "Jamaica Constabulary Force")->mentions.size() == 2);
  CHECK_FALSE(named(j, "Constabulary Force"));
}

TEST_CASE("a time zone in parentheses after a time is no name", "[entities]") {
  Result r = run("Emissions Fell in 2019\n\nJanuary 10, 2020 9:00AM (UTC)\n\nJust a week into the new year, coal use fell.\n");
  CHECK_FALSE(named(r, "UTC"));
}

TEST_CASE("one country under its names, a country's letters before a dollar sign are the currency", "[entities]") {
  Result r = run("The United States and Britain signed the deal. U.S. officials said the UK would pay first, and US "
                 "lawmakers agreed. He earned just over US $1.4 billion from America.\n");
  const Entity* us = named(r, "United States");
  REQUIRE(us);
  CHECK(mention_texts(r, *us) == std::vector<std::string>{"United States", "U.S.", "US", "America"});
  CHECK(mention_texts(r, *named(r, "Britain")) == std::vector<std::string>{"Britain", "UK"});
  CHECK_FALSE(named(r, "UK"));
  CHECK_FALSE(named(r, "America"));
}

TEST_CASE("a short name between commas after an institution joins it with its other mentions", "[entities]") {
  Result r = run("WGEA Wants More Exports\n\nPresident of the Westland Growers & Exporters, WGEA, Ana Ruiz says "
                 "farmers should sell more within the Coastal Community, COSCOM.\n",
                 23);  // the headline
  CHECK(mention_texts(r, *named(r, "Westland Growers & Exporters")) ==
        std::vector<std::string>{"WGEA", "Westland Growers & Exporters", "WGEA"});
  CHECK(mention_texts(r, *named(r, "Coastal Community")) == std::vector<std::string>{"Coastal Community", "COSCOM"});
  CHECK_FALSE(named(r, "WGEA"));
}

TEST_CASE("a multi-word name before a lower-case facility noun is the facility", "[entities]") {
  Result r = run("Flights moved to Terminal 2 of the Ramón Ortega Valle-Sur airport on Monday, cutting waiting times. "
                 "Fans left the Madrid airport.\n");
  check_type(r, "Ramón Ortega Valle-Sur", EntityType::facility);
  check_type(r, "Madrid", EntityType::location);  // a place before it stays the place
}

TEST_CASE("a given name that is also a town's joins the one person it begins", "[entities]") {
  Result r = run("Melissa charged with stealing from her employer\n\nA 41-year-old woman, Melissa Tarrant, is due to "
                 "appear in court today after she was charged with fraud.\n",
                 48);  // the headline
  CHECK(mention_texts(r, *named(r, "Melissa Tarrant")) == std::vector<std::string>{"Melissa", "Melissa Tarrant"});
  CHECK_FALSE(named(r, "Melissa"));
}

TEST_CASE("newspapers are organizations by their last word, also after a hyphen", "[entities]") {
  Result r = run("The story was first reported by The Register-Guard and the Yamhill Valley News-Register on Monday, "
                 "and later by the Harare Herald.\n");
  check_type(r, "Register-Guard", EntityType::organization);
  check_type(r, "Yamhill Valley News-Register", EntityType::organization);
  check_type(r, "Harare Herald", EntityType::organization);
}

TEST_CASE("a given name does not make a person of a company the article names in full", "[entities]") {
  Result r = run("Wells Fargo & Co said on Friday it would cut 500 jobs. Wells Fargo shares fell 2 percent. The Wells "
                 "Fargo Bank unit will close branches, and Morgan Stanley gained.\n");
  check_type(r, "Wells Fargo & Co", EntityType::organization);
  CHECK(named(r, "Wells Fargo & Co")->mentions.size() == 2);
  CHECK_FALSE(named(r, "Wells Fargo"));
  check_type(r, "Morgan Stanley", EntityType::organization);  // a surname that is a given name too
}

TEST_CASE("a sentence's first word that only heads longer names is no name alone", "[entities]") {
  Result r = run("Dockworkers at the Port of Valparaíso returned to work on Monday after the strike ended.\n\nPort "
                 "traffic is expected to return to normal levels within a week, the authority said.\n");
  CHECK(named(r, "Port of Valparaíso"));
  CHECK_FALSE(named(r, "Port"));
}

TEST_CASE("a portfolio before a title belongs to the person's role", "[entities][roles]") {
  Result r = run("The deal was announced by Labour Minister Rosa Elvira Campos on Tuesday.\n");
  CHECK_FALSE(named(r, "Labour"));
  check_type(r, "Rosa Elvira Campos", EntityType::person);
  CHECK(named(r, "Rosa Elvira Campos")->roles == std::vector<std::string>{"Labour Minister"});
}

TEST_CASE("a plural demonym and its adjective are one group", "[entities]") {
  Result r = run("Indonesian rescuers searched the sea. Thousands of Indonesians travel by air each year, officials "
                 "said.\n");
  check_type(r, "Indonesian", EntityType::group);
  CHECK(mention_texts(r, *named(r, "Indonesian")) == std::vector<std::string>{"Indonesian", "Indonesians"});
  CHECK_FALSE(named(r, "Indonesians"));
}

TEST_CASE("a one-word organization named once ranks after surer names, an acronym does not", "[entities]") {
  Result r = run("Analysts said Microsoft lost ground. Later, officials in New Hampshire agreed with the estimate of the "
                 "EPA.\n");
  REQUIRE(r.entities.size() == 3);
  CHECK(r.entities[0].name == "New Hampshire");
  CHECK(r.entities[1].name == "EPA");
  check_type(r, "Microsoft", EntityType::organization);
  CHECK(named(r, "Microsoft")->salience > 0);
}

TEST_CASE("a role before a comma: nouns before its head, a possessor, an acronym before the name", "[entities][roles]") {
  auto roles = [](const std::string& text, std::string_view name) {
    Result r = run(text);
    const Entity* e = named(r, name);
    REQUIRE(e);
    return e->roles;
  };
  CHECK(roles("On Thursday, investigators held the port director, Ana Marlow, at a Miami airport.\n", "Ana Marlow") ==
        std::vector<std::string>{"port director"});
  CHECK(roles("On Thursday, investigators held Ruiz and the Westland’s port director, Ana Marlow, at a Miami "
              "airport.\n",
              "Ana Marlow") == std::vector<std::string>{"Westland’s port director"});
  CHECK(roles("President of the Westland Growers & Exporters, WGEA, Ana Ruiz says farmers should export more.\n",
              "Ana Ruiz") == std::vector<std::string>{"President of the Westland Growers & Exporters"});
}
