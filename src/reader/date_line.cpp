// Whole dates in date lines, URLs and datelines (see date_line.h).
//
// A line is cut into items (runs of ASCII letters, runs of digits with an
// ordinal suffix, single punctuation marks) and read with four shapes:
// month day[,] year, day month[,] year, YYYY-MM-DD and M/D/YYYY (day first
// when the first number cannot be a month).
#include "reader/date_line.h"

#include <cctype>

#include "util/utf8.h"

namespace newsan::reader {

namespace {

constexpr int kMinYear = 1900, kMaxYear = 2100;

// std::isalpha in the "C" locale, inline: items() asks it of every byte of a dateline.
constexpr bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

int number(std::string_view s) {
  int v = 0;
  std::size_t i = 0;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
    if (i >= 4) return -1;
    v = v * 10 + (s[i] - '0');
  }
  if (i == 0) return -1;
  std::string_view suffix = s.substr(i);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return -1;
  return v;
}

bool plain_digits(std::string_view s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::optional<cal::Ymd> whole(int y, int m, int d) {
  if (y < kMinYear || y > kMaxYear || !cal::valid(y, m, d)) return std::nullopt;
  return cal::Ymd{y, m, d};
}

}  // namespace

DateLineReader::DateLineReader(const DataDir& data) : DateLineReader(Resources(data)) {}

DateLineReader::DateLineReader(const Resources& res) {
  std::vector<std::pair<std::string, int>> months;
  for (const LexiconRow& row : res.lexicon("lexicon/dates-en.tsv", "dates", 2)) {
    if (row.fields[1] != "month" || row.fields.size() < 3) continue;
    int m = 0;
    for (char c : row.fields[2]) m = std::isdigit(static_cast<unsigned char>(c)) ? m * 10 + (c - '0') : 99;
    std::string key = utf8::fold(row.fields[0]);
    if (!key.empty() && key.back() == '.') key.pop_back();  // "jan." reads as "jan" + "."
    if (m >= 1 && m <= 12) months.emplace_back(std::move(key), m);
  }
  months_.build(months);
  for (const LexiconRow& row : res.lexicon("lexicon/html-hints.tsv", "html-hints", 3))
    if (row.fields[0] == "datelabel") labels_.push_back(utf8::fold(row.fields[2]));
}

std::vector<DateLineReader::Item> DateLineReader::items(std::string_view line) const {
  std::vector<Item> out;
  std::size_t i = 0;
  while (i < line.size() && out.size() < 64) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    std::size_t b = i;
    if (ascii_alpha(c)) {
      while (i < line.size() && ascii_alpha(static_cast<unsigned char>(line[i]))) ++i;
      out.push_back({line.substr(b, i - b), false, i});
    } else if (std::isdigit(c)) {
      while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
      std::size_t digits_end = i;
      while (i < line.size() && ascii_alpha(static_cast<unsigned char>(line[i]))) ++i;
      // "21st" is one item; "2021abc" is a number then a word
      if (number(line.substr(b, i - b)) < 0) i = digits_end;
      out.push_back({line.substr(b, i - b), true, i});
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else {
      i += c < 0x80 ? 1 : std::max<std::size_t>(1, utf8::valid_length(line, i));
      out.push_back({line.substr(b, i - b), false, i});
    }
  }
  return out;
}

int DateLineReader::month(std::string_view word) const {
  if (word.empty() || word.size() > 12 || !ascii_alpha(static_cast<unsigned char>(word[0]))) return 0;
  char buf[32];
  std::string spill;
  const int* m = months_.find(lex::fold_short(word, buf, spill));
  return m ? *m : 0;
}

bool DateLineReader::label(std::string_view word) const {
  if (word.empty() || !ascii_alpha(static_cast<unsigned char>(word[0]))) return false;
  char buf[32];
  std::string spill;
  std::string_view f = lex::fold_short(word, buf, spill);
  for (const std::string& l : labels_)
    if (f == l) return true;
  return false;
}

namespace {

// Whole date starting at item i of `it`; `month` names months.
template <class Items, class Month>
std::optional<cal::Ymd> date_at(const Items& it, std::size_t i, Month&& month) {
  auto is = [&](std::size_t k, std::string_view s) { return k < it.size() && it[k].s == s; };
  auto num = [&](std::size_t k) { return k < it.size() && it[k].number ? number(it[k].s) : -1; };
  auto year = [&](std::size_t k) { return k < it.size() && plain_digits(it[k].s, 4) ? number(it[k].s) : -1; };
  if (i >= it.size()) return std::nullopt;
  // YYYY-MM-DD
  if (year(i) > 0 && is(i + 1, "-") && is(i + 3, "-") && i + 4 < it.size() && plain_digits(it[i + 2].s, 2) &&
      plain_digits(it[i + 4].s, 2))
    return whole(year(i), number(it[i + 2].s), number(it[i + 4].s));
  // M/D/YYYY, D/M/YYYY
  if (int a = num(i); a > 0 && it[i].s.size() <= 2 && is(i + 1, "/") && is(i + 3, "/")) {
    int b = num(i + 2), y = year(i + 4);
    if (b > 0 && y > 0) return a > 12 ? whole(y, b, a) : whole(y, a, b);
  }
  // Month[.] D[,] YYYY
  if (int m = it[i].number ? 0 : month(it[i].s)) {
    std::size_t k = i + 1;
    if (is(k, ".")) ++k;
    int d = num(k);
    if (d > 0 && it[k].s.size() <= 4) {
      ++k;
      if (is(k, ",")) ++k;
      if (int y = year(k); y > 0) return whole(y, m, d);
    }
    return std::nullopt;
  }
  // D Month[.][,] YYYY
  if (int d = num(i); d > 0 && it[i].s.size() <= 4 && i + 1 < it.size()) {
    std::size_t k = i + 1;
    if (is(k, "of")) ++k;
    if (int m = k < it.size() && !it[k].number ? month(it[k].s) : 0) {
      ++k;
      if (is(k, ".")) ++k;
      if (is(k, ",")) ++k;
      if (int y = year(k); y > 0) return whole(y, m, d);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<cal::Ymd> DateLineReader::read(std::string_view line) const {
  std::vector<Item> it = items(line);
  auto m = [this](std::string_view w) { return month(w); };
  for (std::size_t i = 0; i < it.size(); ++i)
    if (auto d = date_at(it, i, m)) return d;
  return std::nullopt;
}

std::optional<cal::Ymd> DateLineReader::read_url(std::string_view url) const {
  std::size_t q = url.find_first_of("?#");
  if (q != std::string_view::npos) url = url.substr(0, q);
  std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url = url.substr(url.find('/', scheme + 3) == std::string_view::npos
                                                             ? url.size()
                                                             : url.find('/', scheme + 3));
  std::vector<std::string_view> seg;
  for (std::size_t i = 0; i <= url.size() && seg.size() < 32;) {
    std::size_t e = url.find('/', i);
    if (e == std::string_view::npos) e = url.size();
    if (e > i) seg.push_back(url.substr(i, e - i));
    i = e + 1;
  }
  // The leading digits of a segment ("03", "03-slug", "2021-05-03-slug").
  auto lead = [](std::string_view s, std::size_t n) {
    return s.size() >= n && plain_digits(s.substr(0, n), n) &&
           (s.size() == n || !std::isdigit(static_cast<unsigned char>(s[n])));
  };
  for (std::size_t k = 0; k < seg.size(); ++k) {
    std::string_view s = seg[k];
    if (!lead(s, 4)) continue;
    int y = number(s.substr(0, 4));
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && lead(s.substr(5), 2) && lead(s.substr(8), 2))
      if (auto d = whole(y, number(s.substr(5, 2)), number(s.substr(8, 2)))) return d;
    if (s.size() != 4 || k + 2 >= seg.size()) continue;
    int m = lead(seg[k + 1], 2) && seg[k + 1].size() == 2 ? number(seg[k + 1]) : month(seg[k + 1]);
    std::string_view ds = seg[k + 2];
    if (m > 0 && (lead(ds, 2) || lead(ds, 1)))
      if (auto d = whole(y, m, number(ds.substr(0, lead(ds, 2) ? 2 : 1)))) return d;
  }
  return std::nullopt;
}

std::optional<DateCandidate> DateLineReader::read_dateline(std::string_view text) const {
  auto m = [this](std::string_view w) { return month(w); };
  std::size_t pos = 0;
  for (int lines = 0; lines < 8 && pos < text.size() && pos < 4000; ++lines) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, std::min<std::size_t>(e - pos, 400));
    pos = e + 1;
    // One pass over the bytes (find_first_of would call memchr for each of them).
    // Every shape needs a year, an item of exactly four digits: a maximal run of
    // four digits in the line (items() cuts digit runs whole).
    bool blank = true, year = false;
    std::size_t run = 0;
    for (char c : line) {
      blank = blank && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
      if (c >= '0' && c <= '9') {
        ++run;
        continue;
      }
      if (run == 4) {
        year = true;
        break;
      }
      run = 0;
    }
    year = year || run == 4;
    if (blank) {  // a blank line is not counted
      --lines;
      continue;
    }
    if (!year) continue;  // no whole date without a year
    std::vector<Item> it = items(line);
    bool labelled = false;
    for (std::size_t i = 0; i < it.size(); ++i) {
      if (label(it[i].s)) labelled = true;
      auto d = date_at(it, i, m);
      if (!d) continue;
      if (labelled) return DateCandidate{cal::format_day(*d), Origin::text};
      // a date opening the line, or after capitalized place words and a comma or dash
      bool dateline = i == 0;
      if (!dateline) {
        std::string_view before = it[i - 1].s;
        dateline = before == "," || before == "-" || before == "\u2014" || before == "\u2013";
        for (std::size_t k = 0; k + 1 < i && dateline; ++k)
          if (std::isalpha(static_cast<unsigned char>(it[k].s[0])) && !std::isupper(static_cast<unsigned char>(it[k].s[0])))
            dateline = false;
      }
      if (dateline) return DateCandidate{cal::format_day(*d), Origin::dateline};
    }
  }
  return std::nullopt;
}

}  // namespace newsan::reader
