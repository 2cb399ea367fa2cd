#include "verify/verify_report.h"

namespace lakehouse::verify {
namespace {

void AppendList(const std::string& title, int64_t count, const std::vector<std::string>& keys, std::string* out) {
  if (count == 0) return;
  *out += "\n  " + title + " (" + std::to_string(count) + "):";
  for (const std::string& key : keys) *out += " " + key + ";";
  if (count > static_cast<int64_t>(keys.size())) {
    *out += " ... and " + std::to_string(count - static_cast<int64_t>(keys.size())) + " more";
  }
}

}  // namespace

std::string VerifyReport::ToString() const {
  std::string out = table + " vs " + silver_uri + " (version " + std::to_string(silver_version) + "): " +
                    (ok() ? "OK" : "MISMATCH");
  out += "\n  source rows " + std::to_string(source_rows) + ", Silver rows " + std::to_string(silver_rows) +
         ", compared " + std::to_string(compared_rows) + ", skipped " + std::to_string(skipped_rows) +
         " (changed at or after the snapshot)";
  out += "\n  snapshot LSN " + FormatLsn(snapshot_lsn) + (exact_cut ? " (exact cut)" : " (no writer lock)") +
         ", Silver max _lsn " + FormatLsn(silver_max_lsn);
  if (silver_high_water_lsn) out += ", Silver high water " + FormatLsn(*silver_high_water_lsn);
  out += silver_caught_up ? ", caught up" : ", not known to be caught up";
  if (!missing_columns.empty()) {
    out += "\n  source columns missing in Silver:";
    for (const std::string& c : missing_columns) out += " " + c;
  }
  AppendList("missing in Silver", missing_count, missing, &out);
  AppendList("extra in Silver", extra_count, extra, &out);
  std::vector<std::string> differing;
  for (const KeyDifference& d : different) {
    differing.push_back(d.key + (d.column.empty() ? "" : " (first differing column: " + d.column + ")"));
  }
  AppendList("different", different_count, differing, &out);
  AppendList("duplicate keys in Silver", duplicate_count, duplicates, &out);
  for (const std::string& note : notes) out += "\n  note: " + note;
  return out;
}

nlohmann::json VerifyReport::ToJson() const {
  nlohmann::json different_json = nlohmann::json::array();
  for (const KeyDifference& d : different) different_json.push_back({{"key", d.key}, {"column", d.column}});
  nlohmann::json j = {
      {"table", table},
      {"silver_uri", silver_uri},
      {"silver_version", silver_version},
      {"ok", ok()},
      {"source_rows", source_rows},
      {"silver_rows", silver_rows},
      {"compared_rows", compared_rows},
      {"skipped_rows", skipped_rows},
      {"missing_count", missing_count},
      {"extra_count", extra_count},
      {"different_count", different_count},
      {"duplicate_count", duplicate_count},
      {"missing", missing},
      {"extra", extra},
      {"different", different_json},
      {"duplicates", duplicates},
      {"missing_columns", missing_columns},
      {"snapshot_lsn", FormatLsn(snapshot_lsn)},
      {"exact_cut", exact_cut},
      {"silver_max_lsn", FormatLsn(silver_max_lsn)},
      {"silver_caught_up", silver_caught_up},
      {"silver_reads", silver_reads},
      {"source_snapshots", source_snapshots},
      {"notes", notes},
  };
  j["silver_high_water_lsn"] = silver_high_water_lsn ? nlohmann::json(FormatLsn(*silver_high_water_lsn)) : nullptr;
  return j;
}

}  // namespace lakehouse::verify
