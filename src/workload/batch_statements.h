// BatchStatements: turns one batch of planned operations into a few multi-row
// statements — one per (statement, round, kind) — with their parameters as
// PostgreSQL array literals. Pure; no I/O.
//
// Why: a single-row statement costs the server ~30–60 µs of fixed overhead
// (bind, execute, executor start-up), which caps a 2-core machine at well
// under 20k changes/s. Unnesting arrays makes that overhead per statement
// instead of per row.
//
// Order is what keeps it correct. Statements run in phase order: inserts
// (customers, orders, lines, payments), then updates, then deletes, so every
// row is inserted before it is updated and updated before it is deleted, as
// the planner planned them. A multi-row UPDATE touches each row at most once,
// so when one batch updates the same key twice (an order paid, then shipped),
// the second update goes into the next round: a second statement of that kind
// that runs after the first. Per-kind statements keep the server's row counts
// attributable to operation kinds. Changes to different keys may reach the WAL
// in another order than planned; within one transaction that is invisible to
// consumers, who see the commit as a whole.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "workload/change.h"
#include "workload/demo_rows.h"

namespace lakehouse::workload {

// The prepared statements, in phase order.
enum class Stmt {
  kInsCustomer, kInsOrder, kInsItems, kInsPayment,
  kUpdCustomer, kUpdPrice, kUpdOrderStatus, kUpdPayment,
  kDelPayments, kDelItems, kDelOrders,
};
inline constexpr int kStmtCount = 11;

enum class RowOp { kInsert, kUpdate, kDelete };

inline constexpr int kMaxStmtParams = 10;

struct StmtInfo {
  const char* name;   // prepared statement name
  const char* sql;    // parameters are arrays, one per column
  int params;         // <= kMaxStmtParams
  DemoTable table;
  RowOp op;
};
const StmtInfo& GetStmtInfo(Stmt stmt);

// One statement to execute: `params` are array literals ("{1,2,3}").
struct StatementGroup {
  Stmt stmt;
  int round = 0;
  ChangeKind kind;
  int rows = 0;  // elements in each array
  std::vector<std::string> params;
};

// The statements for `batch`, in execution order.
std::vector<StatementGroup> BuildBatchStatements(const std::vector<Change>& batch);

// Appends `value` to an array literal under construction ("{" so far, or
// "{a,b"), quoted so that any text — spaces, commas, quotes, braces,
// backslashes, diacritics — survives. AppendArrayNull appends NULL.
void AppendArrayText(std::string* array, std::string_view value);
void AppendArrayInt(std::string* array, int64_t value);
void AppendArrayNull(std::string* array);

}  // namespace lakehouse::workload
