// DeltaLog: reconstructs the latest snapshot of a Delta Lake table from its
// transaction log (`<table>/_delta_log/`) in an ObjectStore, following the Delta
// PROTOCOL.md: "Delta Log Entries", "Checkpoints", "Last Checkpoint File",
// "Action Reconciliation", "Add File and Remove File", "Per-file Statistics".
//
// How a load proceeds:
//  1. `_last_checkpoint` (a hint) names a recent checkpoint version; the log is
//     listed from that version on, or entirely when there is no usable hint.
//  2. The newest complete checkpoint is read: classic (`N.checkpoint.parquet`),
//     multi-part (`N.checkpoint.k.n.parquet`, ignored unless all n parts exist)
//     or V2 (`N.checkpoint.<uuid>.{json,parquet}` plus `_sidecars/*.parquet`).
//  3. The JSON commits after it are replayed in version order; they must be
//     contiguous up to the newest one.
//
// Status codes: NotFound (no table at that location: no `_delta_log` files, or
// no bucket), Corruption (a commit line that is not JSON, e.g. truncated; a
// checkpoint that is not Parquet; a gap in the commit versions; no protocol or
// metaData), FailedPrecondition (something this reader does not support, such
// as a reader protocol version above 3), plus any store error (IOError,
// Unavailable, ...) with the table URI added. Messages name the table URI and,
// for corruption, the file and line or row.
//
// Stateless; LoadSnapshot may be called from several threads at once if the
// store allows it.
#pragma once

#include <string>

#include "common/result.h"
#include "lake/delta_snapshot.h"
#include "lake/object_store.h"

namespace lakehouse {

class DeltaLog {
 public:
  // The latest snapshot of the table stored under `table_prefix` (e.g.
  // "bronze/orders"; leading and trailing '/' are ignored; "" = the bucket root)
  // in `bucket`. REQUIRES: store != nullptr.
  static Result<DeltaSnapshot> LoadSnapshot(ObjectStore* store, const std::string& bucket,
                                            const std::string& table_prefix);

  // "s3://<bucket>/<table prefix>", the name every message uses for the table.
  static std::string TableUri(const std::string& bucket, const std::string& table_prefix);
};

}  // namespace lakehouse
