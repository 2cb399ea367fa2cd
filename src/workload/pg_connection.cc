#include "workload/pg_connection.h"

#include <cstring>
#include <map>

namespace lakehouse::workload {
namespace {

// Keyword -> value for the options `dsn` sets explicitly.
Result<std::map<std::string, std::string>> ParseDsn(const std::string& dsn) {
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &err);
  if (options == nullptr) {
    std::string msg = err != nullptr ? err : "out of memory";
    if (err != nullptr) PQfreemem(err);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return Status::InvalidArgument("PostgreSQL DSN does not parse: " + msg);
  }
  std::map<std::string, std::string> out;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val != nullptr) out[o->keyword] = o->val;
  }
  PQconninfoFree(options);
  return out;
}

std::string TrimNewlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string QuoteConninfoValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

}  // namespace

std::string DescribeDsn(const std::string& dsn) {
  auto parsed = ParseDsn(dsn);
  std::map<std::string, std::string> values;
  if (PQconninfoOption* defaults = PQconndefaults()) {
    for (PQconninfoOption* o = defaults; o->keyword != nullptr; ++o) {
      if (o->val != nullptr) values[o->keyword] = o->val;
    }
    PQconninfoFree(defaults);
  }
  if (parsed.ok()) {
    for (const auto& [k, v] : *parsed) values[k] = v;
  }
  auto value = [&](const char* key, const char* fallback) {
    auto it = values.find(key);
    return it != values.end() && !it->second.empty() ? it->second : std::string(fallback);
  };
  std::string host = value("host", "");
  if (host.empty()) host = value("hostaddr", "(default socket)");
  const std::string user = value("user", "");
  return host + ":" + value("port", "5432") + "/" + value("dbname", user.empty() ? "?" : user.c_str());
}

Result<std::string> DsnWithDatabase(const std::string& dsn, const std::string& database) {
  LH_ASSIGN_OR_RETURN(auto options, ParseDsn(dsn));
  options["dbname"] = database;
  std::string out;
  for (const auto& [k, v] : options) {
    if (!out.empty()) out += ' ';
    out += k + "=" + QuoteConninfoValue(v);
  }
  return out;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& dsn) {
  LH_RETURN_IF_ERROR(ParseDsn(dsn).status());  // a typo in the DSN is InvalidArgument, not Unavailable
  // Keywords before dbname are defaults the DSN (expanded in place of dbname)
  // may override.
  const char* keywords[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {"10", "lakehouse-workload", dsn.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::Unavailable("cannot connect to PostgreSQL at " + DescribeDsn(dsn) + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = TrimNewlines(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::Unavailable("cannot connect to PostgreSQL at " + DescribeDsn(dsn) + ": " + reason +
                               " (is the server running and the DSN right?)");
  }
  std::string target = std::string(PQhost(conn)) + ":" + PQport(conn) + "/" + PQdb(conn);
  return std::unique_ptr<PgConnection>(new PgConnection(conn, std::move(target)));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Status PgConnection::SqlError(std::string_view what, const PGresult* result) const {
  if (PQstatus(conn_) == CONNECTION_BAD) {
    return Status::Unavailable(std::string(what) + ": lost the connection to PostgreSQL at " + target_ + ": " +
                               TrimNewlines(PQerrorMessage(conn_)));
  }
  if (result == nullptr) {
    return Status::IOError(std::string(what) + " at " + target_ + ": " + TrimNewlines(PQerrorMessage(conn_)));
  }
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  const std::string sqlstate = state != nullptr ? state : "";
  std::string message = std::string(what) + " failed at " + target_ + ": " +
                        (primary != nullptr ? primary : TrimNewlines(PQresultErrorMessage(result)));
  if (!sqlstate.empty()) message += " (SQLSTATE " + sqlstate + ")";
  if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) message += "; " + std::string(detail);

  if (sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0) return Status::Unavailable(message);
  if (sqlstate == "42P01" || sqlstate == "3F000" || sqlstate == "42703") {
    return Status::FailedPrecondition(message +
                                      "; apply the demo schema first (sql/source/demo_schema.sql and "
                                      "demo_seed.sql, via ApplyDemoSchema) and seed it (SeedDemo)");
  }
  return Status::IOError(message);
}

Status PgConnection::Exec(std::string_view what, const std::string& sql) {
  PgResult result(PQexec(conn_, sql.c_str()));
  const ExecStatusType status = result.get() != nullptr ? result.status() : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return SqlError(what, result.get());
  return Status::OK();
}

Result<PgResult> PgConnection::Query(std::string_view what, const std::string& sql,
                                     const std::vector<const char*>& params) {
  PgResult result(PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, params.data(), nullptr,
                               nullptr, 0));
  const ExecStatusType status = result.get() != nullptr ? result.status() : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return SqlError(what, result.get());
  return result;
}

Status PgConnection::Prepare(const std::string& name, const std::string& sql) {
  PgResult result(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
  if (result.get() == nullptr || result.status() != PGRES_COMMAND_OK) {
    return SqlError("prepare " + name, result.get());
  }
  return Status::OK();
}

}  // namespace lakehouse::workload
