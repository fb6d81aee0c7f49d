// The tokenizer: one left-to-right pass over code points, then one pass over
// tokens for sentences and paragraphs. Rules are documented in tokenizer.h;
// any change to where tokens or sentences split bumps kTokenizerVersion.
#include "newsan/tokenizer.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "util/lexicon.h"
#include "util/utf8.h"

namespace newsan {
namespace {

using utf8::decode;

// ASCII letters and digits by table: the scanner asks about every byte, often twice.
enum : std::uint8_t { kDigit = 1, kUpper = 2, kLower = 4 };
constexpr std::array<std::uint8_t, 256> kAsciiClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[std::size_t(c)] = kDigit;
  for (int c = 'A'; c <= 'Z'; ++c) t[std::size_t(c)] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[std::size_t(c)] = kLower;
  return t;
}();
std::uint8_t ascii_class(char c) { return kAsciiClass[static_cast<unsigned char>(c)]; }

bool ascii_alpha(char c) { return ascii_class(c) & (kUpper | kLower); }
bool ascii_digit(char c) { return ascii_class(c) & kDigit; }
bool ascii_alnum(char c) { return ascii_class(c) != 0; }

// Abbreviations that keep their period. Titles never end a sentence.
constexpr std::string_view kTitles[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st", "rev",
    "hon", "pres", "adm", "maj", "cmdr", "gens", "messrs", "mme", "mlle", "supt", "insp", "det", "cpl",
    "pvt", "brig", "lieut", "cdr", "atty", "amb", "fr", "sr", "jr", "mt", "ft", "no", "nos", "vs", "v",
    "ave", "blvd", "rd", "approx", "est", "dept", "univ", "assn", "vol", "fig", "op", "cf", "al"};
constexpr std::string_view kOther[] = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "ltd", "co", "corp", "bros", "plc",
    "etc", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
    "tex", "va", "vt", "wash", "wis", "wyo"};

// The lists are string_views so that a lookup compares lengths first instead of calling strlen.
template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Words that, capitalized after an ambiguous abbreviation ("the U.S. The"), start a sentence.
constexpr std::string_view kStarters[] = {
    "the", "he", "she", "it", "they", "we", "i", "but", "and", "in", "a", "an", "this", "that", "there",
    "his", "her", "their", "its", "our", "on", "at", "after", "before", "as", "if", "when", "while",
    "however", "meanwhile", "also", "some", "many", "most", "officials", "police"};

constexpr std::string_view kTlds[] = {
    "com", "org", "net", "gov", "edu", "io", "uk", "de", "fr", "info", "biz", "news", "tv", "ca", "au",
    "in", "ru", "cn", "jp", "br", "es", "it", "nl", "ve", "mx", "ar", "int", "eu", "ch", "se", "no", "dk",
    "pl", "co", "ie", "nz", "za", "ng", "ke", "il", "tr", "kr", "gr", "pt", "be", "at", "ly", "me"};

struct Scanner {
  std::string_view s;
  std::size_t end;  // region end
  std::vector<Token> out;

  char32_t at(std::size_t i, std::size_t& len) const { return decode(s, i, len); }

  bool word_char(std::size_t i, std::size_t& len) const {
    if (i >= end) return false;
    char32_t c = at(i, len);
    if (c < 0x80) { len = 1; return ascii_alnum(static_cast<char>(c)); }
    return utf8::is_letter(c) || utf8::is_mark(c) || utf8::is_digit(c);
  }

