// The JSON form of an Analysis: the one place where it is built.
// Field by field documentation: docs/json-output.md.
#include <cmath>

#include "newsan/report.h"
#include "newsan/tokenizer.h"

namespace newsan {

using nlohmann::json;

namespace {

json span_json(std::string_view text, const Span& s) {
  return json{{"start", s.start}, {"end", s.end}, {"text", std::string(s.in(text))}};
}

json opt_str(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json opt_num(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? json(*v) : json(nullptr);
}
json str_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

json document_to_json(const Document& d, bool emit_text) {
  json j = {{"id", d.id},
            {"format", d.format},
            {"title", opt_str(d.title)},
            {"source", opt_str(d.source)},
            {"url", opt_str(d.url)},
            {"authors", d.authors},
            {"site_name", opt_str(d.site_name)},
            {"language", opt_str(d.language)},
            {"date", opt_str(d.date)},
            {"date_origin", to_string(d.date_origin)},
            {"bytes", d.text.size()},
            {"text_offset", d.text_offset},
            {"replaced_sequences", d.replaced_sequences},
            {"body", {{"start", d.body.start}, {"end", d.body.end}}}};
  j["title_span"] = d.title_span ? json{{"start", d.title_span->start}, {"end", d.title_span->end}} : json(nullptr);
  if (emit_text) j["text"] = d.text;
  return j;
}

namespace {

json document_json(const Analysis& a, const ReportOptions& opt) {
  json j = document_to_json(a.document, opt.emit_text);
  if (a.dates.reference) {
    j["date"] = *a.dates.reference;
    j["date_origin"] = to_string(a.dates.reference_origin);
  }
  return j;
}

json entity_json(std::string_view text, const Entity& e, std::size_t id) {
  json mentions = json::array();
  for (const Mention& m : e.mentions) {
    json mj = span_json(text, m.span);
    mj["sentence"] = m.sentence;
    mentions.push_back(std::move(mj));
  }
  return json{{"id", id},
              {"name", e.name},
              {"type", to_string(e.type)},
              {"subtype", str_or_null(e.subtype)},
              {"roles", e.roles},
              {"related", opt_str(e.related)},
              {"salience", e.salience},
              {"count", e.mentions.size()},
              {"mentions", std::move(mentions)}};
}

json figure_json(std::string_view text, const Figure& f, std::size_t id) {
  json j = span_json(text, f.span);
  j["id"] = id;
  j["value"] = opt_num(f.value);
  j["low"] = opt_num(f.low);
  j["high"] = opt_num(f.high);
  j["qualifier"] = to_string(f.qualifier);
  j["direction"] = f.direction == Direction::none ? json(nullptr) : json(to_string(f.direction));
  j["unit"] = str_or_null(f.unit);
  j["counted"] = str_or_null(f.counted);
  j["counted_span"] = f.counted_span ? json{{"start", f.counted_span->start}, {"end", f.counted_span->end}} : json(nullptr);
  j["event"] = str_or_null(f.event);
  j["event_class"] = f.event_class == EventClass::none ? json(nullptr) : json(to_string(f.event_class));
  j["event_span"] = f.event_span ? json{{"start", f.event_span->start}, {"end", f.event_span->end}} : json(nullptr);
  j["kind"] = str_or_null(f.kind);
  j["sentence"] = f.sentence;
  j["group"] = f.group;
  return j;
}

// A group once, with what its representative says and every mention.
json figure_group_json(std::string_view text, const FigureResult& r, std::size_t id) {
  const FigureGroup& g = r.groups[id];
  const Figure& rep = r.figures[g.representative];
  json mentions = json::array();
  for (std::size_t m : g.members) {
    json mj = span_json(text, r.figures[m].span);
    mj["figure"] = m;
    mj["sentence"] = r.figures[m].sentence;
    mentions.push_back(std::move(mj));
  }
  return json{{"id", id},
              {"members", g.members},
              {"representative", g.representative},
              {"value", opt_num(rep.value)},
              {"low", opt_num(rep.low)},
              {"high", opt_num(rep.high)},
              {"qualifier", to_string(rep.qualifier)},
              {"unit", str_or_null(rep.unit)},
              {"counted", str_or_null(rep.counted)},
              {"event", str_or_null(rep.event)},
              {"event_class", rep.event_class == EventClass::none ? json(nullptr) : json(to_string(rep.event_class))},
              {"mentions", std::move(mentions)}};
}

json date_json(std::string_view text, const TimeExpression& t) {
  json j = span_json(text, t.span);
  j["type"] = to_string(t.type);
  j["value"] = str_or_null(t.value);
  j["mod"] = str_or_null(t.mod);
  j["interval"] = t.begin ? json{{"begin", *t.begin}, {"end", t.end ? json(*t.end) : json(*t.begin)}} : json(nullptr);
  j["relative"] = t.relative;
  j["sentence"] = t.sentence;
  return j;
}

}  // namespace

json to_json(const Analysis& a, const ReportOptions& opt) {
  std::string_view text = a.document.text;
  json j;
  j["schema_version"] = kSchemaVersion;
  j["versions"] = {{"newsan", newsan_version()}, {"tokenizer", kTokenizerVersion}, {"model", opt.model_version}};
  j["document"] = document_json(a, opt);
  j["counts"] = {{"bytes", text.size()},
                 {"words", a.tokens.word_count},
                 {"sentences", a.tokens.sentences.size()},
                 {"paragraphs", a.tokens.paragraphs.size()},
                 {"entities", a.entities.size()},
                 {"figures", a.figures.figures.size()},
                 {"dates", a.dates.dates.size()}};
  json sentences = json::array();
  for (const Sentence& s : a.tokens.sentences)
    sentences.push_back({{"start", s.span.start}, {"end", s.span.end}, {"paragraph", s.paragraph}});
  j["sentences"] = std::move(sentences);
  json ents = json::array();
  for (std::size_t i = 0; i < a.entities.size(); ++i) ents.push_back(entity_json(text, a.entities[i], i));
  j["entities"] = std::move(ents);
  json figs = json::array();
  for (std::size_t i = 0; i < a.figures.figures.size(); ++i) figs.push_back(figure_json(text, a.figures.figures[i], i));
  j["figures"] = std::move(figs);
  json groups = json::array();
  for (std::size_t i = 0; i < a.figures.groups.size(); ++i)
    groups.push_back(figure_group_json(text, a.figures, i));
  j["figure_groups"] = std::move(groups);
  json notes = json::array();
  for (const FigureNote& n : a.figures.notes)
    notes.push_back({{"kind", n.kind}, {"groups", n.groups}, {"text", n.text}});
  j["figure_notes"] = std::move(notes);
  json dates = json::array();
  for (const TimeExpression& t : a.dates.dates) dates.push_back(date_json(text, t));
  j["dates"] = std::move(dates);
  return j;
}

json error_json(const std::string& id, std::string_view kind, std::string_view message) {
  return json{{"schema_version", kSchemaVersion}, {"id", id},
              {"error", {{"kind", std::string(kind)}, {"message", std::string(message)}}}};
}

}  // namespace newsan
