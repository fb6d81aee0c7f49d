#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "util/lexicon.h"

using namespace newsan;

TEST_CASE("case folding: ASCII copies, ASCII-insensitive search, Unicode lowercase", "[lexicon]") {
  CHECK(lex::ascii_lower("Harbour STRIKE, Día") == "harbour strike, día");
  std::string s = "KEEP Lower THIS";
  lex::ascii_lower_in_place(s, 5);
  CHECK(s == "KEEP lower this");
  CHECK(lex::iequals("Content-Type", "content-TYPE"));
  CHECK_FALSE(lex::iequals("charset", "charsets"));
  CHECK(lex::ifind("<META Charset=utf-8>", "charset") == 6);
  CHECK(lex::ifind("abc", "d") == std::string_view::npos);
  std::string out = "x ";
  lex::append_lower(out, "ÉCOLE Ünïon");
  CHECK(out == "x école ünïon");
  char buf[32];
  std::string spill;
  CHECK(lex::fold_short("March", buf, spill) == "march");
  CHECK(lex::fold_short("NICOLÁS", buf, spill) == "nicolás");
  CHECK(lex::fold_short(std::string(40, 'A'), buf, spill) == std::string(40, 'a'));
}

TEST_CASE("trim takes the given bytes off both ends only", "[lexicon]") {
  CHECK(lex::trim("  \tport workers\r\n") == "port workers");
  CHECK(lex::trim("\n a b \n", " ") == "\n a b \n");
  CHECK(lex::trim(" \t ") == "");
}

TEST_CASE("fnv is 64-bit FNV-1a and can continue from a previous hash", "[lexicon]") {
  CHECK(lex::fnv("") == lex::kFnvBasis);
  CHECK(lex::fnv("a") == 0xaf63dc4c8601ec8cull);  // the published FNV-1a test vector
  CHECK(lex::fnv("bc", lex::fnv("a")) == lex::fnv("abc"));
}

TEST_CASE("WordTable finds exactly its keys, the first value of a repeated key", "[lexicon]") {
  std::vector<std::pair<std::string, int>> pairs;
  for (int i = 0; i < 500; ++i) pairs.emplace_back("w" + std::to_string(i), i);
  pairs.emplace_back("w7", 999);
  lex::WordTable<int> t;
  t.build(pairs);
  CHECK(t.size() == 500);
  CHECK(t.max_key() == 4);
  for (int i = 0; i < 500; ++i) {
    const int* v = t.find("w" + std::to_string(i));
    REQUIRE(v);
    CHECK(*v == i);
  }
  CHECK_FALSE(t.find("w500"));
  CHECK_FALSE(t.find("w1000"));
  CHECK_FALSE(t.find(""));
  CHECK(*t.find("w42", lex::fnv("w42")) == 42);
  lex::WordTable<int> empty;
  CHECK_FALSE(empty.find("w1"));
}

TEST_CASE("WordSet answers membership", "[lexicon]") {
  lex::WordSet s;
  s.build({"mr", "ms", "dr"});
  CHECK(s.contains("ms"));
  CHECK_FALSE(s.contains("m"));
  CHECK_FALSE(s.contains("mrs"));
}

TEST_CASE("PhraseTable: longest match wins, from the start or ending at a word", "[lexicon]") {
  lex::PhraseTable<std::string> t;
  t.add({"per", "cent"}, "percent");
  t.add({"per"}, "rate");
  t.add({"per", "cent", "point"}, "pp");
  std::vector<std::string_view> words = {"five", "per", "cent", "point", "rise"};
  const std::string* v = nullptr;
  CHECK(t.match(words, 1, &v) == 3);
  CHECK(*v == "pp");
  CHECK(t.match(words, 0, &v) == 0);
  CHECK(t.match_after("per", words, 2, &v) == 2);  // "cent point" after a glued "per"
  CHECK(*v == "pp");
  std::vector<std::string_view> shorter = {"five", "per", "cent", "rise"};
  CHECK(t.match_ending(shorter, 2, &v) == 2);
  CHECK(*v == "percent");
  CHECK(t.match_ending(shorter, 3, &v) == 0);
  CHECK(t.contains_word("per"));
  CHECK_FALSE(t.contains_word("cent"));
}
