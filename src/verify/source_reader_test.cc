// SourceReader against a real PostgreSQL (SourceReaderPgTest, only when
// LAKEHOUSE_TEST_PG_DSN is set: each test creates and drops its own database),
// plus what can be checked without a server.
#include "verify/source_reader.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "common/pg_session.h"
#include "verify/pg_test_database.h"

namespace lakehouse::verify {
namespace {

TEST(SourceReaderTest, UnreachableServerIsUnavailable) {
  SourceReader reader({.conninfo = "host=127.0.0.1 port=1 connect_timeout=2 dbname=x", .where = "127.0.0.1:1/x"});
  auto table = reader.DescribeTable("demo", "t");
  EXPECT_TRUE(table.status().IsUnavailable()) << table.status().ToString();
  EXPECT_NE(table.status().message().find("127.0.0.1:1/x"), std::string::npos);
}

constexpr char kSchema[] = R"sql(
create schema demo;
create schema other;
create type demo.mood as enum ('vui', 'buồn');
create domain demo.money_vnd as numeric(18,0);
create table demo.tricky (
  id        bigint primary key,
  small     smallint,
  num       integer,
  price     numeric(20,2),
  vnd       demo.money_vnd,
  ratio     numeric,
  r         real,
  d         double precision,
  ok        boolean,
  name      text,
  code      varchar(10),
  ch        char(3),
  born      date,
  at        timestamptz,
  local_at  timestamp,
  attrs     jsonb,
  doc       json,
  tags      text[],
  prices    numeric(10,2)[],
  blob      bytea,
  u         uuid,
  mood      demo.mood
);
-- Values are given with a non-UTC session zone on purpose: the reader must set UTC itself.
set timezone = 'Asia/Ho_Chi_Minh';
insert into demo.tricky values
  (1, -32768, 2147483647, 999999999999999999.99, -123456789012345678, 1.2300, 0.1, 'NaN', true,
   E'Nguyễn Thị Minh Khai 🎉 "quoted" \\ back', 'abc', 'x', '1969-12-31', '1969-07-20 20:17:40.5+00',
   '9999-12-31 23:59:59.999999', '{"b": 1, "a": [1, 2.50]}', '{"b":1,  "a":2}',
   array['Hà Nội', null, 'a"b', ''], '{1.5,-2}', '\xdeadbeef', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'buồn'),
  (2, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
   null, null, null),
  (3, 0, -1, -0.01, 0, 100, '-0', '-Infinity', false, '', '', '', '0044-03-15 BC', '9999-12-31 23:59:59.999999+00',
   '1900-01-01 00:00:00', '[]', 'null', '{}', '{{1,2},{3,4}}', '\x', '00000000-0000-0000-0000-000000000000', 'vui');
create table demo.pairs (b int, a text, v text, primary key (b, a));
create table demo.nokey (v text);
create table other.elsewhere (id int primary key);
)sql";

const std::optional<std::string> kNull;

// The canonical forms SourceReader must produce for demo.tricky, by id.
std::map<std::string, std::vector<CanonicalValue>> ExpectedTricky() {
  return {
      {"1",
       {"1", "-32768", "2147483647", "999999999999999999.99", "-123456789012345678", "1.23", "0.1", "NaN", "t",
        "Nguyễn Thị Minh Khai 🎉 \"quoted\" \\ back", "abc", "x  ", "-1", "-14182939500000", "253402300799999999",
        R"({"a": [1, 2.50], "b": 1})", R"({"b":1,  "a":2})", R"(["Hà Nội",null,"a\"b",""])", R"(["1.50","-2.00"])",
        "deadbeef", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "buồn"}},
      {"2", {"2",   kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull,
             kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull, kNull}},
      {"3",
       {"3", "0", "-1", "-0.01", "0", "100", "-0", "-Infinity", "f", "", "", "   ",
        "-735160" /* 0044-03-15 BC: -(719162 + 44 * 365 + 11 leap days) + 73 */, "253402300799999999",
        "-2208988800000000", "[]", "null", "[]",
        R"([["1.00","2.00"],["3.00","4.00"]])", "", "00000000-0000-0000-0000-000000000000", "vui"}},
  };
}

class SourceReaderPgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string admin = PgTestDatabase::AdminDsn();
    if (admin.empty()) GTEST_SKIP() << "LAKEHOUSE_TEST_PG_DSN is not set";
    db_ = std::make_unique<PgTestDatabase>(admin);
    ASSERT_TRUE(db_->ok()) << db_->error();
    ASSERT_TRUE(Exec(kSchema).ok());
  }

  Status Exec(const std::string& sql) {
    auto session = PgSession::Connect(db_->dsn(), db_->name());
    if (!session.ok()) return session.status();
    Status s = session->Exec(sql);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return s;
  }

  SourceReaderOptions Options() { return {.conninfo = db_->dsn(), .where = db_->name()}; }

  SourceTable Describe(SourceReader* reader, const std::string& table) {
    auto t = reader->DescribeTable("demo", table);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : SourceTable();
  }

  std::unique_ptr<PgTestDatabase> db_;
};

TEST_F(SourceReaderPgTest, DescribesColumnsKeysAndDomains) {
  SourceReader reader(Options());
  SourceTable t = Describe(&reader, "tricky");
  EXPECT_EQ(t.key_columns, std::vector<std::string>{"id"});
  ASSERT_EQ(t.columns.size(), 22u);
  EXPECT_EQ(t.columns[3].name, "price");
  EXPECT_EQ(t.columns[3].type.pg_type, "numeric(20,2)");
  EXPECT_EQ(t.columns[4].type.pg_type, "numeric(18,0)");  // the domain's base type
  EXPECT_EQ(t.columns[4].type.scale, 0);
  EXPECT_EQ(t.columns[13].type.kind, ValueKind::kTimestampTz);
  EXPECT_EQ(t.columns[14].type.kind, ValueKind::kTimestamp);
  EXPECT_EQ(t.columns[18].type.kind, ValueKind::kArray);
  EXPECT_EQ(t.columns[18].type.scale, 2);
  EXPECT_EQ(t.columns[21].type.kind, ValueKind::kText);  // enum
  EXPECT_EQ(Describe(&reader, "pairs").key_columns, (std::vector<std::string>{"b", "a"}));

  auto nokey = reader.DescribeTable("demo", "nokey");
  EXPECT_EQ(nokey.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(nokey.status().message().find("demo.nokey"), std::string::npos);
  auto missing = reader.DescribeTable("demo", "nothing");
  EXPECT_TRUE(missing.status().IsNotFound()) << missing.status().ToString();
}

TEST_F(SourceReaderPgTest, ListsTablesOfTheGivenSchemas) {
  SourceReader reader(Options());
  auto tables = reader.ListTables({"demo"});
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  EXPECT_EQ(*tables, (std::vector<std::string>{"demo.nokey", "demo.pairs", "demo.tricky"}));
  EXPECT_EQ(reader.ListTables({"demo", "other"})->size(), 4u);
}

TEST_F(SourceReaderPgTest, ReadsTrickyTypesIntoCanonicalForms) {
  SourceReader reader(Options());
  SourceTable t = Describe(&reader, "tricky");
  auto snapshot = reader.ReadSnapshot(t);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_TRUE(snapshot->exact_cut);
  EXPECT_GT(snapshot->snapshot_lsn, 0u);
  ASSERT_EQ(snapshot->rows.size(), 3u);
  for (const auto& [id, values] : ExpectedTricky()) {
    ASSERT_EQ(values.size(), t.columns.size()) << "id " << id;
    auto it = snapshot->rows.find(EncodeKey({id}));
    ASSERT_NE(it, snapshot->rows.end()) << "id " << id;
    const RowDigest expected = RowChecksum::Of(values);
    const int column = FirstDifferingColumn(expected, it->second);
    const std::string where =
        column < 0 ? "?"
                   : t.columns[static_cast<size_t>(column)].name + " (expected " +
                         DescribeCanonical(values[static_cast<size_t>(column)]) + ")";
    EXPECT_EQ(it->second, expected) << "id " << id << " differs first in column " << where;
  }
  // The LSN is a position the server had reached.
  auto session = PgSession::Connect(db_->dsn(), db_->name());
  ASSERT_TRUE(session.ok());
  auto now = ParseLsn(*session->QueryValue("select pg_current_wal_insert_lsn()::text"));
  EXPECT_LE(snapshot->snapshot_lsn, *now);
}

TEST_F(SourceReaderPgTest, DigestsOnlyTheRequestedColumnsAndNeedsTheKey) {
  SourceReader reader(Options());
  SourceTable t = Describe(&reader, "tricky");
  auto snapshot = reader.ReadSnapshot(t, {"id", "price"});
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_EQ(snapshot->rows.at(EncodeKey({"3"})), RowChecksum::Of({"3", "-0.01"}));
  EXPECT_EQ(reader.ReadSnapshot(t, {"price"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reader.ReadSnapshot(t, {"id", "nope"}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SourceReaderPgTest, CompositeKeysAreEncodedInIndexOrder) {
  ASSERT_TRUE(Exec("insert into demo.pairs values (1, 'x', 'v1'), (2, 'Hà', null)").ok());
  SourceReader reader(Options());
  auto snapshot = reader.ReadSnapshot(Describe(&reader, "pairs"));
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_EQ(snapshot->rows.at(EncodeKey({"2", "Hà"})), RowChecksum::Of({"2", "Hà", std::nullopt}));
  EXPECT_EQ(DescribeKey(snapshot->table.key_columns, EncodeKey({"2", "Hà"})), "b=2, a='Hà'");
}

// The cut: the snapshot waits for an open writer, then sees its change, and
// its LSN lies after that writer's commit.
TEST_F(SourceReaderPgTest, SnapshotWaitsForOpenWritersAndCutsAfterTheirCommit) {
  auto writer = PgSession::Connect(db_->dsn(), db_->name());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Exec("begin; update demo.tricky set num = 7 where id = 2").ok());
  auto before_commit = ParseLsn(*writer->QueryValue("select pg_current_wal_insert_lsn()::text"));
  ASSERT_TRUE(before_commit.ok());

  SourceReader reader(Options());
  SourceTable t = Describe(&reader, "tricky");
  std::atomic<bool> done = false;
  Result<SourceSnapshot> snapshot = Status::Internal("not run");
  std::thread scan([&] {
    snapshot = reader.ReadSnapshot(t, {"id", "num"});
    done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_FALSE(done.load()) << "the snapshot did not wait for the open writer";
  ASSERT_TRUE(writer->Exec("commit").ok());
  scan.join();
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_TRUE(snapshot->exact_cut);
  EXPECT_EQ(snapshot->rows.at(EncodeKey({"2"})), RowChecksum::Of({"2", "7"}));
  EXPECT_GT(snapshot->snapshot_lsn, *before_commit);
}

TEST_F(SourceReaderPgTest, LongOpenWriterIsATimeout) {
  auto writer = PgSession::Connect(db_->dsn(), db_->name());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE(writer->Exec("begin; update demo.tricky set num = 8 where id = 2").ok());
  SourceReaderOptions options = Options();
  options.lock_timeout_ms = 200;
  SourceReader reader(options);
  auto snapshot = reader.ReadSnapshot(Describe(&reader, "tricky"));
  EXPECT_TRUE(snapshot.status().IsTimeout()) << snapshot.status().ToString();
  EXPECT_NE(snapshot.status().message().find("demo.tricky"), std::string::npos);

  // Without the lock the snapshot does not wait, and does not see the open change.
  options.lock_writers = false;
  SourceReader unlocked(options);
  auto quick = unlocked.ReadSnapshot(Describe(&unlocked, "tricky"), {"id", "num"});
  ASSERT_TRUE(quick.ok()) << quick.status().ToString();
  EXPECT_FALSE(quick->exact_cut);
  EXPECT_EQ(quick->rows.at(EncodeKey({"2"})), RowChecksum::Of({"2", std::nullopt}));
  ASSERT_TRUE(writer->Exec("rollback").ok());
}

TEST_F(SourceReaderPgTest, ReadOnlyRoleCannotTakeTheCut) {
  const std::string role = "lh_verify_ro_" + std::to_string(getpid());
  ASSERT_TRUE(Exec("drop role if exists " + role + "; create role " + role + " login password 'ro'; "
                   "grant usage on schema demo to " + role + "; grant select on all tables in schema demo to " + role)
                  .ok());
  SourceReaderOptions options = Options();
  options.conninfo = PgTestDatabase::WithOption(PgTestDatabase::WithOption(db_->dsn(), "user", role), "password", "ro");
  SourceReader reader(options);
  auto t = reader.DescribeTable("demo", "tricky");
  if (!t.ok() && t.status().IsUnavailable()) {
    (void)Exec("drop owned by " + role + "; drop role " + role);
    GTEST_SKIP() << "cannot log in as a second role here: " << t.status().ToString();
  }
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  auto snapshot = reader.ReadSnapshot(*t);
  EXPECT_EQ(snapshot.status().code(), StatusCode::kFailedPrecondition) << snapshot.status().ToString();
  EXPECT_NE(snapshot.status().message().find("UPDATE"), std::string::npos);
  options.lock_writers = false;
  EXPECT_TRUE(SourceReader(options).ReadSnapshot(*t).ok());
  ASSERT_TRUE(Exec("drop owned by " + role + "; drop role " + role).ok());
}

}  // namespace
}  // namespace lakehouse::verify
