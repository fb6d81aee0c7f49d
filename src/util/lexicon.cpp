// The lexicon toolkit's out-of-line pieces (see lexicon.h).
#include "util/lexicon.h"

#include <utf8proc.h>

#include "util/utf8.h"

namespace newsan::lex {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  ascii_lower_in_place(out);
  return out;
}

void ascii_lower_in_place(std::string& s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) s[i] = ascii_lower(s[i]);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  const char first = ascii_lower(needle[0]);
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i)
    if (ascii_lower(hay[i]) == first && iequals(hay.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

void append_lower(std::string& out, std::string_view w) {
  for (std::size_t i = 0; i < w.size();) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c < 128) {
      out.push_back(ascii_lower(static_cast<char>(c)));
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data() + i),
                                          utf8proc_ssize_t(w.size() - i), &cp);
    if (n <= 0) {
      out.push_back(char(c));
      ++i;
      continue;
    }
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), std::size_t(m));
    i += std::size_t(n);
  }
}

std::string_view fold_short(std::string_view t, char (&buf)[32], std::string& spill) {
  bool ascii = t.size() < sizeof buf;
  for (char c : t)
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  if (ascii) {
    for (std::size_t i = 0; i < t.size(); ++i) buf[i] = ascii_lower(t[i]);
    return {buf, t.size()};
  }
  spill = utf8::fold(t);
  return spill;
}

}  // namespace newsan::lex
