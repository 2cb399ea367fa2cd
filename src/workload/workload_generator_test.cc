// WorkloadGenerator tests. Those that need PostgreSQL run only when
// LAKEHOUSE_TEST_PG_DSN is set (a role that may CREATE DATABASE): each creates
// a fresh database, applies sql/source into it and drops it afterwards.
#include "workload/workload_generator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

#include "workload/batch_statements.h"
#include "workload/demo_schema.h"
#include "workload/demo_seeder.h"
#include "workload/pg_connection.h"
#include "workload/utf8.h"

namespace lakehouse::workload {
namespace {

TEST(WorkloadGeneratorTest, BatchTargetSpreadsCommitsOverTime) {
  WorkloadOptions o;
  o.batch_size = 1000;
  o.rate_per_sec = 500;
  EXPECT_EQ(WorkloadGenerator::BatchTarget(o), 25);
  o.rate_per_sec = 5;
  EXPECT_EQ(WorkloadGenerator::BatchTarget(o), 1);
  o.rate_per_sec = 100000;
  EXPECT_EQ(WorkloadGenerator::BatchTarget(o), 1000);
  o.rate_per_sec = 0;
  EXPECT_EQ(WorkloadGenerator::BatchTarget(o), 1000);
}

TEST(WorkloadGeneratorTest, RejectsBadOptionsBeforeConnecting) {
  WorkloadOptions o;
  auto r = RunWorkload(o, Env::Default());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("dsn"), std::string::npos);
  o.dsn = "host=127.0.0.1 port=1";
  o.rate_per_sec = -1;
  r = RunWorkload(o, Env::Default());
  EXPECT_NE(r.status().message().find("rate_per_sec"), std::string::npos) << r.status().ToString();
  o.rate_per_sec = 10;
  o.mix = MixWeights{0, 0, 0, 0, 0, 0};
  r = RunWorkload(o, Env::Default());
  EXPECT_NE(r.status().message().find("mix"), std::string::npos) << r.status().ToString();
}

TEST(WorkloadGeneratorTest, UnreachableServerIsUnavailableNamingTheTarget) {
  WorkloadOptions o;
  o.dsn = "host=127.0.0.1 port=1 dbname=shop connect_timeout=2";
  auto r = RunWorkload(o, Env::Default());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsUnavailable()) << r.status().ToString();
  EXPECT_NE(r.status().message().find("127.0.0.1:1/shop"), std::string::npos);
}

TEST(WorkloadGeneratorTest, MissingSqlFileIsReportedByName) {
  Status s = ApplyDemoSchema("host=127.0.0.1 port=1", {"/nonexistent/demo_schema.sql"}, Env::Default());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/demo_schema.sql"), std::string::npos) << s.ToString();
}

// ---- against a real server

class WorkloadGeneratorPgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dsn = std::getenv("LAKEHOUSE_TEST_PG_DSN");
    if (dsn == nullptr || *dsn == '\0') GTEST_SKIP() << "LAKEHOUSE_TEST_PG_DSN is not set";
    admin_dsn_ = dsn;
    db_dsn_ = CreateDatabase();
  }

  void TearDown() override {
    if (admin_dsn_.empty()) return;
    auto admin = PgConnection::Connect(admin_dsn_);
    ASSERT_TRUE(admin.ok()) << admin.status().ToString();
    for (const std::string& db : databases_) {
      EXPECT_TRUE((*admin)->Exec("drop test database", "drop database if exists " + db + " with (force)").ok());
    }
  }

  // A new, empty database; returns its DSN.
  std::string CreateDatabase() {
    const std::string name =
        "lh_workload_test_" + std::to_string(getpid()) + "_" + std::to_string(databases_.size());
    auto admin = PgConnection::Connect(admin_dsn_);
    EXPECT_TRUE(admin.ok()) << admin.status().ToString();
    if (!admin.ok()) return "";
    Status s = (*admin)->Exec("create test database", "create database " + name + " encoding 'UTF8' template template0");
    EXPECT_TRUE(s.ok()) << s.ToString() << " (the role in LAKEHOUSE_TEST_PG_DSN needs CREATEDB)";
    databases_.push_back(name);
    auto dsn = DsnWithDatabase(admin_dsn_, name);
    EXPECT_TRUE(dsn.ok());
    return dsn.value_or("");
  }

  void ApplyAndSeed(const std::string& dsn, int64_t products, int64_t customers) {
    ASSERT_TRUE(ApplyDemoSchema(dsn, DemoSqlFiles(LH_SQL_SOURCE_DIR), Env::Default()).ok());
    SeedOptions seed;
    seed.dsn = dsn;
    seed.products = products;
    seed.customers = customers;
    auto r = SeedDemo(seed);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }

  std::string QueryOne(const std::string& dsn, const std::string& sql) {
    auto conn = PgConnection::Connect(dsn);
    EXPECT_TRUE(conn.ok()) << conn.status().ToString();
    if (!conn.ok()) return "";
    auto r = (*conn)->Query("test query", sql);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok() || r->rows() == 0) return "";
    return std::string(r->Get(0, 0));
  }

  std::map<DemoTable, int64_t> RowCounts(const std::string& dsn) {
    std::map<DemoTable, int64_t> out;
    for (int t = 0; t < kDemoTableCount; ++t) {
      const auto table = static_cast<DemoTable>(t);
      out[table] = std::stoll(QueryOne(dsn, "select count(*) from demo." + std::string(DemoTableName(table))));
    }
    return out;
  }

  std::string admin_dsn_;
  std::string db_dsn_;
  std::vector<std::string> databases_;
};

