// ChangeWriter: the libpq half of the workload generator. It sends planned
// batches to the source database as pipelined transactions of prepared
// multi-row statements (BatchStatements) and reads back, per statement, how
// many rows the server changed.
//
// A batch is one transaction: its statements are queued in libpq pipeline mode
// (PostgreSQL 14+) and closed by one Sync, so they run as a single implicit
// transaction with one round trip. Up to pipeline_depth batches may be in
// flight; Receive returns their outcomes in the order they were sent. After any
// error the writer is unusable (the error is returned and the connection should
// be dropped): the in-memory LiveKeys no longer match the database.
// One thread at a time.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "workload/batch_statements.h"
#include "workload/change.h"
#include "workload/id_pool.h"
#include "workload/live_keys.h"
#include "workload/pg_connection.h"
#include "workload/workload_report.h"

namespace lakehouse::workload {

class ChangeWriter {
 public:
  // Connects and prepares the statements. FailedPrecondition if the demo
  // schema is missing; Unavailable if the server cannot be reached.
  static Result<std::unique_ptr<ChangeWriter>> Open(const std::string& dsn);

  PgConnection* connection() { return conn_.get(); }

  // Fills `keys` with the newest `max_customers` customers, the active
  // products (with prices) and the newest `max_orders` orders (with status).
  // REQUIRES: in_flight() == 0.
  Status LoadLiveKeys(int64_t max_orders, int64_t max_customers, LiveKeys* keys);

  // Reserves ids from the identity sequences of demo.orders and demo.customers.
  // REQUIRES: in_flight() == 0.
  Status ReserveIds(int64_t orders, int64_t customers, IdPool* order_ids, IdPool* customer_ids);

  // Queues one transaction holding every operation of `batch`.
  Status Send(const std::vector<Change>& batch);
  // Waits for the oldest batch in flight and returns what the server did.
  // An SQL error names the operation kind, the statement and the server's
  // message. REQUIRES: in_flight() > 0.
  Result<ChangeCounts> Receive();
  int in_flight() const { return static_cast<int>(in_flight_.size()); }

 private:
  // What one queued statement was, to attribute its row count.
  struct Tag {
    ChangeKind kind;
    Stmt stmt;
  };
  struct Pending {
    std::vector<Tag> tags;
    PerKind operations{};
  };

  explicit ChangeWriter(std::unique_ptr<PgConnection> conn) : conn_(std::move(conn)) {}
  Status PrepareAll();
  Status EnsurePipeline();
  Status ExitPipeline();

  std::unique_ptr<PgConnection> conn_;
  std::string order_seq_;
  std::string customer_seq_;
  bool in_pipeline_ = false;
  std::deque<Pending> in_flight_;
};

}  // namespace lakehouse::workload
