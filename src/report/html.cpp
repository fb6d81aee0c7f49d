// The `--format html` reporter: one self-contained page (no scripts, no
// network) with the article text and every entity, figure and date marked by
// type; each mark is focusable, carries an aria-label, and shows on hover or
// focus a card of what newsan understood. A side panel repeats the summary:
// people, organizations, places, figures as facts, and the dates as a timeline.
//
// Why the card is CSS generated content (mark::after { content: attr(data-card) })
// rather than an element: the mark's text then stays exactly the span's text,
// for copying, for screen readers (which read the aria-label) and for tests.
#include <algorithm>
#include <fmt/format.h>
#include <deque>
#include <queue>

#include "newsan/report.h"
#include "report/layout.h"

namespace newsan {

namespace {

constexpr const char* kPageCss = R"css(
.doc{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.5rem;border-bottom:1px solid var(--line);padding:1rem 0 1.5rem}
.doc .text{white-space:pre-wrap;overflow-wrap:break-word;max-width:46rem}
.doc h2{margin:.2rem 0 .3rem;font-size:1.35rem}
aside.panel{border-left:1px solid var(--line);padding-left:1rem;font-family:"DejaVu Sans",sans-serif}
aside.panel h3:first-child{margin-top:0}
mark[data-card]:focus::after,mark[data-card]:hover:not(:has(mark:hover))::after{content:attr(data-card);white-space:pre-line;
 position:absolute;left:0;top:1.6em;z-index:10;min-width:14rem;max-width:24rem;padding:.45rem .6rem;background:#fff;color:#111;
 border:1px solid #444;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.25);font:400 normal .8rem/1.35 "DejaVu Sans",sans-serif}
ol.timeline{list-style:none;padding-left:.6rem;border-left:3px solid var(--date-b);margin-left:.3rem}
ol.timeline li{position:relative;padding-left:.6rem}
ol.timeline li::before{content:"";position:absolute;left:-1.05rem;top:.45em;width:.6rem;height:.6rem;border-radius:50%;background:var(--date-b)}
ol.timeline time{font-weight:600}
@media (max-width:60rem){.doc{grid-template-columns:1fr}aside.panel{border-left:0;padding-left:0}}
@media print{.doc{grid-template-columns:1fr}mark::after{content:none!important}}
)css";

// Entity types share four colours: people, organizations, places, other names.
const char* entity_class(EntityType t) {
  switch (t) {
    case EntityType::person: return "per";
    case EntityType::organization: return "org";
    case EntityType::location:
    case EntityType::facility: return "loc";
    default: return "misc";
  }
}

struct Mark {
  Span span;
  std::string ref;    // "a0-e2-1": document, kind and item; every fragment of a mark shares it
  std::string cls;    // CSS class
  std::string kind;   // entity | figure | date
  std::string type;   // entity type, figure kind, TIMEX3 type
  std::string label;  // aria-label
  std::string card;   // the hover/focus card, one fact a line
  bool first = true;  // the first fragment carries id, tabindex, label and card
};

// Opens marks in start order; a mark that would cross the end of an open one
// is cut there and continued after it, so the markup nests and no span is lost.
struct Later {
  bool operator()(const Mark* x, const Mark* y) const {
    if (x->span.start != y->span.start) return x->span.start > y->span.start;
    return x->span.end < y->span.end;  // the longer one opens first
  }
};

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : std::string(sep)) + x;
  return s;
}

std::string figure_card(const Figure& f, std::string_view text) {
  std::string c = "Figure: " + quantity_text(f);
  c += fmt::format("\nqualifier: {}", to_string(f.qualifier));
  if (!f.kind.empty()) c += "\nkind: " + f.kind;
  if (!f.unit.empty()) c += "\nunit: " + f.unit;
  c += "\ncounts: " + (f.counted.empty() ? std::string("(not said)") : f.counted);
  if (!f.event.empty())
    c += fmt::format("\nevent: {}{}", f.event, f.event_class == EventClass::none ? "" : fmt::format(" ({})", to_string(f.event_class)));
  if (f.direction != Direction::none) c += fmt::format("\nchange: {}", to_string(f.direction));
  return c;
}

