// src/syntax/model_io.cpp — the syntax model file: writing, and validated
// reading of a file image whose weight tables are then used in place.
//
// Layout (all integers little-endian; every section starts at a multiple of
// 64 bytes from the start of the file and is zero-padded to the next one):
//   header, 64 bytes:
//     magic "NSSYNMDL" | u32 format version | u32 section count
//     | u64 payload size (file size - 64) | u64 payload checksum
//     (model_checksum(), src/util/model_file.cpp) | 32 zero bytes
//   section table: per section {u32 id, u32 element size, u64 offset, u64 count}
//   sections, by id (each exactly once):
//     1 description (UTF-8 bytes)          2 tag classes: "XPOS\tUPOS\n" lines
//     3 relation labels: one per line       4 lemma rules: one per line
//     5 parameters: u32 {root label, longest lemma suffix}
//     6 tagger slots {u64 key, u32 begin, u32 count}   7 tagger entries {u16 class, i16 weight}
//     8 parser action slots {u16 tag (top 16 bits of the key, 0 = empty), i16 SHIFT, LEFT, RIGHT}
//     9 parser label slots {u64 key, u32 begin, u32 count}  13 parser label entries {u16 class, i16 weight}
//       (label class = direction * labels + label; direction 0 = LEFT, 1 = RIGHT)
//     10 lemma exceptions {u64 key, u64 rule}          11 lemma suffixes {u64 key, u64 rule}
//     12 the built-in check: u32 per word (tag, head + 1, label, lemma rule) of kCheckSentences
//     14 word classes {u64 key (hash of the lowercase word, WordInfo::lower), u64 value
//        (coarse class + 1) | (fine class + 1) << 16}: data/word-classes-en.tsv at training time
//     15 parser action filter: u64 words, a power of two (or none): two bits per kept action
//        key (action_filter_word, action_filter_bits in internal.h); a key without both is absent
//   magic "NSSYNEND" (the last 8 bytes)
// Slot tables are open-addressed (key & (slots - 1), linear probing, key 0 =
// empty), their sizes powers of two with at least one empty slot.
//
// Format versions:
//   1  (2026-12) first version: (XPOS, UPOS) tagger, arc-hybrid parser, edit-rule lemmatizer.
//   2  (2026-12) the parser scores 3 actions (weights inline in the slots) and then
//      the label of the chosen arc's direction; sections 8, 9 changed, 13 added.
//   3  (2026-12) word classes (section 14 added): class features in the tagger and the parser.
//   4  (2026-12) the parser's action filter (section 15 added).
#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <map>

#include "newsan/error.h"
#include "syntax/internal.h"
#include "util/model_file.h"

