// S3Client against a real S3 server. Runs only when LAKEHOUSE_TEST_S3_ENDPOINT,
// LAKEHOUSE_TEST_S3_ACCESS_KEY and LAKEHOUSE_TEST_S3_SECRET_KEY are set (CI sets
// them to the SeaweedFS it starts); skipped otherwise. Each run works in a bucket
// of its own and removes it at the end.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include "common/env.h"
#include "lake/delta_log.h"
#include "lake/lake_test_util.h"
#include "lake/s3_client.h"

namespace lakehouse {
namespace {

std::optional<S3Options> OptionsFromEnv() {
  const char* endpoint = std::getenv("LAKEHOUSE_TEST_S3_ENDPOINT");
  const char* access_key = std::getenv("LAKEHOUSE_TEST_S3_ACCESS_KEY");
  const char* secret_key = std::getenv("LAKEHOUSE_TEST_S3_SECRET_KEY");
  if (endpoint == nullptr || access_key == nullptr || secret_key == nullptr || *endpoint == '\0') {
    return std::nullopt;
  }
  return S3Options{.endpoint = endpoint, .access_key = access_key, .secret_key = secret_key};
}

std::vector<std::string> Keys(const std::vector<ObjectInfo>& objects) {
  std::vector<std::string> keys;
  for (const auto& o : objects) keys.push_back(o.key);
  return keys;
}

// One bucket for the whole suite (each bucket costs the server a volume
// collection); every test works under its own key prefix, `p_`.
class S3ClientIntegrationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto options = OptionsFromEnv();
    if (!options) return;
    suite_options_ = new S3Options(*options);
    suite_bucket_ = new std::string("lh-s3-test-" + std::to_string(getpid()) + "-" +
                                    std::to_string(Env::Default()->NowMicros() % 1000000000));
    suite_status_ = new Status(S3Client(*suite_options_).CreateBucket(*suite_bucket_));
  }

  static void TearDownTestSuite() {
    if (suite_options_ == nullptr) return;
    S3Client client(*suite_options_);
    auto objects = client.ListObjects(*suite_bucket_, "");
    if (objects.ok()) {
      for (const auto& o : *objects) EXPECT_TRUE(client.DeleteObject(*suite_bucket_, o.key).ok()) << o.key;
    }
    Status s = client.DeleteBucket(*suite_bucket_);
    EXPECT_TRUE(s.ok()) << s.ToString();
    delete suite_options_;
    delete suite_bucket_;
    delete suite_status_;
    suite_options_ = nullptr;
  }

  void SetUp() override {
    if (suite_options_ == nullptr) {
      GTEST_SKIP() << "set LAKEHOUSE_TEST_S3_ENDPOINT/_ACCESS_KEY/_SECRET_KEY to run against S3";
    }
    ASSERT_TRUE(suite_status_->ok()) << suite_status_->ToString();
    options_ = *suite_options_;
    bucket_ = *suite_bucket_;
    client_.emplace(options_);
    p_ = std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "/";
  }

  static S3Options* suite_options_;
  static std::string* suite_bucket_;
  static Status* suite_status_;
  S3Options options_;
  std::string bucket_;
  std::string p_;  // this test's key prefix
  std::optional<S3Client> client_;
};
S3Options* S3ClientIntegrationTest::suite_options_ = nullptr;
std::string* S3ClientIntegrationTest::suite_bucket_ = nullptr;
Status* S3ClientIntegrationTest::suite_status_ = nullptr;

TEST_F(S3ClientIntegrationTest, BucketsAreIdempotentAndProbeable) {
  EXPECT_TRUE(client_->CreateBucket(bucket_).ok());  // again: already ours
  EXPECT_TRUE(client_->HeadBucket(bucket_).ok());
  Status missing = client_->HeadBucket(bucket_ + "-missing");
  EXPECT_TRUE(missing.IsNotFound()) << missing.ToString();
}

TEST_F(S3ClientIntegrationTest, PutGetDeleteWithAwkwardKeysAndBinaryData) {
  const std::string binary("\0\x01\xff\r\n<&>", 8);
  const std::vector<std::string> keys = {
      p_ + "plain.json",
      p_ + "dir/dt=2024-01-01/a b+c&d%e~f.parquet",
      p_ + "xml/<tag>&'\"quoted\"",
      p_ + "unicode/\xc3\xbc/\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87",
      p_ + "colon:semi;comma,at@dollar$hash#question?bang!",
  };
  for (const auto& key : keys) {
    Status s = client_->PutObject(bucket_, key, binary + key);
    ASSERT_TRUE(s.ok()) << key << ": " << s.ToString();
  }
  for (const auto& key : keys) {
    auto data = client_->GetObject(bucket_, key);
    ASSERT_TRUE(data.ok()) << key << ": " << data.status().ToString();
    EXPECT_EQ(*data, binary + key);
  }
  auto listed = client_->ListObjects(bucket_, p_);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  std::vector<std::string> expected = keys;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Keys(*listed), expected);
  for (const auto& o : *listed) {
    EXPECT_EQ(o.size, static_cast<int64_t>(binary.size() + o.key.size())) << o.key;
    EXPECT_GT(o.last_modified_ms, 1600000000000) << o.key;  // parsed, and after 2020
  }
  // A prefix with reserved characters is encoded in the query and still matches.
  auto under = client_->ListObjects(bucket_, p_ + "dir/dt=2024-01-01/");
  ASSERT_TRUE(under.ok()) << under.status().ToString();
  EXPECT_EQ(Keys(*under), std::vector<std::string>{keys[1]});

  ASSERT_TRUE(client_->DeleteObject(bucket_, keys[1]).ok());
  ASSERT_TRUE(client_->DeleteObject(bucket_, keys[1]).ok());  // missing key: still OK
  auto gone = client_->GetObject(bucket_, keys[1]);
  EXPECT_TRUE(gone.status().IsNotFound()) << gone.status().ToString();
  EXPECT_NE(gone.status().message().find("S3 GET " + bucket_ + "/" + keys[1] + " at " + options_.endpoint),
            std::string::npos)
      << gone.status().ToString();
  EXPECT_NE(gone.status().message().find("404"), std::string::npos) << gone.status().ToString();
}

