// The report a person reads: text for a terminal (optionally coloured) and the
// same layout as Markdown. Sections: header, lede, people, organizations,
// places, other entities, figures, dates.
#include <algorithm>
#include <fmt/format.h>

#include "newsan/report.h"
#include "report/layout.h"
#include "util/lexicon.h"
#include "util/utf8.h"

namespace newsan {

// Cuts `s` to at most `max` bytes on a code point boundary, adding "…".
std::string clip(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A short evidence window around `span` inside its sentence.
std::string snippet(const Analysis& a, const Span& span) {
  std::string_view text = a.document.text;
  if (a.tokens.sentences.empty()) return one_line(span.in(text));
  const Sentence& s = a.tokens.sentences[sentence_at(a.tokens, span.start)];
  std::size_t b = s.span.start, e = std::max(s.span.end, span.end);
  constexpr std::size_t kWindow = 60;
  std::string pre, post;
  if (span.start > b + kWindow) {
    b = span.start - kWindow;
    while (b < span.start && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
    pre = "\xE2\x80\xA6";
  }
  if (e > span.end + kWindow) {
    e = span.end + kWindow;
    while (e > span.end && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
    post = "\xE2\x80\xA6";
  }
  return pre + one_line(text.substr(b, e - b)) + post;
}

// A number with thousands separators: "1,800", "2.5".
std::string grouped(double v) {
  // Millions and up as a reader writes them: "1.13 billion", "600 million".
  static const std::pair<double, const char*> kScales[] = {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}};
  for (const auto& [scale, name] : kScales)
    if (std::abs(v) >= scale && std::abs(v) < 1e18) return fmt::format("{:g} {}", v / scale, name);
  if (std::abs(v - std::round(v)) >= 1e-9 || std::abs(v) >= 1e15) return fmt::format("{:g}", v);
  std::string d = std::to_string(std::llabs(std::llround(v))), out;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
    out += d[i];
  }
  if (v < 0) out.insert(out.begin(), '-');
  return out;
}

namespace {

class Summary : public Reporter {
 public:
  Summary(bool md, ReportOptions opt) : md_(md), opt_(std::move(opt)) {}

  void write(std::ostream& out, const Analysis& a, std::size_t index) override {
    std::string o;
    if (index > 0) o += md_ ? "\n---\n\n" : "\n" + std::string(72, '=') + "\n\n";
    header(o, a);
    entities(o, a, "People", {EntityType::person});
    entities(o, a, "Organizations", {EntityType::organization});
    entities(o, a, "Places", {EntityType::location, EntityType::facility});
    entities(o, a, "Other names", {EntityType::group, EntityType::event, EntityType::work, EntityType::other});
    figures(o, a);
    dates(o, a);
    out << o;
  }

 private:
  std::string style(std::string_view s, const char* code) const {
    if (!opt_.color || md_) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
  }
  std::string bold(std::string_view s) const { return md_ ? fmt::format("**{}**", s) : style(s, "1"); }
  std::string dim(std::string_view s) const { return md_ ? fmt::format("_{}_", s) : style(s, "2"); }
  void heading(std::string& o, std::string_view h, std::size_t n) const {
    if (md_) o += fmt::format("\n## {} ({})\n\n", h, n);
    else o += fmt::format("\n{}\n", style(fmt::format("{} ({})", h, n), "1;4"));
  }
  void item(std::string& o, const std::string& main, const std::string& evidence) const {
    if (md_) o += fmt::format("- {}  \n  {}\n", main, evidence.empty() ? "" : "> " + evidence);
    else o += fmt::format("  • {}\n{}", main, evidence.empty() ? "" : "      " + dim(evidence) + "\n");
  }

  void header(std::string& o, const Analysis& a) const {
    const Document& d = a.document;
    std::string title = d.title ? *d.title : (d.id == "-" ? "(untitled, from stdin)" : "(untitled) " + d.id);
    if (md_) o += fmt::format("# {}\n\n", title);
    else o += style(title, "1") + "\n";
    auto field = [&](std::string_view k, const std::string& v) {
      if (md_) o += fmt::format("- **{}:** {}\n", k, v);
      else o += fmt::format("{:<8} {}\n", std::string(k) + ":", v);
    };
    if (d.source) field("Source", *d.source);
    if (d.url) field("URL", *d.url);
    if (!d.authors.empty()) {
      std::string s;
      for (const auto& x : d.authors) s += (s.empty() ? "" : ", ") + x;
      field("By", s);
    }
    if (d.date) field("Date", fmt::format("{} ({})", *d.date, to_string(d.date_origin)));
    field("Size", fmt::format("{} words, {} sentences, {} paragraphs", a.tokens.word_count,
                              a.tokens.sentences.size(), a.tokens.paragraphs.size()));
    // Lede: the first two sentences of the body.
    std::string lede;
    std::size_t taken = 0;
    for (const Sentence& s : a.tokens.sentences) {
      if (s.span.start < d.body.start || s.span.end > d.body.end) continue;
      if (!lede.empty()) lede += ' ';
      lede += one_line(s.span.in(d.text));
      if (++taken == 2) break;
    }
    if (!lede.empty()) {
      if (md_) o += fmt::format("\n> {}\n", clip(lede, 600));
      else o += "\n" + clip(lede, 600) + "\n";
    }
  }

  void entities(std::string& o, const Analysis& a, std::string_view title,
                std::initializer_list<EntityType> types) const {
    std::vector<const Entity*> list;
    for (const Entity& e : a.entities)
      if (std::find(types.begin(), types.end(), e.type) != types.end()) list.push_back(&e);
    if (list.empty()) return;
    heading(o, title, list.size());
    for (const Entity* e : list) {
      std::string main = bold(e->name);
      std::string extra;
      if (!e->roles.empty()) {
        std::string r;
        for (const auto& x : e->roles) r += (r.empty() ? "" : ", ") + x;
        extra += r;
      }
      if (e->type == EntityType::facility) extra += extra.empty() ? "facility" : ", facility";
      if (!e->subtype.empty()) extra += (extra.empty() ? "" : ", ") + e->subtype;
      if (e->related) extra += (extra.empty() ? "" : ", ") + ("of " + *e->related);
      if (!extra.empty()) main += " (" + extra + ")";
      main += fmt::format(" ×{}", e->mentions.size());
      item(o, main, snippet(a, e->mentions.front().span));
    }
  }

  // Figures are first-class: each quantity once (its most precise mention), with
  // qualifier, unit, what it counts, what happened, the evidence, the other
  // mentions of the same quantity, then the consistency notes.
  void figures(std::string& o, const Analysis& a) const {
    const auto& F = a.figures;
    if (F.figures.empty()) return;
    std::string_view text = a.document.text;
    heading(o, "Figures", F.groups.empty() ? F.figures.size() : F.groups.size());
    auto value_text = [&](const Figure& f) {
      static const char* kQual[] = {"", "about ", "more than ", "at least ", "less than ", "at most ", ""};
      std::string q = kQual[static_cast<int>(f.qualifier)];
      if (f.low && f.high) return q + fmt::format("{}–{}", grouped(*f.low), grouped(*f.high));
      if (f.value) return q + grouped(*f.value);
      // A vague amount ("thousands of") and a score ("98-95") state no single number.
      if (f.qualifier == Qualifier::approximately || f.kind == "score") return one_line(clip(f.span.in(text), 40));
      return one_line(clip(f.span.in(text), 40)) + " (out of range)";
    };
    // A figure as a fact: who did what to how many of what ("Venezuela released
    // 131 political prisoners"), from the event and agent the parse gave; the
    // agent may come from another mention of the same quantity.
    auto describe = [&](const Figure& f, const std::string& agent) {
      std::string v = value_text(f);
      bool plural = !(f.value && *f.value == 1) && f.unit.find(' ') == std::string::npos &&
                    (f.kind == "duration" || f.kind == "measure");
      if (f.kind == "money") v += " " + f.unit;
      else if (f.unit == "percent") v += "%";
      else if (!f.unit.empty() && f.kind != "count") v += " " + f.unit + (plural ? "s" : "");
      std::string s = bold(v);
      if (!f.counted.empty()) s += " " + f.counted;
      if (!f.event.empty()) {
        // The word as written when it is a past form ("freed"), else the event's label.
        std::string verb = f.event;
        if (f.event_span) {
          std::string_view w = f.event_span->in(text);
          if (w.size() > 3 && w.substr(w.size() - 2) == "ed") verb = lex::ascii_lower(w);
        }
        if (f.modality == Modality::negated) verb = "not " + verb;
        // "two injured workers": the counted phrase already says what happened.
        bool said = f.event_span && f.counted_span && f.counted_span->start <= f.event_span->start &&
                    f.event_span->end <= f.counted_span->end;
        // "Shipping fell 18%": what is counted and its verb stand before the figure.
        bool before = f.counted_span && f.event_span && f.counted_span->end <= f.event_span->start &&
                      f.event_span->end <= f.span.start;
        if (!agent.empty()) s = agent + " " + verb + " " + s;
        else if (before) s = f.counted + " " + verb + " " + bold(v);
        else if (!said) s += " " + verb;
        if (f.modality == Modality::expected) s += " (expected)";
        s += fmt::format(" [{}]", to_string(f.event_class));
      }
      if (f.direction != Direction::none) s += fmt::format(" [{}]", to_string(f.direction));
      return s;
    };
    if (F.groups.empty()) {
      for (const Figure& f : F.figures) item(o, describe(f, f.agent), snippet(a, f.span));
    } else {
      for (const FigureGroup& g : F.groups) {
        const Figure& rep = F.figures[g.representative];
        std::string agent = rep.agent;
        for (std::size_t m : g.members)
          if (agent.empty() && F.figures[m].event == rep.event) agent = F.figures[m].agent;
        std::string main = describe(rep, agent);
        std::string also;
        std::vector<std::string> seen{std::string(rep.span.in(text))};
        for (std::size_t m : g.members) {
          std::string said(F.figures[m].span.in(text));
          if (std::find(seen.begin(), seen.end(), said) != seen.end()) continue;
          seen.push_back(said);
          also += (also.empty() ? "" : ", ") + ("\xE2\x80\x9C" + one_line(clip(said, 60)) + "\xE2\x80\x9D");
        }
        if (!also.empty()) main += " (also " + also + ")";
        item(o, main, snippet(a, rep.span));
      }
    }
    for (const FigureNote& n : F.notes) {
      if (md_) o += fmt::format("- _note ({})_: {}\n", n.kind, n.text);
      else o += fmt::format("  {} {}\n", style("note (" + n.kind + "):", "33"), n.text);
    }
  }

  void dates(std::string& o, const Analysis& a) const {
    if (a.dates.dates.empty()) return;
    std::vector<const TimeExpression*> list;
    for (const auto& t : a.dates.dates) list.push_back(&t);
    // Chronological where resolved (by interval start), unresolved ones last, then by position.
    std::stable_sort(list.begin(), list.end(), [](const TimeExpression* x, const TimeExpression* y) {
      const std::string kz = "\xff";
      const std::string& kx = x->begin ? *x->begin : kz;
      const std::string& ky = y->begin ? *y->begin : kz;
      return kx < ky;
    });
    heading(o, "Dates", list.size());
    for (const auto* t : list) {
      std::string main = bold(one_line(t->span.in(a.document.text)));
      std::string v = t->value.empty() ? "unresolved" : t->value;
      if (t->begin && t->end && *t->begin != *t->end) v += fmt::format(", {} to {}", *t->begin, *t->end);
      else if (t->begin) v += fmt::format(", {}", *t->begin);
      main += fmt::format(" → {} ({})", v, to_string(t->type));
      item(o, main, snippet(a, t->span));
    }
  }

  bool md_;
  ReportOptions opt_;
};

}  // namespace

std::unique_ptr<Reporter> make_summary_reporter(bool markdown, const ReportOptions& opt) {
  return std::make_unique<Summary>(markdown, opt);
}

}  // namespace newsan
