#include "workload/change_mix.h"

namespace lakehouse::workload {

ChangeMix::ChangeMix(const MixWeights& w) {
  // Index order must follow ChangeKind.
  const std::array<double, kChangeKindCount> weights = {
      w.order_insert, w.order_status_update, w.price_update, w.customer_update, w.order_delete, w.customer_insert};
  double total = 0;
  for (double x : weights) total += x;
  double running = 0;
  for (int i = 0; i < kChangeKindCount; ++i) {
    running += weights[i];
    cumulative_[i] = running / total;
  }
  cumulative_[kChangeKindCount - 1] = 1.0;  // no gap from rounding
}

ChangeKind ChangeMix::Pick(Random& rng) const {
  const double draw = rng.NextDouble();
  for (int i = 0; i < kChangeKindCount; ++i) {
    // Strictly less: a zero-weight kind has an empty interval and is never picked.
    if (draw < cumulative_[i]) return static_cast<ChangeKind>(i);
  }
  return static_cast<ChangeKind>(kChangeKindCount - 1);
}

double ChangeMix::Probability(ChangeKind kind) const {
  const int i = static_cast<int>(kind);
  return cumulative_[i] - (i == 0 ? 0.0 : cumulative_[i - 1]);
}

}  // namespace lakehouse::workload
