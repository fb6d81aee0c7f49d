// Bug: clustering compared every person name with every other one and every
// acronym with every multi-word name: a text with many distinct names grew
// quadratically (3.8 s at 2 MB, minutes at 50 MB). Found by bench/hostile_bench.
// The clustering now looks names up by their word-suffixes and initials; this
// test pins the choices it must keep making (longest full name, first name in
// text order for an acronym) on a text with many names.
#include <catch2/catch.hpp>

#include <string>

#include "newsan/entities.h"
#include "newsan/tokenizer.h"

using namespace newsan;

TEST_CASE("regression: clustering by suffix and initials keeps its choices on many names",
          "[regression][entities]") {
  static const EntityExtractor ex{DataDir(NEWSAN_TEST_DATA_DIR)};
  std::string text;
  const char* first[] = {"Maria", "Jonas", "Ingrid", "Pavel", "Leila", "Tomas"};
  const char* last[] = {"Okonkwo", "Lindqvist", "Haddad", "Moreau", "Novak", "Ferreira"};
  for (const char* f : first)
    for (const char* l : last) text += std::string("Police said ") + f + " " + l + " was questioned on Monday. ";
  text += "Later, Novak said nothing. The National Transport Authority (NTA) and the NTA board met.\n";
  Document doc;
  doc.text = text;
  doc.body = {0, text.size()};
  auto entities = ex.extract(doc, tokenize(doc.text));
  std::size_t persons = 0;
  const Entity* nta = nullptr;
  const Entity* novak_alone = nullptr;
  for (const auto& e : entities) {
    if (e.type == EntityType::person) ++persons;
    if (e.name == "National Transport Authority") nta = &e;
    if (e.name == "Novak") novak_alone = &e;
  }
  CHECK(persons >= 30);              // the 36 full names stay apart
  CHECK(novak_alone == nullptr);     // "Novak" joined one of the "… Novak" names
  REQUIRE(nta != nullptr);
  CHECK(nta->mentions.size() == 3);  // the acronym's two mentions joined the full name
}
