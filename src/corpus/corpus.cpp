// The corpus summary's aggregation: ArticleFacts from an Analysis or from its
// JSON, folded into entity counts and figure series; agreements and
// contradictions are found between articles of one series in one time window.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>

#include "newsan/corpus.h"
#include "newsan/error.h"
#include "report/layout.h"
#include "util/calendar.h"
#include "util/utf8.h"

namespace newsan {

namespace {

constexpr std::size_t kSentenceMax = 300;

std::optional<std::string> day_of(const std::optional<std::string>& iso) {
  if (!iso || iso->size() < 10) return std::nullopt;
  return iso->substr(0, 10);
}

std::string host_of(const std::string& url) {
  std::size_t b = url.find("://");
  b = b == std::string::npos ? 0 : b + 3;
  return url.substr(b, url.find('/', b) - b);
}

std::string source_of(const std::optional<std::string>& source, const std::optional<std::string>& site,
                      const std::optional<std::string>& url) {
  if (source) return *source;
  if (site) return *site;
  if (url) return host_of(*url);
  return "";
}

template <class E>
E enum_named(const std::string& s, int count, E fallback) {
  for (int i = 0; i < count; ++i)
    if (s == to_string(static_cast<E>(i))) return static_cast<E>(i);
  return fallback;
}

// Days since 1970-01-01 of a YYYY-MM-DD date (H. Hinnant's days_from_civil).
std::optional<long> day_number(const std::optional<std::string>& iso) {
  int y, m, d;
  if (!iso || !parse_iso_date(*iso, y, m, d)) return std::nullopt;
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// What a figure admits, given its qualifier: "about 130" is 117..143, "more than 70" is (70, ∞).
struct Interval {
  double lo = -INFINITY, hi = INFINITY;
  bool lo_open = false, hi_open = false;
};
std::optional<Interval> interval_of(const Figure& f) {
  Interval i;
  if (f.low && f.high) return Interval{*f.low, *f.high};
  if (!f.value) return std::nullopt;
  double v = *f.value;
  switch (f.qualifier) {
    case Qualifier::exact: return Interval{v, v};
    case Qualifier::approximately: return Interval{v - std::max(1.0, std::abs(v) * 0.1), v + std::max(1.0, std::abs(v) * 0.1)};
    case Qualifier::more_than: i.lo = v; i.lo_open = true; return i;
    case Qualifier::at_least: i.lo = v; return i;
    case Qualifier::less_than: i.hi = v; i.hi_open = true; return i;
    case Qualifier::at_most: i.hi = v; return i;
    case Qualifier::range: return Interval{v, v};
  }
  return std::nullopt;
}
bool overlap(const Interval& x, const Interval& y) {
  auto before = [](double hi, bool hi_open, double lo, bool lo_open) {
    return hi < lo || (hi == lo && (hi_open || lo_open));
  };
  return !before(x.hi, x.hi_open, y.lo, y.lo_open) && !before(y.hi, y.hi_open, x.lo, x.lo_open);
}

// Series key: event class, the counted noun's head word (folded, plural -s
// dropped: "political prisoners" and "prisoners" are one series), and kind.
std::string series_key(const Figure& f) {
  std::string folded = utf8::fold(f.counted);
  std::size_t sp = folded.find_last_of(' ');
  std::string head = sp == std::string::npos ? folded : folded.substr(sp + 1);
  if (head.size() > 3 && head.back() == 's' && head[head.size() - 2] != 's') head.pop_back();
  return fmt::format("{}\t{}\t{}", to_string(f.event_class), head, f.kind);
}

std::string evidence(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& sentences,
                     std::size_t index, std::string_view fallback) {
  if (index < sentences.size() && sentences[index].second <= text.size() && sentences[index].first < sentences[index].second)
    return clip(one_line(text.substr(sentences[index].first, sentences[index].second - sentences[index].first)), kSentenceMax);
  return clip(one_line(fallback), kSentenceMax);
}

}  // namespace

ArticleFacts facts_of(const Analysis& a) {
  const Document& d = a.document;
  ArticleFacts f;
  f.id = d.id;
  f.date = day_of(d.date);
  f.source = source_of(d.source, d.site_name, d.url);
  for (const Entity& e : a.entities) f.entities.push_back({e.name, e.type, e.roles, e.mentions.size()});
  std::vector<std::pair<std::size_t, std::size_t>> sentences;
  for (const Sentence& s : a.tokens.sentences) sentences.emplace_back(s.span.start, s.span.end);
  const auto& R = a.figures;
  std::vector<std::size_t> shown;
  if (R.groups.empty())
    for (std::size_t i = 0; i < R.figures.size(); ++i) shown.push_back(i);
  else
    for (const FigureGroup& g : R.groups) shown.push_back(g.representative);
  for (std::size_t i : shown) {
    const Figure& fig = R.figures[i];
    if (fig.counted.empty()) continue;
    Figure copy = fig;
    copy.span = {};
    copy.counted_span.reset();
    copy.event_span.reset();
    f.figures.push_back({copy, evidence(d.text, sentences, fig.sentence, fig.span.in(d.text))});
  }
  return f;
}

ArticleFacts facts_from_json(const nlohmann::json& j) {
  try {
    const auto& d = j.at("document");
    auto opt = [](const nlohmann::json& o, const char* k) -> std::optional<std::string> {
      auto it = o.find(k);
      if (it == o.end() || !it->is_string()) return std::nullopt;
      return it->get<std::string>();
    };
    ArticleFacts f;
    f.id = d.at("id").get<std::string>();
    f.date = day_of(opt(d, "date"));
    f.source = source_of(opt(d, "source"), opt(d, "site_name"), opt(d, "url"));
    for (const auto& e : j.at("entities"))
      f.entities.push_back({e.at("name").get<std::string>(), enum_named<EntityType>(e.at("type").get<std::string>(), 8, EntityType::other),
                            e.value("roles", std::vector<std::string>{}), e.at("count").get<std::size_t>()});
    std::string text = d.value("text", std::string());
    std::vector<std::pair<std::size_t, std::size_t>> sentences;
    if (!text.empty())
      for (const auto& s : j.at("sentences")) sentences.emplace_back(s.at("start").get<std::size_t>(), s.at("end").get<std::size_t>());
    const auto& figs = j.at("figures");
    std::vector<std::size_t> shown;
    const auto& groups = j.at("figure_groups");
    if (groups.empty())
      for (std::size_t i = 0; i < figs.size(); ++i) shown.push_back(i);
    else
      for (const auto& g : groups) shown.push_back(g.at("representative").get<std::size_t>());
    auto num = [&](const nlohmann::json& o, const char* k) -> std::optional<double> {
      auto it = o.find(k);
      if (it == o.end() || !it->is_number()) return std::nullopt;
      return it->get<double>();
    };
    for (std::size_t i : shown) {
      const auto& x = figs.at(i);
      auto counted = opt(x, "counted");
      if (!counted) continue;
      Figure g;
      g.value = num(x, "value");
      g.low = num(x, "low");
      g.high = num(x, "high");
      g.qualifier = enum_named<Qualifier>(x.value("qualifier", "exact"), 7, Qualifier::exact);
      g.direction = enum_named<Direction>(opt(x, "direction").value_or(""), 3, Direction::none);
      g.unit = opt(x, "unit").value_or("");
      g.kind = opt(x, "kind").value_or("");
      g.counted = *counted;
      g.event = opt(x, "event").value_or("");
      g.event_class = enum_named<EventClass>(opt(x, "event_class").value_or(""), 11, EventClass::none);
      g.sentence = x.at("sentence").get<std::size_t>();
      g.group = x.at("group").get<std::size_t>();
      f.figures.push_back({g, evidence(text, sentences, g.sentence, x.at("text").get<std::string>())});
    }
    return f;
  } catch (const nlohmann::json::exception& e) {
    throw FormatError(fmt::format("not a newsan analysis record: {}", e.what()));
  }
}

void CorpusSummary::add(ArticleFacts f) {
  ++articles_;
  if (f.date) {
    if (!first_ || *f.date < *first_) first_ = f.date;
    if (!last_ || *f.date > *last_) last_ = f.date;
  }
  for (auto& e : f.entities) {
    std::string key = fmt::format("{}\t{}", to_string(e.type), utf8::fold(e.name));
    auto [it, fresh] = entities_.try_emplace(key);
    EntityAgg& g = it->second;
    if (fresh) {
      g.name = e.name;
      g.type = to_string(e.type);
      g.order = entities_.size();
    }
    g.articles++;
    g.mentions += e.mentions;
    for (auto& r : e.roles)
      if (g.roles.size() < 4 && std::find(g.roles.begin(), g.roles.end(), r) == g.roles.end()) g.roles.push_back(r);
    if (f.date) {
      if (!g.first || *f.date < *g.first) g.first = f.date;
      if (!g.last || *f.date > *g.last) g.last = f.date;
    }
  }
  std::map<std::string, std::vector<std::size_t>> mine;  // series key -> this article's points
  for (auto& x : f.figures) {
    std::string key = series_key(x.figure);
    auto [it, fresh] = series_.try_emplace(key);
    CorpusReport::Series& s = it->second;
    if (fresh) {
      s.event_class = to_string(x.figure.event_class);
      s.counted = x.figure.counted;
      s.kind = x.figure.kind;
    }
    auto& idx = mine[key];
    if (idx.empty()) s.articles++;
    idx.push_back(s.points.size());
    s.points.push_back({std::move(x.figure), f.id, f.source, std::move(x.sentence), f.date, false});
  }
  // An article that gives disagreeing values for one series is not a witness for it.
  for (auto& [key, idx] : mine) {
    auto& pts = series_[key].points;
    bool ambiguous = false;
    for (std::size_t i = 0; i < idx.size() && !ambiguous; ++i)
      for (std::size_t k = i + 1; k < idx.size() && !ambiguous; ++k) {
        auto x = interval_of(pts[idx[i]].figure), y = interval_of(pts[idx[k]].figure);
        ambiguous = !x || !y || !overlap(*x, *y);
      }
    if (ambiguous)
      for (std::size_t i : idx) pts[i].ambiguous = true;
  }
}

CorpusReport CorpusSummary::report() const {
  CorpusReport r;
  r.articles = articles_;
  r.errors = errors_;
  r.first_date = first_;
  r.last_date = last_;
  r.window_days = opt_.window_days;
  std::vector<const EntityAgg*> ents;
  for (const auto& [k, e] : entities_) ents.push_back(&e);
  std::sort(ents.begin(), ents.end(), [](const EntityAgg* x, const EntityAgg* y) {
    if (x->articles != y->articles) return x->articles > y->articles;
    if (x->mentions != y->mentions) return x->mentions > y->mentions;
    return x->name < y->name;
  });
  for (std::size_t i = 0; i < ents.size() && i < opt_.top_entities; ++i) {
    const EntityAgg& e = *ents[i];
    r.entities.push_back({e.name, e.type, e.roles, e.articles, e.mentions, e.first, e.last});
  }
  for (const auto& [k, s] : series_) {
    CorpusReport::Series c = s;
    std::stable_sort(c.points.begin(), c.points.end(), [](const auto& x, const auto& y) {
      return std::string(x.date ? *x.date : "\xff") < std::string(y.date ? *y.date : "\xff");
    });
    r.series.push_back(std::move(c));
  }
  std::stable_sort(r.series.begin(), r.series.end(), [](const auto& x, const auto& y) {
    if (x.articles != y.articles) return x.articles > y.articles;
    return x.points.size() > y.points.size();
  });
  std::vector<CorpusReport::Pair> agree;
  for (std::size_t s = 0; s < r.series.size(); ++s) {
    const auto& S = r.series[s];
    if (S.event_class.empty()) continue;  // only figures of an event are compared
    for (std::size_t a = 0; a < S.points.size(); ++a)
      for (std::size_t b = a + 1; b < S.points.size(); ++b) {
        const auto &p = S.points[a], &q = S.points[b];
        if (p.article == q.article || p.ambiguous || q.ambiguous) continue;
        if (p.figure.direction != Direction::none || q.figure.direction != Direction::none) continue;
        auto dp = day_number(p.date), dq = day_number(q.date);
        if (!dp || !dq || std::labs(*dp - *dq) > opt_.window_days) continue;
        auto x = interval_of(p.figure), y = interval_of(q.figure);
        if (!x || !y) continue;
        bool ok = overlap(*x, *y);
        (ok ? agree : r.pairs).push_back({ok, s, a, b});
      }
  }
  r.pairs.insert(r.pairs.end(), agree.begin(), agree.end());
  return r;
}

}  // namespace newsan
