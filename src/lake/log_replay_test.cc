#include "lake/log_replay.h"

#include <gtest/gtest.h>

namespace lakehouse {
namespace {

AddFile Add(const std::string& path, int64_t size, std::optional<int64_t> records,
            std::optional<int64_t> dv_cardinality = std::nullopt) {
  AddFile add;
  add.path = path;
  add.size = size;
  add.num_records = records;
  if (dv_cardinality) add.deletion_vector = DeletionVectorRef{"u", "dv-" + path, 1, 10, *dv_cardinality};
  return add;
}

RemoveFile Remove(const std::string& path, std::optional<DeletionVectorRef> dv = std::nullopt) {
  return RemoveFile{path, 0, dv};
}

class LogReplayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    replay_.Apply(ProtocolAction{1, 2, {}, {}});
    MetadataAction m;
    m.id = "t1";
    m.configuration = {{"a", "1"}};
    replay_.Apply(m);
  }
  DeltaSnapshot Finish() {
    DeltaSnapshot s;
    Status status = replay_.Finish("test", &s);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return s;
  }
  LogReplay replay_;
};

TEST_F(LogReplayTest, AddThenRemoveAndReAdd) {
  replay_.Apply(Add("a", 10, 1));
  replay_.Apply(Add("b", 20, 2));
  replay_.Apply(Remove("a"));
  replay_.Apply(Add("b", 25, 3));  // same key: the newer add wins (e.g. recomputed stats)
  DeltaSnapshot s = Finish();
  ASSERT_EQ(s.files.size(), 1u);
  EXPECT_EQ(s.files[0].path, "b");
  EXPECT_EQ(s.num_files, 1);
  EXPECT_EQ(s.total_bytes, 25);
  EXPECT_EQ(s.num_records, 3);
}

TEST_F(LogReplayTest, DeletionVectorSwapIsOrderIndependentWithinACommit) {
  replay_.Apply(Add("a", 10, 100));
  // The commit that adds a DV: add (a, dv) and remove (a, NULL), in either order.
  AddFile with_dv = Add("a", 10, 100, 7);
  replay_.Apply(with_dv);
  replay_.Apply(Remove("a"));
  DeltaSnapshot s = Finish();
  ASSERT_EQ(s.files.size(), 1u);
  EXPECT_EQ(s.files[0].deleted_records, 7);
  EXPECT_EQ(s.num_records, 93);
  EXPECT_EQ(s.num_deleted_records, 7);
  // Removing the DV-keyed entry takes the file out.
  replay_.Apply(Remove("a", with_dv.deletion_vector));
  EXPECT_EQ(Finish().num_files, 0);
}

TEST_F(LogReplayTest, FilesWithoutStatsAreCounted) {
  replay_.Apply(Add("a", 10, 5));
  replay_.Apply(Add("b", 10, std::nullopt));
  DeltaSnapshot s = Finish();
  EXPECT_EQ(s.num_records, 5);
  EXPECT_EQ(s.files_without_stats, 1);
  EXPECT_FALSE(s.num_records_exact());
}

TEST_F(LogReplayTest, LatestMetadataProtocolAndTxnWin) {
  MetadataAction m;
  m.id = "t1";
  m.configuration = {{"a", "2"}};
  replay_.Apply(m);
  replay_.Apply(ProtocolAction{3, 7, {"deletionVectors"}, {"deletionVectors"}});
  replay_.Apply(TxnAction{"app", 5});
  replay_.Apply(TxnAction{"app", 4});  // versions may go down ("Transaction Identifiers")
  replay_.Apply(TxnAction{"other", 1});
  DeltaSnapshot s = Finish();
  EXPECT_EQ(s.properties.at("a"), "2");
  EXPECT_EQ(s.min_reader_version, 3);
  EXPECT_EQ(s.app_transaction_versions.at("app"), 4);
  EXPECT_EQ(s.app_transaction_versions.at("other"), 1);
}

TEST_F(LogReplayTest, CommitInfoIsPerCommit) {
  replay_.Apply(CommitInfoAction{100, std::nullopt, "WRITE"});
  EXPECT_EQ(replay_.last_commit_info()->timestamp_ms, 100);
  replay_.StartCommit();
  EXPECT_FALSE(replay_.last_commit_info());
}

TEST(LogReplayNoMetadataTest, FinishWithoutProtocolOrMetadataIsCorruption) {
  LogReplay replay;
  DeltaSnapshot s;
  EXPECT_EQ(replay.Finish("t", &s).code(), StatusCode::kCorruption);
  replay.Apply(ProtocolAction{1, 2, {}, {}});
  Status status = replay.Finish("s3://b/t at version 3", &s);
  EXPECT_EQ(status.code(), StatusCode::kCorruption);
  EXPECT_NE(status.message().find("s3://b/t at version 3"), std::string::npos);
  EXPECT_NE(status.message().find("metaData"), std::string::npos);
}

}  // namespace
}  // namespace lakehouse
