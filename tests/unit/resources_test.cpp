#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "newsan/error.h"
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
