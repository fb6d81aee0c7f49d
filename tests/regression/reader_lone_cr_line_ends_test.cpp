// Bug: a text with lone CR line ends (old Mac files) was one line to the
// reader, so its title and "Source:" line were lost, while CRLF and LF
// texts kept them. Found by the hostile-input suite (issue 7).
#include <catch2/catch.hpp>

#include "newsan/reader.h"

TEST_CASE("reader_lone_cr_line_ends: CR, CRLF and LF give the same title, source and body", "[regression][reader]") {
  const std::string lf = "Port Strike Ends After Nine Days\nDockworkers went back on Tuesday.\nSource: www.example.org\n";
  std::string crlf, cr;
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  for (const std::string& text : {lf, crlf, cr}) {
    auto d = newsan::make_text_document(text, "a.txt", {});
    REQUIRE(d.title);
    CHECK(*d.title == "Port Strike Ends After Nine Days");
    REQUIRE(d.source);
    CHECK(*d.source == "www.example.org");
    CHECK(d.source_span->in(d.text) == "www.example.org");
    CHECK(d.body.in(d.text) == "Dockworkers went back on Tuesday.");
  }
  // A CR right before the LF of CRLF is one line end, not an empty line between two.
  auto d = newsan::make_text_document("Headline Of The Story\r\n\r\nBody.\r\n", "b.txt", {});
  REQUIRE(d.title);
  CHECK(d.body.in(d.text) == "Body.");
}
