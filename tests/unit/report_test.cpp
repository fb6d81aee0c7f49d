#include <catch2/catch.hpp>

#include <sstream>

#include "newsan/analysis.h"
#include "newsan/reader.h"
#include "newsan/report.h"

static const newsan::Analyzer& analyzer() {
  static newsan::Analyzer a(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return a;
}

TEST_CASE("JSON carries the documented fields with exact spans", "[report][json]") {
  std::string text = "Strike Ends At Port\nAbout 3,400 workers returned on Tuesday, officials in Chile said.\nSource: example.org\n";
  auto a = analyzer().analyze(newsan::make_text_document(text, "t.txt", {}));
  auto j = newsan::to_json(a, {});
  CHECK(j["schema_version"] == newsan::kSchemaVersion);
  CHECK(j["document"]["title"] == "Strike Ends At Port");
  CHECK(j["document"]["source"] == "example.org");
  CHECK(j["counts"]["sentences"].get<int>() >= 2);
  REQUIRE(j["figures"].size() >= 1);
  for (const auto& f : j["figures"]) {
    auto s = f["start"].get<std::size_t>(), e = f["end"].get<std::size_t>();
    CHECK(text.substr(s, e - s) == f["text"].get<std::string>());
  }
  CHECK(j["figures"][0]["value"].get<double>() == 3400);
  CHECK(j["figures"][0]["qualifier"] == "approximately");
  for (const char* k : {"entities", "figures", "figure_groups", "figure_notes", "dates", "sentences"})
    CHECK(j[k].is_array());
}

TEST_CASE("emit_text includes the document text", "[report][json]") {
  auto a = analyzer().analyze(newsan::make_text_document("Hello there.", "h", {}));
  newsan::ReportOptions o;
  CHECK_FALSE(newsan::to_json(a, o)["document"].contains("text"));
  o.emit_text = true;
  CHECK(newsan::to_json(a, o)["document"]["text"] == "Hello there.");
}

TEST_CASE("text and markdown reports show the sections", "[report][text]") {
  std::string text = "Strike Ends At Port\nAbout 3,400 workers returned on Tuesday.\n";
  auto a = analyzer().analyze(newsan::make_text_document(text, "t.txt", {}));
  std::ostringstream t, m;
  newsan::make_reporter(newsan::Format::text, {})->write(t, a, 0);
  newsan::make_reporter(newsan::Format::markdown, {})->write(m, a, 0);
  CHECK(t.str().find("Strike Ends At Port") == 0);
  CHECK(t.str().find("Figures (1)") != std::string::npos);
  CHECK(t.str().find("\x1b[") == std::string::npos);
  CHECK(m.str().find("# Strike Ends At Port") == 0);
  CHECK(m.str().find("## Figures") != std::string::npos);
}

TEST_CASE("jsonl writes one line per document", "[report][json]") {
  auto a = analyzer().analyze(newsan::make_text_document("One.\nTwo.\n", "x", {}));
  std::ostringstream out;
  auto r = newsan::make_reporter(newsan::Format::jsonl, {});
  r->write(out, a, 0);
  r->write(out, a, 1);
  std::string s = out.str();
  CHECK(std::count(s.begin(), s.end(), '\n') == 2);
}

TEST_CASE("parse_format", "[report]") {
  CHECK(newsan::parse_format("json") == newsan::Format::json);
  CHECK(newsan::parse_format("md") == newsan::Format::markdown);
  CHECK_FALSE(newsan::parse_format("xml"));
}

// The text report of one article given as text.
static std::string text_report(const std::string& text) {
  auto a = analyzer().analyze(newsan::make_text_document(text, "t.txt", {}));
  std::ostringstream t;
  newsan::make_reporter(newsan::Format::text, {})->write(t, a, 0);
  return t.str();
}

TEST_CASE("the text report writes figures as facts", "[report][text][figures]") {
  // Who did what to how many of what, the other mentions of the quantity after it.
  std::string text =
      "Guatemala has freed 41 jailed journalists, officials said. The release of over 40 "
      "journalists was welcomed.\n";
  std::string report = text_report(text);
  CHECK(report.find("Guatemala freed 41 jailed journalists [RELEASE]") != std::string::npos);
  CHECK(report.find("(also \xE2\x80\x9Cover 40\xE2\x80\x9D)") != std::string::npos);
}

TEST_CASE("a fact whose counted phrase holds the event word does not repeat it", "[report][text][figures]") {
  std::string text = "Three wounded soldiers are being treated at the base hospital, the army said.\n";
  std::string report = text_report(text);
  INFO(report);
  CHECK(report.find("wounded soldiers wounded") == std::string::npos);
  CHECK(report.find("wounded soldiers [WOUND]") != std::string::npos);
}

TEST_CASE("a change is written in the order of the sentence: what, verb, figure", "[report][text][figures]") {
  std::string text = "Freight through the canal fell 18% last year, the authority said.\n";
  std::string report = text_report(text);
  INFO(report);
  CHECK(report.find("Freight fell 18%") != std::string::npos);
}

TEST_CASE("a vague amount and a score are written as stated, not as out of range", "[report][text][figures]") {
  std::string text = "Hundreds of fans waited outside. The Hawks won 101-99 at home.\n";
  std::string report = text_report(text);
  INFO(report);
  CHECK(report.find("out of range") == std::string::npos);
  CHECK(report.find("Hundreds") != std::string::npos);
  CHECK(report.find("101-99") != std::string::npos);
}
