// A percentage's counted noun is the subject of its verb, never the object of a
// preposition standing right before the verb ("Shipping through the harbour fell
// 18%" was counted as "harbour"). Sentences written for this project.
#include <catch2/catch.hpp>

#include <string>

#include "newsan/analysis.h"
#include "newsan/figures.h"
#include "newsan/reader.h"

namespace {
const newsan::Analyzer& analyzer() {
  static newsan::Analyzer a(newsan::DataDir(NEWSAN_TEST_DATA_DIR));
  return a;
}
std::string counted_of(const std::string& text, const std::string& what) {
  auto a = analyzer().analyze(newsan::make_text_document(text, "t.txt", {}));
  for (const auto& f : a.figures.figures)
    if (f.span.in(a.document.text) == what) return f.counted;
  FAIL("no figure " << what);
  return {};
}
}  // namespace

TEST_CASE("a percentage counts the subject, not a prepositional object before the verb", "[figures][regression]") {
  CHECK(counted_of("Traffic through Rotterdam fell 12% last year.\n", "12%") == "Traffic");
  CHECK(counted_of("Sales of tractors rose 7% in March.\n", "7%") == "Sales");
  CHECK(counted_of("Freight through the tunnel dropped 9% after the fire.\n", "9%") == "Freight");
  // The plain subject right before the verb is kept.
  CHECK(counted_of("Emissions fell 3% last year.\n", "3%") == "Emissions");
}
