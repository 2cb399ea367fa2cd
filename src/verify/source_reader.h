// SourceReader: reads a captured PostgreSQL table at one consistent snapshot
// and reduces it to row digests, recording the snapshot's WAL position.
//
// The snapshot ("the cut"). With `lock_writers` (the default) ReadSnapshot uses
// two sessions:
//   1. session L: BEGIN; LOCK TABLE t IN SHARE MODE — waits until every open
//      transaction that wrote t has ended, and holds off new writers;
//   2. session R: BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
//      SELECT pg_current_wal_insert_lsn() — takes R's snapshot and reads the
//      WAL insert position L_s in the same statement;
//   3. session L: COMMIT — writers resume (they waited only for steps 1-3);
//   4. session R reads every row of t through a cursor, then ends.
// Every transaction that wrote t and is visible to R committed (commit record
// and change records inserted) before step 2, so all its changes have LSNs
// < L_s; every change to t that R does not see is written after step 3, so its
// LSN is >= L_s. That clean cut is what `SourceSnapshot::exact_cut` promises and
// what TableVerifier relies on to skip keys that changed after the snapshot.
// SHARE mode needs UPDATE, DELETE or TRUNCATE privilege on t (the app user has
// it; the CDC user has SELECT only).
//
// Without `lock_writers` there is one REPEATABLE READ session and the cut is
// not exact: a transaction still in progress when the snapshot was taken may
// have change LSNs below L_s yet be invisible, so a mismatch on its rows can be
// spurious. Verifier takes a fresh snapshot and compares again in that case.
//
// Values are read as PostgreSQL text with TimeZone 'UTC', DateStyle 'ISO',
// extra_float_digits 3 and bytea_output 'hex' set for the session, and
// canonicalised per column type (canonical_value.h).
//
// Status codes: Unavailable (cannot connect), NotFound (no such table),
// FailedPrecondition (no primary key or replica identity index; no privilege to
// lock), Timeout (the lock was not granted within lock_timeout_ms because a
// writer kept its transaction open), Internal (any other server error, with
// its message), InvalidArgument (a value that is not valid text for its type).
// Every message names the table. Not thread-safe; one reader per thread.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "verify/table_snapshots.h"

namespace lakehouse::verify {

struct SourceReaderOptions {
  // libpq connection string of the source database. REQUIRED.
  std::string conninfo;
  // Names the server in messages ("127.0.0.1:25432/shop"); default: conninfo.
  std::string where;
  // Take the exact cut described above (briefly blocks writers of the table).
  bool lock_writers = true;
  // How long to wait for writers' open transactions before giving up.
  int lock_timeout_ms = 10000;
  // Rows per FETCH from the cursor (bounds the memory of one round trip).
  int fetch_rows = 1000;
};

class SourceReader {
 public:
  explicit SourceReader(SourceReaderOptions options);

  // Every ordinary or partitioned table in `schemas`, as "schema.table", sorted.
  Result<std::vector<std::string>> ListTables(const std::vector<std::string>& schemas);

  // The table's columns (domains resolved to their base types) and key.
  Result<SourceTable> DescribeTable(const std::string& schema, const std::string& table);

  // Reads all rows of `table` at a new snapshot, digesting `columns` (names of
  // table columns, in digest order; an empty list means every column). REQUIRES:
  // the key columns are among them (else InvalidArgument).
  Result<SourceSnapshot> ReadSnapshot(const SourceTable& table, const std::vector<std::string>& columns = {});

 private:
  SourceReaderOptions options_;
};

}  // namespace lakehouse::verify
