// The entity extractor: the trained tagger (src/ner/) finds names, then the
// rules here turn name mentions into entities.
//
// Steps, and why each is here rather than in the model:
//  1. Words for the tagger are the tokenizer's tokens, with a stand-alone
//     clitic ("' s" in space-joined text) rejoined and curly apostrophes made
//     straight, because the model was trained on CoNLL tokens. Sentences are
//     also cut at line breaks: a name never crosses one.
//     A name found once is also taken where the same words recur untagged.
//     Chunks the tagger cut apart are joined where a head says they are one
//     name ("University of | the West Indies", "Puerto Rico | Police
//     Department", "People for the | Ethical Treatment …", "British | Virgin
//     Islands", "Customs and Border Protection (CBP)"); "vs." splits two.
//  2. Each chunk is cleaned: a trailing possessive is dropped ("Venezuela’s"),
//     leading titles become the person's roles ("President Nicolás Maduro"),
//     a capitalised facility head right after a place joins it ("Tocorón
//     Prison"), a person followed by "administration" also yields a derived
//     organization related to that person. Head words, legal forms, place
//     prefixes, event heads and a following stock ticker type a name over the
//     tagger, and so does a given name (gazetteers/given-names.tsv) unless the
//     article names an institution so; tickers, abbreviations of common words,
//     month names and time zones are no names.
//  3. Mentions are clustered: same folded name (case and diacritics) and
//     type, a person's surname or shorter name to the fullest person name, an
//     acronym to the name whose initials it spells ("United Nations (UN)"), a
//     short name in parentheses to the institution before it, a country's
//     names to one another by ISO code ("UK" = "Britain").
//     The entity's type is the majority of its mentions' types (acronyms do
//     not vote), its name is the fullest mention as written (with an event's
//     year and edition words).
//  4. Types beyond CoNLL's four come from the gazetteers inside the model:
//     facility (head word), group (nationality or group list), location
//     subtype (country, region, city) from the text's own words first.
//  5. Salience: mentions, plus weight for the headline and the lede; `other`
//     entities are listed after the typed ones.
#include "newsan/entities.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "newsan/error.h"
#include "newsan/ner.h"
#include "newsan/syntax.h"
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

namespace {

// What the extractor loads once: the tagger and its word lists.
struct Head {
  EntityType type;
  bool strong;  // overrules the tagger's ORG/LOC too
};

struct Tables {
  ner::Tagger tagger;
  std::vector<std::string> derived_heads;  // "administration", "government" … (folded)
  std::vector<std::string> event_heads;    // "cup", "war" … (folded)
  std::vector<std::string> honorifics;     // "mr", "ms" … (folded): not roles
  std::unordered_map<std::string, Head> heads;  // "road" -> location … (folded)
  std::unordered_set<std::string> legal;       // "inc", "sa", "co" … (folded, no dots)
  std::unordered_set<std::string> role_nouns;  // "spokesman", "economist" … (folded)
  std::unordered_set<std::string> role_mods;   // "former", "interim" … (folded)
  std::unordered_set<std::string> place_prefixes;       // "lake", "mount" … (folded)
  std::unordered_map<std::string, EntityType> of_heads;  // "university" -> organization … (folded)
  std::unordered_set<std::string> months;  // "feb.", "december" … (folded; the dates lexicon's month rows)
  std::unordered_set<std::string> given_names;  // "melissa", "clayton" … (folded; gazetteers/given-names.tsv)
  std::unordered_set<std::string> zones;        // "utc", "est" … (folded; the dates lexicon's zone rows)
  std::unordered_map<std::string, std::string> country_codes;  // "uk", "united kingdom" -> "GB" (folded, no dots)
  std::unordered_set<std::string> facility_nouns;  // "airport", "prison" … (folded)
  std::unordered_set<std::string> portfolios;      // "labour", "finance" … (folded)
};

// A one-column lexicon of words (data/lexicon/<kind>-en.tsv), case-folded.
std::vector<std::string> load_words(const Resources& res, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& row : res.lexicon("lexicon/" + kind + "-en.tsv", kind, 1))
    out.push_back(utf8::fold(row.fields[0]));
  return out;
}

// Folded with the dots taken out: "S.A." -> "sa", "Inc." -> "inc".
std::string bare_fold(std::string_view w) {
  std::string f = utf8::fold(w);
  f.erase(std::remove(f.begin(), f.end(), '.'), f.end());
  return f;
}

// A head word's type column ("street" is a strong location).
EntityType head_type_named(const std::string& kind, const LexiconRow& row) {
  const std::string& t = row.fields[1];
  EntityType type = t == "location" || t == "place" || t == "street" ? EntityType::location
                    : t == "organization" ? EntityType::organization
                    : t == "facility"     ? EntityType::facility
                    : t == "work"         ? EntityType::work
                    : t == "event"        ? EntityType::event
                                          : EntityType::other;
  if (type == EntityType::other)
    throw FormatError(kind + " lexicon: unknown type '" + t + "' for '" + row.fields[0] + "'");
  return type;
}

std::unordered_map<std::string, Head> load_heads(const Resources& res) {
  std::unordered_map<std::string, Head> out;
  const std::string kind = "entity-heads";
  for (const auto& row : res.lexicon("lexicon/" + kind + "-en.tsv", kind, 2))
    out.emplace(bare_fold(row.fields[0]), Head{head_type_named(kind, row), row.fields[1] != "organization" && row.fields[1] != "location"});
  return out;
}

// The words of one kind of the dates lexicon: "month" (with and without their
// dots, "feb.", "feb"), "zone" ("utc", "est"), folded.
std::unordered_set<std::string> load_date_words(const Resources& res, std::string_view kind) {
  std::unordered_set<std::string> out;
  for (const auto& row : res.lexicon("lexicon/dates-en.tsv", "dates", 2))
    if (row.fields[1] == kind) out.insert(utf8::fold(row.fields[0]));
  return out;
}

std::unordered_map<std::string, EntityType> load_of_heads(const Resources& res) {
  std::unordered_map<std::string, EntityType> out;
  const std::string kind = "entity-of-heads";
  for (const auto& row : res.lexicon("lexicon/" + kind + "-en.tsv", kind, 2))
    out.emplace(bare_fold(row.fields[0]), head_type_named(kind, row));
  return out;
}

// Country names with their ISO code (gazetteers/countries.tsv, and the aliases
// that have one), keyed as name_key() keys a name: folded, without dots.
std::unordered_map<std::string, std::string> load_country_codes(const Resources& res) {
  std::unordered_map<std::string, std::string> out;
  for (const char* kind : {"countries", "country-aliases"})
    for (const auto& row :
         res.lexicon(std::string("gazetteers/") + kind + ".tsv", std::string("gazetteer-") + kind, 1)) {
      if (row.fields.size() < 2 || row.fields[1].size() != 2) continue;  // former countries have 3 letters
      std::string key = utf8::fold_ascii(row.fields[0]);
      key.erase(std::remove(key.begin(), key.end(), '.'), key.end());
      out.emplace(std::move(key), row.fields[1]);
    }
  return out;
}

// Given names (data/gazetteers/given-names.tsv), folded.
std::unordered_set<std::string> load_given_names(const Resources& res) {
  std::unordered_set<std::string> out;
  for (const auto& row : res.lexicon("gazetteers/given-names.tsv", "gazetteer-given-names", 1))
    out.insert(utf8::fold(row.fields[0]));
  return out;
}

std::unordered_set<std::string> load_set(const Resources& res, const std::string& kind) {
  std::unordered_set<std::string> out;
  for (const auto& row : res.lexicon("lexicon/" + kind + "-en.tsv", kind, 1))
    out.insert(bare_fold(row.fields[0]));
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_possessive(std::string_view w) {
  return w == "'s" || w == "’s" || w == "'" || w == "’" || w == "'S" || w == "’S";
}

constexpr std::size_t kNone = std::size_t(-1);

// One name found by the tagger, as token indices [first, last) into Tokenized::tokens.
struct Found {
  std::size_t first = 0, last = 0;
  std::size_t name_first = kNone;  // where the name begins when before `first` (an event's year)
  std::size_t name_last = 0;       // where it ends when after `last`
  ner::ChunkType type{};
  std::size_t sentence = 0;
  EntityType etype = EntityType::other;
  std::string role;
  std::optional<std::string> related;
  bool derived = false;
  bool honorific = false;  // "Mr", "Ms" … right before the name
  bool plural_role = false;  // the role before the name ends in a plural noun ("ministers")
  bool alias = false;  // a short name given in parentheses after the full one: no type vote
  std::optional<ner::ChunkType> given_type;  // the tagger's type, when a given name made it a person
  const char* subtype = nullptr;  // a place's kind as the text states it ("the city of X")
};

// Initials of the capitalised words of `name` ("United Nations" -> "un").
std::string initials(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    std::size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    if (j > i) {
      std::size_t len = 0;
      char32_t cp = utf8::decode(name, i, len);
      if (utf8::is_upper(cp)) utf8::append(out, cp);
    }
    i = j;
  }
  return utf8::fold(out);
}

// One call of extract(): the steps of the file comment, in order.
class Extraction {
 public:
  Extraction(const Tables& res, const Document& doc, const Tokenized& tk)
      : res_(res), doc_(doc), text_(doc.text), tk_(tk), T_(tk.tokens) {}

  std::vector<Entity> run() {
    build_words();
    lower_title_case_headline();
    ner::Sentences input = tagger_input();
    auto tagged = res_.tagger.tag_document(input);
    propagate(input, tagged);
    join_of_phrases(input, tagged);
    join_spelled_names(input, tagged);
    for (std::size_t s = 0; s < tagged.size(); ++s)
      for (const ner::Chunk& c : tagged[s]) add_split(s, c);
    return entities(cluster());
  }

 private:
  struct Word {
    std::size_t first, last;  // tokens
    std::size_t at, len;      // in arena_, or npos when the text is used as is
  };

