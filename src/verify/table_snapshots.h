// The two sides of a comparison, as plain values: what SourceReader reads from
// PostgreSQL at one snapshot, and what SilverReader reads from the Silver_RT
// Delta table at one version. Rows are reduced to RowDigests keyed by their
// encoded primary key (row_checksum.h), over the same ordered column list on
// both sides. Plain values; safe to copy and share read-only between threads.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "verify/column_type.h"
#include "verify/lsn.h"
#include "verify/row_checksum.h"

namespace lakehouse::verify {

struct SourceColumn {
  std::string name;
  ColumnType type;

  bool operator==(const SourceColumn&) const = default;
};

// A source table's shape, from the PostgreSQL catalog.
struct SourceTable {
  std::string schema;
  std::string table;
  std::vector<SourceColumn> columns;     // in attnum order, dropped columns excluded
  std::vector<std::string> key_columns;  // primary key (or replica identity index), in index order

  std::string QualifiedName() const { return schema + "." + table; }
  // The column named `name`, or nullptr.
  const SourceColumn* Find(const std::string& name) const;
};

struct SourceSnapshot {
  SourceTable table;
  // The columns digested, in digest order: the source columns Silver also has.
  // Every key column is among them.
  std::vector<SourceColumn> columns;
  // Row digests by EncodeKey(key values).
  std::unordered_map<std::string, RowDigest> rows;
  // The snapshot's WAL position: every change the snapshot sees has an LSN below
  // it; with `exact_cut`, every change to the table it does not see has an LSN
  // at or above it (see SourceReader).
  Lsn snapshot_lsn = 0;
  bool exact_cut = false;
};

struct SilverRow {
  RowDigest digest;
  Lsn lsn = 0;           // `_lsn`: the source position of the change this row reflects
  bool deleted = false;  // `_is_deleted`: a tombstone
};

struct SilverSnapshot {
  std::string table_uri;  // s3://bucket/silver_rt/<schema>_<table>
  int64_t version = -1;   // the Delta version read
  // Live rows and tombstones by EncodeKey(key values). Tombstones are kept
  // (digest empty) because their `_lsn` decides whether a key changed after the
  // source snapshot.
  std::unordered_map<std::string, SilverRow> rows;
  int64_t live_rows = 0;   // rows with _is_deleted false
  Lsn max_lsn = 0;         // max `_lsn` over all rows, tombstones included
  // Keys held by more than one row (a MERGE that lost its key): only the first
  // one read is in `rows`.
  std::vector<std::string> duplicate_keys;
};

}  // namespace lakehouse::verify
