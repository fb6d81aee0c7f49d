// cli/progress.h — a progress bar on stderr (only when it is a terminal).
#pragma once

#include <chrono>
#include <cstddef>

namespace newsan::cli {

class Progress {
 public:
  // total = 0: unknown (streams); the bar then shows counts and rates only.
  Progress(bool enabled, std::size_t total);
  void update(std::size_t done, std::size_t bytes, std::size_t errors);
  void clear();   // erase the bar before another message is printed
  void finish();

 private:
  bool enabled_;
  std::size_t total_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace newsan::cli
