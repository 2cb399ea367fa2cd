// Options of the workload generator and of the demo seeder: plain structs with
// documented defaults, validated before anything connects.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"

namespace lakehouse::workload {

// Relative weights of the operations the generator picks (per operation, not
// per row: an order insert touches 3–7 rows, a price update one). Any
// non-negative numbers; at least one must be positive.
struct MixWeights {
  double order_insert = 40;
  double order_status_update = 30;
  double price_update = 5;
  double customer_update = 10;
  double order_delete = 5;     // cancel or hard delete, see hard_delete_fraction
  double customer_insert = 10;
};

struct WorkloadOptions {
  // ---- behaviour
  // libpq connection string or URI of the source database; REQUIRED. The demo
  // schema must be applied and seeded (ApplyDemoSchema, SeedDemo).
  std::string dsn;
  // Target rate in changes (rows inserted, updated or deleted) per second.
  // 0 = as fast as the database allows. Default 1000.
  double rate_per_sec = 1000;
  // How long to run, in seconds of Env time. 0 = until RequestStop(). Default 10.
  double duration_sec = 10;
  // Same seed, same starting database -> same rows. Default 42.
  uint64_t seed = 42;
  MixWeights mix;
  // Of the order_delete operations, the share that hard-deletes an order (with
  // its lines and payment); the rest cancel a pending order. Default 0.5.
  double hard_delete_fraction = 0.5;
  // Share of customer inserts and bio updates that write a 3–24 kB bio (a
  // TOASTed value). Default 0.05.
  double large_bio_fraction = 0.05;

  // ---- performance
  // Most changes in one transaction. A batch is one transaction; at low rates
  // batches are smaller (rate / 20, so about 20 commits per second), so that
  // changes are spread over time rather than sent in bursts. Default 1000.
  int batch_size = 1000;
  // Transactions sent before the first one's result is read (libpq pipeline),
  // so the generator builds the next batch while the server runs this one.
  // 1..8, default 2.
  int pipeline_depth = 2;
  // Token-bucket capacity in seconds of rate: how far the generator may catch up
  // after a stall. Default 1.
  double burst_sec = 1.0;
  // Most orders tracked in memory as candidates for updates and deletes (about
  // 150 bytes each); the newest are loaded at start, older ones are forgotten as
  // new ones arrive. Default 500,000.
  int64_t max_tracked_orders = 500000;
  // Most customers tracked as candidates for new orders and updates (about 50
  // bytes each); the newest are loaded at start. Default 1,000,000.
  int64_t max_tracked_customers = 1000000;

  // ---- reporting
  // Seconds between progress callbacks. Default 5.
  double progress_interval_sec = 5;
};

// OK, or InvalidArgument naming the first bad field and its allowed range.
Status ValidateWorkloadOptions(const WorkloadOptions& options);

struct SeedOptions {
  std::string dsn;               // REQUIRED
  uint64_t seed = 42;            // products depend on (seed, index) only
  int64_t products = 300;        // catalogue size to reach
  int64_t customers = 2000;      // customer count to reach
  double large_bio_fraction = 0.05;
};

Status ValidateSeedOptions(const SeedOptions& options);

}  // namespace lakehouse::workload