  // A URL starting at i ("http://", "https://", "www."): up to whitespace, minus trailing punctuation.
  std::size_t url_end(std::size_t i) const {
    // "he", "with", "who": most words starting with h or w fail at the second byte.
    if ((s[i] != 'h' && s[i] != 'w') || i + 1 >= end || s[i + 1] != (s[i] == 'h' ? 't' : 'w')) return 0;
    std::string_view rest = s.substr(i, std::min<std::size_t>(8, end - i));
    if (!(rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")))
      return 0;
    std::size_t j = i;
    while (j < end) {
      unsigned char c = static_cast<unsigned char>(s[j]);
      if (c <= ' ' || c == '"' || c == '<' || c == '>') break;
      if (c >= 0x80) {
        std::size_t len;
        char32_t cp = at(j, len);
        if (utf8::is_space(cp) || cp == 0x201C || cp == 0x201D || cp == 0x2019) break;
        j += len;
        continue;
      }
      ++j;
    }
    while (j > i && std::string_view(".,;:!?)]}'").find(s[j - 1]) != std::string_view::npos) --j;
    // "www." alone is not a URL
    return j > i + 4 ? j : 0;
  }

  // End of the last host-character run that held no domain: a later start
  // inside it is not tried again, which keeps runs like "1-1-1-…" linear.
  std::size_t no_host_until = 0;

  // Bare domain or e-mail address starting at i; returns end and sets kind.
  std::size_t host_end(std::size_t i, TokenKind& kind) {
    if (i < no_host_until) return 0;
    // Most runs are plain words: letters and digits, then a byte that cannot
    // continue a host. Such a run holds no dot, so host_scan would refuse it.
    std::size_t k = i;
    while (k < end && ascii_alnum(s[k])) ++k;
    if (k == end || (s[k] != '.' && s[k] != '-' && s[k] != '_' && s[k] != '@' && s[k] != '+' && s[k] != '%'))
      return no_host(k);
    return host_scan(i, kind);
  }

  std::size_t host_scan(std::size_t i, TokenKind& kind) {
    std::size_t j = i;
    bool at_sign = false, has_dot = false;
    while (j < end) {
      char c = s[j];
      if (ascii_alnum(c) || c == '.' || c == '-' || c == '_') {
        has_dot = has_dot || c == '.';
      } else if (!at_sign && (c == '@' || c == '+' || c == '%')) {
        at_sign = c == '@';
      } else {
        break;
      }
      ++j;
    }
    std::size_t run_end = j;
    if (!has_dot) return no_host(run_end);  // most runs are plain words: no host without a dot
    while (j > i && (s[j - 1] == '.' || s[j - 1] == '-')) --j;
    std::string_view cand = s.substr(i, j - i);
    std::size_t host_start = at_sign ? cand.find('@') + 1 : 0;
    if (at_sign && (host_start <= 1 || host_start >= cand.size())) return no_host(run_end);
    std::string_view host = cand.substr(host_start);
    std::size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > host.size()) return no_host(run_end);
    // every label non-empty and the first label at least 2 characters
    std::size_t first_dot = host.find('.');
    if (first_dot < 2 || host.find("..") != std::string_view::npos) return no_host(run_end);
    std::string tld = lex::ascii_lower(host.substr(dot + 1));
    if (!at_sign) {
      if (!in(kTlds, tld)) return no_host(run_end);
      // "U.S" style or a capitalized sentence joined to the next ("end.The") is not a domain
      if (host.substr(dot + 1).front() >= 'A' && host.substr(dot + 1).front() <= 'Z') return no_host(run_end);
    } else if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), ascii_alpha)) {
      return no_host(run_end);
    }
    kind = at_sign ? TokenKind::email : TokenKind::url;
    return j;
  }

  std::size_t no_host(std::size_t run_end) {
    no_host_until = run_end;
    return 0;
  }

  void push(std::size_t b, std::size_t e, TokenKind k, bool space, bool nl) {
    Token t;
    t.span = {b, e};
    t.kind = k;
    t.space_before = space;
    t.newline_before = nl;
    // Most tokens are ASCII: their flags are the union of their bytes' classes
    // (capitalized: the first byte is the first letter, and uppercase).
    std::uint8_t seen = 0;
    std::size_t i = b;
    while (i < e && static_cast<unsigned char>(s[i]) < 0x80) seen |= ascii_class(s[i++]);
    if (i == e) {
      t.has_digit = seen & kDigit;
      t.capitalized = ascii_class(s[b]) & kUpper;
      t.all_caps = (seen & kUpper) && !(seen & kLower);
      out.push_back(t);
      return;
    }
    bool letters = false, lower = false;
    bool first_letter_seen = false;
    for (i = b; i < e;) {
      std::size_t len;
      char32_t c = decode(s, i, len);
      if (utf8::is_letter(c)) {
        letters = true;
        bool up = utf8::is_upper(c);
        if (!up) lower = lower || utf8::is_lower(c);
        if (!first_letter_seen) { t.capitalized = up && i == b; first_letter_seen = true; }
      } else if (utf8::is_digit(c)) {
        t.has_digit = true;
      }
      i += len;
    }
    t.all_caps = letters && !lower;
    out.push_back(t);
  }

  // Scans a word starting at i (a letter, mark or digit); returns its end.
  std::size_t word_end(std::size_t i) const {
    std::size_t j = i, len;
    while (j < end) {
      if (ascii_alnum(s[j])) { ++j; continue; }
      if (word_char(j, len)) { j += len; continue; }
      // internal hyphen or apostrophe followed by a word character
      char32_t c = at(j, len);
      if (c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019) {
        std::size_t l2;
        if (j > i && j + len < end && word_char(j + len, l2)) {
          // "Maduro’s" keeps the apostrophe inside; the possessive split happens after.
          j += len;
          continue;
        }
      }
      break;
    }
    return j;
  }

  void run(std::size_t begin) {
    std::size_t i = begin;
    bool space = true, nl = true;
    while (i < end) {
      std::size_t len;
      char32_t c = at(i, len);
      if (utf8::is_space(c) || c == 0) {
        if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85) nl = true;
        space = true;
        i += len;
        continue;
      }
      std::size_t j;
      TokenKind kind = TokenKind::word;
      if ((j = url_end(i)) != 0) {
        push(i, j, TokenKind::url, space, nl);
      } else if (c < 0x80 && ascii_alnum(static_cast<char>(c)) && (j = host_end(i, kind)) != 0) {
        push(i, j, kind, space, nl);
      } else if (utf8::is_digit(c)) {
        j = i + len;
        for (;;) {
          std::size_t l2;
          if (j < end && utf8::is_digit(at(j, l2))) { j += l2; continue; }
          if (j + 1 < end && (s[j] == ',' || s[j] == '.') && ascii_digit(s[j + 1])) { j += 1; continue; }
          break;
        }
        // letters glued to the end: "5bn", "1990s", "3rd", "20km"
        std::size_t k = j, l3;
        while (k < end) {
          char32_t d = at(k, l3);
          if (!utf8::is_letter(d)) break;
          k += l3;
        }
        push(i, k, TokenKind::number, space, nl);
        j = k;
      } else if (utf8::is_letter(c) || utf8::is_mark(c)) {
        j = word_end(i);
        j = abbreviation_end(i, j);
        split_possessive(i, j, space, nl);
      } else if (c == '%' || (c < 0x80 && std::string_view("$+=<>~#&@^|`").find(static_cast<char>(c)) !=
                                              std::string_view::npos) ||
                 (c >= 0x80 && utf8::is_symbol(c))) {
        j = i + len;
        push(i, j, TokenKind::symbol, space, nl);
      } else if ((c == '\'' || c == 0x2019) && i + len < end && (s[i + len] == 's' || s[i + len] == 'S') &&
                 !word_char(i + len + 1, j)) {
        j = i + len + 1;  // a detached possessive "'s" (as in space-separated token streams)
        push(i, j, TokenKind::word, space, nl);
      } else {
        j = i + len;
        if (c < 0x80) while (j < end && s[j] == static_cast<char>(c)) ++j;  // "...", "--"
        push(i, j, TokenKind::punct, space, nl);
      }
      i = j;
      space = false;
      nl = false;
    }
  }

  // Extends a word ending at j over an abbreviation period: "Mr.", "U.S.", "J.", "a.m.".
  std::size_t abbreviation_end(std::size_t i, std::size_t j) const {
    if (j >= end || s[j] != '.') return j;
    // dotted acronym: (letter{1,2} '.')+  e.g. U.S. / U.N. / e.g. / a.m.
    std::size_t k = i;
    int groups = 0;
    for (;;) {
      std::size_t g = k;
      while (g < end && g - k < 3 && ascii_alpha(s[g])) ++g;
      if (g == k || g - k > 2 || g >= end || s[g] != '.') break;
      k = g + 1;
      ++groups;
      if (k >= end || !ascii_alpha(s[k])) break;
    }
    if (groups >= 2 && k > j) return k;
    std::string_view w = s.substr(i, j - i);
    std::size_t l;
    bool single_upper = utf8::is_upper(decode(s, i, l)) && l == w.size();
    if (single_upper) return j + 1;  // initial "J."
    std::string low = lex::ascii_lower(w);
    if (in(kTitles, low) || in(kOther, low)) return j + 1;
    return j;
  }

  void split_possessive(std::size_t i, std::size_t j, bool space, bool nl) {
    std::string_view w = s.substr(i, j - i);
    std::size_t cut = std::string_view::npos;
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) cut = w.size() - 2;
    else if (w.size() > 4 && (w.ends_with("\xE2\x80\x99s") || w.ends_with("\xE2\x80\x99S"))) cut = w.size() - 4;
    if (cut == std::string_view::npos) {
      push(i, j, TokenKind::word, space, nl);
      return;
    }
    push(i, i + cut, TokenKind::word, space, nl);
    push(i + cut, j, TokenKind::word, false, false);
  }
};

