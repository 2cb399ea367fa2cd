#include "lake/delta_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lake/delta_log_file.h"
#include "lake/in_memory_object_store.h"
#include "lake/lake_test_util.h"

namespace lakehouse {
namespace {

constexpr char kBucket[] = "lake";
constexpr int64_t kFixtureClockMs = 1700000099000;  // last-modified of every fixture object

class DeltaLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_.CreateBucket(kBucket);
    store_.SetClockMs(kFixtureClockMs);
  }

  // Loads testdata/<fixture> as s3://lake/tables/<fixture> and returns its table prefix.
  std::string Fixture(const std::string& fixture) {
    Status s = LoadLakeFixture(&store_, kBucket, fixture, "tables/" + fixture);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return "tables/" + fixture;
  }
  std::string LogKey(const std::string& table, const std::string& name) { return table + "/_delta_log/" + name; }
  Result<DeltaSnapshot> Load(const std::string& table) { return DeltaLog::LoadSnapshot(&store_, kBucket, table); }

  const DeltaFile* FindFile(const DeltaSnapshot& s, const std::string& path) {
    for (const auto& f : s.files) {
      if (f.path == path) return &f;
    }
    return nullptr;
  }

  InMemoryObjectStore store_;
};

TEST_F(DeltaLogTest, ReplaysJsonCommitsFromVersionZero) {
  auto s = Load(Fixture("simple"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->table_uri, "s3://lake/tables/simple");
  EXPECT_EQ(s->version, 3);
  EXPECT_EQ(s->checkpoint_version, -1);
  // b (with a DV hiding 5 of 20 rows), c (no stats), d (30 rows); a was removed.
  EXPECT_EQ(s->num_files, 3);
  EXPECT_EQ(s->total_bytes, 2000 + 500 + 2800);
  EXPECT_EQ(s->num_records, 15 + 30);
  EXPECT_EQ(s->num_deleted_records, 5);
  EXPECT_EQ(s->files_without_stats, 1);
  EXPECT_FALSE(s->num_records_exact());
  EXPECT_EQ(FindFile(*s, "dt=2024-01-01/part-00000-a.snappy.parquet"), nullptr);
  const DeltaFile* b = FindFile(*s, "dt=2024-01-02/part-00000-b.snappy.parquet");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->num_records, 20);
  EXPECT_EQ(b->deleted_records, 5);
  const DeltaFile* c = FindFile(*s, "dt=__HIVE_DEFAULT_PARTITION__/part-00000-c%20space.snappy.parquet");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->partition_values.at("dt"), std::nullopt);
  EXPECT_EQ(c->num_records, std::nullopt);
  // inCommitTimestamp wins over the wall-clock timestamp.
  EXPECT_EQ(s->last_commit_timestamp_ms, 1700000003500);
  EXPECT_EQ(s->last_operation, "DELETE");
  EXPECT_EQ(s->table_id, "5f0e9a6c-1b2d-4c3e-8f70-0a1b2c3d4e5f");
  EXPECT_EQ(s->name, "orders");
  EXPECT_EQ(s->partition_columns, std::vector<std::string>{"dt"});
  EXPECT_EQ(s->properties.at("delta.checkpointInterval"), "10");
  EXPECT_EQ(s->min_reader_version, 3);
  EXPECT_EQ(s->reader_features, std::vector<std::string>{"deletionVectors"});
  EXPECT_EQ(s->app_transaction_versions.at("bronze-orders"), 1);
  EXPECT_TRUE(s->warnings.empty());
  EXPECT_NE(s->schema_string.find("\"dt\""), std::string::npos);
}

