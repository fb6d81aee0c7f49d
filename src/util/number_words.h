// util/number_words.h — English number words and the ONE spelled-number reader
// shared by the figure and date extractors.
//
//   NumberWords nw = NumberWords::load(data);        // data/lexicon/numbers-en.tsv
//   SpelledNumber n;
//   for (word : {"one", "hundred", "thirty", "one"}) if (!n.take(*nw.find(word))) break;
//   n.value();                                          // 131
//
// The table says what each word is (a cardinal part, a scale, a fraction's
// denominator, an ordinal, an article, a vague count); the reader says how the
// cardinal parts combine. What is around the number (hyphens, "and", "a",
// fractions, "out of") is the caller's: each extractor reads its own context.
//
// Thread safety: a loaded NumberWords is immutable and shared read-only; a
// SpelledNumber is a small value owned by one caller.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "newsan/resources.h"
#include "util/lexicon.h"

namespace newsan {

// The class of a word as a part of a spelled-out number. The order matters:
// digit < teen < tens are the parts below a hundred.
enum class NumberClass : std::uint8_t {
  digit, teen, tens, hundred, scale, suffix, dozen, fraction, plural, couple, none
};

struct NumberWord {
  NumberClass cls = NumberClass::none;  // none: not a numeral part (an ordinal, an article …)
  double value = 0;                     // the value for `cls` (a fraction: its denominator)
  int ordinal = 0;                      // "third" -> 3, else 0
  bool article = false;                 // "a", "an"
  bool vague = false;                   // "several", "few": a count not given
  // A part of a cardinal: digit, teen, tens, hundred, scale, dozen.
  bool cardinal_part() const {
    return cls <= NumberClass::scale || cls == NumberClass::dozen;
  }
};

class NumberWords {
 public:
  // Loads lexicon/numbers-en.tsv (kind `numbers`); throws FormatError naming the
  // file and line on an unknown class, a bad value, or a word given two classes.
  static NumberWords load(const DataDir& data);
  // The entry of an ASCII-lowercased word, or null.
  const NumberWord* find(std::string_view lower) const {
    auto it = words_.find(lower);
    return it == words_.end() ? nullptr : &it->second;
  }
  template <class F>
  void for_each(F f) const {
    for (const auto& [w, n] : words_) f(std::string_view(w), n);
  }

 private:
  lex::StringMap<NumberWord> words_;
};

// Reads a spelled-out cardinal one word at a time: "one hundred thirty one",
// "two million five hundred thousand", "forty five", "two dozen". take()
// refuses a word that cannot continue the number read so far ("three four",
// "twenty thirty", a scale before any count) and then leaves the reader as it
// was: the number ended before that word.
class SpelledNumber {
 public:
  // Starts with an implicit one: "a hundred", "a million", "a dozen".
  void start_with_one() {
    cur_ = 1;
    any_ = true;
    last_ = NumberClass::digit;
  }
  bool take(const NumberWord& w) {
    switch (w.cls) {
      case NumberClass::digit:
        if (any_ && !(last_ == NumberClass::tens || last_ == NumberClass::hundred || last_ == NumberClass::scale))
          return false;
        cur_ += w.value;
        break;
      case NumberClass::teen:
      case NumberClass::tens:
        if (any_ && !(last_ == NumberClass::hundred || last_ == NumberClass::scale)) return false;
        cur_ += w.value;
        break;
      case NumberClass::hundred:
      case NumberClass::dozen:
        if (!any_) return false;
        cur_ = (cur_ > 1 ? cur_ : 1) * w.value;
        break;
      case NumberClass::scale:
        if (!any_) return false;
        total_ += (cur_ > 1 ? cur_ : 1) * w.value;
        cur_ = 0;
        break;
      default:
        return false;
    }
    any_ = true;
    last_ = w.cls;
    return true;
  }
  // "and" may join after a hundred or a scale: "two hundred and five".
  bool and_may_follow() const { return any_ && (last_ == NumberClass::hundred || last_ == NumberClass::scale); }
  bool empty() const { return !any_; }
  NumberClass last() const { return last_; }
  // Nothing above the last units read: "two" but not "two thousand two".
  bool below_hundred() const { return total_ == 0 && last_ <= NumberClass::tens; }
  double value() const { return total_ + cur_; }
  // Divides what was read by a denominator: "two-thirds".
  void divide(double d) { cur_ /= d; }

 private:
  double total_ = 0, cur_ = 0;
  bool any_ = false;
  NumberClass last_ = NumberClass::none;
};

}  // namespace newsan
