// Bug: "1-1-1-…" (300,000 groups) took 204 s: every token start re-scanned the
// whole run of host characters looking for a domain name (quadratic).
#include <catch2/catch.hpp>

#include <string>

#include "newsan/tokenizer.h"

TEST_CASE("regression: long hyphenated digit runs tokenize in linear time", "[regression][tokenizer]") {
  std::string text = "1";
  for (int i = 0; i < 200000; ++i) text += "-1";
  // Linear: 400,001 tokens. The quadratic version did ~4e10 character steps here
  // (minutes); CTest's default timeout would fail it.
  auto t = newsan::tokenize(text);
  CHECK(t.tokens.size() == 400001);
  // A domain after such a run is still found.
  std::string mixed = text.substr(0, 41) + " see nytimes.com now";
  auto m = newsan::tokenize(mixed);
  bool url = false;
  for (const auto& tok : m.tokens) url = url || (tok.kind == newsan::TokenKind::url && tok.text(mixed) == "nytimes.com");
  CHECK(url);
}
