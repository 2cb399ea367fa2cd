#include "verify/verifier.h"

#include <algorithm>

namespace lakehouse::verify {

Verifier::Verifier(VerifierOptions options) : options_(std::move(options)), source_(options_.source) {}

Result<std::vector<std::string>> Verifier::ListTables(const std::vector<std::string>& schemas) {
  return source_.ListTables(schemas);
}

Result<VerifyReport> Verifier::VerifyTable(const std::string& schema, const std::string& table) {
  LH_ASSIGN_OR_RETURN(SourceTable source_table, source_.DescribeTable(schema, table));
  SilverReader silver(options_.store, options_.bucket, SilverReader::TablePrefix(schema, table, options_.silver_layer));
  auto silver_columns = silver.ReadColumnNames();
  if (!silver_columns.ok()) {
    if (silver_columns.status().IsNotFound()) {
      return Status::NotFound("Silver table " + silver.TableUri() + " for " + source_table.QualifiedName() +
                              " does not exist (has the Silver job processed this table yet?)");
    }
    return silver_columns.status();
  }

  std::vector<std::string> compared, missing_columns;
  for (const SourceColumn& column : source_table.columns) {
    if (SilverReader::MatchColumnName(*silver_columns, column.name)) {
      compared.push_back(column.name);
    } else {
      missing_columns.push_back(column.name);
    }
  }
  for (const std::string& key : source_table.key_columns) {
    if (std::find(compared.begin(), compared.end(), key) == compared.end()) {
      return Status::FailedPrecondition("Silver table " + silver.TableUri() + " lacks key column " + key + " of " +
                                        source_table.QualifiedName() + ", so rows cannot be matched");
    }
  }

  TableVerifier verifier(&silver, options_.table);
  const int attempts = std::max(1, options_.max_source_snapshots);
  for (int attempt = 1;; ++attempt) {
    LH_ASSIGN_OR_RETURN(SourceSnapshot snapshot, source_.ReadSnapshot(source_table, compared));
    LH_ASSIGN_OR_RETURN(VerifyReport report, verifier.Verify(snapshot));
    // Decided before missing_columns is added: re-snapshotting cannot fix those.
    const bool settled = report.ok() || snapshot.exact_cut || !report.silver_caught_up || attempt >= attempts;
    report.missing_columns = missing_columns;
    report.source_snapshots = attempt;
    if (settled) return report;
  }
}

}  // namespace lakehouse::verify
