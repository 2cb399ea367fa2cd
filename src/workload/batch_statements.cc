#include "workload/batch_statements.h"

#include <charconv>
#include <map>
#include <tuple>
#include <type_traits>
#include <unordered_map>

namespace lakehouse::workload {
namespace {

// Every timestamp is now(): the transaction's start, the same for every row of
// a batch and monotone across the batches of one connection.
constexpr StmtInfo kStmts[kStmtCount] = {
    {"lh_wl_ins_customer",
     "insert into demo.customers (id, full_name, gender, birth_date, email, phone, province_code, address, bio, "
     "created_at, updated_at) select u.id, u.full_name, u.gender, u.birth_date, u.email, u.phone, u.province_code, "
     "u.address, u.bio, now() - make_interval(secs => u.age), now() from unnest($1::bigint[], $2::text[], "
     "$3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::float8[]) "
     "as u(id, full_name, gender, birth_date, email, phone, province_code, address, bio, age)",
     10, DemoTable::kCustomers, RowOp::kInsert},
    {"lh_wl_ins_order",
     "insert into demo.orders (id, customer_id, status, ordered_at, total_vnd, province_code, shipping_address, "
     "note, updated_at) select u.id, u.customer_id, 'pending', now(), u.total_vnd, u.province_code, u.address, "
     "u.note, now() from unnest($1::bigint[], $2::bigint[], $3::numeric[], $4::text[], $5::text[], $6::text[]) "
     "as u(id, customer_id, total_vnd, province_code, address, note)",
     6, DemoTable::kOrders, RowOp::kInsert},
    {"lh_wl_ins_items",
     "insert into demo.order_items (order_id, line_no, product_id, quantity, unit_price_vnd, line_total_vnd, "
     "updated_at) select u.order_id, u.line_no, u.product_id, u.quantity, u.unit_price, u.unit_price * u.quantity, "
     "now() from unnest($1::bigint[], $2::smallint[], $3::bigint[], $4::integer[], $5::numeric[]) "
     "as u(order_id, line_no, product_id, quantity, unit_price)",
     5, DemoTable::kOrderItems, RowOp::kInsert},
    {"lh_wl_ins_payment",
     "insert into demo.payments (order_id, method, amount_vnd, status, updated_at) "
     "select u.order_id, u.method, u.amount_vnd, 'pending', now() "
     "from unnest($1::bigint[], $2::text[], $3::numeric[]) as u(order_id, method, amount_vnd)",
     3, DemoTable::kPayments, RowOp::kInsert},
    // NULL fields keep their value. An untouched bio keeps its TOAST pointer,
    // so the WAL record does not carry it (the unchanged-TOAST case).
    {"lh_wl_upd_customer",
     "update demo.customers c set email = coalesce(split_part(c.email, '@', 1) || '@' || u.email_domain, c.email), "
     "phone = coalesce(u.phone, c.phone), province_code = coalesce(u.province_code, c.province_code), "
     "address = coalesce(u.address, c.address), bio = coalesce(u.bio, c.bio), updated_at = now() "
     "from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) "
     "as u(id, email_domain, phone, province_code, address, bio) where c.id = u.id",
     6, DemoTable::kCustomers, RowOp::kUpdate},
    {"lh_wl_upd_price",
     "update demo.products p set price_vnd = u.price_vnd, price_usd = u.price_usd, updated_at = now() "
     "from unnest($1::bigint[], $2::numeric[], $3::numeric[]) as u(id, price_vnd, price_usd) where p.id = u.id",
     3, DemoTable::kProducts, RowOp::kUpdate},
    {"lh_wl_upd_order_status",
     "update demo.orders o set status = u.status, updated_at = now() "
     "from unnest($1::bigint[], $2::text[]) as u(id, status) where o.id = u.id",
     2, DemoTable::kOrders, RowOp::kUpdate},
    {"lh_wl_upd_payment",
     "update demo.payments p set status = u.status, "
     "paid_at = case when u.status = 'completed' then now() else p.paid_at end, updated_at = now() "
     "from unnest($1::bigint[], $2::text[]) as u(order_id, status) where p.order_id = u.order_id",
     2, DemoTable::kPayments, RowOp::kUpdate},
    // Children first, so the ON DELETE CASCADE never does work we cannot count.
    {"lh_wl_del_payments", "delete from demo.payments where order_id = any($1::bigint[])", 1,
     DemoTable::kPayments, RowOp::kDelete},
    {"lh_wl_del_items", "delete from demo.order_items where order_id = any($1::bigint[])", 1,
     DemoTable::kOrderItems, RowOp::kDelete},
    {"lh_wl_del_orders", "delete from demo.orders where id = any($1::bigint[])", 1, DemoTable::kOrders,
     RowOp::kDelete},
};

class Builder {
 public:
  // The group that row(s) of `stmt` for `kind` go to. With `rounds`, a key seen
  // before in this batch for this statement goes one round after its last one.
  StatementGroup& Group(Stmt stmt, ChangeKind kind, int64_t key, bool rounds) {
    int round = 0;
    if (rounds) {
      auto [it, inserted] = last_round_[static_cast<int>(stmt)].try_emplace(key, 0);
      if (!inserted) round = ++it->second;
    }
    StatementGroup& g = groups_[{static_cast<int>(stmt), round, static_cast<int>(kind)}];
    if (g.params.empty()) {
      g.stmt = stmt;
      g.round = round;
      g.kind = kind;
      g.params.assign(GetStmtInfo(stmt).params, "{");
    }
    return g;
  }

  std::vector<StatementGroup> Finish() {
    std::vector<StatementGroup> out;
    out.reserve(groups_.size());
    for (auto& [key, g] : groups_) {
      for (std::string& p : g.params) p.push_back('}');
      out.push_back(std::move(g));
    }
    return out;
  }

