#include "workload/batch_statements.h"

#include <gtest/gtest.h>

namespace lakehouse::workload {
namespace {

Change StatusUpdate(ChangeKind kind, int64_t order, OrderStatus to, std::optional<PaymentStatus> payment = {}) {
  OrderStatusUpdate op;
  op.order_id = order;
  op.to = to;
  op.payment_status = payment;
  return {kind, payment ? 2 : 1, op};
}

Change NewOrder(int64_t id, int lines) {
  OrderInsert op;
  op.order.id = id;
  op.order.customer_id = 7;
  op.order.province_code = "79";
  op.order.shipping_address = "12 Lê Lợi, Phường Bến Nghé, Thành phố Hồ Chí Minh";
  for (int i = 1; i <= lines; ++i) {
    op.items.push_back({.line_no = i, .product_id = 100 + i, .quantity = 2, .unit_price_vnd = 45000});
    op.order.total_vnd += 90000;
  }
  op.payment = {PaymentMethod::kMomo, op.order.total_vnd};
  return {ChangeKind::kOrderInsert, 2 + lines, op};
}

TEST(BatchStatementsTest, ArrayLiteralsQuoteEverythingThatCouldBreakThem) {
  std::string a = "{";
  AppendArrayText(&a, "Phở bò, \"đặc biệt\" {lớn}");
  AppendArrayText(&a, "C:\\đường");
  AppendArrayNull(&a);
  AppendArrayText(&a, "NULL");
  AppendArrayText(&a, "");
  a += "}";
  EXPECT_EQ(a, R"({"Phở bò, \"đặc biệt\" {lớn}","C:\\đường",NULL,"NULL",""})");
  std::string n = "{";
  AppendArrayInt(&n, -5);
  AppendArrayInt(&n, 9000000000000);
  EXPECT_EQ(n + "}", "{-5,9000000000000}");
}

TEST(BatchStatementsTest, OneStatementPerTableAndKindInPhaseOrder) {
  std::vector<Change> batch = {NewOrder(1, 2), NewOrder(2, 3)};
  batch.push_back({ChangeKind::kOrderDelete, 4, OrderDelete{1}});
  batch.push_back({ChangeKind::kPriceUpdate, 1, PriceUpdate{101, 50000}});
  const auto groups = BuildBatchStatements(batch);
  std::vector<Stmt> order;
  for (const auto& g : groups) order.push_back(g.stmt);
  EXPECT_EQ(order, (std::vector<Stmt>{Stmt::kInsOrder, Stmt::kInsItems, Stmt::kInsPayment, Stmt::kUpdPrice,
                                      Stmt::kDelPayments, Stmt::kDelItems, Stmt::kDelOrders}));
  EXPECT_EQ(groups[0].rows, 2);
  EXPECT_EQ(groups[0].params[0], "{1,2}");
  EXPECT_EQ(groups[0].params[5], "{NULL,NULL}");  // no notes
  EXPECT_EQ(groups[1].rows, 5);
  EXPECT_EQ(groups[1].params[0], "{1,1,2,2,2}");
  EXPECT_EQ(groups[1].params[1], "{1,2,1,2,3}");
  EXPECT_EQ(groups[2].params[1], R"({"momo","momo"})");
  EXPECT_EQ(groups[3].params[2], R"({"1.97"})");  // 50,000 VND in USD
  for (const auto& g : groups) {
    EXPECT_EQ(static_cast<int>(g.params.size()), GetStmtInfo(g.stmt).params) << GetStmtInfo(g.stmt).name;
  }
}

TEST(BatchStatementsTest, RepeatedKeyGoesToALaterRound) {
  std::vector<Change> batch = {
      NewOrder(9, 1),
      StatusUpdate(ChangeKind::kOrderStatusUpdate, 9, OrderStatus::kPaid, PaymentStatus::kCompleted),
      StatusUpdate(ChangeKind::kOrderStatusUpdate, 5, OrderStatus::kShipped),
      StatusUpdate(ChangeKind::kOrderStatusUpdate, 9, OrderStatus::kRefunded, PaymentStatus::kRefunded),
  };
  const auto groups = BuildBatchStatements(batch);
  std::vector<std::tuple<Stmt, int, std::string>> seen;
  for (const auto& g : groups) seen.emplace_back(g.stmt, g.round, g.params.back());
  const std::vector<std::tuple<Stmt, int, std::string>> expected = {
      {Stmt::kInsOrder, 0, "{NULL}"},
      {Stmt::kInsItems, 0, "{45000}"},
      {Stmt::kInsPayment, 0, "{90000}"},
      {Stmt::kUpdOrderStatus, 0, R"({"paid","shipped"})"},
      {Stmt::kUpdOrderStatus, 1, R"({"refunded"})"},
      {Stmt::kUpdPayment, 0, R"({"completed"})"},
      {Stmt::kUpdPayment, 1, R"({"refunded"})"},
  };
  EXPECT_EQ(seen, expected);
}

TEST(BatchStatementsTest, KindsGetTheirOwnStatementsSoCountsStayAttributable) {
  std::vector<Change> batch = {
      StatusUpdate(ChangeKind::kOrderStatusUpdate, 1, OrderStatus::kPaid),
      StatusUpdate(ChangeKind::kOrderDelete, 2, OrderStatus::kCancelled, PaymentStatus::kFailed),
  };
  const auto groups = BuildBatchStatements(batch);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].kind, ChangeKind::kOrderStatusUpdate);
  EXPECT_EQ(groups[1].kind, ChangeKind::kOrderDelete);
  EXPECT_EQ(groups[1].stmt, Stmt::kUpdOrderStatus);
  EXPECT_EQ(groups[2].stmt, Stmt::kUpdPayment);
}

TEST(BatchStatementsTest, CustomerUpdateSendsNullForFieldsItLeavesAlone) {
  CustomerUpdate op;
  op.customer_id = 3;
  op.phone = "0912345678";
  const auto groups = BuildBatchStatements({{ChangeKind::kCustomerUpdate, 1, op}});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].params, (std::vector<std::string>{"{3}", "{NULL}", R"({"0912345678"})", "{NULL}", "{NULL}",
                                                        "{NULL}"}));
}

}  // namespace
}  // namespace lakehouse::workload
