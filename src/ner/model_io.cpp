// src/ner/model_io.cpp — the NER model file: writing, and validated reading
// of a file image that is then used in place (mapped, not decoded).
//
// Layout (all integers little-endian; floats as IEEE-754 binary32; every
// section starts at a multiple of 64 bytes from the start of the file and is
// zero-padded to the next one):
//   header, 64 bytes:
//     magic "NSNERMDL" | u32 format version | u32 labels (17) | u32 chunk types (4)
//     u32 gazetteer categories (9) | u64 payload size | u64 payload checksum
//     (model_checksum(), src/util/model_file.cpp) | 24 zero bytes
//   payload:
//     u32 description length | u32 features | u32 feature slots | u32 phrases
//     u32 phrase slots | f32 weight scale | f32 transitions[(labels + 1) * labels]
//     | description (UTF-8)
//     feature slots: {u32 key, u32 row}[feature slots], open-addressed by
//       (key * 0x9E3779B1) & (slots - 1) with linear probing; key 0 = empty
//     i16 weights[features * labels], row r for the feature whose slot says r
//     u64 phrase hashes[phrases] (strictly ascending) | u16 bits[phrases]
//     u32 phrase index[phrase slots]: 1 + position in the hashes, 0 = empty,
//       open-addressed by mix(hash, 7) (Gazetteer::lookup_hash)
//     u64 phrase filter[ceil(phrases / 32) * 8]: a blocked Bloom filter over the
//       phrase hashes (Gazetteer::filter_blocks), tested before the index
//     magic "NSNEREND"
// Slot counts are powers of two, larger than what they index, so probing ends.
// Reading checks the sizes, the checksum and every slot, and fails with a
// FormatError naming the file, the offset and what was wrong.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <new>
#include <type_traits>

#include "newsan/error.h"
#include "ner/model.h"
#include "util/model_file.h"

