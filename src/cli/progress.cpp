#include "cli/progress.h"

#include <cstdio>
#include <fmt/format.h>

namespace newsan::cli {

Progress::Progress(bool enabled, std::size_t total)
    : enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(std::size_t done, std::size_t bytes, std::size_t errors) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && done != total_) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mbs = secs > 0 ? bytes / secs / 1e6 : 0;
  std::string line;
  if (total_ > 0) {
    constexpr int kWidth = 30;
    int filled = static_cast<int>(kWidth * done / total_);
    double eta = done > 0 ? secs * (total_ - done) / done : 0;
    line = fmt::format("\r[{}{}] {}/{} docs  {:.1f} MB/s  ETA {:.0f}s", std::string(filled, '#'),
                       std::string(kWidth - filled, '.'), done, total_, mbs, eta);
  } else {
    line = fmt::format("\r{} docs  {:.1f} MB/s  {:.0f}s", done, mbs, secs);
  }
  if (errors) line += fmt::format("  {} errors", errors);
  line += "\x1b[K";
  std::fputs(line.c_str(), stderr);
  shown_ = true;
}

void Progress::clear() {
  if (shown_) std::fputs("\r\x1b[K", stderr);
  shown_ = false;
}

void Progress::finish() { clear(); }

}  // namespace newsan::cli
