#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "newsan/error.h"
#include "newsan/reader.h"

using Catch::Matchers::Contains;

TEST_CASE("title, source and body of a plain-text article", "[reader]") {
  std::string text = "Port Strike Ends After Nine Days\nDockworkers went back to work on Tuesday.\nOriginal Source: www.example.org\n";
  auto d = newsan::make_text_document(text, "a.txt", {});
  REQUIRE(d.title);
  CHECK(*d.title == "Port Strike Ends After Nine Days");
  REQUIRE(d.source);
  CHECK(*d.source == "www.example.org");
  CHECK(d.source_span->in(d.text) == "www.example.org");
  CHECK(d.body.in(d.text) == "Dockworkers went back to work on Tuesday.");
  CHECK(d.text == text);  // metadata lines stay in the text
}

TEST_CASE("a first line that is a sentence is not a title", "[reader]") {
  auto d = newsan::make_text_document("The strike ended on Tuesday.\nWorkers returned.\n", "a", {});
  CHECK_FALSE(d.title);
}

TEST_CASE("invalid UTF-8 names the input and the byte offset", "[reader]") {
  std::string bad = "abc\xff" "def";
  CHECK_THROWS_WITH(newsan::make_text_document(bad, "x.txt", {}), Contains("x.txt: invalid UTF-8 at byte offset 3"));
  newsan::ReadOptions lossy;
  lossy.lossy = true;
  auto d = newsan::make_text_document(bad, "x.txt", lossy);
  CHECK(d.text == "abc\xEF\xBF\xBD" "def");
  CHECK(d.replaced_sequences == 1);
}

TEST_CASE("overlong, surrogate and truncated sequences are invalid", "[reader]") {
  for (std::string bad : {std::string("\xC0\xAF"), std::string("\xED\xA0\x80"), std::string("ab\xE2\x82"),
                          std::string("\xF4\x90\x80\x80")})
    CHECK_THROWS_AS(newsan::make_text_document(bad, "x", {}), newsan::InputError);
}

TEST_CASE("BOM is skipped and counted, NUL is refused", "[reader]") {
  auto d = newsan::make_text_document("\xEF\xBB\xBFHello world.", "b", {});
  CHECK(d.text == "Hello world.");
  CHECK(d.text_offset == 3);
  CHECK_THROWS_WITH(newsan::make_text_document(std::string("ab\0cd", 5), "bin", {}), Contains("binary"));
}

TEST_CASE("encodings: UTF-16 detected, Latin-1 and UTF-16 converted", "[reader]") {
  std::string u16("\xFF\xFEH\0i\0", 6);
  CHECK_THROWS_WITH(newsan::make_text_document(u16, "u", {}), Contains("UTF-16"));
  newsan::ReadOptions o;
  o.encoding = "utf-16";
  CHECK(newsan::make_text_document(u16, "u", o).text == "Hi");
  o.encoding = "latin-1";
  CHECK(newsan::make_text_document("Montr\xE9" "al", "l", o).text == "Montr\xC3\xA9" "al");
  o.encoding = "windows-1252";
  CHECK(newsan::make_text_document("\x93quoted\x94", "w", o).text == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  o.encoding = "klingon";
  CHECK_THROWS_AS(newsan::make_text_document("x", "k", o), newsan::UsageError);
}

TEST_CASE("files: missing, directory, too large", "[reader]") {
  CHECK_THROWS_WITH(newsan::read_text_file("/nonexistent/zz.txt", {}), Contains("zz.txt: no such file"));
  CHECK_THROWS_WITH(newsan::read_text_file("/tmp", {}), Contains("is a directory"));
  newsan::ReadOptions small;
  small.max_bytes = 4;
  CHECK_THROWS_WITH(newsan::read_text_file(NEWSAN_TEST_DATA_DIR "/samples/harbour-strike.txt", small),
                    Contains("--max-bytes"));
}

TEST_CASE("empty input is an empty document", "[reader]") {
  auto d = newsan::make_text_document("", "e", {});
  CHECK(d.text.empty());
  CHECK_FALSE(d.title);
  CHECK(d.body.empty());
}

TEST_CASE("for_each_input: one unit per file, one per non-blank JSON Lines line, in order", "[reader][jsonl]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "newsan-test-for-each-input";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt", std::ios::binary) << "Ferry crews voted to strike.\n";
  std::ofstream(dir / "feed.jsonl", std::ios::binary)
      << "{\"text\": \"The mill reopened.\"}\n\n   \n{\"id\": \"k9\", \"text\": \"" << std::string(80, 'x')
      << "\"}\n{\"text\": \"Short.\", \"date\": \"2023-04-05\"}\n";
  std::vector<newsan::InputSpec> specs{{(dir / "a.txt").string(), false, {}},
                                       {(dir / "feed.jsonl").string(), true, {}},
                                       {(dir / "missing.jsonl").string(), true, {}},
                                       {(dir / "empty").string(), false, "empty: no input files"}};
  newsan::ReadOptions opt;
  opt.max_bytes = 60;  // the k9 line is longer
  std::vector<newsan::InputUnit> units;
  newsan::for_each_input(specs, opt, [&](newsan::InputUnit&& u) { units.push_back(std::move(u)); });
  REQUIRE(units.size() == 6);
  CHECK(units[0].line == 0);
  CHECK(newsan::read_input(units[0], opt).text == "Ferry crews voted to strike.\n");
  CHECK(units[1].id() == (dir / "feed.jsonl").string() + ":1");
  CHECK(newsan::read_input(units[1], opt).text == "The mill reopened.");
  CHECK(units[2].line == 4);
  CHECK(units[2].oversized);
  CHECK_THROWS_WITH(newsan::read_input(units[2], opt), Contains("feed.jsonl:4: line is longer"));
  auto dated = newsan::read_input(units[3], opt);
  CHECK(units[3].line == 5);
  CHECK(dated.date == "2023-04-05");
  CHECK(dated.date_origin == newsan::Origin::input);
  // A stream that cannot be opened is one unit, and reading it says why.
  CHECK(units[4].line == 0);
  CHECK_THROWS_AS(newsan::read_input(units[4], opt), newsan::InputError);
  CHECK(units[4].input == 2);
  CHECK_THROWS_WITH(newsan::read_input(units[5], opt), Contains("no input files"));
  fs::remove_all(dir);
}