TEST_F(DeltaLogTest, StartsFromLastCheckpointHint) {
  auto s = Load(Fixture("checkpointed"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 12);
  EXPECT_EQ(s->checkpoint_version, 10);
  // e1 removed by commit 11; e2 (stats_parsed) + e3 (no stats) + e4 (4 rows, 1 deleted) + e5 (7).
  EXPECT_EQ(s->num_files, 4);
  EXPECT_EQ(s->total_bytes, 200 + 300 + 400 + 500);
  EXPECT_EQ(s->num_records, 2 + 3 + 7);
  EXPECT_EQ(s->files_without_stats, 1);
  EXPECT_EQ(FindFile(*s, "dt=2024-02-01/e1.parquet"), nullptr);
  EXPECT_EQ(s->properties.at("delta.appendOnly"), "true");  // commit 12's metaData replaced the checkpoint's
  EXPECT_EQ(s->app_transaction_versions.at("bronze-orders"), 9);
  EXPECT_EQ(s->last_commit_timestamp_ms, 1700000012000);
  EXPECT_EQ(s->last_operation, "SET TBLPROPERTIES");
  EXPECT_TRUE(s->warnings.empty()) << s->warnings[0];
  // One listing, from the hinted version on.
  EXPECT_EQ(store_.TEST_ListCalls(), 1);
}

TEST_F(DeltaLogTest, WorksWithoutLastCheckpoint) {
  std::string table = Fixture("checkpointed");
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, "_last_checkpoint")).ok());
  auto s = Load(table);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 12);
  EXPECT_EQ(s->checkpoint_version, 10);
  EXPECT_EQ(s->num_records, 12);
  EXPECT_TRUE(s->warnings.empty());
}

TEST_F(DeltaLogTest, StaleOrUnreadableHintFallsBackToFullListing) {
  std::string table = Fixture("checkpointed");
  for (const std::string& hint :
       {std::string(R"({"version":99,"size":1})"), std::string("{\"version\":1"), std::string("")}) {
    ASSERT_TRUE(store_.PutObject(kBucket, LogKey(table, "_last_checkpoint"), hint).ok());
    auto s = Load(table);
    ASSERT_TRUE(s.ok()) << hint << ": " << s.status().ToString();
    EXPECT_EQ(s->version, 12) << hint;
    EXPECT_EQ(s->num_records, 12) << hint;
    ASSERT_EQ(s->warnings.size(), 1u) << hint;
    EXPECT_NE(s->warnings[0].find("_last_checkpoint"), std::string::npos) << s->warnings[0];
  }
}

TEST_F(DeltaLogTest, OlderHintStillFindsNewerCheckpoint) {
  // A hint that lags behind (another writer checkpointed since) is fine: the
  // listing from the hinted version shows the newer checkpoint.
  std::string table = Fixture("checkpointed");
  ASSERT_TRUE(store_.PutObject(kBucket, LogKey(table, "_last_checkpoint"), R"({"version":3})").ok());
  auto s = Load(table);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->checkpoint_version, 10);
  EXPECT_EQ(s->num_records, 12);
  EXPECT_TRUE(s->warnings.empty());
  EXPECT_EQ(store_.TEST_ListCalls(), 1);
}

TEST_F(DeltaLogTest, CommitAtCheckpointVersionGivesTimestampEvenWithoutLaterCommits) {
  std::string table = Fixture("checkpointed");
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, DeltaCommitFileName(11))).ok());
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, DeltaCommitFileName(12))).ok());
  auto s = Load(table);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 10);
  EXPECT_EQ(s->num_files, 4);
  EXPECT_EQ(s->last_commit_timestamp_ms, 1700000010000);  // from 10.json's commitInfo
  EXPECT_EQ(s->last_operation, "DELETE");
  // Without 10.json either, the checkpoint's last-modified time is all there is.
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, DeltaCommitFileName(10))).ok());
  auto bare = Load(table);
  ASSERT_TRUE(bare.ok()) << bare.status().ToString();
  EXPECT_EQ(bare->last_commit_timestamp_ms, kFixtureClockMs);
}

