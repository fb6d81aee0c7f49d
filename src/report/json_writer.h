// report/json_writer.h — a streaming JSON writer for the output hot path.
//
// Why not build an nlohmann::json tree and dump it: for batch runs the tree
// (a std::map per object, a heap string per value) cost more than all the
// extractors together (callgrind: 31 % of instructions). This writer appends
// straight into one string. nlohmann/json is still what parses JSON, and the
// tests parse everything this writes.
//
// Contract: the caller nests begin/end calls correctly and calls key() before
// every value inside an object. Strings are escaped per RFC 8259; invalid
// UTF-8 is replaced by U+FFFD; non-finite numbers are written as null.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsan {

class JsonWriter {
 public:
  // indent < 0: compact, one line; otherwise pretty-printed with that many spaces.
  JsonWriter(std::string& out, int indent) : out_(out), indent_(indent) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(std::nullptr_t);
  JsonWriter& value(double d);
  JsonWriter& value(std::uint64_t n);
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(unsigned long long n) { return value(static_cast<std::uint64_t>(n)); }
  JsonWriter& value(const std::optional<std::string>& s) { return s ? value(*s) : value(nullptr); }
  JsonWriter& value(const std::optional<double>& d) { return d ? value(*d) : value(nullptr); }
  template <class T>
  JsonWriter& value(const std::vector<T>& v) {
    begin_array();
    for (const auto& x : v) value(x);
    return end_array();
  }
  // A string, or null when empty.
  JsonWriter& string_or_null(std::string_view s) { return s.empty() ? value(nullptr) : value(s); }

  template <class T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

 private:
  JsonWriter& open(char c);
  JsonWriter& close(char c);
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_ += ',';
    if (indent_ >= 0) newline(counts_.size());
  }
  void write_string(std::string_view s);
  void newline(std::size_t depth);

  std::string& out_;
  int indent_;
  std::vector<std::size_t> counts_;  // items written in each open container
  bool after_key_ = false;
};

}  // namespace newsan
