#include "cli/stack.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

#include "cdc/debezium_connector.h"
#include "cdc/replication_slot.h"
#include "cdc/source_provisioner.h"
#include "common/pg_session.h"
#include "install/installer.h"
#include "lake/delta_log.h"
#include "lake/s3_client.h"
#include "services/connect_service.h"
#include "services/spark_job_service.h"
#include "services/kafka_service.h"
#include "services/postgres_service.h"
#include "services/seaweedfs_service.h"
#include "workload/demo_schema.h"
#include "workload/demo_seeder.h"

namespace lakehouse {
namespace {

// The source database: provisioned by `up`, and the last to stop on `down --purge`.
constexpr const char* kSourceService = "postgres";

}  // namespace

Stack::Stack(Env* env, PipelineSpec spec)
    : env_(env), spec_(std::move(spec)), layout_(spec_.home, spec_.repo_root, Layout::DefaultCacheRoot()) {
  // Credentials are read when present (status, down); `up` creates them.
  if (auto creds = Credentials::Load(env_, layout_.CredentialsFile()); creds.ok()) credentials_ = std::move(*creds);
  BuildServices({});
}

Result<std::unique_ptr<Stack>> Stack::Open(Env* env, const std::string& spec_path, const std::string& repo_root) {
  LH_ASSIGN_OR_RETURN(PipelineSpec spec, LoadPipelineSpec(spec_path, repo_root));
  return std::unique_ptr<Stack>(new Stack(env, std::move(spec)));
}

void Stack::BuildServices(std::vector<std::string> bronze_tables) {
  ServiceContext ctx{&spec_, &layout_, &credentials_, &install_, env_};
  std::vector<std::unique_ptr<Service>> services;
  services.push_back(std::make_unique<PostgresService>(ctx));
  if (spec_.s3.embedded) services.push_back(std::make_unique<SeaweedFsService>(ctx));
  services.push_back(std::make_unique<KafkaService>(ctx));
  services.push_back(std::make_unique<ConnectService>(ctx));
  services.push_back(std::make_unique<SparkJobService>(
      ctx, SparkJobSpec{"ingest", "jobs/bronze_ingest.py", {"kafka", "connect"}}, bronze_tables));
  services.push_back(std::make_unique<SparkJobService>(
      ctx, SparkJobSpec{"silver", "jobs/silver_rt.py", {"ingest"}}, std::move(bronze_tables)));
  supervisor_ = std::make_unique<Supervisor>(env_, &layout_, std::move(services));
}

std::string Stack::SourceUri() const {
  return fmt::format("postgresql://{}@{}:{}/{}", spec_.source.app_user, spec_.source.host, spec_.source.port,
                     spec_.source.database);
}

Result<std::string> Stack::AppConninfo() const {
  LH_ASSIGN_OR_RETURN(std::string password, credentials_.Get("SOURCE_PASSWORD"));
  return fmt::format("host={} port={} dbname={} user={} password={} connect_timeout=5", spec_.source.host,
                     spec_.source.port, spec_.source.database, spec_.source.app_user, password);
}

Result<std::unique_ptr<S3Client>> Stack::S3() const {
  LH_ASSIGN_OR_RETURN(std::string access, credentials_.Get("AWS_ACCESS_KEY_ID"));
  LH_ASSIGN_OR_RETURN(std::string secret, credentials_.Get("AWS_SECRET_ACCESS_KEY"));
  return std::make_unique<S3Client>(S3Options{spec_.s3.endpoint, spec_.s3.region, access, secret});
}

bool Stack::FullyUp() {
  for (const auto& st : supervisor_->StatusAll()) {
    if (st.state != ServiceState::kReady) return false;
  }
  auto* connect = static_cast<ConnectService*>(supervisor_->Find("connect"));
  auto state = DebeziumConnector(&spec_, connect->RestUrl()).State();
  return state.ok() && state->Running();
}

Status Stack::ProvisionSource(const ProgressFn& progress, std::vector<std::string>* tables) {
  auto* postgres = static_cast<PostgresService*>(supervisor_->Find(kSourceService));
  SourceProvisioner provisioner(&spec_, &credentials_,
                                [postgres](const std::string& db) { return postgres->AdminConninfo(db); });
  progress("source: roles, database, schemas, heartbeat table, publication " + spec_.source.publication);
  LH_RETURN_IF_ERROR(provisioner.Provision());
  if (spec_.source.demo) {
    LH_ASSIGN_OR_RETURN(std::string dsn, AppConninfo());
    progress("source: demo schema and seed rows (sql/source/)");
    LH_RETURN_IF_ERROR(
        workload::ApplyDemoSchema(dsn, workload::DemoSqlFiles(layout_.RepoPath("sql/source")), env_));
    workload::SeedOptions seed;
    seed.dsn = dsn;
    LH_ASSIGN_OR_RETURN(workload::SeedReport report, workload::SeedDemo(seed));
    if (report.products_inserted + report.customers_inserted > 0) {
      progress(fmt::format("source: seeded {} products, {} customers", report.products_inserted,
                           report.customers_inserted));
    }
  }
  LH_ASSIGN_OR_RETURN(*tables, provisioner.CapturedTables());
  return Status::OK();
}

Status Stack::RegisterConnector(const ProgressFn& progress) {
  auto* connect = static_cast<ConnectService*>(supervisor_->Find("connect"));
  DebeziumConnector connector(&spec_, connect->RestUrl());
  LH_ASSIGN_OR_RETURN(std::string config, connector.RenderConfig(layout_.repo_root(), connect->SecretsFile()));
  progress("connect: registering Debezium connector " + spec_.connect.connector);
  LH_RETURN_IF_ERROR(connector.Register(config));
  LH_RETURN_IF_ERROR(connector.WaitRunning(120));
  progress("connect: connector " + spec_.connect.connector + " is RUNNING");
  return Status::OK();
}

Status Stack::Install(const ProgressFn& progress) {
  LH_RETURN_IF_ERROR(env_->CreateDirs(layout_.home()));
  Installer installer(env_, &layout_, &spec_);
  LH_ASSIGN_OR_RETURN(install_, installer.Install(progress));
  return Status::OK();
}

Status Stack::Up(const ProgressFn& progress) {
  LH_RETURN_IF_ERROR(supervisor_->Validate());
  if (FullyUp()) {
    progress("everything is already running; nothing changed");
    return Status::OK();
  }
  LH_RETURN_IF_ERROR(Install(progress));
  LH_ASSIGN_OR_RETURN(credentials_, Credentials::LoadOrCreate(env_, layout_.CredentialsFile(), spec_));

  // Phase 1: the infrastructure. Phase 2, after provisioning: the Spark jobs.
  std::vector<std::string> infrastructure, jobs;
  for (const auto& name : supervisor_->StartOrder()) {
    (supervisor_->Find(name)->StartsAfterProvisioning() ? jobs : infrastructure).push_back(name);
  }
  LH_ASSIGN_OR_RETURN(StartReport first, supervisor_->Start(infrastructure, progress));
  std::vector<std::string> tables;
  Status provisioned = ProvisionSource(progress, &tables);
  if (provisioned.ok()) provisioned = RegisterConnector(progress);
  if (provisioned.ok()) {
    BuildServices(tables);  // the ingest job creates these Bronze tables up front
    auto second = supervisor_->Start(jobs, progress);
    provisioned = second.status();
  }
  if (!provisioned.ok()) {
    // Leave the machine as we found it: stop what this call started.
    for (auto it = first.started.rbegin(); it != first.started.rend(); ++it) (void)supervisor_->Stop(*it, progress);
    return provisioned;
  }
  return Status::OK();
}

Status Stack::Down(bool purge, const ProgressFn& progress) {
  auto* connect = static_cast<ConnectService*>(supervisor_->Find("connect"));
  if (purge && supervisor_->RunningProcess("connect")) {
    progress("connect: deleting connector " + spec_.connect.connector);
    (void)DebeziumConnector(&spec_, connect->RestUrl()).Delete();
  }
  if (purge) {
    // The slot can be dropped only once its consumer (Connect) is gone and
    // while the source still runs: stop everything else first, newest first.
    auto order = supervisor_->StartOrder();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      if (*it != kSourceService) LH_RETURN_IF_ERROR(supervisor_->Stop(*it, progress));
    }
  }
  if (purge && supervisor_->RunningProcess(kSourceService)) {
    auto* postgres = static_cast<PostgresService*>(supervisor_->Find(kSourceService));
    auto db = PgSession::Connect(postgres->AdminConninfo(spec_.source.database), postgres->Endpoint());
    if (db.ok()) {
      progress("postgres: dropping replication slot " + spec_.source.slot);
      LH_RETURN_IF_ERROR(DropSlot(*db, spec_.source.slot));
    }
  }
  LH_RETURN_IF_ERROR(supervisor_->StopAll(progress));
  if (purge) {
    progress("removing " + layout_.home() + " (data, logs, credentials)");
    LH_RETURN_IF_ERROR(env_->RemoveAll(layout_.home()));
    if (!spec_.s3.embedded) {
      progress("note: the external bucket " + spec_.s3.bucket + " at " + spec_.s3.endpoint + " was left as it is");
    }
  }
  return Status::OK();
}

