#include "verify/column_type.h"

#include <gtest/gtest.h>

namespace lakehouse::verify {
namespace {

TEST(ColumnTypeTest, ClassifiesFormatTypeText) {
  EXPECT_EQ(ColumnTypeFromPg("boolean").kind, ValueKind::kBool);
  for (const char* t : {"smallint", "integer", "bigint"}) EXPECT_EQ(ColumnTypeFromPg(t).kind, ValueKind::kInteger) << t;
  EXPECT_EQ(ColumnTypeFromPg("real").kind, ValueKind::kFloat32);
  EXPECT_EQ(ColumnTypeFromPg("double precision").kind, ValueKind::kFloat64);
  EXPECT_EQ(ColumnTypeFromPg("date").kind, ValueKind::kDate);
  EXPECT_EQ(ColumnTypeFromPg("timestamp with time zone").kind, ValueKind::kTimestampTz);
  EXPECT_EQ(ColumnTypeFromPg("timestamp(3) with time zone").kind, ValueKind::kTimestampTz);
  EXPECT_EQ(ColumnTypeFromPg("timestamp without time zone").kind, ValueKind::kTimestamp);
  EXPECT_EQ(ColumnTypeFromPg("timestamp(0) without time zone").kind, ValueKind::kTimestamp);
  EXPECT_EQ(ColumnTypeFromPg("bytea").kind, ValueKind::kBytea);
  // Compared as PostgreSQL's text output.
  for (const char* t : {"text", "character varying(20)", "character(3)", "uuid", "jsonb", "json", "demo.mood",
                        "interval", "time without time zone"}) {
    EXPECT_EQ(ColumnTypeFromPg(t).kind, ValueKind::kText) << t;
  }
}

TEST(ColumnTypeTest, NumericKeepsItsScale) {
  EXPECT_EQ(ColumnTypeFromPg("numeric(20,2)").scale, 2);
  EXPECT_EQ(ColumnTypeFromPg("numeric(18,0)").scale, 0);
  EXPECT_EQ(ColumnTypeFromPg("numeric(5)").scale, 0);
  EXPECT_EQ(ColumnTypeFromPg("numeric").scale, -1);
  EXPECT_EQ(ColumnTypeFromPg("numeric(20,2)").kind, ValueKind::kNumeric);
  EXPECT_EQ(ColumnTypeFromPg("numeric(20,2)").pg_type, "numeric(20,2)");
}

TEST(ColumnTypeTest, ArraysDescribeTheirElements) {
  ColumnType t = ColumnTypeFromPg("numeric(10,3)[]");
  EXPECT_EQ(t.kind, ValueKind::kArray);
  EXPECT_EQ(t.element_kind, ValueKind::kNumeric);
  EXPECT_EQ(t.scale, 3);
  ColumnType e = t.Element();
  EXPECT_EQ(e.kind, ValueKind::kNumeric);
  EXPECT_EQ(e.scale, 3);
  EXPECT_EQ(e.pg_type, "numeric(10,3)");
  EXPECT_EQ(ColumnTypeFromPg("text[]").element_kind, ValueKind::kText);
  EXPECT_EQ(ColumnTypeFromPg("timestamp with time zone[]").element_kind, ValueKind::kTimestampTz);
}

}  // namespace
}  // namespace lakehouse::verify
