// Grouping figures that are the same quantity, and the consistency notes
// between groups.
//
// Why intervals: "over 130" and "131" are the same figure told two ways. Each
// figure is read as the interval of values its words allow (exact: the value;
// about: ±10 %; more than: up to +25 %; a range: low..high); two figures of the
// same thing (same kind, same unit or counted noun, no conflicting event) are
// grouped when their intervals meet. Notes only compare what the text states.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "figures/internal.h"

namespace newsan::figures {
namespace {

struct Interval {
  double lo = 0, hi = 0;
  bool ok = false;
};

Interval interval_of(const Figure& f) {
  Interval r;
  if (f.low && f.high) return {*f.low, *f.high, true};
  if (!f.value) return r;
  double v = *f.value, a = std::fabs(v);
  r.ok = true;
  switch (f.qualifier) {
    case Qualifier::approximately: r = {v - 0.1 * a, v + 0.1 * a, true}; break;
    case Qualifier::more_than:
    case Qualifier::at_least: r = {v, v + 0.25 * a, true}; break;
    case Qualifier::less_than:
    case Qualifier::at_most: r = {v - 0.25 * a, v, true}; break;
    default: r = {v, v, true};
  }
  return r;
}

// The values a figure allows, with "more than"/"less than" unbounded on one side.
Interval open_interval_of(const Figure& f) {
  Interval r = interval_of(f);
  if (!r.ok || f.low) return r;
  if (f.qualifier == Qualifier::more_than || f.qualifier == Qualifier::at_least) r.hi = HUGE_VAL;
  if (f.qualifier == Qualifier::less_than || f.qualifier == Qualifier::at_most) r.lo = -HUGE_VAL;
  return r;
}

bool meets(const Interval& a, const Interval& b) {
  auto mag = [](double v) { return std::isfinite(v) ? std::fabs(v) : 0.0; };
  double eps = 1e-9 * std::max({1.0, mag(a.hi), mag(b.hi), mag(a.lo), mag(b.lo)});
  return a.ok && b.ok && a.lo <= b.hi + eps && b.lo <= a.hi + eps;
}

std::string singular(std::string s) {
  if (s.size() > 3 && s.compare(s.size() - 3, 3, "ies") == 0) return s.substr(0, s.size() - 3) + "y";
  if (s.size() > 2 && s.back() == 's' && s[s.size() - 2] != 's') s.pop_back();
  return s;
}


// Count nouns compared lowercase and singular ("prisoners" = "Prisoner"), without allocating.
bool same_noun(std::string_view a, std::string_view b) {
  auto stem = [](std::string_view s) {
    if (s.size() > 3 && s.substr(s.size() - 3) == "ies") return s.substr(0, s.size() - 3);
    if (s.size() > 2 && s.back() == 's' && s[s.size() - 2] != 's') return s.substr(0, s.size() - 1);
    return s;
  };
  std::string_view x = stem(a), y = stem(b);
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i)
    if ((x[i] | 0x20) != (y[i] | 0x20)) return false;
  return true;
}

bool same_thing(const Figure& a, const Figure& b) {
  return a.kind == b.kind && (a.kind == "count" ? same_noun(a.unit, b.unit) : a.unit == b.unit);
}

// The head noun of what a figure counts, lowercase ("political prisoners" -> "prisoners").
std::string_view counted_head(const Figure& f) {
  std::string_view c = f.counted;
  std::size_t sp = c.find_last_of(' ');
  return sp == std::string_view::npos ? c : c.substr(sp + 1);
}

bool same_quantity(const Figure& a, const Figure& b) {
  if (a.kind == "number" || !same_thing(a, b)) return false;
  // Beyond counts (whose unit is the noun), two figures are the same quantity only
  // with evidence: the same counted noun or the same event. "5%" and "5%" in two
  // sentences of an article are often two different things.
  if (a.kind != "count") {
    bool same_counted = !a.counted.empty() && !b.counted.empty() && same_noun(counted_head(a), counted_head(b));
    bool same_event = !a.event.empty() && a.event == b.event;
    if (!same_counted && !same_event) return false;
  }
  if (a.event_class != EventClass::none && b.event_class != EventClass::none && a.event != b.event)
    return false;
  if (a.direction != b.direction) return false;
  Interval x = interval_of(a), y = interval_of(b);
  if (a.qualifier == Qualifier::exact && b.qualifier == Qualifier::exact && a.value && b.value)
    return std::fabs(*a.value - *b.value) <= 1e-9 * std::max(1.0, std::fabs(*a.value));
  return meets(x, y);
}

std::string number_text(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::string digits = std::to_string(static_cast<long long>(std::fabs(v)));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
      out.push_back(digits[i]);
    }
    return v < 0 ? "-" + out : out;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

const char* qualifier_words(Qualifier q) {
  switch (q) {
    case Qualifier::approximately: return "about ";
    case Qualifier::more_than: return "more than ";
    case Qualifier::at_least: return "at least ";
    case Qualifier::less_than: return "less than ";
    case Qualifier::at_most: return "at most ";
    default: return "";
  }
}

std::string quote(std::string_view text, const Figure& f) {
  std::string s = "\xE2\x80\x9C" + std::string(f.span.in(text));
  if (f.counted_span && f.counted_span->start >= f.span.end && f.counted_span->start - f.span.end <= 12)
    s += std::string(text.substr(f.span.end, f.counted_span->end - f.span.end));
  return s + "\xE2\x80\x9D";
}

std::string stated(const Figure& f) {
  if (f.low && f.high) return number_text(*f.low) + "–" + number_text(*f.high);
  return f.value ? qualifier_words(f.qualifier) + number_text(*f.value) : "?";
}

bool person_event(EventClass c) {
  return c != EventClass::none && c != EventClass::other && c != EventClass::protest &&
         c != EventClass::seize;
}

}  // namespace

