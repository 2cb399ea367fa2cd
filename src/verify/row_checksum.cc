#include "verify/row_checksum.h"

#include <openssl/evp.h>

#include <cstring>
#include <optional>

namespace lakehouse::verify {
namespace {

constexpr unsigned char kNullTag = 0;
constexpr unsigned char kValueTag = 1;
constexpr uint32_t kFnvOffset = 2166136261u;
constexpr uint32_t kFnvPrime = 16777619u;

uint32_t Fnv1a(uint32_t hash, const void* data, size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < n; ++i) {
    hash ^= p[i];
    hash *= kFnvPrime;
  }
  return hash;
}

void LengthBytes(uint64_t n, unsigned char out[8]) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<unsigned char>(n >> (8 * i));
}

void AppendEncoded(const CanonicalValue& value, std::string* out) {
  if (!value) {
    out->push_back(static_cast<char>(kNullTag));
    return;
  }
  unsigned char len[8];
  LengthBytes(value->size(), len);
  out->push_back(static_cast<char>(kValueTag));
  out->append(reinterpret_cast<const char*>(len), 8);
  out->append(*value);
}

// Decodes the next value of an EncodeKey string; false on malformed input.
bool DecodeOne(std::string_view* in, CanonicalValue* value) {
  if (in->empty()) return false;
  const unsigned char tag = static_cast<unsigned char>(in->front());
  in->remove_prefix(1);
  if (tag == kNullTag) {
    *value = std::nullopt;
    return true;
  }
  if (tag != kValueTag || in->size() < 8) return false;
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= static_cast<uint64_t>(static_cast<unsigned char>((*in)[i])) << (8 * i);
  in->remove_prefix(8);
  if (in->size() < n) return false;
  *value = std::string(in->substr(0, n));
  in->remove_prefix(n);
  return true;
}

bool LooksNumeric(const std::string& s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!((c >= '0' && c <= '9') || c == '.' || (c == '-' && i == 0))) return false;
  }
  return true;
}

}  // namespace

struct RowChecksum::Impl {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool started = false;
  RowDigest digest;
  ~Impl() { EVP_MD_CTX_free(ctx); }
};

RowChecksum::RowChecksum() : impl_(std::make_unique<Impl>()) {}
RowChecksum::~RowChecksum() = default;

void RowChecksum::Add(const CanonicalValue& value) {
  if (!impl_->started) {
    EVP_DigestInit_ex(impl_->ctx, EVP_sha256(), nullptr);
    impl_->started = true;
  }
  uint32_t fp = kFnvOffset;
  if (!value) {
    const unsigned char tag = kNullTag;
    EVP_DigestUpdate(impl_->ctx, &tag, 1);
    fp = Fnv1a(fp, &tag, 1);
  } else {
    unsigned char header[9];
    header[0] = kValueTag;
    LengthBytes(value->size(), header + 1);
    EVP_DigestUpdate(impl_->ctx, header, sizeof(header));
    EVP_DigestUpdate(impl_->ctx, value->data(), value->size());
    fp = Fnv1a(Fnv1a(fp, header, sizeof(header)), value->data(), value->size());
  }
  impl_->digest.column_fingerprints.push_back(fp);
}

RowDigest RowChecksum::Finish() {
  if (!impl_->started) {
    EVP_DigestInit_ex(impl_->ctx, EVP_sha256(), nullptr);
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  EVP_DigestFinal_ex(impl_->ctx, md, &md_len);
  uint64_t checksum = 0;
  for (int i = 0; i < 8; ++i) checksum = (checksum << 8) | md[i];
  RowDigest out = std::move(impl_->digest);
  out.checksum = checksum;
  impl_->digest = RowDigest();
  impl_->started = false;
  return out;
}

RowDigest RowChecksum::Of(const std::vector<CanonicalValue>& values) {
  RowChecksum builder;
  for (const auto& v : values) builder.Add(v);
  return builder.Finish();
}

std::string EncodeKey(const std::vector<CanonicalValue>& key_values) {
  std::string out;
  for (const auto& v : key_values) AppendEncoded(v, &out);
  return out;
}

std::string DescribeKey(const std::vector<std::string>& columns, std::string_view encoded_key) {
  std::string out;
  std::string_view in = encoded_key;
  for (size_t i = 0; !in.empty(); ++i) {
    CanonicalValue value;
    if (!DecodeOne(&in, &value)) {
      static constexpr char kDigits[] = "0123456789abcdef";
      std::string hex = "0x";
      for (unsigned char c : encoded_key) hex += {kDigits[c >> 4], kDigits[c & 15]};
      return "<undecodable key " + hex + ">";
    }
    if (i > 0) out += ", ";
    out += (i < columns.size() ? columns[i] : "?") + "=";
    out += value && LooksNumeric(*value) ? *value : DescribeCanonical(value);
  }
  return out;
}

int FirstDifferingColumn(const RowDigest& a, const RowDigest& b) {
  if (a.column_fingerprints.size() != b.column_fingerprints.size()) return -1;
  for (size_t i = 0; i < a.column_fingerprints.size(); ++i) {
    if (a.column_fingerprints[i] != b.column_fingerprints[i]) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace lakehouse::verify
