// LiveKeys: the keys the generator believes exist in the source database, so
// that every update and delete it plans targets a real row.
//
// It is loaded from the database when a run starts and then kept in step with
// what the generator itself plans (an order inserted in this batch may be paid
// in the next). Orders carry their status, so status updates follow the order
// life cycle. Picks are uniform and O(1); removal is O(1) (swap with last).
// Another writer deleting rows behind the generator's back only makes some of
// its updates touch zero rows, which the report shows.
//
// Memory is bounded: past `max_orders` tracked orders, adding one forgets an
// older one (preferably a closed one) — the row stays in the database, the
// generator just stops touching it, as shops rarely touch old orders. Customers
// are bounded the same way by `max_customers`. Forgetting is deterministic for
// a given sequence of calls. Not thread-safe.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "workload/demo_rows.h"
#include "workload/random.h"

namespace lakehouse::workload {

// A set of ids with O(1) insert, erase and uniform pick.
class KeySet {
 public:
  bool Insert(int64_t id);
  bool Erase(int64_t id);
  bool Contains(int64_t id) const { return index_.count(id) != 0; }
  // REQUIRES: !empty()
  int64_t Pick(Random& rng) const { return ids_[rng.Uniform(ids_.size())]; }
  size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }

 private:
  std::vector<int64_t> ids_;
  std::unordered_map<int64_t, size_t> index_;  // id -> position in ids_
};

class LiveKeys {
 public:
  // REQUIRES: max_orders >= 1, max_customers >= 1
  explicit LiveKeys(int64_t max_orders = 500000, int64_t max_customers = 1000000)
      : max_orders_(max_orders), max_customers_(max_customers) {}

  // ---- customers (never deleted by the workload: orders reference them)
  // Tracks a customer, forgetting a random other one if max_customers are tracked.
  void AddCustomer(int64_t id);
  const KeySet& customers() const { return customers_; }

  // ---- products (price is needed to price new order lines)
  void AddProduct(int64_t id, int64_t price_vnd);
  void SetPrice(int64_t id, int64_t price_vnd);
  int64_t Price(int64_t id) const;  // 0 if unknown
  const KeySet& products() const { return products_; }

  // ---- orders
  // Tracks a new order, forgetting another first if max_orders are tracked.
  void AddOrder(int64_t id, OrderStatus status);
  // REQUIRES: the order is live.
  void SetOrderStatus(int64_t id, OrderStatus status);
  OrderStatus Status(int64_t id) const;  // REQUIRES: the order is live
  // Stops tracking the order (it was deleted, or is being forgotten).
  void RemoveOrder(int64_t id);
  const KeySet& orders() const { return orders_; }
  const KeySet& open_orders() const { return open_orders_; }      // pending, paid, shipped
  const KeySet& pending_orders() const { return pending_orders_; }

 private:
  void ForgetOneOrder();

  const int64_t max_orders_;
  const int64_t max_customers_;
  Random evict_rng_{0x4C4B};  // fixed seed: eviction is part of the deterministic plan
  KeySet customers_;
  KeySet products_;
  std::unordered_map<int64_t, int64_t> prices_;
  KeySet orders_;
  KeySet open_orders_;
  KeySet pending_orders_;
  std::unordered_map<int64_t, OrderStatus> status_;
};

}  // namespace lakehouse::workload
