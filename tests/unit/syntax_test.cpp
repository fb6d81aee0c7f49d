// Tests of the syntax stage: CoNLL-U reading (line-precise errors), the model
// file's validation, and the shipped model's tagging, lemmas and trees on
// sentences written for these tests.
#include <catch2/catch.hpp>

#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsan/error.h"
#include "newsan/resources.h"
#include "newsan/syntax.h"
#include "newsan/tokenizer.h"
#include "syntax/conllu.h"
#include "syntax/internal.h"

using Catch::Matchers::Contains;
namespace fs = std::filesystem;
using namespace newsan;

namespace {

fs::path model_path() { return fs::path(NEWSAN_TEST_DATA_DIR) / "models/syntax.model"; }

const SyntaxModel& shipped() {
  static const auto m = SyntaxModel::load(model_path());
  return *m;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<syntax::ConlluSentence> conllu(const std::string& text, bool tree = true) {
  std::istringstream in(text);
  return syntax::read_conllu(in, "test.conllu", tree);
}

std::string row(int id, const char* form, int head, const char* rel) {
  return std::to_string(id) + "\t" + form + "\t_\t_\t_\t_\t" + std::to_string(head) + "\t" + rel + "\t_\t_\n";
}

std::vector<SyntaxWord> parse(const std::string& sentence) {
  auto forms = syntax::split_spaces(sentence);
  std::vector<SyntaxWord> out;
  shipped().parse(forms, out);
  return out;
}

void require_tree(const std::vector<SyntaxWord>& w) {
  int roots = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i].head < 0) {
      ++roots;
      REQUIRE(w[i].deprel == "root");
    }
    // Following heads reaches the root within n steps: no cycle.
    int h = static_cast<int>(i), steps = 0;
    while (h >= 0 && steps <= static_cast<int>(w.size())) {
      REQUIRE(h < static_cast<int>(w.size()));
      h = w[static_cast<std::size_t>(h)].head;
      ++steps;
    }
    REQUIRE(h == -1);
  }
  REQUIRE(roots == 1);
}

}  // namespace

TEST_CASE("CoNLL-U sentences are read with their comments and ranges", "[syntax][conllu]") {
  auto s = conllu("# sent_id = 1\n1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n" + row(1, "ca", 0, "root") + row(2, "n't", 1, "advmod") +
                  "\n" + row(1, "Yes", 0, "root"));
  REQUIRE(s.size() == 2);
  REQUIRE(s[0].comments.size() == 1);
  REQUIRE(s[0].extra.size() == 1);
  REQUIRE(s[0].words[1].head == 1);
  std::string out;
  syntax::write_conllu(s[0], out);
  CHECK_THAT(out, Contains("1-2\tcan't"));
  CHECK_THAT(out, Contains("2\tn't\t_\t_\t_\t_\t1\tadvmod"));
}

TEST_CASE("malformed CoNLL-U lines are errors naming file and line", "[syntax][conllu]") {
  CHECK_THROWS_WITH(conllu(row(1, "a", 0, "root") + "2\tb\t_\n"), Contains("test.conllu:2:") && Contains("10 tab-separated columns"));
  CHECK_THROWS_WITH(conllu(row(1, "a", 0, "root") + row(3, "b", 1, "dep")), Contains("test.conllu:2:") && Contains("bad ID"));
  CHECK_THROWS_WITH(conllu(row(1, "a", 0, "root") + row(2, "b", 7, "dep")), Contains("test.conllu:2:") && Contains("outside the sentence"));
  CHECK_THROWS_WITH(conllu(row(1, "a", 0, "root") + row(2, "b", 3, "dep") + row(3, "c", 2, "dep")),
                    Contains("test.conllu:") && Contains("cycle"));
  CHECK_THROWS_WITH(conllu(row(1, "a", 0, "root") + row(2, "b", 0, "root")), Contains("HEAD 0"));
  // Without gold trees, "_" heads are fine.
  CHECK(conllu("1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", false).size() == 1);
}

TEST_CASE("a long chain is checked for cycles in linear time", "[syntax][conllu][hostile]") {
  std::string text;
  const int n = 20000;
  for (int i = 1; i <= n; ++i) text += row(i, "w", i == n ? 0 : i + 1, i == n ? "root" : "dep");
  REQUIRE(conllu(text)[0].words.size() == static_cast<std::size_t>(n));
}

