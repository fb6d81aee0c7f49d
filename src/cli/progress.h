// cli/progress.h — a progress bar on stderr.
//
// Rules: shown only when stderr is a terminal and the report does not go to
// a terminal (else the bar would interleave with the report); never under
// --quiet; under TERM=dumb (or an unset TERM) it is redrawn with a carriage
// return and spaces only, never an escape sequence.
#pragma once

#include <chrono>
#include <cstddef>

namespace newsan::cli {

class Progress {
 public:
  // total = 0: unknown (streams); the bar then shows counts and rates only.
  Progress(bool enabled, std::size_t total);
  // The rules above: quiet, is stderr a terminal, does the report go to one.
  static bool wanted(bool quiet, bool stderr_terminal, bool output_terminal);
  void update(std::size_t done, std::size_t bytes, std::size_t errors);
  void clear();   // erase the bar before another message is printed
  void finish();

 private:
  bool enabled_;
  std::size_t total_;
  bool shown_ = false;
  bool escapes_ = true;      // false under TERM=dumb: pad with spaces instead of ESC[K
  std::size_t width_ = 0;    // length of the last line drawn
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace newsan::cli
