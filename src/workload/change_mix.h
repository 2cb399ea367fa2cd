// ChangeMix: picks the kind of the next operation with the probabilities given
// by MixWeights. Deterministic given the Random it is handed. Immutable after
// construction, so it may be shared between threads (each with its own Random).
#pragma once

#include <array>

#include "workload/change.h"
#include "workload/random.h"
#include "workload/workload_options.h"

namespace lakehouse::workload {

class ChangeMix {
 public:
  // REQUIRES: ValidateWorkloadOptions accepted the weights (non-negative, at
  // least one positive).
  explicit ChangeMix(const MixWeights& weights);

  // One draw: kind k with probability weight(k) / sum of weights.
  ChangeKind Pick(Random& rng) const;

  // The probability of `kind` (for tests and reports).
  double Probability(ChangeKind kind) const;

 private:
  std::array<double, kChangeKindCount> cumulative_{};  // normalised, last == 1
};

}  // namespace lakehouse::workload