TEST_CASE("syntax model files are validated on load", "[syntax][format]") {
  const std::string good = read_bytes(model_path());
  REQUIRE(good.size() > 1000);
  auto load = [](const std::string& bytes) { return syntax::decode_model(bytes, nullptr, "m.bin"); };
  CHECK_THROWS_AS(load(good.substr(0, good.size() / 2)), FormatError);
  CHECK_THROWS_WITH(load(good.substr(0, 7)), Contains("m.bin") && Contains("not a newsan syntax model"));
  CHECK_THROWS_WITH(load("NSNERMDL" + good.substr(8)), Contains("NER model"));
  std::string bad = good;
  bad[bad.size() / 2] ^= 0x40;
  CHECK_THROWS_WITH(load(bad), Contains("checksum"));
  CHECK_THROWS_WITH(SyntaxModel::load("/nonexistent/syntax.model"), Contains("/nonexistent/syntax.model"));
  CHECK(load(good)->version().rfind("syntax format 4", 0) == 0);
}

TEST_CASE("the shipped model tags, lemmatizes and parses a sentence of its own", "[syntax]") {
  auto w = parse("The ferry company hired 40 new workers in May .");
  REQUIRE(w.size() == 10);
  require_tree(w);
  CHECK(w[3].upos == Upos::VERB);
  CHECK(w[3].xpos == "VBD");
  CHECK(w[3].lemma == "hire");
  CHECK(w[3].head == -1);
  CHECK(w[2].deprel == "nsubj");
  CHECK(w[2].head == 3);
  CHECK(w[4].upos == Upos::NUM);
  CHECK(w[6].lemma == "worker");
  CHECK(w[6].deprel == "obj");
  CHECK(w[9].upos == Upos::PUNCT);
}

TEST_CASE("a passive subject and its agent", "[syntax]") {
  auto w = parse("The bridge was closed by the police .");
  require_tree(w);
  CHECK(w[1].deprel == "nsubj:pass");
  CHECK(w[2].upos == Upos::AUX);
  CHECK(w[3].lemma == "close");
}

TEST_CASE("DocumentSyntax parses a sentence only when asked, once", "[syntax]") {
  std::string text = "Prices rose. Nobody asked why. The end came soon.";
  Tokenized t = tokenize(text);
  REQUIRE(t.sentences.size() == 3);
  DocumentSyntax syn(&shipped(), text, t);
  CHECK(syn.available());
  CHECK(syn.parsed_count() == 0);
  const ParsedSentence& s = syn.sentence(1);
  CHECK(syn.parsed_count() == 1);
  CHECK(s.first_token == t.sentences[1].first);
  CHECK(s.words.size() == t.sentences[1].last - t.sentences[1].first);
  CHECK(&syn.sentence_of_token(t.sentences[1].first) == &s);
  CHECK(syn.parsed_count() == 1);
  DocumentSyntax none(nullptr, text, t);
  CHECK_FALSE(none.available());
  CHECK(none.sentence(0).words.empty());
}

namespace {
// A data directory whose models/syntax.model is `model_bytes` (nothing else is read).
fs::path data_dir_with_model(const std::string& name, const std::string& model_bytes) {
  fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir / "models");
  std::ofstream(dir / "models" / "syntax.model", std::ios::binary) << model_bytes;
  return dir;
}
}  // namespace

TEST_CASE("DocumentSyntax from a Resources loads the model at the first parse", "[syntax][resources]") {
  std::string text = "Prices rose. Nobody asked why.";
  Tokenized t = tokenize(text);
  Resources res{DataDir(NEWSAN_TEST_DATA_DIR)};
  CHECK(res.has_syntax_model());
  DocumentSyntax syn(res, text, t);
  CHECK(syn.available());
  const ParsedSentence& s = syn.sentence(1);
  CHECK(s.words.size() == t.sentences[1].last - t.sentences[1].first);
  CHECK(syn.parsed_count() == 1);
  // The same parse as with the model given directly.
  DocumentSyntax direct(&shipped(), text, t);
  const ParsedSentence& d = direct.sentence(1);
  REQUIRE(d.words.size() == s.words.size());
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    CHECK(s.words[i].head == d.words[i].head);
    CHECK(s.words[i].deprel == d.words[i].deprel);
    CHECK(s.words[i].lemma == d.words[i].lemma);
  }
}

