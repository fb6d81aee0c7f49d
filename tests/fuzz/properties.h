// tests/fuzz/properties.h — the guarantees newsan makes for every input,
// written once and checked by the fuzz targets, their replay tests and the
// unit tests. Each check returns an empty string when the property holds and
// otherwise a message saying what broke (the caller decides: abort or FAIL).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "newsan/tokenizer.h"
#include "util/utf8.h"

namespace newsan::props {

// Every object in `j` with integer "start"/"end" is a span of `text`:
// start <= end <= size; with a "text" member it is a finding, so start < end
// and the text equals the slice exactly.
inline std::string check_json_spans(const nlohmann::json& j, std::string_view text, std::string path = "$") {
  if (j.is_object()) {
    auto s = j.find("start"), e = j.find("end");
    if (s != j.end() && e != j.end() && s->is_number_integer() && e->is_number_integer()) {
      auto a = s->get<long long>(), b = e->get<long long>();
      auto t = j.find("text");
      bool finding = t != j.end();
      if (a < 0 || b > static_cast<long long>(text.size()) || a > b || (finding && a == b))
        return fmt::format("{}: span [{}, {}) out of range (text has {} bytes)", path, a, b, text.size());
      if (finding && (!t->is_string() || t->get<std::string>() != text.substr(static_cast<std::size_t>(a), static_cast<std::size_t>(b - a))))
        return fmt::format("{}: text {} differs from the slice [{}, {})", path, t->dump(), a, b);
    }
    for (auto it = j.begin(); it != j.end(); ++it)
      if (auto m = check_json_spans(*it, text, path + "." + it.key()); !m.empty()) return m;
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i)
      if (auto m = check_json_spans(j[i], text, fmt::format("{}[{}]", path, i)); !m.empty()) return m;
  }
  return {};
}

// `out` (a JSON document as printed) is valid UTF-8, parses, and its spans
// index `text`. `parsed` receives the parsed value.
inline std::string check_json_output(const std::string& out, std::string_view text, nlohmann::json* parsed = nullptr) {
  if (std::size_t bad = utf8::find_invalid(out); bad != std::string::npos)
    return fmt::format("JSON output is not valid UTF-8 at byte {}", bad);
  nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded()) return "JSON output does not parse";
  if (auto m = check_json_spans(j, text); !m.empty()) return m;
  if (j.contains("counts") && j["counts"].value("bytes", std::size_t{0}) != text.size())
    return "counts.bytes differs from the text size";
  if (parsed) *parsed = std::move(j);
  return {};
}

// The tokenizer's contract (tokenizer.h) for tokenize(text, region).
inline std::string check_tokens(const Tokenized& t, std::string_view text, Span region) {
  std::size_t pos = region.start, words = 0;
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    const Span s = t.tokens[i].span;
    if (s.start < pos || s.end <= s.start || s.end > region.end)
      return fmt::format("token {} [{}, {}) out of order or out of the region", i, s.start, s.end);
    // The bytes between tokens are whitespace; the token holds none.
    for (std::size_t k = pos; k < s.end;) {
      std::size_t len = 1;
      char32_t c = utf8::decode(text, k, len);
      bool space = utf8::is_space(c) || c == 0;
      if (k < s.start && !space) return fmt::format("byte {} is neither whitespace nor in a token", k);
      if (k >= s.start && space) return fmt::format("token {} [{}, {}) holds whitespace at {}", i, s.start, s.end, k);
      if (k < s.start && k + len > s.start) return fmt::format("token {} starts inside a code point", i);
      k += len;
      if (k > s.end && k - len < s.end) return fmt::format("token {} ends inside a code point", i);
    }
    pos = s.end;
    auto kind = t.tokens[i].kind;
    words += kind == TokenKind::word || kind == TokenKind::number || kind == TokenKind::url || kind == TokenKind::email;
  }
  for (std::size_t k = pos; k < region.end;) {
    std::size_t len = 1;
    char32_t c = utf8::decode(text, k, len);
    if (!(utf8::is_space(c) || c == 0)) return fmt::format("byte {} after the last token is not whitespace", k);
    k += len;
  }
  if (words != t.word_count) return fmt::format("word_count {} but {} word tokens", t.word_count, words);
  // Sentences partition the tokens, paragraphs partition the sentences.
  std::size_t next = 0;
  for (std::size_t i = 0; i < t.sentences.size(); ++i) {
    const Sentence& s = t.sentences[i];
    if (s.first != next || s.last <= s.first || s.last > t.tokens.size())
      return fmt::format("sentence {} covers tokens [{}, {}), expected to start at {}", i, s.first, s.last, next);
    if (s.span.start != t.tokens[s.first].span.start || s.span.end != t.tokens[s.last - 1].span.end)
      return fmt::format("sentence {} span is not its tokens' span", i);
    if (s.paragraph >= t.paragraphs.size()) return fmt::format("sentence {} names no paragraph", i);
    next = s.last;
  }
  if (next != t.tokens.size()) return fmt::format("sentences end at token {} of {}", next, t.tokens.size());
  next = 0;
  for (std::size_t i = 0; i < t.paragraphs.size(); ++i) {
    const Paragraph& p = t.paragraphs[i];
    if (p.first_sentence != next || p.last_sentence <= p.first_sentence || p.last_sentence > t.sentences.size())
      return fmt::format("paragraph {} covers sentences [{}, {}), expected to start at {}", i, p.first_sentence,
                         p.last_sentence, next);
    for (std::size_t k = p.first_sentence; k < p.last_sentence; ++k)
      if (t.sentences[k].paragraph != i) return fmt::format("sentence {} is in paragraph {}, not {}", k, t.sentences[k].paragraph, i);
    next = p.last_sentence;
  }
  if (next != t.sentences.size()) return fmt::format("paragraphs end at sentence {} of {}", next, t.sentences.size());
  return {};
}

}  // namespace newsan::props
