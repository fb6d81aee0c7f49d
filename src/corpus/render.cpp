// The corpus summary as text, Markdown, JSON or an HTML page with a small
// inline SVG chart of each figure series over time.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "newsan/corpus.h"
#include "newsan/error.h"
#include "report/layout.h"

namespace newsan {

namespace {

using Report = CorpusReport;

std::string point_text(const Report::Point& p) {
  std::string s = quantity_text(p.figure);
  s += p.date ? " on " + *p.date : " (undated)";
  if (!p.source.empty()) s += " (" + p.source + ")";
  return s;
}

std::string series_title(const Report::Series& s) {
  std::string t = s.counted;
  if (!s.event_class.empty()) t += " " + std::string(s.event_class == "OTHER" ? "(other event)" : s.event_class);
  return t;
}

std::string pair_text(const Report& r, const Report::Pair& p) {
  const auto& S = r.series[p.series];
  return fmt::format("{}: {} vs {}", series_title(S), point_text(S.points[p.a]), point_text(S.points[p.b]));
}

std::string plain(const Report& r, bool md) {
  std::string o;
  auto h = [&](std::string_view t) { o += md ? fmt::format("\n## {}\n\n", t) : fmt::format("\n{}\n", t); };
  o += md ? "# Summary of the articles\n\n" : "Summary of the articles\n";
  o += fmt::format("{}{} articles, {} errors{}\n", md ? "" : "", r.articles, r.errors,
                   r.first_date ? fmt::format(", dated {} to {}", *r.first_date, *r.last_date) : "");
  std::string bullet = md ? "- " : "  • ";
  std::string quote = md ? "  > " : "      ";
  h(fmt::format("Entities ({})", r.entities.size()));
  for (const auto& e : r.entities) {
    o += bullet + (md ? "**" + e.name + "**" : e.name) + fmt::format(" ({}", e.type);
    if (!e.roles.empty()) {
      for (const auto& x : e.roles) o += ", " + x;
    }
    o += fmt::format("): {} article{}, {} mentions", e.articles, e.articles == 1 ? "" : "s", e.mentions);
    if (e.first) o += fmt::format(", {} to {}", *e.first, *e.last);
    o += "\n";
  }
  h(fmt::format("Figures by event and counted noun ({})", r.series.size()));
  for (const auto& s : r.series) {
    o += bullet + (md ? "**" + series_title(s) + "**" : series_title(s)) + ": ";
    for (std::size_t i = 0; i < s.points.size(); ++i) o += (i ? ", " : "") + point_text(s.points[i]);
    o += "\n";
  }
  std::size_t nc = std::count_if(r.pairs.begin(), r.pairs.end(), [](const auto& p) { return !p.agrees; });
  for (int agrees = 0; agrees < 2; ++agrees) {
    h(fmt::format("{} (same event and counted noun within {} days) ({})", agrees ? "Agreements" : "Contradictions",
                  r.window_days, agrees ? r.pairs.size() - nc : nc));
    for (const auto& p : r.pairs) {
      if (p.agrees != bool(agrees)) continue;
      const auto& S = r.series[p.series];
      o += bullet + pair_text(r, p) + "\n";
      for (std::size_t k : {p.a, p.b})
        o += quote + fmt::format("{}: {}\n", S.points[k].article, S.points[k].sentence);
    }
  }
  return o;
}

nlohmann::ordered_json point_json(const Report::Point& p) {
  nlohmann::ordered_json j;
  j["value"] = p.figure.value ? nlohmann::ordered_json(*p.figure.value) : nullptr;
  j["low"] = p.figure.low ? nlohmann::ordered_json(*p.figure.low) : nullptr;
  j["high"] = p.figure.high ? nlohmann::ordered_json(*p.figure.high) : nullptr;
  j["qualifier"] = to_string(p.figure.qualifier);
  j["unit"] = p.figure.unit;
  j["counted"] = p.figure.counted;
  j["event"] = p.figure.event;
  j["date"] = p.date ? nlohmann::ordered_json(*p.date) : nullptr;
  j["source"] = p.source;
  j["article"] = p.article;
  j["sentence"] = p.sentence;
  j["ambiguous"] = p.ambiguous;
  return j;
}

std::string json(const Report& r) {
  nlohmann::ordered_json j;
  j["schema_version"] = kSchemaVersion;
  j["articles"] = r.articles;
  j["errors"] = r.errors;
  j["first_date"] = r.first_date ? nlohmann::ordered_json(*r.first_date) : nullptr;
  j["last_date"] = r.last_date ? nlohmann::ordered_json(*r.last_date) : nullptr;
  j["window_days"] = r.window_days;
  j["entities"] = nlohmann::ordered_json::array();
  for (const auto& e : r.entities)
    j["entities"].push_back({{"name", e.name}, {"type", e.type}, {"roles", e.roles}, {"articles", e.articles},
                             {"mentions", e.mentions},
                             {"first_date", e.first ? nlohmann::ordered_json(*e.first) : nullptr},
                             {"last_date", e.last ? nlohmann::ordered_json(*e.last) : nullptr}});
  j["series"] = nlohmann::ordered_json::array();
  for (const auto& s : r.series) {
    nlohmann::ordered_json pts = nlohmann::ordered_json::array();
    for (const auto& p : s.points) pts.push_back(point_json(p));
    j["series"].push_back({{"event_class", s.event_class.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.event_class)},
                           {"counted", s.counted}, {"kind", s.kind}, {"articles", s.articles}, {"points", pts}});
  }
  j["contradictions"] = nlohmann::ordered_json::array();
  j["agreements"] = nlohmann::ordered_json::array();
  for (const auto& p : r.pairs)
    j[p.agrees ? "agreements" : "contradictions"].push_back(
        {{"series", p.series}, {"text", pair_text(r, p)},
         {"evidence", {point_json(r.series[p.series].points[p.a]), point_json(r.series[p.series].points[p.b])}}});
  return j.dump(2) + "\n";
}

// A small chart: each dated value of the series as a point over time (ranges as bars).
std::string chart(const Report::Series& s) {
  std::vector<const Report::Point*> pts;
  for (const auto& p : s.points)
    if (p.date && (p.figure.value || p.figure.high)) pts.push_back(&p);
  if (pts.empty()) return "";
  auto day = [](const std::string& d) {
    int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), dd = std::stoi(d.substr(8, 2));
    return y * 372 + m * 31 + dd;  // monotone in the date; fine for spacing a small chart
  };
  int d0 = day(*pts.front()->date), d1 = day(*pts.back()->date);
  double vmax = 0;
  for (auto* p : pts) vmax = std::max(vmax, p->figure.high ? *p->figure.high : *p->figure.value);
  if (vmax <= 0) vmax = 1;
  const double W = 320, H = 120, L = 44, B = 22, T = 8, Rm = 12;
  auto x = [&](const std::string& d) { return d1 == d0 ? L + (W - L - Rm) / 2 : L + (W - L - Rm) * (day(d) - d0) / double(d1 - d0); };
  auto y = [&](double v) { return T + (H - T - B) * (1 - v / vmax); };
  std::string o = fmt::format("<svg class=\"chart\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">",
                              W, H, W, H, html_escaped(series_title(s) + " over time"));
  o += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#555\"/><line x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{1}\" stroke=\"#555\"/>",
                   L, H - B, W - Rm, T);
  o += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>", L - 4, T + 8, html_escaped(grouped(vmax)));
  o += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">0</text>", L - 4, H - B);
  o += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\">{}</text>", L, H - 6, html_escaped(*pts.front()->date));
  if (d1 != d0)
    o += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>", W - Rm, H - 6, html_escaped(*pts.back()->date));
  for (auto* p : pts) {
    double px = x(*p->date);
    std::string tip = html_escaped(point_text(*p));
    if (p->figure.low && p->figure.high)
      o += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#c04a00\" stroke-width=\"4\"><title>{3}</title></line>",
                       px, y(*p->figure.low), y(*p->figure.high), tip);
    else
      o += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\" stroke=\"#222\"><title>{}</title></circle>", px,
                       y(*p->figure.value), p->figure.qualifier == Qualifier::exact ? "#c04a00" : "#fff", tip);
  }
  return o + "</svg>";
}

