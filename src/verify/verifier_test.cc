// Verifier end to end (VerifierPgTest, only when LAKEHOUSE_TEST_PG_DSN is set):
// a real source table in a fresh database against the Silver_RT fixtures in
// an in-memory object store.
#include "verify/verifier.h"

#include <gtest/gtest.h>

#include "common/pg_session.h"
#include "lake/in_memory_object_store.h"
#include "verify/pg_test_database.h"
#include "verify/verify_test_util.h"

namespace lakehouse::verify {
namespace {

constexpr char kBucket[] = "lakehouse";

class VerifierPgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string admin = PgTestDatabase::AdminDsn();
    if (admin.empty()) GTEST_SKIP() << "LAKEHOUSE_TEST_PG_DSN is not set";
    db_ = std::make_unique<PgTestDatabase>(admin);
    ASSERT_TRUE(db_->ok()) << db_->error();
    store_.CreateBucket(kBucket);

    // demo.products as the fixture mirrors it, holding the fixture's v2 rows.
    const SourceTable t = FixtureProductsTable();
    std::string sql = "create schema demo; create table demo.products (";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      sql += (i ? ", " : "") + t.columns[i].name + " " + t.columns[i].type.pg_type + (i == 0 ? " primary key" : "");
    }
    sql += ");";
    for (const PgRow& row : FixtureProductsPgText()) {
      sql += " insert into demo.products values (";
      for (size_t i = 0; i < row.size(); ++i) sql += (i ? ", " : "") + (row[i] ? SqlLiteral(*row[i]) : "null");
      sql += ");";
    }
    ASSERT_TRUE(Exec(sql).ok());
  }

  Status Exec(const std::string& sql) {
    auto session = PgSession::Connect(db_->dsn(), db_->name());
    if (!session.ok()) return session.status();
    Status s = session->Exec("set timezone = 'UTC'; " + sql);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return s;
  }

  VerifyReport Verify(const std::string& fixture) {
    EXPECT_TRUE(LoadVerifyFixture(&store_, kBucket, fixture, "silver_rt/demo_products").ok());
    VerifierOptions options;
    options.source = {.conninfo = db_->dsn(), .where = db_->name()};
    options.store = &store_;
    options.bucket = kBucket;
    options.table.timeout_ms = 1'000;
    options.table.poll_interval_ms = 200;
    Verifier verifier(options);
    auto report = verifier.VerifyTable("demo", "products");
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : VerifyReport();
  }

  std::unique_ptr<PgTestDatabase> db_;
  InMemoryObjectStore store_;
};

TEST_F(VerifierPgTest, SourceAndSilverAgree) {
  VerifyReport r = Verify("silver_products");
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(r.table, "demo.products");
  EXPECT_EQ(r.source_rows, 4);
  EXPECT_EQ(r.silver_rows, 4);
  EXPECT_EQ(r.compared_rows, 4);
  EXPECT_TRUE(r.exact_cut);
  EXPECT_GT(r.snapshot_lsn, 300u);
  EXPECT_EQ(r.silver_reads, 1);
}

TEST_F(VerifierPgTest, ARowChangedByHandInSilverFailsAndNamesTheKey) {
  VerifyReport r = Verify("silver_products_tampered");
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.different.size(), 1u) << r.ToString();
  EXPECT_EQ(r.different[0].key, "id=4");
  EXPECT_EQ(r.different[0].column, "price_usd");
  EXPECT_NE(r.ToString().find("id=4 (first differing column: price_usd)"), std::string::npos) << r.ToString();
}

TEST_F(VerifierPgTest, SourceChangesSilverNeverSawAreReported) {
  // A quiet table: Silver never reaches the snapshot LSN, so after the timeout
  // the differences are reported with a note that they may be lag.
  ASSERT_TRUE(Exec("update demo.products set name = 'Phở gà' where id = 1; delete from demo.products where id = 3; "
                   "insert into demo.products (id, sku, name, category_id, price_vnd, price_usd, attributes, tags, "
                   "is_active, created_at, updated_at) values (5, 'SKU-0005', 'Chè', 1, 1, 1, '{}', '{}', true, "
                   "now(), now())")
                  .ok());
  VerifyReport r = Verify("silver_products");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.missing, std::vector<std::string>{"id=5"});
  EXPECT_EQ(r.extra, std::vector<std::string>{"id=3"});
  ASSERT_EQ(r.different.size(), 1u);
  EXPECT_EQ(r.different[0], (KeyDifference{"id=1", "name"}));
  EXPECT_FALSE(r.silver_caught_up);
  EXPECT_GT(r.silver_reads, 1);
}

TEST_F(VerifierPgTest, SourceColumnMissingInSilverIsAMismatch) {
  ASSERT_TRUE(Exec("alter table demo.products add column note text").ok());
  VerifyReport r = Verify("silver_products");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.missing_columns, std::vector<std::string>{"note"});
  EXPECT_EQ(r.compared_rows, 4);
  EXPECT_EQ(r.different_count, 0);  // the other columns still compare equal
}

TEST_F(VerifierPgTest, MissingSilverTableIsNotFound) {
  VerifierOptions options;
  options.source = {.conninfo = db_->dsn(), .where = db_->name()};
  options.store = &store_;
  options.bucket = kBucket;
  Verifier verifier(options);
  auto report = verifier.VerifyTable("demo", "products");
  EXPECT_TRUE(report.status().IsNotFound()) << report.status().ToString();
  EXPECT_NE(report.status().message().find("s3://lakehouse/silver_rt/demo_products"), std::string::npos);
  auto tables = verifier.ListTables({"demo"});
  ASSERT_TRUE(tables.ok());
  EXPECT_EQ(*tables, std::vector<std::string>{"demo.products"});
}

}  // namespace
}  // namespace lakehouse::verify
