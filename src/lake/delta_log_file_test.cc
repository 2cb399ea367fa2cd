#include "lake/delta_log_file.h"

#include <gtest/gtest.h>

namespace lakehouse {
namespace {

TEST(DeltaLogFileTest, BuildsPaddedNames) {
  EXPECT_EQ(DeltaVersionPrefix(42), "00000000000000000042");
  EXPECT_EQ(DeltaCommitFileName(0), "00000000000000000000.json");
  EXPECT_EQ(DeltaCheckpointFileName(10), "00000000000000000010.checkpoint.parquet");
  EXPECT_EQ(DeltaMultiPartCheckpointFileName(10, 2, 3),
            "00000000000000000010.checkpoint.0000000002.0000000003.parquet");
}

TEST(DeltaLogFileTest, ParsesEveryKnownKind) {
  auto commit = ParseDeltaLogFileName("00000000000000000042.json");
  ASSERT_TRUE(commit);
  EXPECT_EQ(commit->type, DeltaLogFileType::kCommit);
  EXPECT_EQ(commit->version, 42);

  auto classic = ParseDeltaLogFileName("00000000000000000010.checkpoint.parquet");
  ASSERT_TRUE(classic);
  EXPECT_EQ(classic->type, DeltaLogFileType::kCheckpoint);
  EXPECT_EQ(classic->version, 10);

  auto part = ParseDeltaLogFileName("00000000000000000010.checkpoint.0000000002.0000000003.parquet");
  ASSERT_TRUE(part);
  EXPECT_EQ(part->type, DeltaLogFileType::kMultiPartCheckpoint);
  EXPECT_EQ(part->part, 2);
  EXPECT_EQ(part->num_parts, 3);

  auto uuid = ParseDeltaLogFileName("00000000000000000010.checkpoint.80a083e8-7026-4e79-81be-64bd76c43a11.json");
  ASSERT_TRUE(uuid);
  EXPECT_EQ(uuid->type, DeltaLogFileType::kUuidCheckpoint);
  EXPECT_TRUE(uuid->json);

  auto compaction = ParseDeltaLogFileName("00000000000000000004.00000000000000000006.compacted.json");
  ASSERT_TRUE(compaction);
  EXPECT_EQ(compaction->type, DeltaLogFileType::kCompaction);
  EXPECT_EQ(compaction->end_version, 6);

  EXPECT_EQ(ParseDeltaLogFileName("00000000000000000042.crc")->type, DeltaLogFileType::kChecksum);
  EXPECT_EQ(ParseDeltaLogFileName("_last_checkpoint")->type, DeltaLogFileType::kLastCheckpoint);
}

TEST(DeltaLogFileTest, RejectsLookAlikes) {
  for (const char* name : {
           "0000000000000000042.json",                                    // 19 digits
           "000000000000000000042.json",                                  // 21 digits
           "00000000000000000042.json.tmp",                               // temp file
           ".00000000000000000042.json.crc",                              // Hadoop checksum file
           "00000000000000000042.checkpoint.0000000004.0000000003.parquet",  // part > parts
           "00000000000000000042.checkpoint.0000000000.0000000003.parquet",  // part 0
           "00000000000000000042.checkpoint.not-a-uuid.json",
           "00000000000000000006.00000000000000000004.compacted.json",   // end before start
           "_sidecars/3a0d65cd-4056-49b8-937b-95f9e3ee90e5.parquet",
           "",
       }) {
    EXPECT_FALSE(ParseDeltaLogFileName(name)) << name;
  }
}

}  // namespace
}  // namespace lakehouse
