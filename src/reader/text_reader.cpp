// Plain-text reader: bytes → validated UTF-8 Document with title/source/body.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "newsan/error.h"
#include "newsan/html.h"
#include "newsan/reader.h"
#include "util/lexicon.h"
#include "util/utf8.h"

namespace newsan {

const char* to_string(Origin o) {
  switch (o) {
    case Origin::none: return "none";
    case Origin::option: return "option";
    case Origin::dateline: return "dateline";
    case Origin::metadata: return "metadata";
    case Origin::text: return "text";
    case Origin::input: return "input";
    case Origin::url: return "url";
  }
  return "none";
}

namespace {

std::string display(const std::string& path) { return path == "-" ? std::string("<stdin>") : path; }

std::string read_fd(int fd, const std::string& path, std::size_t max_bytes) {
  std::string out;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(fmt::format("{}: read failed: {}", display(path), std::strerror(errno)));
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes)
      throw InputError(fmt::format("{}: input is larger than the limit of {} bytes (--max-bytes)",
                                   display(path), max_bytes));
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

// A hint for undecodable text: what encoding it probably is.
std::string guess_encoding(std::string_view b) {
  if (b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF')))
    return "UTF-16 (it starts with a UTF-16 byte-order mark); use --encoding utf-16";
  std::size_t zeros = 0, n = std::min<std::size_t>(b.size(), 4096);
  for (std::size_t i = 0; i < n; ++i) zeros += b[i] == 0;
  if (n >= 4 && zeros * 4 >= n) return "UTF-16 without a byte-order mark; use --encoding utf-16le or utf-16be";
  bool c1 = false;
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(b[i]);
    if (c >= 0x80 && c < 0xA0) c1 = true;
  }
  return c1 ? "Windows-1252; use --encoding windows-1252" : "Latin-1 (ISO-8859-1); use --encoding latin-1";
}

bool is_space_line(std::string_view line) {
  for (char c : line) if (!(c == ' ' || c == '\t' || c == '\r')) return false;
  return true;
}

}  // namespace

std::string read_input_bytes(const std::string& path, std::size_t max_bytes) {
  if (path == "-") return read_fd(STDIN_FILENO, path, max_bytes);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) throw InputError(fmt::format("{}: no such file", path));
    if (err == EACCES) throw InputError(fmt::format("{}: permission denied", path));
    throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(err)));
  }
  struct FdCloser { int fd; ~FdCloser() { ::close(fd); } } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw InputError(fmt::format("{}: is a directory, not a file", path));
    if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes)
      throw InputError(fmt::format("{}: input is {} bytes, larger than the limit of {} bytes (--max-bytes)",
                                   path, st.st_size, max_bytes));
  }
  return read_fd(fd, path, max_bytes);
}

Document make_text_document(std::string bytes, std::string id, const ReadOptions& opt) {
  Document doc;
  doc.id = std::move(id);
  std::string enc = opt.encoding.empty() ? "utf-8" : opt.encoding;
  bool utf8_in = is_utf8_encoding_name(enc);
  if (!utf8_in) {
    bytes = convert_to_utf8(bytes, enc, doc.id, opt.lossy ? &doc.replaced_sequences : nullptr);
  } else if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                   (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    throw InputError(fmt::format("{}: the input looks like {}", display(doc.id), guess_encoding(bytes)));
  }
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    doc.text_offset = 3;
  }
  if (std::size_t nul = bytes.find('\0'); nul != std::string::npos) {
    if (utf8_in && nul + doc.text_offset < 4096 && guess_encoding(bytes).starts_with("UTF-16"))
      throw InputError(fmt::format("{}: the input looks like {}", display(doc.id), guess_encoding(bytes)));
    throw InputError(fmt::format("{}: binary data (NUL byte at byte offset {}); newsan reads text",
                                 display(doc.id), nul + doc.text_offset));
  }
  if (std::size_t bad = utf8::find_invalid(bytes); bad != std::string::npos) {
    if (!opt.lossy)
      throw InputError(fmt::format("{}: invalid UTF-8 at byte offset {} (the text looks like {}, or use "
                                   "--lossy to replace bad bytes with U+FFFD)",
                                   display(doc.id), bad + doc.text_offset, guess_encoding(bytes)));
    bytes = utf8::replace_invalid(bytes, doc.replaced_sequences);
  }
  doc.text = std::move(bytes);
  find_text_metadata(doc);
  return doc;
}

