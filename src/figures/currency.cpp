// Currency by context: "1,200,000 pesos" in a story from Valparaíso are Chilean
// pesos, "$40 million" in a story about Ottawa are Canadian dollars. The
// scanner gives a bare "$" or currency word its default code (USD, MXN); here
// a figure whose currency is only that guess takes the code of the country the
// story names most, when it names that country at least twice and more often
// than the default's own (figures-currency-context-en.tsv), with the words that
// decided as `unit_evidence`. A written marker ("US$", "C$", "Chilean pesos")
// is never overridden.
#include <map>

#include "figures/internal.h"

namespace newsan::figures {
namespace {

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether the figure's currency is only the default: no letters glued before a
// "$" ("US$", "C$") nor a marker word before it ("US $5"), no capitalized word
// before the currency word ("Canadian dollars").
bool bare_currency(std::string_view text, const Tokenized& tokens, const Figure& f) {
  std::string_view t = f.span.in(text);
  if (std::size_t d = t.find('$'); d != std::string_view::npos) {
    std::size_t at = f.span.start + d;
    if (at > 0 && ascii_letter(text[at - 1])) return false;
    // The word before the "$": an uppercase code ("US", "NZ") marks it.
    std::size_t e = at;
    while (e > 0 && text[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && ascii_letter(text[b - 1])) --b;
    std::string_view before = text.substr(b, e - b);
    bool code = !before.empty() && before.size() <= 3 &&
                std::all_of(before.begin(), before.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return !code;
  }
  // A currency word: the token before the figure's last word must not be a capitalized name.
  auto last = std::lower_bound(tokens.tokens.begin(), tokens.tokens.end(), f.span.end,
                               [](const Token& tok, std::size_t at) { return tok.span.end < at; });
  if (last == tokens.tokens.begin() || last == tokens.tokens.end()) return true;
  return !(last - 1)->capitalized;
}

}  // namespace

void currency_by_context(const Lexicon& lx, std::string_view text, const Tokenized& tokens,
                         std::vector<Figure>& figures) {
  if (lx.currency_cues.empty()) return;
  bool any = false;
  for (const Figure& f : figures) any |= f.kind == "money";
  if (!any) return;
  // Mentions per (default code, code), and the words seen for each.
  struct Count {
    std::size_t n = 0;
    std::vector<std::string> words;
  };
  std::map<std::pair<std::string, std::string>, Count> counts;
  for (const Token& t : tokens.tokens) {
    if (!t.capitalized) continue;
    auto it = lx.currency_cues.find(t.text(text));
    if (it == lx.currency_cues.end()) continue;
    for (const auto& cue : it->second) {
      Count& c = counts[{cue.default_code, cue.code}];
      ++c.n;
      std::string w(t.text(text));
      if (std::find(c.words.begin(), c.words.end(), w) == c.words.end()) c.words.push_back(std::move(w));
    }
  }
  // The choice per default code: the most named other country, named twice and more than the default's.
  std::map<std::string, std::pair<std::string, std::string>> choice;  // default -> (code, evidence)
  for (const auto& [key, c] : counts) {
    const auto& [def, code] = key;
    if (code == def || c.n < 2) continue;
    auto own = counts.find({def, def});
    if (own != counts.end() && own->second.n >= c.n) continue;
    auto& best = choice[def];
    if (!best.first.empty() && counts[{def, best.first}].n >= c.n) continue;
    std::string ev;
    for (const auto& w : c.words) ev += (ev.empty() ? "" : ", ") + w;
    best = {code, ev};
  }
  if (choice.empty()) return;
  for (Figure& f : figures) {
    if (f.kind != "money") continue;
    auto it = choice.find(f.unit);
    if (it == choice.end() || !bare_currency(text, tokens, f)) continue;
    f.unit = it->second.first;
    f.unit_evidence = it->second.second;
  }
}

}  // namespace newsan::figures
