// First version of the figure extractor (foundation): numerals with a
// qualifier before them, a scale word, a unit or the counted noun after them.
// The figures issue replaces these rules.
#include "newsan/figures.h"

#include <array>
#include <charconv>
#include <cmath>

#include "util/utf8.h"

namespace newsan {

const char* to_string(Qualifier q) {
  switch (q) {
    case Qualifier::exact: return "exact";
    case Qualifier::approximately: return "approximately";
    case Qualifier::more_than: return "more_than";
    case Qualifier::at_least: return "at_least";
    case Qualifier::less_than: return "less_than";
    case Qualifier::at_most: return "at_most";
    case Qualifier::range: return "range";
  }
  return "exact";
}
const char* to_string(Direction d) {
  return d == Direction::up ? "up" : d == Direction::down ? "down" : "";
}
const char* to_string(EventClass c) {
  switch (c) {
    case EventClass::none: return "";
    case EventClass::release: return "RELEASE";
    case EventClass::arrest: return "ARREST";
    case EventClass::detain: return "DETAIN";
    case EventClass::kill: return "KILL";
    case EventClass::wound: return "WOUND";
    case EventClass::affect: return "AFFECT";
    case EventClass::protest: return "PROTEST";
    case EventClass::seize: return "SEIZE";
    case EventClass::kidnap: return "KIDNAP";
    case EventClass::other: return "OTHER";
  }
  return "";
}

struct FigureExtractor::Impl {};
FigureExtractor::FigureExtractor(const DataDir&) : impl_(std::make_unique<Impl>()) {}
FigureExtractor::~FigureExtractor() = default;
FigureExtractor::FigureExtractor(FigureExtractor&&) noexcept = default;
FigureExtractor& FigureExtractor::operator=(FigureExtractor&&) noexcept = default;

namespace {
struct QualWord { const char* words; Qualifier q; };
constexpr std::array<QualWord, 14> kQual = {{{"more than", Qualifier::more_than}, {"over", Qualifier::more_than},
                                             {"at least", Qualifier::at_least}, {"about", Qualifier::approximately},
                                             {"around", Qualifier::approximately}, {"approximately", Qualifier::approximately},
                                             {"nearly", Qualifier::approximately}, {"almost", Qualifier::approximately},
                                             {"some", Qualifier::approximately}, {"roughly", Qualifier::approximately},
                                             {"up to", Qualifier::at_most}, {"less than", Qualifier::less_than},
                                             {"fewer than", Qualifier::less_than}, {"under", Qualifier::less_than}}};
constexpr std::array<const char*, 24> kStop = {"of", "in", "on", "at", "who", "which", "that", "were", "was", "are",
                                               "is", "have", "has", "had", "remain", "remained", "and", "or",
                                               "to", "from", "by", "with", "for", "since"};
bool stop(std::string_view w) {
  for (auto s : kStop) if (w == s) return true;
  return false;
}
}  // namespace

FigureResult FigureExtractor::extract(const Document& doc, const Tokenized& tk,
                                      const std::vector<TimeExpression>& dates) const {
  FigureResult r;
  std::string_view text = doc.text;
  const auto& T = tk.tokens;
  auto low = [&](std::size_t i) { return utf8::fold(T[i].text(text)); };
  std::size_t d = 0;
  for (std::size_t i = 0; i < T.size(); ++i) {
    if (T[i].kind != TokenKind::number) continue;
    while (d < dates.size() && dates[d].span.end <= T[i].span.start) ++d;
    if (d < dates.size() && dates[d].span.overlaps(T[i].span)) continue;
    std::string digits;
    std::string_view w = T[i].text(text);
    std::size_t k = 0;
    for (; k < w.size() && ((w[k] >= '0' && w[k] <= '9') || w[k] == ',' || w[k] == '.'); ++k)
      if (w[k] != ',') digits += w[k];
    Figure f;
    f.span = T[i].span;
    double v = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc() && std::isfinite(v)) f.value = v;
    std::size_t j = i + 1;
    if (j < T.size()) {
      std::string nx = low(j);
      double scale = nx == "million" ? 1e6 : nx == "billion" ? 1e9 : nx == "thousand" ? 1e3 : 0;
      if (scale != 0 && f.value) { *f.value *= scale; f.span.end = T[j].span.end; ++j; }
      else if (nx == "%" || nx == "percent") { f.unit = "percent"; f.span.end = T[j].span.end; ++j; }
    }
    if (i > 0 && T[i - 1].text(text) == "$") { f.unit = "USD"; f.span.start = T[i - 1].span.start; }
    for (const auto& q : kQual) {
      std::string_view qw = q.words;
      std::size_t sp = qw.find(' ');
      std::size_t start = f.span.start == T[i].span.start ? i : i - 1;
      if (sp == std::string_view::npos) {
        if (start >= 1 && low(start - 1) == qw) { f.qualifier = q.q; f.span.start = T[start - 1].span.start; break; }
      } else if (start >= 2 && low(start - 2) == qw.substr(0, sp) && low(start - 1) == qw.substr(sp + 1)) {
        f.qualifier = q.q;
        f.span.start = T[start - 2].span.start;
        break;
      }
    }
    if (f.unit.empty()) {
      std::size_t b = j, e = j;
      while (e < T.size() && e < j + 3 && T[e].kind == TokenKind::word && !T[e].capitalized && !stop(low(e))) ++e;
      if (e > b) {
        f.counted_span = Span{T[b].span.start, T[e - 1].span.end};
        f.counted = std::string(f.counted_span->in(text));
      }
    }
    f.sentence = sentence_at(tk, f.span.start);
    f.group = r.groups.size();
    r.groups.push_back({{r.figures.size()}, r.figures.size()});
    r.figures.push_back(std::move(f));
    i = j - 1;
  }
  return r;
}

}  // namespace newsan
