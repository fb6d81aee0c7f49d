#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsan/tokenizer.h"

using newsan::TokenKind;

static std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : newsan::tokenize(text).tokens) out.emplace_back(t.text(text));
  return out;
}

TEST_CASE("tokens are exact byte spans and cover all non-space text", "[tokenizer]") {
  std::string text = "Venezuela\xE2\x80\x99s President Nicol\xC3\xA1s Maduro freed 131 prisoners.";
  auto t = newsan::tokenize(text);
  std::size_t covered = 0;
  for (const auto& tok : t.tokens) {
    REQUIRE(tok.span.start < tok.span.end);
    REQUIRE(tok.span.end <= text.size());
    covered += tok.span.size();
  }
  std::size_t spaces = 0;
  for (char c : text) spaces += c == ' ';
  CHECK(covered + spaces == text.size());
}

TEST_CASE("curly and straight possessives are split off", "[tokenizer]") {
  CHECK(words("Venezuela\xE2\x80\x99s crisis") ==
        std::vector<std::string>{"Venezuela", "\xE2\x80\x99s", "crisis"});
  CHECK(words("Maduro's move") == std::vector<std::string>{"Maduro", "'s", "move"});
  CHECK(words("O'Brien said") == std::vector<std::string>{"O'Brien", "said"});
}

TEST_CASE("accented words stay whole", "[tokenizer]") {
  CHECK(words("Toco\xC3\xB3n Prison") == std::vector<std::string>{"Toco\xC3\xB3n", "Prison"});
}

TEST_CASE("numbers with separators, decimals and glued units", "[tokenizer]") {
  CHECK(words("1,800 and 2.5 and 30% of $5bn") ==
        std::vector<std::string>{"1,800", "and", "2.5", "and", "30", "%", "of", "$", "5bn"});
  auto t = newsan::tokenize("costs $5bn");
  CHECK(t.tokens[1].kind == TokenKind::symbol);
  CHECK(t.tokens[2].kind == TokenKind::number);
  CHECK(words("10-20 at 8:30") == std::vector<std::string>{"10", "-", "20", "at", "8", ":", "30"});
  CHECK(words("in 2025.") == std::vector<std::string>{"in", "2025", "."});
}

TEST_CASE("hyphenated words are one token", "[tokenizer]") {
  CHECK(words("a large-scale crackdown, twenty-six") ==
        std::vector<std::string>{"a", "large-scale", "crackdown", ",", "twenty-six"});
}

TEST_CASE("abbreviations keep their period and do not end sentences", "[tokenizer]") {
  std::string text = "Mr. Smith met Gen. Lee in the U.S. on Jan. 5. They talked.";
  auto t = newsan::tokenize(text);
  CHECK(words(text)[0] == "Mr.");
  CHECK(words(text)[3] == "Gen.");
  CHECK(words(text)[7] == "U.S.");
  CHECK(words(text)[9] == "Jan.");
  REQUIRE(t.sentences.size() == 2);
  CHECK(t.sentences[1].span.in(text) == "They talked.");
}

TEST_CASE("domains, URLs and e-mail addresses are single tokens", "[tokenizer]") {
  std::string text = "Original Source: www.nytimes.com. See https://example.org/a?b=1, or mail news@example.com.";
  auto t = newsan::tokenize(text);
  std::vector<std::pair<std::string, TokenKind>> found;
  for (const auto& tok : t.tokens)
    if (tok.kind == TokenKind::url || tok.kind == TokenKind::email) found.emplace_back(tok.text(text), tok.kind);
  REQUIRE(found.size() == 3);
  CHECK(found[0].first == "www.nytimes.com");
  CHECK(found[1].first == "https://example.org/a?b=1");
  CHECK(found[2].first == "news@example.com");
  CHECK(found[2].second == TokenKind::email);
  CHECK(words("nytimes.com reported") == std::vector<std::string>{"nytimes.com", "reported"});
}

TEST_CASE("sentences and paragraphs", "[tokenizer]") {
  std::string text = "Headline Here\n\nFirst sentence. Second one! \"Third?\" he asked.\n\nNew paragraph.";
  auto t = newsan::tokenize(text);
  REQUIRE(t.paragraphs.size() == 3);
  REQUIRE(t.sentences.size() == 5);
  CHECK(t.sentences[0].span.in(text) == "Headline Here");
  CHECK(t.sentences[3].span.in(text) == "\"Third?\" he asked.");
  CHECK(t.sentences[4].paragraph == 2);
  // without blank lines, every line is a paragraph
  auto u = newsan::tokenize(std::string_view("One line.\nAnother line."));
  CHECK(u.paragraphs.size() == 2);
  // a wrapped line that continues in lowercase stays in its sentence
  auto w = newsan::tokenize(std::string_view("The talks were\ncontinued today."));
  CHECK(w.sentences.size() == 1);
}

TEST_CASE("empty and whitespace input", "[tokenizer]") {
  CHECK(newsan::tokenize("").tokens.empty());
  auto t = newsan::tokenize(" \n\t ");
  CHECK(t.tokens.empty());
  CHECK(t.sentences.empty());
  CHECK(t.word_count == 0);
}

TEST_CASE("long runs stay linear and split into bounded sentences", "[tokenizer]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "word ";
  auto t = newsan::tokenize(text);
  CHECK(t.tokens.size() == 20000);
  for (const auto& s : t.sentences) CHECK(s.last - s.first <= 400);
}

TEST_CASE("sentence_at finds the sentence of an offset", "[tokenizer]") {
  std::string text = "One. Two. Three.";
  auto t = newsan::tokenize(text);
  REQUIRE(t.sentences.size() == 3);
  CHECK(newsan::sentence_at(t, 0) == 0);
  CHECK(newsan::sentence_at(t, 6) == 1);
  CHECK(newsan::sentence_at(t, 15) == 2);
}

TEST_CASE("detached possessives and spaced closing quotes (tokenizer v2)", "[tokenizer]") {
  CHECK(words("Venezuela 's leader") == std::vector<std::string>{"Venezuela", "'s", "leader"});
  CHECK(words("the 'sorry' note") == std::vector<std::string>{"the", "'", "sorry", "'", "note"});
  std::string text = "He said it was over . \"\nNext line here .";
  auto t = newsan::tokenize(text);
  REQUIRE(t.sentences.size() == 2);
  CHECK(t.sentences[0].span.in(text) == "He said it was over . \"");
}

TEST_CASE("blank lines separate paragraphs with LF, CRLF and lone CR line ends", "[tokenizer]") {
  for (std::string nl : {"\n", "\r\n", "\r"}) {
    std::string text = "First paragraph here." + nl + "Still the first." + nl + nl + "Second paragraph.";
    auto t = newsan::tokenize(text);
    CHECK(t.paragraphs.size() == 2);
    CHECK(t.sentences.size() == 3);
  }
}