namespace newsan::syntax {

static_assert(std::endian::native == std::endian::little,
              "the syntax model image is little-endian and used in place; this host is not");

namespace {

constexpr char kMagic[9] = "NSSYNMDL";
constexpr char kEndMagic[9] = "NSSYNEND";
constexpr std::uint32_t kFormatVersion = 4;
constexpr std::size_t kHeaderSize = 64;
constexpr std::size_t kAlign = 64;
constexpr std::uint32_t kSections = 15;
constexpr std::size_t kTableEntry = 24;

std::size_t padded(std::size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

template <class T>
void put(std::string& out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out.append(b, sizeof(T));
}

std::string lines(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t p = 0;
  while (p < s.size()) {
    std::size_t e = s.find('\n', p);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(p, e - p));
    p = e + 1;
  }
  return out;
}

bool upos_from(std::string_view s, Upos& u) {
  for (int i = 0; i <= static_cast<int>(Upos::X); ++i)
    if (to_string(static_cast<Upos>(i)) == s) {
      u = static_cast<Upos>(i);
      return true;
    }
  return false;
}

}  // namespace

std::string encode_model(const ModelData& m) {
  struct Sec {
    std::uint32_t id, elem;
    std::string bytes;
  };
  std::vector<std::string> tag_lines;
  for (const auto& t : m.tags) tag_lines.push_back(t.xpos + "\t" + std::string(to_string(t.upos)));
  auto raw = [](const auto& v) {
    return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0]));
  };
  std::string params;
  put<std::uint32_t>(params, m.root_label);
  put<std::uint32_t>(params, m.lemma_max_suffix);
  std::vector<Sec> secs = {{1, 1, m.description},
                           {2, 1, lines(tag_lines)},
                           {3, 1, lines(m.labels)},
                           {4, 1, lines(m.lemma_rules)},
                           {5, 4, params},
                           {6, sizeof(Slot), raw(m.tag_slots)},
                           {7, sizeof(Entry), raw(m.tag_entries)},
                           {8, sizeof(ActionSlot), raw(m.action_slots)},
                           {9, sizeof(Slot), raw(m.label_slots)},
                           {10, sizeof(KeyValue), raw(m.lemma_exceptions)},
                           {11, sizeof(KeyValue), raw(m.lemma_suffixes)},
                           {12, 4, raw(m.check)},
                           {13, sizeof(Entry), raw(m.label_entries)},
                           {14, sizeof(KeyValue), raw(m.word_classes)},
                           {15, 8, raw(m.action_filter)}};
  std::string out(kMagic, 8);
  put<std::uint32_t>(out, kFormatVersion);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(secs.size()));
  put<std::uint64_t>(out, 0);
  put<std::uint64_t>(out, 0);
  out.resize(kHeaderSize, '\0');
  std::size_t off = padded(kHeaderSize + kTableEntry * secs.size());
  for (const auto& s : secs) {
    put<std::uint32_t>(out, s.id);
    put<std::uint32_t>(out, s.elem);
    put<std::uint64_t>(out, off);
    put<std::uint64_t>(out, s.bytes.size() / s.elem);
    off = padded(off + s.bytes.size());
  }
  for (const auto& s : secs) {
    out.resize(padded(out.size()), '\0');
    out += s.bytes;
  }
  out.resize(padded(out.size()), '\0');
  out.append(kEndMagic, 8);
  const std::uint64_t size = out.size() - kHeaderSize;
  const std::uint64_t sum = model_checksum(reinterpret_cast<const unsigned char*>(out.data()) + kHeaderSize, size);
  std::memcpy(out.data() + 16, &size, 8);
  std::memcpy(out.data() + 24, &sum, 8);
  return out;
}

namespace {

class Decoder {
 public:
  Decoder(std::string_view bytes, std::string_view origin) : b_(bytes), origin_(origin) {}
  [[noreturn]] void fail(std::size_t at, const std::string& what) const {
    throw FormatError(std::string(origin_) + ": bad syntax model at byte " + std::to_string(at) + ": " + what);
  }
  template <class T>
  T get(std::size_t at, const char* what) const {
    if (at > b_.size() || sizeof(T) > b_.size() - at) fail(at, std::string("truncated while reading ") + what);
    T v;
    std::memcpy(&v, b_.data() + at, sizeof(T));
    return v;
  }
  std::string_view bytes() const { return b_; }

 private:
  std::string_view b_;
  std::string_view origin_;
};

template <class T>
std::span<const T> view(std::string_view s) {
  return {reinterpret_cast<const T*>(s.data()), s.size() / sizeof(T)};
}

}  // namespace

