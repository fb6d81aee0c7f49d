// Loading the number-word table (data/lexicon/numbers-en.tsv, format in its header).
#include "util/number_words.h"

#include <cstdlib>

#include "newsan/error.h"

namespace newsan {

NumberWords NumberWords::load(const DataDir& data) {
  static const std::pair<const char*, NumberClass> classes[] = {
      {"digit", NumberClass::digit},   {"teen", NumberClass::teen},         {"tens", NumberClass::tens},
      {"hundred", NumberClass::hundred}, {"scale", NumberClass::scale},     {"suffix", NumberClass::suffix},
      {"dozen", NumberClass::dozen},   {"fraction", NumberClass::fraction}, {"plural", NumberClass::plural},
      {"couple", NumberClass::couple}};
  const auto path = data.file("lexicon/numbers-en.tsv");
  auto fail = [&](const LexiconRow& row, const std::string& what) {
    throw FormatError(path.string() + ":" + std::to_string(row.line) + ": " + what);
  };
  NumberWords nw;
  for (const auto& row : load_lexicon(path, "numbers", 3)) {
    std::string word = lex::ascii_lower(row.fields[0]);
    const std::string& v = row.fields[1];
    const std::string& cls = row.fields[2];
    NumberWord& w = nw.words_[word];
    if (cls == "vague") {
      if (v != "X") fail(row, "a vague count has value X, not '" + v + "'");
      w.vague = true;
      continue;
    }
    char* end = nullptr;
    double value = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size() || value < 0) fail(row, "'" + v + "' is not a number");
    if (cls == "ordinal") {
      w.ordinal = static_cast<int>(value);
    } else if (cls == "article") {
      w.article = true;
    } else {
      bool known = false;
      for (const auto& [name, c] : classes) {
        if (cls != name) continue;
        known = true;
        if (w.cls != NumberClass::none) fail(row, "'" + word + "' is given a second numeral class");
        w.cls = c;
        w.value = value;
      }
      if (!known)
        fail(row, "'" + cls +
                      "' is not one of digit teen tens hundred scale suffix dozen fraction plural couple "
                      "ordinal article vague");
    }
  }
  return nw;
}

}  // namespace newsan
