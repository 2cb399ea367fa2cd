#include "verify/table_verifier.h"

#include <algorithm>

#include "verify/digest_comparison.h"

namespace lakehouse::verify {

TableVerifier::TableVerifier(SilverReader* silver, TableVerifierOptions options)
    : silver_(silver), options_(std::move(options)), env_(options_.env ? options_.env : Env::Default()) {}

Result<TableVerifier::Poll> TableVerifier::ReadSilver(const SourceSnapshot& source) {
  Poll poll;
  // The high-water mark first: whatever it vouches for is then in the version read after it.
  if (options_.silver_high_water) {
    auto hw = options_.silver_high_water();
    if (hw.ok()) {
      poll.high_water = *hw;
    } else {
      poll.high_water_error = hw.status().ToString();
    }
  }
  LH_ASSIGN_OR_RETURN(poll.silver, silver_->Read(source.columns, source.table.key_columns));
  const Lsn cut = source.snapshot_lsn;
  poll.caught_up =
      (poll.high_water && *poll.high_water >= cut) || (options_.ordered_stream && poll.silver.max_lsn >= cut);
  return poll;
}

Result<VerifyReport> TableVerifier::Verify(const SourceSnapshot& source) {
  const int64_t deadline = env_->NowMicros() + options_.timeout_ms * 1000;
  int reads = 0;
  while (true) {
    auto poll = ReadSilver(source);
    ++reads;
    const bool expired = env_->NowMicros() + options_.poll_interval_ms * 1000 > deadline;
    if (!poll.ok()) {
      if (!poll.status().IsNotFound() || expired) return poll.status();
      env_->SleepForMicros(options_.poll_interval_ms * 1000);
      continue;
    }
    VerifyReport report = CompareDigests(source, poll->silver, options_.max_listed);
    report.silver_high_water_lsn = poll->high_water;
    report.silver_caught_up = poll->caught_up;
    report.silver_reads = reads;
    if (!poll->high_water_error.empty()) {
      report.notes.push_back("Silver high-water mark unknown: " + poll->high_water_error);
    }
    if (report.ok()) return report;
    if (poll->caught_up) {
      report.notes.push_back(
          source.exact_cut
              ? "Silver has applied every change before the snapshot LSN, so these differences are real"
              : "the snapshot was taken without a writer lock; a transaction in progress at that moment can "
                "cause these differences, so the snapshot should be retaken");
      return report;
    }
    if (expired) {
      report.notes.push_back("Silver did not provably reach the snapshot LSN within " +
                             std::to_string(options_.timeout_ms / 1000) +
                             " s (max _lsn " + FormatLsn(poll->silver.max_lsn) +
                             "); if the Silver job is running and behind, these may be lag rather than loss");
      return report;
    }
    env_->SleepForMicros(options_.poll_interval_ms * 1000);
  }
}

Status TableVerifier::WaitForSilver(const SourceSnapshot& source, int64_t timeout_ms) {
  const int64_t deadline = env_->NowMicros() + timeout_ms * 1000;
  Status last;
  while (true) {
    auto poll = ReadSilver(source);
    if (poll.ok() && poll->caught_up) return Status::OK();
    if (!poll.ok() && !poll.status().IsNotFound()) return poll.status();
    if (env_->NowMicros() + options_.poll_interval_ms * 1000 > deadline) {
      std::string seen = poll.ok() ? "max _lsn " + FormatLsn(poll->silver.max_lsn) : poll.status().ToString();
      return Status::Timeout("Silver table " + silver_->TableUri() + " did not reach LSN " +
                             FormatLsn(source.snapshot_lsn) + " within " + std::to_string(timeout_ms) + " ms (" +
                             seen + "); a quiet table never does unless the Silver job reports a high-water mark");
    }
    env_->SleepForMicros(options_.poll_interval_ms * 1000);
  }
}

}  // namespace lakehouse::verify
