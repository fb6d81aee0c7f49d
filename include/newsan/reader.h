// newsan/reader.h — turn input bytes into a Document.
//
//   newsan::ReadOptions opt;           // strict UTF-8, 64 MiB limit
//   newsan::Document d = newsan::read_text_file("article.txt", opt);
//
// Contract: every function here either returns a Document whose text is
// valid UTF-8 or throws InputError with a message that names the input and
// the problem ("article.txt: invalid UTF-8 at byte offset 120 …"). Nothing is
// printed. Empty or whitespace-only input is a valid, empty Document.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "newsan/document.h"

namespace newsan {

class HtmlReader;

struct ReadOptions {
  bool lossy = false;                        // replace invalid UTF-8 with U+FFFD instead of failing
  std::size_t max_bytes = 64u << 20;         // larger inputs are refused
  // Input encoding: "utf-8" (default), "latin-1" (ISO-8859-1), "windows-1252",
  // "utf-16" (BOM decides, else little-endian), "utf-16le", "utf-16be".
  std::string encoding = "utf-8";
  // "auto" (by content and file name), "text", "html". JSON Lines streams are
  // split into records by the batch layer (batch.h), not here.
  std::string input_format = "auto";
  // Reads HTML pages (html.h): Resources::html_reader(). Without it an HTML
  // input is refused (UsageError); text and JSON Lines need none.
  std::shared_ptr<const HtmlReader> html;
};

// Reads the whole file (or stdin when path is "-"), bounded by max_bytes.
// Throws InputError: missing file, a directory, unreadable, too large.
std::string read_input_bytes(const std::string& path, std::size_t max_bytes);

// Decodes bytes into a text Document (BOM skipped, encoding converted, UTF-8
// validated, NUL refused) and finds its title, source line and body.
Document make_text_document(std::string bytes, std::string id, const ReadOptions& opt);

// read_input_bytes + make_text_document.
Document read_text_file(const std::string& path, const ReadOptions& opt);

// Reads one article file in the format opt.input_format says (or detects):
// the single entry point the command line uses for files. Standard input
// ("-") in format "auto" whose first line is a JSON object is refused with a
// hint (InputError): it is a JSON Lines feed, not one prose article.
Document read_document_file(const std::string& path, const ReadOptions& opt);

// The first line of `bytes` (trimmed) is a whole JSON object.
bool looks_like_jsonl(std::string_view bytes);

// Finds title, source and body in doc.text (already set); used by every reader
// whose text may carry such lines.
void find_text_metadata(Document& doc);

// The one place that decides the publication date: sets doc.date and
// doc.date_origin from doc.date_candidates, strongest origin first — option
// (--date), input (JSON Lines `date`), metadata, a visible date line (text),
// the URL, a dateline — and the first found among equals. A page's metadata
// outranks what its URL or text say, so a date it contradicts is never used.
// Clears both when there is no candidate. Pure; may be called again after
// candidates are added.
void choose_publication_date(Document& doc);

// Converts `bytes` in the named encoding to UTF-8; throws UsageError for an
// unknown encoding name and InputError (naming `id`) for undecodable input.
std::string convert_to_utf8(std::string_view bytes, std::string_view encoding, const std::string& id);

}  // namespace newsan