std::vector<TableStatus> Stack::InspectTables() {
  std::vector<TableStatus> out;
  auto client = S3();
  if (!client.ok()) return out;
  S3Client& s3 = **client;
  std::set<std::pair<std::string, std::string>> tables;  // (layer prefix, table)
  for (const std::string layer : {"bronze/", "silver_rt/", "_quarantine/"}) {
    auto objects = s3.ListObjects(spec_.s3.bucket, layer);
    if (!objects.ok()) continue;
    for (const auto& object : *objects) {
      auto log = object.key.find("/_delta_log/");
      if (log != std::string::npos) tables.emplace(layer, object.key.substr(layer.size(), log - layer.size()));
    }
  }
  const int64_t now_ms = env_->NowMicros() / 1000;
  for (const auto& [layer, name] : tables) {
    TableStatus t;
    t.layer = layer == "_quarantine/" ? "quarantine" : layer.substr(0, layer.size() - 1);
    t.name = name;
    t.uri = "s3a://" + spec_.s3.bucket + "/" + layer + name;
    auto snapshot = DeltaLog::LoadSnapshot(&s3, spec_.s3.bucket, layer + name);
    if (snapshot.ok()) {
      t.version = snapshot->version;
      t.files = snapshot->num_files;
      t.rows = snapshot->num_records;
      t.rows_exact = snapshot->num_records_exact();
      t.last_commit_age_s = (now_ms - snapshot->last_commit_timestamp_ms) / 1000.0;
    } else {
      t.error = snapshot.status().ToString();
    }
    out.push_back(std::move(t));
  }
  return out;
}

