// reader/encoding.cpp — any charset glibc's iconv knows, converted to UTF-8.
//
// Why iconv: glibc ships converters for every charset a news archive meets
// (ISO-8859-*, windows-125x, KOI8, Shift_JIS, EUC-*, GB18030, Big5, UTF-16/32
// …), with the aliases of `iconv -l`; hand-written tables would repeat them.
// Only two things are decided here: UTF-16 without a byte-order mark is read
// as little-endian (what Windows tools write; glibc's default is big-endian),
// and an undecodable byte is an error naming its offset (or, when the caller
// asks for it, replaced with U+FFFD and counted).
#include <errno.h>
#include <iconv.h>

#include <cstring>
#include <fmt/format.h>
#include <string>

#include "newsan/error.h"
#include "newsan/reader.h"

namespace newsan {
namespace {

std::string display(const std::string& id) { return id == "-" ? std::string("<stdin>") : id; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? char(c + 32) : c;
  return out;
}

// Opens a converter to UTF-8 for `name` as given, else without its '-'/'_'
// ("latin-1" → "latin1"), the spelling users and web pages often use.
iconv_t open_to_utf8(std::string_view name) {
  std::string n(name);
  iconv_t cd = ::iconv_open("UTF-8", n.c_str());
  if (cd != reinterpret_cast<iconv_t>(-1)) return cd;
  std::string squeezed;
  for (char c : n)
    if (c != '-' && c != '_') squeezed += c;
  if (squeezed != n && !squeezed.empty()) cd = ::iconv_open("UTF-8", squeezed.c_str());
  return cd;
}

struct Closer {
  iconv_t cd;
  ~Closer() { ::iconv_close(cd); }
};

}  // namespace

bool is_utf8_encoding_name(std::string_view encoding) {
  std::string e = ascii_lower(encoding);
  return e.empty() || e == "utf-8" || e == "utf8";
}

std::string convert_to_utf8(std::string_view b, std::string_view enc, const std::string& id, std::size_t* replaced) {
  if (is_utf8_encoding_name(enc)) return std::string(b);
  std::string e = ascii_lower(enc);
  bool utf16 = e == "utf-16" || e == "utf16" || e == "utf-16le" || e == "utf-16be" || e == "utf16le" || e == "utf16be";
  std::string name(enc);
  if (e == "utf-16" || e == "utf16") {
    bool bom = b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'));
    if (!bom) name = "UTF-16LE";
  }
  iconv_t cd = open_to_utf8(name);
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw UsageError(fmt::format("unknown encoding '{}' (newsan converts any name `iconv -l` lists, e.g. "
                                 "latin1, windows-1252, iso-8859-15, koi8-r, shift_jis, gb18030, utf-16)",
                                 enc));
  Closer closer{cd};
  if (b.empty()) return {};
  if (utf16 && b.size() % 2 != 0 && !replaced)
    throw InputError(fmt::format("{}: UTF-16 input has an odd number of bytes ({})", display(id), b.size()));

  std::string out;
  out.resize(b.size() * 2 + 16);
  char* in = const_cast<char*>(b.data());
  std::size_t in_left = b.size();
  std::size_t done = 0;
  for (;;) {
    char* dst = out.data() + done;
    std::size_t dst_left = out.size() - done;
    std::size_t r = ::iconv(cd, in_left ? &in : nullptr, in_left ? &in_left : nullptr, &dst, &dst_left);
    done = out.size() - dst_left;
    if (r != static_cast<std::size_t>(-1)) {
      if (in_left == 0) {
        // Flush any shift state (stateful encodings such as ISO-2022-JP).
        dst = out.data() + done;
        dst_left = out.size() - done;
        if (::iconv(cd, nullptr, nullptr, &dst, &dst_left) == static_cast<std::size_t>(-1) && errno == E2BIG) {
          out.resize(out.size() + 64);
          continue;
        }
        done = out.size() - dst_left;
        break;
      }
      continue;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    std::size_t offset = b.size() - in_left;
    if (errno == EILSEQ || errno == EINVAL) {
      if (!replaced) {
        if (errno == EINVAL)
          throw InputError(fmt::format("{}: input ends inside a character of encoding {} (byte offset {})",
                                       display(id), enc, offset));
        throw InputError(fmt::format("{}: byte offset {} is not valid {} (pick the right --encoding, or "
                                     "--lossy to replace bad bytes with U+FFFD)",
                                     display(id), offset, enc));
      }
      ++*replaced;
      if (out.size() - done < 3) out.resize(out.size() + 64);
      std::memcpy(out.data() + done, "\xEF\xBF\xBD", 3);  // U+FFFD
      done += 3;
      std::size_t skip = errno == EINVAL ? in_left : std::size_t(1);
      in += skip;
      in_left -= skip;
      ::iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset the shift state after a bad byte
      continue;
    }
    throw InputError(fmt::format("{}: cannot convert from {}: {}", display(id), enc, std::strerror(errno)));
  }
  out.resize(done);
  return out;
}

}  // namespace newsan
