// Shared pieces of the reports a person reads: quantities in words and the
// frame of a self-contained HTML page (used by html.cpp and the corpus summary).
#include "report/layout.h"

#include <fmt/format.h>

#include "newsan/report.h"

namespace newsan {

std::string quantity_text(const Figure& f) {
  static const char* kQual[] = {"", "about ", "more than ", "at least ", "less than ", "at most ", ""};
  std::string v = kQual[static_cast<int>(f.qualifier)];
  if (f.low && f.high) v += fmt::format("{}\xE2\x80\x93{}", grouped(*f.low), grouped(*f.high));
  else if (f.value) v += grouped(*f.value);
  else if (f.qualifier == Qualifier::approximately) v = "an unstated number";  // "thousands of"
  else if (f.kind == "score") v = "a score";
  else v += "(out of range)";
  bool plural = !(f.value && *f.value == 1) && f.unit.find(' ') == std::string::npos &&
                (f.kind == "duration" || f.kind == "measure");
  if (f.kind == "money") v += " " + f.unit;
  else if (f.unit == "percent") v += "%";
  else if (!f.unit.empty() && f.kind != "count") v += " " + f.unit + (plural ? "s" : "");
  return v;
}

void append_html_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': break;
      default: out += c;
    }
  }
}

std::string html_escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  append_html_escaped(out, s);
  return out;
}

namespace {
// Okabe–Ito colours (distinguishable with the common colour-vision
// deficiencies) as light fills, each type also told apart by its underline
// style, so the marks survive grey-scale printing.
constexpr const char* kCss = R"css(
:root{--per:#fbe3b3;--per-b:#b36b00;--org:#cde9f8;--org-b:#0072b2;--loc:#c4eadb;--loc-b:#007a58;
--misc:#f3d6e8;--misc-b:#a6447f;--fig:#faf3a0;--fig-b:#c04a00;--date:#dde3f4;--date-b:#2b4a9e;
--ink:#1b1b1b;--muted:#555;--line:#ccc}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 "DejaVu Serif",Georgia,serif;color:var(--ink);background:#fff}
header.top{padding:.6rem 1.2rem;border-bottom:1px solid var(--line);font-family:"DejaVu Sans",sans-serif;font-size:.85rem}
header.top h1{font-size:1.1rem;margin:0 0 .3rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;margin:0;padding:0;list-style:none}
.legend li{white-space:nowrap}
main{padding:0 1.2rem}
h2,h3{font-family:"DejaVu Sans",sans-serif}
h3{font-size:.95rem;margin:1rem 0 .3rem}
.meta{color:var(--muted);font:.85rem "DejaVu Sans",sans-serif}
ul.facts,ol.timeline{margin:0;padding-left:1.1rem;font:.85rem/1.4 "DejaVu Sans",sans-serif}
ul.facts li,ol.timeline li{margin:.15rem 0}
a{color:#0b4f8a}
mark{color:inherit;border-radius:2px;padding:0 1px;position:relative;
 -webkit-print-color-adjust:exact;print-color-adjust:exact}
mark:focus{outline:3px solid #000;outline-offset:1px}
.per{background:var(--per);border-bottom:2px solid var(--per-b)}
.org{background:var(--org);border-bottom:2px solid var(--org-b)}
.loc{background:var(--loc);border-bottom:2px dotted var(--loc-b)}
.misc{background:var(--misc);border-bottom:2px dashed var(--misc-b)}
.fig{background:var(--fig);border-bottom:3px double var(--fig-b);font-weight:600}
.date{background:var(--date);border-bottom:2px dashed var(--date-b);font-style:italic}
.swatch{display:inline-block;padding:0 .35rem}
.warn{color:#8a2500}
@media print{header.top{border:0}a{color:inherit;text-decoration:none}}
)css";
}  // namespace

void html_page_begin(std::string& out, std::string_view title, std::string_view extra_css) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; base-uri 'none'; form-action 'none'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"newsan {}\">\n<title>", newsan_version());
  append_html_escaped(out, title.empty() ? std::string_view("newsan") : title);
  out += "</title>\n<style>";
  out += kCss;
  out += extra_css;
  out += "</style>\n</head>\n<body>\n";
}

void html_page_end(std::string& out) {
  out += fmt::format("<footer class=\"meta\" style=\"padding:1rem 1.2rem\">Made by newsan {} from the text alone, "
                     "offline. Every mark is a span of the article as read.</footer>\n</body>\n</html>\n",
                     newsan_version());
}

}  // namespace newsan