TEST_CASE("a damaged syntax model fails only when a sentence is parsed, as a ResourceError", "[syntax][resources]") {
  std::string bytes = read_bytes(model_path());
  bytes[bytes.size() / 2] ^= 0x40;
  const fs::path dir = data_dir_with_model("newsan-test-lazy-syntax", bytes);
  Resources res{DataDir(dir)};
  CHECK(res.has_syntax_model());
  std::string text = "Prices rose.";
  Tokenized t = tokenize(text);
  DocumentSyntax syn(res, text, t);  // nothing read yet
  CHECK(syn.available());
  CHECK_THROWS_AS(syn.sentence(0), ResourceError);
  CHECK_THROWS_WITH(syn.sentence(0), Contains((dir / "models" / "syntax.model").string()) && Contains("checksum"));
  // The failure is kept: the file is not read again (a good file now changes nothing).
  std::ofstream(dir / "models" / "syntax.model", std::ios::binary) << read_bytes(model_path());
  CHECK_THROWS_AS(res.syntax_model(), ResourceError);
  // --version's description reads the header only.
  CHECK(SyntaxModel::describe(dir / "models" / "syntax.model") == shipped().version());
  fs::remove_all(dir);
  // No model at all: no parses, no error.
  const fs::path none = fs::temp_directory_path() / "newsan-test-no-syntax";
  fs::remove_all(none);
  fs::create_directories(none);
  Resources empty{DataDir(none)};
  CHECK_FALSE(empty.has_syntax_model());
  DocumentSyntax without(empty, text, t);
  CHECK_FALSE(without.available());
  CHECK(without.sentence(0).words.empty());
  fs::remove_all(none);
}

TEST_CASE("describe reads a syntax model's version from its header", "[syntax][format]") {
  CHECK(SyntaxModel::describe(model_path()) == shipped().version());
  const fs::path dir = data_dir_with_model("newsan-test-describe", "NSNERMDL and more");
  CHECK_THROWS_WITH(SyntaxModel::describe(dir / "models" / "syntax.model"), Contains("syntax.model") && Contains("not a newsan syntax model"));
  std::string head = read_bytes(model_path()).substr(0, 100);  // the section table is cut
  std::ofstream(dir / "models" / "syntax.model", std::ios::binary) << head;
  CHECK_THROWS_AS(SyntaxModel::describe(dir / "models" / "syntax.model"), FormatError);
  CHECK_THROWS_WITH(SyntaxModel::describe("/nonexistent/syntax.model"), Contains("/nonexistent/syntax.model"));
  fs::remove_all(dir);
}

TEST_CASE("models loaded one after another do not share per-thread caches", "[syntax]") {
  // The tagger's per-thread word cache is keyed by the model's serial, not
  // its address: a second model at a reused address starts with an empty cache.
  const std::string bytes = read_bytes(model_path());
  std::vector<SyntaxWord> first, again;
  const std::vector<std::string_view> forms = {"The", "port", "reopened", "on", "Monday", "."};
  std::uint64_t serial = 0;
  {
    auto m = syntax::decode_model(bytes, nullptr, "a.bin");
    serial = m->serial();
    m->parse(forms, first);
  }
  auto m2 = syntax::decode_model(bytes, nullptr, "b.bin");
  CHECK(m2->serial() != serial);
  m2->parse(forms, again);
  REQUIRE(first.size() == again.size());
  for (std::size_t i = 0; i < first.size(); ++i) CHECK(first[i].lemma == again[i].lemma);
}

TEST_CASE("a 10,000-word sentence parses into one tree", "[syntax][hostile]") {
  std::vector<std::string_view> forms;
  const char* cycle[] = {"the", "cat", "saw", "12", "dogs", ",", "and"};
  for (int i = 0; i < 10000; ++i) forms.push_back(cycle[i % 7]);
  std::vector<SyntaxWord> out;
  shipped().parse(forms, out);
  REQUIRE(out.size() == forms.size());
  require_tree(out);
}

TEST_CASE("the model holds the learned word classes its features read", "[syntax][classes]") {
  auto m = syntax::load_model(model_path());
  std::vector<std::string_view> forms = {"The", "council", "zqxvbnmwk"};
  std::vector<syntax::WordInfo> info;
  m->word_infos(forms, info);
  // Frequent words have a class (case-blind), an invented one has none.
  CHECK(info[0].fine >= 1);
  CHECK(info[0].fine <= syntax::kMaxFineClasses);
  CHECK(info[0].coarse >= 1);
  CHECK(info[0].coarse <= syntax::kMaxCoarseClasses);
  CHECK(info[1].fine >= 1);
  CHECK(info[2].fine == 0);
  CHECK(info[2].coarse == 0);
  std::vector<syntax::WordInfo> lower;
  std::vector<std::string_view> the = {"the"};
  m->word_infos(the, lower);
  CHECK(lower[0].fine == info[0].fine);
}

