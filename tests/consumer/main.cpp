// Uses the installed library through find_package(newsan): tokenizes a line.
#include <newsan/tokenizer.h>

#include <iostream>

int main() {
  newsan::Tokenized t = newsan::tokenize("Maduro freed 131 prisoners. Families waited.");
  std::cout << t.tokens.size() << " tokens, " << t.sentences.size() << " sentences\n";
  return t.sentences.size() == 2 ? 0 : 1;
}