  std::string_view span_text(std::size_t first, std::size_t last) const {
    return Span{T_[first].span.start, T_[last - 1].span.end}.in(text_);
  }
  std::string folded(std::size_t tok) const { return utf8::fold(T_[tok].text(text_)); }
  std::uint16_t gaz_bits(std::size_t first, std::size_t last) const {
    if (last <= first) return 0;
    // Names are short: their words fit on the stack, longer ones take the heap.
    std::array<std::string_view, 8> small;
    std::vector<std::string_view> large;
    std::string_view* ws = small.data();
    if (last - first > small.size()) {
      large.resize(last - first);
      ws = large.data();
    }
    for (std::size_t k = first; k < last; ++k) ws[k - first] = T_[k].text(text_);
    return res_.tagger.gazetteer().lookup(ws, last - first);
  }
  std::string_view word_text(const Word& w) const {
    return w.at == std::string_view::npos ? span_text(w.first, w.last) : std::string_view(arena_).substr(w.at, w.len);
  }

  // 1. Tagger input: words per sentence, cut at line breaks; map back to tokens.
  void build_words() {
    // The "Original Source: …" line is metadata, not prose.
    Span skip{0, 0};
    if (doc_.source_span) {
      std::size_t b = text_.find_last_of("\r\n", doc_.source_span->start);  // a lone CR ends a line too
      skip = {b == std::string_view::npos ? 0 : b + 1, doc_.source_span->end};
    }
    words_.reserve(tk_.sentences.size());
    sentence_of_.reserve(tk_.sentences.size());
    for (std::size_t s = 0; s < tk_.sentences.size(); ++s) {
      const Sentence& sent = tk_.sentences[s];
      bool open = false;
      for (std::size_t i = sent.first; i < sent.last; ++i) {
        if (T_[i].span.overlaps(skip)) {
          open = false;
          continue;
        }
        if (!open || T_[i].newline_before) {
          words_.emplace_back().reserve(sent.last - i);
          sentence_of_.push_back(s);
          open = true;
        }
        words_.back().push_back(word_at(i, sent.last));
      }
    }
  }

  // The word starting at token `i` (advanced past the tokens it takes).
  Word word_at(std::size_t& i, std::size_t sent_last) {
    std::string_view w = T_[i].text(text_);
    Word word{i, i + 1, std::string_view::npos, 0};
    // "' s" with a space before the apostrophe: one clitic word, as in CoNLL.
    if ((w == "'" || w == "’") && T_[i].space_before && i + 1 < sent_last && !T_[i + 1].space_before &&
        T_[i + 1].kind == TokenKind::word && T_[i + 1].span.size() <= 2) {
      word.last = i + 2;
      ++i;
    }
    // "1996-08-30", "6-2", "1/2", "10-year": one word, as CoNLL (and the
    // model) has it, where the tokenizer splits at the inner punctuation.
    bool numeric = T_[i].kind == TokenKind::number;
    std::size_t end = word.last;
    auto joiner = [&](std::size_t k) {
      char c = text_[T_[k].span.start];
      return T_[k].span.size() == 1 && (c == '-' || c == '/' || c == ':');
    };
    while (end + 1 < sent_last && !T_[end].space_before && !T_[end + 1].space_before && joiner(end) &&
           (T_[end + 1].kind == TokenKind::number || T_[end + 1].kind == TokenKind::word)) {
      numeric = numeric || T_[end + 1].kind == TokenKind::number;
      end += 2;
    }
    if (numeric && end > word.last) {
      word.last = end;
      i = end - 1;
    }
    std::string_view full = span_text(word.first, word.last);
    if (full.find('\xE2') != std::string_view::npos && full.find("’") != std::string_view::npos) {
      word.at = arena_.size();
      for (std::size_t k = 0; k < full.size();) {
        if (full.compare(k, 3, "’") == 0) {
          arena_.push_back('\'');
          k += 3;
        } else {
          arena_.push_back(full[k++]);
        }
      }
      word.len = arena_.size() - word.at;
    }
    return word;
  }

  // A Title Case headline ("Venezuela Releases Over 130 Political Prisoners")
  // capitalises ordinary words, which the model (trained on news prose and
  // ALL-CAPS headlines) would read as a name. Such words are shown to it in
  // lower case unless the article writes them capitalised mid-sentence too.
  // Only the headline: elsewhere runs of capitals are lists of names.
  void lower_title_case_headline() {
    std::vector<bool> title_case(words_.size(), false);
    for (std::size_t s = 0; s < words_.size(); ++s) {
      std::size_t lettered = 0, capital = 0, all_caps = 0;
      for (const Word& w : words_[s]) {
        if (T_[w.first].kind != TokenKind::word) continue;
        ++lettered;
        capital += T_[w.first].capitalized;
        all_caps += T_[w.first].all_caps;
      }
      bool headline = doc_.title_span && doc_.title_span->contains(T_[words_[s].front().first].span);
      title_case[s] = headline && lettered >= 4 && capital * 10 >= lettered * 7 && all_caps * 2 < lettered;
    }
    if (std::find(title_case.begin(), title_case.end(), true) == title_case.end()) return;
    std::set<std::string> names_in_prose;
    for (std::size_t s = 0; s < words_.size(); ++s)
      if (!title_case[s])
        for (std::size_t k = 1; k < words_[s].size(); ++k)
          if (T_[words_[s][k].first].capitalized) names_in_prose.emplace(word_text(words_[s][k]));
    for (std::size_t s = 0; s < words_.size(); ++s) {
      if (!title_case[s]) continue;
      for (std::size_t k = 1; k < words_[s].size(); ++k) {
        Word& w = words_[s][k];
        if (!T_[w.first].capitalized || T_[w.first].all_caps) continue;
        std::string form(word_text(w));
        if (names_in_prose.count(form)) continue;
        std::string lower = utf8::fold(form);
        w.at = arena_.size();
        w.len = lower.size();
        arena_ += lower;
      }
    }
  }

  // Views into the text and the arena: only valid until the arena grows again.
  ner::Sentences tagger_input() const {
    ner::Sentences input(words_.size());
    for (std::size_t s = 0; s < words_.size(); ++s) {
      input[s].reserve(words_[s].size());
      for (const Word& w : words_[s]) input[s].push_back(word_text(w));
    }
    return input;
  }

  // A name the tagger found once is the same name where it recurs verbatim
  // and the tagger missed it (document-level consistency).
  void propagate(const ner::Sentences& input, std::vector<std::vector<ner::Chunk>>& tagged) const {
    std::map<std::string, ner::ChunkType, std::less<>> known;
    // First words of the known names: a word that starts none of them starts no
    // match (words hold no spaces), so most words cost one hash lookup.
    std::unordered_set<std::string_view> starts;
    std::size_t longest = 0;
    std::string key;  // reused: the candidate names are built without allocating
    auto joined = [&](std::size_t s, std::size_t a, std::size_t b) -> const std::string& {
      key.clear();
      for (std::size_t i = a; i < b; ++i) (key += input[s][i]) += ' ';
      return key;
    };
    for (std::size_t s = 0; s < tagged.size(); ++s)
      for (const ner::Chunk& c : tagged[s]) {
        known.try_emplace(joined(s, c.first, c.last), c.type);
        starts.insert(input[s][c.first]);
        longest = std::max(longest, c.last - c.first);
      }
    std::vector<bool> taken;
    std::vector<ner::Chunk> added;
    for (std::size_t s = 0; s < tagged.size() && !known.empty(); ++s) {
      taken.assign(input[s].size(), false);
      for (const ner::Chunk& c : tagged[s])
        for (std::size_t i = c.first; i < c.last; ++i) taken[i] = true;
      added.clear();
      for (std::size_t i = 0; i < input[s].size(); ++i) {
        if (taken[i] || !T_[words_[s][i].first].capitalized || !starts.count(input[s][i])) continue;
        for (std::size_t n = std::min(longest, input[s].size() - i); n >= 1; --n) {
          bool free = true;
          for (std::size_t k = i; k < i + n; ++k) free = free && !taken[k];
          if (!free) continue;
          auto it = known.find(joined(s, i, i + n));
          if (it == known.end()) continue;
          added.push_back({i, i + n, it->second});
          for (std::size_t k = i; k < i + n; ++k) taken[k] = true;
          break;
        }
      }
      if (added.empty()) continue;
      tagged[s].insert(tagged[s].end(), added.begin(), added.end());
      std::sort(tagged[s].begin(), tagged[s].end(),
                [](const ner::Chunk& a, const ner::Chunk& b) { return a.first < b.first; });
    }
  }

  // "Chargers vs. Northern Michigan": two names the tagger ran together.
  void add_split(std::size_t s, const ner::Chunk& c) {
    std::size_t from = c.first;
    for (std::size_t k = c.first + 1; k + 1 < c.last; ++k) {
      std::string w = bare_fold(T_[words_[s][k].first].text(text_));
      if (w != "vs" && w != "v" && w != "versus") continue;
      std::size_t next = k + 1;
      if (next < c.last && is_punct(words_[s][next].first, ".")) ++next;
      if (next >= c.last) break;
      add_mention(s, {from, k, c.type});
      from = next;
      k = next;
    }
    add_mention(s, {from, c.last, c.type});
  }

