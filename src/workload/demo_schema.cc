#include "workload/demo_schema.h"

#include "workload/pg_connection.h"

namespace lakehouse::workload {

std::vector<std::string> DemoSqlFiles(const std::string& sql_source_dir) {
  std::string dir = sql_source_dir;
  if (!dir.empty() && dir.back() != '/') dir.push_back('/');
  return {dir + "demo_schema.sql", dir + "demo_seed.sql"};
}

Status ApplyDemoSchema(const std::string& dsn, const std::vector<std::string>& sql_files, Env* env) {
  // Read everything first: a missing file should not leave half a schema.
  std::vector<std::string> scripts;
  for (const std::string& path : sql_files) {
    auto text = env->ReadFile(path);
    if (!text.ok()) return text.status().WithContext("read demo schema file " + path);
    scripts.push_back(std::move(text).value());
  }
  LH_ASSIGN_OR_RETURN(auto conn, PgConnection::Connect(dsn));
  // CREATE ... IF NOT EXISTS still notices; keep the server's log and ours quiet.
  LH_RETURN_IF_ERROR(conn->Exec("set client_min_messages", "set client_min_messages = warning"));
  for (size_t i = 0; i < sql_files.size(); ++i) {
    LH_RETURN_IF_ERROR(conn->Exec("apply " + sql_files[i], scripts[i]));
  }
  return Status::OK();
}

}  // namespace lakehouse::workload
