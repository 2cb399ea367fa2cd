// ColumnType: how the verifier compares the values of one source column.
//
// The source describes each column by its PostgreSQL type (format_type() text,
// e.g. "numeric(20,2)", "timestamp with time zone", "text[]"); Silver_RT holds
// the same column with the mapped Delta/Arrow type. ColumnType is the part of
// the PostgreSQL type that decides the canonical form both sides are reduced to
// (canonical_value.h): the value kind, a numeric's declared scale, and for
// arrays the kind of their elements. A plain value; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace lakehouse::verify {

enum class ValueKind {
  kBool,         // boolean
  kInteger,      // smallint, integer, bigint (and oid-like integer types)
  kNumeric,      // numeric / decimal, with or without (p,s)
  kFloat32,      // real: compared at float precision (Silver widens it to double)
  kFloat64,      // double precision
  kText,         // text, varchar, char, uuid, json, jsonb, enums, and every type not listed here
  kBytea,        // bytea
  kDate,         // date
  kTimestamp,    // timestamp without time zone (wall time, read as UTC)
  kTimestampTz,  // timestamp with time zone (an instant)
  kArray,        // any array; element_kind/scale describe its elements, of any dimension
};

std::string_view ValueKindName(ValueKind kind);

struct ColumnType {
  ValueKind kind = ValueKind::kText;
  // kArray only: the elements' kind (never kArray: PostgreSQL arrays of any
  // dimension have one element type).
  ValueKind element_kind = ValueKind::kText;
  // kNumeric (or an array of numeric): the declared scale; -1 = numeric without
  // a typmod, whose values keep their own scale.
  int scale = -1;
  // The PostgreSQL type as format_type() printed it, for messages.
  std::string pg_type;

  // The type of one element. REQUIRES: kind == kArray.
  ColumnType Element() const;

  bool operator==(const ColumnType&) const = default;
};

// Classifies format_type() text. Never fails: types the verifier has no special
// rule for (enums, uuid, json, interval, ...) are kText and compared as
// PostgreSQL's text output, which is what Silver stores for them.
ColumnType ColumnTypeFromPg(std::string_view format_type);

}  // namespace lakehouse::verify
