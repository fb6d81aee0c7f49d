// newsan/batch.h — many inputs at full speed: input expansion (files,
// directories, lists; which are JSON Lines streams) and an ordered parallel
// map. Reading what the inputs hold is the reader's (reader.h: for_each_input).
//
//   std::vector<newsan::InputSpec> inputs = newsan::expand_inputs(paths, {.glob = "*.txt"});
//   newsan::WorkerPool pool(jobs);
//   pool.ordered_map(n, work, emit);   // emit() sees results in input order
//
// Contract: nothing here prints. Expansion is deterministic (directories are
// walked in sorted order). ordered_map calls `emit` from the calling
// thread only, exactly once per index, in increasing index order, whatever
// `jobs` is; `work` runs concurrently and must be thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsan/document.h"
#include "newsan/reader.h"

namespace newsan {

struct ExpandOptions {
  // File-name pattern for directory walks (fnmatch); empty = article files
  // only (kArticleSuffixes). Paths named on the command line are always taken.
  std::string glob;
  std::string input_format = "auto";  // auto | text | html | jsonl
};

// The names a directory walk takes when no --glob is given (compared
// without regard to ASCII case): text, web pages, JSON Lines streams.
inline constexpr const char* kArticleSuffixes[] = {".txt", ".html", ".htm", ".jsonl", ".ndjson"};

// What directory walks left out, for --stats.
struct ExpandStats {
  std::size_t not_articles = 0;  // files whose names are not article names (or do not match --glob)
  std::size_t hidden = 0;        // entries whose names start with '.'
  std::size_t loops = 0;         // directories reached again (a symlink loop or a second link to one)
  std::size_t other = 0;         // sockets, devices, dangling symlinks
};

// Expands paths: directories recursively (sorted; hidden entries skipped;
// every directory walked once, so a symlink loop is never followed), and
// marks JSON Lines streams (input_format jsonl, or auto with a .jsonl/.ndjson
// name). A path that does not exist is kept, so that reading it reports the
// error. `stats`, when given, counts what the walks skipped.
std::vector<InputSpec> expand_inputs(const std::vector<std::string>& paths, const ExpandOptions& opt,
                                     ExpandStats* stats = nullptr);

// Reads a list of paths from a file or "-" (stdin). With separator '\n': one
// per line (CR stripped, blank lines and '#' comments skipped); with '\0'
// (find -print0): NUL-separated, taken verbatim (empty entries skipped).
// Throws InputError when the list cannot be read.
std::vector<std::string> read_path_list(const std::string& list, char separator = '\n');

// Worker threads that live as long as the pool, so that per-thread state
// (the tagger's word cache, scratch buffers) stays warm for a whole run.
// ordered_map() runs work(i) for i in [0, n) on the pool's threads and the
// calling thread, and calls emit(i, result) in order on the calling thread.
// Results are buffered in windows of `window` items so memory stays bounded.
// An exception from work() is rethrown from ordered_map() (callers should
// catch per-item errors inside work). One ordered_map() at a time.
class WorkerPool {
 public:
  explicit WorkerPool(unsigned jobs);  // jobs - 1 threads, started on first use; jobs <= 1: all inline
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  void ordered_map(std::size_t n, const std::function<std::string(std::size_t)>& work,
                   const std::function<void(std::size_t, std::string&)>& emit, std::size_t window = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The same with a pool made for this one call.
void ordered_parallel_map(std::size_t n, unsigned jobs,
                          const std::function<std::string(std::size_t)>& work,
                          const std::function<void(std::size_t, std::string&)>& emit,
                          std::size_t window = 0);

}  // namespace newsan
