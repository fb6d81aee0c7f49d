#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "newsan/error.h"
#include "newsan/dates.h"
#include "newsan/ner.h"
#include "newsan/reader.h"
#include "newsan/resources.h"

using Catch::Matchers::Contains;
namespace fs = std::filesystem;

static fs::path write_tmp(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / ("newsan-test-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

TEST_CASE("lexicon files are validated", "[resources]") {
  auto ok = write_tmp("ok.tsv", "# newsan-lexicon 1 demo\n# comment\n\nabout\tapproximately\nover\tmore_than\n");
  auto rows = newsan::load_lexicon(ok, "demo", 2);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields[1] == "more_than");
  CHECK(rows[1].line == 5);
  CHECK_THROWS_WITH(newsan::load_lexicon(ok, "other", 2), Contains("expected 'other'"));
  auto foreign = write_tmp("foreign.tsv", "hello\tworld\n");
  CHECK_THROWS_WITH(newsan::load_lexicon(foreign, "demo", 1), Contains("not a newsan lexicon"));
  auto short_row = write_tmp("short.tsv", "# newsan-lexicon 1 demo\nonly-one\n");
  CHECK_THROWS_WITH(newsan::load_lexicon(short_row, "demo", 2), Contains(":2: expected at least 2"));
  CHECK_THROWS_AS(newsan::load_lexicon("/nonexistent.tsv", "demo", 1), newsan::FormatError);
}

TEST_CASE("data directory lookup", "[resources]") {
  CHECK_THROWS_AS(newsan::DataDir::locate(std::string("/tmp"), nullptr), newsan::FormatError);
  auto d = newsan::DataDir::locate(std::string(NEWSAN_TEST_DATA_DIR), nullptr);
  CHECK(d.has("schema/newsan-output.schema.json"));
  CHECK_THROWS_AS(d.file("no/such/file"), newsan::FormatError);
}

TEST_CASE("a Resources loads each file once and shares what it loaded", "[resources]") {
  // A data directory of its own, so that a file can change under it.
  fs::path dir = fs::temp_directory_path() / "newsan-test-resources-once";
  fs::remove_all(dir);
  fs::create_directories(dir / "lexicon");
  std::ofstream(dir / "lexicon" / "demo.tsv", std::ios::binary) << "# newsan-lexicon 1 demo\nfirst\n";
  newsan::Resources res{newsan::DataDir(dir)};
  const auto& rows = res.lexicon("lexicon/demo.tsv", "demo", 1);
  REQUIRE(rows.size() == 1);
  // Rewritten (even broken) after the first read: the Resources keeps what it read.
  std::ofstream(dir / "lexicon" / "demo.tsv", std::ios::binary) << "broken\n";
  const auto& again = res.lexicon("lexicon/demo.tsv", "demo", 1);
  CHECK(&again == &rows);
  CHECK(again[0].fields[0] == "first");
  // A new Resources reads the file anew, and names it when it is bad.
  newsan::Resources fresh{newsan::DataDir(dir)};
  CHECK_THROWS_WITH(fresh.lexicon("lexicon/demo.tsv", "demo", 1), Contains("demo.tsv"));
  // A failed load is not kept: the next call tries again.
  std::ofstream(dir / "lexicon" / "demo.tsv", std::ios::binary) << "# newsan-lexicon 1 demo\nsecond\n";
  CHECK(fresh.lexicon("lexicon/demo.tsv", "demo", 1)[0].fields[0] == "second");
  // No syntax model in this directory: analysis runs without parses.
  CHECK(res.syntax_model() == nullptr);
  CHECK_THROWS_AS(res.ner_tagger(), newsan::FormatError);
  fs::remove_all(dir);
}

TEST_CASE("the HTML reader and the date-line reader are made once per Resources", "[resources]") {
  newsan::Resources res{newsan::DataDir(NEWSAN_TEST_DATA_DIR)};
  auto html = res.html_reader();
  REQUIRE(html != nullptr);
  CHECK(res.html_reader() == html);
  CHECK(res.date_lines() == res.date_lines());
  CHECK(&res.number_words() == &res.number_words());
  // One dates lexicon read serves the date lines and the date extractor.
  const auto* dates = &res.lexicon("lexicon/dates-en.tsv", "dates", 2);
  newsan::DateExtractor extractor(res);
  CHECK(&res.lexicon("lexicon/dates-en.tsv", "dates", 2) == dates);
}

TEST_CASE("an HTML page without an HTML reader is refused, not read by a hidden one", "[resources]") {
  auto page = write_tmp("no-reader.html", "<html><body><p>A page of my own.</p></body></html>");
  newsan::ReadOptions opt;
  CHECK_THROWS_AS(newsan::read_document_file(page.string(), opt), newsan::UsageError);
  newsan::Resources res{newsan::DataDir(NEWSAN_TEST_DATA_DIR)};
  opt.html = res.html_reader();
  CHECK(newsan::read_document_file(page.string(), opt).format == "html");
}
