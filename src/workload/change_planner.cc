#include "workload/change_planner.h"

#include <cassert>
#include <utility>

namespace lakehouse::workload {
namespace {

constexpr uint64_t kChoiceStream = 0x43484F49;  // "CHOI"
constexpr uint64_t kDataStream = 0x44415441;    // "DATA"

}  // namespace

ChangePlanner::ChangePlanner(const WorkloadOptions& options, ReferenceData reference, LiveKeys* keys)
    : options_(options),
      mix_(options.mix),
      rng_(Random::DeriveSeed(options.seed, kChoiceStream)),
      gen_(Random::DeriveSeed(options.seed, kDataStream), std::move(reference)),
      keys_(keys) {}

std::vector<Change> ChangePlanner::PlanBatch(int target_rows, IdPool* order_ids, IdPool* customer_ids) {
  assert(!keys_->customers().empty() && !keys_->products().empty());
  std::vector<Change> batch;
  int rows = 0;
  while (rows < target_rows) {
    Change change;
    switch (mix_.Pick(rng_)) {
      case ChangeKind::kOrderInsert: change = PlanOrderInsert(order_ids); break;
      case ChangeKind::kOrderStatusUpdate:
        change = keys_->open_orders().empty() ? PlanOrderInsert(order_ids) : PlanStatusUpdate();
        break;
      case ChangeKind::kPriceUpdate: change = PlanPriceUpdate(); break;
      case ChangeKind::kCustomerUpdate: change = PlanCustomerUpdate(); break;
      case ChangeKind::kOrderDelete:
        change = keys_->orders().empty() ? PlanOrderInsert(order_ids) : PlanOrderDelete();
        break;
      case ChangeKind::kCustomerInsert: change = PlanCustomerInsert(customer_ids); break;
    }
    rows += change.expected_rows;
    batch.push_back(std::move(change));
  }
  return batch;
}

Change ChangePlanner::PlanOrderInsert(IdPool* order_ids) {
  OrderInsert op;
  op.order.id = order_ids->Take();
  op.order.customer_id = keys_->customers().Pick(rng_);
  const Province& province = gen_.PickProvince();
  op.order.province_code = province.code;
  op.order.shipping_address = gen_.Address(province);
  op.order.note = gen_.OrderNote();
  const int lines = gen_.ItemCount();
  for (int i = 0; i < lines; ++i) {
    const int64_t product = keys_->products().Pick(rng_);
    bool duplicate = false;
    for (const auto& item : op.items) duplicate |= item.product_id == product;
    if (duplicate) continue;  // a repeated pick means one line fewer, not a retry loop
    OrderItemRow item;
    item.line_no = static_cast<int>(op.items.size()) + 1;
    item.product_id = product;
    item.quantity = gen_.Quantity();
    item.unit_price_vnd = keys_->Price(product);
    op.order.total_vnd += item.line_total_vnd();
    op.items.push_back(item);
  }
  op.payment.method = gen_.PickPaymentMethod();
  op.payment.amount_vnd = op.order.total_vnd;
  keys_->AddOrder(op.order.id, OrderStatus::kPending);
  const int rows = 2 + static_cast<int>(op.items.size());
  return {ChangeKind::kOrderInsert, rows, std::move(op)};
}

Change ChangePlanner::PlanStatusUpdate() {
  OrderStatusUpdate op;
  op.order_id = keys_->open_orders().Pick(rng_);
  const double draw = rng_.NextDouble();
  switch (keys_->Status(op.order_id)) {
    case OrderStatus::kPending:
      op.to = draw < 0.85 ? OrderStatus::kPaid : OrderStatus::kCancelled;
      op.payment_status = op.to == OrderStatus::kPaid ? PaymentStatus::kCompleted : PaymentStatus::kFailed;
      break;
    case OrderStatus::kPaid:
      op.to = draw < 0.95 ? OrderStatus::kShipped : OrderStatus::kRefunded;
      if (op.to == OrderStatus::kRefunded) op.payment_status = PaymentStatus::kRefunded;
      break;
    default:  // shipped (the only other open status)
      op.to = draw < 0.97 ? OrderStatus::kDelivered : OrderStatus::kRefunded;
      if (op.to == OrderStatus::kRefunded) op.payment_status = PaymentStatus::kRefunded;
      break;
  }
  keys_->SetOrderStatus(op.order_id, op.to);
  const int rows = op.payment_status ? 2 : 1;
  return {ChangeKind::kOrderStatusUpdate, rows, op};
}

Change ChangePlanner::PlanPriceUpdate() {
  PriceUpdate op;
  op.product_id = keys_->products().Pick(rng_);
  op.price_vnd = gen_.Reprice(keys_->Price(op.product_id));
  keys_->SetPrice(op.product_id, op.price_vnd);
  return {ChangeKind::kPriceUpdate, 1, op};
}

Change ChangePlanner::PlanCustomerUpdate() {
  CustomerUpdate op;
  op.customer_id = keys_->customers().Pick(rng_);
  const double draw = rng_.NextDouble();
  if (draw < 0.40) {
    op.phone = gen_.Phone();
  } else if (draw < 0.55) {
    op.email_domain = gen_.EmailDomain();
  } else if (draw < 0.85) {
    const Province& province = gen_.PickProvince();
    op.province_code = province.code;
    op.address = gen_.Address(province);
  } else {
    op.bio = gen_.Bio(rng_.Bernoulli(options_.large_bio_fraction));
  }
  return {ChangeKind::kCustomerUpdate, 1, std::move(op)};
}

Change ChangePlanner::PlanOrderDelete() {
  const bool hard = rng_.Bernoulli(options_.hard_delete_fraction);
  if (!hard && !keys_->pending_orders().empty()) {
    OrderStatusUpdate op;
    op.order_id = keys_->pending_orders().Pick(rng_);
    op.to = OrderStatus::kCancelled;
    op.payment_status = PaymentStatus::kFailed;
    keys_->SetOrderStatus(op.order_id, op.to);
    return {ChangeKind::kOrderDelete, 2, op};
  }
  OrderDelete op;
  op.order_id = keys_->orders().Pick(rng_);
  keys_->RemoveOrder(op.order_id);
  return {ChangeKind::kOrderDelete, kEstimatedDeleteRows, op};
}

Change ChangePlanner::PlanCustomerInsert(IdPool* customer_ids) {
  CustomerInsert op;
  const int64_t id = customer_ids->Take();
  op.customer = gen_.Customer(id, rng_.Bernoulli(options_.large_bio_fraction));
  keys_->AddCustomer(id);
  return {ChangeKind::kCustomerInsert, 1, std::move(op)};
}

}  // namespace lakehouse::workload
