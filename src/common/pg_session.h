// PgSession: one libpq connection with Status-returning helpers.
//
// For administration and checks (provisioning, readiness, status, verify), not
// for bulk traffic. Not thread-safe; one session per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

struct pg_conn;

namespace lakehouse {

using PgRow = std::vector<std::optional<std::string>>;

class PgSession {
 public:
  // `conninfo` is a libpq connection string; `where` names the server in errors.
  static Result<PgSession> Connect(const std::string& conninfo, const std::string& where);
  PgSession(PgSession&&) noexcept;
  PgSession& operator=(PgSession&&) noexcept;
  ~PgSession();

  // Runs one or more statements without parameters.
  Status Exec(const std::string& sql);
  // Runs one statement with text parameters ($1, $2, ...) and returns all rows as text.
  Result<std::vector<PgRow>> Query(const std::string& sql, const std::vector<std::string>& params = {});
  // The single value of a one-row, one-column query ("" for NULL).
  Result<std::string> QueryValue(const std::string& sql, const std::vector<std::string>& params = {});

 private:
  struct Closer {
    void operator()(pg_conn* conn) const;
  };
  PgSession(pg_conn* conn, std::string where);
  std::unique_ptr<pg_conn, Closer> conn_;
  std::string where_;
};

// Quotes `value` as an SQL string literal ('it''s').
std::string SqlLiteral(const std::string& value);
// Quotes `name` as an SQL identifier ("My Table").
std::string SqlIdentifier(const std::string& name);

}  // namespace lakehouse
