#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "report/json_writer.h"

TEST_CASE("JsonWriter escapes strings per RFC 8259", "[report][json]") {
  std::string out;
  newsan::JsonWriter w(out, -1);
  w.begin_object().field("s", std::string_view("quote\" backslash\\ nl\n tab\t ctl\x01 caf\xC3\xA9 \xE2\x80\x99")).end_object();
  auto j = nlohmann::json::parse(out);
  CHECK(j["s"] == "quote\" backslash\\ nl\n tab\t ctl\x01 caf\xC3\xA9 \xE2\x80\x99");
  CHECK(out.find("\\u0001") != std::string::npos);
  CHECK(out.find("caf\xC3\xA9") != std::string::npos);  // UTF-8 kept as is, not \u-escaped
}

TEST_CASE("JsonWriter replaces invalid UTF-8 and writes non-finite numbers as null", "[report][json]") {
  std::string out;
  newsan::JsonWriter w(out, -1);
  w.begin_array()
      .value(std::string_view("a\xFF" "b\xEF\xBF\xBD"))
      .value(std::numeric_limits<double>::infinity())
      .value(std::nan(""))
      .value(0.1)
      .value(1e300)
      .end_array();
  auto j = nlohmann::json::parse(out);
  CHECK(j[0] == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  CHECK(j[1].is_null());
  CHECK(j[2].is_null());
  CHECK(j[3].get<double>() == 0.1);
  CHECK(j[4].get<double>() == 1e300);
}

TEST_CASE("JsonWriter compact and pretty output parse to the same value", "[report][json]") {
  auto write = [](int indent) {
    std::string out;
    newsan::JsonWriter w(out, indent);
    w.begin_object()
        .field("n", 3)
        .field("empty", std::vector<int>{})
        .field("list", std::vector<std::string>{"a", "b"})
        .field("none", std::optional<std::string>{})
        .key("obj").begin_object().field("x", true).end_object()
        .key("arr").begin_array().begin_object().end_object().begin_array().end_array().end_array()
        .end_object();
    return out;
  };
  std::string compact = write(-1), pretty = write(2);
  CHECK(compact.find('\n') == std::string::npos);
  CHECK(pretty.find("\n  \"n\": 3") != std::string::npos);
  CHECK(nlohmann::json::parse(compact) == nlohmann::json::parse(pretty));
  CHECK(nlohmann::json::parse(compact)["list"][1] == "b");
  CHECK(nlohmann::json::parse(compact)["empty"].empty());
}
