// DeltaLogFile: every file name inside a table's `_delta_log/` directory is
// built and parsed here, and nowhere else (as LevelDB's filename.h does for its
// files). Names follow PROTOCOL.md "Delta Log Entries", "Checkpoints" (classic,
// multi-part and UUID-named), "Log Compaction Files", "Last Checkpoint File" and
// "Version Checksum File". Versions are zero-padded to 20 digits, checkpoint
// part numbers to 10.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lakehouse {

enum class DeltaLogFileType {
  kCommit,                // 00000000000000000042.json
  kCheckpoint,            // 00000000000000000042.checkpoint.parquet (V1, or V2 spec when the table has v2Checkpoint)
  kMultiPartCheckpoint,   // 00000000000000000042.checkpoint.0000000001.0000000003.parquet
  kUuidCheckpoint,        // 00000000000000000042.checkpoint.<uuid>.{json,parquet} (V2 spec)
  kCompaction,            // 00000000000000000040.00000000000000000042.compacted.json
  kChecksum,              // 00000000000000000042.crc
  kLastCheckpoint,        // _last_checkpoint
};

struct DeltaLogFile {
  DeltaLogFileType type = DeltaLogFileType::kCommit;
  int64_t version = -1;      // the table version the file describes (start version for compactions)
  int64_t end_version = -1;  // kCompaction only
  int part = 0;              // kMultiPartCheckpoint: 1-based part number
  int num_parts = 0;         // kMultiPartCheckpoint: total parts
  bool json = false;         // kUuidCheckpoint: JSON (true) or Parquet (false)
};

// Parses a name relative to `_delta_log/` (no directory part). nullopt for
// anything else: temporary files, `_sidecars/...`, `_staged_commits/...`, names
// with the wrong padding.
std::optional<DeltaLogFile> ParseDeltaLogFileName(std::string_view name);

// The 20-digit zero-padded version, which is also a prefix of every file of that
// version and sorts before all of them (useful as a listing start-after key).
std::string DeltaVersionPrefix(int64_t version);
std::string DeltaCommitFileName(int64_t version);
std::string DeltaCheckpointFileName(int64_t version);
std::string DeltaMultiPartCheckpointFileName(int64_t version, int part, int num_parts);
inline constexpr std::string_view kDeltaLastCheckpointFileName = "_last_checkpoint";
inline constexpr std::string_view kDeltaLogDirName = "_delta_log";
inline constexpr std::string_view kDeltaSidecarDirName = "_sidecars";

}  // namespace lakehouse
