// reader/html_meta.cpp — a page's metadata: title, authors, publication date,
// site name, canonical URL, language; plus the small DOM helpers the other
// HTML files share.
//
// Sources, strongest first: schema.org JSON-LD (NewsArticle & co., parsed
// with nlohmann/json), Open Graph / article: / Dublin Core <meta> tags,
// <link rel=canonical>, <time datetime>, then visible elements (<h1>, byline).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "util/calendar.h"
#include "reader/html_internal.h"
#include "util/utf8.h"

namespace newsan::html {

std::string_view attr(const GumboNode* n, const char* name) {
  if (n == nullptr || n->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a != nullptr && a->value != nullptr ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboNode* n, const char* name) {
  return n != nullptr && n->type == GUMBO_NODE_ELEMENT &&
         gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

bool icontains(std::string_view hay, std::string_view needle) {
  return ifind(hay, needle) != std::string_view::npos;
}

void append_collapsed(std::string& out, std::string_view s) {
  bool space = out.empty() || out.back() == ' ' || out.back() == '\n';
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    std::size_t len = 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;  // NBSP
      len = 2;
    }
    if (ws) {
      if (!space) out.push_back(' ');
      space = true;
      i += len - 1;
    } else {
      out.push_back(s[i]);
      space = false;
    }
  }
}

bool has_word(std::string_view list, std::string_view word) {
  std::size_t i = 0;
  while (i < list.size()) {
    std::size_t e = list.find(' ', i);
    if (e == std::string_view::npos) e = list.size();
    if (list.substr(i, e - i) == word) return true;
    i = e + 1;
  }
  return false;
}


namespace {

void text_rec(const GumboNode* n, std::string& out, int depth) {
  if (depth > 200) return;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
      n->type == GUMBO_NODE_WHITESPACE) {
    append_collapsed(out, n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
  GumboTag t = n->v.element.tag;
  // An icon's <svg> carries <title>/<desc> text ("Created with Sketch.") no reader sees.
  if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_SVG ||
      t == GUMBO_TAG_MATH)
    return;
  const GumboVector& ch = n->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i)
    text_rec(static_cast<const GumboNode*>(ch.data[i]), out, depth + 1);
  // A <time> too: two side by side are two dates ("6:03 pm" "November 8, 2023").
  if (t == GUMBO_TAG_BR || t == GUMBO_TAG_P || t == GUMBO_TAG_DIV || t == GUMBO_TAG_LI || t == GUMBO_TAG_TIME)
    append_collapsed(out, " ");
}

}  // namespace

std::string text_of(const GumboNode* n) {
  std::string out;
  text_rec(n, out, 0);
  return trim(out);
}

namespace {

using nlohmann::json;

// Leading "YYYY-MM-DD" of an ISO date or date-time, validated; empty otherwise.
std::string iso_day(std::string_view s) {
  std::string t = trim(s);
  if (t.size() < 10) return {};
  std::string d = t.substr(0, 10);
  int y = 0, m = 0, day = 0;
  if (!parse_iso_date(d, y, m, day) || y < 1900) return {};  // "0001-01-01": a placeholder
  if (t.size() > 10 && t[10] != 'T' && t[10] != ' ' && t[10] != 't') return {};
  return d;
}

// A machine-readable date-time: its day, its clock time as minutes since
// 1970 on that day's local clock, and its UTC offset when one is written.
struct Stamp {
  std::string day;
  bool clock = false, zoned = false;
  long minutes = 0;
  int seconds = -1, offset = 0;
};

Stamp stamp(std::string_view s) {
  Stamp st;
  std::string t = trim(s);
  st.day = iso_day(t);
  int y = 0, mo = 0, d = 0;
  auto two = [&](std::size_t i) {
    return i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) &&
                   std::isdigit(static_cast<unsigned char>(t[i + 1]))
               ? (t[i] - '0') * 10 + (t[i + 1] - '0')
               : -1;
  };
  if (st.day.empty() || !parse_iso_date(st.day, y, mo, d) || t.size() < 16 || t[13] != ':') return st;
  int h = two(11), mi = two(14);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return st;
  st.clock = true;
  st.minutes = cal::to_days({y, mo, d}) * 1440 + h * 60 + mi;
  std::size_t i = 16;
  if (i < t.size() && t[i] == ':' && two(i + 1) >= 0) {
    st.seconds = two(i + 1);
    i += 3;
  }
  while (i < t.size() && (t[i] == '.' || std::isdigit(static_cast<unsigned char>(t[i])))) ++i;
  if (i < t.size() && (t[i] == 'Z' || t[i] == 'z')) {
    st.zoned = true;
  } else if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
    int oh = two(i + 1);
    std::size_t k = i + 3 < t.size() && t[i + 3] == ':' ? i + 4 : i + 3;
    int om = two(k);
    if (oh >= 0 && oh <= 14 && om >= 0 && om < 60) {
      st.zoned = true;
      st.offset = (t[i] == '-' ? -1 : 1) * (oh * 60 + om);
    }
  }
  return st;
}

