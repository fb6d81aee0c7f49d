// Loading the date lexicons (see lexicon.h and the header of dates-en.tsv).
#include "dates/lexicon.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "newsan/error.h"
#include "util/utf8.h"

namespace newsan::timex {

Unit unit_from_code(std::string_view c) {
  static constexpr std::pair<std::string_view, Unit> kCodes[] = {
      {"S", Unit::second}, {"MI", Unit::minute}, {"H", Unit::hour},      {"D", Unit::day},
      {"W", Unit::week},   {"WE", Unit::weekend}, {"D14", Unit::fortnight}, {"M", Unit::month},
      {"Q", Unit::quarter}, {"Y", Unit::year},   {"DE", Unit::decade},    {"CE", Unit::century},
      {"ML", Unit::millennium}};
  for (auto [k, u] : kCodes)
    if (k == c) return u;
  return Unit::none;
}

Cue cue_from_name(std::string_view name) {
  static constexpr std::pair<std::string_view, Cue> kNames[] = {
      {"a", Cue::a},
      {"after", Cue::after},
      {"ago", Cue::ago},
      {"and", Cue::and_},
      {"as", Cue::as},
      {"at", Cue::at},
      {"be", Cue::be},
      {"before", Cue::before},
      {"being", Cue::being},
      {"block", Cue::block},
      {"by", Cue::by},
      {"coming", Cue::coming},
      {"copyright", Cue::copyright},
      {"couple", Cue::couple},
      {"current", Cue::current},
      {"during", Cue::during},
      {"earlier", Cue::earlier},
      {"overnight", Cue::overnight},
      {"early", Cue::early},
      {"end", Cue::end},
      {"ended", Cue::ended},
      {"ending", Cue::ending},
      {"fiscal", Cue::fiscal},
      {"had", Cue::had},
      {"for", Cue::for_},
      {"from", Cue::from},
      {"future", Cue::future},
      {"half", Cue::half},
      {"have", Cue::have},
      {"in", Cue::in},
      {"last", Cue::last},
      {"late", Cue::late},
      {"later", Cue::later},
      {"latest", Cue::latest},
      {"mid", Cue::mid},
      {"most", Cue::most},
      {"new", Cue::new_},
      {"next", Cue::next},
      {"of", Cue::of},
      {"long", Cue::long_},
      {"old", Cue::old},
      {"on", Cue::on},
      {"once", Cue::once},
      {"over", Cue::over},
      {"past", Cue::past},
      {"period", Cue::period},
      {"present", Cue::present},
      {"recent", Cue::recent},
      {"same", Cue::same},
      {"second", Cue::second},
      {"since", Cue::since},
      {"this", Cue::this_},
      {"thousand", Cue::thousand},
      {"through", Cue::through},
      {"throughout", Cue::throughout},
      {"time", Cue::time},
      {"times", Cue::times},
      {"to", Cue::to},
      {"twice", Cue::twice},
      {"until", Cue::until},
      {"upcoming", Cue::upcoming},
      {"within", Cue::within},
      {"year", Cue::year},
  };
  for (auto [k, c] : kNames)
    if (k == name) return c;
  return Cue::none;
}

int to_int(std::string_view s, int fallback) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : fallback;
}

Word& Lexicon::entry(const std::string& key, std::vector<std::string>& parts) {
  parts.clear();
  std::size_t b = 0;
  while (b <= key.size()) {
    std::size_t e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    if (e > b) parts.push_back(key.substr(b, e - b));
    b = e + 1;
  }
  if (parts.size() <= 1) return words[key];
  auto& list = phrases[parts[0]];
  std::vector<std::string> rest(parts.begin() + 1, parts.end());
  for (auto& p : list)
    if (p.rest == rest) return p.info;
  list.push_back({std::move(rest), {}});
  // Longest phrases first, so the first that matches is the longest.
  std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) { return a.rest.size() > b.rest.size(); });
  for (auto& p : list)
    if (p.rest.size() == parts.size() - 1 && std::equal(p.rest.begin(), p.rest.end(), parts.begin() + 1)) return p.info;
  return list.front().info;
}

void Lexicon::build_index() {
  lex::StringMap<Entry> entries;
  for (auto& [key, w] : words) {
    if (key.empty()) continue;
    // What Scan::may_start asks of a word (dates.cpp): can any pattern start here?
    w.starts = w.the || w.month || w.weekday || w.unit != Unit::none || w.number != -1 || w.ordinal ||
               w.shift != kNone || w.deictic != kNone || w.fiscal || w.setq || w.half || !w.vague.empty() ||
               !w.season.empty() || !w.premod.empty() || !w.edge.empty() || !w.approx.empty() || !w.set.empty() ||
               !w.clock.empty() || !w.holiday.empty() || w.multiplier || !w.daypart.empty() || w.post || w.anaphor;
    entries[key].word = &w;
  }
  for (const auto& [key, list] : phrases)
    if (!key.empty()) entries[key].phrases = &list;
  index_.build(entries);
}

const Entry* Lexicon::find(std::string_view folded) const {
  if (folded.empty()) return nullptr;
  return index_.find(folded);
}

