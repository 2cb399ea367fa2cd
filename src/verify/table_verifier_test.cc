#include "verify/table_verifier.h"

#include <gtest/gtest.h>

#include "lake/in_memory_object_store.h"
#include "verify/verify_test_util.h"

namespace lakehouse::verify {
namespace {

constexpr char kBucket[] = "lakehouse";
constexpr char kPrefix[] = "silver_rt/demo_items";
constexpr Lsn kCut = 1000;

// Silver rows are (id, qty, _lsn, _is_deleted); the source is demo.items (id, qty).
class TableVerifierTest : public ::testing::Test {
 protected:
  TableVerifierTest() : silver_table_(&store_, kBucket, kPrefix), reader_(&store_, kBucket, kPrefix) {
    store_.CreateBucket(kBucket);
    source_table_.schema = "demo";
    source_table_.table = "items";
    source_table_.key_columns = {"id"};
    source_table_.columns = {{"id", ColumnTypeFromPg("bigint")}, {"qty", ColumnTypeFromPg("integer")}};
    options_.env = &env_;
    options_.timeout_ms = 10'000;
    options_.poll_interval_ms = 1'000;
  }

  // One Silver commit adding a file of (id, qty, _lsn, _is_deleted) rows and
  // removing the files in `replaces` (as a MERGE rewrites them). Returns the file.
  std::string SilverCommit(const std::vector<std::tuple<int, int, Lsn, bool>>& rows,
                           const std::vector<std::string>& replaces = {}) {
    std::string ids = "[", qtys = "[", lsns = "[", deleted = "[";
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& [id, qty, lsn, del] = rows[i];
      const char* sep = i == 0 ? "" : ",";
      ids += sep + std::to_string(id);
      qtys += sep + (del ? std::string("null") : std::to_string(qty));
      lsns += sep + std::to_string(lsn);
      deleted += sep + std::string(del ? "true" : "false");
    }
    auto schema = arrow::schema({arrow::field("id", arrow::int64()), arrow::field("qty", arrow::int32()),
                                 arrow::field("_lsn", arrow::int64()), arrow::field("_is_deleted", arrow::boolean())});
    return silver_table_.Append(MakeArrowTable(schema, {ids + "]", qtys + "]", lsns + "]", deleted + "]"}), replaces);
  }

  SourceSnapshot Source(const std::vector<std::pair<int, int>>& rows, bool exact_cut = true) {
    std::vector<PgRow> text;
    for (const auto& [id, qty] : rows) text.push_back({std::to_string(id), std::to_string(qty)});
    return SourceFromPgText(source_table_, text, kCut, exact_cut);
  }

  VerifyReport Verify(const SourceSnapshot& source) {
    TableVerifier verifier(&reader_, options_);
    auto report = verifier.Verify(source);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : VerifyReport();
  }

  InMemoryObjectStore store_;
  TestDeltaTable silver_table_;
  SilverReader reader_;
  SourceTable source_table_;
  ManualClockEnv env_;
  TableVerifierOptions options_;
};

TEST_F(TableVerifierTest, CleanComparisonReturnsAtOnce) {
  SilverCommit({{1, 10, 100, false}, {2, 20, 200, false}});
  VerifyReport r = Verify(Source({{1, 10}, {2, 20}}));
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(r.silver_reads, 1);
  EXPECT_EQ(env_.sleeps, 0);
  EXPECT_FALSE(r.silver_caught_up);  // quiet table: nothing proves it, nothing needs to
}

TEST_F(TableVerifierTest, ChangesAfterTheSnapshotAreSkippedWhileTheGeneratorRuns) {
  // The source snapshot saw ids 1-3 at cut 1000. By the time Silver is read it
  // has also applied later changes: id 1 updated, id 2 deleted, id 4 inserted.
  const std::string first = SilverCommit({{1, 10, 100, false}, {2, 20, 200, false}, {3, 30, 300, false}});
  SilverCommit({{1, 11, 1005, false}, {2, 0, 1010, true}, {3, 30, 300, false}, {4, 40, 1020, false}}, {first});
  VerifyReport r = Verify(Source({{1, 10}, {2, 20}, {3, 30}}));
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(r.compared_rows, 1);
  EXPECT_EQ(r.skipped_rows, 3);
  EXPECT_TRUE(r.silver_caught_up);
  EXPECT_EQ(r.silver_max_lsn, 1020u);
}

TEST_F(TableVerifierTest, WaitsForALaggingSilverToCatchUp) {
  SilverCommit({{1, 10, 100, false}});
  int polls = 0;
  env_.on_sleep = [&] {
    // The Silver job applies the change to id 2 (LSN 900 < cut) two polls later.
    if (++polls == 2) SilverCommit({{2, 20, 900, false}});
  };
  VerifyReport r = Verify(Source({{1, 10}, {2, 20}}));
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(r.silver_reads, 3);
  EXPECT_EQ(env_.sleeps, 2);
}

TEST_F(TableVerifierTest, MismatchIsFinalOnceSilverProvablyPassedTheSnapshot) {
  // id 1 changed by hand in Silver (its _lsn untouched); a later change to id 9
  // (LSN >= cut) proves Silver applied everything before the cut.
  SilverCommit({{1, 99, 100, false}, {2, 20, 200, false}, {9, 90, 1500, false}});
  VerifyReport r = Verify(Source({{1, 10}, {2, 20}}));
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.silver_caught_up);
  EXPECT_EQ(env_.sleeps, 0);
  ASSERT_EQ(r.different.size(), 1u);
  EXPECT_EQ(r.different[0], (KeyDifference{"id=1", "qty"}));
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes.back().find("real"), std::string::npos);
}

