#include "report/json_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/compile.h>
#include <fmt/format.h>

#include "util/utf8.h"

namespace newsan {
namespace {

// Bytes a JSON string holds as they are: printable ASCII other than '"' and '\\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[std::size_t(c)] = c != '"' && c != '\\';
  return t;
}();

bool plain(char c) { return kPlain[static_cast<unsigned char>(c)]; }

}  // namespace

void JsonWriter::newline(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

JsonWriter& JsonWriter::open(char c) {
  before_value();
  out_ += c;
  counts_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::close(char c) {
  std::size_t n = counts_.back();
  counts_.pop_back();
  if (n > 0 && indent_ >= 0) newline(counts_.size());
  out_ += c;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  after_key_ = true;
  // Keys are short names that need no escaping: one append of '"key":'.
  char buf[64];
  if (k.size() + 4 <= sizeof buf && std::all_of(k.begin(), k.end(), plain)) {
    buf[0] = '"';
    std::copy(k.begin(), k.end(), buf + 1);
    std::size_t n = k.size() + 1;
    buf[n++] = '"';
    buf[n++] = ':';
    if (indent_ >= 0) buf[n++] = ' ';
    out_.append(buf, n);
    return *this;
  }
  write_string(k);
  if (indent_ < 0) out_ += ':';
  else out_.append(": ", 2);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  write_string(s);
  return *this;
}

void JsonWriter::write_string(std::string_view s) {
  out_ += '"';
  // Most strings need no escaping at all: find the first byte that may.
  std::size_t i = static_cast<std::size_t>(std::find_if_not(s.begin(), s.end(), plain) - s.begin());
  if (i == s.size()) {
    out_.append(s);
    out_ += '"';
    return;
  }
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  while (i < s.size()) {
    if (plain(s[i])) {
      ++i;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t len = utf8::valid_length(s, i);
      if (len != 0) {
        i += len;
        continue;
      }
      out_.append(s.substr(run, i - run));
      out_ += "\xEF\xBF\xBD";
      run = ++i;
      continue;
    }
    out_.append(s.substr(run, i - run));
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default: out_ += fmt::format("\\u{:04x}", c);
    }
    run = ++i;
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  if (!std::isfinite(d)) {
    out_ += "null";
  } else {
    // The shortest form that reads back exactly. FMT_COMPILE skips parsing "{}" at run time
    // and calls the same formatter as fmt::format("{}", d), so the text is the same.
    char buf[64];
    auto r = fmt::format_to_n(buf, sizeof buf, FMT_COMPILE("{}"), d);
    out_.append(buf, std::min(r.size, sizeof buf));
  }
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  before_value();
  fmt::format_int digits(n);
  out_.append(digits.data(), digits.size());
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  fmt::format_int digits(n);
  out_.append(digits.data(), digits.size());
  return *this;
}

}  // namespace newsan
