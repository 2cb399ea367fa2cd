// ObjectStore: the read/write surface of an S3-like object store, as the lake
// module needs it.
//
// DeltaLog reads a table's `_delta_log/` through this interface, so tests run it
// against InMemoryObjectStore and production runs it against S3Client. Keys are
// plain (unencoded) object keys; a "bucket" is the top-level namespace.
// Implementations must be safe for concurrent use from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace lakehouse {

// One object as returned by a listing.
struct ObjectInfo {
  std::string key;               // full key inside the bucket, unencoded
  int64_t size = 0;              // bytes
  int64_t last_modified_ms = 0;  // milliseconds since the Unix epoch (UTC)

  bool operator==(const ObjectInfo&) const = default;
};

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  // Every object whose key starts with `prefix` and sorts strictly after
  // `start_after` (byte order; "" = from the beginning), in ascending key order.
  // An empty prefix lists the whole bucket. A missing bucket is NotFound; an
  // existing bucket with no matching keys is an empty vector.
  virtual Result<std::vector<ObjectInfo>> ListObjects(const std::string& bucket, const std::string& prefix,
                                                      const std::string& start_after = "") = 0;

  // The whole content of one object. NotFound if the bucket or key is missing.
  virtual Result<std::string> GetObject(const std::string& bucket, const std::string& key) = 0;

  // Creates or replaces one object.
  virtual Status PutObject(const std::string& bucket, const std::string& key, const std::string& data) = 0;

  // Removes one object; removing a missing key is OK (as in S3).
  virtual Status DeleteObject(const std::string& bucket, const std::string& key) = 0;
};

}  // namespace lakehouse