std::shared_ptr<const Model> decode_model_unchecked(std::string_view bytes, std::shared_ptr<const void> image,
                                                    std::string_view origin, bool verify) {
  Decoder d(bytes, origin);
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), "NSNERMDL", 8) == 0)
      d.fail(0, "this is an NER model, not a syntax model");
    d.fail(0, "not a newsan syntax model (no NSSYNMDL magic)");
  }
  const auto version = d.get<std::uint32_t>(8, "format version");
  if (version != kFormatVersion)
    d.fail(8, "format version " + std::to_string(version) + " is not supported (this newsan reads version " +
                  std::to_string(kFormatVersion) + ")");
  const auto nsec = d.get<std::uint32_t>(12, "section count");
  const auto size = d.get<std::uint64_t>(16, "payload size");
  const auto sum = d.get<std::uint64_t>(24, "checksum");
  if (bytes.size() < kHeaderSize || size != bytes.size() - kHeaderSize)
    d.fail(16, "payload size " + std::to_string(size) + " but the file holds " +
                   std::to_string(bytes.size() < kHeaderSize ? 0 : bytes.size() - kHeaderSize) +
                   " bytes after the header (truncated or padded file)");
  if (model_checksum(reinterpret_cast<const unsigned char*>(bytes.data()) + kHeaderSize, size) != sum)
    d.fail(24, "checksum mismatch (corrupted file)");
  if (std::memcmp(bytes.data() + bytes.size() - 8, kEndMagic, 8) != 0) d.fail(bytes.size() - 8, "no end magic");
  if (nsec != kSections) d.fail(12, "expected " + std::to_string(kSections) + " sections, found " + std::to_string(nsec));
  static constexpr std::uint32_t kElem[kSections] = {1, 1, 1, 1, 4, sizeof(Slot), sizeof(Entry), sizeof(ActionSlot),
                                                     sizeof(Slot), sizeof(KeyValue), sizeof(KeyValue), 4, sizeof(Entry),
                                                     sizeof(KeyValue), 8};
  std::string_view sec[kSections + 1];
  bool seen[kSections + 1] = {};
  const std::size_t body_end = bytes.size() - 8;
  for (std::uint32_t k = 0; k < nsec; ++k) {
    const std::size_t at = kHeaderSize + kTableEntry * k;
    const auto id = d.get<std::uint32_t>(at, "section id");
    const auto elem = d.get<std::uint32_t>(at + 4, "section element size");
    const auto off = d.get<std::uint64_t>(at + 8, "section offset");
    const auto count = d.get<std::uint64_t>(at + 16, "section count");
    if (id < 1 || id > kSections || seen[id]) d.fail(at, "bad or repeated section id " + std::to_string(id));
    if (elem != kElem[id - 1]) d.fail(at + 4, "section " + std::to_string(id) + " has element size " + std::to_string(elem));
    if (off % kAlign != 0 || off < kHeaderSize + kTableEntry * nsec || off > body_end ||
        count > (body_end - off) / elem)
      d.fail(at + 8, "section " + std::to_string(id) + " lies outside the file");
    seen[id] = true;
    sec[id] = bytes.substr(off, count * elem);
  }
  ModelData m;
  m.description = std::string(sec[1]);
  for (std::string_view line : split_lines(sec[2])) {
    const std::size_t tab = line.find('\t');
    TagClass c;
    if (tab == std::string_view::npos || tab == 0 || !upos_from(line.substr(tab + 1), c.upos))
      d.fail(0, "bad tag class '" + std::string(line.substr(0, 40)) + "'");
    c.xpos = std::string(line.substr(0, tab));
    m.tags.push_back(std::move(c));
  }
  for (std::string_view line : split_lines(sec[3])) m.labels.emplace_back(line);
  for (std::string_view line : split_lines(sec[4])) m.lemma_rules.emplace_back(line);
  if (m.tags.empty() || m.tags.size() > 4000) d.fail(0, "bad number of tag classes " + std::to_string(m.tags.size()));
  if (m.labels.empty() || m.labels.size() > 4000) d.fail(0, "bad number of labels " + std::to_string(m.labels.size()));
  if (m.lemma_rules.empty()) d.fail(0, "no lemma rules");
  std::string scratch;
  for (const auto& r : m.lemma_rules)
    if (!apply_lemma_rule(r, "xxxxxxxxxxxxxxxxxxxx", scratch) && r.rfind("k0:", 0) != 0 && r.rfind("l0:", 0) != 0)
      d.fail(0, "bad lemma rule '" + r.substr(0, 40) + "'");
  if (sec[5].size() != 8) d.fail(0, "parameters section has " + std::to_string(sec[5].size()) + " bytes, expected 8");
  std::memcpy(&m.root_label, sec[5].data(), 4);
  std::memcpy(&m.lemma_max_suffix, sec[5].data() + 4, 4);
  if (m.root_label >= m.labels.size() || m.labels[m.root_label] != "root") d.fail(0, "no 'root' label");
  if (m.lemma_max_suffix > 16) d.fail(0, "longest lemma suffix " + std::to_string(m.lemma_max_suffix) + " is out of range");

  auto table = [&](std::string_view slots_b, std::string_view entries_b, std::size_t classes, const char* what) {
    WeightTable t;
    t.slots = view<Slot>(slots_b);
    t.entries = view<Entry>(entries_b);
    t.classes = classes;
    if (t.slots.size() < 16 || !std::has_single_bit(t.slots.size()))
      d.fail(0, std::string(what) + " slot count " + std::to_string(t.slots.size()) + " is not a power of two >= 16");
    // Slots and entries are not walked here (megabytes, start-up): reads check them (WeightTable).
    return t;
  };
  WeightTable tagger = table(sec[6], sec[7], m.tags.size(), "tagger");
  WeightTable labels = table(sec[9], sec[13], 2 * m.labels.size(), "parser label");
  ActionTable actions;
  actions.slots = view<ActionSlot>(sec[8]);
  if (actions.slots.size() < 16 || !std::has_single_bit(actions.slots.size()))
    d.fail(0, "parser action slot count " + std::to_string(actions.slots.size()) + " is not a power of two >= 16");
  actions.filter = view<std::uint64_t>(sec[15]);
  if (!actions.filter.empty() && !std::has_single_bit(actions.filter.size()))
    d.fail(0, "parser action filter size " + std::to_string(actions.filter.size()) + " is not a power of two");
  // `valid(value)`: whether a full slot's value is in range.
  auto kv = [&](std::string_view b, const char* what, auto valid) {
    auto t = view<KeyValue>(b);
    if (t.empty()) return t;
    if (!std::has_single_bit(t.size())) d.fail(0, std::string(what) + " table size is not a power of two");
    std::size_t empty = 0;
    for (const KeyValue& e : t) {
      if (e.key == 0) ++empty;
      else if (!valid(e.value)) d.fail(0, std::string(what) + " table holds a value out of range");
    }
    if (empty == 0) d.fail(0, std::string(what) + " table has no empty slot");
    return t;
  };
  auto rule = [&](std::uint64_t v) { return v < m.lemma_rules.size(); };
  auto exceptions = kv(sec[10], "lemma exception", rule);
  auto suffixes = kv(sec[11], "lemma suffix", rule);
  auto classes = kv(sec[14], "word class", [](std::uint64_t v) {
    const std::uint64_t coarse = v & 0xFFFF, fine = v >> 16;
    return coarse >= 1 && coarse <= kMaxCoarseClasses && fine >= 1 && fine <= kMaxFineClasses;
  });
  const auto check = view<std::uint32_t>(sec[12]);
  m.check.assign(check.begin(), check.end());
  if (!image) {  // bytes not owned by the caller: keep an aligned copy
    auto* p = static_cast<char*>(::operator new(bytes.size(), std::align_val_t(kAlign)));
    std::memcpy(p, bytes.data(), bytes.size());
    image = std::shared_ptr<const void>(p, [](const void* q) { ::operator delete(const_cast<void*>(q), std::align_val_t(kAlign)); });
    return decode_model_unchecked(std::string_view(p, bytes.size()), image, origin, verify);
  }
  if (reinterpret_cast<std::uintptr_t>(bytes.data()) % kAlign != 0) {
    image.reset();
    return decode_model_unchecked(bytes, nullptr, origin, verify);
  }
  auto model = std::make_shared<const Model>(image, std::move(m), tagger, actions, labels, exceptions, suffixes,
                                             classes);
  if (verify && model->run_check() != model->data().check)
    throw FormatError(std::string(origin) +
                      ": bad syntax model: its built-in check sentences no longer parse as when it was written "
                      "(a model from another build of newsan, or a damaged file)");
  return model;
}

