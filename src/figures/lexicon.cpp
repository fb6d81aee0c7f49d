// Loading the figure word tables from data/lexicon/ (formats in each file's header).
#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "figures/internal.h"
#include "newsan/error.h"

namespace newsan::figures {
namespace {

bool is_ascii_punct(unsigned char c) {
  return c < 0x80 && !std::isalnum(c) && c != ' ' && c != '\t' && c != '\'';
}

[[noreturn]] void bad_field(const LexiconRow& row, std::size_t field,
                            const std::filesystem::path& path, std::string_view expected) {
  throw FormatError(path.string() + ":" + std::to_string(row.line) + ": '" + row.fields[field] +
                    "' is not one of " + std::string(expected));
}

Qualifier parse_qualifier(const LexiconRow& row, const std::filesystem::path& path) {
  static const std::pair<const char*, Qualifier> names[] = {
      {"exact", Qualifier::exact},         {"approximately", Qualifier::approximately},
      {"more_than", Qualifier::more_than}, {"at_least", Qualifier::at_least},
      {"less_than", Qualifier::less_than}, {"at_most", Qualifier::at_most}};
  for (auto& [n, q] : names)
    if (row.fields[1] == n) return q;
  bad_field(row, 1, path, "exact, approximately, more_than, at_least, less_than, at_most");
}

EventClass parse_class(const LexiconRow& row, const std::filesystem::path& path) {
  static const std::pair<const char*, EventClass> names[] = {
      {"RELEASE", EventClass::release}, {"ARREST", EventClass::arrest},
      {"DETAIN", EventClass::detain},   {"KILL", EventClass::kill},
      {"WOUND", EventClass::wound},     {"AFFECT", EventClass::affect},
      {"PROTEST", EventClass::protest}, {"SEIZE", EventClass::seize},
      {"KIDNAP", EventClass::kidnap},   {"OTHER", EventClass::other}};
  for (auto& [n, c] : names)
    if (row.fields[2] == n) return c;
  bad_field(row, 2, path, "RELEASE ARREST DETAIN KILL WOUND AFFECT PROTEST SEIZE KIDNAP OTHER");
}

}  // namespace

std::vector<std::string> split_phrase(std::string_view phrase) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(ascii_lower(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(phrase[i]);
    if (c == ' ') {
      flush();
    } else if (is_ascii_punct(c) && !(c == '.' && !cur.empty())) {
      // A period after letters stays with them ("a.m.", "no."), like the
      // tokenizer's abbreviations; other punctuation is a piece of its own.
      flush();
      words.emplace_back(1, static_cast<char>(c));
    } else {
      cur.push_back(static_cast<char>(c));
    }
  }
  flush();
  return words;
}

std::uint8_t Lexicon::predicate_of_form(std::string_view w) const {
  auto find = [&](std::string_view s) -> std::uint8_t {
    auto it = predicates.find(s);
    return it == predicates.end() ? 0 : it->second;
  };
  if (std::uint8_t r = find(w)) return r;
  auto strip = [&](std::string_view end) -> std::uint8_t {
    if (w.size() <= end.size() + 1 || w.substr(w.size() - end.size()) != end) return 0;
    std::string_view stem = w.substr(0, w.size() - end.size());
    if (std::uint8_t r = find(stem)) return r;
    if (std::uint8_t r = find(std::string(stem) + "e")) return r;  // "hoped", "hoping"
    // A doubled consonant: "planned", "planning".
    return stem.size() > 2 && stem.back() == stem[stem.size() - 2] ? find(stem.substr(0, stem.size() - 1)) : 0;
  };
  for (std::string_view end : {"s", "ed", "ing"})
    if (std::uint8_t r = strip(end)) return r;
  return 0;
}

std::uint64_t Lexicon::roles_of(std::string_view word) const {
  auto it = roles.find(word);
  return it == roles.end() ? 0 : it->second;
}

const NumberWord* Lexicon::number(std::string_view word) const {
  auto it = numbers.find(word);
  return it == numbers.end() ? nullptr : &it->second;
}

const WordInfo* Lexicon::info(std::string_view word) const { return word_table.find(word); }

Lexicon Lexicon::load(const Resources& res) {
  const DataDir& data = res.data();
  Lexicon lx;
  res.number_words().for_each([&](std::string_view w, const NumberWord& n) {
    if (n.cls != NumClass::none && n.cls != NumClass::couple) lx.numbers[std::string(w)] = n;
    if (n.ordinal > 0) lx.ordinals[std::string(w)] = n.ordinal;
  });
  {
    auto path = data.file("lexicon/figures-qualifiers-en.tsv");
    for (const auto& row : load_lexicon(path, "figure-qualifiers", 3)) {
      QualifierInfo q{parse_qualifier(row, path)};
      if (row.fields[2] == "before") {
        lx.qual_before.add(split_phrase(row.fields[0]), q);
      } else if (row.fields[2] == "after") {
        lx.qual_after.add(split_phrase(row.fields[0]), q);
      } else {
        bad_field(row, 2, path, "before, after");
      }
    }
  }
  {
    auto path = data.file("lexicon/figures-units-en.tsv");
    for (const auto& row : load_lexicon(path, "figure-units", 3))
      lx.units.add(split_phrase(row.fields[0]), UnitInfo{row.fields[1], row.fields[2]});
  }
  {
    auto path = data.file("lexicon/figures-currencies-en.tsv");
    for (const auto& row : load_lexicon(path, "figure-currencies", 3)) {
      if (row.fields[2] == "prefix") {
        lx.currency_prefixes.push_back({row.fields[0], row.fields[1]});
      } else if (row.fields[2] == "word") {
        lx.currency_words.add(split_phrase(row.fields[0]), row.fields[1]);
      } else if (row.fields[2] == "hundredth") {
        lx.currency_hundredths.add(split_phrase(row.fields[0]), row.fields[1]);
      } else {
        bad_field(row, 2, path, "prefix, word, hundredth");
      }
    }
    for (const auto& cp : lx.currency_prefixes)
      if (!cp.surface.empty()) lx.currency_last_byte[static_cast<unsigned char>(cp.surface.back())] = true;
    std::stable_sort(lx.currency_prefixes.begin(), lx.currency_prefixes.end(),
                     [](const auto& a, const auto& b) { return a.surface.size() > b.surface.size(); });
  }
  {
    auto path = data.file("lexicon/figures-events-en.tsv");
    for (const auto& row : load_lexicon(path, "figure-events", 4)) {
      EventWord e;
      e.lemma = row.fields[1] == "-" ? "" : row.fields[1];
      e.cls = parse_class(row, path);
      if (row.fields[3] == "up") {
        e.dir = Direction::up;
      } else if (row.fields[3] == "down") {
        e.dir = Direction::down;
      } else if (row.fields[3] != "-") {
        bad_field(row, 3, path, "up, down, -");
      }
      lx.events[ascii_lower(row.fields[0])] = e;
    }
  }
  {
    auto path = data.file("lexicon/figures-context-en.tsv");
    for (const auto& row : load_lexicon(path, "figure-context", 2)) {
      std::uint64_t bit = 0;
      for (std::size_t k = 0; k < std::size(kRoleNames); ++k)
        if (row.fields[1] == kRoleNames[k]) bit = std::uint64_t{1} << k;
      if (!bit) bad_field(row, 1, path, "a role named in the file's header");
      lx.roles[ascii_lower(row.fields[0])] |= bit;
      if (bit == role::height_minor) lx.height_minor = ascii_lower(row.fields[0]);
    }
  }
  {
    auto path = data.file("lexicon/figures-predicates-en.tsv");
    for (const auto& row : load_lexicon(path, "figure-predicates", 2)) {
      std::uint8_t bit = 0;
      for (std::size_t k = 0; k < std::size(kPredicateRoleNames); ++k)
        if (row.fields[1] == kPredicateRoleNames[k]) bit = static_cast<std::uint8_t>(1u << k);
      if (!bit) bad_field(row, 1, path, "a role named in the file's header");
      lx.predicates[ascii_lower(row.fields[0])] |= bit;
    }
  }
  for (const auto& row : load_lexicon(data.file("lexicon/figures-currency-context-en.tsv"), "figure-currency-context", 3))
    lx.currency_cues[row.fields[1]].push_back({row.fields[0], row.fields[2]});
  for (const auto& [w, n] : lx.numbers) {
    lx.words[w].num = &n;
    lx.number_filter.add(w);
  }
  for (const auto& [w, bits] : lx.roles) lx.words[w].roles |= bits;
  for (const auto& [w, e] : lx.events) lx.words[w].event = &e;
  lx.units.for_each_phrase([&](const auto& ws) { lx.words[ws.front()].unit_first = true; });
  lx.currency_words.for_each_phrase([&](const auto& ws) { lx.words[ws.front()].currency_first = true; });
  lx.currency_hundredths.for_each_phrase([&](const auto& ws) { lx.words[ws.front()].currency_first = true; });
  lx.qual_after.for_each_phrase([&](const auto& ws) { lx.words[ws.front()].qual_after_first = true; });
  lx.qual_before.for_each_phrase([&](const auto& ws) {
    lx.words[ws.back()].qual_before_last = true;
    for (const auto& w : ws) lx.words[w].qual_before_any = true;
  });
  lx.word_table.build(lx.words);
  return lx;
}

}  // namespace newsan::figures
