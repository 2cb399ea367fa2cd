// DeltaAction: the actions of a Delta transaction log (PROTOCOL.md "Actions"),
// reduced to the fields this project reads, and their parser.
//
// The same parser serves JSON commits (one action per line) and checkpoint rows
// (CheckpointReader turns each Parquet row into the equivalent JSON), so both
// paths agree on defaults and validation. Unknown actions and fields are
// ignored, as "Protocol Evolution" requires of readers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace lakehouse {

// PROTOCOL.md "Deletion Vector Descriptor Schema".
struct DeletionVectorRef {
  std::string storage_type;      // "u" (relative path), "p" (absolute path) or "i" (inline)
  std::string path_or_inline_dv;
  std::optional<int64_t> offset;
  int64_t size_in_bytes = 0;
  int64_t cardinality = 0;       // rows this DV removes from the data file

  // "Derived Fields": <storageType><pathOrInlineDv>[@<offset>].
  std::string UniqueId() const;
};

// Partition values are strings; a JSON null (or, per "Partition Value
// Serialization", an empty string) is a null partition value.
using PartitionValues = std::map<std::string, std::optional<std::string>>;

// "Add File and Remove File".
struct AddFile {
  std::string path;                   // URI-encoded, relative to the table root unless absolute
  PartitionValues partition_values;
  int64_t size = 0;
  int64_t modification_time_ms = 0;
  bool data_change = true;
  std::optional<int64_t> num_records;  // stats.numRecords ("Per-file Statistics"), if the writer kept stats
  std::optional<DeletionVectorRef> deletion_vector;
};

struct RemoveFile {
  std::string path;
  std::optional<int64_t> deletion_timestamp_ms;
  std::optional<DeletionVectorRef> deletion_vector;
};

// "Change Metadata".
struct MetadataAction {
  std::string id;
  std::string name;
  std::string description;
  std::string format_provider;
  std::string schema_string;
  std::vector<std::string> partition_columns;
  std::map<std::string, std::string> configuration;
  std::optional<int64_t> created_time_ms;
};

// "Protocol Evolution".
struct ProtocolAction {
  int min_reader_version = 0;
  int min_writer_version = 0;
  std::vector<std::string> reader_features;
  std::vector<std::string> writer_features;
};

// "Transaction Identifiers".
struct TxnAction {
  std::string app_id;
  int64_t version = 0;
};

// "Commit Provenance Information" (+ "In-Commit Timestamps").
struct CommitInfoAction {
  std::optional<int64_t> timestamp_ms;
  std::optional<int64_t> in_commit_timestamp_ms;
  std::string operation;
};

// "Sidecar File Information" and "Checkpoint Metadata" (V2 checkpoints only).
struct SidecarAction {
  std::string path;
  int64_t size_in_bytes = 0;
};
struct CheckpointMetadataAction {
  int64_t version = 0;
};

using DeltaAction = std::variant<AddFile, RemoveFile, MetadataAction, ProtocolAction, TxnAction, CommitInfoAction,
                                 SidecarAction, CheckpointMetadataAction>;

// Parses one action given as {"<kind>": {...}}. Returns nullopt for kinds this
// reader does not use (cdc, domainMetadata, future actions). Corruption (without
// file context; the caller adds it) if a known action lacks a required field or
// has one of the wrong type, or if `stats` is not valid JSON.
Result<std::optional<DeltaAction>> ParseDeltaAction(const std::string& kind, const nlohmann::json& body);

}  // namespace lakehouse
