#include "util/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstring>
#include <string>

#include "newsan/error.h"

namespace newsan {

namespace {
std::uint64_t load64(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
}  // namespace

std::uint64_t model_checksum(const unsigned char* p, std::size_t n) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h[4] = {0x6E657773616E2131ull ^ n, 0x243F6A8885A308D3ull, 0x13198A2E03707344ull,
                        0xA4093822299F31D0ull};
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (std::size_t k = 0; k < 4; ++k) h[k] = std::rotl((h[k] ^ load64(p + i + 8 * k)) * kMul, 27);
  for (; i + 8 <= n; i += 8) h[0] = std::rotl((h[0] ^ load64(p + i)) * kMul, 27);
  std::uint64_t w = 0;
  for (std::size_t k = n; k-- > i;) w = (w << 8) | p[k];
  h[0] = std::rotl((h[0] ^ w) * kMul, 27);
  std::uint64_t x = h[0] ^ std::rotl(h[1], 17) ^ std::rotl(h[2], 31) ^ std::rotl(h[3], 47);
  x = (x ^ (x >> 31)) * kMul;
  return x ^ (x >> 29);
}

MappedFile map_model_file(const std::filesystem::path& path, std::string_view what) {
  const std::string name = path.string();
  const std::string w(what);
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw FormatError(name + ": cannot open " + w + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    int err = errno;
    ::close(fd);
    if (S_ISDIR(st.st_mode)) throw FormatError(name + ": cannot read " + w + ": is a directory");
    if (st.st_size == 0 && S_ISREG(st.st_mode)) throw FormatError(name + ": not a newsan " + w + " (empty file)");
    throw FormatError(name + ": cannot read " + w + ": " + (err ? std::strerror(err) : "not a regular file"));
  }
  const std::size_t size = std::size_t(st.st_size);
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  int err = errno;
  ::close(fd);
  if (p == MAP_FAILED) throw FormatError(name + ": cannot map " + w + ": " + std::strerror(err));
  MappedFile f;
  f.image = std::shared_ptr<const void>(p, [size](const void* q) { ::munmap(const_cast<void*>(q), size); });
  f.bytes = std::string_view(static_cast<const char*>(p), size);
  return f;
}

}  // namespace newsan
