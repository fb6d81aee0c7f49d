// src/ner/model_io.cpp — the NER model file: writing and validated reading.
//
// Layout (all integers little-endian, written byte by byte; floats as their
// IEEE-754 bit patterns in a u32):
//   magic "NSNERMDL" (8 bytes) | u32 format version | u32 labels (17)
//   u32 chunk types (4) | u32 gazetteer categories (9)
//   u64 payload size | u64 payload checksum (see checksum() below)
//   payload:
//     u32 n, n bytes: training description (UTF-8)
//     f32 weight scale | f32 transitions[(labels + 1) * labels]
//     u32 features | u32 keys[features] (strictly ascending, non-zero)
//     i16 weights[features * labels]
//     u32 phrases | u64 phrase hashes[phrases] (strictly ascending) | u16 bits[phrases]
//     magic "NSNEREND"
// Every read is bounds-checked; anything unexpected is a FormatError naming
// the file, the offset and what was wrong.
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <type_traits>

#include "newsan/error.h"
#include "ner/model.h"

namespace newsan::ner {
namespace {

constexpr char kMagic[9] = "NSNERMDL";
constexpr char kEndMagic[9] = "NSNEREND";
constexpr std::size_t kHeaderSize = 8 + 4 * 4 + 8 + 8;

// Format versions:
//   1  (2026-11) first version: BILOU labels, 32-bit feature keys, int16
//      weights with one scale, gazetteer phrase hashes with category bits.
constexpr std::uint32_t kFormatVersion = 1;

std::uint64_t checksum(const unsigned char* p, std::size_t n) {
  // 64-bit multiply-rotate over 8-byte little-endian words: fast enough to
  // check a 10 MB model well inside the load-time budget.
  std::uint64_t h = 0x6E657773616E2131ull ^ n;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&w, p + i, 8);  // the same little-endian word, in one load
    } else {
      for (int k = 7; k >= 0; --k) w = (w << 8) | p[i + std::size_t(k)];
    }
    h = std::rotl((h ^ w) * 0x9E3779B97F4A7C15ull, 27);
  }
  std::uint64_t w = 0;
  for (std::size_t k = n; k-- > i;) w = (w << 8) | p[k];
  h = std::rotl((h ^ w) * 0x9E3779B97F4A7C15ull, 27);
  return h ^ (h >> 29);
}

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(char(v)); }
  void u16(std::uint16_t v) { for (int k = 0; k < 2; ++k) u8(std::uint8_t(v >> (8 * k))); }
  void u32(std::uint32_t v) { for (int k = 0; k < 4; ++k) u8(std::uint8_t(v >> (8 * k))); }
  void u64(std::uint64_t v) { for (int k = 0; k < 8; ++k) u8(std::uint8_t(v >> (8 * k))); }
  void f32(float v) { u32(std::bit_cast<std::uint32_t>(v)); }
  void raw(std::string_view s) { out_.append(s); }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view bytes, std::string_view origin, std::size_t base)
      : p_(reinterpret_cast<const unsigned char*>(bytes.data())), n_(bytes.size()), origin_(origin), base_(base) {}
  [[noreturn]] void fail(const std::string& what) const {
    throw FormatError(std::string(origin_) + ": bad NER model at byte " + std::to_string(base_ + pos_) + ": " +
                      what);
  }
  void need(std::size_t k, const char* what) const {
    if (k > n_ - pos_)
      fail(std::string("truncated while reading ") + what + " (needs " + std::to_string(k) + " bytes, " +
           std::to_string(n_ - pos_) + " left)");
  }
  std::uint64_t le(int bytes, const char* what) {
    need(std::size_t(bytes), what);
    std::uint64_t v = 0;
    for (int k = bytes - 1; k >= 0; --k) v = (v << 8) | p_[pos_ + std::size_t(k)];
    pos_ += std::size_t(bytes);
    return v;
  }
  std::uint16_t u16(const char* what) { return std::uint16_t(le(2, what)); }
  std::uint32_t u32(const char* what) { return std::uint32_t(le(4, what)); }
  std::uint64_t u64(const char* what) { return le(8, what); }
  float f32(const char* what) {
    float v = std::bit_cast<float>(u32(what));
    if (!std::isfinite(v)) fail(std::string(what) + " is not a finite number");
    return v;
  }
  std::string_view bytes(std::size_t k, const char* what) {
    need(k, what);
    std::string_view s(reinterpret_cast<const char*>(p_ + pos_), k);
    pos_ += k;
    return s;
  }
  // A count of items of `size` bytes each that must fit in what is left.
  std::uint32_t count(std::size_t size, const char* what) {
    std::uint32_t c = u32(what);
    if (std::size_t(c) * size > n_ - pos_)
      fail(std::string(what) + " " + std::to_string(c) + " exceeds the file (" + std::to_string(n_ - pos_) +
           " bytes left)");
    return c;
  }
  std::size_t left() const { return n_ - pos_; }
  // Decodes `count` rows of kLabels little-endian int16 weights straight into the table.
  void rows(std::vector<Model::Row>& out, std::size_t count, const char* what) {
    need(count * kLabels * 2, what);
    out.assign(count, Model::Row{});
    const unsigned char* p = p_ + pos_;
    if constexpr (std::endian::native == std::endian::little && sizeof(Model::Row) == kLabels * 2) {
      // The file's little-endian int16 rows are the host's layout: one copy (load time).
      if (count) std::memcpy(out.data(), p, count * kLabels * 2);
    } else {
      for (auto& row : out)
        for (int l = 0; l < kLabels; ++l, p += 2) row.w[l] = std::int16_t(std::uint16_t(p[0] | p[1] << 8));
    }
    pos_ += count * kLabels * 2;
  }
  // Decodes `count` little-endian integers of sizeof(T) bytes after one bounds check.
  template <class T>
  void array(std::vector<T>& out, std::size_t count, const char* what) {
    constexpr std::size_t k = sizeof(T);
    need(count * k, what);
    out.resize(count);
    const unsigned char* p = p_ + pos_;
    if constexpr (std::endian::native == std::endian::little && std::is_integral_v<T>) {
      if (count) std::memcpy(out.data(), p, count * k);
    } else {
      for (std::size_t i = 0; i < count; ++i, p += k) {
        std::uint64_t v = 0;
        for (std::size_t b = k; b-- > 0;) v = (v << 8) | p[b];
        out[i] = T(v);
      }
    }
    pos_ += count * k;
  }

 private:
  const unsigned char* p_;
  std::size_t n_;
  std::size_t pos_ = 0;
  std::string_view origin_;
  std::size_t base_;
};

}  // namespace

