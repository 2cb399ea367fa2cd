#include "workload/demo_rows.h"

#include <cinttypes>
#include <cstdio>

namespace lakehouse::workload {

std::string_view DemoTableName(DemoTable table) {
  switch (table) {
    case DemoTable::kCustomers: return "customers";
    case DemoTable::kProducts: return "products";
    case DemoTable::kOrders: return "orders";
    case DemoTable::kOrderItems: return "order_items";
    case DemoTable::kPayments: return "payments";
  }
  return "?";
}

std::string_view OrderStatusName(OrderStatus status) {
  switch (status) {
    case OrderStatus::kPending: return "pending";
    case OrderStatus::kPaid: return "paid";
    case OrderStatus::kShipped: return "shipped";
    case OrderStatus::kDelivered: return "delivered";
    case OrderStatus::kCancelled: return "cancelled";
    case OrderStatus::kRefunded: return "refunded";
  }
  return "?";
}

bool ParseOrderStatus(std::string_view name, OrderStatus* status) {
  for (int i = 0; i < kOrderStatusCount; ++i) {
    auto s = static_cast<OrderStatus>(i);
    if (OrderStatusName(s) == name) {
      *status = s;
      return true;
    }
  }
  return false;
}

std::string_view PaymentMethodName(PaymentMethod method) {
  switch (method) {
    case PaymentMethod::kCash: return "cash";
    case PaymentMethod::kCard: return "card";
    case PaymentMethod::kMomo: return "momo";
    case PaymentMethod::kZaloPay: return "zalopay";
    case PaymentMethod::kBankTransfer: return "bank_transfer";
    case PaymentMethod::kCod: return "cod";
  }
  return "?";
}

std::string_view PaymentStatusName(PaymentStatus status) {
  switch (status) {
    case PaymentStatus::kPending: return "pending";
    case PaymentStatus::kCompleted: return "completed";
    case PaymentStatus::kFailed: return "failed";
    case PaymentStatus::kRefunded: return "refunded";
  }
  return "?";
}

std::string VndToUsdText(int64_t price_vnd) {
  constexpr int64_t kVndPerUsd = 25400;
  const int64_t cents = (price_vnd * 100 + kVndPerUsd / 2) / kVndPerUsd;
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
  return buf;
}

}  // namespace lakehouse::workload
