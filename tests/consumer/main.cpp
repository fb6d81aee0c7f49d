// Uses the installed library through find_package(newsan): tokenizes a line,
// analyzes a sentence with the data directory newsanConfig.cmake exports, and
// catches the error for a data directory that is not there.
#include <newsan/analysis.h>
#include <newsan/error.h>
#include <newsan/resources.h>
#include <newsan/tokenizer.h>

#include <iostream>

int main() {
  newsan::Tokenized t = newsan::tokenize("Maduro freed 131 prisoners. Families waited.");
  std::cout << t.tokens.size() << " tokens, " << t.sentences.size() << " sentences\n";
  if (t.sentences.size() != 2) return 1;
  try {
    newsan::DataDir::locate(std::string("/nonexistent/newsan-data"), nullptr);
    std::cerr << "a missing data directory was accepted\n";
    return 1;
  } catch (const newsan::Error& e) {
    std::cout << "caught: " << e.what() << "\n";
  }
  newsan::Analyzer analyzer(newsan::DataDir::locate(std::string(NEWSAN_DATA_DIR), nullptr));
  newsan::Document doc;
  doc.text = "Police detained 23 protesters in the capital on Monday.";
  newsan::Analysis a = analyzer.analyze(std::move(doc));
  std::cout << a.figures.figures.size() << " figures from " << NEWSAN_DATA_DIR << "\n";
  return a.figures.figures.empty() ? 1 : 0;
}
