// Fuzz target: load_lexicon on arbitrary file contents. It returns rows with
// at least the asked number of fields (none holding a tab or line break), or
// throws FormatError; nothing else. The file lives in memory (memfd).
#include <sys/mman.h>
#include <unistd.h>

#include <fmt/format.h>

#include "fuzz.h"
#include "newsan/error.h"
#include "newsan/resources.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsan;
  static const int fd = ::memfd_create("newsan-lexicon-fuzz", 0);
  if (fd < 0) fuzz::broken("lexicon", "memfd_create failed");
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size))
    fuzz::broken("lexicon", "cannot write the memfd");
  const std::size_t min_columns = size ? data[size - 1] % 4 : 1;
  std::vector<LexiconRow> rows;
  try {
    rows = load_lexicon("/proc/self/fd/" + std::to_string(fd), "units", min_columns);
  } catch (const FormatError&) {
    return 0;
  }
  std::size_t line = 1;
  for (const LexiconRow& r : rows) {
    if (r.line <= line) fuzz::broken("lexicon", "row line numbers do not increase");
    line = r.line;
    if (r.fields.size() < min_columns) fuzz::broken("lexicon", "a row has too few fields");
    for (const std::string& f : r.fields)
      if (f.find_first_of("\t\n") != std::string::npos) fuzz::broken("lexicon", "a field holds a tab or line break");
  }
  return 0;
}
