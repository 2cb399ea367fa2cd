#include "cdc/source_provisioner.h"

#include <fmt/format.h>


namespace lakehouse {

Result<PgSession> SourceProvisioner::Connect(const std::string& database) {
  return PgSession::Connect(admin_conninfo_(database),
                            spec_->source.host + ":" + std::to_string(spec_->source.port) + "/" + database);
}

Status SourceProvisioner::Provision() {
  LH_ASSIGN_OR_RETURN(PgSession postgres_db, Connect("postgres"));
  LH_RETURN_IF_ERROR(EnsureRoles(postgres_db));
  LH_RETURN_IF_ERROR(EnsureDatabase(postgres_db));
  LH_ASSIGN_OR_RETURN(PgSession db, Connect(spec_->source.database));
  LH_RETURN_IF_ERROR(EnsureSchemasAndGrants(db));
  return EnsurePublication(db);
}

Status SourceProvisioner::EnsureRoles(PgSession& session) {
  LH_ASSIGN_OR_RETURN(std::string app_password, credentials_->Get("SOURCE_PASSWORD"));
  LH_ASSIGN_OR_RETURN(std::string cdc_password, credentials_->Get("CDC_PASSWORD"));
  const auto& src = spec_->source;
  // CREATE ROLE has no IF NOT EXISTS; ALTER keeps the password in step with the file.
  for (const auto& [role, password, attributes] :
       {std::tuple{src.app_user, app_password, std::string("LOGIN")},
        std::tuple{src.cdc_user, cdc_password, std::string("LOGIN REPLICATION")}}) {
    LH_ASSIGN_OR_RETURN(std::string exists,
                        session.QueryValue("SELECT count(*) FROM pg_roles WHERE rolname = $1", {role}));
    const std::string verb = exists == "0" ? "CREATE" : "ALTER";
    LH_RETURN_IF_ERROR(session.Exec(fmt::format("{} ROLE {} {} NOSUPERUSER PASSWORD {}", verb, SqlIdentifier(role),
                                                attributes, SqlLiteral(password))));
  }
  return Status::OK();
}

Status SourceProvisioner::EnsureDatabase(PgSession& session) {
  LH_ASSIGN_OR_RETURN(std::string exists, session.QueryValue("SELECT count(*) FROM pg_database WHERE datname = $1",
                                                             {spec_->source.database}));
  if (exists != "0") return Status::OK();
  return session.Exec(fmt::format("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0",
                                  SqlIdentifier(spec_->source.database), SqlIdentifier(spec_->source.app_user)));
}

Status SourceProvisioner::EnsureSchemasAndGrants(PgSession& db) {
  const auto& src = spec_->source;
  const std::string app = SqlIdentifier(src.app_user);
  const std::string cdc = SqlIdentifier(src.cdc_user);
  std::string sql;
  for (const auto& schema : src.schemas) {
    const std::string s = SqlIdentifier(schema);
    sql += fmt::format("CREATE SCHEMA IF NOT EXISTS {0} AUTHORIZATION {1};\n"
                       "GRANT USAGE ON SCHEMA {0} TO {2};\n"
                       "GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {2};\n"
                       // Tables the application creates later are readable by CDC at once.
                       "ALTER DEFAULT PRIVILEGES FOR ROLE {1} IN SCHEMA {0} GRANT SELECT ON TABLES TO {2};\n"
                       "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA {0} GRANT SELECT ON TABLES TO {2};\n",
                       s, app, cdc);
  }
  // Outside the captured schemas (so it has no data topic) but in the publication.
  sql += fmt::format("CREATE SCHEMA IF NOT EXISTS lakehouse;\n"
                     "CREATE TABLE IF NOT EXISTS {0} (id int PRIMARY KEY, ts timestamptz NOT NULL);\n"
                     "GRANT USAGE ON SCHEMA lakehouse TO {1};\n"
                     "GRANT SELECT, INSERT, UPDATE ON {0} TO {1};\n",
                     kHeartbeatTable, cdc);
  return db.Exec(sql);
}

Status SourceProvisioner::EnsurePublication(PgSession& db) {
  const auto& src = spec_->source;
  std::string targets;
  if (src.tables.empty()) {
    std::string schemas;
    for (const auto& schema : src.schemas) schemas += (schemas.empty() ? "" : ", ") + SqlIdentifier(schema);
    targets = "TABLES IN SCHEMA " + schemas + ", TABLE " + kHeartbeatTable;
  } else {
    targets = "TABLE " + std::string(kHeartbeatTable);
    for (const auto& table : src.tables) targets += ", " + table;
  }
  LH_ASSIGN_OR_RETURN(std::string exists, db.QueryValue("SELECT count(*) FROM pg_publication WHERE pubname = $1",
                                                        {src.publication}));
  const std::string verb = exists == "0" ? "CREATE" : "ALTER";
  // ALTER ... SET replaces the publication's contents with the spec's.
  return db.Exec(fmt::format("{} PUBLICATION {} {} {}", verb, SqlIdentifier(src.publication),
                             exists == "0" ? "FOR" : "SET", targets));
}

Result<std::vector<std::string>> SourceProvisioner::CapturedTables() {
  LH_ASSIGN_OR_RETURN(PgSession db, Connect(spec_->source.database));
  LH_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT schemaname || '.' || tablename FROM pg_publication_tables "
                                          "WHERE pubname = $1 AND schemaname <> 'lakehouse' ORDER BY 1",
                                          {spec_->source.publication}));
  std::vector<std::string> tables;
  for (const auto& row : rows) tables.push_back(row[0].value_or(""));
  return tables;
}

}  // namespace lakehouse
