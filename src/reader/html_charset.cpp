// reader/html_charset.cpp — decoding a page's bytes to UTF-8.
//
// A declared charset is converted by glibc's iconv (convert_to_utf8), after
// the few label mappings the HTML standard makes that iconv does not:
// ISO-8859-1/ASCII labels mean windows-1252, GB2312/GBK mean GB18030,
// Shift_JIS means Microsoft's CP932. A UTF-16 page is recognized by its byte
// order mark; a charset iconv does not know is refused with a message naming
// it, so no text is ever silently misread. Bytes that are valid UTF-8 are
// read as UTF-8 whatever the page declares.
#include <string>

#include "newsan/error.h"
#include "newsan/reader.h"
#include "reader/html_internal.h"
#include "util/utf8.h"

namespace newsan::html {
namespace {

// The iconv name for a declared charset label ("" = UTF-8).
std::string iconv_name(std::string_view label) {
  std::string c = lower(label);
  if (c.empty() || c == "utf-8" || c == "utf8" || c == "unicode-1-1-utf-8") return {};
  // WHATWG maps the ISO-8859-1 and ASCII labels to windows-1252.
  if (c == "us-ascii" || c == "ascii" || c == "iso-8859-1" || c == "iso8859-1" || c == "latin1" || c == "l1" ||
      c == "iso_8859-1" || c == "cp819" || c == "ibm819" || c == "x-cp1252" || c == "cp1252")
    return "windows-1252";
  if (c == "gb2312" || c == "gbk" || c == "x-gbk" || c == "chinese" || c == "csgb2312") return "GB18030";
  if (c == "shift_jis" || c == "sjis" || c == "x-sjis" || c == "ms_kanji" || c == "windows-31j") return "CP932";
  return std::string(label);
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
                          s[i] == '\f' || s[i] == '/'))
    ++i;
  return i;
}

// The value after "charset=" in `s` (quotes and separators stripped), or empty.
std::string_view charset_value(std::string_view s) {
  std::string ls = lower(s);
  std::size_t k = ls.find("charset");
  if (k == std::string::npos) return {};
  k = skip_space(ls, k + 7);
  if (k >= ls.size() || ls[k] != '=') return {};
  k = skip_space(ls, k + 1);
  if (k < ls.size() && (ls[k] == '"' || ls[k] == '\'')) ++k;
  std::size_t e = k;
  while (e < ls.size() && ls[e] != '"' && ls[e] != '\'' && ls[e] != ';' && ls[e] != ' ' &&
         ls[e] != '>' && ls[e] != '/' && ls[e] != '\t' && ls[e] != '\n' && ls[e] != '\r')
    ++e;
  return s.substr(k, e - k);
}

// Prescan in the spirit of the HTML spec's: the first <meta ...> tag naming
// a charset within the first 4 KB.
std::string declared_charset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  std::size_t i = 0;
  while ((i = head.find('<', i)) != std::string_view::npos) {
    if (head.compare(i, 4, "<!--") == 0) {
      std::size_t e = head.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    std::size_t e = head.find('>', i);
    if (e == std::string_view::npos) break;
    std::string_view tag = head.substr(i, e - i + 1);
    if (tag.size() > 5 && iequals(tag.substr(0, 5), "<meta")) {
      std::string_view v = charset_value(tag);
      if (!v.empty()) return std::string(v);
    }
    i = e + 1;
  }
  return {};
}

}  // namespace

std::string decode_page(std::string_view bytes, std::string_view name, std::string& charset,
                        std::size_t& replaced) {
  replaced = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    charset = "utf-8";
    return utf8::replace_invalid(bytes.substr(3), replaced);
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    charset = "utf-16";
    return utf8::replace_invalid(convert_to_utf8(bytes, "utf-16", std::string(name)), replaced);
  }
  // Valid UTF-8 is read as UTF-8 whatever the page declares: servers
  // mislabel, and a page converted with iconv keeps its old <meta charset>.
  if (utf8::find_invalid(bytes) == std::string_view::npos) {
    charset = "utf-8";
    return std::string(bytes);
  }
  std::string declared = declared_charset(bytes);
  std::string conv = iconv_name(declared);
  if (conv.empty()) {
    charset = "utf-8";
    return utf8::replace_invalid(bytes, replaced);
  }
  try {
    // Undecodable bytes are replaced and counted, as for UTF-8 pages.
    std::string text = convert_to_utf8(bytes, conv, std::string(name), &replaced);
    charset = lower(conv);
    return text;
  } catch (const UsageError&) {
  }
  throw InputError(std::string(name) + ": page declares charset '" + declared +
                   "', which iconv does not know; convert it to UTF-8 first");
}

}  // namespace newsan::html