std::string date_card(const TimeExpression& t) {
  std::string c = fmt::format("Date ({}): {}", to_string(t.type), t.value.empty() ? "unresolved" : t.value);
  if (t.begin && t.end && *t.begin != *t.end) c += fmt::format("\nfrom {} to {}", *t.begin, *t.end);
  else if (t.begin) c += "\non " + *t.begin;
  if (!t.mod.empty()) c += "\nmod: " + t.mod;
  if (t.relative) c += "\nresolved against the publication date";
  return c;
}

std::string entity_card(const Entity& e) {
  std::string c = fmt::format("{}: {}", to_string(e.type), e.name);
  if (!e.subtype.empty()) c += "\nkind: " + e.subtype;
  if (!e.roles.empty()) c += "\nrole: " + join(e.roles, ", ");
  if (e.related) c += "\nof: " + *e.related;
  c += fmt::format("\n{} mention{} in this article", e.mentions.size(), e.mentions.size() == 1 ? "" : "s");
  return c;
}

class HtmlReporter : public Reporter {
 public:
  explicit HtmlReporter(ReportOptions opt) : opt_(std::move(opt)) {}

  void begin(std::ostream& out, std::string_view title) override {
    std::string o;
    html_page_begin(o, title.empty() ? "newsan: articles with their facts marked" : title, kPageCss);
    o += "<header class=\"top\"><h1>newsan: the facts newsan found, marked in the text</h1>\n"
         "<ul class=\"legend\" aria-label=\"Legend\">"
         "<li><mark class=\"per swatch\">person</mark></li>"
         "<li><mark class=\"org swatch\">organization</mark></li>"
         "<li><mark class=\"loc swatch\">place or facility</mark></li>"
         "<li><mark class=\"misc swatch\">other name</mark></li>"
         "<li><mark class=\"fig swatch\">figure</mark></li>"
         "<li><mark class=\"date swatch\">date</mark></li>"
         "<li>Hover over a mark, or reach it with Tab, to see what was understood.</li></ul></header>\n<main>\n";
    out << o;
  }

  void finish(std::ostream& out) override {
    std::string o = "</main>\n";
    html_page_end(o);
    out << o;
  }

  void write(std::ostream& out, const Analysis& a, std::size_t index) override {
    std::string o;
    const std::string doc = fmt::format("a{}", index);
    std::vector<Mark> marks = collect(a, doc);
    o += fmt::format("<article class=\"doc\" id=\"{}\" aria-labelledby=\"{}-title\">\n<div>\n<h2 id=\"{}-title\">", doc, doc, doc);
    const Document& d = a.document;
    append_html_escaped(o, d.title ? *d.title : (d.id == "-" ? "(untitled, from stdin)" : "(untitled) " + d.id));
    o += "</h2>\n<p class=\"meta\">";
    std::vector<std::string> meta;
    if (d.id != "-") meta.push_back(html_escaped(d.id));
    if (d.source) meta.push_back("source: " + html_escaped(*d.source));
    if (d.site_name) meta.push_back(html_escaped(*d.site_name));
    if (!d.authors.empty()) meta.push_back("by " + html_escaped(join(d.authors, ", ")));
    if (d.date)
      meta.push_back(fmt::format("published <time datetime=\"{0}\">{0}</time> ({1})", html_escaped(*d.date),
                                 to_string(d.date_origin)));
    meta.push_back(fmt::format("{} words", a.tokens.word_count));
    o += join(meta, " · ") + "</p>\n<div class=\"text\">";
    render_text(o, a.document.text, marks);
    o += "</div>\n</div>\n";
    panel(o, a, doc);
    o += "</article>\n";
    out << o;
  }