 private:
  // Ordered by (statement, round, kind): the execution order.
  std::map<std::tuple<int, int, int>, StatementGroup> groups_;
  std::unordered_map<int64_t, int> last_round_[kStmtCount];
};

void Add(Builder& b, ChangeKind kind, const OrderInsert& op) {
  StatementGroup& o = b.Group(Stmt::kInsOrder, kind, op.order.id, false);
  AppendArrayInt(&o.params[0], op.order.id);
  AppendArrayInt(&o.params[1], op.order.customer_id);
  AppendArrayInt(&o.params[2], op.order.total_vnd);
  AppendArrayText(&o.params[3], op.order.province_code);
  AppendArrayText(&o.params[4], op.order.shipping_address);
  if (op.order.note.empty()) AppendArrayNull(&o.params[5]); else AppendArrayText(&o.params[5], op.order.note);
  o.rows++;
  StatementGroup& items = b.Group(Stmt::kInsItems, kind, op.order.id, false);
  for (const OrderItemRow& item : op.items) {
    AppendArrayInt(&items.params[0], op.order.id);
    AppendArrayInt(&items.params[1], item.line_no);
    AppendArrayInt(&items.params[2], item.product_id);
    AppendArrayInt(&items.params[3], item.quantity);
    AppendArrayInt(&items.params[4], item.unit_price_vnd);
    items.rows++;
  }
  StatementGroup& p = b.Group(Stmt::kInsPayment, kind, op.order.id, false);
  AppendArrayInt(&p.params[0], op.order.id);
  AppendArrayText(&p.params[1], PaymentMethodName(op.payment.method));
  AppendArrayInt(&p.params[2], op.payment.amount_vnd);
  p.rows++;
}

void Add(Builder& b, ChangeKind kind, const OrderStatusUpdate& op) {
  StatementGroup& o = b.Group(Stmt::kUpdOrderStatus, kind, op.order_id, true);
  AppendArrayInt(&o.params[0], op.order_id);
  AppendArrayText(&o.params[1], OrderStatusName(op.to));
  o.rows++;
  if (!op.payment_status) return;
  StatementGroup& p = b.Group(Stmt::kUpdPayment, kind, op.order_id, true);
  AppendArrayInt(&p.params[0], op.order_id);
  AppendArrayText(&p.params[1], PaymentStatusName(*op.payment_status));
  p.rows++;
}

void Add(Builder& b, ChangeKind kind, const PriceUpdate& op) {
  StatementGroup& g = b.Group(Stmt::kUpdPrice, kind, op.product_id, true);
  AppendArrayInt(&g.params[0], op.product_id);
  AppendArrayInt(&g.params[1], op.price_vnd);
  AppendArrayText(&g.params[2], VndToUsdText(op.price_vnd));
  g.rows++;
}

void Add(Builder& b, ChangeKind kind, const CustomerUpdate& op) {
  StatementGroup& g = b.Group(Stmt::kUpdCustomer, kind, op.customer_id, true);
  AppendArrayInt(&g.params[0], op.customer_id);
  const std::optional<std::string>* fields[] = {&op.email_domain, &op.phone, &op.province_code, &op.address,
                                                &op.bio};
  for (int i = 0; i < 5; ++i) {
    if (*fields[i]) AppendArrayText(&g.params[i + 1], **fields[i]); else AppendArrayNull(&g.params[i + 1]);
  }
  g.rows++;
}

void Add(Builder& b, ChangeKind kind, const OrderDelete& op) {
  for (Stmt s : {Stmt::kDelPayments, Stmt::kDelItems, Stmt::kDelOrders}) {
    StatementGroup& g = b.Group(s, kind, op.order_id, false);
    AppendArrayInt(&g.params[0], op.order_id);
    g.rows++;
  }
}

void Add(Builder& b, ChangeKind kind, const CustomerInsert& op) {
  const CustomerRow& c = op.customer;
  StatementGroup& g = b.Group(Stmt::kInsCustomer, kind, c.id, false);
  AppendArrayInt(&g.params[0], c.id);
  AppendArrayText(&g.params[1], c.full_name);
  AppendArrayText(&g.params[2], c.gender);
  AppendArrayText(&g.params[3], c.birth_date);
  AppendArrayText(&g.params[4], c.email);
  AppendArrayText(&g.params[5], c.phone);
  AppendArrayText(&g.params[6], c.province_code);
  AppendArrayText(&g.params[7], c.address);
  if (c.bio.empty()) AppendArrayNull(&g.params[8]); else AppendArrayText(&g.params[8], c.bio);
  AppendArrayInt(&g.params[9], c.created_seconds_ago);
  g.rows++;
}

void Separate(std::string* array) {
  if (array->size() > 1) array->push_back(',');
}

}  // namespace

const StmtInfo& GetStmtInfo(Stmt stmt) { return kStmts[static_cast<int>(stmt)]; }

void AppendArrayText(std::string* array, std::string_view value) {
  Separate(array);
  array->push_back('"');
  for (char c : value) {
    if (c == '"' || c == '\\') array->push_back('\\');
    array->push_back(c);
  }
  array->push_back('"');
}

void AppendArrayInt(std::string* array, int64_t value) {
  Separate(array);
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  array->append(buf, end);
}

void AppendArrayNull(std::string* array) {
  Separate(array);
  array->append("NULL");
}

std::vector<StatementGroup> BuildBatchStatements(const std::vector<Change>& batch) {
  Builder builder;
  for (const Change& change : batch) {
    std::visit([&](const auto& op) { Add(builder, change.kind, op); }, change.op);
  }
  return builder.Finish();
}

}  // namespace lakehouse::workload
