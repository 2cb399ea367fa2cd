#include "lake/checkpoint_reader.h"

#include <gtest/gtest.h>

#include "common/env.h"
#include "lake/lake_test_util.h"

namespace lakehouse {
namespace {

std::string ReadFixture(const std::string& relative) {
  auto data = Env::Default()->ReadFile(LakeTestDataDir() + "/" + relative);
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return data.value_or("");
}

std::vector<DeltaAction> ReadAll(const std::string& data, Status* status) {
  std::vector<DeltaAction> actions;
  *status = CheckpointReader::ReadParquet(data, "fixture", [&](DeltaAction a) { actions.push_back(std::move(a)); });
  return actions;
}

template <typename T>
std::vector<T> OfType(const std::vector<DeltaAction>& actions) {
  std::vector<T> out;
  for (const auto& a : actions) {
    if (const T* t = std::get_if<T>(&a)) out.push_back(*t);
  }
  return out;
}

TEST(CheckpointReaderTest, DecodesClassicCheckpoint) {
  Status status;
  auto actions = ReadAll(ReadFixture("checkpointed/_delta_log/00000000000000000010.checkpoint.parquet"), &status);
  ASSERT_TRUE(status.ok()) << status.ToString();

  auto protocols = OfType<ProtocolAction>(actions);
  ASSERT_EQ(protocols.size(), 1u);
  EXPECT_EQ(protocols[0].min_reader_version, 1);
  EXPECT_EQ(protocols[0].min_writer_version, 2);

  auto metadata = OfType<MetadataAction>(actions);
  ASSERT_EQ(metadata.size(), 1u);
  EXPECT_EQ(metadata[0].id, "7c0b2c55-5d7e-4d3a-9c1e-0a2b4c6d8e10");
  EXPECT_EQ(metadata[0].format_provider, "parquet");
  EXPECT_EQ(metadata[0].partition_columns, std::vector<std::string>{"dt"});
  EXPECT_EQ(metadata[0].configuration.at("delta.appendOnly"), "false");
  EXPECT_NE(metadata[0].schema_string.find("\"name\":\"id\""), std::string::npos);

  auto txns = OfType<TxnAction>(actions);
  ASSERT_EQ(txns.size(), 1u);
  EXPECT_EQ(txns[0].app_id, "bronze-orders");
  EXPECT_EQ(txns[0].version, 9);

  auto adds = OfType<AddFile>(actions);
  ASSERT_EQ(adds.size(), 4u);
  EXPECT_EQ(adds[0].path, "dt=2024-02-01/e1.parquet");
  EXPECT_EQ(adds[0].size, 100);
  EXPECT_EQ(adds[0].modification_time_ms, 1700000000000);
  EXPECT_EQ(adds[0].num_records, 1);                       // from the stats JSON string
  EXPECT_EQ(adds[0].partition_values.at("dt"), "2024-02-01");
  EXPECT_EQ(adds[1].num_records, 2);                       // from stats_parsed
  EXPECT_EQ(adds[2].num_records, std::nullopt);            // no stats
  EXPECT_EQ(adds[3].partition_values.at("dt"), std::nullopt);
  ASSERT_TRUE(adds[3].deletion_vector);
  EXPECT_EQ(adds[3].deletion_vector->storage_type, "i");
  EXPECT_EQ(adds[3].deletion_vector->offset, std::nullopt);
  EXPECT_EQ(adds[3].deletion_vector->cardinality, 1);

  // Tombstones are not decoded.
  EXPECT_TRUE(OfType<RemoveFile>(actions).empty());
}

TEST(CheckpointReaderTest, DecodesSidecar) {
  Status status;
  auto actions =
      ReadAll(ReadFixture("v2_checkpoint/_delta_log/_sidecars/3a0d65cd-4056-49b8-937b-95f9e3ee90e5.parquet"), &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  auto adds = OfType<AddFile>(actions);
  ASSERT_EQ(adds.size(), 2u);
  EXPECT_EQ(adds[1].path, "s2.parquet");
  EXPECT_EQ(adds[1].num_records, 11);
}

TEST(CheckpointReaderTest, TruncatedOrGarbageFileIsCorruption) {
  std::string good = ReadFixture("checkpointed/_delta_log/00000000000000000010.checkpoint.parquet");
  for (const std::string& bad : {ReadFixture("corrupt_checkpoint/_delta_log/00000000000000000002.checkpoint.parquet"),
                                 good.substr(0, good.size() - 1), std::string("PAR1 not really parquet PAR1"),
                                 std::string()}) {
    Status status;
    ReadAll(bad, &status);
    EXPECT_EQ(status.code(), StatusCode::kCorruption) << status.ToString();
    EXPECT_NE(status.message().find("checkpoint fixture"), std::string::npos) << status.ToString();
  }
}

TEST(CheckpointReaderTest, CorruptedFooterBytesAreReportedNotThrown) {
  // Flip bytes all over the file: every outcome must be a Status, never a crash
  // or an exception (LevelDB corruption_test style).
  std::string good = ReadFixture("checkpointed/_delta_log/00000000000000000010.checkpoint.parquet");
  for (size_t offset = 0; offset < good.size(); offset += good.size() / 64) {
    std::string bad = good;
    bad[offset] ^= 0x5A;
    Status status;
    ReadAll(bad, &status);
    EXPECT_TRUE(status.ok() || status.code() == StatusCode::kCorruption) << offset << ": " << status.ToString();
  }
}

}  // namespace
}  // namespace lakehouse
