#include "workload/change_planner.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "workload/test_reference_data.h"

namespace lakehouse::workload {
namespace {

// A planner over an in-memory "database" of 50 customers and 20 products,
// with ids handed out from counters as the sequences would.
class PlannerHarness {
 public:
  explicit PlannerHarness(WorkloadOptions options) : planner_(options, TestReferenceData(), &keys_) {}

  void Seed() {
    for (int64_t id = 1; id <= 50; ++id) keys_.AddCustomer(id);
    for (int64_t id = 1; id <= 20; ++id) keys_.AddProduct(id, 10000 * id);
    next_customer_ = 51;
  }

  std::vector<Change> Plan(int target) {
    std::vector<int64_t> orders, customers;
    for (int i = 0; i < target; ++i) {
      orders.push_back(next_order_++);
      customers.push_back(next_customer_++);
    }
    order_ids_.Add(orders);
    customer_ids_.Add(customers);
    return planner_.PlanBatch(target, &order_ids_, &customer_ids_);
  }

  LiveKeys& keys() { return keys_; }

 private:
  LiveKeys keys_;
  ChangePlanner planner_;
  IdPool order_ids_, customer_ids_;
  int64_t next_order_ = 1;
  int64_t next_customer_ = 1;
};

// A printable digest of everything a batch would write.
std::string Digest(const std::vector<Change>& batch) {
  std::ostringstream out;
  for (const Change& c : batch) {
    out << ChangeKindName(c.kind) << ':' << c.expected_rows << ':';
    std::visit(
        [&](const auto& op) {
          using T = std::decay_t<decltype(op)>;
          if constexpr (std::is_same_v<T, OrderInsert>) {
            out << op.order.id << ',' << op.order.customer_id << ',' << op.order.total_vnd << ','
                << op.order.shipping_address << ',' << op.items.size();
          } else if constexpr (std::is_same_v<T, OrderStatusUpdate>) {
            out << op.order_id << ',' << OrderStatusName(op.to);
          } else if constexpr (std::is_same_v<T, PriceUpdate>) {
            out << op.product_id << ',' << op.price_vnd;
          } else if constexpr (std::is_same_v<T, CustomerUpdate>) {
            out << op.customer_id << ',' << op.phone.value_or("") << op.address.value_or("");
          } else if constexpr (std::is_same_v<T, OrderDelete>) {
            out << op.order_id;
          } else {
            out << op.customer.id << ',' << op.customer.full_name << ',' << op.customer.email;
          }
        },
        c.op);
    out << '\n';
  }
  return out.str();
}

std::string RunDigest(uint64_t seed) {
  WorkloadOptions options;
  options.seed = seed;
  PlannerHarness h(options);
  h.Seed();
  std::string all;
  for (int i = 0; i < 20; ++i) all += Digest(h.Plan(100));
  return all;
}

TEST(ChangePlannerTest, SameSeedSamePlan) {
  EXPECT_EQ(RunDigest(1), RunDigest(1));
  EXPECT_NE(RunDigest(1), RunDigest(2));
}

TEST(ChangePlannerTest, BatchReachesTargetRowsWithLittleOvershoot) {
  PlannerHarness h{WorkloadOptions{}};
  h.Seed();
  for (int target : {1, 7, 100, 1000}) {
    int rows = 0;
    for (const Change& c : h.Plan(target)) rows += c.expected_rows;
    EXPECT_GE(rows, target);
    EXPECT_LT(rows, target + 7);  // at most one operation past the target
  }
}

// Replays every planned operation against a model of the database and checks
// that updates and deletes only ever target rows that exist.
TEST(ChangePlannerTest, UpdatesAndDeletesTargetLiveRowsOnly) {
  PlannerHarness h{WorkloadOptions{}};
  h.Seed();
  std::set<int64_t> customers;
  for (int64_t id = 1; id <= 50; ++id) customers.insert(id);
  std::map<int64_t, OrderStatus> orders;
  PerKind kinds{};
  for (int b = 0; b < 200; ++b) {
    for (const Change& c : h.Plan(50)) {
      kinds[static_cast<int>(c.kind)]++;
      std::visit(
          [&](const auto& op) {
            using T = std::decay_t<decltype(op)>;
            if constexpr (std::is_same_v<T, OrderInsert>) {
              ASSERT_TRUE(customers.count(op.order.customer_id));
              ASSERT_TRUE(orders.emplace(op.order.id, OrderStatus::kPending).second) << "id reused";
              int64_t total = 0;
              std::set<int64_t> products;
              for (const auto& item : op.items) {
                total += item.line_total_vnd();
                EXPECT_TRUE(products.insert(item.product_id).second) << "product twice in one order";
                EXPECT_GT(item.unit_price_vnd, 0);
              }
              EXPECT_EQ(total, op.order.total_vnd);
              EXPECT_EQ(op.payment.amount_vnd, op.order.total_vnd);
              EXPECT_EQ(c.expected_rows, 2 + static_cast<int>(op.items.size()));
            } else if constexpr (std::is_same_v<T, OrderStatusUpdate>) {
              auto it = orders.find(op.order_id);
              ASSERT_NE(it, orders.end()) << "update of a missing order";
              ASSERT_TRUE(IsOpen(it->second)) << "update of a closed order";
              if (op.to == OrderStatus::kCancelled) {
                EXPECT_EQ(it->second, OrderStatus::kPending);
              }
              it->second = op.to;
            } else if constexpr (std::is_same_v<T, CustomerUpdate>) {
              ASSERT_TRUE(customers.count(op.customer_id));
            } else if constexpr (std::is_same_v<T, OrderDelete>) {
              ASSERT_EQ(orders.erase(op.order_id), 1u) << "delete of a missing order";
            } else if constexpr (std::is_same_v<T, CustomerInsert>) {
              ASSERT_TRUE(customers.insert(op.customer.id).second);
            } else {
              static_assert(std::is_same_v<T, PriceUpdate>);
              ASSERT_GE(op.product_id, 1);
              ASSERT_LE(op.product_id, 20);
            }
          },
          c.op);
    }
  }
  EXPECT_EQ(orders.size(), h.keys().orders().size());
  int64_t ops = 0;
  for (int64_t k : kinds) ops += k;
  // Fallbacks (no open order yet) only shift a little weight to inserts.
  EXPECT_NEAR(static_cast<double>(kinds[static_cast<int>(ChangeKind::kOrderStatusUpdate)]) / ops, 0.30, 0.03);
  EXPECT_NEAR(static_cast<double>(kinds[static_cast<int>(ChangeKind::kPriceUpdate)]) / ops, 0.05, 0.015);
}

TEST(ChangePlannerTest, WithoutOrdersUpdatesFallBackToInserts) {
  WorkloadOptions options;
  options.mix = MixWeights{.order_insert = 0, .order_status_update = 1, .price_update = 0,
                           .customer_update = 0, .order_delete = 1, .customer_insert = 0};
  PlannerHarness h(options);
  h.Seed();
  const auto batch = h.Plan(1);
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0].kind, ChangeKind::kOrderInsert);
  // Once an order exists, the mix is honoured.
  bool saw_other = false;
  for (int i = 0; i < 10; ++i) {
    for (const Change& c : h.Plan(5)) saw_other |= c.kind != ChangeKind::kOrderInsert;
  }
  EXPECT_TRUE(saw_other);
}

}  // namespace
}  // namespace lakehouse::workload