namespace newsan::ner {

// The image is used in place: its integers must be the host's.
static_assert(std::endian::native == std::endian::little,
              "the NER model image is little-endian and used in place; this host is not");

namespace {

constexpr char kMagic[9] = "NSNERMDL";
constexpr char kEndMagic[9] = "NSNEREND";
constexpr std::size_t kHeaderSize = 64;
constexpr std::size_t kAlign = 64;
constexpr std::size_t kFixedSize = 5 * 4 + 4 + 4 * (kLabels + 1) * kLabels;

// Format versions:
//   1  (2026-11) first version: BILOU labels, 32-bit feature keys, int16
//      weights with one scale, gazetteer phrase hashes with category bits.
//   2  (2026-11) the same model as an image used in place: 64-byte aligned
//      sections, the feature and phrase slot tables stored, a four-lane checksum.
constexpr std::uint32_t kFormatVersion = 2;

std::size_t padded(std::size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

class Writer {
 public:
  template <class T>
  void put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  template <class T>
  void array(const T* p, std::size_t n) {
    out_.append(reinterpret_cast<const char*>(p), n * sizeof(T));
  }
  void raw(std::string_view s) { out_.append(s); }
  void align() { out_.resize(padded(out_.size()), '\0'); }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

std::uint64_t filter_blocks(std::uint64_t phrases) { return std::max<std::uint64_t>(1, (phrases + 31) / 32); }

// Sections of the payload, as offsets from the file's start.
struct Layout {
  std::uint64_t info, slots, weights, phrase_keys, phrase_bits, phrase_index, phrase_filter, end, size;
  Layout(std::uint64_t info_len, std::uint64_t features, std::uint64_t slots_n, std::uint64_t phrases,
         std::uint64_t phrase_slots) {
    info = kHeaderSize + kFixedSize;
    slots = padded(info + info_len);
    weights = padded(slots + 8 * slots_n);
    phrase_keys = padded(weights + 2 * kLabels * features);
    phrase_bits = padded(phrase_keys + 8 * phrases);
    phrase_index = padded(phrase_bits + 2 * phrases);
    phrase_filter = padded(phrase_index + 4 * phrase_slots);
    end = padded(phrase_filter + 8 * Gazetteer::kFilterWords * filter_blocks(phrases));
    size = end + 8;
  }
};

class Reader {
 public:
  Reader(std::string_view bytes, std::string_view origin)
      : p_(reinterpret_cast<const unsigned char*>(bytes.data())), n_(bytes.size()), origin_(origin) {}
  [[noreturn]] void fail(const std::string& what) const { fail_at(pos_, what); }
  [[noreturn]] void fail_at(std::size_t at, const std::string& what) const {
    throw FormatError(std::string(origin_) + ": bad NER model at byte " + std::to_string(at) + ": " + what);
  }
  template <class T>
  T get(const char* what) {
    if (sizeof(T) > n_ - pos_)
      fail(std::string("truncated while reading ") + what + " (needs " + std::to_string(sizeof(T)) + " bytes, " +
           std::to_string(n_ - pos_) + " left)");
    T v;
    std::memcpy(&v, p_ + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  float f32(const char* what) {
    float v = get<float>(what);
    if (!std::isfinite(v)) fail_at(pos_ - 4, std::string(what) + " is not a finite number");
    return v;
  }
  std::uint32_t slot_count(std::uint32_t entries, const char* what) {
    std::uint32_t n = get<std::uint32_t>(what);
    if (n < 16 || !std::has_single_bit(n) || n <= entries)
      fail_at(pos_ - 4, std::string(what) + " " + std::to_string(n) + " is not a power of two above " +
                            std::to_string(entries));
    return n;
  }
  void seek(std::size_t at) { pos_ = at; }
  std::size_t pos() const { return pos_; }
  const unsigned char* at(std::size_t off) const { return p_ + off; }

 private:
  const unsigned char* p_;
  std::size_t n_;
  std::size_t pos_ = 0;
  std::string_view origin_;
};

// A copy of bytes at a 64-byte-aligned address (the image's sections are aligned).
std::shared_ptr<const void> aligned_copy(std::string_view bytes) {
  auto* p = static_cast<char*>(::operator new(bytes.size() ? bytes.size() : 1, std::align_val_t(kAlign)));
  if (!bytes.empty()) std::memcpy(p, bytes.data(), bytes.size());
  return std::shared_ptr<const void>(p, [](const void* q) {
    ::operator delete(const_cast<void*>(q), std::align_val_t(kAlign));
  });
}

}  // namespace

void reseal_model(std::string& bytes) {
  if (bytes.size() < kHeaderSize) return;
  const std::uint64_t size = bytes.size() - kHeaderSize;
  const std::uint64_t sum = model_checksum(reinterpret_cast<const unsigned char*>(bytes.data()) + kHeaderSize, size);
  std::memcpy(bytes.data() + 24, &size, 8);
  std::memcpy(bytes.data() + 32, &sum, 8);
}

struct ModelIO {
  static std::string encode(const ModelParts& m) {
    const Gazetteer* g = &m.gazetteer;
    Gazetteer built;
    if (!m.gazetteer.pending_keys_.empty() || m.gazetteer.slots_ == 0) {
      built = m.gazetteer;
      built.rebuild_index();
      g = &built;
    }
    const std::size_t nf = m.keys.size();
    if (m.weights.size() != nf * kLabels || nf >= 0x40000000u || g->n_ >= 0x40000000u ||
        m.info.size() > 0xFFFFFFFFu)
      throw OutputError("NER model: inconsistent or oversized model parts");
    for (std::size_t i = 0; i < nf; ++i)
      if (m.keys[i] == 0 || (i > 0 && m.keys[i] <= m.keys[i - 1]))
        throw OutputError("NER model: feature keys are not non-zero and strictly ascending");
    std::size_t nslots = 16;
    while (nslots < nf * 2) nslots *= 2;  // load factor <= 0.5
    std::vector<Model::Slot> slots(nslots, Model::Slot{0, 0});
    for (std::size_t k = 0; k < nf; ++k) {
      std::uint32_t i = (m.keys[k] * 0x9E3779B1u) & std::uint32_t(nslots - 1);
      while (slots[i].key != 0) i = (i + 1) & std::uint32_t(nslots - 1);
      slots[i] = {m.keys[k], std::uint32_t(k)};
    }
    Writer out;
    out.raw(std::string_view(kMagic, 8));
    out.put<std::uint32_t>(kFormatVersion);
    out.put<std::uint32_t>(kLabels);
    out.put<std::uint32_t>(kChunkTypes);
    out.put<std::uint32_t>(kGazCategories);
    out.put<std::uint64_t>(0);  // payload size and checksum, filled in below
    out.put<std::uint64_t>(0);
    out.align();
    out.put<std::uint32_t>(std::uint32_t(m.info.size()));
    out.put<std::uint32_t>(std::uint32_t(nf));
    out.put<std::uint32_t>(std::uint32_t(nslots));
    out.put<std::uint32_t>(std::uint32_t(g->n_));
    out.put<std::uint32_t>(std::uint32_t(g->slots_));
    out.put<float>(m.scale);
    for (const auto& row : m.trans) out.array(row, kLabels);
    out.raw(m.info);
    out.align();
    out.array(slots.data(), slots.size());
    out.align();
    out.array(m.weights.data(), m.weights.size());
    out.align();
    out.array(g->keys_, g->n_);
    out.align();
    out.array(g->bits_, g->n_);
    out.align();
    out.array(g->index_, g->slots_);
    out.align();
    if (g->filter_blocks_ != filter_blocks(g->n_)) throw OutputError("NER model: gazetteer filter of the wrong size");
    out.array(g->filter_, g->filter_blocks_ * Gazetteer::kFilterWords);
    out.align();
    out.raw(std::string_view(kEndMagic, 8));
    reseal_model(out.str());
    return std::move(out.str());
  }

  static std::shared_ptr<const Model> decode(std::string_view bytes, std::shared_ptr<const void> image,
                                             std::string_view origin) {
    Reader h(bytes, origin);
    if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0)
      throw FormatError(std::string(origin) + ": not a newsan NER model (no NSNERMDL magic)");
    h.seek(8);
    std::uint32_t version = h.get<std::uint32_t>("format version");
    if (version != kFormatVersion)
      h.fail_at(8, "unsupported format version " + std::to_string(version) + " (this newsan reads version " +
                       std::to_string(kFormatVersion) + ")");
    if (h.get<std::uint32_t>("label count") != std::uint32_t(kLabels) ||
        h.get<std::uint32_t>("chunk type count") != std::uint32_t(kChunkTypes) ||
        h.get<std::uint32_t>("gazetteer category count") != std::uint32_t(kGazCategories))
      h.fail_at(12, "label set or gazetteer categories differ from this newsan's");
    std::uint64_t size = h.get<std::uint64_t>("payload size");
    std::uint64_t sum = h.get<std::uint64_t>("checksum");
    if (bytes.size() < kHeaderSize) h.fail("truncated header");
    if (size != bytes.size() - kHeaderSize)
      h.fail_at(24, "payload size " + std::to_string(size) + " but " + std::to_string(bytes.size() - kHeaderSize) +
                        " bytes follow (truncated or padded file)");
    if (!image || reinterpret_cast<std::uintptr_t>(bytes.data()) % 8 != 0) {
      image = aligned_copy(bytes);
      bytes = std::string_view(static_cast<const char*>(image.get()), bytes.size());
      return decode(bytes, std::move(image), origin);
    }
    const auto* base = reinterpret_cast<const unsigned char*>(bytes.data());
    if (model_checksum(base + kHeaderSize, size) != sum) h.fail_at(32, "checksum mismatch (corrupted file)");

    Reader r(bytes, origin);
    r.seek(kHeaderSize);
    auto m = std::make_shared<Model>();
    const std::uint32_t info_len = r.get<std::uint32_t>("description length");
    const std::uint32_t nf = r.get<std::uint32_t>("feature count");
    const std::uint32_t nslots = r.slot_count(nf, "feature slot count");
    const std::uint32_t np = r.get<std::uint32_t>("gazetteer phrase count");
    const std::uint32_t npslots = r.slot_count(np, "gazetteer slot count");
    m->scale = r.f32("weight scale");
    for (auto& row : m->trans)
      for (float& v : row) v = r.f32("transition weight");
    const Layout at(info_len, nf, nslots, np, npslots);
    if (at.size != bytes.size())
      r.fail_at(kHeaderSize, "the counts need " + std::to_string(at.size) + " bytes but the file has " +
                                 std::to_string(bytes.size()));
    m->info.assign(reinterpret_cast<const char*>(base + at.info), info_len);

    m->slots = reinterpret_cast<const Model::Slot*>(base + at.slots);
    m->mask = nslots - 1;
    m->weights = reinterpret_cast<const std::int16_t*>(base + at.weights);
    // The scans below are branch-free (they run at every start); a second pass names the culprit.
    std::uint32_t used = 0, bad = 0;
    for (std::uint32_t i = 0; i < nslots; ++i) {
      const Model::Slot& s = m->slots[i];
      bad |= (s.key == 0) & (s.row != 0);
      bad |= (s.key != 0) & (s.row >= nf);
      used += s.key != 0;
    }
    for (std::uint32_t i = 0; bad && i < nslots; ++i) {
      const Model::Slot& s = m->slots[i];
      if (s.key == 0 ? s.row != 0 : s.row >= nf)
        r.fail_at(at.slots + 8 * std::size_t(i), "feature slot " + std::to_string(i) + " points outside the weights");
    }
    if (used != nf)
      r.fail_at(at.slots, std::to_string(used) + " feature slots used for " + std::to_string(nf) + " features");

    Gazetteer& g = m->gazetteer;
    g.keys_ = reinterpret_cast<const std::uint64_t*>(base + at.phrase_keys);
    g.bits_ = reinterpret_cast<const std::uint16_t*>(base + at.phrase_bits);
    g.index_ = reinterpret_cast<const std::uint32_t*>(base + at.phrase_index);
    g.n_ = np;
    g.slots_ = npslots;
    g.filter_ = reinterpret_cast<const std::uint64_t*>(base + at.phrase_filter);
    g.filter_blocks_ = filter_blocks(np);
    bad = 0;
    for (std::uint32_t i = 1; i < np; ++i) bad |= g.keys_[i] <= g.keys_[i - 1];
    for (std::uint32_t i = 1; bad && i < np; ++i)
      if (g.keys_[i] <= g.keys_[i - 1])
        r.fail_at(at.phrase_keys + 8 * std::size_t(i), "gazetteer hashes not strictly ascending");
    used = 0;
    for (std::uint32_t i = 0; i < npslots; ++i) {
      bad |= g.index_[i] > np;
      used += g.index_[i] != 0;
    }
    for (std::uint32_t i = 0; bad && i < npslots; ++i)
      if (g.index_[i] > np)
        r.fail_at(at.phrase_index + 4 * std::size_t(i), "gazetteer slot " + std::to_string(i) + " points past the hashes");
    if (used != np)
      r.fail_at(at.phrase_index, std::to_string(used) + " gazetteer slots used for " + std::to_string(np) + " phrases");
    if (std::memcmp(base + at.end, kEndMagic, 8) != 0) r.fail_at(at.end, "missing end magic NSNEREND");

    static std::atomic<std::uint64_t> models{0};
    m->id = ++models;
    g.storage_ = image;
    m->bytes = bytes;
    m->image = std::move(image);
    m->version = "ner-en perceptron-bilou format " + std::to_string(version) + ", " + std::to_string(nf) +
                 " features, " + std::to_string(np) + " gazetteer entries" +
                 (m->info.empty() ? std::string() : "; " + m->info);
    return m;
  }
};

std::string encode_parts(const ModelParts& parts) { return ModelIO::encode(parts); }

std::shared_ptr<const Model> decode_model(std::string_view bytes, std::shared_ptr<const void> image,
                                          std::string_view origin) {
  return ModelIO::decode(bytes, std::move(image), origin);
}

std::string encode_model(const Model& model) { return std::string(model.bytes); }

Tagger Tagger::from_bytes(std::string_view bytes, std::string_view origin) {
  return Tagger(decode_model(bytes, nullptr, origin));
}

Tagger Tagger::load(const std::filesystem::path& path) {
  // Mapped read-only and used in place: start-up maps the file instead of
  // decoding it, and concurrent processes share its pages.
  MappedFile f = map_model_file(path, "NER model");
  return Tagger(decode_model(f.bytes, f.image, path.string()));
}

}  // namespace newsan::ner