TEST_F(WorkloadGeneratorPgTest, SchemaAndSeedAreIdempotentAndDeterministic) {
  ApplyAndSeed(db_dsn_, 120, 400);
  ASSERT_TRUE(ApplyDemoSchema(db_dsn_, DemoSqlFiles(LH_SQL_SOURCE_DIR), Env::Default()).ok());
  SeedOptions again;
  again.dsn = db_dsn_;
  again.products = 120;
  again.customers = 400;
  auto second = SeedDemo(again);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->products_inserted, 0);
  EXPECT_EQ(second->customers_inserted, 0);

  EXPECT_EQ(QueryOne(db_dsn_, "select count(*) from demo.provinces"), "63");
  EXPECT_EQ(QueryOne(db_dsn_, "select count(*) from demo.categories"), "12");
  EXPECT_EQ(QueryOne(db_dsn_, "select count(*) from demo.products"), "120");
  EXPECT_EQ(QueryOne(db_dsn_, "select count(*) from demo.customers"), "400");
  EXPECT_EQ(QueryOne(db_dsn_, "select name from demo.provinces where code = '79'"), "Thành phố Hồ Chí Minh");
  const std::string names = QueryOne(db_dsn_, "select string_agg(full_name, ',') from demo.customers");
  EXPECT_TRUE(IsValidUtf8(names));
  EXPECT_TRUE(HasNonAscii(names));
  // Large bios went out of line (storage EXTERNAL): the TOAST table has rows.
  EXPECT_NE(QueryOne(db_dsn_, "select count(*) from demo.customers where octet_length(bio) > 3000"), "0");

  // The same seed on another fresh database gives the same rows.
  const std::string other = CreateDatabase();
  ApplyAndSeed(other, 120, 400);
  const std::string digest =
      "select md5(string_agg(concat_ws('|', c.full_name, c.email, c.phone, c.address, c.bio), ',' order by c.id)) "
      "from demo.customers c";
  const std::string products =
      "select md5(string_agg(concat_ws('|', sku, name, price_vnd, price_usd, attributes, tags), ',' order by sku)) "
      "from demo.products";
  EXPECT_EQ(QueryOne(db_dsn_, digest), QueryOne(other, digest));
  EXPECT_EQ(QueryOne(db_dsn_, products), QueryOne(other, products));
}

TEST_F(WorkloadGeneratorPgTest, ArrayLiteralsRoundTripThroughTheServer) {
  const std::string tricky[] = {"Phở bò, \"đặc biệt\" {lớn}", "C:\\đường", "NULL", "", "Nón lá; drop table x"};
  std::string literal = "{";
  for (const std::string& s : tricky) AppendArrayText(&literal, s);
  literal += "}";
  auto conn = PgConnection::Connect(db_dsn_);
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  auto r = (*conn)->Query("unnest", "select u, u is null from unnest($1::text[]) u", {literal.c_str()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows(), 5);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(r->Get(i, 0), tricky[i]);
    EXPECT_EQ(r->Get(i, 1), "f");
  }
}