TEST_F(DeltaLogTest, MultiPartCheckpointAndIncompleteNewerOne) {
  auto s = Load(Fixture("multipart"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 8);
  EXPECT_EQ(s->checkpoint_version, 5);
  EXPECT_EQ(s->num_files, 3);  // m2, m3, m4; m1 removed at 7
  EXPECT_EQ(s->num_records, 2 + 3 + 4);
  for (const auto& f : s->files) EXPECT_EQ(f.path.find("SHOULD-NOT-APPEAR"), std::string::npos) << f.path;
  EXPECT_EQ(s->properties.count("incomplete"), 0u);
  EXPECT_EQ(s->app_transaction_versions.at("silver-orders"), 4);
  // Commit 8 has no commitInfo: its object's last-modified time is used.
  EXPECT_EQ(s->last_commit_timestamp_ms, kFixtureClockMs);
  ASSERT_EQ(s->warnings.size(), 1u);
  EXPECT_NE(s->warnings[0].find("incomplete multi-part checkpoint"), std::string::npos) << s->warnings[0];
}

TEST_F(DeltaLogTest, V2CheckpointWithSidecars) {
  auto s = Load(Fixture("v2_checkpoint"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 5);
  EXPECT_EQ(s->checkpoint_version, 4);
  EXPECT_EQ(s->num_files, 3);  // s2, s3 (sidecars), s4 (commit 5); s1 removed
  EXPECT_EQ(s->num_records, 11 + 12 + 13);
  EXPECT_EQ(s->total_bytes, 1100 + 1200 + 1300);
  EXPECT_EQ(s->reader_features, std::vector<std::string>{"v2Checkpoint"});
  EXPECT_EQ(s->app_transaction_versions.at("gold-daily"), 3);
  EXPECT_TRUE(s->warnings.empty());
}

TEST_F(DeltaLogTest, V2SidecarByPathIsNotSupported) {
  std::string table = Fixture("v2_checkpoint");
  std::string key = LogKey(table, "00000000000000000004.checkpoint.80a083e8-7026-4e79-81be-64bd76c43a11.json");
  std::string checkpoint = *store_.GetObject(kBucket, key);
  checkpoint += R"({"sidecar":{"path":"s3://elsewhere/x.parquet","sizeInBytes":1,"modificationTime":1}})" "\n";
  ASSERT_TRUE(store_.PutObject(kBucket, key, checkpoint).ok());
  auto s = Load(table);
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition) << s.status().ToString();
  EXPECT_NE(s.status().message().find("not supported"), std::string::npos) << s.status().ToString();
}

// A table written by Spark 4.2 + Delta 4.4 (testdata/make_spark_table.py):
// checkpoints at 3 and 6, deletion vectors, OPTIMIZE, a null partition. Spark
// reported 154 rows in 5 files of 6218 bytes at version 8.
TEST_F(DeltaLogTest, ReadsTableWrittenBySpark) {
  std::string table = Fixture("spark_table");
  auto s = Load(table);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->version, 8);
  EXPECT_EQ(s->checkpoint_version, 6);
  EXPECT_EQ(s->num_files, 5);
  EXPECT_EQ(s->total_bytes, 6218);
  EXPECT_EQ(s->num_records, 154);
  EXPECT_TRUE(s->num_records_exact());
  EXPECT_EQ(s->num_deleted_records, 1);
  EXPECT_EQ(s->partition_columns, std::vector<std::string>{"part"});
  EXPECT_EQ(s->properties.at("lakehouse.layer"), "bronze");
  EXPECT_EQ(s->app_transaction_versions.at("fixture-app"), 7);
  EXPECT_EQ(s->last_operation, "DELETE");
  EXPECT_TRUE(s->warnings.empty());

  // "Version Checksum File": Spark's own account of version 8 must agree.
  auto crc = nlohmann::json::parse(*store_.GetObject(kBucket, LogKey(table, "00000000000000000008.crc")));
  EXPECT_EQ(s->num_files, crc["numFiles"].get<int64_t>());
  EXPECT_EQ(s->total_bytes, crc["tableSizeBytes"].get<int64_t>());
  EXPECT_EQ(s->num_deleted_records, crc["numDeletedRecordsOpt"].get<int64_t>());
  EXPECT_EQ(s->table_id, crc["metadata"]["id"].get<std::string>());

  // The same snapshot replayed from the older checkpoint (3), and from the JSON
  // commits alone, must be identical.
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, "_last_checkpoint")).ok());
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, DeltaCheckpointFileName(6))).ok());
  auto from3 = Load(table);
  ASSERT_TRUE(from3.ok()) << from3.status().ToString();
  EXPECT_EQ(from3->checkpoint_version, 3);
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, DeltaCheckpointFileName(3))).ok());
  auto from0 = Load(table);
  ASSERT_TRUE(from0.ok()) << from0.status().ToString();
  EXPECT_EQ(from0->checkpoint_version, -1);
  for (const auto* other : {&*from3, &*from0}) {
    EXPECT_EQ(other->version, s->version);
    EXPECT_EQ(other->num_records, s->num_records);
    EXPECT_EQ(other->total_bytes, s->total_bytes);
    ASSERT_EQ(other->files.size(), s->files.size());
    for (size_t i = 0; i < s->files.size(); ++i) {
      EXPECT_EQ(other->files[i].path, s->files[i].path);
      EXPECT_EQ(other->files[i].num_records, s->files[i].num_records);
      EXPECT_EQ(other->files[i].deleted_records, s->files[i].deleted_records);
      EXPECT_EQ(other->files[i].partition_values, s->files[i].partition_values);
    }
    EXPECT_EQ(other->app_transaction_versions, s->app_transaction_versions);
    EXPECT_EQ(other->properties, s->properties);
    EXPECT_EQ(other->last_commit_timestamp_ms, s->last_commit_timestamp_ms);
  }
}

