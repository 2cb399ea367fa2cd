// CompareDigests: the pure comparison of a source snapshot with a Silver
// version, under the consistency rule TableVerifier documents.
//
// For each key, with L = source.snapshot_lsn:
//   - Silver holds the key (live or tombstone) with `_lsn` >= L: the key changed
//     at or after the snapshot; it is skipped on both sides (skipped_rows).
//   - in the source, and Silver has no row or a tombstone: missing.
//   - in the source and live in Silver with a different checksum: different,
//     naming the first column whose fingerprints differ.
//   - live in Silver but not in the source: extra. (A tombstone without a
//     source row is what a delete should leave: not a mismatch.)
// Duplicate Silver keys are reported whatever their `_lsn`. Only the
// comparison fields of the report are filled (table, URI, counts, lists, LSNs);
// the caller adds the rest. Pure; thread-safe.
#pragma once

#include <cstddef>

#include "verify/table_snapshots.h"
#include "verify/verify_report.h"

namespace lakehouse::verify {

VerifyReport CompareDigests(const SourceSnapshot& source, const SilverSnapshot& silver, size_t max_listed);

}  // namespace lakehouse::verify