TEST_F(WorkloadGeneratorPgTest, RunsAtTheRequestedRateAndReportsWhatChanged) {
  ApplyAndSeed(db_dsn_, 100, 300);
  const auto before = RowCounts(db_dsn_);

  WorkloadOptions options;
  options.dsn = db_dsn_;
  options.rate_per_sec = 500;
  options.duration_sec = 2;
  options.progress_interval_sec = 0.5;
  int progress_calls = 0;
  auto report = RunWorkload(options, Env::Default(), [&](const WorkloadReport& r) {
    ++progress_calls;
    EXPECT_FALSE(r.finished);
  });
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const auto after = RowCounts(db_dsn_);
  std::cout << report->ToString();

  EXPECT_TRUE(report->finished);
  EXPECT_GE(progress_calls, 2);
  EXPECT_GE(report->counts.changes, 800);   // 2 s at 500/s, less at most the last batch
  EXPECT_LE(report->counts.changes, 1100);
  EXPECT_NEAR(report->changes_per_sec(), 500, 75);
  EXPECT_GT(report->counts.transactions, 20);  // ~25 changes per transaction

  int64_t by_table = 0;
  for (int t = 0; t < kDemoTableCount; ++t) {
    const auto table = static_cast<DemoTable>(t);
    const TableCounts& c = report->counts.table(table);
    EXPECT_EQ(after.at(table) - before.at(table), c.net_rows()) << DemoTableName(table);
    by_table += c.inserted + c.updated + c.deleted;
  }
  EXPECT_EQ(by_table, report->counts.changes);
  int64_t by_kind = 0;
  for (int k = 0; k < kChangeKindCount; ++k) {
    EXPECT_GT(report->counts.operations[k], 0) << ChangeKindName(static_cast<ChangeKind>(k));
    by_kind += report->counts.rows[k];
  }
  EXPECT_EQ(by_kind, report->counts.changes);

  // Every order's total is the sum of its lines, and no line or payment is orphaned.
  EXPECT_EQ(QueryOne(db_dsn_,
                     "select count(*) from demo.orders o where total_vnd <> "
                     "(select coalesce(sum(line_total_vnd), 0) from demo.order_items i where i.order_id = o.id)"),
            "0");
  EXPECT_EQ(QueryOne(db_dsn_, "select count(*) from demo.orders o where not exists "
                              "(select 1 from demo.payments p where p.order_id = o.id)"),
            "0");
}

TEST_F(WorkloadGeneratorPgTest, RequestStopEndsAnOpenEndedRunCleanly) {
  ApplyAndSeed(db_dsn_, 50, 100);
  WorkloadOptions options;
  options.dsn = db_dsn_;
  options.rate_per_sec = 2000;
  options.duration_sec = 0;  // until stopped
  WorkloadGenerator generator(options, Env::Default());
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    generator.RequestStop();
  });
  auto report = generator.Run();
  stopper.join();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->finished);
  EXPECT_GT(report->counts.changes, 0);
  EXPECT_LT(report->elapsed_sec, 5);
}

TEST_F(WorkloadGeneratorPgTest, MissingSchemaIsFailedPrecondition) {
  WorkloadOptions options;
  options.dsn = db_dsn_;
  options.duration_sec = 1;
  auto report = RunWorkload(options, Env::Default());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kFailedPrecondition) << report.status().ToString();
  EXPECT_NE(report.status().message().find("demo_schema.sql"), std::string::npos);
}

TEST_F(WorkloadGeneratorPgTest, SqlErrorNamesTheOperationAndTheServerMessage) {
  ApplyAndSeed(db_dsn_, 50, 100);
  auto conn = PgConnection::Connect(db_dsn_);
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  ASSERT_TRUE((*conn)->Exec("add failing constraint", "alter table demo.orders add constraint "
                            "lh_test_no_new_orders check (total_vnd < 0) not valid").ok());
  WorkloadOptions options;
  options.dsn = db_dsn_;
  options.rate_per_sec = 1000;
  options.duration_sec = 2;
  auto report = RunWorkload(options, Env::Default());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kIOError) << report.status().ToString();
  EXPECT_NE(report.status().message().find("order_insert"), std::string::npos) << report.status().ToString();
  EXPECT_NE(report.status().message().find("lh_test_no_new_orders"), std::string::npos);
}

}  // namespace
}  // namespace lakehouse::workload
