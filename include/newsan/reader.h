// newsan/reader.h — turn input bytes into a Document: the reader owns every
// input — text files, HTML pages, JSON Lines records (for_each_input and
// read_input below are the way in for a run of many).
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
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsan/document.h"

namespace newsan {

class HtmlReader;

struct ReadOptions {
  bool lossy = false;                        // replace invalid UTF-8 with U+FFFD instead of failing
  std::size_t max_bytes = 64u << 20;         // larger inputs are refused
  // Input encoding: "utf-8" (default) or any name glibc's iconv knows
  // (`iconv -l`: "latin1", "windows-1252", "koi8-r", "shift_jis", …; "latin-1"
  // is read as "latin1"); "utf-16": the BOM decides, else little-endian.
  std::string encoding = "utf-8";
  // "auto" (by content and file name), "text", "html". JSON Lines streams are
  // split into records by for_each_input (below).
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

// One input to analyze: a file (path) or a stream of JSON Lines records.
struct InputSpec {
  std::string path;     // "-" = stdin
  bool jsonl = false;   // the file is a JSON Lines stream of articles
  std::string error;    // set when the path cannot yield input (an empty directory)
};

// One document of a run, not read yet: a whole file, or one line of a JSON
// Lines stream (the line is held; its JSON is decoded by read_input).
struct InputUnit {
  std::size_t input = 0;   // index of its InputSpec
  std::string path;        // the file, or the stream ("-" = stdin)
  std::string stream;      // JSON Lines: the stream's name in ids and messages
  std::size_t line = 0;    // JSON Lines: the line number (1-based); 0 = a whole file
  std::string record;      // JSON Lines: the line
  bool oversized = false;  // JSON Lines: the line was longer than max_bytes (not held)
  std::string error;       // the input cannot be read (InputSpec::error)
  // The path, or record_id(stream, line): what names it before it is read.
  std::string id() const;
};

// How JSON Lines on stdin is named (ReadOptions::max_bytes bounds its lines).
struct StreamOptions {
  std::string stream_name = "-";      // JSON Lines on stdin: its name (a part cut from a named feed)
  std::size_t first_line = 1;         // JSON Lines on stdin: the number of its first line
};

// The reader's one entry point for a run: calls fn for every document the
// inputs hold, in input order — one unit per file (also one that cannot be
// opened: reading it reports why), one per non-blank line of a JSON Lines
// stream (read a line at a time, so memory stays bounded). Then read_input
// turns a unit into a Document, on any thread.
void for_each_input(const std::vector<InputSpec>& inputs, const ReadOptions& opt,
                    const std::function<void(InputUnit&&)>& fn, const StreamOptions& stream = {});

// Reads one unit: read_document_file for a file, document_from_jsonl for a
// record. Thread-safe; throws InputError naming the unit.
Document read_input(const InputUnit& unit, const ReadOptions& opt);

// The id of line `line_no` of JSON Lines stream `stream`: "<stdin>:3" for
// standard input ("-"), "feed.jsonl:3" for a file. The one id form of a
// stream: records without an "id" and error records both use it.
std::string record_id(const std::string& stream, std::size_t line_no);

// One JSON Lines record → Document. The record is an object with a string
// "text" and optional "id", "title", "date" (YYYY-MM-DD…, a publication-date
// candidate of origin input), "source", "url". Throws InputError naming stream
// and line for malformed JSON, a missing/invalid field or an invalid date.

Document document_from_jsonl(std::string_view line, const std::string& stream, std::size_t line_no,
                             const ReadOptions& opt);

// Reads JSON Lines one line at a time. Lines longer than max_bytes are
// reported (oversized) and skipped without being held in memory.
class JsonlReader {
 public:
  struct Line {
    std::string text;
    std::size_t number = 0;   // 1-based
    bool oversized = false;
  };
  JsonlReader(std::istream& in, std::size_t max_bytes) : in_(in), max_(max_bytes) {}
  // False at end of stream. Empty lines are returned too (callers decide).
  bool next(Line& line);

 private:
  std::istream& in_;
  std::size_t max_;
  std::size_t number_ = 0;
};

// Converts `bytes` in the named encoding to UTF-8 through iconv; throws
// UsageError for an encoding iconv does not know and InputError (naming `id`
// and the byte offset) for undecodable input — unless `replaced` is given:
// then each undecodable byte becomes U+FFFD and is counted there.
std::string convert_to_utf8(std::string_view bytes, std::string_view encoding, const std::string& id,
                            std::size_t* replaced = nullptr);
// True for the names of UTF-8 ("utf-8", "utf8", any case) and "".
bool is_utf8_encoding_name(std::string_view encoding);

}  // namespace newsan