std::shared_ptr<const Model> decode_model(std::string_view bytes, std::shared_ptr<const void> image,
                                          std::string_view origin) {
  return decode_model_unchecked(bytes, std::move(image), origin, true);
}

void reseal_model(std::string& bytes) {
  if (bytes.size() < kHeaderSize + 8) return;
  const std::uint64_t size = bytes.size() - kHeaderSize;
  const std::uint64_t sum = model_checksum(reinterpret_cast<const unsigned char*>(bytes.data()) + kHeaderSize, size);
  std::memcpy(bytes.data() + 16, &size, 8);
  std::memcpy(bytes.data() + 24, &sum, 8);
}

std::string describe_model(const std::filesystem::path& path) {
  // The header, the section table and the description: a few hundred bytes,
  // checked like decode_model checks them (the rest of the file is not read).
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FormatError(path.string() + ": cannot open the syntax model");
  std::string head(kHeaderSize + kTableEntry * kSections, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const std::string origin = path.string();
  Decoder d(head, origin);
  if (head.size() < 8 || std::memcmp(head.data(), kMagic, 8) != 0) d.fail(0, "not a newsan syntax model (no NSSYNMDL magic)");
  const auto version = d.get<std::uint32_t>(8, "format version");
  if (version != kFormatVersion)
    d.fail(8, "format version " + std::to_string(version) + " is not supported (this newsan reads version " +
                  std::to_string(kFormatVersion) + ")");
  if (d.get<std::uint32_t>(12, "section count") != kSections) d.fail(12, "unexpected section count");
  for (std::uint32_t k = 0; k < kSections; ++k) {
    const std::size_t at = kHeaderSize + kTableEntry * k;
    if (d.get<std::uint32_t>(at, "section id") != 1) continue;
    const auto off = d.get<std::uint64_t>(at + 8, "section offset");
    const auto count = d.get<std::uint64_t>(at + 16, "section count");
    if (count > 4096) d.fail(at + 16, "description of " + std::to_string(count) + " bytes");
    std::string text(count, '\0');
    in.seekg(static_cast<std::streamoff>(off));
    in.read(text.data(), static_cast<std::streamsize>(count));
    if (static_cast<std::uint64_t>(in.gcount()) != count) d.fail(at + 8, "truncated while reading the description");
    return model_version_string(text);
  }
  d.fail(kHeaderSize, "no description section");
}

std::shared_ptr<const Model> load_model(const std::filesystem::path& path) {
  MappedFile f = map_model_file(path, "syntax model");
  return decode_model(f.bytes, f.image, path.string());
}

void build_slots(std::vector<std::pair<std::uint64_t, std::vector<Entry>>>& features, std::vector<Slot>& slots,
                 std::vector<Entry>& entries) {
  std::sort(features.begin(), features.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t n = 16;
  while (n * 3 < features.size() * 4) n *= 2;  // load factor at most 3/4
  slots.assign(n, Slot{0, 0, 0});
  entries.clear();
  for (auto& [key, es] : features) {
    std::size_t i = key & (n - 1);
    while (slots[i].key != 0) i = (i + 1) & (n - 1);
    slots[i] = Slot{key, static_cast<std::uint32_t>(entries.size()), static_cast<std::uint32_t>(es.size())};
    entries.insert(entries.end(), es.begin(), es.end());
  }
}

void build_action_slots(std::vector<std::pair<std::uint64_t, ActionSlot>> features, std::vector<ActionSlot>& slots,
                        std::vector<std::uint64_t>& filter) {
  std::sort(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t n = 16;
  while (n < features.size() * 2) n *= 2;  // load factor at most 1/2: few probes for absent features
  slots.assign(n, ActionSlot{0, {0, 0, 0}});
  for (const auto& [key, f] : features) {
    // Two features with the same index chain and tag cannot be told apart:
    // the first (by key) is kept.
    const std::uint16_t tag = action_tag(key);
    std::size_t i = key & (n - 1);
    bool clash = false;
    for (; slots[i].tag != 0; i = (i + 1) & (n - 1)) clash = clash || slots[i].tag == tag;
    if (clash) continue;
    slots[i] = f;
    slots[i].tag = tag;
  }
  std::size_t words = 1;
  while (words * 8 < features.size()) words *= 2;  // ~8 bits per key
  filter.assign(words, 0);
  // Every key, also one a clash left out: its lookup finds the slot it clashed with.
  for (const auto& [key, f] : features) filter[action_filter_word(key, words)] |= action_filter_bits(key);
}

std::vector<KeyValue> build_kv(std::vector<KeyValue> pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const KeyValue& a, const KeyValue& b) { return a.key < b.key; });
  if (pairs.empty()) return {};
  std::size_t n = 16;
  while (n < pairs.size() * 2) n *= 2;
  std::vector<KeyValue> t(n, KeyValue{0, 0});
  for (const auto& p : pairs) {
    std::size_t i = p.key & (n - 1);
    while (t[i].key != 0 && t[i].key != p.key) i = (i + 1) & (n - 1);
    t[i] = p;
  }
  return t;
}

}  // namespace newsan::syntax
