// VerifyReport: the outcome of comparing one source table with its Silver_RT
// table, for people (ToString) and machines (ToJson). A plain value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "verify/lsn.h"

namespace lakehouse::verify {

// A key present on both sides whose rows differ.
struct KeyDifference {
  std::string key;     // as DescribeKey prints it: "id=42"
  std::string column;  // the first column that differs; "" if no single column could be named

  bool operator==(const KeyDifference&) const = default;
};

struct VerifyReport {
  std::string table;       // "demo.orders"
  std::string silver_uri;  // "s3://lakehouse/silver_rt/demo_orders"
  int64_t silver_version = -1;

  int64_t source_rows = 0;    // rows in the source snapshot
  int64_t silver_rows = 0;    // live (not deleted) rows in the Silver version read
  int64_t compared_rows = 0;  // keys compared and found equal or different
  // Keys whose Silver row (live or tombstone) has `_lsn` >= snapshot_lsn: changed
  // after the source snapshot, so neither side is compared.
  int64_t skipped_rows = 0;

  // Mismatches. The counts are exact; the lists hold at most the first
  // `max_listed` keys of each kind, in key order.
  int64_t missing_count = 0;    // in the source snapshot, not live in Silver
  int64_t extra_count = 0;      // live in Silver, not in the source snapshot
  int64_t different_count = 0;  // on both sides with different values
  int64_t duplicate_count = 0;  // held by more than one Silver row
  std::vector<std::string> missing;
  std::vector<std::string> extra;
  std::vector<KeyDifference> different;
  std::vector<std::string> duplicates;
  // Source columns Silver does not have (a mismatch; the other columns are
  // still compared).
  std::vector<std::string> missing_columns;

  // The consistency point (see TableVerifier).
  Lsn snapshot_lsn = 0;
  bool exact_cut = false;        // writers were held off while the snapshot was taken
  Lsn silver_max_lsn = 0;        // max `_lsn` in the Silver version read
  std::optional<Lsn> silver_high_water_lsn;  // as reported by the Silver job, if known
  bool silver_caught_up = false;  // Silver is known to have applied every change before snapshot_lsn
  int silver_reads = 0;           // how many Silver versions were read before this verdict
  int source_snapshots = 1;       // how many source snapshots were taken
  std::vector<std::string> notes;  // why the verdict is what it is, when not obvious

  bool ok() const {
    return missing_count == 0 && extra_count == 0 && different_count == 0 && duplicate_count == 0 &&
           missing_columns.empty();
  }

  // A few lines: verdict, counts, the consistency point, then each listed key.
  std::string ToString() const;
  nlohmann::json ToJson() const;
};

}  // namespace lakehouse::verify