// The publisher's local day of `first`: sites often state the publication
// time in UTC in their metadata and the same instant on their own clock in a
// <time> element (with its offset, or without one but with the same minutes
// and seconds a whole or half number of hours away).
std::string local_day(const std::string& first, const std::vector<std::string>& others) {
  Stamp f = stamp(first);
  if (!f.clock || !f.zoned || f.offset != 0) return f.day;
  for (const std::string& o : others) {
    Stamp s = stamp(o);
    if (!s.clock || s.day.empty() || s.day == f.day) continue;
    if (s.zoned && s.offset != 0 && s.minutes - s.offset == f.minutes) return s.day;
    long diff = s.minutes - f.minutes;
    if (!s.zoned && s.seconds >= 0 && s.seconds == f.seconds && diff != 0 && std::labs(diff) <= 14 * 60 && diff % 30 == 0)
      return s.day;
  }
  return f.day;
}

bool is_url(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://" || s.substr(0, 1) == "/";
}

bool article_type(const json& t) {
  auto one = [](const std::string& s) {
    return s.find("Article") != std::string::npos || s == "BlogPosting" ||
           s == "SocialMediaPosting" || s == "LiveBlogPosting" || s == "Report" ||
           s == "AnalysisNewsArticle" || s == "OpinionNewsArticle";
  };
  if (t.is_string()) return one(t.get<std::string>());
  if (t.is_array())
    for (const auto& x : t)
      if (x.is_string() && one(x.get<std::string>())) return true;
  return false;
}

std::string json_str(const json& j) {
  if (j.is_string()) return trim(j.get<std::string>());
  if (j.is_object() && j.contains("name")) return json_str(j["name"]);
  if (j.is_array() && !j.empty()) return json_str(j[0]);
  return {};
}

void add_author(std::vector<std::string>& authors, std::string name) {
  name = trim(name);
  if (name.empty() || name.size() > 80 || is_url(name)) return;
  if (std::find(authors.begin(), authors.end(), name) == authors.end())
    authors.push_back(std::move(name));
}

void json_authors(const json& a, std::vector<std::string>& out) {
  if (a.is_array()) {
    for (const auto& x : a) json_authors(x, out);
  } else if (a.is_string()) {
    add_author(out, a.get<std::string>());
  } else if (a.is_object() && a.contains("name")) {
    add_author(out, json_str(a["name"]));
  }
}

struct LdArticle {
  std::string headline, date, created, site, url, body;
  std::vector<std::string> authors;
  bool found = false;
};

void scan_ld(const json& j, LdArticle& ld, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& x : j) scan_ld(x, ld, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  if (j.contains("@graph")) scan_ld(j["@graph"], ld, depth + 1);
  if (!j.contains("@type") || !article_type(j["@type"]) || ld.found) return;
  ld.found = true;
  if (j.contains("headline")) ld.headline = json_str(j["headline"]);
  if (j.contains("datePublished")) ld.date = json_str(j["datePublished"]);
  if (j.contains("dateCreated")) ld.created = json_str(j["dateCreated"]);
  if (j.contains("author")) json_authors(j["author"], ld.authors);
  if (j.contains("publisher")) ld.site = json_str(j["publisher"]);
  if (j.contains("url")) ld.url = json_str(j["url"]);
  if (j.contains("articleBody")) ld.body = json_str(j["articleBody"]);
}

