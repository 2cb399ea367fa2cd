// Rows of the demo schema (sql/source/demo_schema.sql) as the generator builds
// them, plus the enumerations whose text values the schema's CHECK constraints
// accept. Plain values; safe to copy between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lakehouse::workload {

// The tables the workload writes. Provinces and categories are reference data
// from demo_seed.sql and are never changed by the generator.
enum class DemoTable { kCustomers, kProducts, kOrders, kOrderItems, kPayments };
inline constexpr int kDemoTableCount = 5;
// "customers", "products", ...: the table name inside schema `demo`.
std::string_view DemoTableName(DemoTable table);

// orders.status. Transitions the generator makes: pending -> paid | cancelled,
// paid -> shipped | refunded, shipped -> delivered.
enum class OrderStatus : uint8_t { kPending, kPaid, kShipped, kDelivered, kCancelled, kRefunded };
inline constexpr int kOrderStatusCount = 6;
std::string_view OrderStatusName(OrderStatus status);
// False for a name the schema does not accept.
bool ParseOrderStatus(std::string_view name, OrderStatus* status);
// True while the order can still move (pending, paid, shipped).
inline bool IsOpen(OrderStatus s) {
  return s == OrderStatus::kPending || s == OrderStatus::kPaid || s == OrderStatus::kShipped;
}

// payments.method.
enum class PaymentMethod : uint8_t { kCash, kCard, kMomo, kZaloPay, kBankTransfer, kCod };
std::string_view PaymentMethodName(PaymentMethod method);

// payments.status.
enum class PaymentStatus : uint8_t { kPending, kCompleted, kFailed, kRefunded };
std::string_view PaymentStatusName(PaymentStatus status);

struct Province {
  std::string code;  // demo.provinces.code, e.g. "79"
  std::string name;  // official name, e.g. "Thành phố Hồ Chí Minh"
};

struct Category {
  int64_t id = 0;
  std::string slug;  // stable key, e.g. "do-uong"; the catalogue is keyed by it
};

// What the generator needs from the reference tables.
struct ReferenceData {
  std::vector<Province> provinces;
  std::vector<Category> categories;
};

struct CustomerRow {
  int64_t id = 0;
  std::string full_name;
  std::string gender;      // "nam" or "nữ"
  std::string birth_date;  // YYYY-MM-DD
  std::string email;
  std::string phone;
  std::string province_code;
  std::string address;
  std::string bio;         // "" = NULL
  int64_t created_seconds_ago = 0;  // created_at = now() - this
};

struct ProductRow {
  std::string sku;
  std::string name;
  int64_t category_id = 0;
  int64_t price_vnd = 0;
  std::string attributes_json;  // a JSON object
  std::string tags_literal;     // a PostgreSQL text[] literal, e.g. {"mới","bán chạy"}
  bool is_active = true;
};

struct OrderItemRow {
  int line_no = 0;  // 1-based
  int64_t product_id = 0;
  int quantity = 0;
  int64_t unit_price_vnd = 0;
  int64_t line_total_vnd() const { return unit_price_vnd * quantity; }
};

struct OrderRow {
  int64_t id = 0;
  int64_t customer_id = 0;
  std::string province_code;
  std::string shipping_address;
  std::string note;  // "" = NULL
  int64_t total_vnd = 0;
};

struct PaymentRow {
  PaymentMethod method = PaymentMethod::kCod;
  int64_t amount_vnd = 0;
};

// price_usd for a VND price at the demo's fixed rate (25,400 VND per USD),
// rounded half up to cents, as exact decimal text ("12.34").
std::string VndToUsdText(int64_t price_vnd);

}  // namespace lakehouse::workload
