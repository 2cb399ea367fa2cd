// Canonical values: one text form per value, so that PostgreSQL's text output
// of a source column and the Arrow value Silver_RT holds for it compare equal
// exactly when they are the same value.
//
// Forms, by ColumnType kind (column_type.h):
//   NULL         nullopt (distinct from every string, including "" and "NULL")
//   bool         "t" / "f"
//   integer      decimal digits, "-" for negatives, no leading zeros
//   numeric      plain decimal at the column's declared scale ("12.50" for
//                numeric(10,2); digits beyond the scale are kept only if non-zero,
//                so an out-of-scale value still differs); unconstrained numeric
//                drops trailing fractional zeros; "0" never carries a sign;
//                "NaN", "Infinity", "-Infinity"
//   float32/64   shortest round-trip decimal (std::to_chars) of the value at
//                float / double precision; "NaN", "Infinity", "-Infinity"; "-0"
//   text         the exact bytes (also json/jsonb: PostgreSQL's text form)
//   bytea        lower-case hex without the "\x" prefix
//   date         days since 1970-01-01 ("-1" = 1969-12-31); "infinity"/"-infinity"
//   timestamp,   microseconds since 1970-01-01 00:00:00 UTC; a timestamp without
//   timestamptz  time zone is read as UTC wall time
//   array        [e1,e2,...] where each element is null, a nested array, or its
//                own canonical form in double quotes with '"' and '\' escaped
//
// PostgreSQL text must come from a session with TimeZone 'UTC', DateStyle 'ISO',
// extra_float_digits 3 and bytea_output 'hex' (SourceReader sets them).
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "verify/column_type.h"

namespace arrow {
class Array;
class DataType;
}  // namespace arrow

namespace lakehouse::verify {

// nullopt is SQL NULL.
using CanonicalValue = std::optional<std::string>;

// The canonical form of one PostgreSQL text value (nullopt = NULL) of a column
// of `type`. InvalidArgument (naming the type and the text) if the text is not
// a valid value of that type.
Result<CanonicalValue> CanonicalFromPgText(const ColumnType& type, const std::optional<std::string>& text);

// OK if values of Arrow type `arrow_type` can be canonicalised as `type`:
// bool <- bool; integer <- any integer or decimal; numeric <- decimal, integer
// or string (Silver's text for numerics without an exact decimal); float32/64 <- float or double; text <- string (any width);
// bytea <- binary; date <- date32/date64; timestamp(tz) <- timestamp (any unit,
// any zone: Arrow stores instants); array <- list (of any nesting) whose leaves
// fit the element kind. FailedPrecondition naming both types otherwise.
Status CheckArrowCompatible(const ColumnType& type, const arrow::DataType& arrow_type);

// The canonical form of row `row` of `array`, read as a column of `type`.
// REQUIRES: CheckArrowCompatible(type, *array.type()).ok(), 0 <= row < length.
CanonicalValue CanonicalFromArrow(const ColumnType& type, const arrow::Array& array, int64_t row);

// For messages: the value in quotes, or NULL.
std::string DescribeCanonical(const CanonicalValue& value);

}  // namespace lakehouse::verify
