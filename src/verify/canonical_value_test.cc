#include "verify/canonical_value.h"

#include <arrow/api.h>
#include <arrow/json/from_string.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace lakehouse::verify {
namespace {

ColumnType T(const char* pg_type) { return ColumnTypeFromPg(pg_type); }

// PostgreSQL text -> canonical; "<error>" if rejected.
CanonicalValue FromPg(const char* pg_type, std::optional<std::string> text) {
  auto r = CanonicalFromPgText(T(pg_type), text);
  return r.ok() ? *r : CanonicalValue("<error>");
}

// Every row of an Arrow array (from JSON) -> canonical, as `pg_type`.
std::vector<CanonicalValue> FromArrow(const char* pg_type, const std::shared_ptr<arrow::DataType>& type,
                                      const std::string& json) {
  auto array = arrow::json::ArrayFromJSONString(type, json);
  EXPECT_TRUE(array.ok()) << array.status().ToString();
  if (!array.ok()) return {};
  EXPECT_TRUE(CheckArrowCompatible(T(pg_type), *type).ok()) << pg_type << " vs " << type->ToString();
  std::vector<CanonicalValue> out;
  for (int64_t i = 0; i < (*array)->length(); ++i) out.push_back(CanonicalFromArrow(T(pg_type), **array, i));
  return out;
}

using V = std::vector<CanonicalValue>;
const CanonicalValue kNull = std::nullopt;

TEST(CanonicalValueTest, NullIsDistinctFromEveryString) {
  EXPECT_EQ(FromPg("text", std::nullopt), kNull);
  EXPECT_EQ(FromPg("text", ""), CanonicalValue(""));
  EXPECT_EQ(FromPg("text", "NULL"), CanonicalValue("NULL"));
  EXPECT_NE(FromPg("text", std::nullopt), FromPg("text", ""));
  EXPECT_EQ(FromArrow("text", arrow::utf8(), R"([null, "", "NULL"])"), (V{kNull, "", "NULL"}));
  EXPECT_EQ(DescribeCanonical(kNull), "NULL");
  EXPECT_EQ(DescribeCanonical(CanonicalValue("NULL")), "'NULL'");
}

TEST(CanonicalValueTest, TextIsExactBytesIncludingVietnameseAndEmoji) {
  const std::string vi = "Nguyễn Thị Minh Khai, Phường Bến Nghé, Quận 1 — phở 🍜🇻🇳";
  EXPECT_EQ(FromPg("text", vi), CanonicalValue(vi));
  EXPECT_EQ(FromPg("character varying(200)", "  padded  "), CanonicalValue("  padded  "));
  const std::string json = R"({"màu": "đỏ", "size": [1, 2.50]})";
  EXPECT_EQ(FromPg("jsonb", json), CanonicalValue(json));
  EXPECT_EQ(FromArrow("text", arrow::utf8(), "[\"" + vi + "\", \"line\\nbreak\"]"), (V{vi, "line\nbreak"}));
  EXPECT_EQ(FromArrow("text", arrow::large_utf8(), "[\"" + vi + "\"]"), (V{vi}));
  // Different normalisation forms of the same letter are different bytes, so different values.
  EXPECT_NE(FromPg("text", "\xE1\xBB\x87"), FromPg("text", "e\xCC\xA3\xCC\x82"));
}

TEST(CanonicalValueTest, BooleansAreTOrF) {
  EXPECT_EQ(FromPg("boolean", "t"), CanonicalValue("t"));
  EXPECT_EQ(FromPg("boolean", "f"), CanonicalValue("f"));
  EXPECT_EQ(FromPg("boolean", "true"), CanonicalValue("<error>"));
  EXPECT_EQ(FromArrow("boolean", arrow::boolean(), "[true, false, null]"), (V{"t", "f", kNull}));
}

TEST(CanonicalValueTest, IntegersBothWays) {
  EXPECT_EQ(FromPg("smallint", "-32768"), CanonicalValue("-32768"));
  EXPECT_EQ(FromPg("bigint", "9223372036854775807"), CanonicalValue("9223372036854775807"));
  EXPECT_EQ(FromPg("bigint", "-9223372036854775808"), CanonicalValue("-9223372036854775808"));
  EXPECT_EQ(FromPg("integer", "12a"), CanonicalValue("<error>"));
  EXPECT_EQ(FromArrow("smallint", arrow::int16(), "[-32768, 32767]"), (V{"-32768", "32767"}));
  EXPECT_EQ(FromArrow("integer", arrow::int32(), "[0, -1]"), (V{"0", "-1"}));
  EXPECT_EQ(FromArrow("bigint", arrow::int64(), "[9223372036854775807, -9223372036854775808]"),
            (V{"9223372036854775807", "-9223372036854775808"}));
  // A decimal(20,0) Silver column still holds plain integers.
  EXPECT_EQ(FromArrow("bigint", arrow::decimal128(20, 0), R"(["42", "-7"])"), (V{"42", "-7"}));
}

TEST(CanonicalValueTest, NumericsNormaliseToTheDeclaredScale) {
  EXPECT_EQ(FromPg("numeric(10,2)", "12.50"), CanonicalValue("12.50"));
  EXPECT_EQ(FromPg("numeric(10,2)", "12.5"), CanonicalValue("12.50"));
  EXPECT_EQ(FromPg("numeric(10,2)", "-0.01"), CanonicalValue("-0.01"));
  EXPECT_EQ(FromPg("numeric(10,2)", "-0.00"), CanonicalValue("0.00"));
  EXPECT_EQ(FromPg("numeric(10,2)", "007.10"), CanonicalValue("7.10"));
  EXPECT_EQ(FromPg("numeric(20,2)", "999999999999999999.99"), CanonicalValue("999999999999999999.99"));
  EXPECT_EQ(FromPg("numeric(20,2)", "-999999999999999999.99"), CanonicalValue("-999999999999999999.99"));
  EXPECT_EQ(FromPg("numeric(18,0)", "123456789012345678"), CanonicalValue("123456789012345678"));
  EXPECT_EQ(FromPg("numeric", "1.2300"), CanonicalValue("1.23"));
  EXPECT_EQ(FromPg("numeric", "100"), CanonicalValue("100"));
  EXPECT_EQ(FromPg("numeric", "NaN"), CanonicalValue("NaN"));
  EXPECT_EQ(FromPg("numeric", "-Infinity"), CanonicalValue("-Infinity"));
  EXPECT_EQ(FromPg("numeric(10,2)", "1e5"), CanonicalValue("<error>"));

  EXPECT_EQ(FromArrow("numeric(20,2)", arrow::decimal128(20, 2),
                      R"(["12.50", "-0.01", "999999999999999999.99", "-999999999999999999.99", "0.00", null])"),
            (V{"12.50", "-0.01", "999999999999999999.99", "-999999999999999999.99", "0.00", kNull}));
  EXPECT_EQ(FromArrow("numeric(18,0)", arrow::decimal128(18, 0), R"(["123456789012345678", "-1"])"),
            (V{"123456789012345678", "-1"}));
  // A wider Silver scale compares equal when the extra digits are zeros, and
  // stays different when they are not.
  EXPECT_EQ(FromArrow("numeric(20,2)", arrow::decimal128(38, 6), R"(["12.500000", "12.505000"])"),
            (V{"12.50", "12.505"}));
  EXPECT_EQ(FromArrow("numeric", arrow::decimal128(38, 18), R"(["1.230000000000000000"])"), (V{"1.23"}));
  EXPECT_EQ(FromArrow("numeric(10,2)", arrow::decimal256(40, 2), R"(["-3.10"])"), (V{"-3.10"}));
  EXPECT_EQ(FromArrow("numeric(9,2)", arrow::decimal64(9, 2), R"(["-3.10"])"), (V{"-3.10"}));
  EXPECT_EQ(FromArrow("numeric(9,2)", arrow::int32(), "[3]"), (V{"3.00"}));
  // Unconstrained (or > 38 digits) numerics stay Debezium's plain text in Silver.
  EXPECT_EQ(FromArrow("numeric", arrow::utf8(), R"(["1.2300", "NaN", "-0", "100", "abc"])"),
            (V{"1.23", "NaN", "0", "100", "abc"}));
  EXPECT_EQ(FromArrow("numeric(50,10)", arrow::utf8(), R"(["12345678901234567890123456789012345678901.5"])"),
            (V{"12345678901234567890123456789012345678901.5000000000"}));
}

TEST(CanonicalValueTest, FloatsUseShortestRoundTripAndSpellSpecials) {
  EXPECT_EQ(FromPg("double precision", "0.1"), CanonicalValue("0.1"));
  EXPECT_EQ(FromPg("double precision", "1e+100"), CanonicalValue("1e+100"));
  EXPECT_EQ(FromPg("double precision", "1.7976931348623157e+308"), CanonicalValue("1.7976931348623157e+308"));
  EXPECT_EQ(FromPg("double precision", "NaN"), CanonicalValue("NaN"));
  EXPECT_EQ(FromPg("double precision", "Infinity"), CanonicalValue("Infinity"));
  EXPECT_EQ(FromPg("double precision", "-Infinity"), CanonicalValue("-Infinity"));
  EXPECT_EQ(FromPg("double precision", "-0"), CanonicalValue("-0"));
  EXPECT_EQ(FromPg("real", "0.1"), CanonicalValue("0.1"));
  EXPECT_EQ(FromPg("real", "3.4028235e+38"), CanonicalValue("3.4028235e+38"));
  EXPECT_EQ(FromPg("double precision", "abc"), CanonicalValue("<error>"));

  arrow::DoubleBuilder builder;
  for (double d : {0.1, 1e100, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity(), -0.0, 1.7976931348623157e308}) {
    ASSERT_TRUE(builder.Append(d).ok());
  }
  std::shared_ptr<arrow::Array> doubles = *builder.Finish();
  V got;
  for (int64_t i = 0; i < doubles->length(); ++i) got.push_back(CanonicalFromArrow(T("double precision"), *doubles, i));
  EXPECT_EQ(got, (V{"0.1", "1e+100", "NaN", "Infinity", "-Infinity", "-0", "1.7976931348623157e+308"}));
  // real: Silver widens to double; both the widened float and a double parsed
  // from the same decimal text compare at float precision.
  EXPECT_EQ(FromArrow("real", arrow::float64(), "[0.1]"), (V{"0.1"}));
  EXPECT_EQ(FromArrow("real", arrow::float64(), "[0.10000000149011612]"), (V{"0.1"}));
  EXPECT_EQ(FromArrow("real", arrow::float32(), "[0.1, 3.4028235e38]"), (V{"0.1", "3.4028235e+38"}));
}

TEST(CanonicalValueTest, DatesAreDaysSinceEpoch) {
  EXPECT_EQ(FromPg("date", "1970-01-01"), CanonicalValue("0"));
  EXPECT_EQ(FromPg("date", "1969-12-31"), CanonicalValue("-1"));
  EXPECT_EQ(FromPg("date", "1900-01-01"), CanonicalValue("-25567"));
  EXPECT_EQ(FromPg("date", "9999-12-31"), CanonicalValue("2932896"));
  EXPECT_EQ(FromPg("date", "0001-01-01 BC"), CanonicalValue("-719528"));
  EXPECT_EQ(FromPg("date", "infinity"), CanonicalValue("infinity"));
  EXPECT_EQ(FromPg("date", "15/01/2024"), CanonicalValue("<error>"));
  EXPECT_EQ(FromArrow("date", arrow::date32(), "[0, -1, -25567, 2932896, null]"),
            (V{"0", "-1", "-25567", "2932896", kNull}));
  EXPECT_EQ(FromArrow("date", arrow::date64(), "[-86400000, 86400000]"), (V{"-1", "1"}));
}

TEST(CanonicalValueTest, TimestampsAreMicrosSinceEpochUtc) {
  EXPECT_EQ(FromPg("timestamp with time zone", "1970-01-01 00:00:00+00"), CanonicalValue("0"));
  EXPECT_EQ(FromPg("timestamp with time zone", "1969-12-31 23:59:59.999999+00"), CanonicalValue("-1"));
  EXPECT_EQ(FromPg("timestamp with time zone", "1900-01-01 00:00:00+00"), CanonicalValue("-2208988800000000"));
  EXPECT_EQ(FromPg("timestamp with time zone", "9999-12-31 23:59:59.999999+00"), CanonicalValue("253402300799999999"));
  EXPECT_EQ(FromPg("timestamp with time zone", "2024-01-15 17:30:00.5+07"), CanonicalValue("1705314600500000"));
  EXPECT_EQ(FromPg("timestamp without time zone", "2024-01-15 10:30:00.5"), CanonicalValue("1705314600500000"));
  EXPECT_EQ(FromPg("timestamp with time zone", "-infinity"), CanonicalValue("-infinity"));

  const auto utc_us = arrow::timestamp(arrow::TimeUnit::MICRO, "UTC");
  EXPECT_EQ(FromArrow("timestamp with time zone", utc_us, "[0, -1, -2208988800000000, 253402300799999999, null]"),
            (V{"0", "-1", "-2208988800000000", "253402300799999999", kNull}));
  // Units other than microseconds (e.g. nanoseconds from a non-Spark writer), before 1970 too.
  EXPECT_EQ(FromArrow("timestamp with time zone", arrow::timestamp(arrow::TimeUnit::NANO, "UTC"), "[-1000, 1500]"),
            (V{"-1", "1"}));
  EXPECT_EQ(FromArrow("timestamp with time zone", arrow::timestamp(arrow::TimeUnit::MILLI, "UTC"), "[-1]"),
            (V{"-1000"}));
  EXPECT_EQ(FromArrow("timestamp without time zone", arrow::timestamp(arrow::TimeUnit::MICRO), "[1705314600500000]"),
            (V{"1705314600500000"}));
}

TEST(CanonicalValueTest, ByteaIsLowerCaseHex) {
  EXPECT_EQ(FromPg("bytea", "\\xDEADbeef"), CanonicalValue("deadbeef"));
  EXPECT_EQ(FromPg("bytea", "\\x"), CanonicalValue(""));
  EXPECT_EQ(FromPg("bytea", "\\336\\255"), CanonicalValue("<error>"));  // escape format is not what we ask for
  EXPECT_EQ(FromArrow("bytea", arrow::binary(), R"(["\u00de", ""])"), (V{"c39e", ""}));  // JSON strings are UTF-8
}

TEST(CanonicalValueTest, ArraysBecomeAQuotedList) {
  EXPECT_EQ(FromPg("text[]", R"({"Hà Nội",NULL,"a\"b","back\\slash",""})"),
            CanonicalValue(R"(["Hà Nội",null,"a\"b","back\\slash",""])"));
  EXPECT_EQ(FromPg("text[]", "{}"), CanonicalValue("[]"));
  EXPECT_EQ(FromPg("numeric(10,2)[]", "{1.50,-2.00,NULL}"), CanonicalValue(R"(["1.50","-2.00",null])"));
  EXPECT_EQ(FromPg("integer[]", "{{1,2},{3,4}}"), CanonicalValue(R"([["1","2"],["3","4"]])"));
  EXPECT_EQ(FromPg("timestamp with time zone[]", R"({"1970-01-01 00:00:01+00"})"), CanonicalValue(R"(["1000000"])"));
  EXPECT_EQ(FromPg("integer[]", "{1,x}"), CanonicalValue("<error>"));

