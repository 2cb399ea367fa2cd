// LoadDirectoryIntoStore (tests only; header-only): copies a directory tree of
// fixture files into an ObjectStore. Shared by the lake and verify test helpers,
// which differ only in where their testdata/ lives.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/env.h"
#include "common/status.h"
#include "lake/object_store.h"

namespace lakehouse {

// Puts every file under `dir` into `bucket` as "<prefix>/<relative path>".
// The bucket must exist. NotFound when `dir` holds no file.
inline Status LoadDirectoryIntoStore(ObjectStore* store, const std::string& bucket, const std::string& dir,
                                     const std::string& prefix) {
  Env* env = Env::Default();
  // Depth-first walk; ListDir fails on a plain file, which is how files are told apart.
  std::vector<std::pair<std::string, std::string>> pending = {{dir, prefix}};
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
  if (files == 0) return Status::NotFound("no fixture files under " + dir);
  return Status::OK();
}

}  // namespace lakehouse
