// newsan/tokenizer.h — tokens, sentences and paragraphs as byte spans.
//
//   newsan::Tokenized t = newsan::tokenize(doc.text);
//   for (const auto& s : t.sentences)
//     for (std::size_t i = s.first; i < s.last; ++i)
//       use(t.tokens[i].span.in(doc.text));
//
// Contract: tokens are in text order, never overlap, never include whitespace,
// and every byte of text that is not whitespace belongs to exactly one token.
// Sentences and paragraphs partition the token sequence in order. The
// function is pure and thread-safe. Its behaviour is versioned by
// kTokenizerVersion: any change to where tokens or sentences split bumps it.
//
// Token rules (v2):
//  - Word: letters/marks/digits, with internal hyphens ("large-scale",
//    "twenty-six", "mid-2024") and internal apostrophes ("O'Brien", "don't").
//    A possessive "'s" / "’s" / "s'" ending is split off as its own Word token
//    ("Venezuela" + "’s"); a detached "'s" (after a space) is one Word token too. Known abbreviations and initials keep their
//    period(s): "U.S.", "Mr.", "Jan.", "Gen.", "J.", "e.g.".
//  - Number: starts with a digit; digits with internal "," or "." separators
//    followed by a digit ("1,800", "2.5", "1.8"), plus any letters glued to the
//    end ("5bn", "1.8m", "1990s", "3rd", "20km"). No sign, no "%", no "$":
//    those are Symbol/Punct tokens of their own. "10-20" is Number, Punct, Number;
//    "8:30" is Number, Punct, Number; "3/4" is Number, Punct, Number.
//  - Url: "www.nytimes.com", "https://…", bare domains "nytimes.com".
//  - Email: "name@example.org".
//  - Symbol: currency and math signs ($ € £ ¥ % + = < > ~ # & @ …), one per token.
//  - Punct: everything else, one code point per token (quotes, dashes, brackets, . , ; : ! ?),
//    except runs of the same ASCII punctuation ("...", "--") which are one token.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "newsan/document.h"

namespace newsan {

// Versions: 1 first; 2 a detached "'s" is one token, a spaced closing quote before a line end
// stays in its sentence, lone CR line ends count as line breaks for paragraphs.
inline constexpr int kTokenizerVersion = 2;

enum class TokenKind : std::uint8_t { word, number, punct, symbol, url, email };

struct Token {
  Span span;
  TokenKind kind = TokenKind::word;
  bool space_before = false;     // whitespace (or start of text) precedes it
  bool newline_before = false;   // a line break precedes it
  bool capitalized = false;      // first letter is uppercase (Lu/Lt)
  bool all_caps = false;         // has letters and all of them are uppercase
  bool has_digit = false;

  std::string_view text(std::string_view doc) const { return span.in(doc); }
};

struct Sentence {
  Span span;               // first token start .. last token end
  std::size_t first = 0;   // index of the first token
  std::size_t last = 0;    // one past the last token
  std::size_t paragraph = 0;
};

struct Paragraph {
  Span span;
  std::size_t first_sentence = 0;
  std::size_t last_sentence = 0;  // one past
};

struct Tokenized {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
  std::size_t word_count = 0;  // tokens of kind word, number, url, email
};

// Tokenizes `text` (valid UTF-8). Precondition: `text` is valid UTF-8 (the reader guarantees it).
Tokenized tokenize(std::string_view text);

// Tokenizes and splits into sentences only the bytes in `region` of `text`;
// spans stay relative to `text`.
Tokenized tokenize(std::string_view text, Span region);

// Index of the sentence containing byte offset `pos` (or the nearest one before it).
std::size_t sentence_at(const Tokenized& t, std::size_t pos);

}  // namespace newsan
