#include "workload/workload_generator.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <utility>

#include "workload/change_planner.h"
#include "workload/change_writer.h"
#include "workload/demo_seeder.h"
#include "workload/id_pool.h"
#include "workload/live_keys.h"
#include "workload/rate_pacer.h"

namespace lakehouse::workload {
namespace {

// Ids reserved per refill, in batches' worth: a refill drains the pipeline, so
// it should be rare, and unused ids are only sequence gaps.
constexpr int kIdRefillBatches = 16;

// One run's loop state: pace, plan, send, account.
class RunLoop {
 public:
  RunLoop(const WorkloadOptions& options, Env* env, ChangeWriter* writer, ChangePlanner* planner,
          const WorkloadGenerator::ProgressCallback& progress)
      : options_(options),
        env_(env),
        writer_(writer),
        planner_(planner),
        progress_(progress),
        target_(WorkloadGenerator::BatchTarget(options)),
        pacer_(env, options.rate_per_sec, std::max<double>(target_, options.rate_per_sec * options.burst_sec)) {
    report_.target_rate = options.rate_per_sec;
  }

  Result<WorkloadReport> Run(const std::atomic<bool>& stop) {
    start_ = env_->NowMicros();
    const int64_t deadline =
        options_.duration_sec > 0 ? start_ + static_cast<int64_t>(options_.duration_sec * 1e6) : 0;
    const auto interval = static_cast<int64_t>(options_.progress_interval_sec * 1e6);
    int64_t next_progress = start_ + interval;
    while (!stop.load(std::memory_order_relaxed)) {
      if (deadline > 0 && env_->NowMicros() >= deadline) break;
      if (!pacer_.WaitFor(target_, deadline)) break;
      LH_RETURN_IF_ERROR(EnsureIds());
      LH_RETURN_IF_ERROR(SendBatch());
      while (writer_->in_flight() >= options_.pipeline_depth) LH_RETURN_IF_ERROR(ReceiveOne());
      const int64_t now = env_->NowMicros();
      if (progress_ && now >= next_progress) {
        report_.elapsed_sec = static_cast<double>(now - start_) / 1e6;
        progress_(report_);
        next_progress = now + interval;
      }
    }
    LH_RETURN_IF_ERROR(Drain());
    report_.elapsed_sec = static_cast<double>(env_->NowMicros() - start_) / 1e6;
    report_.finished = true;
    return report_;
  }

 private:
  // Every insert takes at most one id from each pool, so `target_` ids each
  // cover a batch (ChangePlanner::PlanBatch's precondition).
  Status EnsureIds() {
    const auto low = [&](const IdPool& pool) { return pool.size() < static_cast<size_t>(target_); };
    if (!low(order_ids_) && !low(customer_ids_)) return Status::OK();
    LH_RETURN_IF_ERROR(Drain());  // reserving is a plain query, outside the pipeline
    const int64_t refill = static_cast<int64_t>(kIdRefillBatches) * target_;
    return writer_->ReserveIds(low(order_ids_) ? refill : 0, low(customer_ids_) ? refill : 0, &order_ids_,
                               &customer_ids_);
  }

  Status SendBatch() {
    const std::vector<Change> batch = planner_->PlanBatch(target_, &order_ids_, &customer_ids_);
    int rows = 0;
    for (const Change& c : batch) rows += c.expected_rows;
    LH_RETURN_IF_ERROR(writer_->Send(batch));
    pacer_.Spend(rows);
    expected_.push_back(rows);
    return Status::OK();
  }

  // Accounts the oldest batch in flight; the pacer is corrected by the
  // difference between what was planned and what the server did.
  Status ReceiveOne() {
    LH_ASSIGN_OR_RETURN(auto counts, writer_->Receive());
    pacer_.Spend(static_cast<double>(counts.changes - expected_.front()));
    expected_.pop_front();
    report_.counts.Add(counts);
    return Status::OK();
  }

  Status Drain() {
    while (writer_->in_flight() > 0) LH_RETURN_IF_ERROR(ReceiveOne());
    return Status::OK();
  }

  const WorkloadOptions& options_;
  Env* const env_;
  ChangeWriter* const writer_;
  ChangePlanner* const planner_;
  const WorkloadGenerator::ProgressCallback& progress_;
  const int target_;
  RatePacer pacer_;
  IdPool order_ids_, customer_ids_;
  std::deque<int> expected_;  // planned rows of each batch in flight
  WorkloadReport report_;
  int64_t start_ = 0;
};

}  // namespace

WorkloadGenerator::WorkloadGenerator(WorkloadOptions options, Env* env) : options_(std::move(options)), env_(env) {}

int WorkloadGenerator::BatchTarget(const WorkloadOptions& options) {
  if (options.rate_per_sec <= 0) return options.batch_size;
  const double per_commit = std::round(options.rate_per_sec / 20.0);
  return static_cast<int>(std::clamp(per_commit, 1.0, static_cast<double>(options.batch_size)));
}

Result<WorkloadReport> WorkloadGenerator::Run(const ProgressCallback& progress) {
  LH_RETURN_IF_ERROR(ValidateWorkloadOptions(options_));
  LH_ASSIGN_OR_RETURN(auto writer, ChangeWriter::Open(options_.dsn));
  LH_ASSIGN_OR_RETURN(auto reference, LoadReferenceData(writer->connection()));
  LiveKeys keys(options_.max_tracked_orders, options_.max_tracked_customers);
  LH_RETURN_IF_ERROR(writer->LoadLiveKeys(options_.max_tracked_orders, options_.max_tracked_customers, &keys));
  if (keys.customers().empty() || keys.products().empty()) {
    return Status::FailedPrecondition("demo.customers or demo.products at " + writer->connection()->target() +
                                      " has no rows; seed the demo data first (SeedDemo)");
  }
  ChangePlanner planner(options_, std::move(reference), &keys);
  RunLoop loop(options_, env_, writer.get(), &planner, progress);
  return loop.Run(stop_);
}

Result<WorkloadReport> RunWorkload(const WorkloadOptions& options, Env* env,
                                   const WorkloadGenerator::ProgressCallback& progress) {
  WorkloadGenerator generator(options, env);
  return generator.Run(progress);
}

}  // namespace lakehouse::workload
