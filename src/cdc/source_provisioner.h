// SourceProvisioner: makes the source database ready for change capture.
//
// Idempotent, run by `up` as the superuser over the private socket:
//   * the application role (owner of the captured schemas) and the CDC role
//     (LOGIN REPLICATION, SELECT on captured tables, never superuser), with the
//     passwords from the credentials file;
//   * the database and the captured schemas;
//   * the heartbeat table Debezium writes to, so the slot advances when the
//     captured tables are quiet;
//   * the publication: FOR TABLES IN SCHEMA ... (PostgreSQL 15), so a table
//     created later in a captured schema is published without any change here.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/pg_session.h"
#include "config/pipeline_spec.h"
#include "services/credentials.h"

namespace lakehouse {

class SourceProvisioner {
 public:
  // `admin_conninfo(database)` gives a superuser conninfo for that database.
  SourceProvisioner(const PipelineSpec* spec, const Credentials* credentials,
                    std::function<std::string(const std::string&)> admin_conninfo)
      : spec_(spec), credentials_(credentials), admin_conninfo_(std::move(admin_conninfo)) {}

  Status Provision();
  // "schema.table" of every captured table that exists now.
  Result<std::vector<std::string>> CapturedTables();

  static constexpr const char* kHeartbeatTable = "lakehouse.debezium_heartbeat";

 private:
  Result<PgSession> Connect(const std::string& database);
  Status EnsureRoles(PgSession& postgres_db);
  Status EnsureDatabase(PgSession& postgres_db);
  Status EnsureSchemasAndGrants(PgSession& db);
  Status EnsurePublication(PgSession& db);

  const PipelineSpec* spec_;
  const Credentials* credentials_;
  std::function<std::string(const std::string&)> admin_conninfo_;
};

}  // namespace lakehouse
