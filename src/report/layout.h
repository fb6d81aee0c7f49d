// report/layout.h — small text helpers shared by the reporters a person reads
// (text/Markdown summary, HTML page, corpus summary). Defined in summary.cpp.
#pragma once

#include <string>
#include <string_view>

#include "newsan/analysis.h"

namespace newsan {

// Cuts `s` to at most `max` bytes on a code point boundary, adding "…".
std::string clip(std::string_view s, std::size_t max);
// Collapses runs of whitespace (newlines included) to one space.
std::string one_line(std::string_view s);
// A short evidence window around `span` inside its sentence, on one line.
std::string snippet(const Analysis& a, const Span& span);
// A number as a reader writes it: "1,800", "2.5", "1.13 billion".
std::string grouped(double v);

}  // namespace newsan

namespace newsan {

// A figure's quantity as a reader says it, without what it counts:
// "more than 130", "10–20", "3 billion USD", "4.5%", "12 kilometres".
std::string quantity_text(const Figure& f);

// `s` escaped for HTML text and attribute values (& < > " ' and newlines in
// attributes as &#10;), so article text can never open a tag or end a script.
void append_html_escaped(std::string& out, std::string_view s);
std::string html_escaped(std::string_view s);

// The start of a self-contained HTML page: doctype, a strict Content Security
// Policy (no network, no scripts; inline styles and data: images only), the
// shared stylesheet plus `extra_css`, and the opening <body>. html_page_end closes it.
void html_page_begin(std::string& out, std::string_view title, std::string_view extra_css);
void html_page_end(std::string& out);

}  // namespace newsan