 private:
  std::vector<Mark> collect(const Analysis& a, const std::string& doc) const {
    std::string_view text = a.document.text;
    std::vector<Mark> marks;
    for (std::size_t i = 0; i < a.entities.size(); ++i) {
      const Entity& e = a.entities[i];
      std::string card = entity_card(e);
      std::string summary = fmt::format("{} {}", to_string(e.type), e.name);
      if (!e.roles.empty()) summary += ", " + join(e.roles, ", ");
      for (std::size_t m = 0; m < e.mentions.size(); ++m) {
        const Span& s = e.mentions[m].span;
        marks.push_back({s, fmt::format("{}-e{}-{}", doc, i, m), entity_class(e.type), "entity", to_string(e.type),
                         fmt::format("{}: {}", one_line(s.in(text)), summary), card});
      }
    }
    const auto& F = a.figures.figures;
    for (std::size_t i = 0; i < F.size(); ++i) {
      const Figure& f = F[i];
      std::string summary = "figure " + quantity_text(f);
      if (!f.counted.empty()) summary += " " + f.counted;
      if (!f.event.empty()) summary += ", " + f.event;
      marks.push_back({f.span, fmt::format("{}-f{}", doc, i), "fig", "figure", f.kind.empty() ? "number" : f.kind,
                       fmt::format("{}: {}", one_line(f.span.in(text)), summary), figure_card(f, text)});
    }
    const auto& D = a.dates.dates;
    for (std::size_t i = 0; i < D.size(); ++i) {
      const TimeExpression& t = D[i];
      marks.push_back({t.span, fmt::format("{}-d{}", doc, i), "date", "date", to_string(t.type),
                       fmt::format("{}: {} {}", one_line(t.span.in(text)), to_string(t.type),
                                   t.value.empty() ? "unresolved" : t.value),
                       date_card(t)});
    }
    std::erase_if(marks, [&](const Mark& m) { return m.span.empty() || m.span.end > text.size(); });
    return marks;
  }

  static void open_mark(std::string& o, const Mark& m) {
    o += fmt::format("<mark class=\"{}\" data-kind=\"{}\" data-type=\"{}\" data-ref=\"{}\"", m.cls, m.kind,
                     html_escaped(m.type), m.ref);
    if (m.first) {
      o += fmt::format(" id=\"{}\" tabindex=\"0\" aria-label=\"", m.ref);
      append_html_escaped(o, m.label);
      o += "\" data-card=\"";
      append_html_escaped(o, m.card);
      o += '"';
    } else {
      o += " aria-hidden=\"true\"";
    }
    o += '>';
  }

  static void render_text(std::string& o, std::string_view text, std::vector<Mark>& marks) {
    std::deque<Mark> pieces;  // continuations of cut marks (stable addresses)
    std::priority_queue<const Mark*, std::vector<const Mark*>, Later> pending;
    for (const Mark& m : marks) pending.push(&m);
    std::vector<const Mark*> open;
    std::size_t pos = 0;
    while (!pending.empty() || !open.empty()) {
      std::size_t next = pending.empty() ? text.size() + 1 : pending.top()->span.start;
      if (!open.empty() && open.back()->span.end <= next) {
        std::size_t end = open.back()->span.end;
        append_html_escaped(o, text.substr(pos, end - pos));
        pos = end;
        o += "</mark>";
        open.pop_back();
        continue;
      }
      const Mark* m = pending.top();
      pending.pop();
      std::size_t start = std::max(m->span.start, pos);  // a mark inside a closed one starts where text resumes
      if (start >= m->span.end) continue;
      append_html_escaped(o, text.substr(pos, start - pos));
      pos = start;
      if (!open.empty() && m->span.end > open.back()->span.end) {
        Mark rest = *m;
        rest.span.start = open.back()->span.end;
        rest.first = false;
        Mark head = *m;
        head.span.end = open.back()->span.end;
        pieces.push_back(std::move(rest));
        pending.push(&pieces.back());
        pieces.push_back(std::move(head));
        m = &pieces.back();
      }
      open_mark(o, *m);
      open.push_back(m);
    }
    append_html_escaped(o, text.substr(std::min(pos, text.size())));
  }

