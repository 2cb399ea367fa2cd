// FakeClockEnv (tests only): an Env whose clock is manual. SleepForMicros
// advances the clock instead of sleeping and records each sleep; every other
// call is forwarded to Env::Default(). Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

#include "common/env_wrapper.h"

namespace lakehouse::workload {

class FakeClockEnv : public EnvWrapper {
 public:
  explicit FakeClockEnv(int64_t start_micros = 1'700'000'000'000'000) : now_(start_micros) {}

  void Advance(int64_t micros) { now_ += micros; }
  std::vector<int64_t> sleeps() {
    std::lock_guard<std::mutex> lock(mu_);
    return sleeps_;
  }
  int64_t total_slept() {
    std::lock_guard<std::mutex> lock(mu_);
    int64_t total = 0;
    for (int64_t s : sleeps_) total += s;
    return total;
  }

  int64_t NowMicros() override { return now_; }
  void SleepForMicros(int64_t micros) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      sleeps_.push_back(micros);
    }
    now_ += micros;
  }


 private:
  std::atomic<int64_t> now_;
  std::mutex mu_;
  std::vector<int64_t> sleeps_;
};

}  // namespace lakehouse::workload
