// DeltaSnapshot: the state of a Delta table at one version, as reconstructed
// by DeltaLog::LoadSnapshot: table metadata, protocol, and the live data files
// with their sizes and record counts. A plain value; safe to copy and share.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lake/delta_action.h"

namespace lakehouse {

// One live logical file (PROTOCOL.md "Add File and Remove File").
struct DeltaFile {
  std::string path;  // as in the log: URI-encoded, relative to the table root unless absolute
  int64_t size = 0;
  int64_t modification_time_ms = 0;
  PartitionValues partition_values;
  // stats.numRecords: physical rows in the data file ("Per-file Statistics");
  // nullopt when the writer recorded no statistics.
  std::optional<int64_t> num_records;
  // Rows hidden by the file's deletion vector (its cardinality); 0 without one.
  int64_t deleted_records = 0;
};

struct DeltaSnapshot {
  std::string table_uri;        // "s3://<bucket>/<table prefix>"
  int64_t version = -1;         // the newest committed version
  int64_t checkpoint_version = -1;  // the checkpoint replay started from; -1 = replayed from version 0

  // Live files and their totals.
  int64_t num_files = 0;
  int64_t total_bytes = 0;
  // Sum over live files of (numRecords - deleted_records), i.e. the rows a query
  // sees, counting only files that have statistics.
  int64_t num_records = 0;
  // Sum of deletion-vector cardinalities over live files.
  int64_t num_deleted_records = 0;
  // Live files without stats.numRecords; when > 0, num_records is a lower bound.
  int64_t files_without_stats = 0;
  bool num_records_exact() const { return files_without_stats == 0; }

  // When version `version` was committed: commitInfo.inCommitTimestamp, else
  // commitInfo.timestamp, else the commit file's last-modified time, in ms since
  // the epoch ("Action Reconciliation": commitInfo comes from that commit's JSON).
  int64_t last_commit_timestamp_ms = 0;
  std::string last_operation;  // commitInfo.operation of that commit, if recorded

  // Latest metaData ("Change Metadata") and protocol ("Protocol Evolution").
  std::string table_id;
  std::string name;
  std::string schema_string;
  std::vector<std::string> partition_columns;
  std::map<std::string, std::string> properties;  // metaData.configuration
  int min_reader_version = 0;
  int min_writer_version = 0;
  std::vector<std::string> reader_features;
  std::vector<std::string> writer_features;

  // Latest txn version per appId ("Transaction Identifiers"): streaming writers'
  // idempotency marks, e.g. a foreachBatch sink's last committed batch id.
  std::map<std::string, int64_t> app_transaction_versions;

  std::vector<DeltaFile> files;  // sorted by path, then deletion vector id

  // Things the reader worked around (a stale or unreadable _last_checkpoint,
  // an incomplete multi-part checkpoint); empty when all was as expected.
  std::vector<std::string> warnings;
};

}  // namespace lakehouse