struct ModelIO {
  static std::string encode(const Model& m) {
    Writer pay;
    pay.u32(std::uint32_t(m.info.size()));
    pay.raw(m.info);
    pay.f32(m.scale);
    for (const auto& row : m.trans)
      for (float v : row) pay.f32(v);
    pay.u32(std::uint32_t(m.keys.size()));
    for (auto k : m.keys) pay.u32(k);
    for (const auto& row : m.table)
      for (int l = 0; l < kLabels; ++l) pay.u16(std::uint16_t(row.w[l]));
    Gazetteer built;
    if (m.gazetteer.index_.empty() && !m.gazetteer.keys_.empty()) {
      built = m.gazetteer;
      built.rebuild_index();
    }
    const Gazetteer& g = built.keys_.empty() ? m.gazetteer : built;
    pay.u32(std::uint32_t(g.keys_.size()));
    for (auto k : g.keys_) pay.u64(k);
    for (auto b : g.bits_) pay.u16(b);
    pay.raw(std::string_view(kEndMagic, 8));
    Writer out;
    out.raw(std::string_view(kMagic, 8));
    out.u32(kFormatVersion);
    out.u32(kLabels);
    out.u32(kChunkTypes);
    out.u32(kGazCategories);
    out.u64(pay.str().size());
    out.u64(checksum(reinterpret_cast<const unsigned char*>(pay.str().data()), pay.str().size()));
    out.raw(pay.str());
    return std::move(out.str());
  }

