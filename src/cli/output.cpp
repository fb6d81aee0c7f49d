#include "cli/output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

#include "newsan/error.h"

namespace newsan::cli {

Output::Output(const std::string& path) {
  if (path.empty() || path == "-") {
    fd_ = STDOUT_FILENO;
    name_ = "<stdout>";
    return;
  }
  name_ = path;
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) throw OutputError(fmt::format("{}: cannot open for writing: {}", path, std::strerror(errno)));
  owned_ = true;
}

Output::~Output() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

void Output::write(std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) throw BrokenPipe{};
      throw OutputError(fmt::format("{}: write failed: {}", name_, std::strerror(errno)));
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

void Output::close() {
  if (fd_ < 0) return;
  int fd = fd_;
  fd_ = -1;
  if (!owned_) {
    // stdout stays open for the process, but a full disk or a closed pipe
    // must still be noticed: fsync is not needed for a pipe, close of a dup is.
    int dupfd = ::dup(fd);
    if (dupfd >= 0 && ::close(dupfd) != 0 && errno != EINTR)
      throw OutputError(fmt::format("{}: close failed: {}", name_, std::strerror(errno)));
    return;
  }
  if (::close(fd) != 0 && errno != EINTR)
    throw OutputError(fmt::format("{}: close failed: {}", name_, std::strerror(errno)));
}

bool Output::is_terminal() const { return fd_ >= 0 && ::isatty(fd_); }

}  // namespace newsan::cli
