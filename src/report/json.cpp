// The JSON form of an Analysis: the one place where it is written.
// Field by field documentation: docs/json-output.md.
#include "newsan/report.h"
#include "newsan/tokenizer.h"
#include "report/json_writer.h"

namespace newsan {

namespace {

void span_fields(JsonWriter& w, std::string_view text, const Span& s) {
  w.field("start", s.start).field("end", s.end).field("text", s.in(text));
}

void span_object(JsonWriter& w, std::string_view k, const std::optional<Span>& s) {
  w.key(k);
  if (!s) {
    w.value(nullptr);
    return;
  }
  w.begin_object().field("start", s->start).field("end", s->end).end_object();
}

void document_fields(JsonWriter& w, const Document& d, bool emit_text) {
  w.field("id", d.id)
      .field("format", d.format)
      .field("title", d.title)
      .field("source", d.source)
      .field("url", d.url)
      .field("authors", d.authors)
      .field("site_name", d.site_name)
      .field("language", d.language);
  w.field("date", d.date).field("date_origin", to_string(d.date_origin));
  w.field("bytes", d.text.size()).field("text_offset", d.text_offset).field("replaced_sequences", d.replaced_sequences);
  span_object(w, "body", d.body);
  span_object(w, "title_span", d.title_span);
  if (!d.furniture.empty()) w.field("furniture", d.furniture);  // HTML: what the reader left out
  if (emit_text) w.field("text", d.text);
}

void entity_json(JsonWriter& w, std::string_view text, const Entity& e, std::size_t id) {
  w.begin_object()
      .field("id", id)
      .field("name", e.name)
      .field("type", to_string(e.type))
      .key("subtype").string_or_null(e.subtype)
      .field("roles", e.roles)
      .key("role").string_or_null(e.roles.empty() ? std::string() : e.roles.front())
      .field("related", e.related)
      .field("salience", e.salience)
      .field("count", e.mentions.size());
  w.key("mentions").begin_array();
  for (const Mention& m : e.mentions) {
    w.begin_object();
    span_fields(w, text, m.span);
    w.field("sentence", m.sentence).key("role").string_or_null(m.role).end_object();
  }
  w.end_array().end_object();
}

const char* event_class_or_null(EventClass c) { return c == EventClass::none ? nullptr : to_string(c); }

void nullable(JsonWriter& w, std::string_view k, const char* s) {
  w.key(k);
  if (s) w.value(s);
  else w.value(nullptr);
}

void figure_json(JsonWriter& w, std::string_view text, const Figure& f, std::size_t id) {
  w.begin_object();
  span_fields(w, text, f.span);
  w.field("id", id).field("value", f.value).field("low", f.low).field("high", f.high)
      .field("qualifier", to_string(f.qualifier));
  nullable(w, "direction", f.direction == Direction::none ? nullptr : to_string(f.direction));
  w.key("unit").string_or_null(f.unit);
  w.key("unit_evidence").string_or_null(f.unit_evidence);
  w.key("counted").string_or_null(f.counted);
  span_object(w, "counted_span", f.counted_span);
  w.key("event").string_or_null(f.event);
  nullable(w, "event_class", event_class_or_null(f.event_class));
  span_object(w, "event_span", f.event_span);
  w.key("agent").string_or_null(f.agent);
  w.key("agent_entity");
  if (f.agent_entity) w.value(static_cast<std::uint64_t>(*f.agent_entity));
  else w.value(nullptr);
  span_object(w, "agent_span", f.agent_span);
  nullable(w, "modality", f.modality == Modality::none ? nullptr : to_string(f.modality));
  w.key("kind").string_or_null(f.kind);
  w.field("sentence", f.sentence).field("group", f.group).end_object();
}

// A group once, with what its representative says and every mention.
void figure_group_json(JsonWriter& w, std::string_view text, const FigureResult& r, std::size_t id) {
  const FigureGroup& g = r.groups[id];
  const Figure& rep = r.figures[g.representative];
  w.begin_object()
      .field("id", id)
      .field("members", g.members)
      .field("representative", g.representative)
      .field("value", rep.value)
      .field("low", rep.low)
      .field("high", rep.high)
      .field("qualifier", to_string(rep.qualifier));
  w.key("unit").string_or_null(rep.unit);
  w.key("counted").string_or_null(rep.counted);
  w.key("event").string_or_null(rep.event);
  nullable(w, "event_class", event_class_or_null(rep.event_class));
  w.key("mentions").begin_array();
  for (std::size_t m : g.members) {
    w.begin_object();
    span_fields(w, text, r.figures[m].span);
    w.field("figure", m).field("sentence", r.figures[m].sentence).end_object();
  }
  w.end_array().end_object();
}

void date_json(JsonWriter& w, std::string_view text, const TimeExpression& t) {
  w.begin_object();
  span_fields(w, text, t.span);
  w.field("type", to_string(t.type));
  w.key("value").string_or_null(t.value);
  w.key("mod").string_or_null(t.mod);
  w.key("interval");
  if (t.begin) w.begin_object().field("begin", *t.begin).field("end", t.end ? *t.end : *t.begin).end_object();
  else w.value(nullptr);
  w.field("relative", t.relative).field("sentence", t.sentence).end_object();
}

}  // namespace

void write_json(std::string& out, const Analysis& a, const ReportOptions& opt, int indent) {
  std::string_view text = a.document.text;
  JsonWriter w(out, indent);
  w.begin_object().field("schema_version", kSchemaVersion);
  w.key("versions").begin_object()
      .field("newsan", newsan_version())
      .field("tokenizer", kTokenizerVersion)
      .field("model", opt.model_version)
      .end_object();
  w.key("document").begin_object();
  document_fields(w, a.document, opt.emit_text);
  w.end_object();
  w.key("counts").begin_object()
      .field("bytes", text.size())
      .field("words", a.tokens.word_count)
      .field("sentences", a.tokens.sentences.size())
      .field("paragraphs", a.tokens.paragraphs.size())
      .field("entities", a.entities.size())
      .field("figures", a.figures.figures.size())
      .field("dates", a.dates.dates.size())
      .end_object();
  w.key("sentences").begin_array();
  for (const Sentence& s : a.tokens.sentences)
    w.begin_object().field("start", s.span.start).field("end", s.span.end).field("paragraph", s.paragraph).end_object();
  w.end_array();
  w.key("entities").begin_array();
  for (std::size_t i = 0; i < a.entities.size(); ++i) entity_json(w, text, a.entities[i], i);
  w.end_array();
  w.key("figures").begin_array();
  for (std::size_t i = 0; i < a.figures.figures.size(); ++i) figure_json(w, text, a.figures.figures[i], i);
  w.end_array();
  w.key("figure_groups").begin_array();
  for (std::size_t i = 0; i < a.figures.groups.size(); ++i) figure_group_json(w, text, a.figures, i);
  w.end_array();
  w.key("figure_notes").begin_array();
  for (const FigureNote& n : a.figures.notes)
    w.begin_object().field("kind", n.kind).field("groups", n.groups).field("text", n.text).end_object();
  w.end_array();
  w.key("dates").begin_array();
  for (const TimeExpression& t : a.dates.dates) date_json(w, text, t);
  w.end_array();
  w.end_object();
}

nlohmann::json to_json(const Analysis& a, const ReportOptions& opt) {
  std::string s;
  write_json(s, a, opt, -1);
  return nlohmann::json::parse(s);
}

void write_document_json(std::string& out, const Document& d, int indent) {
  JsonWriter w(out, indent);
  w.begin_object().field("schema_version", kSchemaVersion).key("document").begin_object();
  document_fields(w, d, true);
  w.end_object().end_object();
}

nlohmann::json error_json(const std::string& id, std::string_view kind, std::string_view message) {
  return nlohmann::json{{"schema_version", kSchemaVersion}, {"id", id},
                        {"error", {{"kind", std::string(kind)}, {"message", std::string(message)}}}};
}

}  // namespace newsan
