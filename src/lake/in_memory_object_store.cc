#include "lake/in_memory_object_store.h"

namespace lakehouse {

void InMemoryObjectStore::CreateBucket(const std::string& bucket) {
  std::lock_guard<std::mutex> lock(mu_);
  buckets_[bucket];
}

void InMemoryObjectStore::SetClockMs(int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  now_ms_ = now_ms;
}

Result<InMemoryObjectStore::Bucket*> InMemoryObjectStore::FindBucket(const std::string& bucket) {
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return Status::NotFound("in-memory bucket " + bucket + " does not exist");
  return &it->second;
}

Result<std::vector<ObjectInfo>> InMemoryObjectStore::ListObjects(const std::string& bucket,
                                                                 const std::string& prefix,
                                                                 const std::string& start_after) {
  std::lock_guard<std::mutex> lock(mu_);
  ++list_calls_;
  LH_ASSIGN_OR_RETURN(Bucket * objects, FindBucket(bucket));
  std::vector<ObjectInfo> out;
  // Keys below `prefix` never match, and every key with the prefix sorts after a
  // `start_after` that is itself below the prefix.
  auto it = objects->lower_bound(prefix);
  if (start_after >= prefix) it = objects->upper_bound(start_after);
  for (; it != objects->end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    out.push_back({it->first, static_cast<int64_t>(it->second.data.size()), it->second.last_modified_ms});
  }
  return out;
}

Result<std::string> InMemoryObjectStore::GetObject(const std::string& bucket, const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  ++get_calls_;
  LH_ASSIGN_OR_RETURN(Bucket * objects, FindBucket(bucket));
  auto it = objects->find(key);
  if (it == objects->end()) return Status::NotFound("in-memory object " + bucket + "/" + key + " does not exist");
  return it->second.data;
}

Status InMemoryObjectStore::PutObject(const std::string& bucket, const std::string& key, const std::string& data) {
  std::lock_guard<std::mutex> lock(mu_);
  LH_ASSIGN_OR_RETURN(Bucket * objects, FindBucket(bucket));
  (*objects)[key] = Object{data, now_ms_};
  return Status::OK();
}

Status InMemoryObjectStore::DeleteObject(const std::string& bucket, const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  LH_ASSIGN_OR_RETURN(Bucket * objects, FindBucket(bucket));
  objects->erase(key);
  return Status::OK();
}

std::vector<std::string> InMemoryObjectStore::TEST_Keys(const std::string& bucket) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> keys;
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return keys;
  for (const auto& [key, object] : it->second) keys.push_back(key);
  return keys;
}

int InMemoryObjectStore::TEST_ListCalls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return list_calls_;
}

int InMemoryObjectStore::TEST_GetCalls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return get_calls_;
}

}  // namespace lakehouse
