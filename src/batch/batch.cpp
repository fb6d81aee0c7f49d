// Input expansion and the ordered parallel map (batch.h); JSON Lines records
// are read by the reader (src/reader/jsonl_reader.cpp).
#include "newsan/batch.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "newsan/error.h"

namespace newsan {
namespace fs = std::filesystem;

namespace {

bool jsonl_name(const std::string& p) { return p.ends_with(".jsonl") || p.ends_with(".ndjson"); }

bool article_name(std::string_view name) {
  for (std::string_view suffix : kArticleSuffixes) {
    if (name.size() <= suffix.size()) continue;
    std::string_view tail = name.substr(name.size() - suffix.size());
    bool same = true;
    for (std::size_t i = 0; i < tail.size() && same; ++i) {
      char c = tail[i];
      same = (c >= 'A' && c <= 'Z' ? char(c + 32) : c) == suffix[i];
    }
    if (same) return true;
  }
  return false;
}

// Directories already walked, by device and inode: a symlink back to an
// ancestor (or a second link to a walked directory) is not entered again.
using Visited = std::set<std::pair<dev_t, ino_t>>;

bool first_visit(const fs::path& dir, Visited& visited) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return true;  // reading it reports the error
  return visited.insert({st.st_dev, st.st_ino}).second;
}

void walk(const fs::path& dir, const ExpandOptions& opt, std::vector<InputSpec>& out, Visited& visited,
          ExpandStats& stats) {
  std::vector<fs::directory_entry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  if (ec) {
    out.push_back({dir.string(), false, {}});  // reading it reports the error
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    if (name.starts_with(".")) {
      ++stats.hidden;
      continue;
    }
    std::error_code ec2;
    if (e.is_directory(ec2)) {  // follows symlinks: a linked directory is walked once
      if (first_visit(e.path(), visited)) walk(e.path(), opt, out, visited, stats);
      else ++stats.loops;
    } else if (!e.is_regular_file(ec2) && !e.is_fifo(ec2)) {
      ++stats.other;
    } else if (opt.glob.empty() ? article_name(name) : ::fnmatch(opt.glob.c_str(), name.c_str(), 0) == 0) {
      std::string p = e.path().string();
      out.push_back({p, opt.input_format == "jsonl" || (opt.input_format == "auto" && jsonl_name(p)), {}});
    } else {
      ++stats.not_articles;
    }
  }
}

}  // namespace

std::vector<InputSpec> expand_inputs(const std::vector<std::string>& paths, const ExpandOptions& opt,
                                     ExpandStats* stats) {
  std::vector<InputSpec> out;
  ExpandStats local;
  ExpandStats& st = stats ? *stats : local;
  Visited visited;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::size_t before = out.size();
      if (!first_visit(p, visited)) {  // named twice, or inside a directory already walked
        ++st.loops;
        continue;
      }
      walk(p, opt, out, visited, st);
      if (out.size() == before) {
        InputSpec none{p, false, {}};
        none.error = opt.glob.empty() ? fmt::format("{}: directory holds no article files to analyze "
                                                    "(*.txt, *.html, *.htm, *.jsonl, *.ndjson; --glob picks others)", p)
                                      : fmt::format("{}: no file in this directory matches --glob '{}'", p, opt.glob);
        out.push_back(std::move(none));
      }
    } else {
      out.push_back({p, opt.input_format == "jsonl" || (opt.input_format == "auto" && jsonl_name(p)), {}});
    }
  }
  return out;
}

std::vector<std::string> read_path_list(const std::string& list, char separator) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (list != "-") {
    std::error_code ec;
    if (fs::is_directory(list, ec)) throw InputError(fmt::format("{}: is a directory, not a list of paths", list));
    file.open(list);
    if (!file) throw InputError(fmt::format("{}: cannot open the list of paths", list));
    in = &file;
  }
  std::vector<std::string> out;
  std::string line;
  while (std::getline(*in, line, separator)) {
    if (separator == '\0') {  // find -print0: names taken verbatim
      if (!line.empty()) out.push_back(line);
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  if (in->bad()) throw InputError(fmt::format("{}: read failed", list == "-" ? "<stdin>" : list));
  return out;
}

struct WorkerPool::Impl {
  unsigned jobs;
  std::vector<std::thread> threads;
  std::mutex mutex;
  std::condition_variable wake, finished;
  std::uint64_t generation = 0;  // bumped for each batch of work
  unsigned running = 0;          // pool threads still in the current batch
  bool stop = false;
  const std::function<void()>* task = nullptr;

  void loop() {
    std::uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      wake.wait(lock, [&] { return stop || generation != seen; });
      if (stop) return;
      seen = generation;
      const std::function<void()>* t = task;
      lock.unlock();
      (*t)();
      lock.lock();
      if (--running == 0) finished.notify_one();
    }
  }
  // Starts `t` on every pool thread; wait() returns when all have finished it.
  void start(const std::function<void()>& t) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      task = &t;
      running = unsigned(threads.size());
      ++generation;
    }
    wake.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex);
    finished.wait(lock, [&] { return running == 0; });
  }
};

