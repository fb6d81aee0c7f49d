#include "report/json_writer.h"

#include <cmath>
#include <fmt/format.h>

#include "util/utf8.h"

namespace newsan {

void JsonWriter::newline(std::size_t depth) {
  if (indent_ < 0) return;
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) out_ += ',';
  newline(counts_.size());
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
  if (n > 0) newline(counts_.size());
  out_ += c;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  write_string(k);
  after_key_ = true;
  out_ += indent_ < 0 ? ":" : ": ";
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  write_string(s);
  return *this;
}

void JsonWriter::write_string(std::string_view s) {
  out_ += '"';
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::size_t len;
      char32_t cp = utf8::decode(s, i, len);
      if (cp != 0xFFFD || (len == 3 && s.compare(i, 3, "\xEF\xBF\xBD") == 0)) {
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
  out_.append(s.substr(run));
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
    fmt::format_to(std::back_inserter(out_), "{}", d);  // shortest form that reads back exactly
  }
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", n);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", n);
  return *this;
}

}  // namespace newsan
