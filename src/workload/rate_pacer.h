// RatePacer: a token bucket over Env time that holds the workload to a target
// rate of changes per second.
//
// Tokens accrue at `rate` per second up to `capacity`. The caller waits until a
// batch's worth is available, sends the batch, and spends what the batch
// actually cost — possibly more than it waited for, which drives the balance
// negative and delays the next batch by exactly the overdraft. Over any long
// interval the spend therefore equals rate × time, whatever the batch sizes.
// The capacity bounds catch-up after a stall (a slow commit does not become a
// burst of rate × stall).
//
// All time comes from Env::NowMicros and all waiting from Env::SleepForMicros,
// so tests drive it with a fake clock. Not thread-safe.
#pragma once

#include <cstdint>

#include "common/env.h"

namespace lakehouse::workload {

class RatePacer {
 public:
  // rate_per_sec == 0 means unlimited: WaitFor never sleeps. The bucket starts
  // empty at env->NowMicros(). REQUIRES: env != nullptr, rate_per_sec >= 0,
  // capacity > 0.
  RatePacer(Env* env, double rate_per_sec, double capacity);

  // Sleeps until at least `tokens` are available and returns true, or returns
  // false without consuming anything if that moment would come after
  // `deadline_micros` (Env time). A request above the capacity waits for the
  // capacity. deadline_micros <= 0 means no deadline.
  bool WaitFor(double tokens, int64_t deadline_micros);

  // Spends `tokens` (may drive the balance negative). Negative values refund.
  void Spend(double tokens);

  // Tokens available now (after refilling to the current time).
  double Available();

  bool unlimited() const { return rate_ <= 0; }

 private:
  void Refill();

  Env* const env_;
  const double rate_;      // tokens per second; <= 0 = unlimited
  const double capacity_;
  double tokens_ = 0;
  int64_t last_micros_;
};

}  // namespace lakehouse::workload
