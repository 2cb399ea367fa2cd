// TableVerifier: compares one source snapshot with the Silver_RT table,
// waiting for Silver to reach the snapshot when it lags.
//
// The consistency rule. Let L be the snapshot's LSN (SourceSnapshot). With an
// exact cut (SourceReader's writer lock), every change to the table that the
// snapshot sees has an LSN < L and every change it does not see has an
// LSN >= L. Silver rows carry the LSN of the change they reflect (`_lsn`), so:
//   1. A key whose Silver row (live or tombstone) has `_lsn` >= L changed after
//      the snapshot: it is skipped on both sides. Rows inserted after the
//      snapshot (in Silver, not in the source) and rows deleted after it (in the
//      source, a tombstone in Silver) fall under this rule too.
//   2. Every other key must match exactly — once Silver has applied every
//      change with an LSN < L ("caught up"). Before that, a key Silver has not
//      caught up on looks missing or different while it is only late.
// Silver is known to have caught up when either
//   a. the Silver job's reported high-water mark (options.silver_high_water:
//      every change below it is applied) is >= L, or
//   b. options.ordered_stream holds and Silver's max `_lsn` is >= L: the table's
//      changes reach Silver in commit order (one Kafka partition per table topic,
//      micro-batches applied in offset order), and a change >= L comes after
//      every change < L in that order.
// A quiet table never gets a change >= L, so (b) cannot prove anything for it;
// but nor does it need to: with nothing changing, Silver converges to the
// snapshot exactly. Hence Verify:
//   - re-reads Silver every poll_interval_ms and returns as soon as a
//     comparison is clean (a clean comparison is true whatever the lag);
//   - returns mismatches as soon as Silver is known to have caught up (they
//     are real, given an exact cut);
//   - otherwise returns the last comparison's mismatches after timeout_ms, with
//     a note that Silver never provably reached L (so they may be lag).
// Without an exact cut (no writer lock), a transaction in progress during the
// snapshot can leave change LSNs < L that the snapshot does not see; Verify
// then stops at "caught up" too and leaves re-snapshotting to the caller
// (Verifier does it).
//
// Not thread-safe (the SilverReader's cache); one verifier per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>

#include "common/env.h"
#include "common/result.h"
#include "verify/silver_reader.h"
#include "verify/table_snapshots.h"
#include "verify/verify_report.h"

namespace lakehouse::verify {

struct TableVerifierOptions {
  // How long to wait for Silver to reach the source snapshot.
  int64_t timeout_ms = 120'000;
  // Pause between Silver reads while waiting.
  int64_t poll_interval_ms = 2'000;
  // Optional: the LSN below which the Silver job has applied every change
  // (its reported high-water mark, e.g. the Debezium offset of its last
  // committed batch). Asked once per Silver read; an error is noted and treated
  // as "unknown".
  std::function<Result<Lsn>()> silver_high_water;
  // The table's changes reach Silver in commit order (see rule b). True for
  // the default pipeline (kafka.partitions = 1); set false with more partitions.
  bool ordered_stream = true;
  // Keys listed per kind of mismatch in the report.
  size_t max_listed = 20;
  // Clock and sleep. nullptr = Env::Default().
  Env* env = nullptr;
};

class TableVerifier {
 public:
  // REQUIRES: silver != nullptr and outlives the verifier.
  TableVerifier(SilverReader* silver, TableVerifierOptions options);

  // Compares `source` with Silver as described above. Errors are Silver read
  // errors (SilverReader); NotFound (no Silver table) is retried until the
  // timeout, since the Silver job creates its table on its first batch.
  Result<VerifyReport> Verify(const SourceSnapshot& source);

  // OK once Silver is known to have applied every change below `source`'s
  // snapshot LSN (rule a or b); Timeout after timeout_ms otherwise. A quiet
  // table can only pass through rule a; Verify does not need this.
  Status WaitForSilver(const SourceSnapshot& source, int64_t timeout_ms);

 private:
  struct Poll {
    SilverSnapshot silver;
    std::optional<Lsn> high_water;
    bool caught_up = false;
    std::string high_water_error;
  };
  Result<Poll> ReadSilver(const SourceSnapshot& source);

  SilverReader* silver_;
  TableVerifierOptions options_;
  Env* env_;
};

}  // namespace lakehouse::verify