WorkerPool::WorkerPool(unsigned jobs) : impl_(std::make_unique<Impl>()) { impl_->jobs = std::max(1u, jobs); }

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stop = true;
  }
  impl_->wake.notify_all();
  for (auto& t : impl_->threads) t.join();
}

void WorkerPool::ordered_map(std::size_t n, const std::function<std::string(std::size_t)>& work,
                             const std::function<void(std::size_t, std::string&)>& emit, std::size_t window) {
  if (impl_->jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) {
      std::string r = work(i);
      emit(i, r);
    }
    return;
  }
  if (window == 0) window = std::max<std::size_t>(64, 16 * std::size_t(impl_->jobs));
  if (impl_->threads.empty())  // started on first use: a one-article run starts none
    for (unsigned w = 1; w < impl_->jobs; ++w) impl_->threads.emplace_back([this] { impl_->loop(); });
  // No barrier between windows: items are taken in order by whichever thread
  // is free, at most `window` ahead of the next one to emit; the calling
  // thread emits each result as soon as it and all before it are done, and
  // takes items itself while it waits.
  std::vector<std::string> ring(window);
  std::vector<char> ready(window, 0);
  std::mutex m;
  std::condition_variable done_cv, space_cv;
  std::size_t next = 0, emitted = 0;  // guarded by m
  bool failed = false;
  std::exception_ptr failure;
  // Takes the next item if there is one within the window; false when none is left.
  auto take = [&](std::unique_lock<std::mutex>& lock, bool wait) -> std::optional<std::size_t> {
    for (;;) {
      if (failed || next >= n) return std::nullopt;
      if (next < emitted + window) return next++;
      if (!wait) return std::nullopt;
      space_cv.wait(lock);
    }
  };
  auto process = [&](std::unique_lock<std::mutex>& lock, std::size_t k) {
    lock.unlock();
    std::string result;
    std::exception_ptr error;
    try {
      result = work(k);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    if (error) {
      if (!failed) failure = error;
      failed = true;
      space_cv.notify_all();
    } else {
      ring[k % window] = std::move(result);
      ready[k % window] = 1;
    }
    done_cv.notify_one();
  };
  const std::function<void()> worker = [&] {
    std::unique_lock<std::mutex> lock(m);
    while (auto k = take(lock, true)) process(lock, *k);
  };
  impl_->start(worker);
  // The workers use this frame's state: whatever happens here (emit() may
  // throw, on a broken pipe for one), they are stopped and waited for first.
  std::exception_ptr emit_failure;
  try {
    std::unique_lock<std::mutex> lock(m);
    while (emitted < n && !failed) {
      if (ready[emitted % window]) {
        std::string text = std::move(ring[emitted % window]);
        ready[emitted % window] = 0;
        const std::size_t k = emitted++;
        space_cv.notify_all();
        lock.unlock();
        emit(k, text);
        lock.lock();
      } else if (auto k = take(lock, false)) {
        process(lock, *k);
      } else {
        done_cv.wait(lock);
      }
    }
    failed = true;  // stop the others (a no-op when all is done)
    space_cv.notify_all();
  } catch (...) {
    emit_failure = std::current_exception();
    std::lock_guard<std::mutex> lock(m);
    failed = true;
    space_cv.notify_all();
  }
  impl_->wait();
  if (emit_failure) std::rethrow_exception(emit_failure);
  if (failure) std::rethrow_exception(failure);
}

void ordered_parallel_map(std::size_t n, unsigned jobs, const std::function<std::string(std::size_t)>& work,
                          const std::function<void(std::size_t, std::string&)>& emit, std::size_t window) {
  WorkerPool pool(n <= 1 ? 1 : jobs);
  pool.ordered_map(n, work, emit, window);
}

}  // namespace newsan