  EXPECT_EQ(FromArrow("text[]", arrow::list(arrow::utf8()),
                      R"([["Hà Nội", null, "a\"b", "back\\slash", ""], [], null])"),
            (V{R"(["Hà Nội",null,"a\"b","back\\slash",""])", "[]", kNull}));
  EXPECT_EQ(FromArrow("numeric(10,2)[]", arrow::list(arrow::decimal128(10, 2)), R"([["1.50", "-2.00", null]])"),
            (V{R"(["1.50","-2.00",null])"}));
  EXPECT_EQ(FromArrow("integer[]", arrow::list(arrow::list(arrow::int32())), "[[[1, 2], [3, 4]]]"),
            (V{R"([["1","2"],["3","4"]])"}));
  EXPECT_EQ(FromArrow("text[]", arrow::large_list(arrow::utf8()), R"([["x"]])"), (V{R"(["x"])"}));
}

TEST(CanonicalValueTest, IncompatibleArrowTypesAreNamed) {
  EXPECT_TRUE(CheckArrowCompatible(T("numeric(20,2)"), *arrow::decimal128(20, 2)).ok());
  EXPECT_TRUE(CheckArrowCompatible(T("text[]"), *arrow::list(arrow::utf8())).ok());
  Status s = CheckArrowCompatible(T("numeric(20,2)"), *arrow::float64());
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("double"), std::string::npos);
  EXPECT_NE(s.message().find("numeric(20,2)"), std::string::npos);
  EXPECT_FALSE(CheckArrowCompatible(T("text"), *arrow::int64()).ok());
  EXPECT_FALSE(CheckArrowCompatible(T("text[]"), *arrow::utf8()).ok());
  EXPECT_FALSE(CheckArrowCompatible(T("text"), *arrow::list(arrow::utf8())).ok());
  EXPECT_FALSE(CheckArrowCompatible(T("timestamp with time zone"), *arrow::date32()).ok());
  EXPECT_FALSE(CheckArrowCompatible(T("integer[]"), *arrow::list(arrow::utf8())).ok());
}

}  // namespace
}  // namespace lakehouse::verify
