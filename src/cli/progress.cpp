#include "cli/progress.h"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <string_view>

namespace newsan::cli {

Progress::Progress(bool enabled, std::size_t total)
    : enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()), last_(start_) {
  const char* term = std::getenv("TERM");
  escapes_ = term && *term && std::string_view(term) != "dumb";
}

bool Progress::wanted(bool quiet, bool stderr_terminal, bool output_terminal) {
  return !quiet && stderr_terminal && !output_terminal;
}

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
  std::size_t len = line.size();
  if (escapes_) line += "\x1b[K";
  else if (len < width_) line += std::string(width_ - len, ' ');
  width_ = len;
  std::fputs(line.c_str(), stderr);
  shown_ = true;
}

void Progress::clear() {
  if (shown_) {
    if (escapes_) std::fputs("\r\x1b[K", stderr);
    else std::fputs(("\r" + std::string(width_, ' ') + "\r").c_str(), stderr);
  }
  shown_ = false;
}

void Progress::finish() { clear(); }

}  // namespace newsan::cli
