// Stack: one pipeline's services, state and provisioning, wired from its spec.
//
// The CLI verbs are thin wrappers over Stack: Up installs, starts and
// provisions; Down stops (and with purge removes data and the replication
// slot); Inspect gathers what `status` shows. Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/env.h"
#include "config/pipeline_spec.h"
#include "lake/s3_client.h"
#include "services/credentials.h"
#include "services/install_paths.h"
#include "services/layout.h"
#include "services/supervisor.h"

namespace lakehouse {

struct TableStatus {
  std::string layer;  // "bronze", "silver_rt", "quarantine"
  std::string name;   // "demo_orders"
  std::string uri;    // "s3a://lakehouse/bronze/demo_orders"
  int64_t version = -1;
  int64_t files = 0;
  int64_t rows = 0;
  bool rows_exact = true;
  double last_commit_age_s = -1;
  std::string error;  // why the table could not be read, or ""
};

struct StackStatus {
  std::vector<ServiceStatus> services;
  std::string connector_state;           // RUNNING, FAILED, absent, or why unknown
  std::vector<std::string> task_states;
  bool slot_exists = false;
  bool slot_active = false;
  int64_t slot_retained_wal_bytes = 0;
  std::map<std::string, std::string> job_states;  // Spark job name -> its state file (JSON), or ""
  std::vector<TableStatus> tables;
};

class Stack {
 public:
  // Loads and validates the spec; touches nothing else.
  static Result<std::unique_ptr<Stack>> Open(Env* env, const std::string& spec_path, const std::string& repo_root);

  // Installs what is missing; nothing is started.
  Status Install(const ProgressFn& progress);
  // Installs what is missing, starts every service, provisions the source, the
  // bucket, the connector and the Bronze tables. A second call changes nothing.
  Status Up(const ProgressFn& progress);
  Status Down(bool purge, const ProgressFn& progress);
  StackStatus Inspect();

  // True when every service is ready and the connector runs.
  bool FullyUp();

  const PipelineSpec& spec() const { return spec_; }
  int64_t NowMs() const { return env_->NowMicros() / 1000; }
  const Layout& layout() const { return layout_; }
  Supervisor& supervisor() { return *supervisor_; }
  // postgresql:// URI of the source for the application user (no password).
  std::string SourceUri() const;
  // libpq conninfo for the application user, password included (from the credentials file).
  Result<std::string> AppConninfo() const;
  // An S3 client for the spec's endpoint with the keys from the credentials file.
  Result<std::unique_ptr<S3Client>> S3() const;

 private:
  Stack(Env* env, PipelineSpec spec);
  void BuildServices(std::vector<std::string> bronze_tables);
  Status ProvisionSource(const ProgressFn& progress, std::vector<std::string>* tables);
  Status RegisterConnector(const ProgressFn& progress);
  std::vector<TableStatus> InspectTables();

  Env* env_;
  PipelineSpec spec_;
  Layout layout_;
  Credentials credentials_;
  InstallPaths install_;
  std::unique_ptr<Supervisor> supervisor_;
};

}  // namespace lakehouse
