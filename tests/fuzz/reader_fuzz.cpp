// Fuzz target: the plain-text reader in every encoding, strict and lossy.
// The first byte chooses the mode; the rest is the input. A Document comes
// back valid UTF-8 with its title, source and body spans inside the text, or
// an InputError is thrown; nothing else may happen.
#include <fmt/format.h>

#include "fuzz.h"
#include "newsan/error.h"
#include "newsan/reader.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsan;
  if (size == 0) return 0;
  static const char* const kEncodings[] = {"utf-8", "latin-1", "windows-1252", "utf-16", "utf-16le", "utf-16be",
                                           "UTF-8", "cp1252"};
  ReadOptions opt;
  opt.lossy = data[0] & 1;
  opt.encoding = kEncodings[(data[0] >> 1) & 7];
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  Document d;
  try {
    d = make_text_document(bytes, "fuzz", opt);
  } catch (const InputError&) {
    return 0;
  }
  const std::string_view t = d.text;
  if (std::size_t bad = utf8::find_invalid(t); bad != std::string::npos)
    fuzz::broken("reader", fmt::format("text is not valid UTF-8 at byte {}", bad));
  if (t.find('\0') != std::string_view::npos) fuzz::broken("reader", "text holds a NUL byte");
  if (d.body.start > d.body.end || d.body.end > t.size()) fuzz::broken("reader", "body span out of range");
  if (d.title_span && (d.title_span->end > t.size() || !d.title || d.title_span->in(t) != *d.title))
    fuzz::broken("reader", "title differs from its span");
  if (d.source_span && (d.source_span->end > t.size() || !d.source || d.source_span->in(t) != *d.source))
    fuzz::broken("reader", "source differs from its span");
  if (opt.encoding == "utf-8" && !opt.lossy && d.text_offset + t.size() != bytes.size())
    fuzz::broken("reader", "strict UTF-8 text is not the input bytes");
  return 0;
}
