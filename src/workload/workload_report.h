// WorkloadReport: what a workload run did — rows changed per operation kind and
// per table, as counted by the server (not as planned), the time it took and
// the rate it achieved. The same type carries progress snapshots during a run.
// Plain values; safe to copy between threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "workload/change.h"
#include "workload/demo_rows.h"

namespace lakehouse::workload {

struct TableCounts {
  int64_t inserted = 0;
  int64_t updated = 0;
  int64_t deleted = 0;
  // Net change of the table's row count caused by the run.
  int64_t net_rows() const { return inserted - deleted; }
};

struct ChangeCounts {
  int64_t transactions = 0;
  int64_t changes = 0;     // rows inserted + updated + deleted
  PerKind operations{};    // operations committed, by kind
  PerKind rows{};          // rows changed, by kind
  std::array<TableCounts, kDemoTableCount> tables{};

  const TableCounts& table(DemoTable t) const { return tables[static_cast<int>(t)]; }
  void Add(const ChangeCounts& other);
};

struct WorkloadReport {
  ChangeCounts counts;
  double elapsed_sec = 0;
  double target_rate = 0;  // changes/s asked for; 0 = unlimited
  bool finished = false;   // false for a progress snapshot

  double changes_per_sec() const { return elapsed_sec > 0 ? counts.changes / elapsed_sec : 0; }
  // One line, for progress: "12.0s  60123 changes  5010/s (target 5000/s)  1203 tx".
  std::string Summary() const;
  // Summary plus a line per kind and per table.
  std::string ToString() const;
};

}  // namespace lakehouse::workload
