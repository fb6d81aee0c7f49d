// Bug: a JSON Lines line with invalid UTF-8 made nlohmann's parse error quote the
// raw bytes; the error record holding that message then failed to serialise and
// newsan stopped with "internal error", losing every record of the run.
// The message now names the byte offset and is itself valid UTF-8.
#include <catch2/catch.hpp>

#include "newsan/batch.h"
#include "newsan/error.h"
#include "util/utf8.h"

TEST_CASE("jsonl_invalid_utf8_message: the error names the offset and is UTF-8", "[regression][jsonl]") {
  std::string line = "{\"id\":\"k\",\"text\":\"caf\xE9 prices rose\"}";
  try {
    newsan::document_from_jsonl(line, "feed.jsonl", 3, {});
    FAIL("an invalid UTF-8 line was accepted");
  } catch (const newsan::InputError& e) {
    std::string what = e.what();
    CHECK(what.find("feed.jsonl:3") != std::string::npos);
    CHECK(what.find("invalid UTF-8 at byte offset 21") != std::string::npos);
    CHECK(newsan::utf8::find_invalid(what) == std::string::npos);
  }
}
