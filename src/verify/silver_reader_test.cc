#include "verify/silver_reader.h"

#include <gtest/gtest.h>

#include "lake/in_memory_object_store.h"
#include "verify/digest_comparison.h"
#include "verify/verify_test_util.h"

namespace lakehouse::verify {
namespace {

constexpr char kBucket[] = "lakehouse";
constexpr Lsn kSnapshotLsn = 1000;  // after every _lsn in the fixture

class SilverReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { store_.CreateBucket(kBucket); }

  // Loads testdata/<fixture> as silver_rt/demo_products and returns a reader on it.
  std::unique_ptr<SilverReader> Fixture(const std::string& fixture) {
    Status s = LoadVerifyFixture(&store_, kBucket, fixture, "silver_rt/demo_products");
    EXPECT_TRUE(s.ok()) << s.ToString();
    return std::make_unique<SilverReader>(&store_, kBucket, SilverReader::TablePrefix("demo", "products"));
  }

  Result<SilverSnapshot> ReadProducts(SilverReader* reader) {
    const SourceTable t = FixtureProductsTable();
    return reader->Read(t.columns, t.key_columns);
  }

  InMemoryObjectStore store_;
};

TEST_F(SilverReaderTest, ReadsLiveFilesOfASparkShapedTableAndMatchesPostgresText) {
  auto reader = Fixture("silver_products");
  EXPECT_EQ(reader->TableUri(), "s3://lakehouse/silver_rt/demo_products");
  auto silver = ReadProducts(reader.get());
  ASSERT_TRUE(silver.ok()) << silver.status().ToString();
  EXPECT_EQ(silver->version, 2);
  EXPECT_EQ(silver->live_rows, 4);
  EXPECT_EQ(silver->rows.size(), 5u);  // 4 live rows and the tombstone of id 6
  EXPECT_EQ(silver->max_lsn, 300u);
  EXPECT_TRUE(silver->duplicate_keys.empty());
  const SilverRow& tombstone = silver->rows.at(EncodeKey({"6"}));
  EXPECT_TRUE(tombstone.deleted);
  EXPECT_EQ(tombstone.lsn, 210u);
  EXPECT_EQ(silver->rows.at(EncodeKey({"2"})).lsn, 300u);  // from part-2, not the removed part-0

  // INT96 timestamps (incl. 9999-12-31), decimals as INT64 and FLBA, lists,
  // dates before 1970 and in year 1, Vietnamese and emoji: all equal to what
  // PostgreSQL prints for the same values.
  SourceSnapshot source = SourceFromPgText(FixtureProductsTable(), FixtureProductsPgText(), kSnapshotLsn);
  VerifyReport report = CompareDigests(source, *silver, 20);
  EXPECT_TRUE(report.ok()) << report.ToString();
  EXPECT_EQ(report.compared_rows, 4);
}

// testdata/silver_spark, written by Spark 4.2 + Delta 4.4 (make_spark_silver_fixture.py),
// against the PostgreSQL text of the same values.
TEST_F(SilverReaderTest, DecodesWhatSparkWrites) {
  ASSERT_TRUE(LoadVerifyFixture(&store_, kBucket, "silver_spark", "silver_rt/demo_kinds").ok());
  SourceTable kinds;
  kinds.schema = "demo";
  kinds.table = "kinds";
  kinds.key_columns = {"id"};
  const std::vector<std::pair<const char*, const char*>> columns = {
      {"id", "bigint"}, {"small", "smallint"}, {"qty", "integer"}, {"price", "numeric(20,2)"},
      {"vnd", "numeric(18,0)"}, {"amount", "numeric(9,2)"}, {"ratio", "numeric"}, {"r", "real"},
      {"d", "double precision"}, {"ok", "boolean"}, {"name", "text"}, {"born", "date"},
      {"at", "timestamp with time zone"}, {"local_at", "timestamp without time zone"}, {"tags", "text[]"},
      {"prices", "numeric(10,2)[]"}, {"blob", "bytea"}, {"attrs", "json"}};
  for (const auto& [name, type] : columns) kinds.columns.push_back({name, ColumnTypeFromPg(type)});
  const std::optional<std::string> n;
  const std::vector<PgRow> pg_text = {
      {"1", "-32768", "2147483647", "999999999999999999.99", "-123456789012345678", "-1234567.89", "1.2300", "0.1",
       "NaN", "t", "Nguyễn Thị Minh Khai 🎉 \"quoted\" \\ back", "1969-12-31", "1969-07-20 20:17:40.5+00",
       "9999-12-31 23:59:59.999999", R"({"Hà Nội",NULL,"a\"b",""})", "{1.50,-2.00}", "\\xdeadbeef",
       R"({"b": 1, "a": [1, 2.50]})"},
      {"2", n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n},
      {"3", "0", "-1", "-0.01", "0", "0.00", "100", "-0", "-Infinity", "f", "", "1900-01-01",
       "9999-12-31 23:59:59.999999+00", "1900-01-01 00:00:00", "{}", "{}", "\\x", "[]"},
  };
  SilverReader reader(&store_, kBucket, "silver_rt/demo_kinds");
  auto silver = reader.Read(kinds.columns, kinds.key_columns);
  ASSERT_TRUE(silver.ok()) << silver.status().ToString();
  EXPECT_EQ(silver->live_rows, 3);
  EXPECT_TRUE(silver->rows.at(EncodeKey({"4"})).deleted);
  VerifyReport report = CompareDigests(SourceFromPgText(kinds, pg_text, kSnapshotLsn), *silver, 20);
  EXPECT_TRUE(report.ok()) << report.ToString();
  EXPECT_EQ(report.compared_rows, 3);
}

