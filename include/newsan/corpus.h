// newsan/corpus.h — the facts across many articles: entities ranked by how
// many articles name them, figures grouped into series by event class and
// counted noun, and the agreements and contradictions between articles.
//
//   newsan::CorpusSummary sum({});
//   for (const newsan::Analysis& a : analyses) sum.add(newsan::facts_of(a));
//   // or, from `newsan --format jsonl --emit-text` output: sum.add(newsan::facts_from_json(record));
//   std::string page = newsan::render_corpus(sum.report(), "html");
//
// Contract: add() keeps only what the report needs (names, counted figures with
// one clipped evidence sentence, dates, sources), never an article's text, so
// memory grows with distinct entities and counted figures, not with input size.
// facts_of() and facts_from_json() give the same ArticleFacts for the same
// analysis (the JSON needs the document text, --emit-text, for evidence).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "newsan/analysis.h"

namespace newsan {

struct ArticleFacts {
  std::string id;
  std::optional<std::string> date;  // publication (reference) date, YYYY-MM-DD
  std::string source;               // source line, site name or URL host; "" when unknown
  struct Name {
    std::string name;
    EntityType type = EntityType::other;
    std::vector<std::string> roles;
    std::size_t mentions = 0;
  };
  struct Fact {
    Figure figure;                  // spans are not meaningful here
    std::string sentence;           // evidence, on one line, at most 300 bytes
  };
  std::vector<Name> entities;
  std::vector<Fact> figures;        // one per quantity (group representative) with a counted noun
};

ArticleFacts facts_of(const Analysis& a);
// One object of newsan's JSON output. Throws FormatError when it is not one.
ArticleFacts facts_from_json(const nlohmann::json& record);

struct CorpusOptions {
  int window_days = 7;              // articles this many days apart or less report the same moment
  std::size_t top_entities = 50;
};

struct CorpusReport {
  struct EntityRow {
    std::string name, type;
    std::vector<std::string> roles;
    std::size_t articles = 0, mentions = 0;
    std::optional<std::string> first, last;
  };
  struct Point {
    Figure figure;
    std::string article, source, sentence;
    std::optional<std::string> date;
    bool ambiguous = false;         // its article gives other, disagreeing values for the same series
  };
  struct Series {
    std::string event_class, counted, kind;
    std::vector<Point> points;      // by date (undated last), then article order
    std::size_t articles = 0;
  };
  struct Pair {
    bool agrees = false;
    std::size_t series = 0, a = 0, b = 0;  // indexes into series / its points
  };
  std::size_t articles = 0, errors = 0;
  std::optional<std::string> first_date, last_date;
  std::vector<EntityRow> entities;
  std::vector<Series> series;
  std::vector<Pair> pairs;          // contradictions first
  int window_days = 7;
};

class CorpusSummary {
 public:
  explicit CorpusSummary(CorpusOptions opt) : opt_(opt) {}
  void add(ArticleFacts facts);
  void add_error() { ++errors_; }
  CorpusReport report() const;

 private:
  struct EntityAgg {
    std::string name, type;
    std::vector<std::string> roles;
    std::size_t articles = 0, mentions = 0;
    std::optional<std::string> first, last;
    std::size_t order = 0;
  };
  CorpusOptions opt_;
  std::size_t articles_ = 0, errors_ = 0;
  std::optional<std::string> first_, last_;
  std::map<std::string, EntityAgg> entities_;
  std::map<std::string, CorpusReport::Series> series_;
};

// format: "text", "markdown", "json" or "html".
std::string render_corpus(const CorpusReport& r, std::string_view format);

}  // namespace newsan
