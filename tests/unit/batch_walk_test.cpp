// Directory walks (symlink loops, article files only, what was skipped) and
// NUL-separated path lists.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "newsan/batch.h"

namespace fs = std::filesystem;

namespace {
fs::path scratch(const char* name) {
  fs::path root = fs::temp_directory_path() / (std::string(name) + "-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  return root;
}
}  // namespace

TEST_CASE("a directory walk never follows a symlink loop and walks a directory once", "[batch][walk]") {
  fs::path root = scratch("newsan-walk-loop");
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / "a" / "b" / "story.txt") << "x";
  fs::create_directory_symlink(root / "a", root / "a" / "b" / "up");  // b/up -> a: a loop
  fs::create_directory_symlink(root / "a" / "b", root / "again");      // a second way into b
  newsan::ExpandStats st;
  auto all = newsan::expand_inputs({root.string()}, {}, &st);
  REQUIRE(all.size() == 1);
  CHECK(all[0].path.ends_with("story.txt"));
  CHECK(st.loops == 2);
  // The same directory named twice on the command line is walked once too.
  newsan::ExpandStats st2;
  auto twice = newsan::expand_inputs({root.string(), root.string()}, {}, &st2);
  CHECK(twice.size() == 1);
  fs::remove_all(root);
}

TEST_CASE("a walk takes article files only unless --glob says otherwise, and counts the rest", "[batch][walk]") {
  fs::path root = scratch("newsan-walk-names");
  for (const char* n : {"README", "SOURCE", "notes.md", "a.txt", "B.HTML", "c.htm", "d.ndjson", "e.jsonl", "f.txt.bak"})
    std::ofstream(root / n) << "x";
  std::ofstream(root / ".hidden.txt") << "x";
  newsan::ExpandStats st;
  auto all = newsan::expand_inputs({root.string()}, {}, &st);
  std::vector<std::string> names;
  for (const auto& s : all) names.push_back(fs::path(s.path).filename().string());
  CHECK(names == std::vector<std::string>{"B.HTML", "a.txt", "c.htm", "d.ndjson", "e.jsonl"});
  CHECK(st.not_articles == 4);
  CHECK(st.hidden == 1);
  newsan::ExpandStats st2;
  auto readme = newsan::expand_inputs({root.string()}, {"READ*", "auto"}, &st2);
  REQUIRE(readme.size() == 1);
  CHECK(st2.not_articles == 8);
  // A file named on the command line is taken whatever its name.
  CHECK(newsan::expand_inputs({(root / "README").string()}, {}).size() == 1);
  fs::remove_all(root);
}

TEST_CASE("a NUL-separated path list keeps names with newlines, spaces and '#'", "[batch][walk]") {
  fs::path root = scratch("newsan-walk-nul");
  std::string list_bytes = std::string("one\ntwo.txt") + '\0' + "# not a comment" + '\0' + '\0' + " lead space.txt" + '\0';
  std::ofstream(root / "list", std::ios::binary) << list_bytes;
  auto paths = newsan::read_path_list((root / "list").string(), '\0');
  CHECK(paths == std::vector<std::string>{"one\ntwo.txt", "# not a comment", " lead space.txt"});
  auto lines = newsan::read_path_list((root / "list").string());
  CHECK(lines.size() == 2);  // '\n' mode: "one" and the rest of the bytes as one line
  fs::remove_all(root);
}
