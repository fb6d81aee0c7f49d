// newsan/html.h — reading saved news web pages: the main article text with
// paragraph breaks, and the page's metadata (title, authors, date, site name,
// canonical URL, language).
//
//   newsan::HtmlReader reader(newsan::DataDir::locate(std::nullopt, argv[0]));
//   (or the one a Resources holds: resources.html_reader())
//   newsan::HtmlPage page = reader.read(bytes, {.name = "page.html"});
//   std::cout << page.title.value_or("") << "\n\n" << page.text;
//
// Contract: an HtmlReader loads its hint lexicon (data/lexicon/html-hints.tsv)
// and takes the date-line reader from a Resources once in its constructor and is then immutable; read() is const and may run
// on many threads at once. Pages are parsed with gumbo (an HTML5 parser, so
// broken markup is repaired the way a browser would); the main text is chosen
// by scoring blocks (text length, commas, link density, class/id hints and
// schema.org articleBody markup), never by per-site rules.
//
// Bytes that are valid UTF-8 are read as UTF-8, whatever the page declares.
// Otherwise: UTF-16 with a byte order mark is converted; a page declaring
// windows-1252 / ISO-8859-1 in a <meta> charset is converted by table; one
// declaring UTF-8 or nothing has its invalid sequences replaced by U+FFFD
// (counted); any other declared charset throws InputError naming it. A page
// with no recognizable article gives empty `text`.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsan/document.h"
#include "newsan/reader.h"
#include "newsan/resources.h"

namespace newsan {

struct HtmlOptions {
  std::string name = "-";                 // names the input in error messages
  std::size_t max_bytes = 64u << 20;      // larger pages throw InputError
};

struct HtmlPage {
  std::string text;                        // main text, blocks separated by "\n\n", valid UTF-8
  std::optional<std::string> title;        // og:title, cleaned <title>, JSON-LD headline or <h1>
  std::vector<std::string> authors;
  // Lines of page furniture left out of `text` ("5 Hrs Ago", "Views: 321",
  // "Sign up for our newsletter"), in page order.
  std::vector<std::string> furniture;
  // Publication-date candidates (metadata, the visible date line, the URL),
  // strongest first; `date` is the one choose_publication_date (reader.h)
  // takes, `date_source` where it came from: "json-ld", "meta", "time",
  // "text" (a visible date line), "url".
  std::vector<DateCandidate> date_candidates;
  std::optional<std::string> date;
  std::optional<std::string> date_source;
  // The visible date line under the headline that states the publication
  // day ("April 21, 2022 9:52 PM"), and the byline as shown ("By Ana Ruiz
  // and Lee Park"): article text, placed after the headline in the Document.
  std::optional<std::string> date_line, byline;
  std::optional<std::string> site_name;
  std::optional<std::string> url;          // canonical URL (link rel=canonical, og:url)
  std::optional<std::string> language;     // lowercased BCP 47 tag from <html lang> or <meta>
  std::string charset = "utf-8";           // charset the bytes were decoded from
  std::size_t replaced_sequences = 0;      // invalid byte sequences replaced by U+FFFD
};

class HtmlReader {
 public:
  explicit HtmlReader(const Resources& res);
  // With a Resources of its own (nothing shared).
  explicit HtmlReader(const DataDir& data);
  ~HtmlReader();
  HtmlReader(HtmlReader&&) noexcept;
  HtmlReader& operator=(HtmlReader&&) noexcept;

  // Throws InputError (too large, undeclarable charset) naming options.name.
  HtmlPage read(std::string_view bytes, const HtmlOptions& options) const;

  // read() packaged as a Document, the article as a reader sees it: the
  // headline (title_span), the byline and date line, then the main text
  // (body); format "html", metadata from the page, the date chosen from the
  // page's candidates, id = options.name.
  Document read_document(std::string_view bytes, const HtmlOptions& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads `bytes` (named `id`) with opt.html; opt.max_bytes applies. Throws
// UsageError when opt.html is unset. The entry point read_document_file
// (reader.h) uses for HTML.
Document read_html_document(std::string_view bytes, const std::string& id, const ReadOptions& opt);

// True when `path` ends in .html/.htm/.xhtml (any case), or `head` (the first
// bytes of the input) starts, after a BOM, whitespace and comments, with
// <!doctype html, <html, <head or <body.
bool looks_like_html(std::string_view head, std::string_view path);

}  // namespace newsan
