// reader/html_extract.cpp — the main text of a news page.
//
// Method (after Mozilla Readability, with trafilatura's container hints):
//  1. gumbo parses the page as a browser would (broken markup repaired).
//  2. One pass indexes every element: visible text length, link text length,
//     commas, child counts, and class/id hints from data/lexicon/html-hints.tsv.
//     Invisible and boilerplate elements (scripts, nav, footers, asides,
//     share bars, comments, related lists, hidden elements) are dropped.
//  3. Every block with text scores its ancestors (1 + commas + length/100,
//     halved per level); ancestors are weighted by tag and class hints and
//     discounted by link density. The best one, climbed to an ancestor that
//     gathers the article when several candidates share it, is the article;
//     siblings that score well or read as prose are added.
//  4. schema.org articleBody markup (itemprop or a body class) names the
//     container directly when it holds enough text.
//  5. Inside the article, containers that look like boilerplate (many links,
//     more images or list items than paragraphs, forms) are skipped, as are
//     date lines, tag lists, the headline and mostly-link paragraphs; the
//     rest is written out in reading order, one block per paragraph, and
//     lines that are page furniture ("Advertisement") are dropped.
// When that leaves almost no text, the page is read again with fewer
// removals, as Readability does. Byte-level work before the parse (skipping
// script bodies, the nesting guard, detection) is in html_prescan.cpp.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsan/error.h"
#include "newsan/html.h"
#include "newsan/tokenizer.h"
#include "reader/date_line.h"
#include "reader/html_internal.h"
#include "util/utf8.h"

namespace newsan {
namespace {

using html::attr;
using html::lower;

enum Role : unsigned {
  kDrop,
  kRemove,
  kKeep,
  kNegative,
  kPositive,
  kBody,
  kByline,
  kHidden,
  kByPrefix,
  kDateLabel,
  kLine,
  kDateClass,
  kLede,
  kStaff,
  kHeadline,
  kLineOpen,
  kTail,
  kTailOpen,
  kChannel,
  kRoleCount
};
constexpr const char* kRoleNames[kRoleCount] = {"drop",     "remove", "keep",   "negative", "positive",
                                                "body",     "byline", "hidden", "byprefix",
                                                "datelabel", "line",   "dateclass", "lede",
                                                "staff",    "headline", "lineopen",
                                                "tail",     "tailopen", "channel"};

enum class Match { substr, token, exact };

struct Hint {
  std::string word;
  Match match = Match::substr;
};

struct Hints {
  std::vector<Hint> roles[kRoleCount];

  // Bit set of the roles whose words match the element's class and id.
  unsigned match(const GumboNode* n) const {
    std::string_view cls = attr(n, "class"), id = attr(n, "id");
    if (cls.empty() && id.empty()) return 0;
    std::string ci = lower(cls);
    ci += ' ';
    ci += lower(id);
    unsigned bits = 0;
    for (unsigned r = 0; r < kRoleCount; ++r) {
      if (r == kByPrefix || r == kDateLabel || r == kLine || r == kDateClass || r == kStaff) continue;
      for (const Hint& h : roles[r]) {
        bool hit = h.match == Match::substr ? ci.find(h.word) != std::string::npos
                                            : token_match(ci, h.word, h.match == Match::token);
        if (hit) {
          bits |= 1u << r;
          break;
        }
      }
    }
    return bits;
  }

  static bool token_match(std::string_view ci, std::string_view word, bool parts) {
    std::size_t i = 0;
    while (i < ci.size()) {
      while (i < ci.size() && ci[i] == ' ') ++i;
      std::size_t e = i;
      while (e < ci.size() && ci[e] != ' ') ++e;
      std::string_view tok = ci.substr(i, e - i);
      if (tok == word) return true;
      if (!parts) {
        i = e;
        continue;
      }
      // parts split at '-' and '_'
      std::size_t p = 0;
      while (p <= tok.size()) {
        std::size_t q = p;
        while (q < tok.size() && tok[q] != '-' && tok[q] != '_') ++q;
        if (tok.substr(p, q - p) == word) return true;
        p = q + 1;
      }
      i = e;
    }
    return false;
  }
};

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_HR:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

// Elements that never hold article text.
bool always_dropped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_LABEL: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_MAP: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

bool hidden_by_style(std::string_view style) {
  if (style.empty()) return false;
  std::string s;
  for (char c : style)
    if (c != ' ') s.push_back(lex::ascii_lower(c));
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

bool boilerplate_role(std::string_view role) {
  return role == "navigation" || role == "complementary" || role == "contentinfo" ||
         role == "menu" || role == "menubar" || role == "dialog" || role == "alert" ||
         role == "search" || role == "banner";
}

struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

struct El {
  const GumboNode* node = nullptr;
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  unsigned hints = 0;
  bool removed = false;
  bool has_block_child = false;
  bool candidate = false;
  bool body_marked = false;       // itemprop=articleBody or a `body` hint
  std::uint32_t chars = 0;        // visible text (whitespace runs count 1)
  std::uint32_t link_chars = 0;   // of which inside <a>
  std::uint32_t inline_chars = 0; // text not inside a block descendant
  std::uint32_t commas = 0, inline_commas = 0;
  std::uint32_t paras = 0, imgs = 0, lis = 0, inputs = 0, embeds = 0, heading_chars = 0;
  std::uint32_t tag_links = 0;    // <a rel="tag"> below: a list of the page's tags
  bool date_meta = false;         // <time> or itemprop datePublished/dateModified
  double score = 0;
};

constexpr int kMaxDepth = 300;
constexpr double kMaxBlockLinkDensity = 0.6;

class Page {
 public:
  Page(const GumboOutput* out, const Hints& hints, Flags flags)
      : hints_(hints), flags_(flags) {
    els_.reserve(4096);
    index_.reserve(8192);
    build(out->root, -1, -1, 0, false);
    for (std::size_t i = els_.size(); i-- > 1;) {
      El& e = els_[i];
      if (e.parent < 0) continue;
      El& p = els_[e.parent];
      if (e.removed) continue;
      p.chars += e.chars;
      p.link_chars += e.link_chars;
      p.commas += e.commas;
      p.paras += e.paras + (e.tag == GUMBO_TAG_P);
      p.imgs += e.imgs + (e.tag == GUMBO_TAG_IMG);
      p.lis += e.lis + (e.tag == GUMBO_TAG_LI);
      p.inputs += e.inputs + (e.tag == GUMBO_TAG_INPUT || e.tag == GUMBO_TAG_SELECT ||
                              e.tag == GUMBO_TAG_TEXTAREA || e.tag == GUMBO_TAG_BUTTON);
      p.embeds += e.embeds;
      p.heading_chars += is_heading(e.tag) ? e.chars : e.heading_chars;
      p.tag_links += e.tag_links;
    }
  }

  // `title`: the page's headline, dropped where it repeats as a heading.
  std::string extract(std::string_view title) {
    title_ = title;
    int root = choose();
    if (root < 0) return {};
    Out o;
    if (els_[root].body_marked) {
      std::vector<int> parts = marked_parts(root);
      if (int lede = lede_before(parts.front()); lede >= 0) emit(els_[lede].node, o, false, lede);
      for (int part : parts) emit(els_[part].node, o, false, part);
    } else {
      for (int s : gather_siblings(root)) emit(els_[s].node, o, false, s);
    }
    return o.text;
  }

 private:
  struct Out {
    std::string text;
    int pending = 0;  // 0 nothing, 1 space, 2 line break, 3 paragraph break

    void add(std::string_view s, bool pre) {
      for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (pre && (c == '\n')) {
          pending = std::max(pending, 2);
          continue;
        }
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
          ws = true;
          ++i;
        }
        if (ws) {
          if (pre && !text.empty() && pending == 0) {
            text.push_back(' ');
          } else {
            pending = std::max(pending, 1);
          }
          continue;
        }
        if (!text.empty()) {
          if (pending == 1) text.push_back(' ');
          else if (pending == 2) text.push_back('\n');
          else if (pending == 3) text.append("\n\n");
        }
        pending = 0;
        text.push_back(s[i]);
      }
    }
    void brk(int level) { pending = std::max(pending, level); }
  };

  static bool mail_link(const GumboNode* a) {
    std::string_view href = attr(a, "href");
    return href.starts_with("mailto:") || href.find("email-protection") != std::string_view::npos;
  }

  static std::uint32_t count_chars(std::string_view s, std::uint32_t& commas) {
    std::uint32_t n = 0;
    bool space = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (!space) ++n;
        space = true;
        continue;
      }
      space = false;
      if ((c & 0xC0) != 0x80) ++n;
      if (c == ',') ++commas;
      // "，" U+FF0C, "、" U+3001, "،" U+060C
      else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
               static_cast<unsigned char>(s[i + 2]) == 0x8C)
        ++commas;
      else if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x81)
        ++commas;
      else if (c == 0xD8 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x8C)
        ++commas;
    }
    return n;
  }

  void build(const GumboNode* n, int parent, int block_owner, int depth, bool in_link) {
    if (depth > kMaxDepth) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      if (parent < 0) return;
      std::uint32_t commas = 0;
      std::uint32_t c = count_chars(n->v.text.text, commas);
      El& p = els_[parent];
      p.chars += c;
      p.commas += commas;
      if (in_link) p.link_chars += c;
      if (block_owner >= 0) {
        els_[block_owner].inline_chars += c;
        els_[block_owner].inline_commas += commas;
      }
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
        n->type != GUMBO_NODE_TEMPLATE)
      return;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& ch = n->v.document.children;
      for (unsigned i = 0; i < ch.length; ++i)
        build(static_cast<const GumboNode*>(ch.data[i]), parent, block_owner, depth + 1, in_link);
      return;
    }
    int me = static_cast<int>(els_.size());
    els_.emplace_back();
    index_.emplace(n, me);
    El& e = els_.back();
    e.node = n;
    e.parent = parent;
    e.tag = n->v.element.tag;
    e.hints = hints_.match(n);
    std::string_view itemprop = attr(n, "itemprop");
    e.body_marked = (itemprop == "articleBody" || (e.hints & (1u << kBody)) != 0) &&
                    e.tag != GUMBO_TAG_BODY && e.tag != GUMBO_TAG_HTML;
    if (e.tag == GUMBO_TAG_BODY) body_ = me;
    if (e.tag == GUMBO_TAG_A && html::has_word(attr(n, "rel"), "tag")) e.tag_links = 1;
    e.date_meta = e.tag == GUMBO_TAG_TIME || html::has_word(itemprop, "datePublished") ||
                  html::has_word(itemprop, "dateModified");
    if (e.tag == GUMBO_TAG_IFRAME || e.tag == GUMBO_TAG_EMBED || e.tag == GUMBO_TAG_OBJECT ||
        e.tag == GUMBO_TAG_VIDEO)
      e.embeds = 1;
    e.removed = removed(e, n);
    if (parent >= 0 && is_block(e.tag)) els_[parent].has_block_child = true;
    if (e.removed) return;
    int owner = is_block(e.tag) ? me : block_owner;
    // An e-mail address in a sentence ("mailto:", or hidden by the host as
    // "/cdn-cgi/l/email-protection") is text, not a way off the page.
    bool link = in_link || (e.tag == GUMBO_TAG_A && !mail_link(n));
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i)
      build(static_cast<const GumboNode*>(ch.data[i]), me, owner, depth + 1, link);
  }

  bool removed(const El& e, const GumboNode* n) const {
    GumboTag t = e.tag;
    if (always_dropped(t)) return true;
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY) return false;
    if (html::has_attr(n, "hidden") || attr(n, "aria-hidden") == "true" ||
        hidden_by_style(attr(n, "style")))
      return true;
    if (boilerplate_role(attr(n, "role"))) return true;
    if (e.hints & (1u << kHidden)) return true;
    if (!flags_.strip_unlikely || e.body_marked) return false;
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_A || t == GUMBO_TAG_P)
      return false;
    if (e.hints & (1u << kDrop)) return true;
    if ((e.hints & (1u << kRemove)) && !(e.hints & (1u << kKeep))) return true;
    return false;
  }

  int class_weight(const El& e) const {
    if (!flags_.weight_classes) return 0;
    int w = 0;
    if (e.hints & (1u << kNegative)) w -= 25;
    if (e.hints & (1u << kPositive)) w += 25;
    if (e.body_marked) w += 50;
    return w;
  }

  double link_density(const El& e) const {
    return e.chars == 0 ? 0.0 : static_cast<double>(e.link_chars) / e.chars;
  }

  void init_candidate(El& e) {
    if (e.candidate) return;
    e.candidate = true;
    double s = 0;
    switch (e.tag) {
      case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: s = 5; break;
      case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
      case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
      case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: s = -3; break;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
      case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH: s = -5; break;
      default: break;
    }
    e.score = s + class_weight(e);
  }

  // Scores candidates; returns the element holding the article, or -1.
  int choose() {
    // Explicit article-body markup with enough text wins outright.
    int marked = -1;
    for (std::size_t i = 0; i < els_.size(); ++i) {
      const El& e = els_[i];
      if (!e.body_marked || e.removed || e.chars < 200 || link_density(e) > 0.5) continue;
      if (marked < 0 || e.chars > els_[marked].chars) marked = static_cast<int>(i);
    }

    for (std::size_t i = 0; i < els_.size(); ++i) {
      El& b = els_[i];
      if (b.removed || !is_block(b.tag) || b.inline_chars < 25 || b.parent < 0) continue;
      if (is_heading(b.tag) || b.tag == GUMBO_TAG_BODY || b.tag == GUMBO_TAG_HTML) continue;
      double s = 1.0 + b.inline_commas + std::min(3.0, b.inline_chars / 100.0);
      // Inline text of a container with block children reads as a paragraph inside it.
      int a = (b.has_block_child && b.tag != GUMBO_TAG_P) ? static_cast<int>(i) : b.parent;
      for (int level = 0; a >= 0 && level < 5; ++level, a = els_[a].parent) {
        El& anc = els_[a];
        if (anc.tag == GUMBO_TAG_HTML) break;
        init_candidate(anc);
        double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        anc.score += s / div;
      }
    }
    int top = -1;
    std::vector<int> ranked;
    for (std::size_t i = 0; i < els_.size(); ++i) {
      El& e = els_[i];
      if (!e.candidate || e.removed) continue;
      e.score *= 1.0 - link_density(e);
      ranked.push_back(static_cast<int>(i));
    }
    std::sort(ranked.begin(), ranked.end(),
              [&](int a, int b) { return els_[a].score > els_[b].score; });
    if (!ranked.empty()) top = ranked[0];

    if (marked >= 0) {
      // Trust the markup unless scoring found far more prose elsewhere.
      if (top < 0 || els_[marked].chars * 3 >= els_[top].chars || contains(marked, top))
        return marked;
    }
    if (top < 0) return body_;

    // Several strong candidates under one ancestor: the article is that ancestor.
    std::vector<int> alternatives;
    for (std::size_t k = 1; k < ranked.size() && k < 5; ++k)
      if (els_[ranked[k]].score / els_[top].score >= 0.75) alternatives.push_back(ranked[k]);
    if (alternatives.size() >= 3) {
      for (int p = els_[top].parent; p >= 0 && els_[p].tag != GUMBO_TAG_BODY; p = els_[p].parent) {
        int holding = 0;
        for (int a : alternatives)
          if (contains(p, a)) ++holding;
        if (holding >= 3) {
          top = p;
          init_candidate(els_[top]);
          break;
        }
      }
    }
    // Climb while the parent scores higher (the article split over parts).
    double last = els_[top].score;
    double threshold = last / 3;
    for (int p = els_[top].parent; p >= 0 && els_[p].tag != GUMBO_TAG_BODY; p = els_[p].parent) {
      if (!els_[p].candidate) continue;
      if (els_[p].score < threshold) break;
      if (els_[p].score > last) {
        top = p;
        break;
      }
      last = els_[p].score;
    }
    // A lone child carries nothing its parent does not.
    while (true) {
      int p = els_[top].parent;
      if (p < 0 || els_[p].tag == GUMBO_TAG_BODY || els_[p].tag == GUMBO_TAG_HTML) break;
      if (element_children(p) != 1) break;
      top = p;
      init_candidate(els_[top]);
    }
    return top;
  }

  // An article body marked up in several chunks (text interrupted by ads or
  // media): every outermost marked element near the chosen one, in order.
  std::vector<int> marked_parts(int root) const {
    int scope = root;
    for (int up = 0; up < 3 && els_[scope].parent >= 0; ++up) scope = els_[scope].parent;
    if (els_[scope].tag == GUMBO_TAG_BODY || els_[scope].tag == GUMBO_TAG_HTML) return {root};
    std::vector<int> parts;
    for (std::size_t i = static_cast<std::size_t>(scope) + 1; i < els_.size(); ++i) {
      const El& e = els_[i];
      if (!contains(scope, static_cast<int>(i))) break;
      if (!e.body_marked || e.removed || e.chars < 50 || link_density(e) > 0.5) continue;
      bool outermost = true;
      for (int p = e.parent; p != scope && p >= 0; p = els_[p].parent)
        if (els_[p].body_marked || els_[p].removed) outermost = false;
      if (outermost) parts.push_back(static_cast<int>(i));
    }
    if (parts.empty()) parts.push_back(root);
    return parts;
  }

  // The summary paragraph a page sets just before its marked article body
  // ("article__summary", "standfirst"), or -1.
  int lede_before(int first) const {
    const GumboNode* n = els_[first].node;
    const GumboNode* parent = n->parent;
    if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) return -1;
    const GumboVector& ch = parent->v.element.children;
    for (unsigned k = n->index_within_parent; k-- > 0;) {
      auto* c = static_cast<const GumboNode*>(ch.data[k]);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      auto it = index_.find(c);
      if (it == index_.end()) return -1;
      const El& e = els_[it->second];
      if (e.removed || e.chars == 0) continue;  // skip ads, empty media wrappers
      bool lede = (e.hints & (1u << kLede)) && e.chars >= 40 && link_density(e) < 0.3;
      return lede ? it->second : -1;
    }
    return -1;
  }

  bool contains(int ancestor, int el) const {
    for (int p = el; p >= 0; p = els_[p].parent)
      if (p == ancestor) return true;
    return false;
  }

  int element_children(int i) const {
    int n = 0;
    const GumboVector& ch = els_[i].node->v.element.children;
    for (unsigned k = 0; k < ch.length; ++k) {
      auto* c = static_cast<const GumboNode*>(ch.data[k]);
      if (c->type == GUMBO_NODE_ELEMENT) {
        auto it = index_.find(c);
        if (it != index_.end() && !els_[it->second].removed) ++n;
      } else if (c->type == GUMBO_NODE_TEXT && std::strspn(c->v.text.text, " \t\r\n") !=
                                                    std::strlen(c->v.text.text)) {
        return 2;
      }
    }
    return n;
  }

  std::vector<int> gather_siblings(int top) const {
    const El& t = els_[top];
    int parent = t.parent;
    if (parent < 0) return {top};
    double threshold = std::max(10.0, t.score * 0.2);
    std::string_view top_class = attr(t.node, "class");
    std::vector<int> out;
    const GumboVector& ch = els_[parent].node->v.element.children;
    for (unsigned k = 0; k < ch.length; ++k) {
      auto* c = static_cast<const GumboNode*>(ch.data[k]);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      auto it = index_.find(c);
      if (it == index_.end()) continue;
      int s = it->second;
      const El& e = els_[s];
      if (e.removed) continue;
      bool take = s == top;
      if (!take && e.candidate) {
        double bonus = (!top_class.empty() && attr(e.node, "class") == top_class) ? t.score * 0.2 : 0;
        take = e.score + bonus >= threshold;
      }
      // Paragraphs swallowed by an unclosed inline tag (<b>, <font>) of broken markup.
      if (!take && !is_block(e.tag) && e.paras > 0 && e.chars > 80 && link_density(e) < 0.25)
        take = true;
      if (!take && e.tag == GUMBO_TAG_P) {
        double ld = link_density(e);
        if (e.chars > 80 && ld < 0.25) take = true;
        else if (e.chars > 0 && e.chars <= 80 && ld == 0) {
          std::string txt = html::text_of(e.node);
          take = !txt.empty() && (txt.back() == '.' || txt.find(". ") != std::string::npos);
        }
      }
      if (take) out.push_back(s);
    }
    return out;
  }

  // Readability's conditional cleaning: containers inside the article that
  // look like boilerplate.
  bool looks_like_boilerplate(const El& e) const {
    switch (e.tag) {
      case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
      case GUMBO_TAG_TABLE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGURE:
      case GUMBO_TAG_HEADER: case GUMBO_TAG_DL:
        break;
      default:
        return false;
    }
    if (e.body_marked) return false;
    int weight = class_weight(e);
    if (weight + (e.candidate ? e.score : 0) < 0) return true;
    if (e.commas >= 10) return false;
    bool list = e.tag == GUMBO_TAG_UL || e.tag == GUMBO_TAG_OL || e.tag == GUMBO_TAG_DL;
    double ld = link_density(e);
    double p = e.paras;
    double li = static_cast<double>(e.lis) - 100;
    double heading_density = e.chars == 0 ? 0.0 : static_cast<double>(e.heading_chars) / e.chars;
    if (e.imgs > 1 && p / e.imgs < 0.5) return true;
    if (!list && li > p) return true;
    if (e.inputs > p / 3) return true;
    if (!list && heading_density < 0.9 && e.chars < 25 && (e.imgs == 0 || e.imgs > 2) && ld > 0)
      return true;
    if (weight < 25 && ld > 0.2) return true;
    if (weight >= 25 && ld > 0.5) return true;
    if ((e.embeds == 1 && e.chars < 75) || e.embeds > 1) return true;
    return false;
  }

  void emit(const GumboNode* n, Out& o, bool pre, int known = -1, int depth = 0) const {
    if (depth > kMaxDepth) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      o.add(n->v.text.text, pre);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    int idx = known;
    if (idx < 0) {
      auto it = index_.find(n);
      if (it == index_.end()) return;
      idx = it->second;
    }
    const El& e = els_[idx];
    if (e.removed) return;
    if (depth > 0 && flags_.clean_conditionally && looks_like_boilerplate(e)) return;
    GumboTag t = e.tag;
    if (t == GUMBO_TAG_H1) return;  // the headline is the title, not body text
    // A paragraph, heading or list item that is mostly a link points elsewhere
    // ("READ MORE: …", related headlines).
    if ((t == GUMBO_TAG_P || is_heading(t) || t == GUMBO_TAG_LI || t == GUMBO_TAG_DD) &&
        link_density(e) > kMaxBlockLinkDensity && e.link_chars >= 25)
      return;
    // The headline repeated as a heading or a lone paragraph is the title.
    if ((is_heading(t) || t == GUMBO_TAG_P || t == GUMBO_TAG_DIV) && !title_.empty() &&
        e.chars + 8 >= title_.size() / 2 &&
        e.chars <= title_.size() + 8 && html::iequals(html::text_of(n), title_))
      return;
    // A date line ("Nov. 19, 2019, 8:41 AM UTC") is metadata, not text; a
    // <time> inside a sentence stays.
    if (e.date_meta) {
      int b = e.parent;
      while (b >= 0 && !is_block(els_[b].tag)) b = els_[b].parent;
      if (b >= 0 && els_[b].inline_chars <= e.chars + 3) return;
    }
    // The page's tag list ("Tags: a, b, c").
    if (e.tag_links >= 2 && link_density(e) > 0.5) return;
    if (t == GUMBO_TAG_BR) {
      o.brk(2);
      return;
    }
    if (t == GUMBO_TAG_HR) {
      o.brk(3);
      return;
    }
    int before = 0;
    if (t == GUMBO_TAG_LI || t == GUMBO_TAG_TR || t == GUMBO_TAG_DT || t == GUMBO_TAG_DD)
      before = 2;
    else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)
      before = 1;
    else if (is_block(t))
      before = 3;
    else if (t == GUMBO_TAG_TIME)
      before = 1;  // before it only: two <time> side by side are two dates, not "6:03 pmNovember 8"
    o.brk(before);
    bool p2 = pre || t == GUMBO_TAG_PRE;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i)
      emit(static_cast<const GumboNode*>(ch.data[i]), o, p2, -1, depth + 1);
    if (t != GUMBO_TAG_TIME) o.brk(before);
  }

  const Hints& hints_;
  Flags flags_;
  std::vector<El> els_;
  std::unordered_map<const GumboNode*, int> index_;
  int body_ = -1;
  std::string_view title_;
};

// A short line with a digit that opens with a date label ("Published
// November 20th, 2019 - 07:50 GMT") or has one before a colon
// ("05/10/2018 - Publicado por: Clarissa Borba"): a dateline, not text.
bool date_label_line(std::string_view line, const std::vector<std::string>& labels) {
  if (line.size() > 150 || line.find_first_of("0123456789") == std::string_view::npos) return false;
  for (const std::string& label : labels) {
    for (std::size_t k = html::ifind(line, label); k != std::string_view::npos;
         k = html::ifind(line, label, k + 1)) {
      std::size_t end = k + label.size();
      bool word = (k == 0 || !std::isalnum(static_cast<unsigned char>(line[k - 1]))) &&
                  (end == line.size() || !std::isalnum(static_cast<unsigned char>(line[end])));
      if (!word) continue;
      if (k == 0) return true;
      // "Publicado por:", not the colon of a time ("updated at 5:45")
      std::size_t colon = line.find(':', end);
      if (colon == std::string_view::npos || colon - end > 5) continue;
      std::string_view between = line.substr(end, colon - end);
      if (between.find_first_of("0123456789") == std::string_view::npos) return true;
    }
  }
  return false;
}

// Removing lines can leave runs of blank lines and breaks at either end: at
// most one blank line in a row, none at the ends.
std::string tidy_breaks(const std::string& out) {
  std::string tidy;
  tidy.reserve(out.size());
  std::size_t newlines = 0;
  for (char c : out) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) tidy.push_back(c);
  }
  while (!tidy.empty() && tidy.back() == '\n') tidy.pop_back();
  std::size_t lead = tidy.find_first_not_of('\n');
  return lead == std::string::npos ? std::string() : tidy.substr(lead);
}

// The date line without the furniture its element holds after the date and
// time ("November 19, 2019 at 9:45 am Filed Under: health, virus", "… 4:00 PM
// Print this article"): the line up to its last number, and up to two short
// tokens after it ("pm ET", "a.m. (UTC)"). A line without a number is kept whole.
std::string date_line_proper(std::string_view line) {
  std::string t = html::trim(line);
  std::size_t last = t.find_last_of("0123456789");
  if (last == std::string::npos) return t;
  std::size_t end = t.find(' ', last);
  for (int k = 0; k < 2 && end != std::string::npos; ++k) {
    std::size_t next = t.find(' ', end + 1);
    std::size_t len = (next == std::string::npos ? t.size() : next) - end - 1;
    if (len == 0 || len > (t[end + 1] == '(' ? 5u : 4u)) break;
    end = next;
  }
  return end == std::string::npos ? t : html::trim(std::string_view(t).substr(0, end));
}

// Whether a visible date line's `day` is the publisher's local day of the
// metadata's UTC stamp: one day before it when the UTC hour is before noon
// (clocks behind UTC), one day after when it is from 10:00 on (clocks ahead).
bool local_line_day(const std::string& day, const html::PageMeta& meta) {
  if (meta.utc_hour < 0 || meta.dates.empty()) return false;
  int y = 0, m = 0, d = 0, y2 = 0, m2 = 0, d2 = 0;
  if (!parse_iso_date(day, y, m, d) || !parse_iso_date(meta.dates.front(), y2, m2, d2)) return false;
  long diff = cal::to_days({y, m, d}) - cal::to_days({y2, m2, d2});
  return (diff == -1 && meta.utc_hour < 12) || (diff == 1 && meta.utc_hour >= 10);
}

constexpr std::size_t kMaxOpenerLine = 200;  // a call to action is one short line

// Drops the lines of `text` that are page furniture: a whole line equal
// (case-insensitively, trailing ':' ignored) to a `line` hint, a short line
// that opens with a `lineopen` call to action ("Sign up for …", "Follow us on
// …"), or a dateline.
std::string drop_furniture_lines(const std::string& text, const std::vector<Hint>& lines,
                                 const std::vector<Hint>& openers, const std::vector<std::string>& date_labels,
                                 std::vector<std::string>& dropped) {
  if (lines.empty() && openers.empty() && date_labels.empty()) return text;
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t e = text.find('\n', i);
    if (e == std::string::npos) e = text.size();
    std::string_view line(text.data() + i, e - i);
    std::string_view core = line;
    while (!core.empty() && (core.back() == ':' || core.back() == ' ')) core.remove_suffix(1);
    bool furniture = false;
    if (!core.empty() && core.size() <= 48) {
      std::string folded = utf8::fold(core);
      // "5 hrs ago", "views: 321", "1 of 4": numbers compare as '#'
      std::string shape;
      for (std::size_t k = 0; k < folded.size(); ++k) {
        bool digit = std::isdigit(static_cast<unsigned char>(folded[k]));
        if (!digit) { shape.push_back(folded[k]); continue; }
        while (k + 1 < folded.size() && (std::isdigit(static_cast<unsigned char>(folded[k + 1])) ||
                                         ((folded[k + 1] == ',' || folded[k + 1] == '.') && k + 2 < folded.size() &&
                                          std::isdigit(static_cast<unsigned char>(folded[k + 2])))))
          ++k;
        shape.push_back('#');
      }
      for (const Hint& h : lines)
        if (folded == h.word || shape == h.word) furniture = true;
    }
    if (!furniture && !core.empty() && core.size() <= kMaxOpenerLine) {
      std::string folded = utf8::fold(core.substr(0, std::min<std::size_t>(core.size(), 40)));
      for (const Hint& h : openers)
        if (folded.starts_with(h.word) &&
            (folded.size() == h.word.size() || !std::isalnum(static_cast<unsigned char>(folded[h.word.size()]))))
          furniture = true;
    }
    if (!furniture) furniture = date_label_line(line, date_labels);
    if (!furniture) {
      out.append(line);
      if (e < text.size()) out.push_back('\n');
    } else {
      dropped.emplace_back(line);
    }
    i = e + 1;
  }
  return tidy_breaks(out);
}

// Whether `folded` (case-folded) opens with `word` followed by a word boundary.
bool opens_with_word(std::string_view folded, std::string_view word) {
  return folded.starts_with(word) &&
         (folded.size() == word.size() || !std::isalnum(static_cast<unsigned char>(folded[word.size()])) ||
          !std::isalnum(static_cast<unsigned char>(word.back())));
}

// Whether the case-folded `line` names a channel of the site: a `channel` word
// standing alone ("on Twitter", "our app") or a social handle ("@Gleaner", not
// the "@" of an e-mail address).
bool names_channel(std::string_view line, const std::vector<Hint>& channels) {
  auto boundary = [&](std::size_t k) { return k >= line.size() || !std::isalnum(static_cast<unsigned char>(line[k])); };
  for (std::size_t k = line.find('@'); k != std::string_view::npos; k = line.find('@', k + 1))
    if ((k == 0 || line[k - 1] == ' ') && !boundary(k + 1)) return true;
  for (const Hint& h : channels)
    for (std::size_t k = line.find(h.word); k != std::string_view::npos; k = line.find(h.word, k + 1))
      if ((k == 0 || boundary(k - 1)) && boundary(k + h.word.size())) return true;
  return false;
}

constexpr std::size_t kMaxTailLine = 400;  // a trailing call to action: two or three sentences

// Drops the page furniture a site sets after the last paragraph of the story
// when its footer shares the body's element: from the end, lines that open
// with a `tail` word (a letter's sign-off, "Best regards,") and lines that
// open with a `tailopen` call to action and name a `channel` ("Follow us on
// Twitter @Site", "Download our app for iOS and Android", "Read our ePaper"),
// and contact lines of one address ("jane.doe@example.com",
// "twitter.com/janedoe"). The story's own last line ("Follow the money.") names no channel and stays;
// credit lines ("© Reuters") are part of the story.
std::string drop_trailing_furniture(const std::string& text, const Hints& hints, std::vector<std::string>& dropped) {
  if (hints.roles[kTail].empty() && hints.roles[kTailOpen].empty()) return text;
  std::size_t end = text.size(), first = dropped.size();
  bool cut = false;
  while (end > 0) {
    std::size_t start = text.rfind('\n', end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    std::string_view line = lex::trim(std::string_view(text).substr(start, end - start));
    bool furniture = line.empty();
    std::string folded = line.size() <= kMaxTailLine ? utf8::fold(line) : std::string();
    // a contact line: one address alone ("jane.doe@example.com", "twitter.com/janedoe"),
    // not the story's last link ("http://example.com/report")
    if (!furniture && !folded.empty() && folded.find(' ') == std::string::npos &&
        (folded.find('@') != std::string::npos || names_channel(folded, hints.roles[kChannel])))
      furniture = true;
    if (!furniture && !folded.empty()) {
      for (const Hint& h : hints.roles[kTail]) furniture = furniture || opens_with_word(folded, h.word);
      if (!furniture && names_channel(folded, hints.roles[kChannel]))
        for (const Hint& h : hints.roles[kTailOpen]) furniture = furniture || opens_with_word(folded, h.word);
    }
    if (!furniture) break;
    if (!line.empty()) dropped.emplace_back(line), cut = true;
    end = start == 0 ? 0 : start - 1;
  }
  std::reverse(dropped.begin() + static_cast<std::ptrdiff_t>(first), dropped.end());  // in reading order
  return cut ? tidy_breaks(text.substr(0, end)) : text;
}

// Drops the excerpts of other posts that a page lists under its article: two
// long paragraphs or more (over 200 bytes) that end cut off ("… esperando mais
// à frente …", "[…]"). An article's own "…" ends a short lead-in line ("Here's
// what I want you to remember …").
std::string drop_teasers(const std::string& text) {
  auto cut_off = [](std::string_view line) {
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    return line.size() > 200 && (line.ends_with("\u2026") || line.ends_with("[\u2026]") || line.ends_with("[...]"));
  };
  std::size_t teasers = 0;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t e = std::min(text.find('\n', i), text.size());
    if (cut_off(std::string_view(text).substr(i, e - i))) ++teasers;
    i = e + 1;
  }
  if (teasers < 2) return text;
  std::string out;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t e = std::min(text.find('\n', i), text.size());
    std::string_view line = std::string_view(text).substr(i, e - i);
    if (!cut_off(line)) {
      out.append(line);
      if (e < text.size()) out.push_back('\n');
    }
    i = e + 1;
  }
  return tidy_breaks(out);
}

std::size_t text_chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

struct GumboDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

struct HtmlReader::Impl {
  Impl(Hints h, html::MetaHints mh, std::shared_ptr<const reader::DateLineReader> d)
      : hints(std::move(h)), meta_hints(std::move(mh)), dates(std::move(d)) {}
  Hints hints;
  html::MetaHints meta_hints;
  std::shared_ptr<const reader::DateLineReader> dates;  // visible date lines and URL paths (shared, Resources)
};

namespace {

struct LoadedHints {
  Hints hints;
  html::MetaHints meta;
};

LoadedHints load_hints(const Resources& res) {
  LoadedHints out;
  Hints& hints = out.hints;
  html::MetaHints& meta = out.meta;
  for (const LexiconRow& row :
       res.lexicon("lexicon/html-hints.tsv", "html-hints", 3)) {
    const auto& f = row.fields;
    unsigned role = kRoleCount;
    for (unsigned r = 0; r < kRoleCount; ++r)
      if (f[0] == kRoleNames[r]) role = r;
    Match m = f[1] == "token" ? Match::token : f[1] == "exact" ? Match::exact : Match::substr;
    if (role == kRoleCount || (f[1] != "substr" && f[1] != "token" && f[1] != "exact") ||
        f[2].empty())
      throw FormatError(res.data().file("lexicon/html-hints.tsv").string() + ":" +
                        std::to_string(row.line) + ": expected role, substr|token|exact, word");
    hints.roles[role].push_back({role == kLine || role == kLineOpen || role >= kTail ? utf8::fold(f[2]) : lower(f[2]), m});
    if (role == kByline) meta.byline.push_back(lower(f[2]));
    if (role == kByPrefix) meta.by_prefix.push_back(f[2]);
    if (role == kDateLabel) meta.date_labels.push_back(f[2]);
    if (role == kDateClass) meta.date_class.push_back(lower(f[2]));
    if (role == kStaff) meta.staff.push_back(utf8::fold(f[2]));
    if (role == kHeadline) meta.headline_class.push_back(lower(f[2]));
  }
  return out;
}

}  // namespace

HtmlReader::HtmlReader(const Resources& res) {
  LoadedHints h = load_hints(res);  // its own file first: a bad one is named before others load
  impl_ = std::make_unique<Impl>(std::move(h.hints), std::move(h.meta), res.date_lines());
}

HtmlReader::HtmlReader(const DataDir& data) : HtmlReader(Resources(data)) {}

HtmlReader::~HtmlReader() = default;
HtmlReader::HtmlReader(HtmlReader&&) noexcept = default;
HtmlReader& HtmlReader::operator=(HtmlReader&&) noexcept = default;

HtmlPage HtmlReader::read(std::string_view bytes, const HtmlOptions& options) const {
  if (bytes.size() > options.max_bytes)
    throw InputError(options.name + ": page is " + std::to_string(bytes.size()) +
                     " bytes, more than the limit of " + std::to_string(options.max_bytes));
  HtmlPage page;
  std::string utf8 = html::decode_page(bytes, options.name, page.charset, page.replaced_sequences);
  if (std::size_t nul = utf8.find('\0'); nul != std::string::npos)
    throw InputError(options.name + ": binary data (NUL byte in the decoded page at offset " +
                     std::to_string(nul) + "), not an HTML page");

  utf8 = html::drop_raw_text(utf8);
  if (std::size_t depth = html::nesting_estimate(utf8); depth > html::kMaxNesting)
    throw InputError(options.name + ": page nests elements about " + std::to_string(depth) +
                     " deep (more than " + std::to_string(html::kMaxNesting) +
                     "); refusing it as broken or hostile HTML");
  GumboOptions gopt = kGumboDefaultOptions;
  gopt.max_errors = 0;
  std::unique_ptr<GumboOutput, GumboDeleter> out(
      gumbo_parse_with_options(&gopt, utf8.data(), utf8.size()));
  if (!out) throw InputError(options.name + ": the HTML parser failed on this page");

  html::PageMeta meta = html::read_meta(out.get(), impl_->meta_hints);
  page.title = std::move(meta.title);
  page.authors = std::move(meta.authors);
  page.site_name = std::move(meta.site_name);
  page.url = std::move(meta.url);
  // Publication-date candidates, strongest first; the reader's chooser decides.
  std::vector<std::string> sources = meta.date_sources;
  for (const std::string& d : meta.dates) page.date_candidates.push_back({d, Origin::metadata});
  std::size_t from = 0;
  bool local_checked = false;
  while (from < meta.date_lines.size()) {
    std::size_t e = meta.date_lines.find('\n', from);
    if (e == std::string::npos) e = meta.date_lines.size();
    std::string_view line = std::string_view(meta.date_lines).substr(from, e - from);
    from = e + 1;
    auto d = impl_->dates->read(line);
    if (!d) continue;
    std::string day = cal::format_day(*d);
    // "May 3, 2021 10:30 PM EDT" under the headline, "2021-05-04T02:30:00Z" in
    // the metadata: the same instant, and the day the publisher's readers saw
    // (the first date line decides; it does not join the text's header)
    if (!page.date_line && !local_checked) {
      local_checked = true;
      if (local_line_day(day, meta)) page.date_candidates.front().day = day;
    }
    // The line under the headline states the day the metadata gives (or the only one there is).
    if (!page.date_line && (meta.dates.empty() || meta.dates.front() == day)) page.date_line = date_line_proper(line);
    if (sources.size() == page.date_candidates.size()) {
      page.date_candidates.push_back({day, Origin::text});
      sources.push_back("text");
    }
  }
  if (page.url)
    if (auto d = impl_->dates->read_url(*page.url)) {
      page.date_candidates.push_back({cal::format_day(*d), Origin::url});
      sources.push_back("url");
    }
  {
    Document chooser;
    chooser.date_candidates = page.date_candidates;
    choose_publication_date(chooser);
    page.date = chooser.date;
    for (std::size_t k = 0; k < page.date_candidates.size() && page.date; ++k)
      if (page.date_candidates[k].day == *page.date && page.date_candidates[k].origin == chooser.date_origin) {
        page.date_source = sources[k];
        break;
      }
  }
  if (!meta.byline.empty()) page.byline = date_line_proper(meta.byline);  // "By Ana Ruiz May 3, 2021 Shares"
  page.language = std::move(meta.language);

  // Readability's retry ladder: fewer removals when too little text survives.
  const Flags ladder[] = {{true, true, true}, {false, true, true}, {false, false, true},
                          {false, false, false}};
  std::string best;
  std::vector<std::string> best_dropped;
  for (const Flags& f : ladder) {
    Page p(out.get(), impl_->hints, f);
    std::vector<std::string> dropped;
    std::string text = drop_teasers(drop_furniture_lines(p.extract(page.title.value_or("")), impl_->hints.roles[kLine],
                                                          impl_->hints.roles[kLineOpen], impl_->meta_hints.date_labels,
                                                          dropped));
    text = drop_trailing_furniture(text, impl_->hints, dropped);
    // A relaxed pass must find much more, not just the boilerplate it let in.
    std::size_t have = text_chars(best), got = text_chars(text);
    if (&f == ladder || got > std::max(2 * have, have + 200)) {
      best = std::move(text);
      best_dropped = std::move(dropped);
    }
    if (text_chars(best) >= 250) break;
  }
  // schema.org articleBody when the page's markup hid most of the article.
  if (text_chars(meta.article_body) >= 500 && text_chars(best) * 2 < text_chars(meta.article_body))
    best = html::trim(meta.article_body), best_dropped.clear();
  page.text = std::move(best);
  page.furniture = std::move(best_dropped);
  if (page.authors.empty()) page.authors = html::authors_in_text(page.text, page.site_name.value_or(""), impl_->meta_hints);
  return page;
}

Document HtmlReader::read_document(std::string_view bytes, const HtmlOptions& options) const {
  HtmlPage page = read(bytes, options);
  Document doc;
  doc.id = options.name;
  // The article as a reader sees it: headline, byline and date line, story.
  if (page.title && !page.text.empty()) {
    doc.text = *page.title;
    doc.title_span = Span{0, doc.text.size()};
    std::string header;
    // Each once: a date line that repeats the byline ("by Regan December 6, 2017") stands for both.
    if (page.byline && page.text.find(*page.byline) == std::string::npos &&
        !(page.date_line && page.date_line->find(*page.byline) != std::string::npos))
      header = *page.byline;
    if (page.date_line && header.find(*page.date_line) == std::string::npos &&
        page.text.find(*page.date_line) == std::string::npos)
      header += (header.empty() ? "" : "\n") + *page.date_line;
    if (!header.empty()) doc.text += "\n\n" + header;
    doc.text += "\n\n";
    doc.body = Span{doc.text.size(), doc.text.size() + page.text.size()};
    doc.text += page.text;
  } else {
    doc.text = std::move(page.text);
    doc.body = Span{0, doc.text.size()};
  }
  doc.url = std::move(page.url);
  doc.title = std::move(page.title);
  doc.authors = std::move(page.authors);
  doc.furniture = std::move(page.furniture);
  // A date line dropped from the story may head the text again: then it is no furniture.
  std::erase_if(doc.furniture, [&](const std::string& f) { return doc.text.find(f) != std::string::npos; });
  doc.site_name = std::move(page.site_name);
  doc.language = std::move(page.language);
  doc.date_candidates = std::move(page.date_candidates);
  choose_publication_date(doc);
  doc.replaced_sequences = page.replaced_sequences;
  doc.format = "html";
  return doc;
}

Document read_html_document(std::string_view bytes, const std::string& id, const ReadOptions& opt) {
  HtmlOptions ho;
  ho.name = id;
  ho.max_bytes = opt.max_bytes;
  if (!opt.html)
    throw UsageError(id + ": an HTML page, and no HTML reader to read it (set ReadOptions::html, e.g. to "
                          "Resources::html_reader())");
  return opt.html->read_document(bytes, ho);
}

}  // namespace newsan
