#include "cdc/debezium_connector.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "cdc/source_provisioner.h"
#include "common/http_client.h"
#include "common/template.h"

namespace lakehouse {

bool ConnectorState::Running() const {
  if (connector_state != "RUNNING" || task_states.empty()) return false;
  for (const auto& t : task_states) {
    if (t != "RUNNING") return false;
  }
  return true;
}

std::string DebeziumConnector::Url(const std::string& suffix) const {
  return rest_url_ + "/connectors/" + spec_->connect.connector + suffix;
}

Result<std::string> DebeziumConnector::RenderConfig(const std::string& repo_root,
                                                    const std::string& secrets_file) const {
  const std::string path = repo_root + "/config/templates/debezium/connector.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  const auto& src = spec_->source;
  std::string schemas, tables;
  for (const auto& s : src.schemas) schemas += (schemas.empty() ? "" : ",") + s;
  // Debezium's include lists are regular expressions: escape the dot.
  for (const auto& t : src.tables) {
    std::string escaped;
    for (char c : t) escaped += c == '.' ? std::string("\\\\.") : std::string(1, c);
    tables += (tables.empty() ? "" : ",") + escaped;
  }
  TemplateVars vars = {{"PG_HOST", src.host},
                       {"PG_PORT", std::to_string(src.port)},
                       {"PG_DB", src.database},
                       {"PG_CDC_USER", src.cdc_user},
                       {"PG_SECRETS_FILE", secrets_file},
                       {"TOPIC_PREFIX", spec_->kafka.topic_prefix},
                       {"SLOT_NAME", src.slot},
                       {"PUBLICATION_NAME", src.publication},
                       {"SCHEMA_INCLUDE_LIST", schemas},
                       {"TABLE_INCLUDE_LIST", tables},
                       {"HEARTBEAT_INTERVAL_MS", std::to_string(spec_->connect.heartbeat_interval_ms)},
                       {"HEARTBEAT_TABLE", SourceProvisioner::kHeartbeatTable},
                       {"TOPIC_PARTITIONS", std::to_string(spec_->kafka.partitions)}};
  LH_ASSIGN_OR_RETURN(std::string rendered, RenderTemplate(text.str(), vars, path));
  nlohmann::json config = nlohmann::json::parse(rendered, nullptr, /*allow_exceptions=*/false);
  if (config.is_discarded()) return Status::Corruption(path + " does not render to valid JSON");
  // An empty include list means "not set" to us; Debezium would read it as "nothing".
  if (tables.empty()) config.erase("table.include.list");
  return config.dump(2);
}

Status DebeziumConnector::Register(const std::string& config_json) {
  LH_ASSIGN_OR_RETURN(HttpResponse response, HttpClient::SendJson("PUT", Url("/config"), config_json, 30000));
  if (response.status != 200 && response.status != 201) {
    return Status::Internal(fmt::format("Kafka Connect refused connector {} (HTTP {}): {}", spec_->connect.connector,
                                        response.status, response.body));
  }
  return Status::OK();
}

Result<ConnectorState> DebeziumConnector::State() const {
  LH_ASSIGN_OR_RETURN(HttpResponse response, HttpClient::Get(Url("/status"), 5000));
  ConnectorState state;
  if (response.status == 404) {
    state.connector_state = "absent";
    return state;
  }
  if (response.status != 200) {
    return Status::Unavailable(fmt::format("Kafka Connect status of {}: HTTP {}", spec_->connect.connector,
                                           response.status));
  }
  auto json = nlohmann::json::parse(response.body, nullptr, false);
  if (json.is_discarded()) return Status::Corruption("Kafka Connect answered non-JSON: " + response.body);
  state.connector_state = json.value("/connector/state"_json_pointer, std::string("UNKNOWN"));
  if (json.contains("connector") && json["connector"].contains("trace")) {
    state.trace = json["connector"]["trace"].get<std::string>();
  }
  for (const auto& task : json.value("tasks", nlohmann::json::array())) {
    state.task_states.push_back(task.value("state", "UNKNOWN"));
    if (state.trace.empty() && task.contains("trace")) state.trace = task["trace"].get<std::string>();
  }
  return state;
}

Status DebeziumConnector::WaitRunning(int timeout_seconds) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  std::string last = "no answer";
  while (std::chrono::steady_clock::now() < deadline) {
    auto state = State();
    if (state.ok()) {
      if (state->Running()) return Status::OK();
      bool failed = state->connector_state == "FAILED";
      for (const auto& t : state->task_states) failed = failed || t == "FAILED";
      if (failed) {
        std::string first_lines = state->trace.substr(0, state->trace.find('\n', 400));
        return Status::Internal("Debezium connector " + spec_->connect.connector + " FAILED: " + first_lines);
      }
      last = "connector " + state->connector_state + ", " + std::to_string(state->task_states.size()) + " task(s)";
    } else {
      last = state.status().message();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return Status::Timeout("Debezium connector " + spec_->connect.connector + " not running after " +
                         std::to_string(timeout_seconds) + " s (" + last + ")");
}

Status DebeziumConnector::Delete() {
  LH_ASSIGN_OR_RETURN(HttpResponse response, HttpClient::Send({.method = "DELETE", .url = Url(""), .timeout_ms = 30000}));
  if (response.status != 204 && response.status != 200 && response.status != 404) {
    return Status::Internal(fmt::format("cannot delete connector {} (HTTP {})", spec_->connect.connector,
                                        response.status));
  }
  return Status::OK();
}

}  // namespace lakehouse
