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
// `out` holds exactly what was written (appended to what it held before)
// whenever no array or object is open, and when the writer is destroyed;
// while one is open it may also hold spare bytes past the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsan {

class JsonWriter {
 public:
  // indent < 0: compact, one line; otherwise pretty-printed with that many spaces.
  JsonWriter(std::string& out, int indent) : out_(out), indent_(indent), len_(out.size()) {}
  ~JsonWriter() { settle(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

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
    if (counts_.back()++ > 0) put(',');
    if (indent_ >= 0) newline(counts_.size());
  }
  // After a value: a complete top-level value leaves `out` exact.
  void after_value() {
    if (counts_.empty()) settle();
  }
  void write_string(std::string_view s);
  void newline(std::size_t depth);

  // Bytes go to out_[len_…), which is grown ahead in large steps: a small
  // write is a bounds check and a copy instead of a std::string append.
  char* room(std::size_t n) {
    if (out_.size() - len_ < n) grow(n);
    char* p = out_.data() + len_;
    len_ += n;
    return p;
  }
  void put(char c) { *room(1) = c; }
  void put(std::string_view s) {
    if (!s.empty()) std::memcpy(room(s.size()), s.data(), s.size());
  }
  void grow(std::size_t n);
  void settle() { out_.resize(len_); }

  std::string& out_;
  int indent_;
  std::size_t len_;                  // bytes of out_ written so far
  std::vector<std::size_t> counts_;  // items written in each open container
  bool after_key_ = false;
};

}  // namespace newsan