  // "Customs and Border Protection (CBP)", "Air and Marine Operations (AMO)":
  // capitalised words (with "and", "of", "for", "the", "&" between them) whose
  // initials spell the acronym in parentheses after them are one name, however
  // the tagger cut them; so are the same words wherever else they stand. Only
  // where the tagger found a name among them (not "Gross Domestic Product (GDP)").
  void join_spelled_names(const ner::Sentences& input, std::vector<std::vector<ner::Chunk>>& tagged) const {
    auto connector = [](std::string_view w) {
      return w == "and" || w == "of" || w == "for" || w == "the" || w == "&" || w == "on";
    };
    // Joins words [a, b) of sentence s into one chunk if the tagger's chunks
    // there allow it; a name crossing the left edge by a word or two is taken in
    // whole ("U.S. | Customs and Border Protection").
    auto join = [&](std::size_t s, std::size_t a, std::size_t b) {
      auto& cs = tagged[s];
      std::size_t first = cs.size(), last = 0;
      for (std::size_t j = 0; j < cs.size(); ++j) {
        if (cs[j].last <= a || cs[j].first >= b) continue;
        if (cs[j].first < a && cs[j].first + 2 >= a && first == cs.size()) a = cs[j].first;
        if (cs[j].first < a || cs[j].last > b) return false;  // a name crossing the edge
        first = std::min(first, j);
        last = j + 1;
      }
      if (first == cs.size() || (last == first + 1 && cs[first].first == a && cs[first].last == b)) return false;
      // Names of two kinds joined, or a "person" with "and" inside, are an institution.
      ner::ChunkType type = cs[first].type;
      for (std::size_t j = first; j < last; ++j)
        if (cs[j].type != type || type == ner::ChunkType::PER) type = ner::ChunkType::ORG;
      cs.erase(cs.begin() + std::ptrdiff_t(first), cs.begin() + std::ptrdiff_t(last));
      cs.insert(cs.begin() + std::ptrdiff_t(first), ner::Chunk{a, b, type});
      return true;
    };
    std::set<std::vector<std::string_view>> joined;
    for (std::size_t s = 0; s < input.size(); ++s) {
      const auto& ws = input[s];
      for (std::size_t p = 2; p + 2 < ws.size(); ++p) {
        if (ws[p] != "(" || ws[p + 2] != ")") continue;
        const Token& acro_tok = T_[words_[s][p + 1].first];
        std::string_view acro = ws[p + 1];
        if (!acro_tok.all_caps || acro.size() < 2 || acro.size() > 8) continue;
        std::size_t need = acro.size(), a = p, capitals = 0;
        while (a > 0 && need > 0) {
          std::string_view w = ws[a - 1];
          const Token& t = T_[words_[s][a - 1].first];
          if (t.capitalized && !t.all_caps && t.kind == TokenKind::word) {
            if ((w[0] | 0x20) != (acro[need - 1] | 0x20)) break;
            --need;
            ++capitals;
          } else if (!connector(w) || a == p) {
            break;
          }
          --a;
        }
        if (need != 0 || capitals < 2 || !join(s, a, p)) continue;
        joined.emplace(ws.begin() + std::ptrdiff_t(a), ws.begin() + std::ptrdiff_t(p));
      }
    }
    if (joined.empty()) return;
    for (std::size_t s = 0; s < input.size(); ++s)
      for (const auto& name : joined)
        for (std::size_t a = 0; a + name.size() <= input[s].size(); ++a)
          if (std::equal(name.begin(), name.end(), input[s].begin() + std::ptrdiff_t(a))) join(s, a, a + name.size());
  }

  // "University of the West Indies", "Proceedings of the National Academy of
  // Sciences": a name after "of [the]" joins the capitalised words before it
  // when they end in a head that takes such a complement (entity-of-heads).
  void join_of_phrases(const ner::Sentences& input, std::vector<std::vector<ner::Chunk>>& tagged) const {
    for (std::size_t s = 0; s < tagged.size(); ++s) {
      auto& cs = tagged[s];
      for (std::size_t j = 0; j < cs.size(); ++j) {
        std::size_t o = cs[j].first;
        if (o >= 1 && input[s][o - 1] == "the") --o;
        if (o < 2 || input[s][o - 1] != "of") continue;
        --o;  // at "of"
        std::size_t h = o - 1;
        if (!T_[words_[s][h].first].capitalized) continue;
        auto head = res_.of_heads.find(bare_fold(input[s][h]));
        if (head == res_.of_heads.end()) continue;
        std::size_t start = h;
        bool before = j > 0 && cs[j - 1].last == o;
        if (before) {
          start = cs[j - 1].first;
        } else {
          if (j > 0 && cs[j - 1].last > h) continue;
          std::size_t floor = j > 0 ? cs[j - 1].last : 0;
          while (start > floor && h - start < 3 && T_[words_[s][start - 1].first].capitalized &&
                 !T_[words_[s][start - 1].first].all_caps && bare_fold(input[s][start - 1]) != "the")
            --start;
        }
        const EntityType t = head->second;
        cs[j].first = start;
        cs[j].type = t == EntityType::organization ? ner::ChunkType::ORG
                     : t == EntityType::location || t == EntityType::facility ? ner::ChunkType::LOC
                                                                               : ner::ChunkType::MISC;
        if (before) {
          cs.erase(cs.begin() + std::ptrdiff_t(j - 1));
          --j;
        }
      }
      // "UK Ministry of Defense": the same when the tagger left the words after
      // "of" untagged (capitalised words up to the next name).
      // Also its last words: "Institute of Marine | Research".
      for (std::size_t j = 0; j < cs.size(); ++j) {
        const std::size_t end = cs[j].last, limit = j + 1 < cs.size() ? cs[j + 1].first : input[s].size();
        std::size_t of = cs[j].first + 1;
        while (of <= end && of < input[s].size() && input[s][of] != "of") ++of;
        if (of > end || of >= limit || !res_.of_heads.count(bare_fold(input[s][of - 1]))) continue;
        std::size_t k = std::max(of + 1, end);
        if (k == of + 1 && k < limit && input[s][k] == "the") ++k;
        std::size_t stop = k;
        while (stop < limit && stop < k + 4 && T_[words_[s][stop].first].capitalized) ++stop;
        if (stop > k) cs[j].last = stop;
      }
      // "People for the | Ethical Treatment of Animals", "Center for | Defense
      // Studies": capitalised words, "for [the]" and an organization are one name.
      for (std::size_t j = 0; j < cs.size(); ++j) {
        if (cs[j].type != ner::ChunkType::ORG) continue;
        std::size_t o = cs[j].first;
        if (o >= 1 && input[s][o - 1] == "the") --o;
        if (o < 3 || input[s][o - 1] != "for") continue;
        std::size_t h = o - 2;  // the word before "for"
        const std::size_t floor = j > 0 ? cs[j - 1].last : 0;
        bool before = j > 0 && cs[j - 1].last == h + 1 && cs[j - 1].type != ner::ChunkType::PER;
        if (!before && (h < floor || h == 0 || !T_[words_[s][h].first].capitalized || T_[words_[s][h].first].all_caps))
          continue;
        std::size_t start = before ? cs[j - 1].first : h;
        while (!before && start > floor + 1 && h - start < 2 && T_[words_[s][start - 1].first].capitalized &&
               bare_fold(input[s][start - 1]) != "the")
          --start;
        cs[j].first = start;
        if (before) {
          cs.erase(cs.begin() + std::ptrdiff_t(j - 1));
          --j;
        }
      }
      // "Winter Military Collector 's | Show": a possessive inside an event's name.
      for (std::size_t j = 0; j < cs.size(); ++j) {
        const std::size_t p = cs[j].last;
        if (p + 1 >= input[s].size() || (input[s][p] != "'s" && input[s][p] != "'S")) continue;
        const bool next = j + 1 < cs.size() && cs[j + 1].first == p + 1;  // the tagger's name after it
        const std::size_t limit = next ? cs[j + 1].last : j + 1 < cs.size() ? cs[j + 1].first : input[s].size();
        std::size_t e = p + 1;
        while (e < limit && e < p + 4 && T_[words_[s][e].first].capitalized) ++e;
        if (e == p + 1 || !contains(res_.event_heads, bare_fold(input[s][e - 1]))) continue;
        cs[j].last = e;
        cs[j].type = ner::ChunkType::MISC;
        if (next) cs.erase(cs.begin() + std::ptrdiff_t(j + 1));
      }
      // Joins chunk j-1 into chunk j where `fits` says so and chunk j's last word is a
      // head of type `head_type`.
      auto join_before_head = [&](EntityType head_type, auto fits) {
        for (std::size_t j = 1; j < cs.size(); ++j) {
          if (!fits(cs[j - 1], cs[j])) continue;
          auto head = res_.heads.find(bare_fold(input[s][cs[j].last - 1]));
          if (head == res_.heads.end() || head->second.type != head_type) continue;
          cs[j].first = cs[j - 1].first;
          cs.erase(cs.begin() + std::ptrdiff_t(j - 1));
          --j;
        }
      };
      // "British | Virgin Islands": a nationality right before a place named by
      // a place head is part of the place's name.
      join_before_head(EntityType::location, [&](const auto& a, const auto& b) {
        return a.type == ner::ChunkType::MISC && b.type == ner::ChunkType::LOC && a.last == b.first &&
               a.last == a.first + 1 && (gaz_bits(words_[s][a.first].first, words_[s][a.first].last) & ner::kGazNationality);
      });
      // "Puerto Rico | Police Department", "Republic of Singapore | Air Force":
      // a place right before an institution named by its head is part of its name.
      join_before_head(EntityType::organization, [](const auto& a, const auto& b) {
        return a.type == ner::ChunkType::LOC && b.type == ner::ChunkType::ORG && a.last == b.first &&
               b.last >= b.first + 2;
      });
    }
  }