Document read_text_file(const std::string& path, const ReadOptions& opt) {
  return make_text_document(read_input_bytes(path, opt.max_bytes), path, opt);
}

Document read_document_file(const std::string& path, const ReadOptions& opt) {
  std::string bytes = read_input_bytes(path, opt.max_bytes);
  if (opt.input_format == "html" ||
      (opt.input_format == "auto" && looks_like_html(std::string_view(bytes).substr(0, 1024), path)))
    return read_html_document(bytes, path, opt);
  if (path == "-" && opt.input_format == "auto" && looks_like_jsonl(bytes))
    throw InputError(
        "<stdin>: looks like a JSON Lines feed (a JSON object on its first line); pass --input-format jsonl to "
        "analyze its records, or --input-format text to analyze it as prose");
  return make_text_document(std::move(bytes), path, opt);
}

bool looks_like_jsonl(std::string_view bytes) {
  std::string_view first = lex::trim(bytes.substr(0, bytes.find('\n')));
  return first.size() >= 2 && first.front() == '{' && first.back() == '}' && nlohmann::json::accept(first);
}

void find_text_metadata(Document& doc) {
  std::string_view t = doc.text;
  doc.body = {0, t.size()};
  // Lines as (start, end) without the line break: LF, CRLF or a lone CR
  // (old Mac files), so all three give the same title and source.
  std::vector<Span> lines;
  for (std::size_t p = 0; p <= t.size();) {
    // A plain loop: find_first_of calls memchr on the two-byte set once per byte of text.
    std::size_t e = p;
    while (e < t.size() && t[e] != '\r' && t[e] != '\n') ++e;
    lines.push_back({p, e});
    p = e + (t.compare(e, 2, "\r\n") == 0 ? 2 : 1);
  }
  auto text_of = [&](const Span& s) { return lex::trim(s.in(t), " \t\r"); };
  auto span_of = [&](const Span& s) {
    std::string_view v = text_of(s);
    std::size_t b = v.empty() ? s.start : static_cast<std::size_t>(v.data() - t.data());
    return Span{b, b + v.size()};
  };
  std::size_t first = 0;
  while (first < lines.size() && is_space_line(lines[first].in(t))) ++first;
  std::size_t last = lines.size();
  while (last > first && is_space_line(lines[last - 1].in(t))) --last;
  if (first >= last) return;

  // Source: "Original Source: X", "Source: X", "Sources: X" on one of the last three lines.
  std::size_t body_end_line = last;
  for (std::size_t k = last; k > first && k + 3 >= last; --k) {
    std::string_view line = text_of(lines[k - 1]);
    for (std::string_view key : {"Original Source:", "Original source:", "Source:", "Sources:", "SOURCE:"}) {
      if (line.starts_with(key)) {
        std::string_view v = lex::trim(line.substr(key.size()), " \t\r");
        if (!v.empty() && v.size() < 300) {
          doc.source = std::string(v);
          std::size_t b = static_cast<std::size_t>(v.data() - t.data());
          doc.source_span = Span{b, b + v.size()};
          body_end_line = k - 1;
        }
        break;
      }
    }
    if (doc.source) break;
  }

  // Title: a first line that reads as a headline: short, several words, not
  // ending like a sentence, and followed by more text.
  std::size_t body_first_line = first;
  std::string_view head = text_of(lines[first]);
  if (first + 1 < body_end_line && !head.empty() && head.size() <= 250) {
    std::size_t words = 1;
    for (char c : head) words += c == ' ';
    char lastc = head.back();
    bool sentence_end = lastc == '.' || lastc == ',' || lastc == ';' || lastc == ':';
    std::size_t len;
    char32_t c0 = utf8::decode(head, 0, len);
    bool starts_ok = utf8::is_upper(c0) || utf8::is_digit(c0) || c0 == '"' || c0 == 0x201C || c0 == '\'';
    if (words >= 2 && words <= 30 && !sentence_end && starts_ok) {
      doc.title = std::string(head);
      doc.title_span = span_of(lines[first]);
      body_first_line = first + 1;
    }
  }
  std::size_t bfl = body_first_line;
  while (bfl < body_end_line && is_space_line(lines[bfl].in(t))) ++bfl;
  std::size_t bel = body_end_line;
  while (bel > bfl && is_space_line(lines[bel - 1].in(t))) --bel;
  if (bfl < bel) doc.body = {span_of(lines[bfl]).start, span_of(lines[bel - 1]).end};
  else doc.body = {0, 0};
}

}  // namespace newsan
