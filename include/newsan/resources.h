// newsan/resources.h — where data files (lexicons, gazetteers, models) live.
//
// Contract: a DataDir only locates files; each extractor loads and validates
// what it needs in its constructor and throws FormatError on a bad file.
// Loaded resources are immutable and shared read-only between threads.
//
// Lookup order for the data directory: an explicit path (--data-dir), then
// $NEWSAN_DATA, then <dir of the executable>/../share/newsan (installed), then
// for programs of the build tree the source tree's data/, then the installed
// data directory compiled in (<prefix>/share/newsan; newsanConfig.cmake
// exports it as NEWSAN_DATA_DIR), then the source tree's data/.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsan {

class DataDir {
 public:
  explicit DataDir(std::filesystem::path root) : root_(std::move(root)) {}
  // Finds the data directory as described above; throws FormatError (a
  // newsan::Error, catchable) naming the places looked at when none holds
  // lexicon/. `argv0` helps locate an installed tree.
  static DataDir locate(const std::optional<std::string>& explicit_dir, const char* argv0);

  const std::filesystem::path& root() const { return root_; }
  // root/relative; throws FormatError naming the path when it does not exist.
  std::filesystem::path file(std::string_view relative) const;
  bool has(std::string_view relative) const;

 private:
  std::filesystem::path root_;
};

// A validated tab-separated lexicon file. Format (see data/lexicon/README.md):
//   line 1: "# newsan-lexicon 1 <kind>"   (kind names what the file is for)
//   lines starting with '#' are comments; blank lines are ignored;
//   every other line: at least `min_columns` tab-separated fields.
// Throws FormatError naming file and line on any violation.
struct LexiconRow {
  std::vector<std::string> fields;
  std::size_t line = 0;
};
std::vector<LexiconRow> load_lexicon(const std::filesystem::path& path, std::string_view kind,
                                     std::size_t min_columns);

}  // namespace newsan
