// CheckpointReader: decodes Delta checkpoint Parquet files into actions.
//
// Handles the files named in PROTOCOL.md "Checkpoints": a classic checkpoint,
// one part of a multi-part checkpoint, or a V2 sidecar; all share the
// "Checkpoint Schema" (one struct column per action kind, one non-null action
// per row). Only the columns the snapshot needs are decoded (add, metaData,
// protocol, txn, and the V2 checkpointMetadata/sidecar); `remove` rows in a
// checkpoint are VACUUM tombstones and are skipped, and so are stats other than
// numRecords. Uses Arrow C++/Parquet; no Arrow type appears in this header.
// Stateless and thread-safe.
#pragma once

#include <functional>
#include <string>

#include "common/status.h"
#include "lake/delta_action.h"

namespace lakehouse {

class CheckpointReader {
 public:
  using Sink = std::function<void(DeltaAction)>;

  // Parses the Parquet file in `data` and passes each action to `sink`. `name`
  // (e.g. the file's URI) is used in messages. Corruption if `data` is not a
  // readable Parquet file (truncated, garbage), has none of the checkpoint
  // columns, or holds an action that does not parse (message names the row).
  static Status ReadParquet(const std::string& data, const std::string& name, const Sink& sink);
};

}  // namespace lakehouse
