#include "workload/workload_options.h"

#include <cmath>

namespace lakehouse::workload {
namespace {

bool IsFiniteNonNegative(double v) { return std::isfinite(v) && v >= 0; }

Status Bad(const char* field, const std::string& why) {
  return Status::InvalidArgument(std::string("workload option ") + field + ": " + why);
}

}  // namespace

Status ValidateWorkloadOptions(const WorkloadOptions& o) {
  if (o.dsn.empty()) return Bad("dsn", "is required (a libpq connection string or postgresql:// URI)");
  if (!IsFiniteNonNegative(o.rate_per_sec)) return Bad("rate_per_sec", "must be >= 0 (0 = unlimited)");
  if (!IsFiniteNonNegative(o.duration_sec)) return Bad("duration_sec", "must be >= 0 (0 = until stopped)");
  const MixWeights& m = o.mix;
  const double weights[] = {m.order_insert, m.order_status_update, m.price_update,
                            m.customer_update, m.order_delete, m.customer_insert};
  double total = 0;
  for (double w : weights) {
    if (!IsFiniteNonNegative(w)) return Bad("mix", "weights must be finite and >= 0");
    total += w;
  }
  if (total <= 0) return Bad("mix", "at least one weight must be positive");
  if (!(o.hard_delete_fraction >= 0 && o.hard_delete_fraction <= 1)) {
    return Bad("hard_delete_fraction", "must be in [0, 1]");
  }
  if (!(o.large_bio_fraction >= 0 && o.large_bio_fraction <= 1)) {
    return Bad("large_bio_fraction", "must be in [0, 1]");
  }
  if (o.batch_size < 1 || o.batch_size > 100000) return Bad("batch_size", "must be in [1, 100000]");
  if (o.pipeline_depth < 1 || o.pipeline_depth > 8) return Bad("pipeline_depth", "must be in [1, 8]");
  if (!(o.burst_sec > 0 && std::isfinite(o.burst_sec))) return Bad("burst_sec", "must be > 0");
  if (o.max_tracked_orders < 1) return Bad("max_tracked_orders", "must be >= 1");
  if (o.max_tracked_customers < 1) return Bad("max_tracked_customers", "must be >= 1");
  if (!(o.progress_interval_sec > 0 && std::isfinite(o.progress_interval_sec))) {
    return Bad("progress_interval_sec", "must be > 0");
  }
  return Status::OK();
}

Status ValidateSeedOptions(const SeedOptions& o) {
  if (o.dsn.empty()) return Status::InvalidArgument("seed option dsn: is required");
  if (o.products < 1 || o.products > 10000000) {
    return Status::InvalidArgument("seed option products: must be in [1, 10000000]");
  }
  if (o.customers < 1 || o.customers > 100000000) {
    return Status::InvalidArgument("seed option customers: must be in [1, 100000000]");
  }
  if (!(o.large_bio_fraction >= 0 && o.large_bio_fraction <= 1)) {
    return Status::InvalidArgument("seed option large_bio_fraction: must be in [0, 1]");
  }
  return Status::OK();
}

}  // namespace lakehouse::workload
