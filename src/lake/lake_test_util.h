// Test helpers for src/lake: loading the fixtures under src/lake/testdata/ into
// an ObjectStore. Test-only; LH_LAKE_TESTDATA_DIR is defined for the test
// binaries by src/lake/CMakeLists.txt.
#pragma once

#include <string>

#include "common/status.h"
#include "lake/fixture_loader.h"
#include "lake/object_store.h"

namespace lakehouse {

inline std::string LakeTestDataDir() { return LH_LAKE_TESTDATA_DIR; }

// Puts every file under <testdata>/<fixture>/ into `bucket` as
// "<prefix>/<relative path>". The store's buckets must already exist.
inline Status LoadLakeFixture(ObjectStore* store, const std::string& bucket, const std::string& fixture,
                              const std::string& prefix) {
  return LoadDirectoryIntoStore(store, bucket, LakeTestDataDir() + "/" + fixture, prefix);
}

}  // namespace lakehouse
