// The entity extractor: the trained tagger (src/ner/) finds names, then the
// rules here turn name mentions into entities.
//
// Steps, and why each is here rather than in the model:
//  1. Words for the tagger are the tokenizer's tokens, with a stand-alone
//     clitic ("' s" in space-joined text) rejoined and curly apostrophes made
//     straight, because the model was trained on CoNLL tokens. Sentences are
//     also cut at line breaks: a name never crosses one.
//     A name found once is also taken where the same words recur untagged.
//  2. Each chunk is cleaned: a trailing possessive is dropped ("Venezuela’s"),
//     leading titles become the person's roles ("President Nicolás Maduro"),
//     a capitalised facility head right after a place joins it ("Tocorón
//     Prison"), a person followed by "administration" also yields a derived
//     organization related to that person.
//  3. Mentions are clustered: same folded name (case and diacritics), a
//     person's surname or shorter name to the fullest name, an acronym to the
//     name whose initials it spells ("United Nations (UN)"). The entity's type
//     is the majority of its mentions' types (a surname seen once as ORG
//     follows the person), its name is the fullest mention as written.
//  4. Types beyond CoNLL's four come from the gazetteers inside the model:
//     facility (head word), group (nationality or group list), location
//     subtype (country, region, city).
//  5. Salience: mentions, plus weight for the headline and the lede.
#include "newsan/entities.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "newsan/error.h"
#include "newsan/ner.h"
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

struct EntityExtractor::Impl {
  ner::Tagger tagger;
  std::vector<std::string> derived_heads;  // "administration", "government" …
  std::vector<std::string> event_heads;    // "cup", "war" … (folded)
  std::vector<std::string> honorifics;     // "mr", "ms" … (folded): not roles
};

namespace {

ner::Tagger load_tagger(const DataDir& data) {
  return ner::Tagger::load(data.file("models/ner-en.bin"));
}

// A one-column lexicon of words (data/lexicon/<kind>-en.tsv), case-folded.
std::vector<std::string> load_words(const DataDir& data, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& row : load_lexicon(data.file("lexicon/" + kind + "-en.tsv"), kind, 1))
    out.push_back(utf8::fold(row.fields[0]));
  return out;
}

bool is_possessive(std::string_view w) {
  return w == "'s" || w == "’s" || w == "'" || w == "’" || w == "'S" || w == "’S";
}

// One name found by the tagger, as token indices [first, last) into Tokenized::tokens.
struct Found {
  std::size_t first = 0, last = 0;
  ner::ChunkType type{};
  std::size_t sentence = 0;
  EntityType etype = EntityType::other;
  std::string role;
  std::optional<std::string> related;
  bool derived = false;
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

// Is `shorter` the last words of `longer` (both folded, space-separated)?
bool word_suffix(const std::string& shorter, const std::string& longer) {
  return longer.size() > shorter.size() && longer.ends_with(shorter) &&
         longer[longer.size() - shorter.size() - 1] == ' ';
}

}  // namespace

EntityExtractor::EntityExtractor(const DataDir& data)
    : impl_(std::make_unique<Impl>(
          Impl{load_tagger(data), load_words(data, "entity-derived"), load_words(data, "entity-event-heads"),
               load_words(data, "entity-honorifics")})) {}
EntityExtractor::~EntityExtractor() = default;
EntityExtractor::EntityExtractor(EntityExtractor&&) noexcept = default;
EntityExtractor& EntityExtractor::operator=(EntityExtractor&&) noexcept = default;
std::string EntityExtractor::model_version() const { return impl_->tagger.version(); }