StackStatus Stack::Inspect() {
  StackStatus status;
  status.services = supervisor_->StatusAll();
  auto* connect = static_cast<ConnectService*>(supervisor_->Find("connect"));
  if (supervisor_->RunningProcess("connect")) {
    auto state = DebeziumConnector(&spec_, connect->RestUrl()).State();
    status.connector_state = state.ok() ? state->connector_state : state.status().message();
    if (state.ok()) status.task_states = state->task_states;
  } else {
    status.connector_state = "connect is not running";
  }
  if (supervisor_->RunningProcess(kSourceService)) {
    auto* postgres = static_cast<PostgresService*>(supervisor_->Find(kSourceService));
    auto db = PgSession::Connect(postgres->AdminConninfo(spec_.source.database), postgres->Endpoint());
    if (db.ok()) {
      if (auto slot = InspectSlot(*db, spec_.source.slot); slot.ok()) {
        status.slot_exists = slot->exists;
        status.slot_active = slot->active;
        status.slot_retained_wal_bytes = slot->retained_wal_bytes;
      }
    }
  }
  for (const auto& name : supervisor_->StartOrder()) {
    if (auto* job = dynamic_cast<SparkJobService*>(supervisor_->Find(name))) {
      status.job_states[name] = env_->ReadFile(job->StateFile()).value_or("");
    }
  }
  bool store_up = !spec_.s3.embedded || supervisor_->RunningProcess("seaweedfs").has_value();
  if (store_up) status.tables = InspectTables();
  return status;
}

}  // namespace lakehouse
