#include "lake/log_segment.h"

#include <gtest/gtest.h>

namespace lakehouse {
namespace {

const std::string kPrefix = "t/_delta_log/";
const std::string kUri = "s3://b/t/_delta_log/";

std::vector<ObjectInfo> Listing(const std::vector<std::string>& names) {
  std::vector<ObjectInfo> objects;
  int64_t t = 1000;
  for (const auto& name : names) objects.push_back({kPrefix + name, 10, t++});
  return objects;
}

std::vector<std::string> CommitNames(const LogSegment& s) {
  std::vector<std::string> names;
  for (const auto& c : s.commits) names.push_back(c.key.substr(kPrefix.size()));
  return names;
}

TEST(LogSegmentTest, ReplaysFromZeroWithoutCheckpoint) {
  auto s = LogSegment::FromListing(Listing({DeltaCommitFileName(0), DeltaCommitFileName(1), "_last_checkpoint",
                                            "00000000000000000001.crc"}),
                                   kPrefix, kUri);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_FALSE(s->checkpoint);
  EXPECT_EQ(s->version, 1);
  EXPECT_EQ(CommitNames(*s), (std::vector<std::string>{DeltaCommitFileName(0), DeltaCommitFileName(1)}));
  ASSERT_TRUE(s->version_commit);
  EXPECT_EQ(s->version_commit->key, kPrefix + DeltaCommitFileName(1));
}

TEST(LogSegmentTest, StartsAtNewestCompleteCheckpoint) {
  auto s = LogSegment::FromListing(
      Listing({DeltaCheckpointFileName(2), DeltaCommitFileName(2), DeltaCommitFileName(3),
               DeltaMultiPartCheckpointFileName(4, 1, 2), DeltaMultiPartCheckpointFileName(4, 2, 2),
               DeltaCommitFileName(4), DeltaCommitFileName(5), DeltaMultiPartCheckpointFileName(5, 1, 2),
               DeltaCommitFileName(6)}),
      kPrefix, kUri);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(s->checkpoint);
  EXPECT_EQ(s->checkpoint->version, 4);
  EXPECT_EQ(s->checkpoint->type, DeltaLogFileType::kMultiPartCheckpoint);
  ASSERT_EQ(s->checkpoint->files.size(), 2u);
  EXPECT_EQ(s->checkpoint->files[1].key, kPrefix + DeltaMultiPartCheckpointFileName(4, 2, 2));
  EXPECT_EQ(CommitNames(*s), (std::vector<std::string>{DeltaCommitFileName(5), DeltaCommitFileName(6)}));
  EXPECT_EQ(s->version, 6);
  ASSERT_EQ(s->warnings.size(), 1u);
  EXPECT_NE(s->warnings[0].find("1 of 2 parts"), std::string::npos) << s->warnings[0];
}

TEST(LogSegmentTest, CheckpointWithoutLaterCommits) {
  auto s = LogSegment::FromListing(Listing({DeltaCheckpointFileName(7), DeltaCommitFileName(7)}), kPrefix, kUri);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 7);
  EXPECT_TRUE(s->commits.empty());
  ASSERT_TRUE(s->version_commit);  // read for its commitInfo only
  // Metadata cleanup may even have removed the commit itself.
  auto bare = LogSegment::FromListing(Listing({DeltaCheckpointFileName(7)}), kPrefix, kUri);
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->version, 7);
  EXPECT_FALSE(bare->version_commit);
}

TEST(LogSegmentTest, PrefersClassicOverUuidAtTheSameVersion) {
  auto s = LogSegment::FromListing(
      Listing({"00000000000000000003.checkpoint.80a083e8-7026-4e79-81be-64bd76c43a11.json", DeltaCheckpointFileName(3),
               DeltaCommitFileName(3)}),
      kPrefix, kUri);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->checkpoint->type, DeltaLogFileType::kCheckpoint);
}

TEST(LogSegmentTest, EmptyListingIsNotFound) {
  auto s = LogSegment::FromListing(Listing({"_last_checkpoint", "junk.txt"}), kPrefix, kUri);
  EXPECT_TRUE(s.status().IsNotFound()) << s.status().ToString();
  EXPECT_NE(s.status().message().find(kUri), std::string::npos);
}

TEST(LogSegmentTest, GapsAndMissingStartAreCorruption) {
  auto gap = LogSegment::FromListing(
      Listing({DeltaCommitFileName(0), DeltaCommitFileName(1), DeltaCommitFileName(3)}), kPrefix, kUri);
  EXPECT_EQ(gap.status().code(), StatusCode::kCorruption);
  EXPECT_NE(gap.status().message().find(DeltaCommitFileName(2)), std::string::npos) << gap.status().ToString();

  auto cleaned = LogSegment::FromListing(Listing({DeltaCommitFileName(5), DeltaCommitFileName(6)}), kPrefix, kUri);
  EXPECT_EQ(cleaned.status().code(), StatusCode::kCorruption);
  EXPECT_NE(cleaned.status().message().find("version 0"), std::string::npos) << cleaned.status().ToString();

  auto after_checkpoint = LogSegment::FromListing(
      Listing({DeltaCheckpointFileName(2), DeltaCommitFileName(2), DeltaCommitFileName(4)}), kPrefix, kUri);
  EXPECT_EQ(after_checkpoint.status().code(), StatusCode::kCorruption);
  EXPECT_NE(after_checkpoint.status().message().find(DeltaCommitFileName(3)), std::string::npos);
}

TEST(LogSegmentTest, IgnoresKeysOutsideThePrefix) {
  std::vector<ObjectInfo> objects = Listing({DeltaCommitFileName(0)});
  objects.push_back({"t/_delta_log_backup/" + DeltaCommitFileName(1), 1, 1});
  objects.push_back({kPrefix + "_sidecars/" + DeltaCommitFileName(2), 1, 1});
  auto s = LogSegment::FromListing(objects, kPrefix, kUri);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->version, 0);
}

}  // namespace
}  // namespace lakehouse