TEST_F(SilverReaderTest, ARowChangedByHandIsNamedWithItsColumn) {
  auto reader = Fixture("silver_products_tampered");
  auto silver = ReadProducts(reader.get());
  ASSERT_TRUE(silver.ok()) << silver.status().ToString();
  EXPECT_EQ(silver->version, 3);
  SourceSnapshot source = SourceFromPgText(FixtureProductsTable(), FixtureProductsPgText(), kSnapshotLsn);
  VerifyReport report = CompareDigests(source, *silver, 20);
  EXPECT_FALSE(report.ok());
  ASSERT_EQ(report.different.size(), 1u) << report.ToString();
  EXPECT_EQ(report.different[0], (KeyDifference{"id=4", "price_usd"}));
  EXPECT_EQ(report.missing_count + report.extra_count, 0);
}

TEST_F(SilverReaderTest, DeletionVectorsAreRefused) {
  auto reader = Fixture("silver_products_dv");
  auto silver = ReadProducts(reader.get());
  ASSERT_FALSE(silver.ok());
  EXPECT_EQ(silver.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(silver.status().message().find("deletion vector"), std::string::npos) << silver.status().ToString();
  EXPECT_NE(silver.status().message().find("part-00000-0a"), std::string::npos);
}

TEST_F(SilverReaderTest, MissingTableIsNotFound) {
  SilverReader reader(&store_, kBucket, "silver_rt/demo_nothing");
  EXPECT_TRUE(reader.ReadColumnNames().status().IsNotFound());
  EXPECT_TRUE(ReadProducts(&reader).status().IsNotFound());
}

TEST_F(SilverReaderTest, ListsColumnsAndMatchesNamesCaseInsensitively) {
  auto reader = Fixture("silver_products");
  auto names = reader->ReadColumnNames();
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  ASSERT_EQ(names->size(), 19u);
  EXPECT_EQ(names->front(), "id");
  EXPECT_EQ(names->back(), "_landed_at");
  EXPECT_EQ(SilverReader::MatchColumnName(*names, "price_usd"), "price_usd");
  EXPECT_EQ(SilverReader::MatchColumnName(*names, "Price_USD"), "price_usd");
  EXPECT_EQ(SilverReader::MatchColumnName(*names, "note"), std::nullopt);
}

TEST_F(SilverReaderTest, PollingReadsOnlyNewFiles) {
  auto reader = Fixture("silver_products");
  int gets = store_.TEST_GetCalls();
  ASSERT_TRUE(ReadProducts(reader.get()).ok());
  const int first = store_.TEST_GetCalls() - gets;
  gets = store_.TEST_GetCalls();
  ASSERT_TRUE(ReadProducts(reader.get()).ok());
  // Only the log is read again, not the two live data files.
  EXPECT_EQ(store_.TEST_GetCalls() - gets, first - 2);
}

// ---- tables written from C++

std::shared_ptr<arrow::Schema> SmallSchema() {
  return arrow::schema({arrow::field("id", arrow::int64()), arrow::field("price", arrow::decimal128(10, 2)),
                        arrow::field("_lsn", arrow::int64()), arrow::field("_is_deleted", arrow::boolean())});
}

SourceTable SmallSource() {
  SourceTable t;
  t.schema = "demo";
  t.table = "small";
  t.key_columns = {"id"};
  t.columns = {{"id", ColumnTypeFromPg("bigint")}, {"price", ColumnTypeFromPg("numeric(10,2)")}};
  return t;
}

TEST_F(SilverReaderTest, DuplicateKeysAcrossLiveFilesAreReported) {
  TestDeltaTable table(&store_, kBucket, "silver_rt/demo_small");
  table.Append(MakeArrowTable(SmallSchema(), {"[1, 2]", R"(["1.00", "2.00"])", "[10, 20]", "[false, false]"}));
  table.Append(MakeArrowTable(SmallSchema(), {"[2]", R"(["2.00"])", "[30]", "[false]"}));
  SilverReader reader(&store_, kBucket, "silver_rt/demo_small");
  auto silver = reader.Read(SmallSource().columns, {"id"});
  ASSERT_TRUE(silver.ok()) << silver.status().ToString();
  EXPECT_EQ(silver->duplicate_keys, std::vector<std::string>{EncodeKey({"2"})});
}

TEST_F(SilverReaderTest, LineageColumnsAreRequired) {
  TestDeltaTable table(&store_, kBucket, "silver_rt/demo_small");
  auto schema = arrow::schema({arrow::field("id", arrow::int64()), arrow::field("price", arrow::decimal128(10, 2))});
  table.Append(MakeArrowTable(schema, {"[1]", R"(["1.00"])"}));
  SilverReader reader(&store_, kBucket, "silver_rt/demo_small");
  auto silver = reader.Read(SmallSource().columns, {"id"});
  EXPECT_EQ(silver.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(silver.status().message().find("_lsn"), std::string::npos) << silver.status().ToString();
}

TEST_F(SilverReaderTest, IncompatibleSilverTypeNamesTheColumn) {
  TestDeltaTable table(&store_, kBucket, "silver_rt/demo_small");
  auto schema = arrow::schema({arrow::field("id", arrow::int64()), arrow::field("price", arrow::float64()),
                               arrow::field("_lsn", arrow::int64()), arrow::field("_is_deleted", arrow::boolean())});
  table.Append(MakeArrowTable(schema, {"[1]", "[1.5]", "[1]", "[false]"}));
  SilverReader reader(&store_, kBucket, "silver_rt/demo_small");
  auto silver = reader.Read(SmallSource().columns, {"id"});
  EXPECT_EQ(silver.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(silver.status().message().find("column price"), std::string::npos) << silver.status().ToString();
  EXPECT_NE(silver.status().message().find("numeric(10,2)"), std::string::npos);
}

TEST_F(SilverReaderTest, CorruptDataFileNamesTheFile) {
  TestDeltaTable table(&store_, kBucket, "silver_rt/demo_small");
  const std::string path =
      table.Append(MakeArrowTable(SmallSchema(), {"[1]", R"(["1.00"])", "[10]", "[false]"}));
  ASSERT_TRUE(store_.PutObject(kBucket, "silver_rt/demo_small/" + path, "not parquet at all").ok());
  SilverReader reader(&store_, kBucket, "silver_rt/demo_small");
  auto silver = reader.Read(SmallSource().columns, {"id"});
  EXPECT_EQ(silver.status().code(), StatusCode::kCorruption);
  EXPECT_NE(silver.status().message().find(path), std::string::npos) << silver.status().ToString();
}

TEST_F(SilverReaderTest, FollowsColumnMappingPhysicalNames) {
  TestDeltaTable table(&store_, kBucket, "silver_rt/demo_small");
  table.SetColumnMapping({{"id", "col-1a"}, {"price", "col-2b"}, {"_lsn", "col-3c"}, {"_is_deleted", "col-4d"}});
  table.Append(MakeArrowTable(SmallSchema(), {"[7]", R"(["7.70"])", "[70]", "[false]"}));
  SilverReader reader(&store_, kBucket, "silver_rt/demo_small");
  auto silver = reader.Read(SmallSource().columns, {"id"});
  ASSERT_TRUE(silver.ok()) << silver.status().ToString();
  ASSERT_EQ(silver->rows.count(EncodeKey({"7"})), 1u);
  EXPECT_EQ(silver->rows.at(EncodeKey({"7"})).digest, RowChecksum::Of({"7", "7.70"}));
  EXPECT_EQ(silver->max_lsn, 70u);
}

TEST_F(SilverReaderTest, ColumnAbsentFromAnOlderFileReadsAsNull) {
  TestDeltaTable table(&store_, kBucket, "silver_rt/demo_small");
  // The first file predates the `price` column (schema evolution added it).
  auto old_schema = arrow::schema({arrow::field("id", arrow::int64()), arrow::field("_lsn", arrow::int64()),
                                   arrow::field("_is_deleted", arrow::boolean())});
  const std::string old_file = table.WriteFile(MakeArrowTable(old_schema, {"[1]", "[10]", "[false]"}));
  table.Commit({old_file}, {}, SmallSchema());
  SilverReader reader(&store_, kBucket, "silver_rt/demo_small");
  auto silver = reader.Read(SmallSource().columns, {"id"});
  ASSERT_TRUE(silver.ok()) << silver.status().ToString();
  EXPECT_EQ(silver->rows.at(EncodeKey({"1"})).digest, RowChecksum::Of({"1", std::nullopt}));
}

}  // namespace
}  // namespace lakehouse::verify
