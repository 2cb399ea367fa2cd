// Forward declarations of the verify module's types, for headers that only pass
// them by pointer or reference (e.g. the CLI).
#pragma once

namespace lakehouse::verify {

struct ColumnType;
struct SourceColumn;
struct SourceTable;
struct SourceSnapshot;
struct SilverRow;
struct SilverSnapshot;
struct RowDigest;
class RowChecksum;
struct SourceReaderOptions;
class SourceReader;
class SilverReader;
struct KeyDifference;
struct VerifyReport;
struct TableVerifierOptions;
class TableVerifier;
struct VerifierOptions;
class Verifier;

}  // namespace lakehouse::verify
