// util/utf8.h — small UTF-8 helpers shared by the reader, tokenizer and extractors.
// Categories come from utf8proc; nothing here allocates except the *_copy helpers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsan::utf8 {

// Decodes one code point at s[i]; sets `len` to its byte length. Invalid or
// truncated sequences give U+FFFD with len = 1. Precondition: i < s.size().
char32_t decode(std::string_view s, std::size_t i, std::size_t& len);

// Offset of the first invalid byte, or npos when `s` is valid UTF-8
// (overlongs, surrogates and values above U+10FFFF are invalid).
std::size_t find_invalid(std::string_view s);

// Copy of `s` with every invalid sequence replaced by U+FFFD; `replaced` counts them.
std::string replace_invalid(std::string_view s, std::size_t& replaced);

void append(std::string& out, char32_t cp);

bool is_letter(char32_t cp);
bool is_upper(char32_t cp);   // Lu or Lt
bool is_lower(char32_t cp);
bool is_digit(char32_t cp);   // Nd
bool is_mark(char32_t cp);    // Mn, Mc, Me
bool is_space(char32_t cp);   // Zs, Zl, Zp and ASCII/Unicode line/tab controls
bool is_symbol(char32_t cp);  // Sc, Sm, Sk, So
bool is_currency(char32_t cp);// Sc

// Case-folded, NFC-normalized copy (for lookups): "Nicolás" -> "nicolás".
std::string fold(std::string_view s);
// Folded and with diacritics stripped (for matching variants): "Tocorón" -> "tocoron".
std::string fold_ascii(std::string_view s);

}  // namespace newsan::utf8