TEST_F(DeltaLogTest, MissingTableIsNotFoundNamingTheUri) {
  Fixture("simple");
  for (const std::string& table : {std::string("tables/nope"), std::string("tables/simp")}) {
    auto s = Load(table);
    EXPECT_TRUE(s.status().IsNotFound()) << s.status().ToString();
    EXPECT_NE(s.status().message().find("no Delta table at s3://lake/" + table), std::string::npos)
        << s.status().ToString();
  }
  auto no_bucket = DeltaLog::LoadSnapshot(&store_, "other", "t");
  EXPECT_TRUE(no_bucket.status().IsNotFound()) << no_bucket.status().ToString();
  EXPECT_NE(no_bucket.status().message().find("s3://other/t"), std::string::npos);
}

TEST_F(DeltaLogTest, PrefixSlashesAreIgnored) {
  Fixture("simple");
  auto s = Load("/tables/simple/");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->table_uri, "s3://lake/tables/simple");
  EXPECT_EQ(DeltaLog::TableUri("b", ""), "s3://b");
}

TEST_F(DeltaLogTest, TruncatedCommitIsCorruptionNamingFileAndLine) {
  auto s = Load(Fixture("truncated_commit"));
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption) << s.status().ToString();
  EXPECT_NE(s.status().message().find("s3://lake/tables/truncated_commit/_delta_log/00000000000000000001.json line 2"),
            std::string::npos)
      << s.status().ToString();
  EXPECT_NE(s.status().message().find("truncated"), std::string::npos) << s.status().ToString();
}

TEST_F(DeltaLogTest, CorruptCheckpointIsCorruptionNamingTheFile) {
  auto s = Load(Fixture("corrupt_checkpoint"));
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption) << s.status().ToString();
  EXPECT_NE(s.status().message().find("00000000000000000002.checkpoint.parquet"), std::string::npos)
      << s.status().ToString();
}