  // 2. One chunk of tagger sentence s to a cleaned mention (and maybe a derived one).
  void add_mention(std::size_t s, const ner::Chunk& c) {
    Found f;
    f.first = words_[s][c.first].first;
    f.last = words_[s][c.last - 1].last;
    f.type = c.type;
    f.sentence = sentence_of_[s];
    const std::size_t sent_first = words_[s].front().first, sent_last = words_[s].back().last;
    // Punctuation at either end is no part of a name (") Walt", "Acme,").
    auto opened = [&] {
      for (std::size_t k = f.first; k + 1 < f.last; ++k)
        if (is_punct(k, "(")) return true;
      return false;
    };
    while (f.last > f.first + 1 && (is_possessive(T_[f.last - 1].text(text_)) || is_punct(f.last - 1, ",;:(\"") ||
                                    (is_punct(f.last - 1, ")") && !opened())))
      --f.last;
    while (f.first + 1 < f.last && T_[f.first].kind != TokenKind::word && T_[f.first].kind != TokenKind::number &&
           !is_punct(f.first, "@#"))
      ++f.first;
    // "House Dec. 11", "Feb. 25": a month before a day number is a date, not a name.
    while (f.last > f.first && f.last < sent_last && month_before_day(f.last - 1)) --f.last;
    if (f.last == f.first) return;
    if (junk(f, sent_first)) return;
    // "Boat Show", "Freedom Tournament": an event head names an event whatever
    // the tagger said; a year or an ordinal before it is part of the name
    // ("2015 Boat Show", "21st Annual Trail Run").
    // The year stays out of the mention (CoNLL's convention) but names the entity.
    // So do the edition's words the tagger left out ("2015 UAH Spring Career
    // Fair", "Mid Winter Meeting 2015"), but not a sentence's first word.
    if (event_head(f.first, f.last)) {
      f.type = ner::ChunkType::MISC;
      std::size_t k = f.first;
      const std::size_t opening = first_word(sent_first);
      while (k > sent_first &&
             ((T_[k - 1].kind == TokenKind::number && year_or_ordinal(k - 1)) ||
              (k - 1 > opening && is_word(k - 1) && T_[k - 1].capitalized && folded(k - 1) != "the")))
        --k;
      if (k < f.first) f.name_first = k;
      if (f.last < sent_last && T_[f.last].kind == TokenKind::number && year_or_ordinal(f.last) &&
          T_[f.last].span.size() == 4)
        f.name_last = f.last + 1;
    }
    // A head word or a legal form types the name whatever the tagger said:
    // "General Motors" is no person "Motors" titled "General".
    // Only street words and legal forms overrule the tagger's ORG/LOC (a
    // county or a bank may be a team or a place: "Kent County", "West Bank").
    auto [head, strong] = head_type(f.first, f.last);
    const ner::ChunkType coarse = head == EntityType::organization ? ner::ChunkType::ORG
                                  : head == EntityType::work || head == EntityType::event ? ner::ChunkType::MISC
                                                                                          : ner::ChunkType::LOC;
    // After "in" or "near" a county is the place, not its team ("in Kent County").
    if (head == EntityType::location && !strong && f.first > sent_first) {
      std::string before = folded(f.first - 1);
      strong = before == "in" || before == "near" || before == "across" || before == "outside";
    }
    if (head && !strong && (f.type == ner::ChunkType::ORG || f.type == ner::ChunkType::LOC) && f.type != coarse)
      head.reset();
    // "Green Bay Packers": a place followed by a capitalised plural is a team.
    if (!head && f.type == ner::ChunkType::LOC && team_name(f.first, f.last)) f.type = ner::ChunkType::ORG;
    if (head && (f.type != ner::ChunkType::MISC || coarse == ner::ChunkType::MISC)) f.type = coarse;
    // "Clayton Aldern", "Sally": a given name (with one surname) that no list
    // knows as a place or an institution is a person whatever the tagger said
    // (unless the article names an institution so: cluster()).
    if (!head && (f.type == ner::ChunkType::ORG || f.type == ner::ChunkType::LOC) && given_name(f.first, f.last)) {
      f.given_type = f.type;
      f.type = ner::ChunkType::PER;
    }
    // "Sukhoi Su-24 Fencer", "QZ8501": a model or flight code (letters and
    // digits in one word) names a product or a service, not a person or a place.
    if (!head && (f.type == ner::ChunkType::PER || f.type == ner::ChunkType::LOC) && has_code(f.first, f.last))
      f.type = ner::ChunkType::MISC;
    // "Minister of Education Kay Rowe": after "<role> of" the tagger takes the
    // department and the person as one name (a person or an organization); the
    // person is the last two words, the rest is the role.
    if ((f.type == ner::ChunkType::PER || (f.type == ner::ChunkType::ORG && !head)) && f.first >= sent_first + 2 &&
        f.last > f.first + 2 && folded(f.first - 1) == "of" && (role_noun(f.first - 2) || title(f.first - 2)) &&
        !T_[f.last - 1].all_caps && !T_[f.last - 2].all_caps && T_[f.last - 1].capitalized &&
        T_[f.last - 2].capitalized) {
      f.first = f.last - 2;
      f.type = ner::ChunkType::PER;
    }
    if (f.type == ner::ChunkType::PER) {
      const std::size_t titles_first = take_titles(f, sent_first);
      // The portfolio the tagger took for a name of its own ("Labour") is the role's.
      if (!found_.empty() && found_.back().first == titles_first && found_.back().last == titles_first + 1 &&
          res_.portfolios.count(bare_fold(T_[titles_first].text(text_))))
        found_.pop_back();
      // A role written before the titles states the function: "former government
      // minister Dr Ana Ruiz" is a minister, "Dr" only how she is addressed.
      if (titles_first < f.first) {
        std::string before = role_before(titles_first, sent_first);
        if (!before.empty()) f.role = std::move(before);
      }
      for (std::size_t k = f.first; k > sent_first && k + 2 >= f.first; --k)
        f.honorific = f.honorific || contains(res_.honorifics, folded(k - 1));
      if (f.role.empty()) {
        f.role = role_before(f.first, sent_first);
        f.plural_role = !f.role.empty() && plural_noun(f.first - 1);
      }
      if (f.role.empty()) f.role = role_before_comma(f.first, sent_first);
      if (f.role.empty()) f.role = role_after(f.last, sent_last);
      // "ministers Ana Ruiz and Tomas Berg": a plural role before a list of names.
      if (f.role.empty() && f.first > sent_first + 1 && !found_.empty()) {
        const Found& prev = found_.back();
        std::string between = folded(f.first - 1);
        if (prev.type == ner::ChunkType::PER && prev.last + 1 == f.first && (between == "and" || between == ",") &&
            !prev.role.empty() && prev.plural_role)
          f.role = prev.role, f.plural_role = true;
      }
    }
    f.etype = entity_type(f);
    if (f.type == ner::ChunkType::LOC || f.type == ner::ChunkType::ORG) {
      // "Tocorón Prison": a capitalised facility head right after a place name.
      if (f.last < sent_last && T_[f.last].capitalized && !T_[f.last].all_caps &&
          (gaz_bits(f.last, f.last + 1) & ner::kGazFacilityHead))
        ++f.last;
      std::uint16_t bits = gaz_bits(f.last - 1, f.last);
      if ((bits & ner::kGazFacilityHead) && (f.type == ner::ChunkType::LOC || !(bits & ner::kGazOrgHead)) &&
          f.last > f.first + 1)
        f.etype = EntityType::facility;
      // "the Adolfo Suárez Madrid-Barajas airport": a multi-word name no gazetteer
      // knows as a place, before a lower-case facility noun, names the facility.
      if (f.last < sent_last && f.last > f.first + 1 && is_word(f.last) && !T_[f.last].capitalized &&
          res_.facility_nouns.count(folded(f.last)) &&
          !(gaz_bits(f.first, f.last) & (ner::kGazCountry | ner::kGazRegion | ner::kGazCity)))
        f.etype = EntityType::facility;
    }
    if (head) f.etype = *head;
    // "Lanco Infratech (LAIN.NS)": a name with a stock ticker is a company.
    if (f.last < sent_last && ticker(f.last) && f.etype != EntityType::organization) {
      f.type = ner::ChunkType::ORG;
      f.etype = EntityType::organization;
      f.role.clear();
    }
    if (f.etype == EntityType::location) f.subtype = place_kind(f, sent_first, sent_last);
    found_.push_back(f);
    // "Trump administration": a derived organization linked to the person.
    // A lone name tagged otherwise before "administration" is a person too
    // ("Biden administration"), unless it is a nationality ("British") or a place.
    if (f.last < sent_last && !T_[f.last].capitalized) {
      std::string next = folded(f.last);
      bool derived_head = contains(res_.derived_heads, next);
      bool person = f.type == ner::ChunkType::PER;
      // So is a full name there ("the George W. Bush administration") without a head word.
      if (derived_head && !person && next == "administration" && f.last <= f.first + 4 && !T_[f.first].all_caps &&
          (f.last == f.first + 1 || !head_type(f.first, f.last).first) &&
          !(gaz_bits(f.first, f.last) & (ner::kGazNationality | ner::kGazCountry))) {
        found_.back().type = ner::ChunkType::PER;
        found_.back().etype = EntityType::person;
        person = true;
      }
      if (derived_head && person) {
        Found d = found_.back();
        d.last = f.last + 1;
        d.etype = EntityType::organization;
        d.role.clear();
        d.related = std::string(span_text(f.first, f.last));
        d.derived = true;
        found_.push_back(d);
      }
    }
  }

