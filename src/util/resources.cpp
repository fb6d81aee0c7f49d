// DataDir lookup and the validated TSV lexicon loader.
#include "newsan/resources.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "newsan/error.h"

#ifndef NEWSAN_SOURCE_DATA_DIR
#define NEWSAN_SOURCE_DATA_DIR ""
#endif
#ifndef NEWSAN_BUILD_DIR
#define NEWSAN_BUILD_DIR ""
#endif
#ifndef NEWSAN_INSTALL_FULL_DATA_DIR
#define NEWSAN_INSTALL_FULL_DATA_DIR "/usr/local/share/newsan"
#endif
#ifndef NEWSAN_INSTALL_DATA_DIR
#define NEWSAN_INSTALL_DATA_DIR "share/newsan"
#endif

namespace newsan {
namespace fs = std::filesystem;

namespace {
bool usable(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p / "lexicon", ec);
}

fs::path executable_dir(const char* argv0) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec || self.empty()) {
    if (!argv0) return {};
    self = fs::absolute(argv0, ec);
  }
  return self.parent_path();
}
}  // namespace

DataDir DataDir::locate(const std::optional<std::string>& explicit_dir, const char* argv0) {
  if (explicit_dir) {
    if (!usable(*explicit_dir))
      throw FormatError(fmt::format("{}: not a newsan data directory (no lexicon/ inside)", *explicit_dir));
    return DataDir(*explicit_dir);
  }
  if (const char* env = std::getenv("NEWSAN_DATA"); env && *env) {
    if (!usable(env))
      throw FormatError(fmt::format("NEWSAN_DATA={}: not a newsan data directory (no lexicon/ inside)", env));
    return DataDir(env);
  }
  fs::path exe = executable_dir(argv0);
  std::vector<fs::path> candidates;
  if (!exe.empty()) {
    candidates.push_back(exe / ".." / NEWSAN_INSTALL_DATA_DIR);
    candidates.push_back(exe / ".." / "share" / "newsan");
  }
  // A program of the build tree reads the source tree's data; any other
  // program linked with the library reads the installed data directory
  // (the source tree may be gone), then the source tree as a last resort.
  std::string build = NEWSAN_BUILD_DIR;
  bool in_build_tree = !build.empty() && !exe.empty() && exe.string().starts_with(build);
  if (in_build_tree) candidates.push_back(NEWSAN_SOURCE_DATA_DIR);
  candidates.push_back(NEWSAN_INSTALL_FULL_DATA_DIR);
  if (!in_build_tree) candidates.push_back(NEWSAN_SOURCE_DATA_DIR);
  for (const auto& c : candidates)
    if (usable(c)) return DataDir(fs::weakly_canonical(c));
  throw FormatError(fmt::format(
      "cannot find newsan's data directory (looked in {}/../share/newsan, {} and {}); "
      "pass --data-dir DIR or set NEWSAN_DATA",
      exe.string(), NEWSAN_INSTALL_FULL_DATA_DIR, NEWSAN_SOURCE_DATA_DIR));
}

fs::path DataDir::file(std::string_view relative) const {
  fs::path p = root_ / fs::path(relative);
  std::error_code ec;
  if (!fs::exists(p, ec)) throw FormatError(fmt::format("{}: data file missing", p.string()));
  return p;
}

bool DataDir::has(std::string_view relative) const {
  std::error_code ec;
  return fs::exists(root_ / fs::path(relative), ec);
}

std::vector<LexiconRow> load_lexicon(const fs::path& path, std::string_view kind, std::size_t min_columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FormatError(fmt::format("{}: cannot open lexicon", path.string()));
  std::string line;
  std::vector<LexiconRow> rows;
  std::size_t n = 0;
  const std::string magic = "# newsan-lexicon 1 ";
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1) {
      if (!line.starts_with(magic))
        throw FormatError(fmt::format("{}:1: not a newsan lexicon (expected a first line '{}{}')",
                                      path.string(), magic, kind));
      std::string_view k = std::string_view(line).substr(magic.size());
      while (!k.empty() && k.back() == ' ') k.remove_suffix(1);
      if (k != kind)
        throw FormatError(fmt::format("{}:1: lexicon of kind '{}', expected '{}'", path.string(), k, kind));
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    LexiconRow row;
    row.line = n;
    std::size_t p = 0;
    for (;;) {
      std::size_t t = line.find('\t', p);
      row.fields.emplace_back(line.substr(p, t == std::string::npos ? std::string::npos : t - p));
      if (t == std::string::npos) break;
      p = t + 1;
    }
    if (row.fields.size() < min_columns)
      throw FormatError(fmt::format("{}:{}: expected at least {} tab-separated fields, found {}",
                                    path.string(), n, min_columns, row.fields.size()));
    rows.push_back(std::move(row));
  }
  if (n == 0) throw FormatError(fmt::format("{}: empty lexicon file", path.string()));
  return rows;
}

}  // namespace newsan