const Entry* Lexicon::find_token(std::string_view t, std::string& spill) const {
  // ASCII: lowercase and hash in one pass, as lex::fold_short folds; a token longer
  // than every key needs no lookup (ASCII folding keeps the length).
  char buf[32];
  std::uint64_t h = lex::kFnvBasis;
  const std::size_t max_key = index_.max_key();
  const bool fits = t.size() <= max_key && t.size() < sizeof buf;
  std::size_t i = 0;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (static_cast<unsigned char>(c) >= 0x80) break;
    c = lex::ascii_lower(c);
    if (fits) buf[i] = c;
    h = lex::fnv_step(h, c);
  }
  if (i == t.size() && t.size() > max_key) return nullptr;
  if (i < t.size() || !fits) {  // non-ASCII (or a long key): full Unicode folding
    spill = utf8::fold(t);
    return find(spill);
  }
  return index_.find({buf, t.size()}, h);
}

void Lexicon::load(const Resources& res) {
  std::vector<std::string> parts;
  // Number words: the one table shared with figures (util/number_words.h).
  res.number_words().for_each([&](std::string_view word, const NumberWord& nw) {
    Word& w = entry(std::string(word), parts);
    w.has_role = true;
    w.numeral = nw;
    if (nw.vague) w.number = kVague;
    if (nw.article) { w.number = 1; w.article = true; }
    if (nw.ordinal) w.ordinal = nw.ordinal;
    if (nw.cardinal_part() && nw.cls != NumberClass::hundred && nw.cls != NumberClass::scale) w.number = static_cast<int>(nw.value);
    if (nw.cls == NumberClass::couple) w.number = static_cast<int>(nw.value);
    if ((nw.cls == NumberClass::hundred || nw.cls == NumberClass::scale) && nw.value <= 1e9) w.multiplier = static_cast<int>(nw.value);
  });
  const auto path = res.data().file("lexicon/dates-en.tsv");
  for (const auto& r : res.lexicon("lexicon/dates-en.tsv", "dates", 2)) {
    Word& w = entry(r.fields[0], parts);
    const std::string& role = r.fields[1];
    const std::string arg = r.fields.size() > 2 ? r.fields[2] : std::string();
    const std::string flag = r.fields.size() > 3 ? r.fields[3] : std::string();
    auto need_int = [&](int lo, int hi) {
      int v = to_int(arg, kNone);
      if (v < lo || v > hi)
        throw FormatError(fmt::format("{}: line {}: role {} needs a number {}..{}, got '{}'", path.string(), r.line,
                                      role, lo, hi, arg));
      return v;
    };
    if (role == "month_cue") { w.month_cue = true; continue; }
    if (role == "street") { w.street = true; continue; }
    if (role == "cue") {
      w.cue = cue_from_name(arg);
      if (w.cue == Cue::none) throw FormatError(fmt::format("{}: line {}: unknown cue '{}'", path.string(), r.line, arg));
      continue;
    }
    w.has_role = true;
    if (role == "month") { w.month = need_int(1, 12); w.abbr = flag == "abbr"; }
    else if (role == "weekday") { w.weekday = need_int(1, 7); w.abbr = flag == "abbr"; }
    else if (role == "unit") {
      w.unit = unit_from_code(arg);
      if (w.unit == Unit::none) throw FormatError(fmt::format("{}: line {}: unknown unit '{}'", path.string(), r.line, arg));
      w.plural = flag == "plural";
    }
    else if (role == "season") w.season = arg;
    else if (role == "daypart") w.daypart = arg;
    else if (role == "deictic") { w.deictic = need_int(-7, 7); w.deictic_part = flag; }
    else if (role == "vague") w.vague = arg;
    else if (role == "shift") w.shift = need_int(-1, 1);
    else if (role == "post") { w.post = need_int(-1, 1); w.post_outside = flag == "outside"; }
    else if (role == "premod") w.premod = arg;
    else if (role == "edge") w.edge = arg;
    else if (role == "approx") { w.approx = arg; w.approx_outside = flag == "outside"; }
    else if (role == "set") w.set = arg;
    else if (role == "setq") w.setq = true;
    else if (role == "fiscal") w.fiscal = true;
    else if (role == "article") w.the = true;
    else if (role == "ampm") w.ampm = arg;
    else if (role == "clock") w.clock = arg;
    else if (role == "zone") w.zone = true;
    else if (role == "future_cue") w.future_cue = true;
    else if (role == "past_cue") w.past_cue = true;
    else if (role == "half") w.half = true;
    else if (role == "holiday") w.holiday = arg;
    else if (role == "filler") w.filler = true;
    else if (role == "not_past") w.not_past = true;
    else if (role == "period_end") w.period_end = true;
    else if (role == "whole") w.whole = true;
    else if (role == "daypart_kept") w.daypart_kept = true;
    else if (role == "anaphor") w.anaphor = true;
    else if (role == "game") w.game = true;
    else throw FormatError(fmt::format("{}: line {}: unknown role '{}'", path.string(), r.line, role));
  }
  build_index();
}

}  // namespace newsan::timex
