// LogSegment: given a listing of a table's `_delta_log/`, decides which files
// make up the newest snapshot: the newest complete checkpoint (PROTOCOL.md
// "Checkpoints": readers "should prefer to use the newest complete checkpoint"
// and "must ignore multi-part checkpoints with missing parts") and the JSON
// commits after it ("Delta Log Entries"), which must be contiguous.
// A pure function of the listing; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "lake/delta_log_file.h"
#include "lake/object_store.h"

namespace lakehouse {

struct CheckpointRef {
  int64_t version = -1;
  DeltaLogFileType type = DeltaLogFileType::kCheckpoint;  // kCheckpoint, kMultiPartCheckpoint or kUuidCheckpoint
  std::vector<ObjectInfo> files;  // all parts, in part order (one file unless multi-part)
};

struct LogSegment {
  std::optional<CheckpointRef> checkpoint;  // nullopt: replay from version 0
  std::vector<ObjectInfo> commits;          // versions checkpoint+1 .. version, in order
  int64_t version = -1;                     // the snapshot version
  std::optional<ObjectInfo> version_commit;  // the JSON commit of `version`, if listed (even when
                                             // the checkpoint covers it), for its commitInfo
  std::vector<std::string> warnings;         // checkpoints that were skipped, and why

  // `objects` are keys under `log_prefix` (as listed; other keys are ignored);
  // `log_uri` names the directory in messages. NotFound if there is neither a
  // commit nor a checkpoint; Corruption if the commits do not reach back to
  // version 0 or to a checkpoint, or have a gap.
  static Result<LogSegment> FromListing(const std::vector<ObjectInfo>& objects, const std::string& log_prefix,
                                        const std::string& log_uri);
};

}  // namespace lakehouse
