// Verifier: `lakehouse verify` for one table at a time — reads the source
// table at a consistent snapshot (SourceReader), compares it with its
// Silver_RT table (TableVerifier) and returns the VerifyReport.
//
// Per table:
//   1. describe the source table (columns, key) and list the Silver columns;
//      source columns Silver lacks are reported (VerifyReport::missing_columns)
//      and the rest compared; a key column missing in Silver is an error;
//   2. take a source snapshot (with the writer lock unless turned off);
//   3. TableVerifier::Verify against it (waits for Silver as documented there);
//   4. without an exact cut, a mismatch once Silver has caught up may come from
//      a transaction that was in progress at the snapshot, so steps 2-3 are
//      repeated, up to max_source_snapshots times, until clean.
// Errors are those of SourceReader and SilverReader; a missing Silver table is
// NotFound naming the URI. Not thread-safe; one Verifier per thread.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "lake/object_store.h"
#include "verify/source_reader.h"
#include "verify/table_verifier.h"
#include "verify/verify_report.h"

namespace lakehouse::verify {

struct VerifierOptions {
  SourceReaderOptions source;            // conninfo REQUIRED
  ObjectStore* store = nullptr;          // REQUIRED; outlives the Verifier
  std::string bucket = "lakehouse";
  std::string silver_layer = "silver_rt";  // Silver tables are <silver_layer>/<schema>_<table>
  TableVerifierOptions table;
  // Snapshots to take when the cut is not exact (source.lock_writers false).
  int max_source_snapshots = 3;
};

class Verifier {
 public:
  explicit Verifier(VerifierOptions options);

  // "schema.table" for every table of `schemas` (SourceReader::ListTables).
  Result<std::vector<std::string>> ListTables(const std::vector<std::string>& schemas);

  Result<VerifyReport> VerifyTable(const std::string& schema, const std::string& table);

 private:
  VerifierOptions options_;
  SourceReader source_;
};

}  // namespace lakehouse::verify
