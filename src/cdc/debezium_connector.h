// DebeziumConnector: the Debezium PostgreSQL connector, registered and
// inspected over Kafka Connect's REST API.
//
// The config is rendered from config/templates/debezium/connector.json and
// PUT to /connectors/<name>/config, which creates or updates it, so
// registering twice changes nothing.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "config/pipeline_spec.h"

namespace lakehouse {

struct ConnectorState {
  std::string connector_state;           // RUNNING, PAUSED, FAILED, UNASSIGNED, or "absent"
  std::vector<std::string> task_states;  // one per task
  std::string trace;                     // the first failure's stack trace, if any
  bool Running() const;
};

class DebeziumConnector {
 public:
  DebeziumConnector(const PipelineSpec* spec, std::string rest_url) : spec_(spec), rest_url_(std::move(rest_url)) {}

  // The connector config as JSON text. `secrets_file` holds `password=`.
  Result<std::string> RenderConfig(const std::string& repo_root, const std::string& secrets_file) const;
  Status Register(const std::string& config_json);
  Result<ConnectorState> State() const;
  // Polls State() until connector and tasks run; a FAILED task fails at once with its trace.
  Status WaitRunning(int timeout_seconds) const;
  // Removes the connector (its offsets stay in Connect's offsets topic).
  Status Delete();

 private:
  std::string Url(const std::string& suffix) const;
  const PipelineSpec* spec_;
  std::string rest_url_;
};

}  // namespace lakehouse