bool is_terminal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6" || t == "?!" ||
         t == "!!" || t == "??";
}
bool is_closer(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" ||
         t == "\xC2\xBB";
}

bool starts_lower(std::string_view text, const Token& t) {
  std::size_t len;
  char32_t c = decode(text, t.span.start, len);
  return utf8::is_lower(c);
}

constexpr std::size_t kMaxSentenceTokens = 400;

void split(std::string_view text, Span region, Tokenized& t) {
  auto& toks = t.tokens;
  // Paragraphs are separated by blank lines; a text without any blank line
  // uses single line breaks instead (one paragraph per line).
  // A line break is "\n", "\r\n" or a lone "\r" (old Mac files).
  bool blank_lines = false;
  {
    int breaks = 0;  // line breaks since the last non-blank character
    for (std::size_t p = region.start; p < region.end && !blank_lines; ++p) {
      char c = text[p];
      if (c == '\n' || (c == '\r' && (p + 1 >= region.end || text[p + 1] != '\n'))) {
        blank_lines = ++breaks >= 2;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        breaks = 0;
      }
    }
  }
  auto blank_before = [&](const Token& tok, std::size_t prev_end) {
    int lines = 0;
    for (std::size_t p = prev_end; p < tok.span.start; ++p) {
      if (text[p] == '\n') ++lines;
      else if (text[p] == '\r' && (p + 1 >= tok.span.start || text[p + 1] != '\n')) ++lines;
    }
    return lines >= 2;
  };

  std::size_t sent_first = 0;
  auto close_sentence = [&](std::size_t last) {
    if (last <= sent_first) return;
    Sentence s;
    s.first = sent_first;
    s.last = last;
    s.span = {toks[sent_first].span.start, toks[last - 1].span.end};
    s.paragraph = t.paragraphs.empty() ? 0 : t.paragraphs.size() - 1;
    t.sentences.push_back(s);
    sent_first = last;
  };
  auto open_paragraph = [&]() {
    Paragraph p;
    p.first_sentence = t.sentences.size();
    t.paragraphs.push_back(p);
  };
  auto close_paragraph = [&]() {
    if (t.paragraphs.empty()) return;
    Paragraph& p = t.paragraphs.back();
    p.last_sentence = t.sentences.size();
    if (p.last_sentence > p.first_sentence)
      p.span = {t.sentences[p.first_sentence].span.start, t.sentences[p.last_sentence - 1].span.end};
  };

  if (toks.empty()) return;
  open_paragraph();
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (i > sent_first || i > 0) {
      const Token& tok = toks[i];
      bool para = i > 0 && tok.newline_before &&
                  (blank_lines ? blank_before(tok, toks[i - 1].span.end) : !starts_lower(text, tok));
      if (para) {
        close_sentence(i);
        close_paragraph();
        open_paragraph();
        continue;
      }
      if (i > sent_first && tok.newline_before && !starts_lower(text, tok)) {
        close_sentence(i);
        continue;
      }
      if (i - sent_first >= kMaxSentenceTokens) close_sentence(i);
    }
    // Decide whether the sentence ends after token i.
    const Token& tok = toks[i];
    std::string_view w = tok.text(text);
    bool terminal = tok.kind == TokenKind::punct && is_terminal(w);
    bool abbrev = tok.kind == TokenKind::word && w.size() > 1 && w.back() == '.';
    if (!terminal && !abbrev) continue;
    std::size_t j = i + 1;
    // Closing quotes and brackets stay with the sentence they close: glued to
    // it, or spaced ('said . "') when nothing but a line break or the end follows.
    while (j < toks.size() && toks[j].kind == TokenKind::punct && is_closer(toks[j].text(text)) &&
           (!toks[j].space_before || j + 1 >= toks.size() || toks[j + 1].newline_before))
      ++j;
    if (j >= toks.size()) continue;  // the end closes it
    const Token& next = toks[j];
    if (!next.space_before) continue;
    if (next.newline_before) continue;  // handled at the next token
    std::string_view nw = next.text(text);
    bool upperish = next.capitalized || next.kind == TokenKind::number ||
                    (next.kind == TokenKind::punct && !starts_lower(text, next));
    if (!upperish) continue;
    if (abbrev) {
      std::string low = lex::ascii_lower(w.substr(0, w.size() - 1));
      if (in(kTitles, low)) continue;
      // single initials ("J. Smith") and acronyms/others end a sentence only before a typical starter
      if (!in(kStarters, lex::ascii_lower(nw))) continue;
    }
    i = j - 1;
    close_sentence(j);
  }
  close_sentence(toks.size());
  close_paragraph();
  // drop empty paragraphs (only possible if a paragraph had no sentence)
  t.paragraphs.erase(std::remove_if(t.paragraphs.begin(), t.paragraphs.end(),
                                    [](const Paragraph& p) { return p.last_sentence == p.first_sentence; }),
                     t.paragraphs.end());
  for (std::size_t p = 0; p < t.paragraphs.size(); ++p)
    for (std::size_t s = t.paragraphs[p].first_sentence; s < t.paragraphs[p].last_sentence; ++s)
      t.sentences[s].paragraph = p;
}

}  // namespace

Tokenized tokenize(std::string_view text, Span region) {
  region.end = std::min(region.end, text.size());
  region.start = std::min(region.start, region.end);
  Scanner sc{text, region.end, {}};
  sc.out.reserve(region.size() / 5 + 1);
  sc.run(region.start);
  Tokenized t;
  t.tokens = std::move(sc.out);
  for (const Token& tok : t.tokens)
    if (tok.kind == TokenKind::word || tok.kind == TokenKind::number || tok.kind == TokenKind::url ||
        tok.kind == TokenKind::email)
      ++t.word_count;
  split(text, region, t);
  return t;
}

Tokenized tokenize(std::string_view text) { return tokenize(text, Span{0, text.size()}); }

std::size_t sentence_at(const Tokenized& t, std::size_t pos) {
  auto it = std::upper_bound(t.sentences.begin(), t.sentences.end(), pos,
                             [](std::size_t p, const Sentence& s) { return p < s.span.start; });
  if (it == t.sentences.begin()) return 0;
  return static_cast<std::size_t>(it - t.sentences.begin()) - 1;
}

}  // namespace newsan
