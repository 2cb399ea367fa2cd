// SilverReader: reads a Silver_RT Delta table's rows and reduces them to row
// digests comparable with a SourceSnapshot's.
//
// Silver_RT holds one Delta table per source table at
// `<bucket>/silver_rt/<schema>_<table>`: the source's columns under the same
// names (types mapped as canonical_value.h's CheckArrowCompatible accepts) plus
// lineage columns, of which the reader uses `_lsn` (long: the source LSN of
// the change the row reflects; null is read as 0) and `_is_deleted` (boolean:
// a tombstone; null is read as false). Other lineage columns, and Silver
// columns the source lacks, are ignored.
//
// How a read proceeds: DeltaLog::LoadSnapshot gives the live files of the
// newest version; each is fetched whole with GetObject and decoded with
// parquet::arrow from memory (INT96 timestamps, which Spark writes by default,
// are read at microsecond precision so years up to 9999 fit). Only the needed
// columns are decoded. Column mapping (delta.columnMapping.mode name/id) is
// followed through the schema's physicalName metadata. Decoded files are
// cached by path (Delta data files are immutable), so polling a table that
// grows re-reads only its new files.
//
// Status codes: NotFound (no Delta table there), FailedPrecondition (a live
// file has a deletion vector, which this reader does not apply; a needed
// column is a partition column; `_lsn` or `_is_deleted` is missing; a Silver
// column's type cannot hold the source type), Corruption (a data file that is
// not Parquet, or lacks a column the schema promises), plus store errors. Every
// message names the table URI and, for file problems, the file.
// Not thread-safe (the cache); one reader per thread.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "lake/object_store.h"
#include "verify/table_snapshots.h"

namespace lakehouse::verify {

// The lineage columns Silver_RT adds to every table.
inline constexpr char kLsnColumn[] = "_lsn";
inline constexpr char kIsDeletedColumn[] = "_is_deleted";

class SilverReader {
 public:
  // "silver_rt/<schema>_<table>" under `layer_prefix` (default "silver_rt").
  static std::string TablePrefix(const std::string& schema, const std::string& table,
                                 const std::string& layer_prefix = "silver_rt");

  // REQUIRES: store != nullptr and outlives the reader.
  SilverReader(ObjectStore* store, std::string bucket, std::string table_prefix);
  ~SilverReader();

  // The Silver column that holds source column `source_name`: the exact name,
  // else a case-insensitive match (Spark resolves names case-insensitively);
  // nullopt if none.
  static std::optional<std::string> MatchColumnName(const std::vector<std::string>& silver_columns,
                                                    const std::string& source_name);

  // The logical column names of the newest version, in schema order.
  Result<std::vector<std::string>> ReadColumnNames();

  // Reads the newest version. `columns` and `key_columns` are as in the
  // SourceSnapshot to compare with: every row's digest covers `columns` in that
  // order, and rows are keyed by `key_columns` (each among `columns`).
  Result<SilverSnapshot> Read(const std::vector<SourceColumn>& columns, const std::vector<std::string>& key_columns);

  std::string TableUri() const;

 private:
  struct CachedRow {
    std::string key;
    SilverRow row;
  };
  using CachedFile = std::vector<CachedRow>;

  // Fetches and digests one data file; `physical` holds the Parquet column
  // names of `columns`, then _lsn, then _is_deleted.
  Result<CachedFile> ReadFile(const std::string& key, const std::vector<SourceColumn>& columns,
                              const std::vector<size_t>& key_index, const std::vector<std::string>& physical);

  ObjectStore* store_;
  std::string bucket_;
  std::string table_prefix_;
  // Decoded files by object key, valid for `cache_signature_` (the columns read).
  std::map<std::string, std::shared_ptr<const CachedFile>> cache_;
  std::string cache_signature_;
};

}  // namespace lakehouse::verify
