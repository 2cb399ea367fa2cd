// Test helpers for src/lake: loading the fixtures under src/lake/testdata/ into
// an ObjectStore. Test-only; LH_LAKE_TESTDATA_DIR is defined for the test
// binaries by src/lake/CMakeLists.txt.
#pragma once

#include <string>

#include "common/env.h"
#include "common/status.h"
#include "lake/object_store.h"

namespace lakehouse {

inline std::string LakeTestDataDir() { return LH_LAKE_TESTDATA_DIR; }

// Puts every file under <testdata>/<fixture>/ into `bucket` as
// "<prefix>/<relative path>". The store's buckets must already exist.
inline Status LoadLakeFixture(ObjectStore* store, const std::string& bucket, const std::string& fixture,
                              const std::string& prefix) {
  Env* env = Env::Default();
  // Depth-first walk; ListDir fails on a plain file, which is how files are told apart.
  std::vector<std::pair<std::string, std::string>> pending = {{LakeTestDataDir() + "/" + fixture, prefix}};
  int files = 0;
  while (!pending.empty()) {
    auto [path, key] = pending.back();
    pending.pop_back();
    auto children = env->ListDir(path);
    if (children.ok()) {
      for (const std::string& child : *children) pending.emplace_back(path + "/" + child, key + "/" + child);
      continue;
    }
    LH_ASSIGN_OR_RETURN(std::string data, env->ReadFile(path));
    LH_RETURN_IF_ERROR(store->PutObject(bucket, key, data));
    ++files;
  }
  if (files == 0) return Status::NotFound("no fixture files under " + LakeTestDataDir() + "/" + fixture);
  return Status::OK();
}

}  // namespace lakehouse