  void entity_list(std::string& o, const Analysis& a, const std::string& doc, std::string_view title,
                   std::initializer_list<EntityType> types) const {
    std::string items;
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.entities.size(); ++i) {
      const Entity& e = a.entities[i];
      if (std::find(types.begin(), types.end(), e.type) == types.end() || e.mentions.empty()) continue;
      ++n;
      items += fmt::format("<li><a href=\"#{}-e{}-0\">{}</a>", doc, i, html_escaped(e.name));
      std::vector<std::string> extra = e.roles;
      if (e.type == EntityType::facility) extra.push_back("facility");
      if (!e.subtype.empty()) extra.push_back(e.subtype);
      if (e.related) extra.push_back("of " + *e.related);
      if (!extra.empty()) items += " <span class=\"meta\">" + html_escaped(join(extra, ", ")) + "</span>";
      items += fmt::format(" \xC3\x97{}</li>\n", e.mentions.size());
    }
    if (n == 0) return;
    o += fmt::format("<h3>{} ({})</h3>\n<ul class=\"facts\">\n{}</ul>\n", title, n, items);
  }

  void panel(std::string& o, const Analysis& a, const std::string& doc) const {
    o += "<aside class=\"panel\" aria-label=\"What newsan found\">\n";
    entity_list(o, a, doc, "People", {EntityType::person});
    entity_list(o, a, doc, "Organizations", {EntityType::organization});
    entity_list(o, a, doc, "Places", {EntityType::location, EntityType::facility});
    entity_list(o, a, doc, "Other names", {EntityType::group, EntityType::event, EntityType::work, EntityType::other});

    const auto& R = a.figures;
    if (!R.figures.empty()) {
      std::vector<std::size_t> shown;  // each quantity once: a group's representative
      if (R.groups.empty())
        for (std::size_t i = 0; i < R.figures.size(); ++i) shown.push_back(i);
      else
        for (const FigureGroup& g : R.groups) shown.push_back(g.representative);
      o += fmt::format("<h3>Figures ({})</h3>\n<ul class=\"facts\">\n", shown.size());
      for (std::size_t i : shown) {
        const Figure& f = R.figures[i];
        o += fmt::format("<li><a href=\"#{}-f{}\"><b>{}</b></a>", doc, i, html_escaped(quantity_text(f)));
        if (!f.counted.empty()) o += " " + html_escaped(f.counted);
        if (!f.event.empty()) {
          o += " \xE2\x80\x94 ";
          o += html_escaped(f.event);
          if (f.event_class != EventClass::none) o += fmt::format(" <span class=\"meta\">{}</span>", to_string(f.event_class));
        }
        if (!R.groups.empty() && R.groups[f.group].members.size() > 1)
          o += fmt::format(" \xC3\x97{}", R.groups[f.group].members.size());
        o += "</li>\n";
      }
      o += "</ul>\n";
      for (const FigureNote& n : R.notes)
        o += fmt::format("<p class=\"meta{}\">note ({}): {}</p>\n", n.kind == "contradicts" ? " warn" : "",
                         html_escaped(n.kind), html_escaped(n.text));
    }

    std::vector<std::size_t> dated;
    for (std::size_t i = 0; i < a.dates.dates.size(); ++i)
      if (a.dates.dates[i].begin) dated.push_back(i);
    std::stable_sort(dated.begin(), dated.end(),
                     [&](std::size_t x, std::size_t y) { return *a.dates.dates[x].begin < *a.dates.dates[y].begin; });
    if (!dated.empty()) {
      o += fmt::format("<h3>Timeline ({})</h3>\n<ol class=\"timeline\">\n", dated.size());
      for (std::size_t i : dated) {
        const TimeExpression& t = a.dates.dates[i];
        std::string when = *t.begin;
        if (t.end && *t.end != *t.begin) when += " \xE2\x80\x93 " + *t.end;
        o += fmt::format("<li><time datetime=\"{}\">{}</time> <a href=\"#{}-d{}\">{}</a><br><span class=\"meta\">{}</span></li>\n",
                         html_escaped(*t.begin), html_escaped(when), doc, i, html_escaped(one_line(t.span.in(a.document.text))),
                         html_escaped(clip(snippet(a, t.span), 140)));
      }
      o += "</ol>\n";
    }
    o += "</aside>\n";
  }

  ReportOptions opt_;
};

}  // namespace

std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& opt) { return std::make_unique<HtmlReporter>(opt); }

}  // namespace newsan
