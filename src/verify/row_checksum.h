// RowChecksum: what the verifier keeps of a row instead of the row itself.
//
// Both sides reduce each row to its canonical values (canonical_value.h) over
// the same ordered list of columns, and from them to a RowDigest:
//  - `checksum`: the first 64 bits of SHA-256 over the values' encoding, where
//    each value is a tag byte (0 = NULL, 1 = value) followed, for a value, by its
//    length as 8 little-endian bytes and its bytes. The encoding is prefix-free,
//    so no two different rows (e.g. ("ab","c") and ("a","bc"), or NULL and "")
//    share an input, and equal checksums mean equal rows up to a 2^-64 chance.
//  - `column_fingerprints`: a 32-bit FNV-1a hash of each value's encoding, only
//    to name the first column in which two rows differ.
// Keys are kept whole (EncodeKey), in the same encoding, so a key can be
// printed back (DescribeKey) for the report. Pure functions and a small
// single-threaded builder.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "verify/canonical_value.h"

namespace lakehouse::verify {

struct RowDigest {
  uint64_t checksum = 0;
  std::vector<uint32_t> column_fingerprints;

  bool operator==(const RowDigest&) const = default;
};

// Builds one RowDigest from the row's values, added in column order.
// Not thread-safe; reusable after Finish().
class RowChecksum {
 public:
  RowChecksum();
  ~RowChecksum();
  RowChecksum(const RowChecksum&) = delete;
  RowChecksum& operator=(const RowChecksum&) = delete;

  void Add(const CanonicalValue& value);
  // The digest of the values added since the last Finish(); resets the builder.
  RowDigest Finish();

  // Convenience: the digest of a whole row.
  static RowDigest Of(const std::vector<CanonicalValue>& values);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The encoding of a key (the primary-key columns' canonical values, in key
// order): the map key both sides index rows by.
std::string EncodeKey(const std::vector<CanonicalValue>& key_values);

// "id=42", "order_id=7, line_no=2", "code='01'" for text-like values; `columns`
// names the key columns in order. An undecodable key is shown in hex.
std::string DescribeKey(const std::vector<std::string>& columns, std::string_view encoded_key);

// The index of the first column whose fingerprints differ, or -1 if none do
// (the checksums differ only by a fingerprint collision) or the lengths differ.
int FirstDifferingColumn(const RowDigest& a, const RowDigest& b);

}  // namespace lakehouse::verify
