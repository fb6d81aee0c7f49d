// newsan/language.h — which language an article is written in.
//
//   std::optional<std::string> lang = newsan::identify_language(doc.text);  // "en", "es", … or nullopt
//
// A first cut (issue 17): a text written in a script only one language uses
// (Greek, Hebrew, Hangul, Kana, Thai, …) is named by its script; a Latin or
// Cyrillic text by the profile of its commonest function words (the, y, der,
// и …) over its first 6 KB. Contract: returns an ISO 639-1 code only when
// one language wins clearly (at least 3 function-word hits, one in 12 of the
// words, and half again as many as the next language); else nullopt. Pure,
// thread-safe, no data files. newsan's extractors are English: callers warn
// when the answer is another language.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsan {

std::optional<std::string> identify_language(std::string_view text);

// The English name of an ISO 639-1 code identify_language() returns ("es" →
// "Spanish"); the code itself for any other.
std::string language_name(std::string_view code);

// The primary subtag of a BCP 47 tag, lowercased: "en-GB" → "en".
std::string primary_language(std::string_view tag);

}  // namespace newsan
