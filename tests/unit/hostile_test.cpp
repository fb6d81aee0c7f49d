// Library-level guarantees on hostile input (issue 7), checked as properties
// over generated texts: every span exact, JSON valid UTF-8 that parses,
// output deterministic, the tokenizer's contract kept. The checks are the
// fuzz targets' own (tests/fuzz/properties.h), so both agree on what holds.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "../fuzz/properties.h"
#include "newsan/analysis.h"
#include "newsan/error.h"
#include "newsan/reader.h"
#include "newsan/report.h"

namespace {

const newsan::Analyzer& analyzer() {
  static const newsan::Analyzer a(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return a;
}

std::string json_of(const newsan::Analysis& a) {
  std::ostringstream out;
  newsan::make_reporter(newsan::Format::json, {})->write(out, a, 0);
  return out.str();
}

// Texts glued from pieces that stress every stage: numbers, dates, names,
// abbreviations, quotes, brackets, line ends, non-ASCII letters and spaces.
std::string hostile_text(std::mt19937& rng, std::size_t pieces) {
  static const char* const kPieces[] = {
      "1,200", "3.5bn", "$", "40%", "10-20", "8:30", "1990s", "3rd", "1,1,1,1", "99999999999999999999999",
      "Mr.", "U.S.", "Dr.", "J.", "e.g.", "Jan.", "5 Jan. 2025", "last Monday", "2024-02-29", "March 4, 2024",
      "Valparaíso", "Andrés Muñoz", "Chile", "President", "The", "said", "more than", "about", "nearly", "workers",
      "“", "”", "‘", "’", "\"", "'", "(", ")", "[", "]", "{", "}", "—", "–", "-", "--", "...", ".", ",", ";", ":",
      "!", "?", "\n", "\r\n", "\r", "\n\n", "\t", " ", " ", " ", "\xc2\xa0", "\xe3\x80\x80", "\xe2\x80\xa8",
      "https://example.org/a?b=1", "www.example.org", "press@example.org", "Source:", "Original Source:",
      "日本", "Россия", "😀", "e\xcc\x81", "\xef\xbf\xbd", "#", "&", "@", "€", "£", "½", "²"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (std::size_t i = 0; i < pieces; ++i) {
    s += kPieces[pick(rng)];
    if (rng() % 3) s += ' ';
  }
  return s;
}

}  // namespace

TEST_CASE("every span is exact and the JSON valid on generated hostile texts", "[hostile][property]") {
  std::mt19937 rng(20241124);
  for (int round = 0; round < 300; ++round) {
    std::string text = hostile_text(rng, 1 + rng() % 120);
    auto doc = newsan::make_text_document(text, "gen.txt", {});
    if (round % 2) {
      doc.date = "2024-03-01";
      doc.date_origin = newsan::Origin::option;
    }
    INFO("text: " << text);
    auto t = newsan::tokenize(doc.text);
    REQUIRE(newsan::props::check_tokens(t, doc.text, {0, doc.text.size()}) == "");
    std::string json = json_of(analyzer().analyze(doc));
    REQUIRE(newsan::props::check_json_output(json, doc.text) == "");
    REQUIRE(json_of(analyzer().analyze(std::move(doc))) == json);  // deterministic
  }
}

TEST_CASE("a tokenizer region keeps the contract on generated texts", "[hostile][property][tokenizer]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string text = hostile_text(rng, 1 + rng() % 60);
    auto boundary = [&](std::size_t p) {
      while (p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) ++p;
      return p;
    };
    std::size_t a = boundary(rng() % (text.size() + 1)), b = boundary(rng() % (text.size() + 1));
    if (a > b) std::swap(a, b);
    INFO("text: " << text << " region " << a << ".." << b);
    REQUIRE(newsan::props::check_tokens(newsan::tokenize(text, {a, b}), text, {a, b}) == "");
  }
}

TEST_CASE("the property checks catch a wrong span", "[hostile][property]") {
  // The checker itself must be able to fail: a shifted slice, an out-of-range span.
  auto spans = [](const char* j) { return newsan::props::check_json_spans(nlohmann::json::parse(j), "abcdef"); };
  CHECK_FALSE(spans(R"({"figures": [{"start": 0, "end": 3, "text": "abd"}]})").empty());
  CHECK_FALSE(spans(R"({"figures": [{"start": 4, "end": 9, "text": "ef"}]})").empty());
  CHECK_FALSE(spans(R"({"dates": [{"start": 2, "end": 2, "text": ""}]})").empty());
  CHECK_FALSE(spans(R"({"body": {"start": -1, "end": 2}})").empty());
  CHECK(spans(R"({"figures": [{"start": 0, "end": 3, "text": "abc"}], "body": {"start": 6, "end": 6}})").empty());
  CHECK_FALSE(newsan::props::check_json_output("{\"a\": \"\xff\"}", "").empty());
  CHECK_FALSE(newsan::props::check_json_output("{\"a\": ", "").empty());
}

TEST_CASE("hostile shapes: deep nesting, huge numbers, repetition, one long line", "[hostile]") {
  const std::string shapes[] = {
      std::string(20000, '(') + "12 people" + std::string(20000, ')'),
      "He counted " + std::string(100000, '9') + " votes.",
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "1,"; return s + "1 people."; }(),
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "Mr. "; return s + "Smith said."; }(),
      [] { std::string s; for (int i = 0; i < 3000; ++i) s += "About 40 workers left Chile on Monday, Mr. Smith said. "; return s; }(),
  };
  for (const std::string& text : shapes) {
    auto doc = newsan::make_text_document(text, "shape.txt", {});
    auto a = analyzer().analyze(doc);
    CHECK(newsan::props::check_tokens(a.tokens, doc.text, {0, doc.text.size()}) == "");
    CHECK(newsan::props::check_json_output(json_of(a), doc.text) == "");
    for (const auto& f : a.figures.figures)
      if (f.span.size() >= 100000) CHECK_FALSE(f.value);  // out of range: null, never a wrong number
  }
}

TEST_CASE("reader errors name the input and the problem", "[hostile][reader]") {
  using Catch::Matchers::Contains;
  newsan::ReadOptions small;
  small.max_bytes = 10;
  CHECK_THROWS_WITH(newsan::read_text_file(NEWSAN_TEST_DATA_DIR "/samples/harbour-strike.txt", small),
                    Contains("harbour-strike.txt: input is 1441 bytes, larger than the limit of 10 bytes"));
  CHECK_THROWS_WITH(newsan::read_text_file(NEWSAN_TEST_DATA_DIR "/samples", {}), Contains("samples: is a directory"));
  CHECK_THROWS_WITH(newsan::read_text_file(NEWSAN_TEST_DATA_DIR "/no-such-file.txt", {}),
                    Contains("no-such-file.txt: no such file"));
  CHECK_THROWS_WITH(newsan::make_text_document(std::string("Some text here\0", 15), "n.txt", {}),
                    Contains("n.txt: binary data (NUL byte at byte offset 14)"));
  CHECK_THROWS_WITH(newsan::make_text_document("\xEF\xBB\xBF" "ab\xC3", "t.txt", {}),
                    Contains("t.txt: invalid UTF-8 at byte offset 5"));  // offsets count the BOM
}
