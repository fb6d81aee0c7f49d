// src/util/model_file.h — what every binary model file of newsan shares:
// the payload checksum and read-only mapping of the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

namespace newsan {

// Four independent multiply-rotate lanes over 8-byte little-endian words, so
// that checking a model of several MB at every start costs well under a millisecond.
std::uint64_t model_checksum(const unsigned char* p, std::size_t n);

// A file mapped read-only (the pages are shared by concurrent processes).
struct MappedFile {
  std::shared_ptr<const void> image;  // unmaps when the last user lets go
  std::string_view bytes;
};
// Throws FormatError "<path>: cannot open <what>: …" (missing, directory, empty, unreadable).
MappedFile map_model_file(const std::filesystem::path& path, std::string_view what);

}  // namespace newsan
