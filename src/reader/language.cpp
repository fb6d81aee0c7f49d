// reader/language.cpp — language identification by script and function words.
//
// Why function words: the dozen commonest words of a language make up a
// third of its running text and differ between languages, so a few hundred
// words of news decide it; a character n-gram model would need training data
// and a file to load for no gain on article-length texts.
#include "newsan/language.h"

#include <algorithm>
#include <array>
#include <bit>
#include <string>
#include <cstdint>
#include <iterator>
#include <unordered_map>
#include <vector>

#include "util/lexicon.h"
#include "util/utf8.h"

namespace newsan {
namespace {

struct Profile {
  const char* code;
  const char* name;
  const char* words;  // space-separated, lowercase
};

// The commonest function words of each language (from general knowledge of
// the languages, not from any evaluation text). Words shared by several
// languages are listed in each: the margin rule below settles them.
constexpr Profile kProfiles[] = {
    {"en", "English",
     "the and of to in is that was for with said on it he his by at from have has are were which this be not but "
     "they their an who would been will its after had she her also more than"},
    {"es", "Spanish",
     "el la los las del que y en por con para una se es su al como más pero fue dijo este esta sus han ha lo "
     "también entre sobre sin muy hasta desde"},
    {"fr", "French",
     "le la les des du et est une pour dans qui que pas sur au aux avec ce il sont ont été mais plus cette par "
     "ne elle leur selon être"},
    {"de", "German",
     "der die das und ist nicht mit den dem ein eine zu von sich auf für im auch es wird wurde sie bei nach "
     "aus dass sind hat einen einer noch"},
    {"it", "Italian",
     "il di che e la della del per non un una sono è nel alla gli le con ha anche dei delle si più essere "
     "stato questo come"},
    {"pt", "Portuguese",
     "o os da do das dos que e em para com não uma um é no na ao se foi mais pelo pela são disse também "
     "como seu sua"},
    {"nl", "Dutch",
     "de het een en van is dat niet op te zijn met voor ook die aan er maar om werd bij naar hij wordt "
     "heeft zijn"},
    {"sv", "Swedish",
     "och att det som en är av för på med till den har inte om ett var de men från säger eller efter"},
    {"pl", "Polish",
     "i w na nie się z do że to jest o jak ale po od przez dla już są został także jego"},
    {"tr", "Turkish",
     "ve bir bu için ile olarak çok daha gibi olan ama sonra kadar değil ise veya"},
    {"ru", "Russian",
     "и в не на что с по это как он из для а к о был его она от года также было который при"},
    {"uk", "Ukrainian",
     "і в на що не з та у до як це від за його був також року які є"},
    {"bg", "Bulgarian",
     "и на в за да се от че с е не по са това като към които му ще"},
};

// Languages named by their script alone, and the names of those codes.
constexpr std::pair<const char*, const char*> kScriptNames[] = {
    {"el", "Greek"}, {"he", "Hebrew"}, {"ar", "Arabic"},   {"fa", "Persian"}, {"ur", "Urdu"},
    {"hi", "Hindi"}, {"th", "Thai"},   {"ko", "Korean"},   {"ja", "Japanese"}, {"zh", "Chinese"},
    {"ka", "Georgian"}, {"hy", "Armenian"},
};

enum Script { latin, cyrillic, greek, hebrew, arabic, devanagari, thai, hangul, kana, han, georgian, armenian, other, kScripts };

Script script_of(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? latin : other;
  if (c < 0x250) return latin;
  if (c >= 0x370 && c < 0x400) return greek;
  if (c >= 0x400 && c < 0x530) return cyrillic;
  if (c >= 0x530 && c < 0x590) return armenian;
  if (c >= 0x590 && c < 0x600) return hebrew;
  if ((c >= 0x600 && c < 0x700) || (c >= 0xFB50 && c < 0xFE00)) return arabic;
  if (c >= 0x900 && c < 0x980) return devanagari;
  if (c >= 0xE00 && c < 0xE80) return thai;
  if (c >= 0x10A0 && c < 0x1100) return georgian;
  if ((c >= 0x1100 && c < 0x1200) || (c >= 0xAC00 && c < 0xD7B0) || (c >= 0x3130 && c < 0x3190)) return hangul;
  if (c >= 0x3040 && c < 0x3100) return kana;
  if ((c >= 0x4E00 && c < 0xA000) || (c >= 0x3400 && c < 0x4DC0)) return han;
  if (c >= 0x1E00 && c < 0x1F00) return latin;
  return other;
}

// One lookup per word: word → bit set of the profiles that list it, in the
// project's flat word table (identify_language runs on every document).
struct Tables {
  lex::WordTable<std::uint32_t> words;
  Tables() {
    static_assert(std::size(kProfiles) <= 32);
    std::unordered_map<std::string_view, std::uint32_t> sets;
    for (std::size_t k = 0; k < std::size(kProfiles); ++k) {
      std::string_view w = kProfiles[k].words;
      while (!w.empty()) {
        std::size_t sp = w.find(' ');
        std::string_view one = w.substr(0, sp);
        if (!one.empty()) sets[one] |= std::uint32_t(1) << k;
        if (sp == std::string_view::npos) break;
        w.remove_prefix(sp + 1);
      }
    }
    words.build(sets);
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

// Persian and Urdu write Arabic script with letters Arabic lacks.
const char* arabic_script_language(std::string_view text) {
  std::size_t fa = 0, ur = 0, len = 0;
  for (std::size_t i = 0; i < text.size(); i += len) {
    char32_t c = utf8::decode(text, i, len);
    if (c == 0x67E || c == 0x686 || c == 0x698 || c == 0x6AF || c == 0x6CC) ++fa;  // پ چ ژ گ ی
    if (c == 0x6D2 || c == 0x679 || c == 0x688 || c == 0x691 || c == 0x6BA) ++ur;  // ے ٹ ڈ ڑ ں
  }
  if (ur >= 3) return "ur";
  if (fa >= 3) return "fa";
  return "ar";
}

}  // namespace

std::optional<std::string> identify_language(std::string_view text) {
  constexpr std::size_t kScan = 6000;  // some 1,000 words: plenty, and cheap beside the pipeline
  if (text.size() > kScan) {
    std::size_t cut = kScan;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    text = text.substr(0, cut);
  }
  std::array<std::size_t, kScripts> letters{};
  const Tables& t = tables();
  std::array<std::size_t, std::size(kProfiles)> hits{};
  std::size_t words = 0;
  // A word is a run of letters and marks, so it is always a slice of text: no copy
  // unless it needs Unicode folding.
  std::size_t word_start = 0, word_end = 0;
  bool word_ascii = true;
  std::string folded;
  auto finish_word = [&] {
    if (word_end == word_start) return;
    ++words;
    std::string_view word = text.substr(word_start, word_end - word_start);
    word_start = word_end;
    const std::uint32_t* sets = nullptr;
    if (word_ascii) {
      // ASCII keeps its length when lowercased: a longer word is no listed word
      char buf[32];
      if (word.size() > t.words.max_key() || word.size() > sizeof buf) return;
      std::uint64_t h = lex::kFnvBasis;
      for (std::size_t i = 0; i < word.size(); ++i) {
        buf[i] = lex::ascii_lower(word[i]);
        h = lex::fnv_step(h, buf[i]);
      }
      sets = t.words.find({buf, word.size()}, h);
    } else {
      word_ascii = true;
      folded = utf8::fold(word);
      sets = t.words.find(folded);
    }
    if (sets)
      for (std::uint32_t m = *sets; m != 0; m &= m - 1) ++hits[static_cast<std::size_t>(std::countr_zero(m))];
  };
  std::size_t len = 0;
  for (std::size_t i = 0; i < text.size(); i += len) {
    if (unsigned char b = static_cast<unsigned char>(text[i]); b < 0x80) {  // ASCII: no decode, no table
      len = 1;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {  // a run of ASCII letters in one go
        std::size_t j = i + 1;
        while (j < text.size() && ((static_cast<unsigned char>(text[j]) | 0x20) >= 'a' &&
                                   (static_cast<unsigned char>(text[j]) | 0x20) <= 'z'))
          ++j;
        letters[latin] += j - i;
        if (word_end != i) word_start = i;  // a new word
        word_end = j;
        len = j - i;
      } else {
        finish_word();
      }
      continue;
    }
    char32_t c = utf8::decode(text, i, len);
    if (len == 0) len = 1;
    if (utf8::is_letter(c) || utf8::is_mark(c)) {
      Script s = script_of(c);
      ++letters[s];
      if (word_end != i) word_start = i;
      word_end = i + len;
      word_ascii = false;
    } else {
      finish_word();
    }
  }
  finish_word();

  std::size_t total = 0;
  for (std::size_t s = 0; s < kScripts; ++s) total += letters[s];
  if (total < 20) return std::nullopt;
  // A script only one language writes (Han with Kana is Japanese).
  std::size_t cjk = letters[han] + letters[kana];
  if (letters[kana] * 20 >= cjk && letters[kana] > 0 && cjk * 2 > total) return "ja";
  if (letters[han] * 2 > total) return "zh";
  const std::pair<Script, const char*> single[] = {{greek, "el"},  {hebrew, "he"},   {devanagari, "hi"}, {thai, "th"},
                                                    {hangul, "ko"}, {georgian, "ka"}, {armenian, "hy"}};
  for (auto [s, code] : single)
    if (letters[s] * 2 > total) return code;
  if (letters[arabic] * 2 > total) return arabic_script_language(text);
  if ((letters[latin] + letters[cyrillic]) * 2 <= total) return std::nullopt;

  std::size_t best = 0, second = 0, best_k = 0;
  for (std::size_t k = 0; k < hits.size(); ++k) {
    if (hits[k] > best) {
      second = best;
      best = hits[k];
      best_k = k;
    } else if (hits[k] > second) {
      second = hits[k];
    }
  }
  if (best < 3 || best * 12 < words || best * 2 < second * 3) return std::nullopt;
  return kProfiles[best_k].code;
}

std::string language_name(std::string_view code) {
  for (const Profile& p : kProfiles)
    if (code == p.code) return p.name;
  for (auto [c, name] : kScriptNames)
    if (code == c) return name;
  return std::string(code);
}

std::string primary_language(std::string_view tag) {
  std::string out(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? char(c + 32) : c;
  return out;
}

}  // namespace newsan