// Each case damages one commit of the "simple" table in a different way; all
// must be reported as Corruption naming the file (and line, where there is one).
TEST_F(DeltaLogTest, DamagedCommitsAreCorruption) {
  struct Case {
    const char* what;
    std::string content;  // new content of commit 2
    const char* expect;   // substring of the message
  };
  const std::vector<Case> cases = {
      {"garbage line", "{\"commitInfo\":{}}\nthis is not json\n", "00000000000000000002.json line 2"},
      {"array line", "[1,2]\n", "00000000000000000002.json line 1"},
      {"truncated to zero", "", "00000000000000000002.json is empty"},
      {"add without size", "{\"add\":{\"path\":\"x\"}}\n", "line 1: add action without required field 'size'"},
      {"stats not json", "{\"add\":{\"path\":\"x\",\"size\":1,\"stats\":\"{\\\"numRecords\"}}\n", "'stats'"},
      {"binary junk", std::string("\x00\xff\x13\n", 4), "00000000000000000002.json line 1"},
  };
  std::string table = Fixture("simple");
  std::string key = LogKey(table, DeltaCommitFileName(2));
  std::string original = *store_.GetObject(kBucket, key);
  for (const Case& c : cases) {
    ASSERT_TRUE(store_.PutObject(kBucket, key, c.content).ok());
    auto s = Load(table);
    EXPECT_EQ(s.status().code(), StatusCode::kCorruption) << c.what << ": " << s.status().ToString();
    EXPECT_NE(s.status().message().find(c.expect), std::string::npos) << c.what << ": " << s.status().ToString();
  }
  // Truncation at every byte of a commit: a clean cut at a line end replays fewer
  // actions; any other cut must be Corruption; nothing may crash.
  for (size_t n = 1; n < original.size(); ++n) {
    ASSERT_TRUE(store_.PutObject(kBucket, key, original.substr(0, n)).ok());
    auto s = Load(table);
    bool at_line_end = original[n - 1] == '\n' || (n < original.size() && original[n] == '\n');
    if (!at_line_end) {
      EXPECT_EQ(s.status().code(), StatusCode::kCorruption) << "cut at " << n;
    }
  }
}

TEST_F(DeltaLogTest, MissingCommitIsCorruption) {
  std::string table = Fixture("simple");
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, DeltaCommitFileName(1))).ok());
  auto s = Load(table);
  EXPECT_EQ(s.status().code(), StatusCode::kCorruption) << s.status().ToString();
  EXPECT_NE(s.status().message().find("missing commit 00000000000000000001.json"), std::string::npos)
      << s.status().ToString();
  ASSERT_TRUE(store_.DeleteObject(kBucket, LogKey(table, DeltaCommitFileName(0))).ok());
  auto cleaned = Load(table);
  EXPECT_EQ(cleaned.status().code(), StatusCode::kCorruption) << cleaned.status().ToString();
}

TEST_F(DeltaLogTest, ReaderVersionAboveThreeIsNotSupported) {
  std::string table = Fixture("simple");
  ASSERT_TRUE(store_
                  .PutObject(kBucket, LogKey(table, DeltaCommitFileName(4)),
                             "{\"protocol\":{\"minReaderVersion\":4,\"minWriterVersion\":8}}\n")
                  .ok());
  auto s = Load(table);
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition) << s.status().ToString();
  EXPECT_NE(s.status().message().find("reader version 4"), std::string::npos);
}

TEST_F(DeltaLogTest, UnknownReaderFeatureIsAWarning) {
  std::string table = Fixture("simple");
  ASSERT_TRUE(store_
                  .PutObject(kBucket, LogKey(table, DeltaCommitFileName(4)),
                             "{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7,"
                             "\"readerFeatures\":[\"deletionVectors\",\"catalogManaged\"],\"writerFeatures\":[]}}\n")
                  .ok());
  auto s = Load(table);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->warnings.size(), 1u);
  EXPECT_NE(s->warnings[0].find("catalogManaged"), std::string::npos);
}

}  // namespace
}  // namespace lakehouse
