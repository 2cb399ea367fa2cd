// WorkloadGenerator: drives the demo OLTP schema at a chosen rate of row
// changes, so the CDC pipeline and every layer downstream have live data.
//
// A run connects once, loads the live keys (customers, products, recent
// orders), then loops: wait for a batch's worth of tokens (RatePacer over Env
// time), plan a batch (ChangePlanner: deterministic for a seed), send it as one
// pipelined transaction (ChangeWriter), and account what the server reports.
// Up to pipeline_depth batches are in flight, so planning overlaps the server's
// work. The run ends at duration_sec, on RequestStop(), or at the first error.
//
// Usage (what `lakehouse generate --rate N --duration S --seed K` does; the
// first two steps are idempotent and cheap, so a CLI may always run them):
//
//   LH_RETURN_IF_ERROR(ApplyDemoSchema(dsn, DemoSqlFiles(repo + "/sql/source"), env));
//   LH_RETURN_IF_ERROR(SeedDemo({.dsn = dsn, .seed = 42}).status());
//   WorkloadOptions options;
//   options.dsn = "host=127.0.0.1 port=5432 dbname=shop user=app";
//   options.rate_per_sec = 5000;
//   options.duration_sec = 60;
//   auto report = RunWorkload(options, Env::Default(),
//                             [](const WorkloadReport& r) { std::puts(r.Summary().c_str()); });
//   if (!report.ok()) ... report.status().ToString() ...
//   std::fputs(report->ToString().c_str(), stdout);
//
// Errors: InvalidArgument for bad options; Unavailable when PostgreSQL cannot
// be reached (names host:port/database); FailedPrecondition when the schema is
// missing or not seeded (says what to run); IOError for an SQL error (names
// the operation kind, the statement and the server's message).
//
// Thread safety: Run on one thread; RequestStop from any thread.
#pragma once

#include <atomic>
#include <functional>

#include "common/env.h"
#include "common/result.h"
#include "workload/workload_options.h"
#include "workload/workload_report.h"

namespace lakehouse::workload {

class WorkloadGenerator {
 public:
  // Called on Run's thread every progress_interval_sec with the counts so far.
  using ProgressCallback = std::function<void(const WorkloadReport&)>;

  // REQUIRES: env != nullptr and outlives the generator.
  WorkloadGenerator(WorkloadOptions options, Env* env);

  // Runs the workload to its end and reports what the server confirmed.
  // Call at most once.
  Result<WorkloadReport> Run(const ProgressCallback& progress = nullptr);

  // Makes Run return soon: no new batch is started, batches in flight finish
  // and are counted. Safe from any thread (e.g. a SIGINT handler thread).
  void RequestStop() { stop_.store(true, std::memory_order_relaxed); }

  // Changes per transaction for these options: rate / 20 (about 20 commits a
  // second, so changes are spread over time) within [1, batch_size];
  // batch_size when the rate is unlimited.
  static int BatchTarget(const WorkloadOptions& options);

 private:
  const WorkloadOptions options_;
  Env* const env_;
  std::atomic<bool> stop_{false};
};

// Convenience: constructs a WorkloadGenerator and runs it.
Result<WorkloadReport> RunWorkload(const WorkloadOptions& options, Env* env,
                                   const WorkloadGenerator::ProgressCallback& progress = nullptr);

}  // namespace lakehouse::workload
