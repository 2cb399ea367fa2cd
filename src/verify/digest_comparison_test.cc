#include "verify/digest_comparison.h"

#include <gtest/gtest.h>

namespace lakehouse::verify {
namespace {

constexpr Lsn kCut = 1000;

// Rows are (id, name, price); the key is id.
class DigestComparisonTest : public ::testing::Test {
 protected:
  DigestComparisonTest() {
    source_.table.schema = "demo";
    source_.table.table = "products";
    source_.table.key_columns = {"id"};
    source_.columns = {{"id", ColumnTypeFromPg("bigint")},
                       {"name", ColumnTypeFromPg("text")},
                       {"price", ColumnTypeFromPg("numeric(10,2)")}};
    source_.table.columns = source_.columns;
    source_.snapshot_lsn = kCut;
    source_.exact_cut = true;
    silver_.table_uri = "s3://lake/silver_rt/demo_products";
    silver_.version = 3;
  }

  void Source(const std::string& id, const std::string& name, const std::string& price) {
    source_.rows[EncodeKey({id})] = RowChecksum::Of({id, name, price});
  }
  void Silver(const std::string& id, const std::string& name, const std::string& price, Lsn lsn) {
    silver_.rows[EncodeKey({id})] = SilverRow{RowChecksum::Of({id, name, price}), lsn, false};
    ++silver_.live_rows;
    silver_.max_lsn = std::max(silver_.max_lsn, lsn);
  }
  void Tombstone(const std::string& id, Lsn lsn) {
    silver_.rows[EncodeKey({id})] = SilverRow{RowDigest(), lsn, true};
    silver_.max_lsn = std::max(silver_.max_lsn, lsn);
  }
  VerifyReport Compare(size_t max_listed = 20) { return CompareDigests(source_, silver_, max_listed); }

  SourceSnapshot source_;
  SilverSnapshot silver_;
};

TEST_F(DigestComparisonTest, EqualTablesAreOk) {
  Source("1", "Phở bò", "45000.00");
  Source("2", "Bún chả", "40000.00");
  Silver("1", "Phở bò", "45000.00", 10);
  Silver("2", "Bún chả", "40000.00", 20);
  Tombstone("3", 30);  // deleted before the snapshot and absent at the source: fine
  VerifyReport r = Compare();
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(r.table, "demo.products");
  EXPECT_EQ(r.source_rows, 2);
  EXPECT_EQ(r.silver_rows, 2);
  EXPECT_EQ(r.compared_rows, 2);
  EXPECT_EQ(r.skipped_rows, 0);
  EXPECT_EQ(r.silver_version, 3);
  EXPECT_EQ(r.snapshot_lsn, kCut);
}

TEST_F(DigestComparisonTest, NamesMissingExtraAndDifferentKeys) {
  Source("1", "a", "1.00");
  Source("2", "b", "2.00");
  Source("4", "d", "4.00");
  Silver("1", "a", "1.50", 10);  // changed by hand
  Tombstone("2", 20);            // deleted in Silver, alive at the source
  Silver("5", "e", "5.00", 50);  // never in the source
  VerifyReport r = Compare();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.missing_count, 2);
  EXPECT_EQ(r.missing, (std::vector<std::string>{"id=2", "id=4"}));
  EXPECT_EQ(r.extra, (std::vector<std::string>{"id=5"}));
  ASSERT_EQ(r.different.size(), 1u);
  EXPECT_EQ(r.different[0], (KeyDifference{"id=1", "price"}));
  const std::string text = r.ToString();
  EXPECT_NE(text.find("MISMATCH"), std::string::npos);
  EXPECT_NE(text.find("id=1 (first differing column: price)"), std::string::npos) << text;
  EXPECT_EQ(r.ToJson()["different"][0]["key"], "id=1");
  EXPECT_EQ(r.ToJson()["ok"], false);
}

TEST_F(DigestComparisonTest, KeysChangedAtOrAfterTheSnapshotAreSkippedOnBothSides) {
  Source("1", "old", "1.00");
  Silver("1", "new", "1.00", kCut);      // updated after the snapshot (LSN == cut counts as after)
  Source("2", "gone later", "2.00");
  Tombstone("2", kCut + 5);              // deleted after the snapshot
  Silver("3", "inserted later", "3.00", kCut + 9);  // inserted after the snapshot
  Source("4", "same", "4.00");
  Silver("4", "same", "4.00", kCut - 1);
  VerifyReport r = Compare();
  EXPECT_TRUE(r.ok()) << r.ToString();
  EXPECT_EQ(r.skipped_rows, 3);
  EXPECT_EQ(r.compared_rows, 1);
}

TEST_F(DigestComparisonTest, ListsAreCappedButCountsExact) {
  for (int i = 1; i <= 30; ++i) Source(std::to_string(i), "x", "1.00");
  VerifyReport r = Compare(/*max_listed=*/5);
  EXPECT_EQ(r.missing_count, 30);
  EXPECT_EQ(r.missing, (std::vector<std::string>{"id=1", "id=2", "id=3", "id=4", "id=5"}));
  EXPECT_NE(r.ToString().find("... and 25 more"), std::string::npos);
}

TEST_F(DigestComparisonTest, DuplicateSilverKeysAreReported) {
  Source("1", "a", "1.00");
  Silver("1", "a", "1.00", 10);
  silver_.duplicate_keys.push_back(EncodeKey({"1"}));
  VerifyReport r = Compare();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.duplicates, (std::vector<std::string>{"id=1"}));
}

TEST_F(DigestComparisonTest, MissingColumnsFailTheReport) {
  VerifyReport r = Compare();
  EXPECT_TRUE(r.ok());
  r.missing_columns = {"note"};
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.ToString().find("source columns missing in Silver: note"), std::string::npos);
}

}  // namespace
}  // namespace lakehouse::verify