// JSON-LD blocks often hold raw newlines/tabs inside strings, which strict
// JSON refuses; browsers' consumers accept them, so blank them out.
std::string relax_json(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return r;
}

struct Collected {
  std::string lang, title, h1, canonical, itemprop_date, byline, rel_author;
  std::vector<std::string> itemprop_authors;  // schema.org microdata: itemprop="author" (its name)
  std::vector<std::string> time_dates;  // every <time datetime>, raw, in page order
  std::vector<std::string> date_lines;
  std::vector<std::size_t> date_line_at;  // the element count where each date line was met
  std::vector<std::pair<std::size_t, std::string>> h1s;  // <h1> and headline-class elements: where, text
  // Short elements of text with a digit ("<h6>January 10, 2020</h6>"): their own text, where met.
  std::vector<std::pair<std::size_t, std::string>> leaf_lines;
  std::size_t seen = 0;                    // elements visited so far (page order)
  std::vector<std::pair<std::string, std::string>> metas;  // lowercased key, content
  std::vector<std::string> ld_blocks;
};

bool class_has(const GumboNode* n, const std::vector<std::string>& words) {
  std::string ci = lower(attr(n, "class"));
  ci += ' ';
  ci += lower(attr(n, "id"));
  for (const auto& w : words)
    if (ci.find(w) != std::string::npos) return true;
  return false;
}

// The text ends with a by-word ("Article by", "Written by"): a label before the names.
bool ends_with_by_prefix(std::string_view b, const MetaHints& hints) {
  b = lex::trim(b);  // a view, not html::trim's copy: b must outlive this line
  for (const auto& p : hints.by_prefix)
    if (b.size() >= p.size() && iequals(b.substr(b.size() - p.size()), p) &&
        (b.size() == p.size() || b[b.size() - p.size() - 1] == ' '))
      return true;
  return false;
}

// The first descendant (depth-first, at most 6 levels down) with itemprop `prop`.
const GumboNode* find_itemprop(const GumboNode* n, std::string_view prop, int level) {
  if (level > 6 || n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& ch = n->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) {
    auto* k = static_cast<const GumboNode*>(ch.data[i]);
    if (k->type != GUMBO_NODE_ELEMENT) continue;
    if (has_word(attr(k, "itemprop"), prop)) return k;
    if (const GumboNode* f = find_itemprop(k, prop, level + 1)) return f;
  }
  return nullptr;
}

constexpr std::size_t kMaxDateLines = 24;

// Keeps the element's text as a possible date line when it is short.
bool add_date_line(Collected& c, const GumboNode* n) {
  if (c.date_lines.size() >= kMaxDateLines) return false;
  std::string t = text_of(n);
  if (t.size() < 6 || t.size() > 120) return false;
  c.date_lines.push_back(std::move(t));
  c.date_line_at.push_back(c.seen);
  return true;
}

// How many elements after the headline a plain date line may stand
// ("<h6>January 10, 2020 9:00AM</h6>" under the byline, after share buttons).
constexpr std::size_t kDateLineReach = 120;
constexpr std::size_t kDateLineReachBefore = 40;  // above it (a kicker with the date)
constexpr std::size_t kMaxLeafLines = 256;

