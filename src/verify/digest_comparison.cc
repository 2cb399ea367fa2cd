#include "verify/digest_comparison.h"

#include <algorithm>

namespace lakehouse::verify {
namespace {

// Sorted, then the first `max_listed` described.
std::vector<std::string> Describe(std::vector<std::string> keys, const std::vector<std::string>& key_columns,
                                  size_t max_listed) {
  std::sort(keys.begin(), keys.end());
  if (keys.size() > max_listed) keys.resize(max_listed);
  for (std::string& key : keys) key = DescribeKey(key_columns, key);
  return keys;
}

}  // namespace

VerifyReport CompareDigests(const SourceSnapshot& source, const SilverSnapshot& silver, size_t max_listed) {
  VerifyReport report;
  report.table = source.table.QualifiedName();
  report.silver_uri = silver.table_uri;
  report.silver_version = silver.version;
  report.source_rows = static_cast<int64_t>(source.rows.size());
  report.silver_rows = silver.live_rows;
  report.snapshot_lsn = source.snapshot_lsn;
  report.exact_cut = source.exact_cut;
  report.silver_max_lsn = silver.max_lsn;
  const Lsn cut = source.snapshot_lsn;

  std::vector<std::string> missing, extra;
  std::vector<std::pair<std::string, int>> different;  // encoded key, first differing column
  for (const auto& [key, digest] : source.rows) {
    auto it = silver.rows.find(key);
    if (it != silver.rows.end() && it->second.lsn >= cut) {
      ++report.skipped_rows;
      continue;
    }
    if (it == silver.rows.end() || it->second.deleted) {
      missing.push_back(key);
      continue;
    }
    ++report.compared_rows;
    if (it->second.digest.checksum != digest.checksum) {
      different.emplace_back(key, FirstDifferingColumn(digest, it->second.digest));
    }
  }
  for (const auto& [key, row] : silver.rows) {
    if (source.rows.contains(key)) continue;
    if (row.lsn >= cut) {
      ++report.skipped_rows;
    } else if (!row.deleted) {
      extra.push_back(key);
    }
  }

  const std::vector<std::string>& key_columns = source.table.key_columns;
  report.missing_count = static_cast<int64_t>(missing.size());
  report.extra_count = static_cast<int64_t>(extra.size());
  report.different_count = static_cast<int64_t>(different.size());
  report.duplicate_count = static_cast<int64_t>(silver.duplicate_keys.size());
  report.missing = Describe(std::move(missing), key_columns, max_listed);
  report.extra = Describe(std::move(extra), key_columns, max_listed);
  report.duplicates = Describe(silver.duplicate_keys, key_columns, max_listed);
  std::sort(different.begin(), different.end());
  if (different.size() > max_listed) different.resize(max_listed);
  for (const auto& [key, column] : different) {
    report.different.push_back(
        {DescribeKey(key_columns, key), column >= 0 && column < static_cast<int>(source.columns.size())
                                            ? source.columns[static_cast<size_t>(column)].name
                                            : ""});
  }
  return report;
}

}  // namespace lakehouse::verify
