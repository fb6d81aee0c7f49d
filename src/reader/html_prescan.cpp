// reader/html_prescan.cpp — byte-level work on a page before gumbo parses
// it: recognizing HTML, skipping the bodies of scripts and styles, and
// estimating how deep elements nest.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "newsan/html.h"
#include "reader/html_internal.h"

namespace newsan {
namespace html {
namespace {

bool void_or_self_closing(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "!doctype"};
  for (std::string_view t : kTags)
    if (tag == t) return true;
  return false;
}

// Position just after the '>' that ends the tag opening at s[i], skipping
// quoted attribute values ('=' then a quote); s.size() when unterminated.
std::size_t tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  bool after_equals = false;
  for (std::size_t j = i + 1; j < s.size(); ++j) {
    char c = s[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '>') return j + 1;
    if ((c == '"' || c == '\'') && after_equals) {
      quote = c;
      after_equals = false;
      continue;
    }
    if (c == '=') after_equals = true;
    else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') after_equals = false;
  }
  return s.size();
}

}  // namespace

// Copy of the page without comments and without the contents of <script>
// (except JSON-LD) and <style> elements: they are never text, they are often
// half a news page's bytes, and gumbo tokenizes every byte of them. The
// elements themselves stay, so the parse is otherwise unchanged.
std::string drop_raw_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0, copied = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      std::size_t e = s.find("-->", i + 4);
      out.append(s.substr(copied, i - copied));
      copied = i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    std::string_view rest = s.substr(i + 1, 6);
    bool script = rest.size() == 6 && iequals(rest, "script");
    bool style = !script && rest.size() >= 5 && iequals(rest.substr(0, 5), "style");
    std::size_t after = i + 1 + (script ? 6 : 5);
    if ((!script && !style) || after >= s.size() ||
        !(s[after] == '>' || s[after] == ' ' || s[after] == '\t' || s[after] == '\n' || s[after] == '\r')) {
      // Any other tag: step over it whole, so a "<script" inside one of its
      // quoted attribute values (onclick="…") is not taken for a tag.
      i = i + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 1])) ? tag_end(s, i) : i + 1;
      continue;
    }
    std::size_t gt = s.find('>', after);
    if (gt == std::string_view::npos) break;
    if (script && icontains(s.substr(after, gt - after), "ld+json")) {
      i = gt + 1;
      continue;
    }
    std::size_t end = ifind(s, script ? "</script" : "</style", gt + 1);
    if (end == std::string_view::npos) break;
    out.append(s.substr(copied, gt + 1 - copied));
    copied = i = end;
  }
  out.append(s.substr(copied));
  return out;
}

// A quick upper estimate of element nesting: start tags minus end tags,
// skipping comments, void elements and the contents of script and style.
std::size_t nesting_estimate(std::string_view s) {
  std::size_t depth = 0, max_depth = 0, i = 0;
  std::string tag;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      std::size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    bool closing = i + 1 < s.size() && s[i + 1] == '/';
    std::size_t k = i + (closing ? 2 : 1);
    tag.clear();
    while (k < s.size() && tag.size() < 16 &&
           (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '!' || s[k] == '-'))
      tag.push_back(lex::ascii_lower(s[k++]));
    i = k;
    if (tag.empty() || void_or_self_closing(tag)) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    std::size_t gt = s.find('>', k);
    if (gt == std::string_view::npos) break;
    if (s[gt - 1] == '/') continue;
    if (tag == "script" || tag == "style") {
      std::size_t e = ifind(s, tag == "script" ? "</script" : "</style", gt);
      i = e == std::string_view::npos ? s.size() : e;
      continue;
    }
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

}  // namespace html

bool looks_like_html(std::string_view head, std::string_view path) {
  std::string p = html::lower(path);
  for (const char* ext : {".html", ".htm", ".xhtml", ".shtml"}) {
    std::size_t n = std::strlen(ext);
    if (p.size() >= n && p.compare(p.size() - n, n, ext) == 0) return true;
  }
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size()) {
    char c = head[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++i;
      continue;
    }
    if (head.compare(i, 4, "<!--") == 0) {
      std::size_t e = head.find("-->", i + 4);
      if (e == std::string_view::npos) return false;
      i = e + 3;
      continue;
    }
    break;
  }
  std::string_view rest = head.substr(std::min(i, head.size()));
  for (const char* start : {"<!doctype html", "<html", "<head", "<body", "<?xml"}) {
    std::size_t n = std::strlen(start);
    if (rest.size() >= n && html::iequals(rest.substr(0, n), start)) {
      if (std::strcmp(start, "<?xml") == 0) return html::icontains(head.substr(0, 1024), "<html");
      return true;
    }
  }
  return false;
}

}  // namespace newsan