  bool is_word(std::size_t tok) const { return T_[tok].kind == TokenKind::word; }
  // Whether a word of [first, last) holds both letters and digits ("A320", "Su-24").
  bool has_code(std::size_t first, std::size_t last) const {
    for (std::size_t k = first; k < last; ++k) {
      if (!T_[k].has_digit) continue;
      std::string_view w = T_[k].text(text_);
      if (std::any_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }))
        return true;
    }
    return false;
  }
  // Whether [first, last) is a given name followed by one surname that is not
  // a given name too ("Morgan Stanley") nor a plural, or a given name alone; in no gazetteer
  // of countries, regions, peoples or heads (many given names are also some
  // town's: a city counts against a given name alone only, and against a
  // surname: "Wells Fargo"), nor a legal form.
  bool given_name(std::size_t first, std::size_t last) const {
    if (last > first + 2 || !is_word(first) || !T_[first].capitalized) return false;
    // The list's names are a capital, lower-case letters and hyphens: others need no lookup.
    std::string_view w = T_[first].text(text_);
    if (w.size() < 2 ||
        !std::all_of(w.begin() + 1, w.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == '\''; }) ||
        !res_.given_names.count(folded(first)))
      return false;
    const std::uint16_t allowed = last == first + 2 ? ner::kGazCity : 0;
    for (std::size_t k = first; k < last; ++k)
      if (!is_word(k) || !T_[k].capitalized || T_[k].all_caps || (gaz_bits(k, k + 1) & ~(k == first ? allowed : 0)) != 0 ||
          res_.legal.count(bare_fold(T_[k].text(text_))) || res_.heads.count(bare_fold(T_[k].text(text_))))
        return false;
    // A plural after a given name is a team or a group ("Cleveland Indians").
    return (gaz_bits(first, last) & ~allowed) == 0 &&
           (last == first + 1 || (!res_.given_names.count(folded(first + 1)) && text_[T_[first + 1].span.end - 1] != 's'));
  }
  // A role noun, singular or plural ("cabinet ministers Ana Ruiz and …").
  bool role_noun(std::size_t tok) const {
    if (!is_word(tok)) return false;
    std::string w = bare_fold(T_[tok].text(text_));
    if (res_.role_nouns.count(w)) return true;
    return w.size() > 3 && w.back() == 's' && res_.role_nouns.count(w.substr(0, w.size() - 1));
  }
  // A month name (or its abbreviation) at token `tok`, its dot, then a day's number.
  bool month_before_day(std::size_t tok) const {
    if (!is_word(tok)) return false;
    std::size_t next = tok + 1;
    std::string m = folded(tok);
    if (next < T_.size() && is_punct(next, ".") && !T_[next].space_before) {
      m += '.';
      ++next;
    }
    return next < T_.size() && T_[next].kind == TokenKind::number && T_[next].span.size() <= 2 &&
           res_.months.count(m) > 0;
  }

  // What kind of place the text says a location is: "the city of X", "the
  // province of X" (a region), "X, <region or country>" (a city in it; a region
  // when X is a known region and the name after it a country).
  const char* place_kind(const Found& f, std::size_t sent_first, std::size_t sent_last) const {
    if (f.first >= sent_first + 2 && folded(f.first - 1) == "of") {
      std::string kind = folded(f.first - 2);
      if (kind == "city" || kind == "town" || kind == "village" || kind == "capital") return "city";
      if (kind == "state" || kind == "province" || kind == "region" || kind == "county" || kind == "island")
        return "region";
    }
    constexpr std::uint16_t kPlace = ner::kGazCountry | ner::kGazRegion | ner::kGazCity;
    const std::uint16_t own = gaz_bits(f.first, f.last);
    if (own & ner::kGazCountry) return nullptr;
    if (f.last + 1 < sent_last && is_punct(f.last, ",") && is_word(f.last + 1) && T_[f.last + 1].capitalized) {
      std::size_t e = f.last + 1;
      while (e + 1 < sent_last && e < f.last + 4 && is_word(e + 1) && T_[e + 1].capitalized) ++e;
      for (; e > f.last; --e) {
        std::uint16_t next = gaz_bits(f.last + 1, e + 1);
        if (!(next & kPlace)) continue;
        if (next & ner::kGazCountry) return (own & ner::kGazRegion) && !(own & ner::kGazCity) ? "region" : "city";
        if (next & ner::kGazRegion) return "city";
        break;
      }
    }
    return nullptr;
  }

  // A role noun in the plural ("ministers", not "minister" or "boss").
  bool plural_noun(std::size_t tok) const {
    if (!is_word(tok)) return false;
    std::string w = bare_fold(T_[tok].text(text_));
    return w.size() > 3 && w.back() == 's' && !res_.role_nouns.count(w) && res_.role_nouns.count(w.substr(0, w.size() - 1));
  }
  // First token of the hyphenated compound that ends at `tok` ("vice-president-elect").
  std::size_t compound_start(std::size_t tok, std::size_t sent_first) const {
    while (tok > sent_first && !T_[tok].space_before && is_punct(tok - 1, "-") && tok - 1 > sent_first &&
           !T_[tok - 1].space_before)
      tok -= 2;
    return tok;
  }
  bool dash(std::size_t tok) const {
    std::string_view w = T_[tok].text(text_);
    return w == "\u2013" || w == "\u2014" || w == "--";
  }
  bool role_mod(std::size_t tok) const { return is_word(tok) && res_.role_mods.count(bare_fold(T_[tok].text(text_))); }
  bool title(std::size_t tok) const {
    return (gaz_bits(tok, tok + 1) & ner::kGazTitle) || (T_[tok].capitalized && role_noun(tok));
  }
  bool is_punct(std::size_t tok, std::string_view chars) const {
    return T_[tok].kind != TokenKind::word && T_[tok].span.size() == 1 &&
           chars.find(text_[T_[tok].span.start]) != std::string_view::npos;
  }

  // Where a trailing legal form begins ("Wells Fargo [& Co]", "Acme [Inc.]"),
  // `last` when there is none; at least one word stays before it.
  std::size_t legal_start(std::size_t first, std::size_t last) const {
    std::size_t k = last;
    while (k > first + 1 && (res_.legal.count(bare_fold(T_[k - 1].text(text_))) || is_punct(k - 1, ".")))
      --k;
    if (k == last || !is_word(k) ) return last;
    if (k > first + 1 && is_punct(k - 1, "&,")) --k;
    return k;
  }

  // The type a multi-word name's last word or legal form gives it, if any,
  // and whether it is strong (a legal form, a street word).
  // Without a head word at the end, "<head> of [the] <name>" types the whole name
  // by the head before "of" (strong). A first word that names places ("Lake",
  // "Mount") makes it a location.
  std::pair<std::optional<EntityType>, bool> head_type(std::size_t first, std::size_t last) const {
    // "Register-Guard", "News-Register": a hyphenated word ends in its head.
    auto head_of = [&](std::size_t h) {
      std::string_view w = T_[h].text(text_);
      std::size_t dash = w.rfind('-');
      if (dash != std::string_view::npos && dash + 1 < w.size() && w[dash + 1] >= 'A' && w[dash + 1] <= 'Z')
        w.remove_prefix(dash + 1);
      return res_.heads.find(bare_fold(w));
    };
    if (last == first + 1 && is_word(first) && T_[first].capitalized) {
      std::string_view w = T_[first].text(text_);
      if (w.find('-') == std::string_view::npos || w.rfind('-') + 1 >= w.size() || head_of(first) == res_.heads.end())
        return {std::nullopt, false};
      return {head_of(first)->second.type, head_of(first)->second.strong};
    }
    if (last < first + 2) return {std::nullopt, false};
    // "Harbour Hotel & Spa": the head may stand before a last "& <word>" (which
    // wins over a legal form: "Spa" is also "S.p.A.").
    const bool legal = legal_start(first, last) < last;
    for (std::size_t h = last - 1;; h -= 2) {
      if (!(legal && h == last - 1) && is_word(h) && T_[h].capitalized) {
        auto it = head_of(h);
        if (it != res_.heads.end()) return {it->second.type, it->second.strong};
      }
      if (h < first + 3 || h != last - 1 || !is_punct(h - 1, "&")) break;
    }
    if (legal) return {EntityType::organization, true};
    for (std::size_t k = first + 1; k + 1 < last; ++k)
      if (T_[k].kind == TokenKind::word && text_.compare(T_[k].span.start, T_[k].span.size(), "of") == 0) {
        auto of = res_.of_heads.find(bare_fold(T_[k - 1].text(text_)));
        if (of != res_.of_heads.end()) return {of->second, true};
        break;
      }
    if (is_word(first) && T_[first + 1].capitalized && res_.place_prefixes.count(bare_fold(T_[first].text(text_))))
      return {EntityType::location, false};
    return {std::nullopt, false};
  }

  // Not a name: titles alone, a clock time's "AM"/"ET", or a word capitalised only because
  // it begins a sentence or heading and written in lower case elsewhere ("Share").
  bool junk(const Found& f, std::size_t sent_first) const {
    // A "person" made of titles alone ("Managing Director") names nobody.
    bool titles_only = f.type == ner::ChunkType::PER;
    for (std::size_t k = f.first; k < f.last && titles_only; ++k)
      titles_only = !is_word(k) || title(k) || role_noun(k) || role_mod(k) || folded(k) == "of";
    if (titles_only) return true;
    // "post-Mugabe", "Malaysia-based": one hyphenated word with a lower-case part.
    if (f.last > f.first + 1) {
      bool joined = true, lower = false;
      for (std::size_t k = f.first; k < f.last; ++k) {
        if (k > f.first && T_[k].space_before) joined = false;
        if (is_word(k) && !T_[k].capitalized) lower = true;
      }
      if (joined && lower) return true;
    } else if (is_word(f.first)) {
      // The same written as one token: a lower-case part of three letters or
      // more ("post-", "-based"); "al-Assad", "el-Sisi" keep their particle.
      std::string_view w = T_[f.first].text(text_);
      for (std::size_t a = 0, b; a < w.size() && w.find('-') != std::string_view::npos; a = b + 1) {
        b = std::min(w.find('-', a), w.size());
        std::string_view part = w.substr(a, b - a);
        if (part.size() >= 3 && part[0] >= 'a' && part[0] <= 'z') return true;
      }
    }
    std::string_view num = f.first > sent_first ? T_[f.first - 1].text(text_) : std::string_view();
    if (!num.empty() && T_[f.first - 1].kind == TokenKind::number &&
        (num.size() <= 2 || num.find(':') != std::string_view::npos)) {
      bool short_caps = true;
      for (std::size_t k = f.first; k < f.last; ++k)
        short_caps = short_caps && T_[k].all_caps && T_[k].span.size() <= 3;
      if (short_caps) return true;
    }
    if (ticker_or_abbreviation(f)) return true;
    // "US $1.4 billion", "NZ$ 5": a country's letters before a dollar sign name the currency.
    if (f.last == f.first + 1 && f.last < T_.size() && T_[f.first].all_caps && T_[f.first].span.size() <= 3 &&
        T_[f.last].text(text_).starts_with("$"))
      return true;
    // "9:00AM (UTC)": a time zone in parentheses is part of a time, not a name
    // (CoNLL's "1400 GMT" stays its MISC).
    if (f.last == f.first + 1 && f.first > sent_first && f.last < T_.size() && is_punct(f.first - 1, "(") &&
        is_punct(f.last, ")") && T_[f.first].all_caps && res_.zones.count(folded(f.first)))
      return true;
    if (first_word(sent_first) != f.first || f.last != f.first + 1 || T_[f.first].all_caps) return false;
    // "Port traffic is …": a sentence's first word that only heads or opens
    // longer names ("Port", "Lake", "University") is no name alone.
    const std::string w = bare_fold(T_[f.first].text(text_));
    if (res_.place_prefixes.count(w) || res_.of_heads.count(w) || res_.heads.count(w)) return true;
    return common_word(T_[f.first].text(text_));
  }

  // The first word or number of a tagger sentence (punctuation skipped).
  std::size_t first_word(std::size_t sent_first) const {
    std::size_t k = sent_first;
    while (k + 1 < T_.size() && !is_word(k) && T_[k].kind != TokenKind::number) ++k;
    return k;
  }

  // Whether a stock ticker stands in the parentheses opened at token `open`:
  // capitals joined by dots, without spaces ("(HARB.L)").
  bool ticker(std::size_t open) const {
    if (open + 4 >= T_.size() || !is_punct(open, "(")) return false;
    std::size_t b = open + 1;
    bool dotted = false;
    while (b < T_.size() && (b == open + 1 || !T_[b].space_before) && (T_[b].all_caps || is_punct(b, "."))) {
      dotted = dotted || is_punct(b, ".");
      ++b;
    }
    return dotted && b < T_.size() && is_punct(b, ")") && b - open >= 4 && !is_punct(b - 1, ".") &&
           !is_punct(open + 1, ".") && T_[open + 1].span.size() >= 2;
  }

  // "(LART.NS)": a stock ticker in parentheses, capitals joined by dots without
  // spaces; "(CR)" after "continuing resolution": an abbreviation of common
  // words. Neither names anything.
  bool ticker_or_abbreviation(const Found& f) const {
    std::size_t a = f.first, b = f.last;
    while (a > 0 && !T_[a].space_before && (T_[a - 1].all_caps || is_punct(a - 1, "."))) --a;
    while (b < T_.size() && !T_[b].space_before && (T_[b].all_caps || is_punct(b, "."))) ++b;
    if (a == 0 || b >= T_.size() || !is_punct(a - 1, "(") || !is_punct(b, ")")) return false;
    for (std::size_t k = a; k < b; ++k)
      if (!T_[k].all_caps && !is_punct(k, ".")) return false;
    if (ticker(a - 1)) return true;
    // One acronym: its letters are the initials of the lower-case words before "(".
    if (b != a + 1) return false;
    std::string_view acro = T_[a].text(text_);
    if (acro.size() < 2 || acro.size() > 6 || a < acro.size() + 1) return false;
    for (std::size_t i = 0; i < acro.size(); ++i) {
      std::size_t w = a - 1 - acro.size() + i;
      if (!is_word(w) || T_[w].capitalized) return false;
      char c = text_[T_[w].span.start];
      if (c != acro[i] - 'A' + 'a') return false;
    }
    return true;
  }

  // Whether the document writes `w` in lower case somewhere and never
  // capitalised inside a sentence (memoised).
  bool common_word(std::string_view w) const {
    std::string key = utf8::fold(w);
    auto it = lower_memo_.find(key);
    if (it != lower_memo_.end()) return it->second;
    bool lower = false, inner_capital = false;
    for (std::size_t i = 0; i < T_.size() && !inner_capital; ++i) {
      const Token& t = T_[i];
      if (t.kind != TokenKind::word || t.span.size() != w.size() || utf8::fold(t.text(text_)) != key) continue;
      if (!t.capitalized) lower = true;
      else if (i > 0 && !t.newline_before && (T_[i - 1].kind == TokenKind::word || is_punct(i - 1, ",")))
        inner_capital = true;
    }
    bool common = lower && !inner_capital;
    lower_memo_.emplace(std::move(key), common);
    return common;
  }

  // A role written before the name in any case, ending in a role noun:
  // "Pentagon spokesman John Ortiz", "former security chief Ana Ruiz".
  // "mayor of Surabaya Ana Ruiz", "Secretary of State Ana Ruiz" too.
  std::string role_before(std::size_t name_first, std::size_t sent_first) const {
    if (name_first <= sent_first || T_[name_first].newline_before) return {};
    std::size_t r = name_first;
    // "<role> of <Place>" right before the name.
    std::size_t q = name_first;
    while (q > sent_first && name_first - q < 3 && is_word(q - 1) && T_[q - 1].capitalized) --q;
    if (q < name_first && q >= sent_first + 2 && folded(q - 1) == "of" && role_noun(q - 2)) r = q - 2;
    if (r == name_first) {
      std::size_t c = compound_start(name_first - 1, sent_first);
      bool noun = false;
      for (std::size_t k = c; k < name_first; ++k) noun = noun || role_noun(k);
      if (!noun) return {};
      r = c;
    }
    while (r > sent_first && !T_[r].newline_before) {
      std::size_t p = compound_start(r - 1, sent_first);
      bool word = is_word(r - 1);
      if (word && p < r - 1) r = p;  // "part-time"
      else if (role_noun(p) || role_mod(p)) r = p;
      else if (word && T_[p].capitalized && !contains(res_.honorifics, folded(p))) r = p;
      else break;
    }
    // "Russia's foreign minister", "the island's port director": the possessor
    // (a name) and one lower-case word between it and the role belong to it.
    std::size_t o = r;
    if (o > sent_first + 2 && is_word(o - 1) && !T_[o - 1].capitalized && is_possessive(T_[o - 2].text(text_))) --o;
    if (o > sent_first + 1 && is_possessive(T_[o - 1].text(text_)) && is_word(o - 2) && T_[o - 2].capitalized)
      r = o - 2;
    // An article opens no role ("The cabinet minister").
    std::string lead = folded(r);
    if (r + 1 < name_first && (lead == "the" || lead == "a" || lead == "an")) ++r;
    return std::string(span_text(r, name_first));
  }

  // "Managing Director of Acme Ltd, Ana Ruiz", "the head of the agency, Ana Ruiz,":
  // the phrase before the comma, from a role noun that opens it or follows a determiner.
  // "President of the Jamaica Manufacturers & Exporters, JMEA, John Mahfood":
  // an acronym between commas may stand between the role and the name.
  std::string role_before_comma(std::size_t name_first, std::size_t sent_first) const {
    if (name_first < sent_first + 3 || !is_punct(name_first - 1, ",") || T_[name_first].newline_before) return {};
    std::size_t end = name_first - 1, b = end;
    if (end >= sent_first + 4 && T_[end - 1].all_caps && is_word(end - 1) && is_punct(end - 2, ",")) b = end = end - 2;
    while (b > sent_first && !T_[b].newline_before && !is_punct(b - 1, ",;:(") && end - b < 14) --b;
    if (end - b >= 14) return {};
    for (std::size_t k = b; k < end; ++k) {
      std::size_t r = k;
      while (r < end && role_mod(r) && !role_noun(r)) ++r;
      if (r == end || !role_noun(r)) continue;
      auto determiner = [](const std::string& w) {
        return w == "the" || w == "a" || w == "an" || w == "its" || w == "their";
      };
      std::string before = k > b ? folded(k - 1) : std::string();
      std::size_t from = k;
      if (k != b && !determiner(before)) {
        // "the BVI’s port director, Oleanvine Maynard": lower-case nouns before
        // the role noun, after a determiner or a possessor.
        std::size_t p = k;
        while (p > b && p + 2 > k && is_word(p - 1) && !T_[p - 1].capitalized && !role_mod(p - 1) &&
               !determiner(folded(p - 1)) && !is_possessive(T_[p - 1].text(text_)))
          --p;
        if (p == k || p <= b) continue;
        const std::string det = folded(p - 1);
        if (is_possessive(T_[p - 1].text(text_)) && p >= b + 2 && T_[p - 2].capitalized) {
          from = p - 2;
        } else if (determiner(det)) {
          from = p;
        } else {
          continue;
        }
      }
      // After the noun: nothing, or a phrase "of/at/for …" without possessives.
      std::size_t t = r + 1;
      while (t < end && role_noun(t)) ++t;
      if (t < end) {
        std::string w = folded(t);
        if (w != "of" && w != "at" && w != "for" && w != "with") continue;
        bool clean = true;
        for (std::size_t u = t; u < end; ++u) clean = clean && !is_possessive(T_[u].text(text_));
        if (!clean) continue;
      }
      return std::string(span_text(from, end));
    }
    return {};
  }

  // An apposition after the name that states a role: "Ana Ruiz, chief
  // economist at Banco Sur, said", "Ortiz, a Pentagon spokesman, ...".
  std::string role_after(std::size_t name_last, std::size_t sent_last) const {
    if (name_last + 1 >= sent_last || !(is_punct(name_last, ",") || dash(name_last))) return {};
    std::size_t start = name_last + 1;
    std::string first = folded(start);
    if (first == "a" || first == "an" || first == "the") ++start;
    bool noun = false, clause = false;
    std::size_t j = start;
    for (; j < sent_last && j < start + 12; ++j) {
      if (T_[j].newline_before || is_punct(j, ",;.:()") || dash(j)) break;
      if (T_[j].kind != TokenKind::word && !is_punct(j, "-'&")) return {};
      std::string w = folded(j);
      // "a part-time missionary who served …": the relative clause ends the role.
      if ((w == "who" || w == "which") && noun && role_noun(j - 1)) {
        clause = true;
        break;
      }
      if (w == "said" || w == "says" || w == "told" || w == "who" || w == "which" ||
          (w == "and" && !noun))
        return {};
      noun = noun || role_noun(j);
    }
    if (!noun || j == start ||
        (!clause && j < sent_last && !T_[j].newline_before && !is_punct(j, ",;.:()") && !dash(j)))
      return {};
    return std::string(span_text(start, j));
  }

  // Leading titles leave a person's span and become the role ("President").
  // Returns where the titles before the name begin.
  std::size_t take_titles(Found& f, std::size_t sent_first) const {
    const std::size_t tagged_first = f.first;
    while (f.last > f.first + 1 && title(f.first)) ++f.first;
    std::size_t r = f.first;
    while (r > sent_first && T_[r - 1].kind == TokenKind::word && T_[r - 1].capitalized && title(r - 1)) --r;
    // "Labour Minister Jeannette Jara": a portfolio before the title is part of the role.
    if (r < f.first && r > sent_first && is_word(r - 1) && T_[r - 1].capitalized && !T_[r - 1].all_caps &&
        res_.portfolios.count(bare_fold(T_[r - 1].text(text_))))
      --r;
    // "the General Election": a title after an article does not introduce a person.
    std::string before = r > sent_first ? folded(r - 1) : std::string();
    if (r < f.first && f.last == f.first + 1 && (before == "the" || before == "a" || before == "an")) {
      f.type = ner::ChunkType::MISC;
      f.first = std::min(tagged_first, f.first);
      return f.first;
    }
    std::size_t role_end = f.first;  // honorifics ("Ms") are not roles
    while (role_end > r && contains(res_.honorifics, folded(role_end - 1))) --role_end;
    if (r < role_end) f.role = std::string(span_text(r, role_end));
    return r;
  }

  EntityType entity_type(const Found& f) const {
    switch (f.type) {
      case ner::ChunkType::PER: return EntityType::person;
      case ner::ChunkType::ORG: return EntityType::organization;
      case ner::ChunkType::LOC: return EntityType::location;
      case ner::ChunkType::MISC: break;
    }
    if (gaz_bits(f.first, f.last) & (ner::kGazNationality | ner::kGazGroup)) return EntityType::group;
    // Plural demonyms ("Indonesians") and "-an" names of peoples ("Southeast Asian").
    std::string last = utf8::fold(T_[f.last - 1].text(text_));
    if (last.size() > 3 && last.back() == 's' &&
        (res_.tagger.gazetteer().lookup_phrase(last.substr(0, last.size() - 1)) & ner::kGazNationality))
      return EntityType::group;
    if (T_[f.last - 1].capitalized && last.size() >= 5 &&
        (last.ends_with("an") || last.ends_with("ans")) && f.last - f.first <= 2)
      return EntityType::group;
    if (event_head(f.first, f.last)) return EntityType::event;
    return EntityType::other;
  }

  // A known place and then one capitalised plural that is no place itself
  // ("Green Bay Packers", "Ridgeway Hawks" when Ridgeway is in the gazetteer).
  bool team_name(std::size_t first, std::size_t last) const {
    if (last < first + 2 || !is_word(last - 1) || !T_[last - 1].capitalized || T_[last - 1].all_caps) return false;
    std::string_view w = T_[last - 1].text(text_);
    if (w.size() < 4 || w.back() != 's' || w[w.size() - 2] == 's') return false;
    constexpr std::uint16_t kPlace = ner::kGazCountry | ner::kGazRegion | ner::kGazCity;
    return (gaz_bits(first, last - 1) & kPlace) && !(gaz_bits(last - 1, last) & (kPlace | ner::kGazNationality)) &&
           !(gaz_bits(first, last) & kPlace);
  }

  // "World Cup", "Gulf War", "Grand Prix": the last one or two words of a
  // multi-word name, capitalised, name an event.
  bool event_head(std::size_t first, std::size_t last) const {
    if (last < first + 2 || !T_[last - 1].capitalized) return false;
    auto is_event = [&](std::size_t from) { return contains(res_.event_heads, utf8::fold(span_text(from, last))); };
    return is_event(last - 1) || (last > first + 2 && is_event(last - 2));
  }

  // "2015", "21st": a year or an ordinal written in digits.
  bool year_or_ordinal(std::size_t tok) const {
    std::string_view w = T_[tok].text(text_);
    std::size_t d = 0;
    while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
    if (d == w.size()) return d == 4 && (w[0] == '1' || w[0] == '2');
    std::string_view rest = w.substr(d);
    return d > 0 && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th");
  }

  // The clustering key of a name: case and diacritics folded, dots dropped,
  // spelled initials joined ("J. P." = "J.P." = "jp"), a leading "the" and a
  // trailing legal form dropped ("the Wells Fargo & Co." = "wells fargo").
  std::string name_key(std::size_t first, std::size_t last) const {
    last = legal_start(first, last);
    if (last > first + 1 && folded(first) == "the") ++first;
    std::string key;
    bool prev_single = false;
    for (std::size_t k = first; k < last; ++k) {
      if (is_punct(k, ".")) continue;
      std::string w = utf8::fold_ascii(T_[k].text(text_));
      w.erase(std::remove(w.begin(), w.end(), '.'), w.end());
      if (w.empty()) continue;
      bool single = w.size() == 1 && is_word(k);
      if (!key.empty() && T_[k].space_before && !(single && prev_single)) key += ' ';
      key += w;
      prev_single = single;
    }
    return key.empty() ? utf8::fold_ascii(span_text(first, last)) : key;
  }

  // 3. Clustering: the representative mention of each mention's cluster.
  std::vector<std::size_t> cluster() {
    const std::size_t n = found_.size();
    key_.resize(n);
    std::vector<std::size_t> parent(n);
    for (std::size_t i = 0; i < n; ++i) {
      key_[i] = name_key(found_[i].first, found_[i].last);
      parent[i] = i;
      // "Indonesians" are the group "Indonesian" names: one entity.
      std::string& k = key_[i];
      if (found_[i].etype == EntityType::group && k.size() > 4 && k.back() == 's' &&
          k.find(' ') == std::string::npos &&
          (res_.tagger.gazetteer().lookup_phrase(std::string_view(k).substr(0, k.size() - 1)) & ner::kGazNationality))
        k.pop_back();
    }
    auto root = [&](std::size_t i) {
      while (parent[i] != i) i = parent[i] = parent[parent[i]];
      return i;
    };
    // "Wells Fargo" stays the bank the article also calls "Wells Fargo & Co" or
    // "Wells Fargo Bank", whatever its given name says: an organization's name
    // (or its first words) written elsewhere in the article undoes that.
    if (std::any_of(found_.begin(), found_.end(), [](const Found& f) { return f.given_type.has_value(); })) {
      std::unordered_set<std::string_view> org_starts;
      for (std::size_t j = 0; j < n; ++j) {
        if (found_[j].etype != EntityType::organization) continue;
        std::string_view k = key_[j];
        for (std::size_t p = k.find(' '); p != std::string_view::npos; p = k.find(' ', p + 1))
          org_starts.insert(k.substr(0, p));
        org_starts.insert(k);
      }
      for (std::size_t i = 0; i < n; ++i)
        if (found_[i].given_type && org_starts.count(key_[i])) {
          found_[i].type = *found_[i].given_type;
          found_[i].etype = found_[i].type == ner::ChunkType::ORG ? EntityType::organization : EntityType::location;
          found_[i].role.clear();
        }
    }
    // Same name, same type (the tagger itself keeps a document's types
    // consistent; a name typed two ways is kept two ways: "Kent" the county
    // and "Kent" the team).
    std::map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < n; ++i) {
      std::string k = key_[i] + (found_[i].derived ? "\x01" : "") + char('0' + int(found_[i].etype));
      auto [it, fresh] = by_key.try_emplace(k, i);
      if (!fresh) parent[i] = root(it->second);
    }
    // One country under its names: "UK", "Britain", "United Kingdom".
    std::map<std::string_view, std::size_t> country;
    for (std::size_t i = 0; i < n; ++i) {
      if (parent[i] != i || found_[i].etype != EntityType::location) continue;  // each name once
      auto code = res_.country_codes.find(key_[i]);
      if (code == res_.country_codes.end()) continue;
      auto [it, fresh] = country.try_emplace(code->second, root(i));
      if (!fresh && root(it->second) != root(i)) parent[root(i)] = root(it->second);
    }
    // Person names: a shorter name joins the longest person name it ends ("Maduro").
    // Indexed by every proper word-suffix of every person name (longest name
    // first, then text order), so this stays linear in the number of names.
    auto person = [&](std::size_t j) {
      return found_[j].type == ner::ChunkType::PER && !found_[j].derived;
    };
    std::unordered_map<std::string_view, std::vector<std::size_t>> ending;
    for (std::size_t j = 0; j < n; ++j) {
      if (root(j) != j || !person(j)) continue;
      std::string_view k = key_[j];
      for (std::size_t p = k.find(' '); p != std::string_view::npos; p = k.find(' ', p + 1))
        ending[k.substr(p + 1)].push_back(j);
      // Inner words too: "Salinas" of "Guadalupe Salinas Hernández".
      for (std::size_t p = k.find(' '); p != std::string_view::npos;) {
        std::size_t q = k.find(' ', p + 1);
        if (q == std::string_view::npos) break;
        ending[k.substr(p + 1, q - p - 1)].push_back(j);
        p = q;
      }
    }
    for (auto& [suffix, names] : ending)
      std::stable_sort(names.begin(), names.end(),
                       [&](std::size_t a, std::size_t b) { return key_[a].size() > key_[b].size(); });
    // A name tagged otherwise joins too ("Walt" as an organization) unless a
    // gazetteer says it is a place or a people.
    auto may_join_person = [&](std::size_t i) {
      if (found_[i].derived) return false;
      if (person(i)) return true;
      return !(gaz_bits(found_[i].first, found_[i].last) &
               (ner::kGazCountry | ner::kGazRegion | ner::kGazCity | ner::kGazNationality | ner::kGazGroup));
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (root(i) != i || !may_join_person(i)) continue;
      auto it = ending.find(key_[i]);
      if (it == ending.end()) continue;
      for (std::size_t j : it->second)
        if (j != i && root(j) == j) {
          parent[i] = j;
          break;
        }
    }
    // A lone first name joins the one person of the article it begins ("Lupita").
    std::unordered_map<std::string_view, std::vector<std::size_t>> beginning;
    for (std::size_t j = 0; j < n; ++j) {
      if (root(j) != j || !person(j)) continue;
      std::string_view k = key_[j];
      std::size_t sp = k.find(' ');
      if (sp != std::string_view::npos) beginning[k.substr(0, sp)].push_back(j);
    }
    // A given name that is also some town's joins too ("Melissa").
    for (std::size_t i = 0; i < n; ++i) {
      if (root(i) != i || key_[i].find(' ') != std::string::npos) continue;
      if (!may_join_person(i) && !(found_[i].type == ner::ChunkType::ORG && res_.given_names.count(key_[i]))) continue;
      auto it = beginning.find(key_[i]);
      if (it == beginning.end() || it->second.size() != 1 || it->second[0] == i) continue;
      parent[i] = it->second[0];
    }
    // Acronyms: an all-capital single word that spells a multi-word name's initials
    // (the first such name in text order), looked up by initials.
    // Second choice: the initials after a leading country ("United States Drug
    // Enforcement Agency" is the DEA).
    // The same name without its leading country joins it too ("Customs and
    // Border Protection" of "U.S. Customs and Border Protection").
    std::unordered_map<std::string, std::vector<std::size_t>> by_initials, by_inner_initials, after_country;
    for (std::size_t j = 0; j < n; ++j) {
      const Found& f = found_[j];
      if (f.last - f.first < 2 || f.type == ner::ChunkType::PER) continue;
      by_initials[initials(span_text(f.first, f.last))].push_back(j);
      for (std::size_t k = f.first + 1; k + 2 <= f.last && k <= f.first + 3; ++k)
        if (gaz_bits(f.first, k) & (ner::kGazCountry | ner::kGazNationality)) {
          by_inner_initials[initials(span_text(k, f.last))].push_back(j);
          after_country[name_key(k, f.last)].push_back(j);
          break;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (root(i) != i || found_[i].last - found_[i].first < 2 || found_[i].type == ner::ChunkType::PER) continue;
      auto it = after_country.find(key_[i]);
      if (it == after_country.end()) continue;
      for (std::size_t j : it->second)
        if (root(j) != root(i)) {
          parent[i] = root(j);
          break;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (root(i) != i || found_[i].last != found_[i].first + 1 || !T_[found_[i].first].all_caps) continue;
      std::string_view acro = T_[found_[i].first].text(text_);
      if (acro.size() < 2 || acro.size() > 8) continue;
      std::string a = utf8::fold(acro);
      a.erase(std::remove(a.begin(), a.end(), '.'), a.end());
      auto it = by_initials.find(a);
      const std::vector<std::size_t>* names = it != by_initials.end() ? &it->second : nullptr;
      if (!names) {
        auto inner = by_inner_initials.find(a);
        if (inner == by_inner_initials.end()) continue;
        names = &inner->second;
      }
      for (std::size_t j : *names)
        if (j != i && root(j) == j) {
          parent[i] = j;
          break;
        }
    }
    // A one-word name in parentheses or between commas right after an
    // institution's full name is its short name ("the Statistical Institute of
    // Jamaica (STATIN)", "…, STATIN,"), whatever its letters spell; so are its
    // other mentions.
    for (std::size_t i = 1; i < n; ++i) {
      Found& f = found_[i];
      const Found& g = found_[i - 1];
      if (root(i) == root(i - 1) || key_[root(i)].find(' ') != std::string::npos || f.last != f.first + 1 ||
          g.last + 1 != f.first || f.last >= T_.size() || g.last - g.first < 2 || g.sentence != f.sentence ||
          g.etype != EntityType::organization)
        continue;
      const bool paren = is_punct(g.last, "(") && is_punct(f.last, ")");
      const bool commas = is_punct(g.last, ",") && T_[f.first].all_caps &&
                          (is_punct(f.last, ",") || is_punct(f.last, ".") || is_punct(f.last, ";"));
      // "Red Star (Yugoslavia)": a place there says where, it is no short name.
      if ((!paren && !commas) || (gaz_bits(f.first, f.last) & (ner::kGazCountry | ner::kGazRegion | ner::kGazCity |
                                                                ner::kGazNationality)))
        continue;
      parent[root(i)] = root(i - 1);
      f.alias = true;
    }
    for (std::size_t i = 0; i < n; ++i) parent[i] = root(i);
    return parent;
  }

  // 4. Entities from clusters: name, type, subtype, roles, salience; ranked.
  std::vector<Entity> entities(const std::vector<std::size_t>& root) const {
    std::map<std::size_t, std::size_t> entity_of;  // root -> index in out
    std::vector<Entity> out;
    std::vector<std::array<int, 8>> votes;
    std::vector<std::size_t> name_words;
    std::vector<bool> person_evidence;  // a full name, a role or an honorific
    std::vector<const char*> subtype;   // the first kind of place the text states
    for (std::size_t i = 0; i < found_.size(); ++i) {
      std::size_t r = root[i];
      auto [it, fresh] = entity_of.try_emplace(r, out.size());
      if (fresh) {
        out.emplace_back();
        votes.push_back({});
        name_words.push_back(0);
        person_evidence.push_back(false);
        subtype.push_back(nullptr);
      }
      std::size_t e = it->second;
      const Found& f = found_[i];
      if (f.type == ner::ChunkType::PER &&
          (f.last - f.first >= 2 || !f.role.empty() || f.honorific || res_.given_names.count(key_[i])))
        person_evidence[e] = true;
      // "the Trump administration": a person heads it (the derived organization
      // comes right after its person's mention).
      if (f.derived && i > 0 && found_[i - 1].type == ner::ChunkType::PER)
        person_evidence[entity_of.at(root[i - 1])] = true;
      if (!subtype[e]) subtype[e] = f.subtype;
      Span span{T_[f.first].span.start, T_[f.last - 1].span.end};
      out[e].mentions.push_back({span, f.sentence, f.derived ? std::string() : f.role});
      bool acronym = f.last == f.first + 1 && T_[f.first].all_caps && key_[r].find(' ') != std::string::npos;
      // An acronym takes the type of the name it spells ("BVI" of "British
      // Virgin Islands"): the tagger types bare capitals poorly.
      if (!acronym && !f.alias) ++votes[e][std::size_t(f.etype)];
      const std::size_t name_first = std::min(f.name_first, f.first), name_last = std::max(f.name_last, f.last);
      if (!acronym && !f.alias && (name_last - name_first > name_words[e] || out[e].name.empty())) {
        name_words[e] = name_last - name_first;
        out[e].name = std::string(span_text(name_first, name_last));
      }
      // One role once: "Dr." and "dr" are the same title.
      auto role_key = [](std::string_view r) {
        while (!r.empty() && r.back() == '.') r.remove_suffix(1);
        return utf8::fold(r);
      };
      if (!f.role.empty() && std::none_of(out[e].roles.begin(), out[e].roles.end(), [&](const std::string& r) {
            return role_key(r) == role_key(f.role);
          }))
        out[e].roles.push_back(f.role);
      if (f.related && !out[e].related) out[e].related = f.related;
    }
    // Lede: the first two sentences of the body.
    std::size_t lede_end = doc_.body.start, count = 0;
    for (const auto& s : tk_.sentences)
      if (s.span.start >= doc_.body.start && count < 2) {
        lede_end = s.span.end;
        ++count;
      }
    for (std::size_t e = 0; e < out.size(); ++e) {
      Entity& ent = out[e];
      // Majority type; a person vote wins ties.
      int best = -1;
      for (int t = 0; t < 8; ++t)
        if (best < 0 || votes[e][std::size_t(t)] > votes[e][std::size_t(best)] ||
            (votes[e][std::size_t(t)] == votes[e][std::size_t(best)] && t == int(EntityType::person) &&
             votes[e][std::size_t(t)] > 0))
          best = t;
      ent.type = EntityType(best);
      if (ent.type == EntityType::location && subtype[e]) {
        ent.subtype = subtype[e];
      } else if (ent.type == EntityType::location) {
        std::uint16_t bits = res_.tagger.gazetteer().lookup_phrase(ent.name);
        if (bits & ner::kGazCountry) ent.subtype = "country";
        else if (bits & ner::kGazRegion) ent.subtype = "region";
        else if (bits & ner::kGazCity) ent.subtype = "city";
      }
      // News introduces a person by full name, role or honorific; a lone word
      // "person" with none of these is a company or brand when it recurs
      // ("Hachette said …"). (Dropping the single-mention ones gained 0.004
      // entity F1 on news-facts but cost 0.002 on CoNLL dev, whose sports
      // results name players by surname alone: not done.)
      if (ent.type == EntityType::person && !person_evidence[e] && ent.name.find(' ') == std::string::npos &&
          ent.mentions.size() >= 2)
        ent.type = EntityType::organization;
      if (ent.type != EntityType::person) ent.roles.clear();
      std::sort(ent.mentions.begin(), ent.mentions.end(),
                [](const Mention& a, const Mention& b) { return a.span < b.span; });
      bool in_title = false, in_lede = false;
      for (const auto& m : ent.mentions) {
        if (doc_.title_span && doc_.title_span->contains(m.span)) in_title = true;
        if (m.span.start >= doc_.body.start && m.span.end <= lede_end) in_lede = true;
      }
      ent.salience = double(ent.mentions.size()) + (in_title ? 3.0 : 0.0) + (in_lede ? 1.5 : 0.0);
      // A one-word organization named once or twice, not an acronym, is the
      // tagger's least sure reading (a heading's word, a product, a place):
      // ranked lower.
      if (ent.type == EntityType::organization && ent.mentions.size() <= 2 && ent.name.find(' ') == std::string::npos &&
          std::any_of(ent.name.begin(), ent.name.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        ent.salience = ent.salience / 4.0;
    }
    // Rank indices rather than entities: moving an Entity (strings, vectors)
    // costs far more than moving a number, and the order is the same.
    std::vector<std::size_t> order(out.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // `other` names (products, unknown kinds) come after every typed entity:
    // a reader's first names are people, places and organizations.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      bool oa = out[a].type == EntityType::other, ob = out[b].type == EntityType::other;
      if (oa != ob) return ob;
      if (out[a].salience != out[b].salience) return out[a].salience > out[b].salience;
      return out[a].mentions.front().span.start < out[b].mentions.front().span.start;
    });
    std::vector<Entity> ranked;
    ranked.reserve(out.size());
    for (std::size_t e : order) ranked.push_back(std::move(out[e]));
    return ranked;
  }

  const Tables& res_;
  const Document& doc_;
  std::string_view text_;
  const Tokenized& tk_;
  const std::vector<Token>& T_;
  std::string arena_;  // normalised word forms (straight apostrophes, lowered headline words)
  std::vector<std::vector<Word>> words_;
  std::vector<std::size_t> sentence_of_;  // tagger sentence -> project sentence
  std::vector<Found> found_;
  std::vector<std::string> key_;  // folded name of each found mention
  mutable std::unordered_map<std::string, bool> lower_memo_;
};

}  // namespace

