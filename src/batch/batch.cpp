// Input expansion, JSON Lines records and the ordered parallel map.
#include "newsan/batch.h"

#include <fnmatch.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "newsan/dates.h"
#include "newsan/error.h"

namespace newsan {
namespace fs = std::filesystem;

namespace {

bool jsonl_name(const std::string& p) { return p.ends_with(".jsonl") || p.ends_with(".ndjson"); }

void walk(const fs::path& dir, const ExpandOptions& opt, std::vector<InputSpec>& out) {
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
    if (name.starts_with(".")) continue;
    std::error_code ec2;
    if (e.is_directory(ec2)) {
      walk(e.path(), opt, out);
    } else if (opt.glob.empty() || ::fnmatch(opt.glob.c_str(), name.c_str(), 0) == 0) {
      std::string p = e.path().string();
      out.push_back({p, opt.input_format == "jsonl" || (opt.input_format == "auto" && jsonl_name(p)), {}});
    }
  }
}

}  // namespace

std::vector<InputSpec> expand_inputs(const std::vector<std::string>& paths, const ExpandOptions& opt) {
  std::vector<InputSpec> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::size_t before = out.size();
      walk(p, opt, out);
      if (out.size() == before) {
        InputSpec none{p, false, {}};
        none.error = opt.glob.empty() ? fmt::format("{}: directory holds no files to analyze", p)
                                      : fmt::format("{}: no file in this directory matches --glob '{}'", p, opt.glob);
        out.push_back(std::move(none));
      }
    } else {
      out.push_back({p, opt.input_format == "jsonl" || (opt.input_format == "auto" && jsonl_name(p)), {}});
    }
  }
  return out;
}

std::vector<std::string> read_path_list(const std::string& list) {
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
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  if (in->bad()) throw InputError(fmt::format("{}: read failed", list == "-" ? "<stdin>" : list));
  return out;
}

bool JsonlReader::next(Line& line) {
  line.text.clear();
  line.oversized = false;
  std::streambuf* sb = in_.rdbuf();
  bool any = false;
  for (;;) {
    int c = sb->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      if (!any) return false;
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line.text.size() >= max_) {
      line.oversized = true;  // keep reading to the end of the line, without storing it
      continue;
    }
    line.text += static_cast<char>(c);
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  if (line.oversized) line.text.clear();
  line.number = ++number_;
  return true;
}

Document document_from_jsonl(std::string_view line, const std::string& stream, std::size_t line_no,
                             const ReadOptions& opt) {
  std::string where = fmt::format("{}:{}", stream == "-" ? "<stdin>" : stream, line_no);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 5: …"
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw InputError(fmt::format("{}: malformed JSON Lines record: {}", where, what));
  }
  if (!j.is_object()) throw InputError(fmt::format("{}: a JSON Lines record must be an object", where));
  auto text = j.find("text");
  if (text == j.end() || !text->is_string())
    throw InputError(fmt::format("{}: the record has no string field \"text\"", where));
  std::string id = where;
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string()) id = it->get<std::string>();
    else if (it->is_number()) id = it->dump();
  }
  const std::string& body = text->get_ref<const std::string&>();
  if (body.size() > opt.max_bytes)
    throw InputError(fmt::format("{}: text is larger than the limit of {} bytes (--max-bytes)", where, opt.max_bytes));
  if (body.find('\0') != std::string::npos)
    throw InputError(fmt::format("{}: text contains a NUL character; newsan reads text", where));
  ReadOptions utf8 = opt;
  utf8.encoding = "utf-8";  // JSON text is Unicode already
  Document doc = make_text_document(body, id, utf8);
  doc.format = "jsonl";
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw InputError(fmt::format("{}: field \"{}\" must be a string", where, key));
    return it->get<std::string>();
  };
  if (auto t = str("title")) {
    doc.title = *t;
    doc.title_span.reset();
  }
  if (auto s = str("source")) {
    doc.source = *s;
    doc.source_span.reset();
  }
  if (auto u = str("url")) doc.url = *u;
  if (auto d = str("date")) {
    int y, m, dd;
    if (!parse_iso_date(std::string_view(*d).substr(0, 10), y, m, dd))
      throw InputError(fmt::format("{}: field \"date\" is not a date YYYY-MM-DD: {}", where, *d));
    doc.date = d->substr(0, 10);
    doc.date_origin = Origin::input;
  }
  return doc;
}

void ordered_parallel_map(std::size_t n, unsigned jobs, const std::function<std::string(std::size_t)>& work,
                          const std::function<void(std::size_t, std::string&)>& emit, std::size_t window) {
  if (jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) {
      std::string r = work(i);
      emit(i, r);
    }
    return;
  }
  if (window == 0) window = std::max<std::size_t>(64, 16 * jobs);
  std::vector<std::string> results;
  for (std::size_t base = 0; base < n; base += window) {
    std::size_t count = std::min(window, n - base);
    results.assign(count, std::string());
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto worker = [&] {
      for (;;) {
        std::size_t k = next.fetch_add(1, std::memory_order_relaxed);
        if (k >= count) return;
        try {
          results[k] = work(base + k);
        } catch (...) {
          std::lock_guard<std::mutex> lock(failure_mutex);
          if (!failure) failure = std::current_exception();
        }
      }
    };
    std::vector<std::thread> threads;
    unsigned t = std::min<std::size_t>(jobs, count);
    for (unsigned w = 1; w < t; ++w) threads.emplace_back(worker);
    worker();
    for (auto& th : threads) th.join();
    if (failure) std::rethrow_exception(failure);
    for (std::size_t k = 0; k < count; ++k) emit(base + k, results[k]);
  }
}

}  // namespace newsan