// Keeps the own text of a short element with a digit in it: after the
// headline it may be a date line without a date class or <time>
// ("<p>October 22, 2019 <a>report</a></p>"). The reader keeps such a line only
// when it reads as a whole date.
void add_leaf_line(Collected& c, const GumboNode* n) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_SPAN: case GUMBO_TAG_DIV: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_SMALL: case GUMBO_TAG_LI: case GUMBO_TAG_EM: case GUMBO_TAG_STRONG:
      break;
    default:
      return;
  }
  if (c.leaf_lines.size() >= kMaxLeafLines) return;
  const GumboVector& ch = n->v.element.children;
  std::string own;
  bool digit = false;
  for (unsigned i = 0; i < ch.length; ++i) {
    auto* k = static_cast<const GumboNode*>(ch.data[i]);
    if (k->type != GUMBO_NODE_TEXT) continue;
    std::string_view s = k->v.text.text;
    if (own.size() + s.size() > 120) return;
    append_collapsed(own, s);
    append_collapsed(own, " ");
    for (char x : s) digit = digit || (x >= '0' && x <= '9');
  }
  if (!digit) return;
  std::string t = trim(own);
  if (t.size() >= 6) c.leaf_lines.emplace_back(c.seen, std::move(t));
}

void collect(const GumboNode* root, const MetaHints& hints, Collected& c) {
  std::vector<std::pair<const GumboNode*, int>> stack{{root, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT || depth > 400) continue;
    ++c.seen;
    GumboTag t = n->v.element.tag;
    switch (t) {
      case GUMBO_TAG_HTML:
        if (c.lang.empty()) c.lang = trim(attr(n, "lang"));
        if (c.lang.empty()) c.lang = trim(attr(n, "xml:lang"));
        break;
      case GUMBO_TAG_TITLE:
        if (c.title.empty()) c.title = text_of(n);
        continue;
      case GUMBO_TAG_H1:
        if (c.h1s.size() < 16) c.h1s.emplace_back(c.seen, text_of(n));
        if (c.h1.empty()) c.h1 = text_of(n);
        break;
      case GUMBO_TAG_META: {
        std::string_view key = attr(n, "property");
        if (key.empty()) key = attr(n, "name");
        if (key.empty()) key = attr(n, "itemprop");
        if (key.empty()) key = attr(n, "http-equiv");
        std::string_view content = attr(n, "content");
        if (!key.empty() && !content.empty()) c.metas.emplace_back(lower(trim(key)), trim(content));
        continue;
      }
      case GUMBO_TAG_LINK: {
        std::string rel = lower(attr(n, "rel"));
        if (rel == "canonical" && c.canonical.empty()) c.canonical = trim(attr(n, "href"));
        continue;
      }
      case GUMBO_TAG_SCRIPT:
        if (icontains(attr(n, "type"), "ld+json")) {
          std::string s;
          const GumboVector& ch = n->v.element.children;
          for (unsigned i = 0; i < ch.length; ++i) {
            auto* k = static_cast<const GumboNode*>(ch.data[i]);
            if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE) s += k->v.text.text;
          }
          c.ld_blocks.push_back(std::move(s));
        }
        continue;
      case GUMBO_TAG_STYLE:
        continue;
      case GUMBO_TAG_TIME:
        if (c.time_dates.size() < 32 && !attr(n, "datetime").empty()) c.time_dates.push_back(trim(attr(n, "datetime")));
        add_date_line(c, n);
        break;
      case GUMBO_TAG_A:
        if (c.rel_author.empty() && lower(attr(n, "rel")) == "author") c.rel_author = text_of(n);
        break;
      default:
        break;
    }
    if (c.itemprop_date.empty() && has_word(attr(n, "itemprop"), "datePublished")) {
      c.itemprop_date = trim(attr(n, "datetime"));
      if (iso_day(c.itemprop_date).empty()) c.itemprop_date = trim(attr(n, "content"));
    }
    if (t != GUMBO_TAG_BODY && t != GUMBO_TAG_ARTICLE &&
        t != GUMBO_TAG_TIME && class_has(n, hints.date_class))
      add_date_line(c, n);
    else
      add_leaf_line(c, n);
    if (c.byline.empty() && t != GUMBO_TAG_BODY && t != GUMBO_TAG_ARTICLE &&
        class_has(n, hints.byline)) {
      std::string b = text_of(n);
      // A label alone ("Article by", "Written by") is not the byline: the names follow it.
      if (!b.empty() && b.size() < 120 && !ends_with_by_prefix(b, hints)) c.byline = std::move(b);
    }
    if (t != GUMBO_TAG_H1 && t != GUMBO_TAG_BODY && c.h1s.size() < 16 && class_has(n, hints.headline_class)) {
      std::string h = text_of(n);
      if (!h.empty() && h.size() < 400) c.h1s.emplace_back(c.seen, std::move(h));
    }
    if (c.itemprop_authors.size() < 8 && has_word(attr(n, "itemprop"), "author")) {
      const GumboNode* name = find_itemprop(n, "name", 0);
      std::string a = text_of(name ? name : n);
      if (!a.empty() && a.size() < 80) c.itemprop_authors.push_back(std::move(a));
    }
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;)
      stack.emplace_back(static_cast<const GumboNode*>(ch.data[i]), depth + 1);
  }
}

