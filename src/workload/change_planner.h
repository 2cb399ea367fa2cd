// ChangePlanner: turns the mix into concrete operations on live keys — the pure
// half of the workload generator (the libpq half is ChangeWriter).
//
// PlanBatch draws operation kinds from the ChangeMix and builds each one with
// the DataGenerator, updating LiveKeys as it goes, so later operations in the
// same or the next batch see the rows earlier ones created or deleted. With the
// same seed, starting keys and id pools it plans the same operations.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "workload/change.h"
#include "workload/change_mix.h"
#include "workload/data_generator.h"
#include "workload/id_pool.h"
#include "workload/live_keys.h"
#include "workload/random.h"
#include "workload/workload_options.h"

namespace lakehouse::workload {

class ChangePlanner {
 public:
  // `keys` must outlive the planner; it is updated by every PlanBatch.
  // REQUIRES: ValidateWorkloadOptions(options) is OK and `reference` satisfies
  // DataGenerator's requirements.
  ChangePlanner(const WorkloadOptions& options, ReferenceData reference, LiveKeys* keys);

  // Plans operations until their expected rows reach `target_rows` (the last
  // one may overshoot by a few rows). Each operation creates at most one order
  // and at most one customer, so pools holding `target_rows` ids each always
  // suffice. An operation whose targets do not exist yet (no open order to
  // advance, say) is replaced by an order insert.
  // REQUIRES: target_rows >= 1; keys has at least one customer and product;
  // order_ids and customer_ids hold >= target_rows ids.
  std::vector<Change> PlanBatch(int target_rows, IdPool* order_ids, IdPool* customer_ids);

  // Rows a hard delete is assumed to touch when planning (order + payment + a
  // typical two lines); the server's count is what gets reported.
  static constexpr int kEstimatedDeleteRows = 4;

 private:
  Change PlanOrderInsert(IdPool* order_ids);
  Change PlanStatusUpdate();
  Change PlanPriceUpdate();
  Change PlanCustomerUpdate();
  Change PlanOrderDelete();
  Change PlanCustomerInsert(IdPool* customer_ids);

  const WorkloadOptions options_;
  ChangeMix mix_;
  Random rng_;  // choices of kind and target; data comes from gen_
  DataGenerator gen_;
  LiveKeys* keys_;
};

}  // namespace lakehouse::workload
