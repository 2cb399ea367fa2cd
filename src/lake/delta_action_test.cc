#include "lake/delta_action.h"

#include <gtest/gtest.h>

namespace lakehouse {
namespace {

using json = nlohmann::json;

Result<std::optional<DeltaAction>> Parse(const std::string& line) {
  json j = json::parse(line);
  return ParseDeltaAction(j.begin().key(), j.begin().value());
}

TEST(DeltaActionTest, ParsesAddWithStatsPartitionsAndDeletionVector) {
  auto action = Parse(R"({"add":{"path":"dt=2024-01-01/a%20b.parquet","partitionValues":{"dt":"2024-01-01","h":null,"e":""},
      "size":123,"modificationTime":1700000000000,"dataChange":false,"stats":"{\"numRecords\":42,\"minValues\":{}}",
      "deletionVector":{"storageType":"u","pathOrInlineDv":"ab^-aqEH.-t@S}K{vb[*k^","offset":4,"sizeInBytes":40,"cardinality":6},
      "unknownField":[1,2,3]}})");
  ASSERT_TRUE(action.ok()) << action.status().ToString();
  const auto& add = std::get<AddFile>(**action);
  EXPECT_EQ(add.path, "dt=2024-01-01/a%20b.parquet");
  EXPECT_EQ(add.size, 123);
  EXPECT_EQ(add.modification_time_ms, 1700000000000);
  EXPECT_FALSE(add.data_change);
  EXPECT_EQ(add.num_records, 42);
  EXPECT_EQ(add.partition_values.at("dt"), "2024-01-01");
  EXPECT_EQ(add.partition_values.at("h"), std::nullopt);
  EXPECT_EQ(add.partition_values.at("e"), std::nullopt);  // "" is a null partition value
  ASSERT_TRUE(add.deletion_vector);
  EXPECT_EQ(add.deletion_vector->cardinality, 6);
  EXPECT_EQ(add.deletion_vector->UniqueId(), "uab^-aqEH.-t@S}K{vb[*k^@4");
}

TEST(DeltaActionTest, StatsMayBeMissingParsedOrInvalid) {
  auto none = Parse(R"({"add":{"path":"a","partitionValues":{},"size":1,"modificationTime":0,"dataChange":true}})");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(std::get<AddFile>(**none).num_records, std::nullopt);
  auto parsed = Parse(R"({"add":{"path":"a","size":1,"stats":null,"stats_parsed":{"numRecords":9}}})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(std::get<AddFile>(**parsed).num_records, 9);
  auto bad = Parse(R"({"add":{"path":"a","size":1,"stats":"{\"numRecords\":"}})");
  EXPECT_EQ(bad.status().code(), StatusCode::kCorruption);
  EXPECT_NE(bad.status().message().find("stats"), std::string::npos);
}

TEST(DeltaActionTest, MissingOrMistypedRequiredFieldsAreCorruption) {
  for (const char* line : {
           R"({"add":{"size":1}})",
           R"({"add":{"path":"a"}})",
           R"({"add":{"path":"a","size":"1"}})",
           R"({"add":{"path":"a","size":1,"partitionValues":{"dt":1}}})",
           R"({"add":{"path":"a","size":1,"deletionVector":{"storageType":"u"}}})",
           R"({"remove":{"deletionTimestamp":1}})",
           R"({"metaData":{"id":"x"}})",
           R"({"protocol":{"minReaderVersion":1}})",
           R"({"txn":{"appId":"x","version":"1"}})",
           R"({"add":"not an object"})",
       }) {
    auto action = Parse(line);
    EXPECT_EQ(action.status().code(), StatusCode::kCorruption) << line;
  }
}

TEST(DeltaActionTest, ParsesMetadataProtocolTxnCommitInfo) {
  auto metadata = Parse(R"({"metaData":{"id":"id1","name":"orders","format":{"provider":"parquet","options":{}},
      "schemaString":"{}","partitionColumns":["dt"],"configuration":{"k":"v"},"createdTime":5}})");
  ASSERT_TRUE(metadata.ok()) << metadata.status().ToString();
  const auto& m = std::get<MetadataAction>(**metadata);
  EXPECT_EQ(m.id, "id1");
  EXPECT_EQ(m.name, "orders");
  EXPECT_EQ(m.format_provider, "parquet");
  EXPECT_EQ(m.partition_columns, std::vector<std::string>{"dt"});
  EXPECT_EQ(m.configuration.at("k"), "v");

  auto protocol = Parse(R"({"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["deletionVectors"]}})");
  ASSERT_TRUE(protocol.ok());
  EXPECT_EQ(std::get<ProtocolAction>(**protocol).reader_features, std::vector<std::string>{"deletionVectors"});

  auto txn = Parse(R"({"txn":{"appId":"app","version":12}})");
  ASSERT_TRUE(txn.ok());
  EXPECT_EQ(std::get<TxnAction>(**txn).version, 12);

  // commitInfo is free-form: odd field types are ignored, not fatal.
  auto info = Parse(R"({"commitInfo":{"timestamp":"yesterday","inCommitTimestamp":7,"operation":"WRITE"}})");
  ASSERT_TRUE(info.ok());
  const auto& c = std::get<CommitInfoAction>(**info);
  EXPECT_EQ(c.timestamp_ms, std::nullopt);
  EXPECT_EQ(c.in_commit_timestamp_ms, 7);
  EXPECT_EQ(c.operation, "WRITE");
}

TEST(DeltaActionTest, UnknownActionsAreIgnored) {
  for (const char* line : {R"({"cdc":{"path":"x"}})", R"({"domainMetadata":{"domain":"d"}})", R"({"future":1})"}) {
    auto action = Parse(line);
    ASSERT_TRUE(action.ok()) << line;
    EXPECT_FALSE(*action) << line;
  }
}

}  // namespace
}  // namespace lakehouse
