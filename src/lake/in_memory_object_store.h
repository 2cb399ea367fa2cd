// InMemoryObjectStore: an ObjectStore held in a map, for tests.
//
// Buckets must be created before use (as with a real S3 endpoint). The clock is
// fixed: every put stamps `last_modified_ms` with the value given to
// SetClockMs() (default 0), so tests can assert on timestamps. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "lake/object_store.h"

namespace lakehouse {

class InMemoryObjectStore : public ObjectStore {
 public:
  InMemoryObjectStore() = default;
  InMemoryObjectStore(const InMemoryObjectStore&) = delete;
  InMemoryObjectStore& operator=(const InMemoryObjectStore&) = delete;

  // Idempotent.
  void CreateBucket(const std::string& bucket);
  // The timestamp given to objects put from now on.
  void SetClockMs(int64_t now_ms);

  Result<std::vector<ObjectInfo>> ListObjects(const std::string& bucket, const std::string& prefix,
                                              const std::string& start_after = "") override;
  Result<std::string> GetObject(const std::string& bucket, const std::string& key) override;
  Status PutObject(const std::string& bucket, const std::string& key, const std::string& data) override;
  Status DeleteObject(const std::string& bucket, const std::string& key) override;

  // Test hooks: every key of a bucket (sorted), and the number of ListObjects /
  // GetObject calls served so far (to check that the _last_checkpoint hint saves work).
  std::vector<std::string> TEST_Keys(const std::string& bucket) const;
  int TEST_ListCalls() const;
  int TEST_GetCalls() const;

 private:
  struct Object {
    std::string data;
    int64_t last_modified_ms = 0;
  };
  using Bucket = std::map<std::string, Object>;

  Result<Bucket*> FindBucket(const std::string& bucket);  // REQUIRES: mu_ held

  mutable std::mutex mu_;
  std::map<std::string, Bucket> buckets_;
  int64_t now_ms_ = 0;
  int list_calls_ = 0;
  int get_calls_ = 0;
};

}  // namespace lakehouse
