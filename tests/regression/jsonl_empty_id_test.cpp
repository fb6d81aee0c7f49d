// Bug: a JSON Lines record with "id": "" became a document with an empty id,
// so its output record (or error) named nothing. Found by `make fuzz`
// (target jsonl). An empty id now falls back to "<stream>:<line>".
#include <catch2/catch.hpp>

#include "newsan/batch.h"

TEST_CASE("jsonl_empty_id: an empty id falls back to stream and line", "[regression][jsonl]") {
  auto d = newsan::document_from_jsonl(R"({"id":"","text":"Workers returned."})", "feed.jsonl", 7, {});
  CHECK(d.id == "feed.jsonl:7");
  CHECK(newsan::document_from_jsonl(R"({"id":"a1","text":"x"})", "feed.jsonl", 8, {}).id == "a1");
}
