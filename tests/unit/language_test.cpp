// Language identification (src/reader/language.cpp) on sentences written for
// this test.
#include <catch2/catch.hpp>

#include "newsan/language.h"

using newsan::identify_language;

TEST_CASE("function words name the language of Latin and Cyrillic texts", "[language]") {
  CHECK(identify_language("The council said on Monday that the new bridge would be open to traffic by the end of "
                          "the year, and that its cost had risen.") == "en");
  CHECK(identify_language("El ayuntamiento dijo el lunes que el nuevo puente estará abierto al tráfico antes de "
                          "que termine el año, y que su coste ha subido a 1.800 millones.") == "es");
  CHECK(identify_language("Le conseil a déclaré lundi que le nouveau pont sera ouvert à la circulation avant la "
                          "fin de l'année, et que son coût a augmenté.") == "fr");
  CHECK(identify_language("Der Stadtrat sagte am Montag, dass die neue Brücke bis zum Ende des Jahres für den "
                          "Verkehr geöffnet wird und dass die Kosten gestiegen sind.") == "de");
  CHECK(identify_language("Il consiglio ha detto lunedì che il nuovo ponte sarà aperto al traffico entro la fine "
                          "dell'anno, e che il costo della opera è salito.") == "it");
  CHECK(identify_language("O conselho disse na segunda-feira que a nova ponte será aberta ao trânsito até o fim "
                          "do ano, e que o custo da obra não parou de subir.") == "pt");
  CHECK(identify_language("Городской совет сообщил в понедельник, что новый мост откроют для движения до конца "
                          "года и что его стоимость выросла.") == "ru");
}

TEST_CASE("a script one language writes names it", "[language]") {
  CHECK(identify_language("Το δημοτικό συμβούλιο ανακοίνωσε τη Δευτέρα ότι η νέα γέφυρα θα ανοίξει.") == "el");
  CHECK(identify_language("市議会は月曜日、新しい橋が年末までに開通すると発表した。費用は増えた。") == "ja");
  CHECK(identify_language("市议会周一表示，新桥将在年底前通车，其费用已经上涨了很多。今天下雨。") == "zh");
  CHECK(identify_language("시의회는 월요일 새 다리가 연말까지 개통될 것이라고 밝혔다. 비용은 늘었다.") == "ko");
}

TEST_CASE("too little text or no clear winner gives no language", "[language]") {
  CHECK_FALSE(identify_language(""));
  CHECK_FALSE(identify_language("Oslo 2024"));
  CHECK_FALSE(identify_language("1,200 4,500 9,000 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27"));
  CHECK_FALSE(identify_language("Xylophone quartz jukebox wizard crypt lynx nymph rhythm sphinx gypsy fjord"));
}

TEST_CASE("language names and primary subtags", "[language]") {
  CHECK(newsan::language_name("es") == "Spanish");
  CHECK(newsan::language_name("ja") == "Japanese");
  CHECK(newsan::language_name("xx") == "xx");
  CHECK(newsan::primary_language("en-GB") == "en");
  CHECK(newsan::primary_language("PT_br") == "pt");
}