std::string page(const Report& r) {
  std::string o;
  html_page_begin(o, "newsan: summary of the articles",
                  "main{max-width:60rem}.series{border-top:1px solid var(--line);padding:.4rem 0}"
                  ".series svg{float:right;margin-left:1rem}.series::after{content:\"\";display:block;clear:both}"
                  "blockquote{margin:.2rem 0 .2rem 1rem;color:var(--muted);font-size:.85rem}"
                  "table{border-collapse:collapse;font:.85rem \"DejaVu Sans\",sans-serif}td,th{padding:.15rem .5rem;border-bottom:1px solid var(--line);text-align:left}");
  o += fmt::format("<header class=\"top\"><h1>Summary of {} articles</h1><p class=\"meta\">{} errors{}</p></header>\n<main>\n",
                   r.articles, r.errors, r.first_date ? fmt::format(" · dated {} to {}", *r.first_date, *r.last_date) : "");
  std::size_t nc = std::count_if(r.pairs.begin(), r.pairs.end(), [](const auto& p) { return !p.agrees; });
  for (int agrees = 0; agrees < 2; ++agrees) {
    o += fmt::format("<section id=\"{}\"><h2>{} ({})</h2>\n<p class=\"meta\">Same event and counted noun, articles at most {} days apart; values compared within their qualifiers.</p>\n",
                     agrees ? "agreements" : "contradictions", agrees ? "Agreements" : "Contradictions",
                     agrees ? r.pairs.size() - nc : nc, r.window_days);
    for (const auto& p : r.pairs) {
      if (p.agrees != bool(agrees)) continue;
      const auto& S = r.series[p.series];
      o += fmt::format("<div class=\"pair {}\" data-kind=\"{}\"><p><b>{}</b></p>", agrees ? "" : "warn",
                       agrees ? "agrees" : "contradicts", html_escaped(pair_text(r, p)));
      for (std::size_t k : {p.a, p.b})
        o += fmt::format("<blockquote>{}: {}</blockquote>", html_escaped(S.points[k].article), html_escaped(S.points[k].sentence));
      o += "</div>\n";
    }
    o += "</section>\n";
  }
  o += fmt::format("<section id=\"series\"><h2>Figures by event and counted noun ({})</h2>\n", r.series.size());
  for (const auto& s : r.series) {
    o += "<div class=\"series\" data-counted=\"" + html_escaped(s.counted) + "\">" + chart(s);
    o += "<h3>" + html_escaped(series_title(s)) + "</h3><ul class=\"facts\">";
    for (const auto& p : s.points)
      o += "<li>" + html_escaped(point_text(p)) + " <span class=\"meta\">" + html_escaped(p.article) + "</span></li>";
    o += "</ul></div>\n";
  }
  o += "</section>\n";
  o += fmt::format("<section id=\"entities\"><h2>Entities ({})</h2>\n<table><thead><tr><th>name</th><th>type</th><th>articles</th><th>mentions</th><th>first</th><th>last</th></tr></thead><tbody>\n",
                   r.entities.size());
  for (const auto& e : r.entities)
    o += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escaped(e.name), e.type,
                     e.articles, e.mentions, e.first ? *e.first : "", e.last ? *e.last : "");
  o += "</tbody></table></section>\n</main>\n";
  html_page_end(o);
  return o;
}

}  // namespace

std::string render_corpus(const CorpusReport& r, std::string_view format) {
  if (format == "text") return plain(r, false);
  if (format == "markdown") return plain(r, true);
  if (format == "json") return json(r);
  if (format == "html") return page(r);
  throw UsageError(fmt::format("unknown summary format '{}'", format));
}

}  // namespace newsan