std::vector<Entity> EntityExtractor::extract(const Document& doc, const Tokenized& tk) const {
  const std::string_view text = doc.text;
  const auto& T = tk.tokens;
  const ner::Gazetteer& gaz = impl_->tagger.gazetteer();

  // The "Original Source: …" line is metadata, not prose.
  Span skip{0, 0};
  if (doc.source_span) {
    std::size_t b = text.find_last_of("\r\n", doc.source_span->start);  // a lone CR ends a line too
    skip = {b == std::string_view::npos ? 0 : b + 1, doc.source_span->end};
  }

  // 1. Tagger input: words per sentence, cut at line breaks; map back to tokens.
  std::string arena;  // normalised word forms (straight apostrophes)
  struct Word {
    std::size_t first, last;  // tokens
    std::size_t at, len;      // in arena, or npos when the text is used as is
  };
  std::vector<std::vector<Word>> words;
  std::vector<std::size_t> sentence_of;  // tagger sentence -> project sentence
  for (std::size_t s = 0; s < tk.sentences.size(); ++s) {
    const Sentence& sent = tk.sentences[s];
    bool open = false;
    for (std::size_t i = sent.first; i < sent.last; ++i) {
      if (T[i].span.overlaps(skip)) {
        open = false;
        continue;
      }
      if (!open || T[i].newline_before) {
        words.emplace_back();
        sentence_of.push_back(s);
        open = true;
      }
      std::string_view w = T[i].text(text);
      Word word{i, i + 1, std::string_view::npos, 0};
      // "' s" with a space before the apostrophe: one clitic word, as in CoNLL.
      if ((w == "'" || w == "’") && T[i].space_before && i + 1 < sent.last && !T[i + 1].space_before &&
          T[i + 1].kind == TokenKind::word && T[i + 1].span.size() <= 2) {
        word.last = i + 2;
        ++i;
      }
      // "1996-08-30", "6-2", "1/2", "10-year": one word, as CoNLL (and the
      // model) has it, where the tokenizer splits at the inner punctuation.
      bool numeric = T[i].kind == TokenKind::number;
      std::size_t end = word.last;
      while (end + 1 < sent.last && !T[end].space_before && !T[end + 1].space_before &&
             T[end].span.size() == 1 && std::string_view("-/:").find(text[T[end].span.start]) != std::string_view::npos &&
             (T[end + 1].kind == TokenKind::number || T[end + 1].kind == TokenKind::word)) {
        numeric = numeric || T[end + 1].kind == TokenKind::number;
        end += 2;
      }
      if (numeric && end > word.last) {
        word.last = end;
        i = end - 1;
      }
      std::string_view full = Span{T[word.first].span.start, T[word.last - 1].span.end}.in(text);
      if (full.find("’") != std::string_view::npos) {
        word.at = arena.size();
        for (std::size_t k = 0; k < full.size();) {
          if (full.compare(k, 3, "’") == 0) {
            arena.push_back('\'');
            k += 3;
          } else {
            arena.push_back(full[k++]);
          }
        }
        word.len = arena.size() - word.at;
      }
      words.back().push_back(word);
    }
  }
  // A Title Case headline ("Venezuela Releases Over 130 Political Prisoners")
  // capitalises ordinary words, which the model (trained on news prose and
  // ALL-CAPS headlines) would read as a name. Such words are shown to it in
  // lower case unless the article writes them capitalised mid-sentence too.
  // Only the headline: elsewhere runs of capitals are lists of names.
  auto word_text = [&](const Word& w) {
    return w.at == std::string_view::npos ? Span{T[w.first].span.start, T[w.last - 1].span.end}.in(text)
                                          : std::string_view(arena).substr(w.at, w.len);
  };
  std::vector<bool> title_case(words.size(), false);
  for (std::size_t s = 0; s < words.size(); ++s) {
    std::size_t lettered = 0, capital = 0, all_caps = 0;
    for (const Word& w : words[s]) {
      if (T[w.first].kind != TokenKind::word) continue;
      ++lettered;
      capital += T[w.first].capitalized;
      all_caps += T[w.first].all_caps;
    }
    bool headline = doc.title_span && doc.title_span->contains(T[words[s].front().first].span);
    title_case[s] = headline && lettered >= 4 && capital * 10 >= lettered * 7 && all_caps * 2 < lettered;
  }
  std::set<std::string> names_in_prose;
  for (std::size_t s = 0; s < words.size(); ++s)
    if (!title_case[s])
      for (std::size_t k = 1; k < words[s].size(); ++k)
        if (T[words[s][k].first].capitalized) names_in_prose.emplace(word_text(words[s][k]));
  for (std::size_t s = 0; s < words.size(); ++s) {
    if (!title_case[s]) continue;
    for (std::size_t k = 1; k < words[s].size(); ++k) {
      Word& w = words[s][k];
      if (!T[w.first].capitalized || T[w.first].all_caps) continue;
      std::string form(word_text(w));
      if (names_in_prose.count(form)) continue;
      std::string lower = utf8::fold(form);
      w.at = arena.size();
      w.len = lower.size();
      arena += lower;
    }
  }
  ner::Sentences input(words.size());
  for (std::size_t s = 0; s < words.size(); ++s)
    for (const Word& w : words[s])
      input[s].push_back(w.at == std::string_view::npos
                             ? Span{T[w.first].span.start, T[w.last - 1].span.end}.in(text)
                             : std::string_view(arena).substr(w.at, w.len));
  auto tagged = impl_->tagger.tag_document(input);

  // A name the tagger found once is the same name where it recurs verbatim
  // and the tagger missed it (document-level consistency).
  {
    std::map<std::string, ner::ChunkType> known;
    std::size_t longest = 0;
    auto joined = [&](std::size_t s, std::size_t a, std::size_t b) {
      std::string k;
      for (std::size_t i = a; i < b; ++i) (k += input[s][i]) += ' ';
      return k;
    };
    for (std::size_t s = 0; s < tagged.size(); ++s)
      for (const ner::Chunk& c : tagged[s]) {
        known.try_emplace(joined(s, c.first, c.last), c.type);
        longest = std::max(longest, c.last - c.first);
      }
    for (std::size_t s = 0; s < tagged.size() && !known.empty(); ++s) {
      std::vector<bool> taken(input[s].size(), false);
      for (const ner::Chunk& c : tagged[s])
        for (std::size_t i = c.first; i < c.last; ++i) taken[i] = true;
      std::vector<ner::Chunk> added;
      for (std::size_t i = 0; i < input[s].size(); ++i) {
        if (taken[i] || !T[words[s][i].first].capitalized) continue;
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

  // 2. Chunks to cleaned mentions.
  auto folded = [&](std::size_t tok) { return utf8::fold(T[tok].text(text)); };
  auto gaz_bits = [&](std::size_t first, std::size_t last) {
    std::vector<std::string_view> ws;
    for (std::size_t k = first; k < last; ++k) ws.push_back(T[k].text(text));
    return ws.empty() ? std::uint16_t(0) : gaz.lookup(ws.data(), ws.size());
  };
  std::vector<Found> found;
  for (std::size_t s = 0; s < tagged.size(); ++s) {
    for (const ner::Chunk& c : tagged[s]) {
      Found f;
      f.first = words[s][c.first].first;
      f.last = words[s][c.last - 1].last;
      f.type = c.type;
      f.sentence = sentence_of[s];
      const std::size_t sent_first = words[s].front().first, sent_last = words[s].back().last;
      while (f.last > f.first + 1 && is_possessive(T[f.last - 1].text(text))) --f.last;
      auto in_list = [&](const std::vector<std::string>& list, std::size_t tok) {
        return std::find(list.begin(), list.end(), folded(tok)) != list.end();
      };
      if (f.type == ner::ChunkType::PER) {
        const std::size_t tagged_first = f.first;
        while (f.last > f.first + 1 && (gaz_bits(f.first, f.first + 1) & ner::kGazTitle)) ++f.first;
        std::size_t r = f.first;
        while (r > sent_first && T[r - 1].kind == TokenKind::word && T[r - 1].capitalized &&
               (gaz_bits(r - 1, r) & ner::kGazTitle))
          --r;
        // "the General Election": a title after an article does not introduce a person.
        std::string before = r > sent_first ? folded(r - 1) : std::string();
        if (r < f.first && f.last == f.first + 1 && (before == "the" || before == "a" || before == "an")) {
          f.type = ner::ChunkType::MISC;
          f.first = std::min(tagged_first, f.first);
        } else {
          std::size_t role_end = f.first;  // honorifics ("Ms") are not roles
          while (role_end > r && in_list(impl_->honorifics, role_end - 1)) --role_end;
          if (r < role_end) f.role = std::string(Span{T[r].span.start, T[role_end - 1].span.end}.in(text));
        }
      }
      if (f.type == ner::ChunkType::PER) {
        f.etype = EntityType::person;
      } else if (f.type == ner::ChunkType::ORG) {
        f.etype = EntityType::organization;
      } else if (f.type == ner::ChunkType::LOC) {
        f.etype = EntityType::location;
      } else {
        f.etype = (gaz_bits(f.first, f.last) & (ner::kGazNationality | ner::kGazGroup)) ? EntityType::group
                                                                                          : EntityType::other;
        // "World Cup", "Gulf War", "Grand Prix": the last one or two words name an event.
        auto is_event = [&](std::size_t from) {
          std::string tail = utf8::fold(Span{T[from].span.start, T[f.last - 1].span.end}.in(text));
          const auto& heads = impl_->event_heads;
          return std::find(heads.begin(), heads.end(), tail) != heads.end();
        };
        if (f.etype == EntityType::other && f.last > f.first + 1 &&
            (is_event(f.last - 1) || (f.last > f.first + 2 && is_event(f.last - 2))))
          f.etype = EntityType::event;
      }
      if (f.type == ner::ChunkType::LOC || f.type == ner::ChunkType::ORG) {
        // "Tocorón Prison": a capitalised facility head right after a place name.
        if (f.last < sent_last && T[f.last].capitalized && !T[f.last].all_caps &&
            (gaz_bits(f.last, f.last + 1) & ner::kGazFacilityHead))
          ++f.last;
        std::uint16_t head = gaz_bits(f.last - 1, f.last);
        if ((head & ner::kGazFacilityHead) && (f.type == ner::ChunkType::LOC || !(head & ner::kGazOrgHead)) &&
            f.last > f.first + 1)
          f.etype = EntityType::facility;
      }
      found.push_back(f);
      // "Trump administration": a derived organization linked to the person.
      // A lone name tagged otherwise before "administration" is a person too
      // ("Biden administration"), unless it is a nationality ("British").
      if (f.last < sent_last && !T[f.last].capitalized) {
        std::string next = folded(f.last);
        bool derived_head = std::find(impl_->derived_heads.begin(), impl_->derived_heads.end(), next) !=
                            impl_->derived_heads.end();
        bool person = f.type == ner::ChunkType::PER;
        if (derived_head && !person && next == "administration" && f.last == f.first + 1 &&
            !T[f.first].all_caps &&
            !(gaz_bits(f.first, f.last) & (ner::kGazNationality | ner::kGazCountry))) {
          found.back().type = ner::ChunkType::PER;
          found.back().etype = EntityType::person;
          person = true;
        }
        if (derived_head && person) {
          Found d = found.back();
          d.last = f.last + 1;
          d.etype = EntityType::organization;
          d.role.clear();
          d.related = std::string(Span{T[f.first].span.start, T[f.last - 1].span.end}.in(text));
          d.derived = true;
          found.push_back(d);
        }
      }
    }
  }

  // 3. Clustering.
  const std::size_t n = found.size();
  std::vector<std::string> key(n);
  std::vector<std::size_t> parent(n);
  for (std::size_t i = 0; i < n; ++i) {
    key[i] = utf8::fold_ascii(Span{T[found[i].first].span.start, T[found[i].last - 1].span.end}.in(text));
    parent[i] = i;
  }
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<std::string, std::size_t> by_key;
  for (std::size_t i = 0; i < n; ++i) {
    std::string k = key[i] + (found[i].derived ? "\x01" : "") + char('0' + int(found[i].etype));
    auto [it, fresh] = by_key.try_emplace(k, i);
    if (!fresh) parent[i] = root(it->second);
  }
  // Person names: a shorter name joins the longest person name it ends ("Maduro").
  for (std::size_t i = 0; i < n; ++i) {
    if (found[i].derived || root(i) != i) continue;
    std::size_t best = n;
    for (std::size_t j = 0; j < n; ++j) {
      if (root(j) != j || j == i || found[j].type != ner::ChunkType::PER || found[j].derived) continue;
      if (!word_suffix(key[i], key[j])) continue;
      if (best == n || key[j].size() > key[best].size()) best = j;
    }
    if (best != n) {
      bool person_like = found[i].type == ner::ChunkType::PER;
      if (person_like) parent[i] = best;
    }
  }
  // Acronyms: an all-capital single word that spells a multi-word name's initials.
  for (std::size_t i = 0; i < n; ++i) {
    if (root(i) != i || found[i].last != found[i].first + 1 || !T[found[i].first].all_caps) continue;
    std::string_view acro = T[found[i].first].text(text);
    if (acro.size() < 2 || acro.size() > 8) continue;
    std::string a = utf8::fold(acro);
    a.erase(std::remove(a.begin(), a.end(), '.'), a.end());
    for (std::size_t j = 0; j < n; ++j) {
      if (root(j) != j || j == i || found[j].last - found[j].first < 2 || found[j].type == ner::ChunkType::PER)
        continue;
      if (initials(Span{T[found[j].first].span.start, T[found[j].last - 1].span.end}.in(text)) == a) {
        parent[i] = j;
        break;
      }
    }
  }

  // 4. Entities from clusters.
  std::map<std::size_t, std::size_t> entity_of;  // root -> index in out
  std::vector<Entity> out;
  std::vector<std::array<int, 8>> votes;
  std::vector<std::size_t> name_words;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t r = root(i);
    auto [it, fresh] = entity_of.try_emplace(r, out.size());
    if (fresh) {
      out.emplace_back();
      votes.push_back({});
      name_words.push_back(0);
    }
    std::size_t e = it->second;
    const Found& f = found[i];
    Span span{T[f.first].span.start, T[f.last - 1].span.end};
    out[e].mentions.push_back({span, f.sentence});
    ++votes[e][std::size_t(f.etype)];
    bool acronym = f.last == f.first + 1 && T[f.first].all_caps && key[r].find(' ') != std::string::npos;
    if (!acronym && (f.last - f.first > name_words[e] || out[e].name.empty())) {
      name_words[e] = f.last - f.first;
      out[e].name = std::string(span.in(text));
    }
    if (!f.role.empty() && std::find(out[e].roles.begin(), out[e].roles.end(), f.role) == out[e].roles.end())
      out[e].roles.push_back(f.role);
    if (f.related && !out[e].related) out[e].related = f.related;
  }
  // Lede: the first two sentences of the body.
  std::size_t lede_end = doc.body.start;
  {
    std::size_t count = 0;
    for (const auto& s : tk.sentences)
      if (s.span.start >= doc.body.start && count < 2) {
        lede_end = s.span.end;
        ++count;
      }
  }
  for (std::size_t e = 0; e < out.size(); ++e) {
    Entity& ent = out[e];
    // Majority type; a person vote wins ties (a surname once tagged ORG).
    int best = -1;
    for (int t = 0; t < 8; ++t)
      if (best < 0 || votes[e][std::size_t(t)] > votes[e][std::size_t(best)] ||
          (votes[e][std::size_t(t)] == votes[e][std::size_t(best)] && t == int(EntityType::person) &&
           votes[e][std::size_t(t)] > 0))
        best = t;
    ent.type = EntityType(best);
    if (ent.type == EntityType::location) {
      std::uint16_t bits = gaz.lookup_phrase(ent.name);
      if (bits & ner::kGazCountry) ent.subtype = "country";
      else if (bits & ner::kGazRegion) ent.subtype = "region";
      else if (bits & ner::kGazCity) ent.subtype = "city";
    }
    if (ent.type != EntityType::person) ent.roles.clear();
    std::sort(ent.mentions.begin(), ent.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.span < b.span; });
    double s = double(ent.mentions.size());
    bool in_title = false, in_lede = false;
    for (const auto& m : ent.mentions) {
      if (doc.title_span && doc.title_span->contains(m.span)) in_title = true;
      if (m.span.start >= doc.body.start && m.span.end <= lede_end) in_lede = true;
    }
    ent.salience = s + (in_title ? 3.0 : 0.0) + (in_lede ? 1.5 : 0.0);
  }
  std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
    if (a.salience != b.salience) return a.salience > b.salience;
    return a.mentions.front().span.start < b.mentions.front().span.start;
  });
  return out;
}

}  // namespace newsan
