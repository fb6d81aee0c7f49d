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
// ASCII is decoded inline: tokenizer and extractors call this once per character.
char32_t decode_multibyte(std::string_view s, std::size_t i, std::size_t& len);
inline char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  return decode_multibyte(s, i, len);
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid.
// Precondition: i < s.size().
std::size_t valid_length(std::string_view s, std::size_t i);

// Offset of the first invalid byte, or npos when `s` is valid UTF-8
// (overlongs, surrogates and values above U+10FFFF are invalid).
std::size_t find_invalid(std::string_view s);

// Copy of `s` with every invalid sequence replaced by U+FFFD; `replaced` counts them.
std::string replace_invalid(std::string_view s, std::size_t& replaced);

void append(std::string& out, char32_t cp);

// Categories. ASCII is answered inline; the rest asks utf8proc (the *_nonascii
// functions, which assume cp >= 0x80).
bool is_letter_nonascii(char32_t cp);
bool is_upper_nonascii(char32_t cp);
bool is_lower_nonascii(char32_t cp);
bool is_digit_nonascii(char32_t cp);
bool is_space_nonascii(char32_t cp);

inline bool is_letter(char32_t cp) {
  return cp < 0x80 ? (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' : is_letter_nonascii(cp);
}
inline bool is_upper(char32_t cp) {  // Lu or Lt
  return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : is_upper_nonascii(cp);
}
inline bool is_lower(char32_t cp) { return cp < 0x80 ? cp >= 'a' && cp <= 'z' : is_lower_nonascii(cp); }
inline bool is_digit(char32_t cp) {  // Nd
  return cp < 0x80 ? cp >= '0' && cp <= '9' : is_digit_nonascii(cp);
}
// Zs, Zl, Zp and ASCII/Unicode line/tab controls
inline bool is_space(char32_t cp) {
  return cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D) : is_space_nonascii(cp);
}
bool is_mark(char32_t cp);    // Mn, Mc, Me
bool is_symbol(char32_t cp);  // Sc, Sm, Sk, So
bool is_currency(char32_t cp);// Sc

// Case-folded, NFC-normalized copy (for lookups): "Nicolás" -> "nicolás".
std::string fold(std::string_view s);
// Folded and with diacritics stripped (for matching variants): "Tocorón" -> "tocoron".
std::string fold_ascii(std::string_view s);

}  // namespace newsan::utf8
