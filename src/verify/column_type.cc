#include "verify/column_type.h"

#include <charconv>

namespace lakehouse::verify {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The scale of "numeric(p,s)" / "numeric(p)"; -1 for bare "numeric".
int NumericScale(std::string_view type) {
  const size_t open = type.find('(');
  if (open == std::string_view::npos) return -1;
  const size_t comma = type.find(',', open);
  if (comma == std::string_view::npos) return 0;  // numeric(p) = numeric(p,0)
  int scale = 0;
  std::string_view digits = type.substr(comma + 1);
  while (!digits.empty() && digits.front() == ' ') digits.remove_prefix(1);
  const char* begin = digits.data();
  auto [ptr, ec] = std::from_chars(begin, begin + digits.size(), scale);
  return ec == std::errc() ? scale : -1;
}

ValueKind ScalarKind(std::string_view t) {
  if (t == "boolean") return ValueKind::kBool;
  if (t == "smallint" || t == "integer" || t == "bigint" || t == "oid") return ValueKind::kInteger;
  if (StartsWith(t, "numeric")) return ValueKind::kNumeric;
  if (t == "real") return ValueKind::kFloat32;
  if (t == "double precision") return ValueKind::kFloat64;
  if (t == "bytea") return ValueKind::kBytea;
  if (t == "date") return ValueKind::kDate;
  // "timestamp with time zone", "timestamp(3) with time zone", ...
  if (StartsWith(t, "timestamp")) {
    return t.find("with time zone") != std::string_view::npos && t.find("without") == std::string_view::npos
               ? ValueKind::kTimestampTz
               : ValueKind::kTimestamp;
  }
  return ValueKind::kText;
}

}  // namespace

std::string_view ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kBool: return "bool";
    case ValueKind::kInteger: return "integer";
    case ValueKind::kNumeric: return "numeric";
    case ValueKind::kFloat32: return "float32";
    case ValueKind::kFloat64: return "float64";
    case ValueKind::kText: return "text";
    case ValueKind::kBytea: return "bytea";
    case ValueKind::kDate: return "date";
    case ValueKind::kTimestamp: return "timestamp";
    case ValueKind::kTimestampTz: return "timestamptz";
    case ValueKind::kArray: return "array";
  }
  return "?";
}

ColumnType ColumnType::Element() const {
  ColumnType element;
  element.kind = element_kind;
  element.scale = scale;
  element.pg_type = pg_type.size() > 2 && pg_type.ends_with("[]") ? pg_type.substr(0, pg_type.size() - 2) : pg_type;
  return element;
}

ColumnType ColumnTypeFromPg(std::string_view format_type) {
  ColumnType type;
  type.pg_type = std::string(format_type);
  std::string_view base = format_type;
  bool is_array = false;
  while (base.ends_with("[]")) {  // format_type prints "integer[]" for any dimension; be lenient anyway
    base.remove_suffix(2);
    is_array = true;
  }
  const ValueKind kind = ScalarKind(base);
  if (kind == ValueKind::kNumeric) type.scale = NumericScale(base);
  if (is_array) {
    type.kind = ValueKind::kArray;
    type.element_kind = kind;
  } else {
    type.kind = kind;
  }
  return type;
}

}  // namespace lakehouse::verify
