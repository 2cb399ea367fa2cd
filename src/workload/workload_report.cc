#include "workload/workload_report.h"

#include <cinttypes>
#include <cstdio>

namespace lakehouse::workload {

void ChangeCounts::Add(const ChangeCounts& other) {
  transactions += other.transactions;
  changes += other.changes;
  for (int i = 0; i < kChangeKindCount; ++i) {
    operations[i] += other.operations[i];
    rows[i] += other.rows[i];
  }
  for (int i = 0; i < kDemoTableCount; ++i) {
    tables[i].inserted += other.tables[i].inserted;
    tables[i].updated += other.tables[i].updated;
    tables[i].deleted += other.tables[i].deleted;
  }
}

std::string WorkloadReport::Summary() const {
  char buf[192];
  char target[48] = "unlimited";
  if (target_rate > 0) std::snprintf(target, sizeof(target), "%.0f/s", target_rate);
  std::snprintf(buf, sizeof(buf), "%.1fs  %" PRId64 " changes  %.0f/s (target %s)  %" PRId64 " tx", elapsed_sec,
                counts.changes, changes_per_sec(), target, counts.transactions);
  return buf;
}

std::string WorkloadReport::ToString() const {
  std::string out = Summary() + "\n";
  char line[160];
  std::snprintf(line, sizeof(line), "  %-20s %12s %12s\n", "kind", "operations", "rows");
  out += line;
  for (int i = 0; i < kChangeKindCount; ++i) {
    std::snprintf(line, sizeof(line), "  %-20s %12" PRId64 " %12" PRId64 "\n",
                  std::string(ChangeKindName(static_cast<ChangeKind>(i))).c_str(), counts.operations[i],
                  counts.rows[i]);
    out += line;
  }
  std::snprintf(line, sizeof(line), "  %-20s %12s %12s %12s\n", "table", "inserted", "updated", "deleted");
  out += line;
  for (int i = 0; i < kDemoTableCount; ++i) {
    const TableCounts& t = counts.tables[i];
    std::snprintf(line, sizeof(line), "  %-20s %12" PRId64 " %12" PRId64 " %12" PRId64 "\n",
                  ("demo." + std::string(DemoTableName(static_cast<DemoTable>(i)))).c_str(), t.inserted, t.updated,
                  t.deleted);
    out += line;
  }
  return out;
}

}  // namespace lakehouse::workload
