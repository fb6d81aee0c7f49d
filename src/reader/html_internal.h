// reader/html_internal.h — pieces shared by the HTML reader's files
// (html_extract.cpp: main text; html_meta.cpp: metadata; html_charset.cpp:
// decoding). Not a public header.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/lexicon.h"

namespace newsan::html {

// Value of attribute `name` of an element, or empty when absent / not an element.
std::string_view attr(const GumboNode* n, const char* name);
bool has_attr(const GumboNode* n, const char* name);

// `word` is one of the space-separated words of `list` (rel, itemprop values).
bool has_word(std::string_view list, std::string_view word);

// ASCII case: the lexicon toolkit's (util/lexicon.h).
inline std::string lower(std::string_view s) { return lex::ascii_lower(s); }
using lex::iequals;
using lex::ifind;
bool icontains(std::string_view hay, std::string_view needle);

// Appends `s` to `out` with every run of whitespace (ASCII, NBSP) collapsed to
// one space; no leading space when `out` is empty or already ends in one.
void append_collapsed(std::string& out, std::string_view s);
// Text of the subtree (script/style excluded), whitespace-collapsed and trimmed.
std::string text_of(const GumboNode* n);
inline std::string trim(std::string_view s) { return std::string(lex::trim(s)); }

// Converts `bytes` to valid UTF-8 according to the charset declared in the
// page (BOM, <meta charset>, <meta http-equiv content-type>). Sets `charset`
// to the name used and `replaced` to the number of invalid sequences
// replaced by U+FFFD. Throws InputError naming `name` for a declared charset
// it cannot convert.
std::string decode_page(std::string_view bytes, std::string_view name, std::string& charset,
                        std::size_t& replaced);

// Copy of the page without comments and without the contents of <script>
// (except JSON-LD) and <style> elements (html_prescan.cpp).
std::string drop_raw_text(std::string_view page);

// Nesting deeper than this is refused before parsing: gumbo's tree
// construction slows quadratically with the depth of open elements
// (100,000 nested <div>s take most of a minute), and no real page nests
// more than a few hundred deep.
inline constexpr std::size_t kMaxNesting = 4000;
// A quick upper estimate of element nesting: start tags minus end tags,
// skipping comments, void elements and the contents of script and style.
std::size_t nesting_estimate(std::string_view page);

// Metadata found in the page (see HtmlPage in newsan/html.h).
struct PageMeta {
  std::optional<std::string> title, site_name, url, language;
  // Machine-readable publication days, strongest first (JSON-LD datePublished,
  // date <meta> tags, itemprop=datePublished, <time datetime>, JSON-LD
  // dateCreated); the first is the publisher's local day when its UTC stamp
  // reappears elsewhere with the publisher's offset. `date_sources` names each.
  std::vector<std::string> dates, date_sources;
  // The hour of the first stamp when it is a UTC time ("…T02:30:00Z") that no
  // stamp on the publisher's clock restated; -1 otherwise. A visible date line
  // a day away within the offsets of the world's clocks is then the local day.
  int utc_hour = -1;
  std::vector<std::string> authors;
  std::string article_body;  // schema.org articleBody from JSON-LD, when present
  // The visible byline as a reader sees it ("By Ana Ruiz and Lee Park"), up to
  // a date label; empty when the page shows none that opens with a by-word.
  std::string byline;
  // Short visible lines that may carry the publication date (<time> texts,
  // date-class elements, the byline), one per line, in page order.
  std::string date_lines;
};
struct MetaHints {
  std::vector<std::string> byline;     // class/id words of author elements (html-hints `byline`)
  std::vector<std::string> by_prefix;  // "by", "von" … stripped from bylines (`byprefix`)
  std::vector<std::string> date_labels;  // "published" … end a byline's names (`datelabel`)
  std::vector<std::string> date_class;   // class/id words of visible date elements (`dateclass`)
  std::vector<std::string> staff;        // words of staff and agency bylines ("staff", "reports") (`staff`)
  std::vector<std::string> headline_class;  // class/id words of a headline element besides <h1> (`headline`)
};
PageMeta read_meta(const GumboOutput* out, const MetaHints& hints);
// The authors a byline in the article's text names, when the markup named none:
// a first line "By A and B" or a closing signature "– A B" (html_meta.cpp).
std::vector<std::string> authors_in_text(std::string_view text, const std::string& site, const MetaHints& hints);

}  // namespace newsan::html
