#include "workload/live_keys.h"

#include <gtest/gtest.h>

#include <set>

namespace lakehouse::workload {
namespace {

TEST(KeySetTest, InsertEraseAndPick) {
  KeySet set;
  EXPECT_TRUE(set.Insert(1));
  EXPECT_TRUE(set.Insert(2));
  EXPECT_TRUE(set.Insert(3));
  EXPECT_FALSE(set.Insert(2));
  EXPECT_TRUE(set.Erase(1));
  EXPECT_FALSE(set.Erase(1));
  EXPECT_EQ(set.size(), 2u);
  Random rng(1);
  std::set<int64_t> seen;
  for (int i = 0; i < 100; ++i) seen.insert(set.Pick(rng));
  EXPECT_EQ(seen, (std::set<int64_t>{2, 3}));
}

TEST(LiveKeysTest, OrderStatusDrivesOpenAndPendingSets) {
  LiveKeys keys;
  keys.AddOrder(10, OrderStatus::kPending);
  keys.AddOrder(11, OrderStatus::kDelivered);
  EXPECT_EQ(keys.orders().size(), 2u);
  EXPECT_EQ(keys.open_orders().size(), 1u);
  EXPECT_EQ(keys.pending_orders().size(), 1u);
  keys.SetOrderStatus(10, OrderStatus::kPaid);
  EXPECT_TRUE(keys.open_orders().Contains(10));
  EXPECT_FALSE(keys.pending_orders().Contains(10));
  keys.SetOrderStatus(10, OrderStatus::kRefunded);
  EXPECT_FALSE(keys.open_orders().Contains(10));
  keys.RemoveOrder(10);
  EXPECT_FALSE(keys.orders().Contains(10));
  EXPECT_EQ(keys.orders().size(), 1u);
}

TEST(LiveKeysTest, TrackedOrdersAreBoundedPreferringToForgetClosedOnes) {
  LiveKeys keys(/*max_orders=*/100);
  for (int64_t id = 1; id <= 50; ++id) keys.AddOrder(id, OrderStatus::kDelivered);
  for (int64_t id = 51; id <= 1000; ++id) keys.AddOrder(id, OrderStatus::kPending);
  EXPECT_EQ(keys.orders().size(), 100u);
  // The 950 pending orders pushed out the closed ones first.
  int closed_left = 0;
  for (int64_t id = 1; id <= 50; ++id) closed_left += keys.orders().Contains(id);
  EXPECT_LT(closed_left, 5);
  EXPECT_TRUE(keys.orders().Contains(1000));
}

TEST(LiveKeysTest, TrackedCustomersAreBounded) {
  LiveKeys keys(/*max_orders=*/10, /*max_customers=*/50);
  for (int64_t id = 1; id <= 500; ++id) keys.AddCustomer(id);
  EXPECT_EQ(keys.customers().size(), 50u);
  EXPECT_TRUE(keys.customers().Contains(500));
}

TEST(LiveKeysTest, ProductPrices) {
  LiveKeys keys;
  keys.AddProduct(5, 45000);
  EXPECT_EQ(keys.Price(5), 45000);
  keys.SetPrice(5, 50000);
  EXPECT_EQ(keys.Price(5), 50000);
  EXPECT_EQ(keys.Price(6), 0);
}

}  // namespace
}  // namespace lakehouse::workload
