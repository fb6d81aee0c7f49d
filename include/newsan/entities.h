// newsan/entities.h — named entities: mentions merged into one entity per
// real-world thing.
//
// Contract: EntityExtractor is built once from the data directory (model and
// gazetteers, validated on load) and is then immutable; extract() is const
// and thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsan/document.h"
#include "newsan/resources.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"

namespace newsan {

enum class EntityType { person, organization, location, facility, group, event, work, other };
const char* to_string(EntityType t);

struct Mention {
  Span span;
  std::size_t sentence = 0;
  std::string role;  // the role the text gives the person at this mention; empty when none
};

struct Entity {
  std::string name;                   // fullest form, as written
  EntityType type = EntityType::other;
  std::string subtype;                // location: country, region, city; empty when unknown
  std::vector<Mention> mentions;      // sorted by span
  std::vector<std::string> roles;     // persons: "President", "Minister" …, the main role first
                                      // (the first one the text states)
  std::optional<std::string> related; // derived names: "Trump administration" -> "Trump"
  double salience = 0;                // higher = more central to the article
};

class EntityExtractor {
 public:
  // The tagger and lexicons from `res` (loaded once there, shared).
  explicit EntityExtractor(const Resources& res);
  // With a Resources of its own.
  explicit EntityExtractor(const DataDir& data);
  ~EntityExtractor();
  EntityExtractor(EntityExtractor&&) noexcept;
  EntityExtractor& operator=(EntityExtractor&&) noexcept;

  // Entities sorted by salience (highest first), ties by first mention.
  // `syntax` parses the document's sentences on demand (unavailable without a model).
  std::vector<Entity> extract(const Document& doc, const Tokenized& tokens, DocumentSyntax& syntax) const;
  // The same without parses (a DocumentSyntax with no model).
  std::vector<Entity> extract(const Document& doc, const Tokenized& tokens) const;
  // Version string of the model in use ("rules" when none).
  std::string model_version() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsan
