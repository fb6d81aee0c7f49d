#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string_view>

#include "newsan/error.h"
#include "util/number_words.h"

namespace {

const newsan::NumberWords& table() {
  static const newsan::NumberWords t = newsan::NumberWords::load(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return t;
}

// Feeds words to the shared reader; returns the value and how many words it took.
std::pair<double, std::size_t> read(std::initializer_list<std::string_view> words) {
  newsan::SpelledNumber n;
  std::size_t took = 0;
  for (std::string_view w : words) {
    const newsan::NumberWord* nw = table().find(w);
    if (!nw || !n.take(*nw)) break;
    ++took;
  }
  return {n.value(), took};
}

}  // namespace

TEST_CASE("the number-word table classifies each word once, with its other roles", "[util][numbers]") {
  const auto* third = table().find("third");
  REQUIRE(third);
  CHECK(third->cls == newsan::NumberClass::fraction);
  CHECK(third->value == 3);
  CHECK(third->ordinal == 3);  // also an ordinal: "the third quarter"
  const auto* second = table().find("second");
  REQUIRE(second);
  CHECK(second->cls == newsan::NumberClass::none);
  CHECK(second->ordinal == 2);
  CHECK(table().find("an")->article);
  CHECK(table().find("several")->vague);
  CHECK(table().find("bn")->cls == newsan::NumberClass::suffix);
  CHECK(table().find("hundreds")->cls == newsan::NumberClass::plural);
  CHECK(table().find("zebra") == nullptr);
}

TEST_CASE("the spelled-number reader combines cardinal parts and stops where they cannot go on",
          "[util][numbers]") {
  CHECK(read({"one", "hundred", "thirty", "one"}) == std::pair<double, std::size_t>{131, 4});
  CHECK(read({"twenty", "five"}) == std::pair<double, std::size_t>{25, 2});
  CHECK(read({"fifteen", "hundred"}) == std::pair<double, std::size_t>{1500, 2});
  CHECK(read({"two", "million", "five", "hundred", "thousand"}) == std::pair<double, std::size_t>{2500000, 5});
  CHECK(read({"two", "dozen"}) == std::pair<double, std::size_t>{24, 2});
  // Two units in a row are two numbers ("three four"), as are two tens.
  CHECK(read({"three", "four"}) == std::pair<double, std::size_t>{3, 1});
  CHECK(read({"twenty", "thirty"}) == std::pair<double, std::size_t>{20, 1});
  // A scale needs a count before it; a vague word or an ordinal is not a part.
  CHECK(read({"million"}).second == 0);
  CHECK(read({"several"}).second == 0);
  CHECK(read({"first"}).second == 0);
}

TEST_CASE("the spelled-number reader: a leading article, 'and' after a hundred, a fraction", "[util][numbers]") {
  newsan::SpelledNumber n;
  n.start_with_one();
  REQUIRE(n.take(*table().find("million")));
  CHECK(n.value() == 1e6);
  newsan::SpelledNumber h;
  REQUIRE(h.take(*table().find("two")));
  CHECK_FALSE(h.and_may_follow());
  REQUIRE(h.take(*table().find("hundred")));
  CHECK(h.and_may_follow());
  newsan::SpelledNumber f;
  REQUIRE(f.take(*table().find("two")));
  CHECK(f.below_hundred());
  f.divide(3);
  CHECK(f.value() == Approx(2.0 / 3));
}

TEST_CASE("a bad number-word table is refused naming file and line", "[util][numbers]") {
  auto dir = std::filesystem::temp_directory_path() / "newsan-numbers-test";
  std::filesystem::create_directories(dir / "lexicon");
  {
    std::ofstream f(dir / "lexicon" / "numbers-en.tsv");
    f << "# newsan-lexicon 1 numbers\none\t1\tdigit\none\t1\tteen\n";
  }
  CHECK_THROWS_WITH(newsan::NumberWords::load(newsan::DataDir(dir)),
                    Catch::Contains("numbers-en.tsv:3") && Catch::Contains("second numeral class"));
  {
    std::ofstream f(dir / "lexicon" / "numbers-en.tsv");
    f << "# newsan-lexicon 1 numbers\none\t1\tdigitt\n";
  }
  CHECK_THROWS_WITH(newsan::NumberWords::load(newsan::DataDir(dir)), Catch::Contains("'digitt' is not one of"));
  std::filesystem::remove_all(dir);
}
