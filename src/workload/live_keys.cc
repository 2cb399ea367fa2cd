#include "workload/live_keys.h"

#include <cassert>

namespace lakehouse::workload {

bool KeySet::Insert(int64_t id) {
  if (!index_.emplace(id, ids_.size()).second) return false;
  ids_.push_back(id);
  return true;
}

bool KeySet::Erase(int64_t id) {
  auto it = index_.find(id);
  if (it == index_.end()) return false;
  const size_t pos = it->second;
  const int64_t last = ids_.back();
  ids_[pos] = last;
  index_[last] = pos;
  ids_.pop_back();
  index_.erase(id);
  return true;
}

void LiveKeys::AddCustomer(int64_t id) {
  if (customers_.Contains(id)) return;
  if (static_cast<int64_t>(customers_.size()) >= max_customers_) customers_.Erase(customers_.Pick(evict_rng_));
  customers_.Insert(id);
}

void LiveKeys::AddProduct(int64_t id, int64_t price_vnd) {
  products_.Insert(id);
  prices_[id] = price_vnd;
}

void LiveKeys::SetPrice(int64_t id, int64_t price_vnd) { prices_[id] = price_vnd; }

int64_t LiveKeys::Price(int64_t id) const {
  auto it = prices_.find(id);
  return it == prices_.end() ? 0 : it->second;
}

void LiveKeys::AddOrder(int64_t id, OrderStatus status) {
  if (orders_.Contains(id)) return;
  if (static_cast<int64_t>(orders_.size()) >= max_orders_) ForgetOneOrder();
  orders_.Insert(id);
  status_[id] = status;
  if (IsOpen(status)) open_orders_.Insert(id);
  if (status == OrderStatus::kPending) pending_orders_.Insert(id);
}

void LiveKeys::SetOrderStatus(int64_t id, OrderStatus status) {
  assert(orders_.Contains(id));
  status_[id] = status;
  if (IsOpen(status)) open_orders_.Insert(id); else open_orders_.Erase(id);
  if (status == OrderStatus::kPending) pending_orders_.Insert(id); else pending_orders_.Erase(id);
}

OrderStatus LiveKeys::Status(int64_t id) const {
  auto it = status_.find(id);
  assert(it != status_.end());
  return it->second;
}

void LiveKeys::ForgetOneOrder() {
  // A few random probes find a closed order unless nearly all are open.
  int64_t victim = orders_.Pick(evict_rng_);
  for (int i = 0; i < 8 && IsOpen(Status(victim)); ++i) victim = orders_.Pick(evict_rng_);
  RemoveOrder(victim);
}

void LiveKeys::RemoveOrder(int64_t id) {
  orders_.Erase(id);
  open_orders_.Erase(id);
  pending_orders_.Erase(id);
  status_.erase(id);
}

}  // namespace lakehouse::workload
