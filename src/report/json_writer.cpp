#include "report/json_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
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

void JsonWriter::grow(std::size_t n) {
  // A small step: resize() fills what it adds, so adding little at a time
  // costs less than filling the whole capacity; the string still reallocates
  // geometrically when it runs out.
  out_.resize(len_ + std::max<std::size_t>(n, 512));
}

void JsonWriter::newline(std::size_t depth) {
  std::size_t n = depth * static_cast<std::size_t>(indent_);
  char* p = room(n + 1);
  *p = '\n';
  std::memset(p + 1, ' ', n);
}

JsonWriter& JsonWriter::open(char c) {
  before_value();
  put(c);
  counts_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::close(char c) {
  std::size_t n = counts_.back();
  counts_.pop_back();
  if (n > 0 && indent_ >= 0) newline(counts_.size());
  put(c);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  after_key_ = true;
  // Keys are short names that need no escaping: '"key":' in one copy.
  std::size_t n = k.size();
  bool is_plain = n <= 64;
  for (std::size_t i = 0; is_plain && i < n; ++i) is_plain = plain(k[i]);
  if (is_plain) {
    std::size_t colon = indent_ < 0 ? 1 : 2;
    char* p = room(n + 2 + colon);
    p[0] = '"';
    if (n) std::memcpy(p + 1, k.data(), n);
    p[n + 1] = '"';
    p[n + 2] = ':';
    if (colon == 2) p[n + 3] = ' ';
    return *this;
  }
  write_string(k);
  put(indent_ < 0 ? std::string_view(":") : std::string_view(": "));
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  write_string(s);
  after_value();
  return *this;
}

void JsonWriter::write_string(std::string_view s) {
  // Most strings need no escaping at all: find the first byte that may.
  std::size_t i = 0;
  while (i < s.size() && plain(s[i])) ++i;
  if (i == s.size()) {
    char* p = room(s.size() + 2);
    p[0] = '"';
    if (!s.empty()) std::memcpy(p + 1, s.data(), s.size());
    p[s.size() + 1] = '"';
    return;
  }
  put('"');
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
      put(s.substr(run, i - run));
      put("\xEF\xBF\xBD");
      run = ++i;
      continue;
    }
    put(s.substr(run, i - run));
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case '\n': put("\\n"); break;
      case '\r': put("\\r"); break;
      case '\t': put("\\t"); break;
      case '\b': put("\\b"); break;
      case '\f': put("\\f"); break;
      default: {
        char u[8];
        auto r = fmt::format_to_n(u, sizeof u, "\\u{:04x}", c);
        put(std::string_view(u, std::min(r.size, sizeof u)));
      }
    }
    run = ++i;
  }
  put(s.substr(run));
  put('"');
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  put(b ? std::string_view("true") : std::string_view("false"));
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
  before_value();
  put("null");
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  if (!std::isfinite(d)) {
    put("null");
  } else if (d != 0 && std::fabs(d) < 1e15 && d == std::trunc(d)) {
    // A whole number below 10^15 prints as its digits either way, and digits are
    // cheaper than the shortest-form search. Zero takes the long way: -0 keeps its sign.
    fmt::format_int digits(static_cast<long long>(d));
    put(std::string_view(digits.data(), digits.size()));
  } else {
    // The shortest form that reads back exactly. FMT_COMPILE skips parsing "{}" at run time
    // and calls the same formatter as fmt::format("{}", d), so the text is the same.
    char buf[64];
    auto r = fmt::format_to_n(buf, sizeof buf, FMT_COMPILE("{}"), d);
    put(std::string_view(buf, std::min(r.size, sizeof buf)));
  }
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  before_value();
  fmt::format_int digits(n);
  put(std::string_view(digits.data(), digits.size()));
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  fmt::format_int digits(n);
  put(std::string_view(digits.data(), digits.size()));
  after_value();
  return *this;
}

}  // namespace newsan
