#include "workload/change_writer.h"

#include <charconv>
#include <utility>

namespace lakehouse::workload {
namespace {

void SetInt(std::string* out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  out->assign(buf, end);
}

}  // namespace

Result<std::unique_ptr<ChangeWriter>> ChangeWriter::Open(const std::string& dsn) {
  LH_ASSIGN_OR_RETURN(auto conn, PgConnection::Connect(dsn));
  std::unique_ptr<ChangeWriter> writer(new ChangeWriter(std::move(conn)));
  LH_RETURN_IF_ERROR(writer->PrepareAll());
  return writer;
}

Status ChangeWriter::PrepareAll() {
  LH_ASSIGN_OR_RETURN(auto seqs, conn_->Query("look up identity sequences",
                                              "select pg_get_serial_sequence('demo.orders', 'id'), "
                                              "pg_get_serial_sequence('demo.customers', 'id')"));
  if (seqs.IsNull(0, 0) || seqs.IsNull(0, 1)) {
    return Status::FailedPrecondition("demo.orders.id or demo.customers.id at " + conn_->target() +
                                      " is not an identity column; apply sql/source/demo_schema.sql");
  }
  order_seq_ = std::string(seqs.Get(0, 0));
  customer_seq_ = std::string(seqs.Get(0, 1));
  for (int s = 0; s < kStmtCount; ++s) {
    const StmtInfo& info = GetStmtInfo(static_cast<Stmt>(s));
    LH_RETURN_IF_ERROR(conn_->Prepare(info.name, info.sql));
  }
  return Status::OK();
}

Status ChangeWriter::LoadLiveKeys(int64_t max_orders, int64_t max_customers, LiveKeys* keys) {
  LH_RETURN_IF_ERROR(ExitPipeline());
  std::string customer_limit;
  SetInt(&customer_limit, max_customers);
  // Oldest first among the newest N (here and for orders), so the order of
  // additions, and with it every later pick, is deterministic.
  LH_ASSIGN_OR_RETURN(auto customers, conn_->Query("load customer ids",
                                                   "select id from (select id from demo.customers order by id desc "
                                                   "limit $1) c order by id",
                                                   {customer_limit.c_str()}));
  for (int r = 0; r < customers.rows(); ++r) keys->AddCustomer(customers.Int64(r, 0));
  LH_ASSIGN_OR_RETURN(auto products, conn_->Query("load product prices",
                                                  "select id, price_vnd from demo.products where is_active "
                                                  "order by id"));
  for (int r = 0; r < products.rows(); ++r) keys->AddProduct(products.Int64(r, 0), products.Int64(r, 1));
  std::string limit;
  SetInt(&limit, max_orders);
  LH_ASSIGN_OR_RETURN(auto orders, conn_->Query("load order ids",
                                                "select id, status from (select id, status from demo.orders "
                                                "order by id desc limit $1) o order by id",
                                                {limit.c_str()}));
  for (int r = 0; r < orders.rows(); ++r) {
    OrderStatus status;
    if (!ParseOrderStatus(orders.Get(r, 1), &status)) continue;
    keys->AddOrder(orders.Int64(r, 0), status);
  }
  return Status::OK();
}

Status ChangeWriter::ReserveIds(int64_t orders, int64_t customers, IdPool* order_ids, IdPool* customer_ids) {
  LH_RETURN_IF_ERROR(ExitPipeline());
  auto reserve = [&](const std::string& sequence, int64_t count, IdPool* pool) -> Status {
    if (count <= 0) return Status::OK();
    std::string n;
    SetInt(&n, count);
    LH_ASSIGN_OR_RETURN(auto ids, conn_->Query("reserve ids from " + sequence,
                                               "select nextval($1::regclass) from generate_series(1, $2::int)",
                                               {sequence.c_str(), n.c_str()}));
    std::vector<int64_t> values(ids.rows());
    for (int r = 0; r < ids.rows(); ++r) values[r] = ids.Int64(r, 0);
    pool->Add(values);
    return Status::OK();
  };
  LH_RETURN_IF_ERROR(reserve(order_seq_, orders, order_ids));
  return reserve(customer_seq_, customers, customer_ids);
}

Status ChangeWriter::EnsurePipeline() {
  if (in_pipeline_) return Status::OK();
  if (PQenterPipelineMode(conn_->raw()) != 1) {
    return conn_->SqlError("enter pipeline mode", nullptr);
  }
  in_pipeline_ = true;
  return Status::OK();
}

Status ChangeWriter::ExitPipeline() {
  if (!in_pipeline_) return Status::OK();
  if (PQexitPipelineMode(conn_->raw()) != 1) return conn_->SqlError("exit pipeline mode", nullptr);
  in_pipeline_ = false;
  return Status::OK();
}

Status ChangeWriter::Send(const std::vector<Change>& batch) {
  LH_RETURN_IF_ERROR(EnsurePipeline());
  Pending pending;
  for (const Change& change : batch) pending.operations[static_cast<int>(change.kind)]++;
  const char* values[kMaxStmtParams];
  for (const StatementGroup& group : BuildBatchStatements(batch)) {
    const StmtInfo& info = GetStmtInfo(group.stmt);
    for (size_t i = 0; i < group.params.size(); ++i) values[i] = group.params[i].c_str();
    if (PQsendQueryPrepared(conn_->raw(), info.name, static_cast<int>(group.params.size()), values, nullptr,
                            nullptr, 0) != 1) {
      return conn_->SqlError(std::string(ChangeKindName(group.kind)) + ": send " + info.name, nullptr);
    }
    pending.tags.push_back({group.kind, group.stmt});
  }
  // No BEGIN/COMMIT: everything up to a Sync is one implicit transaction.
  if (PQpipelineSync(conn_->raw()) != 1) return conn_->SqlError("send pipeline sync", nullptr);
  in_flight_.push_back(std::move(pending));
  return Status::OK();
}

Result<ChangeCounts> ChangeWriter::Receive() {
  Pending batch = std::move(in_flight_.front());
  in_flight_.pop_front();
  PGconn* conn = conn_->raw();
  ChangeCounts counts;
  Status first_error;
  for (const Tag& tag : batch.tags) {
    PgResult result(PQgetResult(conn));
    const StmtInfo& info = GetStmtInfo(tag.stmt);
    const std::string what = std::string(ChangeKindName(tag.kind)) + ": " + info.name;
    if (result.get() == nullptr) return conn_->SqlError(what, nullptr);
    const ExecStatusType status = result.status();
    if (status == PGRES_COMMAND_OK) {
      const int64_t rows = result.AffectedRows();
      counts.changes += rows;
      counts.rows[static_cast<int>(tag.kind)] += rows;
      TableCounts& table = counts.tables[static_cast<int>(info.table)];
      switch (info.op) {
        case RowOp::kInsert: table.inserted += rows; break;
        case RowOp::kUpdate: table.updated += rows; break;
        case RowOp::kDelete: table.deleted += rows; break;
      }
    } else if (status != PGRES_PIPELINE_ABORTED && first_error.ok()) {
      first_error = conn_->SqlError(what, result.get());
    }
    // Each statement's results end with a null result.
    PgResult end(PQgetResult(conn));
    if (end.get() != nullptr && first_error.ok()) {
      first_error = Status::Internal(what + ": more than one result for one statement");
    }
  }
  // The Sync ends the transaction; a failed commit reports here.
  PgResult sync(PQgetResult(conn));
  if (sync.get() == nullptr) return conn_->SqlError("commit", nullptr);
  if (sync.status() != PGRES_PIPELINE_SYNC && first_error.ok()) first_error = conn_->SqlError("commit", sync.get());
  if (!first_error.ok()) return first_error;
  counts.transactions = 1;
  counts.operations = batch.operations;
  return counts;
}

}  // namespace lakehouse::workload