TEST_CASE("a word-class table with a class out of range is refused", "[syntax][classes][format]") {
  std::string bytes = read_bytes(model_path());
  // Section 14 (word classes): find it in the section table, break one full slot.
  std::uint32_t nsec = 0;
  std::memcpy(&nsec, bytes.data() + 12, 4);
  bool broken = false;
  for (std::uint32_t k = 0; k < nsec && !broken; ++k) {
    const std::size_t at = 64 + 24 * k;
    std::uint32_t id = 0;
    std::uint64_t off = 0, count = 0;
    std::memcpy(&id, bytes.data() + at, 4);
    std::memcpy(&off, bytes.data() + at + 8, 8);
    std::memcpy(&count, bytes.data() + at + 16, 8);
    if (id != 14) continue;
    for (std::uint64_t i = 0; i < count && !broken; ++i) {
      syntax::KeyValue kv;
      std::memcpy(&kv, bytes.data() + off + i * sizeof kv, sizeof kv);
      if (kv.key == 0) continue;
      kv.value = syntax::word_class_value(0, syntax::kMaxFineClasses + 7);
      std::memcpy(bytes.data() + off + i * sizeof kv, &kv, sizeof kv);
      broken = true;
    }
  }
  REQUIRE(broken);
  syntax::reseal_model(bytes);
  CHECK_THROWS_WITH(syntax::decode_model(bytes, nullptr, "m.bin"), Contains("m.bin") && Contains("word class"));
}

TEST_CASE("the parser's action filter keeps every key of the table and drops most others", "[syntax][filter]") {
  std::vector<std::pair<std::uint64_t, syntax::ActionSlot>> features;
  std::uint64_t x = 12345;
  auto next = [&x] { return x = syntax::mix64(x + 0x9E3779B97F4A7C15ull); };
  for (int i = 0; i < 20000; ++i)
    features.push_back({next(), syntax::ActionSlot{1, {std::int16_t(i % 7 + 1), std::int16_t(-(i % 5)), 3}}});
  std::vector<syntax::ActionSlot> slots;
  std::vector<std::uint64_t> filter;
  syntax::build_action_slots(features, slots, filter);
  REQUIRE(std::has_single_bit(filter.size()));
  syntax::ActionTable with{slots, filter}, without{slots, {}};
  // Present keys: the same weights with and without the filter.
  for (std::size_t i = 0; i < features.size(); i += 97) {
    std::int32_t a[3] = {0, 0, 0}, b[3] = {0, 0, 0};
    with.add_all(&features[i].first, 1, a);
    without.add_all(&features[i].first, 1, b);
    CHECK(a[0] == b[0]);
    CHECK(a[1] == b[1]);
    CHECK(a[2] == b[2]);
    CHECK(a[0] != 0);
  }
  // Absent keys: most are stopped by the filter (two bits of ~8 per key).
  int passed = 0;
  for (int i = 0; i < 10000; ++i) {
    const std::uint64_t k = next();
    const std::uint64_t bits = syntax::action_filter_bits(k);
    passed += (filter[syntax::action_filter_word(k, filter.size())] & bits) == bits;
  }
  CHECK(passed < 2000);
}

TEST_CASE("a syntax model whose action filter is not a power of two is refused", "[syntax][filter][format]") {
  std::string bytes = read_bytes(model_path());
  std::uint32_t nsec = 0;
  std::memcpy(&nsec, bytes.data() + 12, 4);
  bool found = false;
  for (std::uint32_t k = 0; k < nsec; ++k) {
    const std::size_t at = 64 + 24 * k;
    std::uint32_t id = 0;
    std::uint64_t count = 0;
    std::memcpy(&id, bytes.data() + at, 4);
    std::memcpy(&count, bytes.data() + at + 16, 8);
    if (id != 15) continue;
    REQUIRE(count >= 2);
    count -= 1;  // one word fewer: still inside the file, no longer a power of two
    std::memcpy(bytes.data() + at + 16, &count, 8);
    found = true;
  }
  REQUIRE(found);
  syntax::reseal_model(bytes);
  CHECK_THROWS_WITH(syntax::decode_model(bytes, nullptr, "m.bin"), Contains("m.bin") && Contains("action filter"));
}
