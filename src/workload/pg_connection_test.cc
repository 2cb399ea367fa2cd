#include "workload/pg_connection.h"

#include <gtest/gtest.h>

namespace lakehouse::workload {
namespace {

TEST(PgConnectionTest, RefusedConnectionIsUnavailableAndNamesTheTarget) {
  // Port 1 on loopback: nothing listens there, so the refusal is immediate.
  auto conn = PgConnection::Connect("host=127.0.0.1 port=1 dbname=shop user=app connect_timeout=2");
  ASSERT_FALSE(conn.ok());
  EXPECT_TRUE(conn.status().IsUnavailable()) << conn.status().ToString();
  EXPECT_NE(conn.status().message().find("127.0.0.1:1/shop"), std::string::npos) << conn.status().ToString();
}

TEST(PgConnectionTest, UnparsableDsnIsInvalidArgument) {
  auto conn = PgConnection::Connect("host=127.0.0.1 bogus_option=1");
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.status().code(), StatusCode::kInvalidArgument) << conn.status().ToString();
}

TEST(PgConnectionTest, DescribeDsnHandlesKeywordsAndUris) {
  EXPECT_EQ(DescribeDsn("host=db.local port=6543 dbname=shop"), "db.local:6543/shop");
  EXPECT_EQ(DescribeDsn("postgresql://u@10.1.2.3:5544/orders"), "10.1.2.3:5544/orders");
}

TEST(PgConnectionTest, DsnWithDatabaseReplacesOnlyTheDatabase) {
  auto dsn = DsnWithDatabase("postgresql://app:s3cr'et@127.0.0.1:47432/postgres?sslmode=disable", "lh_test_1");
  ASSERT_TRUE(dsn.ok()) << dsn.status().ToString();
  EXPECT_EQ(DescribeDsn(*dsn), "127.0.0.1:47432/lh_test_1");
  EXPECT_NE(dsn->find("sslmode='disable'"), std::string::npos) << *dsn;
  EXPECT_NE(dsn->find("password='s3cr\\'et'"), std::string::npos) << *dsn;
  EXPECT_FALSE(DsnWithDatabase("nonsense_key=1", "x").ok());
}

}  // namespace
}  // namespace lakehouse::workload
