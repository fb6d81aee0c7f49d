// First version of the entity extractor (foundation): runs of capitalized
// words, typed by small head-word lists, merged by name. The entities issue
// replaces these rules with a trained tagger and gazetteers.
#include "newsan/entities.h"

#include <algorithm>
#include <array>
#include <map>

#include "util/utf8.h"

namespace newsan {

const char* to_string(EntityType t) {
  switch (t) {
    case EntityType::person: return "person";
    case EntityType::organization: return "organization";
    case EntityType::location: return "location";
    case EntityType::facility: return "facility";
    case EntityType::group: return "group";
    case EntityType::event: return "event";
    case EntityType::work: return "work";
    case EntityType::other: return "other";
  }
  return "other";
}

struct EntityExtractor::Impl {};
EntityExtractor::EntityExtractor(const DataDir&) : impl_(std::make_unique<Impl>()) {}
EntityExtractor::~EntityExtractor() = default;
EntityExtractor::EntityExtractor(EntityExtractor&&) noexcept = default;
EntityExtractor& EntityExtractor::operator=(EntityExtractor&&) noexcept = default;
std::string EntityExtractor::model_version() const { return "rules-0"; }

namespace {
template <std::size_t N>
bool in(const std::array<const char*, N>& list, std::string_view w) {
  return std::any_of(list.begin(), list.end(), [&](const char* x) { return w == x; });
}
constexpr std::array kTitles = {"president", "minister", "general", "gen.", "mr.", "mrs.", "ms.", "dr.",
                                "senator", "sen.", "governor", "king", "queen", "prince", "pope", "judge",
                                "chancellor", "secretary", "ceo", "chairman", "professor", "prof."};
constexpr std::array kFacility = {"prison", "airport", "hospital", "stadium", "jail", "station", "bridge",
                                  "palace", "port", "base", "tower", "museum"};
constexpr std::array kOrg = {"administration", "party", "ministry", "government", "council", "committee",
                             "university", "bank", "inc.", "corp.", "company", "agency", "army", "union",
                             "court", "congress", "parliament", "police", "commission", "department"};
constexpr std::array kPlaces = {"venezuela", "united states", "u.s.", "china", "russia", "ukraine", "france",
                                "germany", "britain", "japan", "india", "brazil", "mexico", "canada",
                                "caracas", "washington", "london", "paris", "europe", "africa", "asia",
                                "colombia", "cuba", "iran", "israel", "spain", "italy"};
constexpr std::array kFunction = {"the", "a", "an", "while", "despite", "many", "in", "on", "at", "it", "he",
                                  "she", "they", "we", "this", "that", "these", "those", "but", "and", "or",
                                  "after", "before", "as", "if", "when", "original", "source", "there", "his",
                                  "her", "their", "its", "our", "some", "all", "for", "from", "with"};
}  // namespace

std::vector<Entity> EntityExtractor::extract(const Document& doc, const Tokenized& tk) const {
  std::string_view text = doc.text;
  const auto& T = tk.tokens;
  std::vector<Entity> out;
  std::map<std::string, std::size_t> by_key;
  auto add = [&](Span span, EntityType type, std::size_t sentence, std::string role) {
    std::string name(span.in(text));
    std::string key = utf8::fold(name);
    // a single-word person mention joins a longer person entity that ends with it
    if (type == EntityType::person && key.find(' ') == std::string::npos) {
      for (auto& [k, idx] : by_key)
        if (out[idx].type == EntityType::person && k.size() > key.size() && k.ends_with(" " + key)) {
          key = k;
          break;
        }
    }
    auto [it, fresh] = by_key.try_emplace(key, out.size());
    if (fresh) out.push_back(Entity{name, type, "", {}, {}, {}, 0});
    Entity& e = out[it->second];
    e.mentions.push_back({span, sentence});
    if (!role.empty() && std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end()) e.roles.push_back(role);
  };
  for (std::size_t s = 0; s < tk.sentences.size(); ++s) {
    const Sentence& sent = tk.sentences[s];
    for (std::size_t i = sent.first; i < sent.last; ++i) {
      if (!(T[i].kind == TokenKind::word && T[i].capitalized)) continue;
      std::size_t j = i;
      while (j < sent.last && T[j].kind == TokenKind::word && T[j].capitalized) ++j;
      // drop leading function words ("The", "While") and a title ("President")
      std::string role;
      std::size_t b = i;
      while (b < j && in(kFunction, utf8::fold(T[b].text(text)))) ++b;
      if (b < j && j - b > 1 && in(kTitles, utf8::fold(T[b].text(text)))) {
        role = std::string(T[b].text(text));
        ++b;
      }
      if (b >= j) { i = j; continue; }
      Span span{T[b].span.start, T[j - 1].span.end};
      std::string key = utf8::fold(span.in(text));
      std::string head = utf8::fold(T[j - 1].text(text));
      EntityType type = EntityType::other;
      if (!role.empty()) type = EntityType::person;
      else if (in(kFacility, head)) type = EntityType::facility;
      else if (in(kOrg, head)) type = EntityType::organization;
      else if (in(kPlaces, key)) type = EntityType::location;
      else if (j - b >= 2) type = EntityType::person;
      // "Trump administration": a derived organization
      if (type == EntityType::other && j < sent.last && utf8::fold(T[j].text(text)) == "administration") {
        span.end = T[j].span.end;
        type = EntityType::organization;
        ++j;
      }
      // a lone capitalized word known as a person's surname stays a person
      if (type == EntityType::other)
        for (const auto& e : out)
          if (e.type == EntityType::person && utf8::fold(e.name).ends_with(" " + key)) type = EntityType::person;
      if (type != EntityType::other || j - b >= 1) add(span, type, s, role);
      i = j;
    }
  }
  for (auto& e : out) {
    e.salience = static_cast<double>(e.mentions.size());
    if (e.type == EntityType::organization && utf8::fold(e.name).ends_with(" administration"))
      e.related = e.name.substr(0, e.name.rfind(' '));
  }
  std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
    if (a.salience != b.salience) return a.salience > b.salience;
    return a.mentions.front().span.start < b.mentions.front().span.start;
  });
  return out;
}

}  // namespace newsan
