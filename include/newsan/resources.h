// newsan/resources.h — where data files (lexicons, gazetteers, models) live,
// and the one object that loads them.
//
//   auto res = std::make_shared<const newsan::Resources>(newsan::DataDir::locate(std::nullopt, argv[0]));
//   newsan::Analyzer analyzer(res);                  // extractors, syntax model, dateline reader
//   newsan::ReadOptions ro;  ro.html = res->html_reader();   // the HTML reader's tables
//
// Contract: a DataDir only locates files. A Resources loads each file at most
// once (on first use, FormatError naming the file when it is bad) and hands
// out what it loaded read-only; every method is const and thread-safe, so one
// Resources serves the reader and the Analyzer on every thread of a run.
//
// Lookup order for the data directory: an explicit path (--data-dir), then
// $NEWSAN_DATA, then <dir of the executable>/../share/newsan (installed), then
// for programs of the build tree the source tree's data/, then the installed
// data directory compiled in (<prefix>/share/newsan; newsanConfig.cmake
// exports it as NEWSAN_DATA_DIR), then the source tree's data/.
#pragma once

#include <filesystem>
#include <memory>
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

class HtmlReader;
class NumberWords;
class SyntaxModel;
namespace reader {
class DateLineReader;
}
namespace ner {
class Tagger;
}

// Everything newsan reads from its data directory, loaded once and shared:
// lexicon files (each read and validated once, whichever stage asks), the
// number words (figures and dates), the date-line reader (the HTML reader and
// the Analyzer's dateline), the HTML reader, the syntax model. Each is loaded
// on first use and kept; a failed load throws and is tried again next time
// (except the syntax model's: see syntax_model()).
// Implemented in src/analysis/resources.cpp.
class Resources {
 public:
  explicit Resources(DataDir data);
  ~Resources();
  Resources(const Resources&) = delete;
  Resources& operator=(const Resources&) = delete;

  const DataDir& data() const { return data_; }
  // The rows of data/<relative> as load_lexicon(data().file(relative), kind,
  // min_columns) gives them, read once per Resources.
  const std::vector<LexiconRow>& lexicon(std::string_view relative, std::string_view kind,
                                         std::size_t min_columns) const;
  // lexicon/numbers-en.tsv (util/number_words.h).
  const NumberWords& number_words() const;
  // Whole dates in date lines, URLs and datelines (src/reader/date_line.h).
  std::shared_ptr<const reader::DateLineReader> date_lines() const;
  // The HTML reader (html.h), for ReadOptions::html.
  std::shared_ptr<const HtmlReader> html_reader() const;
  // Whether the data directory has models/syntax.model (checked once, when
  // the Resources is made; the model itself is not read).
  bool has_syntax_model() const;
  // models/syntax.model, loaded on the first call (so a run that parses no
  // sentence never reads it), or null when the data has none (an old
  // install). A model that is there but cannot be loaded throws
  // ResourceError naming the file, on this call and every later one.
  std::shared_ptr<const SyntaxModel> syntax_model() const;
  // The NER tagger (models/ner-en.bin, mapped once; ner.h). Its version()
  // is what --version prints, without building an entity extractor.
  ner::Tagger ner_tagger() const;

 private:
  struct Impl;
  DataDir data_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsan
