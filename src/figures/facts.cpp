// Figures as facts: what a figure counts, what happened to it, who did it and
// whether it happened, read from the dependency parse of its sentence.
//
// The parse is what tells "The rebels freed 27 hostages" (27 is the object of
// "freed") from "the rate held at 5%" (an oblique, nothing was held) and
// "free kicks" (a modifier). Parsing costs far more than scanning, so only a
// sentence where an event word (figures-events-en.tsv) stands within a few
// tokens of a figure is parsed; there the parse decides, and a figure the
// parse links to no predicate has no event (never invent). Elsewhere the
// scanner's reading of the nearby words stands.
#include <algorithm>
#include <cstdlib>

#include "figures/internal.h"
#include "util/lexicon.h"

namespace newsan::figures {
namespace {

// How far (in tokens) an event word may stand from a figure for its sentence to be parsed.
constexpr std::size_t kTriggerWindow = 5;

bool is(std::string_view deprel, std::string_view base) {
  return deprel == base || (deprel.size() > base.size() && deprel.substr(0, base.size()) == base &&
                            deprel[base.size()] == ':');
}

bool nominal(Upos u) { return u == Upos::NOUN || u == Upos::PROPN || u == Upos::PRON || u == Upos::NUM || u == Upos::SYM; }

class SentenceFacts {
 public:
  SentenceFacts(const Lexicon& lx, std::string_view text, const Tokenized& tokens, const ParsedSentence& ps)
      : lx_(lx), text_(text), tokens_(tokens), ps_(ps), children_(ps.words.size()) {
    for (std::size_t i = 0; i < ps.words.size(); ++i)
      if (ps.words[i].head >= 0) children_[static_cast<std::size_t>(ps.words[i].head)].push_back(static_cast<int>(i));
  }

  void read(Figure& f) const;

 private:
  const SyntaxWord& w(int i) const { return ps_.words[static_cast<std::size_t>(i)]; }
  std::string_view form(int i) const { return tokens_.tokens[ps_.token(static_cast<std::size_t>(i))].text(text_); }
  Span span(int i) const { return tokens_.tokens[ps_.token(static_cast<std::size_t>(i))].span; }
  std::uint8_t pred_roles(std::string_view lemma) const {
    char buf[32];
    std::string spill;
    auto it = lx_.predicates.find(lex::fold_short(lemma, buf, spill));
    return it == lx_.predicates.end() ? 0 : it->second;
  }
  const EventWord* event_word(int i) const {
    char buf[32];
    std::string spill;
    const WordInfo* info = lx_.info(lex::fold_short(form(i), buf, spill));
    return info && info->event && !info->event->lemma.empty() ? info->event : nullptr;
  }
  // The child of `i` with relation `rel` (subtypes included), or -1.
  int child(int i, std::string_view rel) const {
    for (int c : children_[static_cast<std::size_t>(i)])
      if (is(w(c).deprel, rel)) return c;
    return -1;
  }
  bool has_case(int i, std::string_view word) const {
    for (int c : children_[static_cast<std::size_t>(i)])
      if (w(c).deprel == "case" && lex::iequals(form(c), word)) return true;
    return false;
  }
  // The participle completing `verb` that states what its subject is left in:
  // "remain imprisoned", "were still held"; -1 when none.
  int state_of(int verb) const {
    int c = child(verb, "xcomp");
    return c >= 0 && w(c).xpos == "VBN" && event_word(c) ? c : -1;
  }
  // The head word of the figure's words [first, last): the one whose head lies outside.
  int figure_head(int first, int last) const;
  std::string counted_of(int head, const Figure& f, int& noun) const;
  Modality modality(int pred, int noun) const;
  void agent(Figure& f, int pred, bool passive) const;

  const Lexicon& lx_;
  std::string_view text_;
  const Tokenized& tokens_;
  const ParsedSentence& ps_;
  std::vector<std::vector<int>> children_;
};

int SentenceFacts::figure_head(int first, int last) const {
  int best = -1;
  for (int i = first; i < last; ++i) {
    int h = w(i).head;
    if ((h < first || h >= last) && w(i).upos != Upos::PUNCT) {
      // The number's head noun may lie inside the span ("6.5 percent" -> "percent").
      if (best < 0 || nominal(w(i).upos)) best = i;
    }
  }
  return best;
}

// What the figure counts or is of: the noun a number modifies ("131 prisoners"),
// the noun an amount or a percentage describes ("a $40-million stadium"), or
// the "of" phrase after it ("1,800 of the detainees", "18% of exports").
// `noun` becomes the word that stands for the figure in the clause.
std::string SentenceFacts::counted_of(int head, const Figure& f, int& noun) const {
  noun = head;
  int h = w(head).head;
  std::string_view rel = w(head).deprel;
  bool amount = f.kind == "money" || f.kind == "percent" || f.kind == "measure";
  if (h >= 0 && (w(h).upos == Upos::NOUN) &&
      (is(rel, "nummod") || (amount && (is(rel, "compound") || is(rel, "amod") || rel == "nmod:npmod")))) {
    noun = h;
    return lex::ascii_lower(form(h));
  }
  for (int c : children_[static_cast<std::size_t>(head)])
    if (is(w(c).deprel, "nmod") && w(c).upos == Upos::NOUN && has_case(c, "of")) return lex::ascii_lower(form(c));
  return {};
}

Modality SentenceFacts::modality(int pred, int noun) const {
  auto denied = [&](int i) {
    for (int c : children_[static_cast<std::size_t>(i)])
      if ((w(c).deprel == "advmod" || w(c).deprel == "det" || w(c).deprel == "neg") && pred_roles(w(c).lemma) & pred::negation)
        return true;
    return false;
  };
  if (denied(pred) || denied(noun)) return Modality::negated;
  for (int i = pred, steps = 0; i >= 0 && steps < 3; i = w(i).head, ++steps) {
    for (int c : children_[static_cast<std::size_t>(i)])
      if (is(w(c).deprel, "aux") && pred_roles(w(c).lemma) & pred::expected_aux) return Modality::expected;
    // "plans to release", "is set to free": the predicate is the complement of a verb of intent.
    if (steps > 0 && pred_roles(w(i).lemma) & pred::expected_head) return Modality::expected;
    if (w(i).deprel != "xcomp" && w(i).deprel != "ccomp" && w(i).deprel != "acl") break;
  }
  return Modality::happened;
}

// The subject of an active predicate (or of the verb it completes: "Venezuela
// plans to release"), or the "by" phrase of a passive one. Pronouns name nobody.
void SentenceFacts::agent(Figure& f, int pred, bool passive) const {
  int a = -1;
  if (passive) {
    a = child(pred, "obl:agent");
    if (a < 0)
      for (int c : children_[static_cast<std::size_t>(pred)])
        if (is(w(c).deprel, "obl") && has_case(c, "by")) a = c;
  } else {
    for (int i = pred, steps = 0; i >= 0 && a < 0 && steps < 3; i = w(i).head, ++steps) {
      int s = child(i, "nsubj");
      if (s >= 0 && !is(w(s).deprel, "nsubj:pass")) a = s;
      if (w(i).deprel != "xcomp") break;
    }
  }
  if (a < 0 || (w(a).upos != Upos::PROPN && w(a).upos != Upos::NOUN)) return;
  // The name: the head with its compound and flat parts next to it.
  int lo = a, hi = a;
  for (bool grew = true; grew;) {
    grew = false;
    for (int c : children_[static_cast<std::size_t>(a)]) {
      std::string_view r = w(c).deprel;
      if (!(is(r, "compound") || is(r, "flat"))) continue;
      if (c == lo - 1) lo = c, grew = true;
      if (c == hi + 1) hi = c, grew = true;
    }
  }
  Span s{span(lo).start, span(hi).end};
  f.agent_span = s;
  f.agent = std::string(s.in(text_));
}

void SentenceFacts::read(Figure& f) const {
  // The figure's words in this sentence.
  int first = -1, last = -1;
  for (std::size_t i = 0; i < ps_.words.size(); ++i) {
    Span s = span(static_cast<int>(i));
    if (s.end <= f.span.start || s.start >= f.span.end) continue;
    if (first < 0) first = static_cast<int>(i);
    last = static_cast<int>(i) + 1;
  }
  if (first < 0) return;
  int head = figure_head(first, last);
  if (head < 0) return;
  int noun = head;
  std::string counted = counted_of(head, f, noun);
  if (f.counted.empty() && !counted.empty()) f.counted = std::move(counted);

  // The parse decides the event: what happened to the figure's noun, or nothing.
  f.event.clear();
  f.event_span.reset();
  f.event_class = EventClass::none;
  f.modality = Modality::none;
  if (f.kind == "duration" || f.kind == "age" || f.kind == "score") return;
  int pred = -1;
  bool passive = false;
  std::string_view rel = w(noun).deprel;
  int h = w(noun).head;
  // The predicate the noun is an argument of.
  if (h >= 0 && w(h).upos == Upos::VERB) {
    // The form too: a lemma the model got wrong ("fled" -> "fle") still names the verb.
    std::uint8_t roles = pred_roles(w(h).lemma) | lx_.predicate_of_form(lex::ascii_lower(form(h)));
    const EventWord* ev = event_word(h);
    // An oblique with no preposition is an object the parser misread
    // ("released over 130 prisoners") or a measure of change ("fell 2 percent");
    // a "preposition" inside the figure is its qualifier ("over 130"), not one.
    const int case_word = child(noun, "case");
    bool bare_obl = is(rel, "obl") && (case_word < 0 || (case_word >= first && case_word < last));
    if (is(rel, "obj") || rel == "nsubj:pass" || bare_obl) {
      pred = h;
      passive = rel == "nsubj:pass";
    } else if (rel == "nsubj" && roles & pred::unaccusative) {
      pred = h;
      passive = true;  // what happened to the subject: no agent among its dependents
    } else if (rel == "nsubj" && w(h).xpos == "VBN" && ev && ev->cls != EventClass::other) {
      // A passive whose auxiliary the parser missed: "1,800 detainees remain held".
      pred = h;
      passive = true;
    } else if (rel == "nsubj") {
      // The state the subject is left in: "1,800 detainees remain imprisoned".
      pred = state_of(h);
      passive = true;
    } else if (is(rel, "obl") && (has_case(noun, "by") || has_case(noun, "to"))) {
      // A change by or to an amount: "cut by $110 million", "raised to $8.25".
      if (ev && ev->dir != Direction::none) pred = h;
    }
    if (pred == h && roles & pred::no_action && !ev) pred = -1;
  }
  if (pred < 0 && h >= 0 && w(h).upos == Upos::NOUN && is(rel, "nmod") && has_case(noun, "of")) {
    // A nominalization: "the release of 131 prisoners", "the arrest of 2,000 people".
    const EventWord* ev = event_word(h);
    if (ev && ev->cls != EventClass::other) {
      pred = h;
      passive = true;
    }
  }
  // A participle or adjective of a class of its own on the noun: "two injured
  // workers", "the four miners killed", "the remaining 1,800 detainees",
  // "1,800 detainees remain imprisoned".
  int mod = -1;
  for (int c : children_[static_cast<std::size_t>(noun)]) {
    std::string_view r = w(c).deprel;
    const EventWord* ev = event_word(c);
    bool classed = ev && ev->cls != EventClass::other;
    bool participle = w(c).xpos == "VBN" || w(c).xpos == "VBG" ||
                      (w(c).upos == Upos::ADJ && form(c).size() > 3 && form(c).substr(form(c).size() - 2) == "ed");
    if (is(r, "amod") && participle && classed) mod = c;
    else if (r == "acl" && w(c).upos == Upos::VERB && classed) mod = c;
    else if (r == "acl" || r == "xcomp") mod = state_of(c);
    if (mod >= 0) break;
  }
  // The clause's own predicate wins when it has a class of its own ("released over
  // 130 prisoners detained after the vote"); else the modifier's.
  if (mod >= 0) {
    const EventWord* ev = pred >= 0 ? event_word(pred) : nullptr;
    if (!(ev && ev->cls != EventClass::other && event_fits(ev->cls, f.kind))) {
      pred = mod;
      passive = true;
    }
  }
  // Last, a relative clause: "prisoners who were detained", "detainees who remain jailed".
  if (pred < 0)
    for (int c : children_[static_cast<std::size_t>(noun)]) {
      if (w(c).deprel != "acl:relcl") continue;
      const EventWord* ev = event_word(c);
      if (w(c).xpos == "VBN" && ev && ev->cls != EventClass::other) pred = c;
      else pred = state_of(c);
      if (pred >= 0) {
        passive = true;
        break;
      }
    }
  if (pred < 0) return;
  const EventWord* ev = event_word(pred);
  if (ev && event_fits(ev->cls, f.kind)) {
    f.event = ev->lemma;
    f.event_class = ev->cls;
  } else {
    f.event = w(pred).lemma;
    f.event_class = EventClass::other;
  }
  f.event_span = span(pred);
  f.modality = modality(pred, noun);
  agent(f, pred, passive);
}

}  // namespace

void read_facts(const Lexicon& lx, std::string_view text, const Tokenized& tokens, DocumentSyntax& syntax,
                std::vector<Figure>& figures) {
  if (!syntax.available()) return;
  char buf[32];
  std::string spill;
  std::size_t i = 0;
  while (i < figures.size()) {
    std::size_t sent = figures[i].sentence;
    std::size_t j = i;
    while (j < figures.size() && figures[j].sentence == sent) ++j;
    // Parse only when an event word stands near one of the sentence's figures.
    const Sentence& s = tokens.sentences[sent];
    bool trigger = false;
    for (std::size_t k = i; k < j && !trigger; ++k) {
      auto first = std::lower_bound(tokens.tokens.begin() + s.first, tokens.tokens.begin() + s.last, figures[k].span.start,
                                    [](const Token& t, std::size_t at) { return t.span.end <= at; });
      std::size_t t = static_cast<std::size_t>(first - tokens.tokens.begin());
      std::size_t lo = t > s.first + kTriggerWindow ? t - kTriggerWindow : s.first;
      std::size_t hi = std::min(s.last, t + kTriggerWindow + 1);
      for (std::size_t m = lo; m < hi && !trigger; ++m) {
        const Token& tok = tokens.tokens[m];
        if (tok.kind != TokenKind::word) continue;
        const WordInfo* info = lx.info(lex::fold_short(tok.text(text), buf, spill));
        // Only an event of a class that can happen to this figure (people to counts, seizures
        // to amounts) pays for a parse; OTHER words ("rose", "paid") are too common.
        trigger = info && info->event && !info->event->lemma.empty() && info->event->cls != EventClass::other &&
                  event_fits(info->event->cls, figures[k].kind);
      }
    }
    if (!trigger && std::getenv("NEWSAN_TAG_ALL")) (void)syntax.tags(sent);
    if (trigger || std::getenv("NEWSAN_PARSE_ALL")) {
      SentenceFacts facts(lx, text, tokens, syntax.sentence(sent));
      for (std::size_t k = i; k < j; ++k) facts.read(figures[k]);
    }
    i = j;
  }
}

void custody_of_people(const Lexicon& lx, std::vector<Figure>& figures) {
  for (Figure& f : figures) {
    if ((f.event_class != EventClass::release && f.event_class != EventClass::detain) || f.counted.empty()) continue;
    std::string_view c = f.counted;
    std::size_t sp = c.find_last_of(' ');
    std::string head = lex::ascii_lower(sp == std::string_view::npos ? c : c.substr(sp + 1));
    auto person = [&](std::string_view w) { return (lx.roles_of(w) & role::person) != 0; };
    bool people = person(head) || (head.size() > 3 && head.back() == 's' && person(std::string_view(head).substr(0, head.size() - 1)));
    if (!people) f.event_class = EventClass::other;
  }
}

void drop_pronoun_one(const Lexicon& lx, std::string_view text, const Tokenized& tokens, DocumentSyntax& syntax,
                      std::vector<Figure>& figures) {
  if (!syntax.available()) return;
  auto is_one = [&](const Figure& f) {
    std::string_view w = text.substr(f.span.start, f.span.end - f.span.start);
    return w.size() == 3 && (w[0] | 0x20) == 'o' && (w[1] | 0x20) == 'n' && (w[2] | 0x20) == 'e';
  };
  auto pronoun = [&](const Figure& f) {
    if (!is_one(f)) return false;
    // The tagger is asked only where the pronoun is likely: after a determiner ("the one",
    // "this one"), or before no noun (punctuation, "who", "is"); "one of" is a numeral.
    auto letter = [&](std::size_t at) { return at < text.size() && (text[at] | 0x20) >= 'a' && (text[at] | 0x20) <= 'z'; };
    std::size_t k = f.span.end;
    while (k < text.size() && text[k] == ' ') ++k;
    std::size_t e = k;
    while (letter(e)) ++e;
    std::uint64_t next = e > k ? lx.roles_of(lex::ascii_lower(text.substr(k, e - k))) : 0;
    // "one of the flights", "one of Africa's states": the partitive pronoun (news-facts
    // guidelines), unless a number follows to count the whole ("one of 12 survivors",
    // "one of the 40 seats").
    if (next & role::of) {
      std::size_t m = e;
      for (int words = 0; words < 2; ++words) {
        while (m < text.size() && text[m] == ' ') ++m;
        if (m < text.size() && text[m] >= '0' && text[m] <= '9') return false;
        std::size_t n = m;
        while (letter(n)) ++n;
        if (n == m || !(lx.roles_of(lex::ascii_lower(text.substr(m, n - m))) & role::det)) break;
        m = n;
      }
      return true;
    }
    std::size_t b = f.span.start;
    while (b > 0 && text[b - 1] == ' ') --b;
    std::size_t a = b;
    while (a > 0 && letter(a - 1)) --a;
    std::uint64_t prev = a < b ? lx.roles_of(lex::ascii_lower(text.substr(a, b - a))) : 0;
    bool noun_next = e > k && text[k] >= 'a' && text[k] <= 'z' && !(next & (role::np_stop | role::aux));
    if (!(prev & role::det) && noun_next) return false;
    const ParsedSentence& s = syntax.tags(f.sentence);
    for (std::size_t w = 0; w < s.words.size(); ++w)
      if (tokens.tokens[s.token(w)].span.start == f.span.start)
        return s.words[w].upos == Upos::PRON || s.words[w].upos == Upos::NOUN;
    return false;
  };
  figures.erase(std::remove_if(figures.begin(), figures.end(), pronoun), figures.end());
}

}  // namespace newsan::figures