  static std::shared_ptr<Model> decode(std::string_view bytes, std::string_view origin) {
    Reader h(bytes, origin, 0);
    if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0)
      throw FormatError(std::string(origin) + ": not a newsan NER model (no NSNERMDL magic)");
    h.bytes(8, "magic");
    std::uint32_t version = h.u32("format version");
    if (version != kFormatVersion)
      h.fail("unsupported format version " + std::to_string(version) + " (this newsan reads version " +
             std::to_string(kFormatVersion) + ")");
    if (h.u32("label count") != std::uint32_t(kLabels) || h.u32("chunk type count") != std::uint32_t(kChunkTypes) ||
        h.u32("gazetteer category count") != std::uint32_t(kGazCategories))
      h.fail("label set or gazetteer categories differ from this newsan's");
    std::uint64_t size = h.u64("payload size");
    std::uint64_t sum = h.u64("checksum");
    if (size != h.left())
      h.fail("payload size " + std::to_string(size) + " but " + std::to_string(h.left()) +
             " bytes follow (truncated or padded file)");
    std::string_view payload = bytes.substr(kHeaderSize);
    if (checksum(reinterpret_cast<const unsigned char*>(payload.data()), payload.size()) != sum)
      h.fail("checksum mismatch (corrupted file)");

    Reader r(payload, origin, kHeaderSize);
    auto m = std::make_shared<Model>();
    m->info = std::string(r.bytes(r.count(1, "description length"), "description"));
    m->scale = r.f32("weight scale");
    for (auto& row : m->trans)
      for (float& v : row) v = r.f32("transition weight");
    std::uint32_t nf = r.count(4 + 2 * kLabels, "feature count");
    r.array(m->keys, nf, "feature keys");
    for (std::uint32_t i = 0; i < nf; ++i)
      if (m->keys[i] == 0 || (i > 0 && m->keys[i] <= m->keys[i - 1])) r.fail("feature keys not strictly ascending");
    r.rows(m->table, nf, "weights");
    std::uint32_t np = r.count(8 + 2, "gazetteer phrase count");
    Gazetteer& g = m->gazetteer;
    r.array(g.keys_, np, "phrase hashes");
    for (std::uint32_t i = 1; i < np; ++i)
      if (g.keys_[i] <= g.keys_[i - 1]) r.fail("gazetteer hashes not strictly ascending");
    r.array(g.bits_, np, "phrase categories");
    if (r.bytes(8, "end magic") != std::string_view(kEndMagic, 8)) r.fail("missing end magic NSNEREND");
    if (r.left() != 0) r.fail("trailing bytes after the end magic");
    g.rebuild_index();
    m->build_table();
    m->version = "ner-en perceptron-bilou format " + std::to_string(version) + ", " + std::to_string(nf) +
                 " features, " + std::to_string(np) + " gazetteer entries" +
                 (m->info.empty() ? std::string() : "; " + m->info);
    return m;
  }
};

std::string encode_model(const Model& model) { return ModelIO::encode(model); }

Tagger Tagger::from_bytes(std::string_view bytes, std::string_view origin) {
  return Tagger(ModelIO::decode(bytes, origin));
}

Tagger Tagger::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FormatError(path.string() + ": cannot open NER model");
  std::string bytes;
  std::error_code ec;
  if (auto size = std::filesystem::file_size(path, ec); !ec) bytes.reserve(std::size_t(size));
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) bytes.append(buf, std::size_t(in.gcount()));
  if (in.bad()) throw FormatError(path.string() + ": cannot read NER model");
  return from_bytes(bytes, path.string());
}

}  // namespace newsan::ner
