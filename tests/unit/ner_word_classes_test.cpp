// Word classes for the NER tagger: clustering unlabeled text, reading the
// class table into the model's gazetteer, and the shipped model carrying it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "ner/model.h"
#include "newsan/error.h"
#include "newsan/ner_training.h"

using Catch::Matchers::Contains;
using namespace newsan::ner;
namespace fs = std::filesystem;

namespace {

fs::path write_table(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / ("newsan-word-classes-test-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

std::uint16_t class_of(const Gazetteer& g, std::string_view word) {
  std::string lw;
  append_lower(lw, word);
  return g.lookup_hash(word_class_key(fnv(lw)));
}

}  // namespace

TEST_CASE("words used in the same contexts fall into the same class", "[ner][classes]") {
  // Weekdays follow "on" and precede "morning"; towns follow "in" and precede "today".
  const char* days[] = {"monday", "tuesday", "friday", "sunday"};
  const char* towns[] = {"Tromsø", "Bergen", "Arles", "Nantes"};
  const char* verbs[] = {"met", "voted", "talked", "waited"};
  WordClassCounter counter;
  for (int round = 0; round < 6; ++round)
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) {
        counter.add_sentence({"they", verbs[(i + round) % 4], "on", days[i], "morning", "."});
        counter.add_sentence({"we", verbs[(j + round) % 4], "in", towns[j], "today", "."});
      }
  WordClassOptions opt;
  opt.classes = 6;
  opt.coarse = 2;
  opt.min_count = 2;
  opt.contexts = 50;
  auto classes = counter.cluster(opt);
  auto fine = [&](std::string_view w) {
    for (const auto& c : classes)
      if (c.word == w) return int(c.fine);
    return -1;
  };
  REQUIRE(fine("monday") >= 0);
  for (const char* d : days) CHECK(fine(d) == fine("monday"));
  for (const char* t : {"tromsø", "bergen", "arles", "nantes"}) CHECK(fine(t) == fine("bergen"));
  CHECK(fine("monday") != fine("bergen"));
  CHECK(fine("Bergen") == -1);  // the table is in lower case
  // Deterministic: the same counts and options give the same table.
  auto again = counter.cluster(opt);
  REQUIRE(again.size() == classes.size());
  for (std::size_t k = 0; k < classes.size(); ++k) CHECK(again[k].fine == classes[k].fine);
}

TEST_CASE("a class table goes into the gazetteer under keys of its own", "[ner][classes]") {
  Gazetteer g;
  g.add("Bergen", kGazCity);
  add_word_classes(g, write_table("ok.tsv", "# newsan-lexicon 1 ner-word-classes\nbergen\t3\t17\nmonday\t1\t400\n"));
  CHECK(class_of(g, "Bergen") == word_class_bits(3, 17));
  CHECK(class_of(g, "MONDAY") == word_class_bits(1, 400));
  CHECK(class_of(g, "oslo") == 0);
  CHECK(g.lookup_phrase("bergen") == kGazCity);  // the phrase entry is untouched
  CHECK_THROWS_WITH(add_word_classes(g, write_table("bad.tsv", "# newsan-lexicon 1 ner-word-classes\nx\t1\t2\ny\t40\t2\n")),
                    Contains("bad.tsv:3: class '40'"));
}

TEST_CASE("the shipped model carries the word classes it was trained with", "[ner][classes]") {
  Tagger t = Tagger::load(fs::path(NEWSAN_TEST_DATA_DIR) / "models/ner-en.bin");
  const std::uint16_t monday = class_of(t.gazetteer(), "Monday");
  CHECK((monday & kClassPresent) != 0);
  CHECK(class_of(t.gazetteer(), "Tuesday") == monday);
  CHECK(class_of(t.gazetteer(), "zzqxv") == 0);
}
