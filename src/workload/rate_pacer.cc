#include "workload/rate_pacer.h"

#include <algorithm>
#include <cmath>

namespace lakehouse::workload {

RatePacer::RatePacer(Env* env, double rate_per_sec, double capacity)
    : env_(env), rate_(rate_per_sec), capacity_(capacity), last_micros_(env->NowMicros()) {}

void RatePacer::Refill() {
  const int64_t now = env_->NowMicros();
  if (now > last_micros_) {
    tokens_ = std::min(capacity_, tokens_ + static_cast<double>(now - last_micros_) * rate_ / 1e6);
  }
  // A clock that stepped back is ignored rather than draining the bucket.
  last_micros_ = std::max(last_micros_, now);
}

double RatePacer::Available() {
  if (unlimited()) return capacity_;
  Refill();
  return tokens_;
}

bool RatePacer::WaitFor(double tokens, int64_t deadline_micros) {
  if (unlimited()) return deadline_micros <= 0 || env_->NowMicros() < deadline_micros;
  const double needed = std::min(tokens, capacity_);
  while (true) {
    Refill();
    if (tokens_ >= needed) return true;
    // Round up to a whole microsecond so the refill after the sleep covers it.
    const auto wait = static_cast<int64_t>(std::ceil((needed - tokens_) * 1e6 / rate_));
    if (deadline_micros > 0 && last_micros_ + wait > deadline_micros) return false;
    env_->SleepForMicros(std::max<int64_t>(wait, 1));
  }
}

void RatePacer::Spend(double tokens) { tokens_ -= tokens; }

}  // namespace lakehouse::workload
