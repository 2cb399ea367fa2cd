#include "verify/canonical_value.h"

#include <arrow/api.h>

#include <charconv>
#include <cmath>
#include <string_view>

#include "verify/civil_time.h"
#include "verify/pg_array_text.h"

namespace lakehouse::verify {
namespace {

constexpr int64_t kMillisPerDay = 86'400'000;

Status NotA(const ColumnType& type, std::string_view text) {
  return Status::InvalidArgument("not a valid " + type.pg_type + " (" + std::string(ValueKindName(type.kind)) +
                                 ") value: '" + std::string(text) + "'");
}

// ---- numbers

// Plain decimal text ("-0012.3400") normalised to `scale` fractional digits
// (trailing zeros beyond it dropped; scale < 0 drops them all). nullopt if
// `text` is not a plain decimal.
std::optional<std::string> NormalizeDecimal(std::string_view text, int scale) {
  if (text == "NaN" || text == "Infinity" || text == "-Infinity") return std::string(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const size_t dot = text.find('.');
  std::string_view int_part = text.substr(0, dot);
  std::string_view frac_part = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (int_part.empty() && frac_part.empty()) return std::nullopt;
  for (std::string_view part : {int_part, frac_part}) {
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
    }
  }
  while (int_part.size() > 1 && int_part.front() == '0') int_part.remove_prefix(1);
  std::string integer = int_part.empty() ? "0" : std::string(int_part);
  std::string fraction(frac_part);
  const size_t keep = scale < 0 ? 0 : static_cast<size_t>(scale);
  while (fraction.size() > keep && fraction.back() == '0') fraction.pop_back();
  if (fraction.size() < keep) fraction.append(keep - fraction.size(), '0');
  const bool is_zero = integer == "0" && fraction.find_first_not_of('0') == std::string::npos;
  std::string out = negative && !is_zero ? "-" : "";
  out += integer;
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

template <typename T>
std::string ShortestFloat(T value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto result = std::to_chars(buf, buf + sizeof(buf), value);
  return std::string(buf, result.ptr);
}

template <typename T>
bool ParseNumber(std::string_view text, T* out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// ---- text helpers

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

// An array element's canonical form as a quoted list item.
void AppendQuoted(const std::string& value, std::string* out) {
  *out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') *out += '\\';
    *out += c;
  }
  *out += '"';
}

std::string InfinityText(Infinity inf) { return inf == Infinity::kPositive ? "infinity" : "-infinity"; }

// ---- PostgreSQL text

Result<std::string> ScalarFromPgText(const ColumnType& type, const std::string& text) {
  switch (type.kind) {
    case ValueKind::kBool:
      if (text == "t" || text == "f") return text;
      return NotA(type, text);
    case ValueKind::kInteger: {
      int64_t v = 0;
      if (!ParseNumber(text, &v)) return NotA(type, text);
      return std::to_string(v);
    }
    case ValueKind::kNumeric: {
      auto normalized = NormalizeDecimal(text, type.scale);
      if (!normalized) return NotA(type, text);
      return *normalized;
    }
    case ValueKind::kFloat32: {
      float v = 0;
      if (!ParseNumber(text, &v)) return NotA(type, text);
      return ShortestFloat(v);
    }
    case ValueKind::kFloat64: {
      double v = 0;
      if (!ParseNumber(text, &v)) return NotA(type, text);
      return ShortestFloat(v);
    }
    case ValueKind::kText: return text;
    case ValueKind::kBytea: {
      if (text.size() % 2 != 0 || text.rfind("\\x", 0) != 0) return NotA(type, text);
      std::string hex = text.substr(2);
      for (char& c : hex) {
        if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return NotA(type, text);
      }
      return hex;
    }
    case ValueKind::kDate: {
      auto date = ParsePgDate(text);
      if (!date.ok()) return NotA(type, text);
      if (auto* inf = std::get_if<Infinity>(&*date)) return InfinityText(*inf);
      return std::to_string(std::get<int64_t>(*date));
    }
    case ValueKind::kTimestamp:
    case ValueKind::kTimestampTz: {
      auto ts = ParsePgTimestamp(text);
      if (!ts.ok()) return NotA(type, text);
      if (auto* inf = std::get_if<Infinity>(&*ts)) return InfinityText(*inf);
      return std::to_string(std::get<int64_t>(*ts));
    }
    case ValueKind::kArray: break;
  }
  return Status::Internal("ScalarFromPgText on an array type " + type.pg_type);
}

Status AppendPgArray(const ColumnType& element, const PgArrayNode& node, std::string* out) {
  if (!node.is_array) {
    if (!node.text) {
      *out += "null";
      return Status::OK();
    }
    LH_ASSIGN_OR_RETURN(std::string value, ScalarFromPgText(element, *node.text));
    AppendQuoted(value, out);
    return Status::OK();
  }
  *out += '[';
  for (size_t i = 0; i < node.items.size(); ++i) {
    if (i > 0) *out += ',';
    LH_RETURN_IF_ERROR(AppendPgArray(element, node.items[i], out));
  }
  *out += ']';
  return Status::OK();
}

// ---- Arrow

bool IsInteger(arrow::Type::type id) {
  switch (id) {
    case arrow::Type::INT8: case arrow::Type::INT16: case arrow::Type::INT32: case arrow::Type::INT64:
    case arrow::Type::UINT8: case arrow::Type::UINT16: case arrow::Type::UINT32: case arrow::Type::UINT64:
      return true;
    default: return false;
  }
}
bool IsDecimal(arrow::Type::type id) {
  return id == arrow::Type::DECIMAL32 || id == arrow::Type::DECIMAL64 || id == arrow::Type::DECIMAL128 ||
         id == arrow::Type::DECIMAL256;
}
bool IsString(arrow::Type::type id) {
  return id == arrow::Type::STRING || id == arrow::Type::LARGE_STRING || id == arrow::Type::STRING_VIEW;
}
bool IsList(arrow::Type::type id) {
  return id == arrow::Type::LIST || id == arrow::Type::LARGE_LIST || id == arrow::Type::FIXED_SIZE_LIST;
}

bool ScalarCompatible(ValueKind kind, arrow::Type::type id) {
  switch (kind) {
    case ValueKind::kBool: return id == arrow::Type::BOOL;
    case ValueKind::kInteger: return IsInteger(id) || IsDecimal(id);
    // Silver keeps numerics without an exact Spark decimal (unconstrained, or
    // precision above 38) as Debezium's plain-decimal text.
    case ValueKind::kNumeric: return IsInteger(id) || IsDecimal(id) || IsString(id);
    case ValueKind::kFloat32:
    case ValueKind::kFloat64: return id == arrow::Type::FLOAT || id == arrow::Type::DOUBLE;
    case ValueKind::kText: return IsString(id);
    case ValueKind::kBytea:
      return id == arrow::Type::BINARY || id == arrow::Type::LARGE_BINARY || id == arrow::Type::BINARY_VIEW ||
             id == arrow::Type::FIXED_SIZE_BINARY;
    case ValueKind::kDate: return id == arrow::Type::DATE32 || id == arrow::Type::DATE64;
    case ValueKind::kTimestamp:
    case ValueKind::kTimestampTz: return id == arrow::Type::TIMESTAMP;
    case ValueKind::kArray: return false;
  }
  return false;
}

std::string IntegerText(const arrow::Array& array, int64_t row) {
  switch (array.type_id()) {
    case arrow::Type::INT8: return std::to_string(static_cast<const arrow::Int8Array&>(array).Value(row));
    case arrow::Type::INT16: return std::to_string(static_cast<const arrow::Int16Array&>(array).Value(row));
    case arrow::Type::INT32: return std::to_string(static_cast<const arrow::Int32Array&>(array).Value(row));
    case arrow::Type::INT64: return std::to_string(static_cast<const arrow::Int64Array&>(array).Value(row));
    case arrow::Type::UINT8: return std::to_string(static_cast<const arrow::UInt8Array&>(array).Value(row));
    case arrow::Type::UINT16: return std::to_string(static_cast<const arrow::UInt16Array&>(array).Value(row));
    case arrow::Type::UINT32: return std::to_string(static_cast<const arrow::UInt32Array&>(array).Value(row));
    case arrow::Type::UINT64: return std::to_string(static_cast<const arrow::UInt64Array&>(array).Value(row));
    case arrow::Type::DECIMAL32: return static_cast<const arrow::Decimal32Array&>(array).FormatValue(row);
    case arrow::Type::DECIMAL64: return static_cast<const arrow::Decimal64Array&>(array).FormatValue(row);
    case arrow::Type::DECIMAL128: return static_cast<const arrow::Decimal128Array&>(array).FormatValue(row);
    case arrow::Type::DECIMAL256: return static_cast<const arrow::Decimal256Array&>(array).FormatValue(row);
    default: return "?";
  }
}

double FloatValue(const arrow::Array& array, int64_t row) {
  if (array.type_id() == arrow::Type::FLOAT) return static_cast<const arrow::FloatArray&>(array).Value(row);
  return static_cast<const arrow::DoubleArray&>(array).Value(row);
}

std::string_view BytesValue(const arrow::Array& array, int64_t row) {
  switch (array.type_id()) {
    case arrow::Type::STRING: return static_cast<const arrow::StringArray&>(array).GetView(row);
    case arrow::Type::LARGE_STRING: return static_cast<const arrow::LargeStringArray&>(array).GetView(row);
    case arrow::Type::STRING_VIEW: return static_cast<const arrow::StringViewArray&>(array).GetView(row);
    case arrow::Type::BINARY: return static_cast<const arrow::BinaryArray&>(array).GetView(row);
    case arrow::Type::LARGE_BINARY: return static_cast<const arrow::LargeBinaryArray&>(array).GetView(row);
    case arrow::Type::BINARY_VIEW: return static_cast<const arrow::BinaryViewArray&>(array).GetView(row);
    case arrow::Type::FIXED_SIZE_BINARY: return static_cast<const arrow::FixedSizeBinaryArray&>(array).GetView(row);
    default: return {};
  }
}

// Floor division, so instants before the epoch round towards -infinity.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t TimestampMicros(const arrow::Array& array, int64_t row) {
  const int64_t v = static_cast<const arrow::TimestampArray&>(array).Value(row);
  switch (static_cast<const arrow::TimestampType&>(*array.type()).unit()) {
    case arrow::TimeUnit::SECOND: return v * 1'000'000;
    case arrow::TimeUnit::MILLI: return v * 1'000;
    case arrow::TimeUnit::MICRO: return v;
    case arrow::TimeUnit::NANO: return FloorDiv(v, 1'000);
  }
  return v;
}

std::string ScalarFromArrow(const ColumnType& type, const arrow::Array& array, int64_t row) {
  switch (type.kind) {
    case ValueKind::kBool: return static_cast<const arrow::BooleanArray&>(array).Value(row) ? "t" : "f";
    case ValueKind::kInteger:
    case ValueKind::kNumeric: {
      const std::string text =
          IsString(array.type_id()) ? std::string(BytesValue(array, row)) : IntegerText(array, row);
      // An integer column held as a decimal with zero scale normalises to plain digits.
      auto normalized = NormalizeDecimal(text, type.kind == ValueKind::kInteger ? 0 : type.scale);
      return normalized ? *normalized : text;  // not a number: kept, so it differs
    }
    case ValueKind::kFloat32: return ShortestFloat(static_cast<float>(FloatValue(array, row)));
    case ValueKind::kFloat64: return ShortestFloat(FloatValue(array, row));
    case ValueKind::kText: return std::string(BytesValue(array, row));
    case ValueKind::kBytea: return Hex(BytesValue(array, row));
    case ValueKind::kDate:
      if (array.type_id() == arrow::Type::DATE32) {
        return std::to_string(static_cast<const arrow::Date32Array&>(array).Value(row));
      }
      return std::to_string(FloorDiv(static_cast<const arrow::Date64Array&>(array).Value(row), kMillisPerDay));
    case ValueKind::kTimestamp:
    case ValueKind::kTimestampTz: return std::to_string(TimestampMicros(array, row));
    case ValueKind::kArray: break;
  }
  return "?";
}

void AppendArrowList(const ColumnType& element, const arrow::Array& array, int64_t row, std::string* out) {
  std::shared_ptr<arrow::Array> values;
  int64_t begin = 0, length = 0;
  switch (array.type_id()) {
    case arrow::Type::LIST: {
      const auto& list = static_cast<const arrow::ListArray&>(array);
      values = list.values(), begin = list.value_offset(row), length = list.value_length(row);
      break;
    }
    case arrow::Type::LARGE_LIST: {
      const auto& list = static_cast<const arrow::LargeListArray&>(array);
      values = list.values(), begin = list.value_offset(row), length = list.value_length(row);
      break;
    }
    default: {
      const auto& list = static_cast<const arrow::FixedSizeListArray&>(array);
      values = list.values(), begin = list.value_offset(row), length = list.value_length(row);
      break;
    }
  }
  *out += '[';
  for (int64_t j = begin; j < begin + length; ++j) {
    if (j > begin) *out += ',';
    if (values->IsNull(j)) {
      *out += "null";
    } else if (IsList(values->type_id())) {
      AppendArrowList(element, *values, j, out);
    } else {
      AppendQuoted(ScalarFromArrow(element, *values, j), out);
    }
  }
  *out += ']';
}

}  // namespace

Result<CanonicalValue> CanonicalFromPgText(const ColumnType& type, const std::optional<std::string>& text) {
  if (!text) return CanonicalValue();
  if (type.kind != ValueKind::kArray) {
    LH_ASSIGN_OR_RETURN(std::string value, ScalarFromPgText(type, *text));
    return CanonicalValue(std::move(value));
  }
  LH_ASSIGN_OR_RETURN(PgArrayNode tree, ParsePgArray(*text));
  std::string out;
  Status s = AppendPgArray(type.Element(), tree, &out);
  if (!s.ok()) return s.WithContext("element of " + type.pg_type + " value '" + *text + "'");
  return CanonicalValue(std::move(out));
}

Status CheckArrowCompatible(const ColumnType& type, const arrow::DataType& arrow_type) {
  bool ok = false;
  if (type.kind == ValueKind::kArray) {
    const arrow::DataType* leaf = &arrow_type;
    int depth = 0;
    while (IsList(leaf->id())) {
      leaf = leaf->field(0)->type().get();
      ++depth;
    }
    ok = depth > 0 && ScalarCompatible(type.element_kind, leaf->id());
  } else {
    ok = ScalarCompatible(type.kind, arrow_type.id());
  }
  if (ok) return Status::OK();
  return Status::FailedPrecondition("Silver type " + arrow_type.ToString() + " cannot hold PostgreSQL " +
                                    type.pg_type + " values (expected the Silver_RT type mapping)");
}

CanonicalValue CanonicalFromArrow(const ColumnType& type, const arrow::Array& array, int64_t row) {
  if (array.IsNull(row)) return CanonicalValue();
  if (type.kind != ValueKind::kArray) return ScalarFromArrow(type, array, row);
  std::string out;
  AppendArrowList(type.Element(), array, row, &out);
  return out;
}

std::string DescribeCanonical(const CanonicalValue& value) { return value ? "'" + *value + "'" : "NULL"; }

}  // namespace lakehouse::verify
