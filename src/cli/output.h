// cli/output.h — checked output to stdout or a file (-o). A closed pipe ends
// the run quietly (BrokenPipe); any other failed write or close is an OutputError.
#pragma once

#include <string>
#include <string_view>

namespace newsan::cli {

struct BrokenPipe {};

class Output {
 public:
  // "-" or empty = stdout. Throws OutputError when the file cannot be created.
  explicit Output(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view data);
  // Flushes and closes; throws OutputError on failure. Idempotent.
  void close();
  bool is_terminal() const;
  const std::string& name() const { return name_; }

 private:
  int fd_ = -1;
  bool owned_ = false;
  std::string name_;
};

}  // namespace newsan::cli
