// JSON Lines streams, and the one loop over a run's inputs (reader.h):
// every file is one document, every non-blank line of a JSON Lines stream
// another; the stream is read here a line at a time, each record is decoded
// by read_input on whichever thread analyzes it.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "newsan/error.h"
#include "newsan/reader.h"
#include "util/calendar.h"
#include "util/utf8.h"

namespace newsan {

bool JsonlReader::next(Line& line) {
  line.text.clear();
  line.oversized = false;
  std::streambuf* sb = in_.rdbuf();
  bool any = false;
  for (;;) {
    int c = sb->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      if (!any) return false;
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line.text.size() >= max_) {
      line.oversized = true;  // keep reading to the end of the line, without storing it
      continue;
    }
    line.text += static_cast<char>(c);
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  if (line.oversized) line.text.clear();
  line.number = ++number_;
  return true;
}

std::string record_id(const std::string& stream, std::size_t line_no) {
  return fmt::format("{}:{}", stream == "-" ? "<stdin>" : stream, line_no);
}

Document document_from_jsonl(std::string_view line, const std::string& stream, std::size_t line_no,
                             const ReadOptions& opt) {
  std::string where = record_id(stream, line_no);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    // nlohmann quotes the bytes it last read, which may be the invalid ones: name
    // the offset instead, so that the message (and the error record) is UTF-8.
    if (std::size_t bad = utf8::find_invalid(line); bad != std::string::npos)
      throw InputError(fmt::format("{}: malformed JSON Lines record: invalid UTF-8 at byte offset {} of the line",
                                   where, bad));
    std::string what = e.what();
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 5: …"
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw InputError(fmt::format("{}: malformed JSON Lines record: {}", where, what));
  }
  if (!j.is_object()) throw InputError(fmt::format("{}: a JSON Lines record must be an object", where));
  auto text = j.find("text");
  if (text == j.end() || !text->is_string())
    throw InputError(fmt::format("{}: the record has no string field \"text\"", where));
  std::string id = where;
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) id = it->get<std::string>();  // "" names nothing
    else if (it->is_number()) id = it->dump();
  }
  const std::string& body = text->get_ref<const std::string&>();
  if (body.size() > opt.max_bytes)
    throw InputError(fmt::format("{}: text is larger than the limit of {} bytes (--max-bytes)", where, opt.max_bytes));
  if (body.find('\0') != std::string::npos)
    throw InputError(fmt::format("{}: text contains a NUL character; newsan reads text", where));
  ReadOptions utf8 = opt;
  utf8.encoding = "utf-8";  // JSON text is Unicode already
  Document doc = make_text_document(body, id, utf8);
  doc.format = "jsonl";
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw InputError(fmt::format("{}: field \"{}\" must be a string", where, key));
    return it->get<std::string>();
  };
  if (auto t = str("title")) {
    doc.title = *t;
    doc.title_span.reset();
  }
  if (auto s = str("source")) {
    doc.source = *s;
    doc.source_span.reset();
  }
  if (auto u = str("url")) doc.url = *u;
  if (auto d = str("date")) {
    int y, m, dd;
    if (!parse_iso_date(std::string_view(*d).substr(0, 10), y, m, dd))
      throw InputError(fmt::format("{}: field \"date\" is not a date YYYY-MM-DD: {}", where, *d));
    doc.date_candidates.push_back({d->substr(0, 10), Origin::input});
    choose_publication_date(doc);
  }
  return doc;
}

std::string InputUnit::id() const { return line ? record_id(stream, line) : path; }

Document read_input(const InputUnit& unit, const ReadOptions& opt) {
  if (!unit.error.empty()) throw InputError(unit.error);
  if (!unit.line) return read_document_file(unit.path, opt);
  if (unit.oversized)
    throw InputError(fmt::format("{}: line is longer than the limit of {} bytes (--max-bytes)", unit.id(),
                                 opt.max_bytes));
  ReadOptions record = opt;
  record.input_format = "auto";
  return document_from_jsonl(unit.record, unit.stream, unit.line, record);
}

void for_each_input(const std::vector<InputSpec>& inputs, const ReadOptions& opt,
                    const std::function<void(InputUnit&&)>& fn, const StreamOptions& naming) {
  for (std::size_t s = 0; s < inputs.size(); ++s) {
    const InputSpec& spec = inputs[s];
    InputUnit file{s, spec.path, spec.path, 0, {}, false, spec.error};
    if (!spec.jsonl || !spec.error.empty()) {
      fn(std::move(file));
      continue;
    }
    std::ifstream stream;
    std::istream* in = &std::cin;
    if (spec.path != "-") {
      std::error_code ec;
      // A stream that cannot be opened is one unit: reading the path reports it.
      if (std::filesystem::is_directory(spec.path, ec) || (stream.open(spec.path, std::ios::binary), !stream)) {
        fn(std::move(file));
        continue;
      }
      in = &stream;
    }
    const std::string& name = spec.path == "-" ? naming.stream_name : spec.path;
    JsonlReader reader(*in, opt.max_bytes);
    JsonlReader::Line line;
    while (reader.next(line)) {
      bool blank = !line.oversized && line.text.find_first_not_of(" \t") == std::string::npos;
      if (blank) continue;  // blank lines separate nothing and are not records
      std::size_t number = line.number + (spec.path == "-" ? naming.first_line - 1 : 0);
      fn(InputUnit{s, spec.path, name, number, std::move(line.text), line.oversized, {}});
      line = {};
    }
  }
}

}  // namespace newsan
