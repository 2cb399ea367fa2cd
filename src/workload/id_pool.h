// IdPool: primary-key values reserved from a table's identity sequence ahead of
// use, so a whole order (order row, its lines and payment, which reference the
// order's id) can be sent in one pipelined transaction without waiting for
// INSERT ... RETURNING. Ids taken but never inserted leave gaps, as any
// sequence does after a rollback. Not thread-safe.
#pragma once

#include <cassert>
#include <cstdint>
#include <deque>
#include <vector>

namespace lakehouse::workload {

class IdPool {
 public:
  void Add(const std::vector<int64_t>& ids) { ids_.insert(ids_.end(), ids.begin(), ids.end()); }
  // REQUIRES: !empty()
  int64_t Take() {
    assert(!ids_.empty());
    const int64_t id = ids_.front();
    ids_.pop_front();
    return id;
  }
  bool empty() const { return ids_.empty(); }
  size_t size() const { return ids_.size(); }

 private:
  std::deque<int64_t> ids_;
};

}  // namespace lakehouse::workload