struct EntityExtractor::Impl : Tables {};

EntityExtractor::EntityExtractor(const DataDir& data) : EntityExtractor(Resources(data)) {}

EntityExtractor::EntityExtractor(const Resources& res)
    : impl_(std::make_unique<Impl>(Impl{{res.ner_tagger(), load_words(res, "entity-derived"),
                                         load_words(res, "entity-event-heads"),
                                         load_words(res, "entity-honorifics"), load_heads(res),
                                         load_set(res, "entity-legal-suffixes"), load_set(res, "entity-role-nouns"),
                                         load_set(res, "entity-role-modifiers"),
                                         load_set(res, "entity-place-prefixes"), load_of_heads(res),
                                         load_date_words(res, "month"), load_given_names(res),
                                         load_date_words(res, "zone"), load_country_codes(res),
                                         load_set(res, "entity-facility-nouns"), load_set(res, "entity-portfolios")}})) {}
EntityExtractor::~EntityExtractor() = default;
EntityExtractor::EntityExtractor(EntityExtractor&&) noexcept = default;
EntityExtractor& EntityExtractor::operator=(EntityExtractor&&) noexcept = default;
std::string EntityExtractor::model_version() const { return impl_->tagger.version(); }

std::vector<Entity> EntityExtractor::extract(const Document& doc, const Tokenized& tk) const {
  DocumentSyntax none(nullptr, doc.text, tk);
  return extract(doc, tk, none);
}

std::vector<Entity> EntityExtractor::extract(const Document& doc, const Tokenized& tk, DocumentSyntax&) const {
  return Extraction(*impl_, doc, tk).run();
}

}  // namespace newsan
