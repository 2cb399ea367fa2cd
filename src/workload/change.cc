#include "workload/change.h"

namespace lakehouse::workload {

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kOrderInsert: return "order_insert";
    case ChangeKind::kOrderStatusUpdate: return "order_status_update";
    case ChangeKind::kPriceUpdate: return "price_update";
    case ChangeKind::kCustomerUpdate: return "customer_update";
    case ChangeKind::kOrderDelete: return "order_delete";
    case ChangeKind::kCustomerInsert: return "customer_insert";
  }
  return "?";
}

}  // namespace lakehouse::workload