TEST_F(S3ClientIntegrationTest, EmptyObjectRoundTrips) {
  ASSERT_TRUE(client_->PutObject(bucket_, p_ + "empty", "").ok());
  auto data = client_->GetObject(bucket_, p_ + "empty");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(*data, "");
}

TEST_F(S3ClientIntegrationTest, ListingFollowsContinuationTokensAndStartAfter) {
  std::vector<std::string> keys;
  for (int i = 0; i < 7; ++i) {
    keys.push_back(p_ + "t/_delta_log/" + std::string(19, '0') + std::to_string(i) + ".json");
    ASSERT_TRUE(client_->PutObject(bucket_, keys.back(), "{}").ok());
  }
  ASSERT_TRUE(client_->PutObject(bucket_, p_ + "t/part-0.parquet", "x").ok());  // outside the prefix
  client_->TEST_SetListPageSize(2);
  auto listed = client_->ListObjects(bucket_, p_ + "t/_delta_log/");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  EXPECT_EQ(Keys(*listed), keys);
  auto tail = client_->ListObjects(bucket_, p_ + "t/_delta_log/", keys[4]);
  ASSERT_TRUE(tail.ok()) << tail.status().ToString();
  EXPECT_EQ(Keys(*tail), std::vector<std::string>(keys.begin() + 5, keys.end()));
  auto none = client_->ListObjects(bucket_, p_ + "nothing/here/");
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
}

TEST_F(S3ClientIntegrationTest, WrongSecretIsReportedWithS3ErrorCode) {
  S3Options bad = options_;
  bad.secret_key += "-wrong";
  S3Client client(bad);
  Status s = client.PutObject(bucket_, p_ + "x", "data");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_NE(s.message().find("S3 PUT " + bucket_ + "/" + p_ + "x at " + options_.endpoint + ": 403 "), std::string::npos)
      << s.ToString();
  EXPECT_NE(s.message().find("SignatureDoesNotMatch"), std::string::npos) << s.ToString();
}

TEST_F(S3ClientIntegrationTest, MissingBucketIsNotFound) {
  auto listed = client_->ListObjects(bucket_ + "-missing", "");
  EXPECT_TRUE(listed.status().IsNotFound()) << listed.status().ToString();
  auto got = client_->GetObject(bucket_ + "-missing", "k");
  EXPECT_TRUE(got.status().IsNotFound()) << got.status().ToString();
}

// DeltaLog end to end over S3: the fixtures uploaded to the server and read back
// through ListObjectsV2 (with start-after from _last_checkpoint) and GetObject.
TEST_F(S3ClientIntegrationTest, DeltaLogReadsFixturesOverS3) {
  for (const char* fixture : {"checkpointed", "v2_checkpoint", "simple"}) {
    Status s = LoadLakeFixture(&*client_, bucket_, fixture, p_ + "tables/" + fixture);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  auto checkpointed = DeltaLog::LoadSnapshot(&*client_, bucket_, p_ + "tables/checkpointed");
  ASSERT_TRUE(checkpointed.ok()) << checkpointed.status().ToString();
  EXPECT_EQ(checkpointed->version, 12);
  EXPECT_EQ(checkpointed->checkpoint_version, 10);
  EXPECT_EQ(checkpointed->num_records, 12);
  EXPECT_TRUE(checkpointed->warnings.empty());

  auto v2 = DeltaLog::LoadSnapshot(&*client_, bucket_, p_ + "tables/v2_checkpoint");
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->num_records, 36);

  auto simple = DeltaLog::LoadSnapshot(&*client_, bucket_, p_ + "tables/simple");
  ASSERT_TRUE(simple.ok()) << simple.status().ToString();
  EXPECT_EQ(simple->version, 3);
  EXPECT_EQ(simple->num_records, 45);
  // Commit 3's inCommitTimestamp; the commit without one would use S3's LastModified.
  EXPECT_EQ(simple->last_commit_timestamp_ms, 1700000003500);

  auto missing = DeltaLog::LoadSnapshot(&*client_, bucket_, p_ + "tables/missing");
  EXPECT_TRUE(missing.status().IsNotFound()) << missing.status().ToString();
  EXPECT_NE(missing.status().message().find("s3://" + bucket_ + "/" + p_ + "tables/missing"), std::string::npos);
}

}  // namespace
}  // namespace lakehouse