TEST_F(TableVerifierTest, QuietTableMismatchIsReportedAfterTheTimeoutAsPossiblyLag) {
  SilverCommit({{1, 10, 100, false}});
  VerifyReport r = Verify(Source({{1, 10}, {2, 20}}));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.missing, std::vector<std::string>{"id=2"});
  EXPECT_FALSE(r.silver_caught_up);
  EXPECT_EQ(env_.sleeps, 10);  // timeout / poll interval
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes.back().find("did not provably reach"), std::string::npos) << r.ToString();
}

TEST_F(TableVerifierTest, HighWaterMarkProvesCatchUpForAQuietTable) {
  SilverCommit({{1, 10, 100, false}});
  options_.silver_high_water = []() -> Result<Lsn> { return kCut + 1; };
  VerifyReport r = Verify(Source({{1, 10}, {2, 20}}));
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.silver_caught_up);
  EXPECT_EQ(r.silver_high_water_lsn, kCut + 1);
  EXPECT_EQ(env_.sleeps, 0);
}

TEST_F(TableVerifierTest, UnorderedStreamDoesNotInferCatchUpFromData) {
  options_.ordered_stream = false;
  options_.timeout_ms = 3'000;
  SilverCommit({{1, 99, 100, false}, {9, 90, 1500, false}});
  VerifyReport r = Verify(Source({{1, 10}}));
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.silver_caught_up);
  EXPECT_EQ(env_.sleeps, 3);
}

TEST_F(TableVerifierTest, HighWaterErrorsAreNotedNotFatal) {
  SilverCommit({{1, 10, 100, false}});
  options_.silver_high_water = []() -> Result<Lsn> { return Status::Unavailable("silver job not running"); };
  VerifyReport r = Verify(Source({{1, 10}}));
  EXPECT_TRUE(r.ok());
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("silver job not running"), std::string::npos);
}

TEST_F(TableVerifierTest, WithoutExactCutAMismatchAfterCatchUpAsksForANewSnapshot) {
  SilverCommit({{1, 11, 900, false}, {9, 90, 1500, false}});
  VerifyReport r = Verify(Source({{1, 10}}, /*exact_cut=*/false));
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.exact_cut);
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes.back().find("retaken"), std::string::npos);
}

TEST_F(TableVerifierTest, WaitsForTheSilverTableToBeCreated) {
  env_.on_sleep = [&] {
    if (env_.sleeps == 1) SilverCommit({{1, 10, 100, false}});
  };
  VerifyReport r = Verify(Source({{1, 10}}));
  EXPECT_TRUE(r.ok()) << r.ToString();
}

TEST_F(TableVerifierTest, MissingSilverTableIsNotFoundAfterTheTimeout) {
  TableVerifier verifier(&reader_, options_);
  auto r = verifier.Verify(Source({{1, 10}}));
  EXPECT_TRUE(r.status().IsNotFound()) << r.status().ToString();
}

TEST_F(TableVerifierTest, WaitForSilverNeedsEvidence) {
  SilverCommit({{1, 10, 100, false}});
  TableVerifier verifier(&reader_, options_);
  Status s = verifier.WaitForSilver(Source({{1, 10}}), 3'000);
  EXPECT_TRUE(s.IsTimeout()) << s.ToString();
  EXPECT_NE(s.message().find("quiet table"), std::string::npos);
  env_.on_sleep = [&] { SilverCommit({{5, 50, kCut, false}}); };
  EXPECT_TRUE(verifier.WaitForSilver(Source({{1, 10}}), 3'000).ok());
}

}  // namespace
}  // namespace lakehouse::verify
