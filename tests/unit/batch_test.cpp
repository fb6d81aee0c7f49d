#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsan/batch.h"
#include "newsan/error.h"

using Catch::Matchers::Contains;
namespace fs = std::filesystem;

TEST_CASE("ordered_parallel_map emits in input order for any number of jobs", "[batch]") {
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::vector<std::size_t> seen;
    std::atomic<int> calls{0};
    newsan::ordered_parallel_map(
        1000, jobs,
        [&](std::size_t i) {
          ++calls;
          return std::to_string(i * i);
        },
        [&](std::size_t i, std::string& r) {
          CHECK(r == std::to_string(i * i));
          seen.push_back(i);
        },
        37);
    CHECK(calls == 1000);
    REQUIRE(seen.size() == 1000);
    for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
  }
}

TEST_CASE("a worker pool keeps its threads across calls and emits in order", "[batch]") {
  newsan::WorkerPool pool(3);
  // Threads that ran work: each new thread (even one reusing an old id) has a
  // fresh thread_local, so this counts threads started.
  static std::atomic<int> threads{0};
  auto run = [&](std::size_t n) {
    std::vector<std::size_t> seen;
    pool.ordered_map(
        n,
        [&](std::size_t i) {
          thread_local bool counted = false;
          if (!counted) {
            counted = true;
            ++threads;
          }
          // Uneven work, so that items finish out of order.
          volatile std::size_t spin = (i * 7919) % 5000;
          while (spin > 0) spin = spin - 1;
          return std::to_string(i);
        },
        [&](std::size_t i, std::string& r) {
          CHECK(r == std::to_string(i));
          seen.push_back(i);
        },
        16);
    REQUIRE(seen.size() == n);
    for (std::size_t i = 0; i < n; ++i) CHECK(seen[i] == i);
  };
  for (int call = 0; call < 5; ++call) run(500);
  CHECK(threads <= 3);  // the calling thread and the pool's two, whatever the number of calls
}

TEST_CASE("a failing work item is rethrown", "[batch]") {
  CHECK_THROWS_AS(newsan::ordered_parallel_map(
                      10, 2, [](std::size_t i) -> std::string { if (i == 7) throw std::runtime_error("x"); return ""; },
                      [](std::size_t, std::string&) {}),
                  std::runtime_error);
}

TEST_CASE("a throwing emit stops the pool cleanly and is rethrown", "[batch]") {
  newsan::WorkerPool pool(4);
  std::atomic<int> calls{0};
  CHECK_THROWS_AS(pool.ordered_map(
                      10000, [&](std::size_t i) { ++calls; return std::to_string(i); },
                      [](std::size_t i, std::string&) { if (i == 50) throw std::runtime_error("pipe closed"); }, 32),
                  std::runtime_error);
  CHECK(calls < 10000);  // the rest was not worked on
  // The pool is still usable afterwards.
  std::size_t emitted = 0;
  pool.ordered_map(100, [](std::size_t i) { return std::to_string(i); }, [&](std::size_t, std::string&) { ++emitted; });
  CHECK(emitted == 100);
}

TEST_CASE("JSON Lines records become documents", "[batch][jsonl]") {
  auto d = newsan::document_from_jsonl(
      R"({"id":"a1","text":"Prices rose 5% on Monday.","title":"Prices Rise","date":"2024-03-05","source":"wire","url":"https://x.org/a"})",
      "feed.jsonl", 3, {});
  CHECK(d.id == "a1");
  CHECK(d.text == "Prices rose 5% on Monday.");
  CHECK(*d.title == "Prices Rise");
  CHECK(*d.date == "2024-03-05");
  CHECK(d.date_origin == newsan::Origin::input);
  CHECK(*d.url == "https://x.org/a");
  CHECK(d.format == "jsonl");
  auto anon = newsan::document_from_jsonl(R"({"text":"x"})", "feed.jsonl", 9, {});
  CHECK(anon.id == "feed.jsonl:9");
}

TEST_CASE("bad JSON Lines records name stream and line", "[batch][jsonl]") {
  CHECK_THROWS_WITH(newsan::document_from_jsonl("{not json", "f.jsonl", 4, {}), Contains("f.jsonl:4: malformed JSON"));
  CHECK_THROWS_WITH(newsan::document_from_jsonl("[1,2]", "f.jsonl", 5, {}), Contains("must be an object"));
  CHECK_THROWS_WITH(newsan::document_from_jsonl(R"({"id":1})", "f.jsonl", 6, {}), Contains("\"text\""));
  CHECK_THROWS_WITH(newsan::document_from_jsonl(R"({"text":"a","date":"2024-02-30"})", "f.jsonl", 7, {}),
                    Contains("\"date\""));
  CHECK_THROWS_WITH(newsan::document_from_jsonl(R"({"text":"a\u0000b"})", "f.jsonl", 8, {}), Contains("NUL"));
}

TEST_CASE("JsonlReader numbers lines and skips oversized ones without keeping them", "[batch][jsonl]") {
  std::istringstream in("{\"text\":\"a\"}\n\n" + std::string(100, 'x') + "\r\nlast");
  newsan::JsonlReader r(in, 50);
  newsan::JsonlReader::Line l;
  REQUIRE(r.next(l));
  CHECK(l.number == 1);
  CHECK(l.text == "{\"text\":\"a\"}");
  REQUIRE(r.next(l));
  CHECK(l.text.empty());
  REQUIRE(r.next(l));
  CHECK(l.oversized);
  CHECK(l.number == 3);
  REQUIRE(r.next(l));
  CHECK(l.text == "last");
  CHECK_FALSE(r.next(l));
}

TEST_CASE("directories are expanded recursively in sorted order", "[batch]") {
  fs::path root = fs::temp_directory_path() / "newsan-batch-test";
  fs::remove_all(root);
  fs::create_directories(root / "b");
  fs::create_directories(root / "a");
  std::ofstream(root / "b" / "2.txt") << "x";
  std::ofstream(root / "a" / "1.txt") << "x";
  std::ofstream(root / "a" / "skip.html") << "x";
  std::ofstream(root / ".hidden.txt") << "x";
  std::ofstream(root / "feed.jsonl") << "{}";
  auto all = newsan::expand_inputs({root.string()}, {});
  REQUIRE(all.size() == 4);
  CHECK(all[0].path.ends_with("a/1.txt"));
  CHECK(all[1].path.ends_with("a/skip.html"));
  CHECK(all[2].path.ends_with("b/2.txt"));
  CHECK(all[3].jsonl);
  auto txt = newsan::expand_inputs({root.string()}, {"*.txt", "auto"});
  CHECK(txt.size() == 2);
  fs::create_directories(root / "empty");
  auto none = newsan::expand_inputs({(root / "empty").string()}, {});
  REQUIRE(none.size() == 1);
  CHECK_THAT(none[0].error, Contains("no article files"));
  fs::remove_all(root);
}