const std::string* meta(const Collected& c, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    for (const auto& [key, value] : c.metas)
      if (key == k && !value.empty()) return &value;
  return nullptr;
}

// Separators sites put between headline and site name in <title>.
constexpr const char* kTitleSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "};

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char ch : s) {
    bool sp = ch == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// "News Nation", "BBC Sport": every word capitalized (or a digit), no quotes.
bool looks_like_name(std::string_view s) {
  bool word_start = true;
  for (char ch : s) {
    if (ch == '"' || ch == '\'' || static_cast<unsigned char>(ch) >= 0x80) return false;
    if (word_start && ch != ' ' && !std::isupper(static_cast<unsigned char>(ch)) &&
        !std::isdigit(static_cast<unsigned char>(ch)))
      return false;
    word_start = ch == ' ';
  }
  return true;
}

// "Headline | Site" -> "Headline": drops a trailing (or leading) part that is
// the site name, or a short trailing part next to a long headline: up to 4
// words in <title> (`from_title`), up to 3 capitalized words in og:title,
// where a dash more often continues the headline.
std::string clean_title(std::string t, const std::string& site, bool from_title) {
  for (int round = 0; round < 3; ++round) {
    bool changed = false;
    for (const char* sep : kTitleSeparators) {
      std::size_t k = t.rfind(sep);
      if (k == std::string::npos || k == 0) continue;
      std::string head = trim(std::string_view(t).substr(0, k));
      std::string tail = trim(std::string_view(t).substr(k + std::strlen(sep)));
      if ((!site.empty() && (iequals(tail, site) || icontains(site, tail) || icontains(tail, site))) ||
          (word_count(head) >= 3 &&
           (from_title ? word_count(tail) <= 4 : word_count(tail) <= 3 && looks_like_name(tail)))) {
        t = head;
        changed = true;
        break;
      }
      std::size_t f = t.find(sep);
      std::string first = trim(std::string_view(t).substr(0, f));
      if (!site.empty() && iequals(first, site)) {
        t = trim(std::string_view(t).substr(f + std::strlen(sep)));
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return t;
}

// "By Jane Doe Published 10:02 AM" -> "Jane Doe".
std::string strip_byline(std::string b, const MetaHints& hints) {
  b = trim(b);
  for (const auto& label : hints.date_labels) {
    for (std::size_t k = 0; k + label.size() <= b.size(); ++k) {
      if ((k == 0 || b[k - 1] == ' ') && iequals(std::string_view(b).substr(k, label.size()), label) &&
          (k + label.size() == b.size() || b[k + label.size()] == ' ' || b[k + label.size()] == ':')) {
        b = trim(std::string_view(b).substr(0, k));
        break;
      }
    }
  }
  for (const auto& p : hints.by_prefix) {
    if (b.size() > p.size() + 1 && iequals(std::string_view(b).substr(0, p.size()), p) &&
        (b[p.size()] == ' ' || b[p.size()] == ':')) {
      b = trim(std::string_view(b).substr(p.size() + 1));
      break;
    }
  }
  return b;
}

// `a` and `b` say the same words: equal after case folding, with curly quotes
// and dashes read as their ASCII forms and runs of spaces as one.
bool same_words(std::string_view a, std::string_view b) {
  auto norm = [](std::string_view s) {
    std::string f = utf8::fold(s), r;
    static constexpr std::pair<std::string_view, char> kMap[] = {
        {"\u2018", '\''}, {"\u2019", '\''}, {"\u201c", '"'}, {"\u201d", '"'}, {"\u2013", '-'}, {"\u2014", '-'}};
    for (std::size_t i = 0; i < f.size();) {
      bool mapped = false;
      for (const auto& [from, to] : kMap)
        if (f.compare(i, from.size(), from) == 0) {
          r += to;
          i += from.size();
          mapped = true;
          break;
        }
      if (mapped) continue;
      const char ch = f[i++];
      if (std::isspace(static_cast<unsigned char>(ch))) {
        if (!r.empty() && r.back() != ' ') r += ' ';
      } else {
        r += ch;
      }
    }
    return std::string(trim(r));
  };
  return norm(a) == norm(b);
}

// The ASCII letters and digits of `s` ("Dominican Today" -> "dominicantoday" once folded).
std::string letters_only(std::string_view s) {
  std::string r;
  for (char ch : s)
    if (std::isalnum(static_cast<unsigned char>(ch))) r += ch;
  return r;
}

void split_authors(const std::string& s, std::vector<std::string>& out) {
  // "A, B and C" -> A | B | C; but "Doe, Jane" (one word on each side of the
  // comma) is one name written surname first
  if (std::size_t c = s.find(','); c != std::string::npos && s.find(',', c + 1) == std::string::npos &&
      s.find(" and ") == std::string::npos && s.find(" & ") == std::string::npos) {
    std::string_view before = lex::trim(std::string_view(s).substr(0, c)), after = lex::trim(std::string_view(s).substr(c + 1));
    if (before.find(' ') == std::string_view::npos && after.find(' ') == std::string_view::npos) {
      add_author(out, s);
      return;
    }
  }
  std::string cur;
  auto flush = [&] {
    add_author(out, cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' || s[i] == ';') {
      flush();
    } else if (s.compare(i, 5, " and ") == 0) {
      flush();
      i += 4;
    } else if (s.compare(i, 3, " & ") == 0) {
      flush();
      i += 2;
    } else {
      cur.push_back(s[i]);
    }
  }
  flush();
}

// Staff and agency bylines name no author ("Editorial Staff", "Staff and news
// service reports"); a name with digits is a date or a copyright line.
void drop_non_authors(std::vector<std::string>& authors, const std::string& site, const MetaHints& hints) {
  std::erase_if(authors, [&](const std::string& a) {
    if (a.find_first_of("0123456789") != std::string::npos) return true;
    std::string f = utf8::fold(a);
    if (!site.empty() && letters_only(f) == letters_only(utf8::fold(site))) return true;  // the site as "author"
    for (std::size_t i = 0; i < f.size();) {
      std::size_t e = f.find(' ', i);
      if (e == std::string::npos) e = f.size();
      std::string_view word = std::string_view(f).substr(i, e - i);
      for (const auto& s : hints.staff)
        if (word == s) return true;
      i = e + 1;
    }
    return false;
  });
}

}  // namespace

// A byline in the article's text when the page's markup has none: a first
// line "By Ana Ruiz and Lee Park" (a by-word, then names), or a closing
// signature "– David Dunkley" (a dash, then one name). Names are 2-4
// capitalized words; "BY JOHN ORTIZ" in capitals counts too.
std::vector<std::string> authors_in_text(std::string_view text, const std::string& site, const MetaHints& hints) {
  std::vector<std::string> out;
  auto names_ok = [](const std::vector<std::string>& v) {
    if (v.empty()) return false;
    for (const auto& a : v) {
      std::size_t words = 1 + static_cast<std::size_t>(std::count(a.begin(), a.end(), ' '));
      if (words < 2 || words > 4 || a.size() > 40 || !looks_like_name(a)) return false;
    }
    return true;
  };
  // the first line
  std::string_view first = text.substr(0, std::min(text.find('\n'), text.size()));
  first = lex::trim(first);
  for (const auto& p : hints.by_prefix)
    if (first.size() > p.size() + 1 && first.size() < 120 && iequals(first.substr(0, p.size()), p) && first[p.size()] == ' ') {
      split_authors(strip_byline(std::string(first), hints), out);
      break;
    }
  // the last line
  if (out.empty()) {
    std::string_view t = lex::trim(text);
    std::size_t nl = t.rfind('\n');
    std::string_view last = lex::trim(nl == std::string_view::npos ? t : t.substr(nl + 1));
    for (std::string_view dash : {"\u2013 ", "\u2014 ", "- "})
      if (last.size() > dash.size() && last.substr(0, dash.size()) == dash) {
        add_author(out, std::string(lex::trim(last.substr(dash.size()))));
        break;
      }
  }
  for (auto& a : out) {
    // "JOHN ORTIZ" -> "John Ortiz"
    bool caps = std::none_of(a.begin(), a.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (caps)
      for (std::size_t i = 1; i < a.size(); ++i)
        if (a[i - 1] != ' ' && a[i] >= 'A' && a[i] <= 'Z') a[i] = static_cast<char>(a[i] - 'A' + 'a');
  }
  if (!names_ok(out)) return {};
  drop_non_authors(out, site, hints);
  return out;
}


PageMeta read_meta(const GumboOutput* out, const MetaHints& hints) {
  Collected c;
  collect(out->root, hints, c);
  LdArticle ld;
  for (const auto& block : c.ld_blocks) {
    json j = json::parse(relax_json(block), nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded()) scan_ld(j, ld, 0);
    if (ld.found) break;
  }

  PageMeta m;
  if (const auto* v = meta(c, {"og:site_name", "application-name", "twitter:site"}))
    m.site_name = *v;
  else if (!ld.site.empty())
    m.site_name = ld.site;
  if (m.site_name && !m.site_name->empty() && (*m.site_name)[0] == '@') m.site_name->erase(0, 1);
  std::string site = m.site_name.value_or("");

  if (const auto* v = meta(c, {"og:title", "twitter:title"}))
    m.title = clean_title(*v, site, false);
  else if (!ld.headline.empty())
    m.title = ld.headline;
  else if (!c.title.empty())
    m.title = clean_title(c.title, site, true);
  else if (!c.h1.empty())
    m.title = c.h1;
  if (m.title && m.title->empty()) m.title.reset();
  // The headline as the page shows it: metadata often flattens its curly quotes
  // and dashes ("Territory's" for "Territory’s"); the <h1> that says the same
  // words keeps them.
  // The element that shows the headline (a page may have other <h1>: "Log In").
  std::size_t headline_at = 0;
  for (const auto& [at, h] : c.h1s)
    if (m.title && (same_words(*m.title, trim(h)) || (!trim(h).empty() && icontains(*m.title, trim(h))))) {
      headline_at = at;
      if (*m.title != trim(h) && same_words(*m.title, trim(h))) m.title = trim(h);  // its quotes and dashes
      break;
    }

  if (!ld.authors.empty()) {
    // "MEG KINNARD and ERRIN HAINES, Associated Press": one string, two co-authors
    for (const auto& a : ld.authors) split_authors(strip_byline(a, hints), m.authors);
  } else if (const auto* v = meta(c, {"author", "article:author", "byl", "dc.creator",
                                     "sailthru.author", "parsely-author"})) {
    // "Merit Designs Consulting Group, 2006-2020": a copyright line, not a byline
    if (!is_url(*v) && v->find_first_of("0123456789") == std::string::npos)
      split_authors(strip_byline(*v, hints), m.authors);
  }
  if (m.authors.empty())
    for (const auto& a : c.itemprop_authors) split_authors(strip_byline(a, hints), m.authors);
  if (m.authors.empty() && !c.rel_author.empty()) add_author(m.authors, c.rel_author);
  if (m.authors.empty() && !c.byline.empty())
    split_authors(strip_byline(c.byline, hints), m.authors);
  drop_non_authors(m.authors, site, hints);

  std::vector<std::string> raw;  // machine-readable stamps, strongest first
  auto add_date = [&](const std::string& d, const char* src) {
    if (iso_day(d).empty()) return;
    raw.push_back(d);
    m.dates.push_back(iso_day(d));
    m.date_sources.push_back(src);
  };
  add_date(ld.date, "json-ld");
  if (const auto* v = meta(c, {"article:published_time", "article:published", "og:published_time", "datepublished",
                               "date", "pubdate", "publishdate", "publish-date", "dc.date.issued",
                               "dc.date", "dcterms.created", "dcterms.date", "sailthru.date",
                               "parsely-pub-date", "citation_publication_date"}))
    add_date(*v, "meta");
  add_date(c.itemprop_date, "meta");
  if (!c.time_dates.empty()) add_date(c.time_dates.front(), "time");
  add_date(ld.created, "json-ld");
  if (!m.dates.empty()) {
    std::vector<std::string> others = raw;
    others.insert(others.end(), c.time_dates.begin(), c.time_dates.end());
    m.dates.front() = local_day(raw.front(), others);
    if (Stamp f = stamp(raw.front()); f.clock && f.zoned && f.offset == 0 && m.dates.front() == f.day)
      m.utc_hour = static_cast<int>((f.minutes % 1440) / 60);
  }

  if (c.canonical.substr(0, 4) == "http")
    m.url = c.canonical;
  else if (const auto* v = meta(c, {"og:url"}))
    m.url = *v;
  else if (!ld.url.empty())
    m.url = ld.url;
  else if (!c.canonical.empty())
    m.url = c.canonical;

  std::string lang = c.lang;
  if (lang.empty())
    if (const auto* v = meta(c, {"content-language", "og:locale", "language", "dc.language"}))
      lang = *v;
  lang = lower(trim(lang));
  std::replace(lang.begin(), lang.end(), '_', '-');
  if (!lang.empty() && lang.size() < 36) m.language = lang;

  m.article_body = std::move(ld.body);
  for (const auto& p : hints.by_prefix) {
    std::string shown = c.byline;
    if (shown.size() > p.size() + 1 && iequals(std::string_view(shown).substr(0, p.size()), p) &&
        (shown[p.size()] == ' ' || shown[p.size()] == ':')) {
      std::string names = strip_byline(shown, hints);  // "Jane Doe" of "By Jane Doe Published …"
      std::size_t k = names.empty() ? std::string::npos : shown.find(names);
      if (k != std::string::npos) m.byline = shown.substr(0, k + names.size());
      break;
    }
  }
  // Plain text lines soon after the headline join the date lines, in page order.
  if (headline_at)
    for (auto& [at, line] : c.leaf_lines) {
      bool near = at > headline_at ? at - headline_at <= kDateLineReach : headline_at - at <= kDateLineReachBefore;
      if (!near || c.date_lines.size() >= kMaxDateLines) continue;
      auto pos = std::upper_bound(c.date_line_at.begin(), c.date_line_at.end(), at);
      std::size_t k = static_cast<std::size_t>(pos - c.date_line_at.begin());
      c.date_line_at.insert(pos, at);
      c.date_lines.insert(c.date_lines.begin() + static_cast<std::ptrdiff_t>(k), std::move(line));
    }
  // Date lines after the headline come first: one above it is as often the
  // site bar's "today" as the article's date.
  if (headline_at) {
    std::vector<std::string> after, before;
    for (std::size_t k = 0; k < c.date_lines.size(); ++k)
      (c.date_line_at[k] > headline_at ? after : before).push_back(std::move(c.date_lines[k]));
    after.insert(after.end(), before.begin(), before.end());
    c.date_lines = std::move(after);
  }
  if (!c.byline.empty()) c.date_lines.push_back(c.byline);
  for (const auto& line : c.date_lines) {
    m.date_lines += line;
    m.date_lines += '\n';
  }
  return m;
}

}  // namespace newsan::html