void group_figures(std::string_view text, FigureResult& r) {
  auto& F = r.figures;
  std::vector<std::size_t> parent(F.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  // Quadratic in the figures of one document; long documents are capped so a
  // hostile input stays linear (figures past the cap keep groups of their own).
  constexpr std::size_t kMaxPairs = 400;
  std::size_t n = std::min(F.size(), kMaxPairs);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (find(i) != find(j) && same_quantity(F[i], F[j])) parent[find(j)] = find(i);

  r.groups.clear();
  std::vector<std::size_t> group_of_root(F.size(), SIZE_MAX);
  for (std::size_t i = 0; i < F.size(); ++i) {
    std::size_t root = find(i);
    if (group_of_root[root] == SIZE_MAX) {
      group_of_root[root] = r.groups.size();
      r.groups.push_back(FigureGroup{{}, i});
    }
    FigureGroup& g = r.groups[group_of_root[root]];
    g.members.push_back(i);
    F[i].group = group_of_root[root];
    // The most precise member: an exact value over a qualified one, then the earliest.
    const Figure& best = F[g.representative];
    auto rank = [](const Figure& f) {
      return (f.qualifier == Qualifier::exact ? 0 : 2) + (f.event.empty() ? 1 : 0);
    };
    if (rank(F[i]) < rank(best)) g.representative = i;
  }

  // Notes: agreements inside groups.
  r.notes.clear();
  for (std::size_t gi = 0; gi < r.groups.size(); ++gi) {
    const FigureGroup& g = r.groups[gi];
    if (g.members.size() < 2) continue;
    const Figure& rep = F[g.representative];
    std::vector<std::string> others;
    for (std::size_t m : g.members) {
      const Figure& f = F[m];
      if (m == g.representative || stated(f) == stated(rep)) continue;
      std::string s = quote(text, f) + " (" + stated(f) + ")";
      if (std::find(others.begin(), others.end(), s) == others.end()) others.push_back(s);
    }
    if (others.empty()) continue;
    std::string t = quote(text, rep) + " (" + stated(rep) + ") agrees with ";
    for (std::size_t k = 0; k < others.size(); ++k) t += (k ? " and " : "") + others[k];
    t += ": the same " + (rep.counted.empty() ? rep.unit : rep.counted);
    if (!rep.event.empty()) t += ", " + rep.event;
    t += ", and the stated values overlap.";
    r.notes.push_back(FigureNote{"agrees", {gi}, t});
  }
  // Contradictions: the same thing with the same event, values that cannot both hold.
  constexpr std::size_t kMaxGroups = 60;
  std::size_t G = std::min(r.groups.size(), kMaxGroups);
  for (std::size_t a = 0; a < G; ++a) {
    for (std::size_t b = a + 1; b < G; ++b) {
      const Figure& x = F[r.groups[a].representative];
      const Figure& y = F[r.groups[b].representative];
      if (x.event.empty() || x.event != y.event || !same_thing(x, y) || x.kind != "count") continue;
      // Bounds are open here: "more than 677,000" and "more than four million" can both hold.
      if (x.direction != y.direction || meets(open_interval_of(x), open_interval_of(y))) continue;
      r.notes.push_back(FigureNote{
          "contradicts", {a, b},
          quote(text, x) + " (" + stated(x) + ") and " + quote(text, y) + " (" + stated(y) +
              ") count the same " + singular(ascii_lower(x.unit)) + " (" + x.event +
              ") with values that cannot both hold."});
    }
  }
  // Sums: A ≈ B + C, where A, B and C count people under three different events.
  std::vector<std::size_t> people;  // groups that may take part
  for (std::size_t g = 0; g < G; ++g) {
    const Figure& x = F[r.groups[g].representative];
    if (x.kind == "count" && person_event(x.event_class) && x.value) people.push_back(g);
  }
  for (std::size_t a : people) {
    const Figure& x = F[r.groups[a].representative];
    Interval ix = interval_of(x);
    for (std::size_t bi = 0; bi < people.size(); ++bi) {
      for (std::size_t ci = bi + 1; ci < people.size(); ++ci) {
        std::size_t b = people[bi], c = people[ci];
        if (b == a || c == a) continue;
        const Figure& y = F[r.groups[b].representative];
        const Figure& z = F[r.groups[c].representative];
        if (y.event == x.event || z.event == x.event || y.event == z.event) continue;
        if (*y.value >= *x.value || *z.value >= *x.value) continue;
        Interval iy = interval_of(y), iz = interval_of(z);
        Interval sum{iy.lo + iz.lo, iy.hi + iz.hi, true};
        if (!meets(ix, sum)) continue;
        r.notes.push_back(FigureNote{
            "sum", {a, b, c},
            quote(text, x) + " (" + x.event + ", " + stated(x) + ") matches " + quote(text, y) +
                " (" + y.event + ") + " + quote(text, z) + " (" + z.event + "): " +
                number_text(*y.value) + " + " + number_text(*z.value) + " = " +
                number_text(*y.value + *z.value) + ", within the stated " + stated(x) + "."});
      }
    }
  }
}

}  // namespace newsan::figures
