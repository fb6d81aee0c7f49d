// Tests of the NER tagger: labels, gazetteer, model file validation, tagging,
// deterministic training, CoNLL reading and scoring.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ner/model.h"
#include "newsan/error.h"
#include "newsan/ner_training.h"

using Catch::Matchers::Contains;
using namespace newsan::ner;
namespace fs = std::filesystem;

namespace {

fs::path model_path() { return fs::path(NEWSAN_TEST_DATA_DIR) / "models/ner-en.bin"; }

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Tagger& shipped() {
  static const Tagger t = Tagger::load(model_path());
  return t;
}

fs::path write_tmp(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / ("newsan-ner-test-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

// A tiny CoNLL corpus: people say things in places.
std::string tiny_corpus() {
  const char* people[][2] = {{"John", "Smith"}, {"Maria", "Lopez"}, {"Ahmed", "Khan"}, {"Anna", "Berg"}};
  const char* places[] = {"Paris", "Lima", "Oslo", "Cairo"};
  std::string out;
  for (int d = 0; d < 4; ++d) {
    out += "-DOCSTART- -X- -X- O\n\n";
    for (int s = 0; s < 4; ++s) {
      const auto& p = people[(d + s) % 4];
      out += std::string(p[0]) + " NNP B-NP B-PER\n" + p[1] + " NNP I-NP I-PER\n";
      out += "spoke VBD B-VP O\nin IN B-PP O\n";
      out += std::string(places[(d * 3 + s) % 4]) + " NNP B-NP B-LOC\n. . O O\n\n";
    }
  }
  return out;
}

}  // namespace

TEST_CASE("BILOU labels round-trip through chunks", "[ner]") {
  std::vector<Chunk> chunks = {{0, 2, ChunkType::PER}, {3, 4, ChunkType::LOC}, {5, 8, ChunkType::ORG}};
  auto labels = labels_from_chunks(chunks, 9);
  CHECK(part_of(labels[0]) == Part::B);
  CHECK(part_of(labels[1]) == Part::L);
  CHECK(part_of(labels[3]) == Part::U);
  CHECK(part_of(labels[6]) == Part::I);
  CHECK(labels[2] == 0);
  CHECK(chunks_from_labels(labels) == chunks);
  CHECK(transition_allowed(kStart, label_of(ChunkType::PER, Part::B)));
  CHECK_FALSE(transition_allowed(kStart, label_of(ChunkType::PER, Part::I)));
  CHECK_FALSE(transition_allowed(label_of(ChunkType::PER, Part::B), label_of(ChunkType::ORG, Part::L)));
}

TEST_CASE("viterbi finds the best allowed label sequence", "[ner][viterbi]") {
  // Against brute force over every sequence of up to 4 labels, random scores.
  std::uint64_t rng = 12345;
  auto rnd = [&] {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return float(rng % 20001) / 1000.f - 10.f;
  };
  float trans[kLabels + 1][kLabels];
  for (int round = 0; round < 20; ++round) {
    for (auto& row : trans)
      for (float& v : row) v = rnd();
    for (std::size_t n = 1; n <= 4; ++n) {
      std::vector<Emission> em(n);
      for (auto& e : em)
        for (float& v : e) v = rnd();
      float best = -1e30f;
      std::vector<int> best_seq, seq(n, 0);
      std::size_t total = 1;
      for (std::size_t k = 0; k < n; ++k) total *= kLabels;
      for (std::size_t code = 0; code < total; ++code) {
        std::size_t c = code;
        for (std::size_t k = 0; k < n; ++k, c /= kLabels) seq[k] = int(c % kLabels);
        bool ok = may_end(seq[n - 1]);
        float score = 0;
        for (std::size_t k = 0; k < n && ok; ++k) {
          int prev = k == 0 ? kStart : seq[k - 1];
          ok = transition_allowed(prev, seq[k]);
          score += trans[prev][seq[k]] + em[k][std::size_t(seq[k])];
        }
        if (ok && score > best) {
          best = score;
          best_seq = seq;
        }
      }
      INFO("round " << round << ", " << n << " words");
      CHECK(viterbi(em, trans) == best_seq);
    }
  }
}

TEST_CASE("gazetteer phrases are found case-insensitively, prefixes are marked", "[ner][gazetteer]") {
  Gazetteer g;
  g.add("New York", kGazCity);
  g.add("Washington, D.C.", kGazCity);
  g.add("Tocorón", kGazCity | kGazRegion);
  std::vector<std::string_view> ny = {"NEW", "york"};
  std::vector<std::string_view> dc = {"Washington", ",", "D.C."};
  std::vector<std::string_view> toc = {"TOCORÓN"};
  CHECK(g.lookup(ny.data(), 2) == 0);  // not built yet
  // Encoding builds the index of a copy; the model round trip keeps every phrase.
  ModelParts m;
  m.gazetteer = g;
  std::string bytes = encode_parts(m);
  Tagger t = Tagger::from_bytes(bytes, "test");
  const Gazetteer& loaded = t.gazetteer();
  CHECK(loaded.lookup(ny.data(), 2) == kGazCity);
  CHECK(loaded.lookup(dc.data(), 3) == kGazCity);
  CHECK(loaded.lookup(toc.data(), 1) == (kGazCity | kGazRegion));
  CHECK(loaded.lookup(ny.data(), 1) == 0);  // "new" is only a prefix
  CHECK((loaded.lookup_hash(fnv("new")) & kGazPrefix) != 0);
  g.build();
  CHECK(g.lookup(ny.data(), 2) == kGazCity);
}

TEST_CASE("the shipped gazetteers load and know countries and cities", "[ner][gazetteer]") {
  const Gazetteer& g = shipped().gazetteer();
  std::vector<std::string_view> v = {"Venezuela"}, c = {"Caracas"}, n = {"Venezuelan"}, p = {"Prison"};
  CHECK((g.lookup(v.data(), 1) & kGazCountry) != 0);
  CHECK((g.lookup_phrase("Russia") & kGazCountry) != 0);  // a country alias (ISO says Russian Federation)
  CHECK((g.lookup_phrase("united states") & kGazCountry) != 0);
  CHECK((g.lookup_phrase("us") & kGazCountry) == 0);  // the pronoun is no country
  CHECK((g.lookup(c.data(), 1) & kGazCity) != 0);
  CHECK((g.lookup(n.data(), 1) & kGazNationality) != 0);
  CHECK((g.lookup(p.data(), 1) & kGazFacilityHead) != 0);
}

TEST_CASE("model files are validated on load", "[ner][format]") {
  std::string bytes = read_bytes(model_path());
  REQUIRE(bytes.size() > 100);
  CHECK(encode_model(Tagger::from_bytes(bytes, "x").model()) == bytes);
  CHECK_THROWS_WITH(Tagger::from_bytes(bytes.substr(0, bytes.size() / 2), "half.bin"),
                    Contains("half.bin") && Contains("truncated"));
  CHECK_THROWS_WITH(Tagger::from_bytes("PK\x03\x04 not a model at all", "zip.bin"), Contains("not a newsan NER model"));
  CHECK_THROWS_AS(Tagger::from_bytes("", "empty.bin"), newsan::FormatError);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  CHECK_THROWS_WITH(Tagger::from_bytes(flipped, "flip.bin"), Contains("checksum"));
  std::string future = bytes;
  future[8] = 9;
  CHECK_THROWS_WITH(Tagger::from_bytes(future, "new.bin"), Contains("unsupported format version 9"));
  CHECK_THROWS_WITH(Tagger::load("/nonexistent/ner.bin"), Contains("/nonexistent/ner.bin"));
}

TEST_CASE("a model image whose checksum is right but whose tables are wrong is refused", "[ner][format]") {
  ModelParts parts;
  parts.gazetteer.add("New York", kGazCity);
  parts.keys = {7, 42, 1000};
  parts.weights.assign(3 * kLabels, 1);
  const std::string good = encode_parts(parts);
  Tagger t = Tagger::from_bytes(good, "good.bin");
  REQUIRE(t.model().find(42) != nullptr);
  CHECK(t.model().find(43) == nullptr);
  CHECK(encode_model(t.model()) == good);
  // The fixed block starts at byte 64: description length, features, feature slots, ...
  auto patched = [&](std::size_t at, std::uint32_t v) {
    std::string b = good;
    std::memcpy(b.data() + at, &v, 4);
    reseal_model(b);
    return b;
  };
  CHECK_THROWS_WITH(Tagger::from_bytes(patched(72, 24), "slots.bin"),
                    Contains("slots.bin") && Contains("not a power of two"));
  CHECK_THROWS_WITH(Tagger::from_bytes(patched(68, 4), "count.bin"), Contains("the counts need"));
  // A used feature slot pointing past the weights.
  const Model& m = t.model();
  std::size_t slot = 0;
  while (m.slots[slot].key == 0) ++slot;
  std::size_t slots_at = std::size_t(reinterpret_cast<const char*>(&m.slots[slot]) - m.bytes.data());
  CHECK_THROWS_WITH(Tagger::from_bytes(patched(slots_at + 4, 3), "row.bin"), Contains("outside the weights"));
  // An empty slot given a key: more slots in use than features.
  std::size_t empty = 0;
  while (m.slots[empty].key != 0) ++empty;
  std::size_t empty_at = std::size_t(reinterpret_cast<const char*>(&m.slots[empty]) - m.bytes.data());
  CHECK_THROWS_WITH(Tagger::from_bytes(patched(empty_at, 99), "used.bin"), Contains("feature slots used"));
  CHECK_THROWS_AS(encode_parts([&] {
                    ModelParts p = parts;
                    p.keys = {42, 7, 1000};
                    return p;
                  }()),
                  newsan::OutputError);
}

TEST_CASE("the shipped model tags names in a document", "[ner]") {
  Sentences doc = {{"President", "Nicolás", "Maduro", "spoke", "in", "Caracas", "on", "Monday", "."},
                   {"The", "United", "Nations", "said", "Maduro", "was", "wrong", "."}};
  auto out = shipped().tag_document(doc);
  REQUIRE(out.size() == 2);
  CHECK(std::find(out[0].begin(), out[0].end(), Chunk{1, 3, ChunkType::PER}) != out[0].end());
  CHECK(std::find(out[0].begin(), out[0].end(), Chunk{5, 6, ChunkType::LOC}) != out[0].end());
  CHECK(std::find(out[1].begin(), out[1].end(), Chunk{1, 3, ChunkType::ORG}) != out[1].end());
  CHECK(std::find(out[1].begin(), out[1].end(), Chunk{4, 5, ChunkType::PER}) != out[1].end());
  CHECK(shipped().tag_document({}).empty());
  CHECK_THAT(shipped().version(), Contains("perceptron-bilou"));
}

TEST_CASE("CoNLL files are read with IOB1 and IOB2 tags", "[ner][conll]") {
  auto p = write_tmp("iob.conll",
                     "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\n"
                     "Peter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\nJohn NNP B-NP B-PER\n\n"
                     "-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP B-LOC\n");
  auto docs = read_conll(p);
  REQUIRE(docs.size() == 2);
  std::vector<Chunk> want = {{0, 1, ChunkType::ORG}, {2, 3, ChunkType::MISC}, {3, 5, ChunkType::PER},
                             {5, 6, ChunkType::PER}};
  CHECK(docs[0].chunks[0] == want);
  CHECK(docs[1].words[0][0] == "BRUSSELS");
  auto bad = write_tmp("bad.conll", "EU NNP B-NP B-XYZ\n");
  CHECK_THROWS_WITH(read_conll(bad), Contains(":1: unknown tag 'B-XYZ'"));
  Score s;
  s.add(want, {{0, 1, ChunkType::ORG}, {2, 3, ChunkType::LOC}});
  CHECK(s.overall.correct == 1);
  CHECK(s.overall.precision() == Approx(0.5));
  CHECK(s.overall.recall() == Approx(0.25));
  CHECK(s.by_type[int(ChunkType::LOC)].predicted == 1);
}

TEST_CASE("training is deterministic and learns a tiny corpus", "[ner][train]") {
  auto docs = read_conll(write_tmp("tiny.conll", tiny_corpus()));
  Gazetteer none;
  TrainOptions opt;
  opt.epochs = 5;
  int epochs_seen = 0;
  opt.progress = [&](int, std::size_t, std::size_t, const Score* s) { epochs_seen += s != nullptr; };
  Tagger a = train(docs, docs, none, opt);
  Tagger b = train(docs, docs, Gazetteer{}, opt);
  CHECK(epochs_seen == 10);
  CHECK(encode_model(a.model()) == encode_model(b.model()));
  Score s = evaluate(a, docs);
  CHECK(s.overall.f1() == Approx(1.0));
  Sentences unseen = {{"Maria", "Lopez", "spoke", "in", "Oslo", "."}};
  auto out = a.tag_document(unseen);
  CHECK(out[0] == std::vector<Chunk>{{0, 2, ChunkType::PER}, {4, 5, ChunkType::LOC}});
}

TEST_CASE("the shipped model reaches its dev score on CoNLL-2003", "[ner][shared]") {
  const char* env = std::getenv("NEWSAN_SHARED_DIR");
  fs::path dev = fs::path(env ? env : NEWSAN_SHARED_DIR) / "corpora/conll2003/valid.txt";
  if (!fs::exists(dev)) {
    WARN("skipped: " << dev << " not found");
    return;
  }
  auto docs = read_conll(dev);
  Score s = evaluate(shipped(), docs);
  INFO("dev F1 " << s.overall.f1());
  CHECK(s.overall.f1() > 0.90);
}
