// Change: one planned operation of the workload (e.g. "insert an order with its
// lines and payment") and the kinds of operation the mix chooses between.
//
// An operation touches one or more rows; the workload's rate is counted in rows
// ("changes"), because that is what reaches the CDC stream. Plain values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "workload/demo_rows.h"

namespace lakehouse::workload {

enum class ChangeKind {
  kOrderInsert,        // order + 1–5 lines + payment (3–7 rows)
  kOrderStatusUpdate,  // next status of an open order, plus its payment when that changes
  kPriceUpdate,        // one product's price_vnd / price_usd
  kCustomerUpdate,     // phone, e-mail, address or bio of one customer
  kOrderDelete,        // cancel a pending order, or hard-delete an order with its lines and payment
  kCustomerInsert,     // one new customer
};
inline constexpr int kChangeKindCount = 6;
// "order_insert", "order_status_update", ...: stable names for reports and flags.
std::string_view ChangeKindName(ChangeKind kind);

struct OrderInsert {
  OrderRow order;
  std::vector<OrderItemRow> items;
  PaymentRow payment;
};

// orders.status := to; when payment_status is set, the order's payment too.
struct OrderStatusUpdate {
  int64_t order_id = 0;
  OrderStatus to = OrderStatus::kPaid;
  std::optional<PaymentStatus> payment_status;
};

struct PriceUpdate {
  int64_t product_id = 0;
  int64_t price_vnd = 0;
};

// Only the fields that are set change; bio is usually left alone, so its TOASTed
// value is not rewritten (the unchanged-TOAST case downstream). The e-mail keeps
// its local part (which holds the id, so it stays unique) and moves to a new
// domain: the generator does not know the stored name to build a new one.
struct CustomerUpdate {
  int64_t customer_id = 0;
  std::optional<std::string> email_domain;
  std::optional<std::string> phone;
  std::optional<std::string> province_code;
  std::optional<std::string> address;
  std::optional<std::string> bio;
};

// Deletes the order's payments, lines and the order, in that order.
struct OrderDelete {
  int64_t order_id = 0;
};

struct CustomerInsert {
  CustomerRow customer;
};

using ChangeOp =
    std::variant<OrderInsert, OrderStatusUpdate, PriceUpdate, CustomerUpdate, OrderDelete, CustomerInsert>;

struct Change {
  ChangeKind kind = ChangeKind::kOrderInsert;
  // Rows the operation is expected to touch. Exact for everything the planner
  // created itself; an estimate for hard deletes of orders loaded from the
  // database (their line count is unknown). The server's counts are what is
  // reported; this only paces.
  int expected_rows = 0;
  ChangeOp op;
};

// Per-kind counters, indexed by ChangeKind.
using PerKind = std::array<int64_t, kChangeKindCount>;

}  // namespace lakehouse::workload
