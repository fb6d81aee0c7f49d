// newsan/document.h — a Document is what a reader makes: the text that every
// span indexes, plus what is known about the article.
//
//   newsan::Document doc = newsan::read_text_file("article.txt", {});
//   std::string_view lede = newsan::Span{0, 80}.in(doc.text);
//
// Contract: `text` is never modified after reading, and every offset newsan
// reports indexes `text`. For UTF-8 plain-text input `text` is the input bytes
// after a dropped BOM, so an offset plus `text_offset` is the byte in the
// input file; for converted encodings (Latin-1, UTF-16 …), HTML pages (the
// extracted article) and JSON Lines records (the decoded "text" field) offsets
// index only `text`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsan {

// A half-open [start, end) range of UTF-8 byte offsets into Document::text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(const Span& o) const { return start <= o.start && o.end <= end; }
  bool overlaps(const Span& o) const { return start < o.end && o.start < end; }
  // The bytes this span covers. Precondition: end <= text.size().
  std::string_view in(std::string_view text) const { return text.substr(start, end - start); }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

// Where a piece of metadata came from: --date (option), a JSON Lines `date`
// (input), page metadata (JSON-LD, <meta>, <time datetime>), a visible date
// line of the page or text (text), the page's URL path (url), a dateline
// opening the text (dateline).
enum class Origin { none, option, dateline, metadata, text, input, url };

// A publication date a reader found, ISO "YYYY-MM-DD", and where.
struct DateCandidate {
  std::string day;
  Origin origin = Origin::none;
  friend bool operator==(const DateCandidate&, const DateCandidate&) = default;
};

struct Document {
  // The text all spans index: UTF-8, valid (the reader guarantees it).
  std::string text;
  // Identity of the input: a path, "-" for stdin, or a JSONL record id.
  std::string id;
  // Optional URL of the article (HTML canonical URL, JSONL "url").
  std::optional<std::string> url;

  // Headline: from a first line that reads as one, or from HTML/JSONL metadata.
  std::optional<std::string> title;
  std::optional<Span> title_span;  // set when the title is a span of `text`
  // Source line such as "Original Source: www.nytimes.com" (the value part).
  std::optional<std::string> source;
  std::optional<Span> source_span;
  std::vector<std::string> authors;
  // Page furniture the reader left out of `text` (HTML: "5 Hrs Ago", "Views:
  // 321", "Read more:"), so that `newsan read` can show it; empty otherwise.
  std::vector<std::string> furniture;
  std::optional<std::string> site_name;
  std::optional<std::string> language;

  // Every publication date the readers found, in the order found; the one
  // chosen (choose_publication_date, reader.h) is `date`, ISO "YYYY-MM-DD",
  // with its origin. Set `date` only through the chooser.
  std::vector<DateCandidate> date_candidates;
  std::optional<std::string> date;
  Origin date_origin = Origin::none;

  // The article body: `text` minus title and source lines (still a span of `text`).
  Span body;
  // Number of bytes of the original input dropped before `text` (a UTF-8 BOM: 3).
  // Offsets in output are offsets into `text`; this lets tools map back.
  std::size_t text_offset = 0;
  // Input bytes replaced by U+FFFD under --lossy (0 when the input was valid).
  std::size_t replaced_sequences = 0;
  // Input format that produced this document: "text", "html", "jsonl".
  std::string format = "text";
};

const char* to_string(Origin o);

}  // namespace newsan
