// report/table.cpp — one row per item for spreadsheets, pandas, DuckDB and
// sqlite3: --format tsv|csv --table figures|entities|mentions|dates.
//
// Every row starts with the document id, so the rows of many articles share
// one table; the header line is written once per run (Reporter::begin).
// CSV follows RFC 4180 (fields with a comma, quote or line break are quoted,
// quotes doubled, CRLF line ends); TSV fields carry no tab or line break
// (each becomes a space), as the IANA text/tab-separated-values type asks.
// A missing value is an empty field. Columns mirror the JSON fields of the
// same names (docs/json-output.md).
#include <fmt/format.h>

#include "newsan/report.h"

namespace newsan {
namespace {

class TableReporter : public Reporter {
 public:
  TableReporter(bool csv, Table table) : csv_(csv), table_(table) {}

  void begin(std::ostream& os, std::string_view) override { os << header(); }

  std::string header() const {
    std::string out;
    switch (table_) {
      case Table::figures:
        row(out, {"document", "figure", "start", "end", "text", "value", "low", "high", "qualifier", "direction",
                  "unit", "kind", "counted", "event", "event_class", "sentence", "group"});
        break;
      case Table::entities:
        row(out, {"document", "entity", "name", "type", "subtype", "roles", "related", "salience", "mentions",
                  "first_start", "first_end"});
        break;
      case Table::mentions:
        row(out, {"document", "entity", "name", "type", "start", "end", "text", "sentence"});
        break;
      case Table::dates:
        row(out, {"document", "date", "start", "end", "text", "type", "value", "mod", "begin", "end_date",
                  "relative", "sentence"});
        break;
    }
    return out;
  }

  void write(std::ostream& os, const Analysis& a, std::size_t) override {
    std::string out;
    std::string_view text = a.document.text;
    const std::string& doc = a.document.id;
    switch (table_) {
      case Table::figures:
        for (std::size_t i = 0; i < a.figures.figures.size(); ++i) {
          const Figure& f = a.figures.figures[i];
          row(out, {doc, num(i), num(f.span.start), num(f.span.end), f.span.in(text), num(f.value), num(f.low),
                    num(f.high), to_string(f.qualifier), to_string(f.direction), f.unit, f.kind, f.counted, f.event,
                    to_string(f.event_class), num(f.sentence), num(f.group)});
        }
        break;
      case Table::entities:
        for (std::size_t i = 0; i < a.entities.size(); ++i) {
          const Entity& e = a.entities[i];
          std::string roles;
          for (const std::string& r : e.roles) roles += (roles.empty() ? "" : "; ") + r;
          std::string first_start, first_end;
          if (!e.mentions.empty()) {
            first_start = num(e.mentions.front().span.start);
            first_end = num(e.mentions.front().span.end);
          }
          row(out, {doc, num(i), e.name, to_string(e.type), e.subtype, roles, e.related.value_or(""),
                    fmt::format("{:.4f}", e.salience), num(e.mentions.size()), first_start, first_end});
        }
        break;
      case Table::mentions:
        for (std::size_t i = 0; i < a.entities.size(); ++i) {
          const Entity& e = a.entities[i];
          for (const Mention& m : e.mentions)
            row(out, {doc, num(i), e.name, to_string(e.type), num(m.span.start), num(m.span.end), m.span.in(text),
                      num(m.sentence)});
        }
        break;
      case Table::dates:
        for (std::size_t i = 0; i < a.dates.dates.size(); ++i) {
          const TimeExpression& t = a.dates.dates[i];
          row(out, {doc, num(i), num(t.span.start), num(t.span.end), t.span.in(text), to_string(t.type), t.value,
                    t.mod, t.begin.value_or(""), t.begin ? t.end.value_or(*t.begin) : std::string(),
                    t.relative ? "true" : "false", num(t.sentence)});
        }
        break;
    }
    os << out;
  }

 private:
  static std::string num(std::size_t n) { return std::to_string(n); }
  static std::string num(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : std::string(); }

  void row(std::string& out, std::initializer_list<std::string_view> fields) const {
    bool first = true;
    for (std::string_view f : fields) {
      if (!first) out += csv_ ? ',' : '\t';
      first = false;
      csv_ ? csv_field(out, f) : tsv_field(out, f);
    }
    out += csv_ ? "\r\n" : "\n";
  }
  static void csv_field(std::string& out, std::string_view f) {
    if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
      out += f;
      return;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  static void tsv_field(std::string& out, std::string_view f) {
    for (char c : f) out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
  }

  bool csv_;
  Table table_;
};

}  // namespace

std::optional<Table> parse_table(std::string_view name) {
  if (name == "figures") return Table::figures;
  if (name == "entities") return Table::entities;
  if (name == "mentions") return Table::mentions;
  if (name == "dates") return Table::dates;
  return std::nullopt;
}

std::unique_ptr<Reporter> make_table_reporter(bool csv, Table table) {
  return std::make_unique<TableReporter>(csv, table);
}

}  // namespace newsan
