#include "cli/status_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace lakehouse {
namespace {

std::string Bytes(uint64_t bytes) {
  if (bytes >= (1ull << 30)) return fmt::format("{:.1f} GiB", bytes / double(1ull << 30));
  if (bytes >= (1ull << 20)) return fmt::format("{:.0f} MiB", bytes / double(1ull << 20));
  if (bytes >= (1ull << 10)) return fmt::format("{:.0f} KiB", bytes / double(1ull << 10));
  return fmt::format("{} B", bytes);
}

std::string Age(double seconds) {
  if (seconds < 0) return "-";
  if (seconds < 120) return fmt::format("{:.0f} s", seconds);
  if (seconds < 7200) return fmt::format("{:.0f} min", seconds / 60);
  return fmt::format("{:.1f} h", seconds / 3600);
}

// A Spark job's state file as JSON, or null when it has none (yet).
nlohmann::json JobState(const StackStatus& status, const std::string& job) {
  auto it = status.job_states.find(job);
  if (it == status.job_states.end() || it->second.empty()) return nullptr;
  auto state = nlohmann::json::parse(it->second, nullptr, false);
  return state.is_discarded() ? nlohmann::json(nullptr) : state;
}

}  // namespace

std::string StatusTable(const Stack& stack, const StackStatus& status) {
  std::string out;
  out += fmt::format("{:<10} {:<10} {:>8} {:>9}  {}\n", "SERVICE", "STATE", "PID", "MEMORY", "ENDPOINT");
  uint64_t total = 0;
  for (const auto& s : status.services) {
    total += s.rss_bytes;
    out += fmt::format("{:<10} {:<10} {:>8} {:>9}  {}{}\n", s.name, ServiceStateName(s.state),
                       s.pid ? std::to_string(s.pid) : "-", s.rss_bytes ? Bytes(s.rss_bytes) : "-", s.endpoint,
                       s.detail.empty() ? "" : "  (" + s.detail + ")");
  }
  out += fmt::format("{:<10} {:<10} {:>8} {:>9}\n", "total", "", "", Bytes(total));
  out += fmt::format("\nconnector  {}: {}", stack.spec().connect.connector, status.connector_state);
  for (size_t i = 0; i < status.task_states.size(); ++i) out += fmt::format(", task {} {}", i, status.task_states[i]);
  out += fmt::format("\nslot       {}: {}\n", stack.spec().source.slot,
                     status.slot_exists ? fmt::format("{}, retains {} of WAL", status.slot_active ? "active" : "inactive",
                                                      Bytes(status.slot_retained_wal_bytes))
                                        : std::string("absent"));
  auto ingest = JobState(status, "ingest");
  if (!ingest.is_null()) {
    {
      out += fmt::format("ingest     {}: {} batches, {} rows, {} quarantined, last batch {}\n",
                         ingest.value("status", "?"), ingest.value("batches", 0), ingest.value("rows", 0),
                         ingest.value("quarantined", 0), ingest.value("last_batch_at", std::string("-")));
      if (int64_t newest_ms = ingest.value("max_source_ts_ms", int64_t{0}); newest_ms > 0) {
        const double age_s = (static_cast<double>(stack.NowMs()) - static_cast<double>(newest_ms)) / 1000.0;
        out += fmt::format("           newest change in Bronze was committed {} ago (lsn {})\n", Age(age_s),
                           ingest.value("max_source_lsn", int64_t{0}));
      }
    }
  }
  auto silver = JobState(status, "silver");
  if (!silver.is_null()) {
    out += fmt::format("silver     {}: {} tables, {} values quarantined\n", silver.value("status", "?"),
                       silver.value("queries", nlohmann::json::array()).size(), silver.value("quarantined", 0));
  }
  out += fmt::format("\n{:<11} {:<24} {:>8} {:>6} {:>10} {:>12}\n", "LAYER", "TABLE", "VERSION", "FILES", "ROWS",
                     "LAST COMMIT");
  for (const auto& t : status.tables) {
    if (!t.error.empty()) {
      out += fmt::format("{:<11} {:<24} {}\n", t.layer, t.name, t.error);
      continue;
    }
    out += fmt::format("{:<11} {:<24} {:>8} {:>6} {:>10} {:>12}\n", t.layer, t.name, t.version, t.files,
                       std::to_string(t.rows) + (t.rows_exact ? "" : "+"), Age(t.last_commit_age_s) + " ago");
  }
  if (status.tables.empty()) out += "(no tables yet)\n";
  out += fmt::format("\nsource      {}\nkafka       {}:{}\ns3          {} bucket {}\ncredentials {}\n",
                     stack.SourceUri(), stack.spec().kafka.host, stack.spec().kafka.port, stack.spec().s3.endpoint,
                     stack.spec().s3.bucket, stack.layout().CredentialsFile());
  return out;
}

std::string StatusJson(const Stack& stack, const StackStatus& status) {
  const auto& spec = stack.spec();
  nlohmann::json j;
  j["services"] = nlohmann::json::array();
  for (const auto& s : status.services) {
    j["services"].push_back({{"name", s.name},
                             {"state", std::string(ServiceStateName(s.state))},
                             {"pid", s.pid},
                             {"endpoint", s.endpoint},
                             {"rss_bytes", s.rss_bytes},
                             {"detail", s.detail},
                             {"log", stack.layout().LogFile(s.name)}});
  }
  j["source"] = {{"dsn", stack.SourceUri()},
                 {"host", spec.source.host},
                 {"port", spec.source.port},
                 {"database", spec.source.database},
                 {"user", spec.source.app_user},
                 {"password_key", "SOURCE_PASSWORD"},
                 {"schemas", spec.source.schemas}};
  j["kafka"] = {{"bootstrap", spec.kafka.host + ":" + std::to_string(spec.kafka.port)},
                {"topic_prefix", spec.kafka.topic_prefix},
                {"topic_pattern", spec.TopicPattern()}};
  j["s3"] = {{"endpoint", spec.s3.endpoint}, {"bucket", spec.s3.bucket}, {"region", spec.s3.region},
             {"embedded", spec.s3.embedded}};
  j["credentials_file"] = stack.layout().CredentialsFile();
  j["home"] = stack.layout().home();
  j["connector"] = {{"name", spec.connect.connector}, {"state", status.connector_state}, {"tasks", status.task_states}};
  j["slot"] = {{"name", spec.source.slot},
               {"exists", status.slot_exists},
               {"active", status.slot_active},
               {"retained_wal_bytes", status.slot_retained_wal_bytes}};
  j["ingest"] = JobState(status, "ingest");
  j["silver"] = JobState(status, "silver");
  j["tables"] = nlohmann::json::array();
  for (const auto& t : status.tables) {
    j["tables"].push_back({{"layer", t.layer},
                           {"name", t.name},
                           {"uri", t.uri},
                           {"version", t.version},
                           {"files", t.files},
                           {"rows", t.rows},
                           {"rows_exact", t.rows_exact},
                           {"last_commit_age_s", t.last_commit_age_s},
                           {"error", t.error}});
  }
  return j.dump(2);
}

}  // namespace lakehouse
