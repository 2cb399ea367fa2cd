#include "common/pg_session.h"

#include <libpq-fe.h>

namespace lakehouse {

void PgSession::Closer::operator()(pg_conn* conn) const { PQfinish(conn); }

PgSession::PgSession(pg_conn* conn, std::string where) : conn_(conn), where_(std::move(where)) {}
PgSession::PgSession(PgSession&&) noexcept = default;
PgSession& PgSession::operator=(PgSession&&) noexcept = default;
PgSession::~PgSession() = default;

Result<PgSession> PgSession::Connect(const std::string& conninfo, const std::string& where) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return Status::Unavailable("cannot connect to PostgreSQL at " + where + ": " + message);
  }
  return PgSession(conn, where);
}

Status PgSession::Exec(const std::string& sql) {
  PGresult* res = PQexec(conn_.get(), sql.c_str());
  ExecStatusType st = PQresultStatus(res);
  Status status;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    std::string message = PQresultErrorMessage(res);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    status = Status::Internal("PostgreSQL at " + where_ + ": " + message);
  }
  PQclear(res);
  return status;
}

Result<std::vector<PgRow>> PgSession::Query(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  PGresult* res = PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0);
  if (PQresultStatus(res) != PGRES_TUPLES_OK && PQresultStatus(res) != PGRES_COMMAND_OK) {
    std::string message = PQresultErrorMessage(res);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQclear(res);
    return Status::Internal("PostgreSQL at " + where_ + ": " + message);
  }
  std::vector<PgRow> rows;
  int n = PQntuples(res), m = PQnfields(res);
  rows.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    PgRow row;
    for (int j = 0; j < m; ++j) {
      if (PQgetisnull(res, i, j)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(PQgetvalue(res, i, j), static_cast<size_t>(PQgetlength(res, i, j))));
      }
    }
    rows.push_back(std::move(row));
  }
  PQclear(res);
  return rows;
}

Result<std::string> PgSession::QueryValue(const std::string& sql, const std::vector<std::string>& params) {
  LH_ASSIGN_OR_RETURN(auto rows, Query(sql, params));
  if (rows.size() != 1 || rows[0].size() != 1) {
    return Status::Internal("expected one value from: " + sql + " (got " + std::to_string(rows.size()) + " rows)");
  }
  return rows[0][0].value_or("");
}

std::string SqlLiteral(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string SqlIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

}  // namespace lakehouse
