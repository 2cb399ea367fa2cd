// PgConnection: one libpq connection to the source database, with the error
// mapping the workload module uses everywhere.
//
// Errors are Status values, never exceptions:
//   Unavailable        — cannot connect, or the connection was lost; the message
//                        names host:port/database and libpq's reason;
//   FailedPrecondition — the demo schema is missing (undefined table or schema);
//                        the message says to apply it;
//   InvalidArgument    — the DSN itself does not parse;
//   IOError            — any other SQL error: the statement kind, the server's
//                        message and SQLSTATE.
// One connection is used by one thread at a time.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "workload/pg_result.h"

namespace lakehouse::workload {

class PgConnection {
 public:
  // Connects with a 10 s connect_timeout unless the DSN sets its own.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& dsn);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  PGconn* raw() { return conn_; }
  // "host:port/database" of this connection, for messages.
  const std::string& target() const { return target_; }

  // Runs `sql`, which may hold several statements (simple protocol, one implicit
  // transaction unless it has its own BEGIN/COMMIT). `what` names the statement
  // kind in errors, e.g. "apply demo_schema.sql".
  Status Exec(std::string_view what, const std::string& sql);
  // Runs one statement with text parameters (nullptr = NULL).
  Result<PgResult> Query(std::string_view what, const std::string& sql,
                         const std::vector<const char*>& params = {});
  Status Prepare(const std::string& name, const std::string& sql);

  // The Status for a failed statement `what` whose result is `result` (may be
  // null when libpq could not even produce one).
  Status SqlError(std::string_view what, const PGresult* result) const;

 private:
  PgConnection(PGconn* conn, std::string target) : conn_(conn), target_(std::move(target)) {}

  PGconn* conn_;
  std::string target_;
};

// "host:port/database" that `dsn` points at, with libpq's defaults (PGHOST,
// PGPORT, ... and the built-in ones) filled in; for error messages.
std::string DescribeDsn(const std::string& dsn);

// `dsn` with its database replaced by `database` (as a key='value' string);
// InvalidArgument if `dsn` does not parse.
Result<std::string> DsnWithDatabase(const std::string& dsn, const std::string& database);

}  // namespace lakehouse::workload
