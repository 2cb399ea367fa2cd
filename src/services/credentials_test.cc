#include "services/credentials.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

namespace lakehouse {
namespace {

class CredentialsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lh_creds_test_XXXXXX";
    dir_ = mkdtemp(tmpl);
    path_ = dir_ + "/credentials.env";
  }
  void TearDown() override { (void)env_->RemoveAll(dir_); }
  Env* env_ = Env::Default();
  std::string dir_, path_;
  PipelineSpec spec_;
};

TEST_F(CredentialsTest, GeneratesOncePrivateAndStable) {
  auto first = Credentials::LoadOrCreate(env_, path_, spec_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  struct stat st;
  ASSERT_EQ(stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*first->Get("SOURCE_USER"), "shop_app");
  EXPECT_EQ(first->Get("SOURCE_PASSWORD")->size(), 32u);
  EXPECT_EQ(first->Get("AWS_SECRET_ACCESS_KEY")->size(), 40u);
  auto second = Credentials::LoadOrCreate(env_, path_, spec_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->values(), second->values());
}

TEST_F(CredentialsTest, TwoInstallsGetDifferentSecrets) {
  auto a = Credentials::LoadOrCreate(env_, path_, spec_);
  auto b = Credentials::LoadOrCreate(env_, dir_ + "/other.env", spec_);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a->Get("CDC_PASSWORD"), *b->Get("CDC_PASSWORD"));
}

TEST_F(CredentialsTest, RefusesAWorldReadableFile) {
  ASSERT_TRUE(env_->WriteFileAtomic(path_, "A=1\n", 0644).ok());
  auto creds = Credentials::Load(env_, path_);
  ASSERT_FALSE(creds.ok());
  EXPECT_NE(creds.status().message().find("chmod 600"), std::string::npos);
}

TEST_F(CredentialsTest, ExternalStoreNeedsKeysFromTheUser) {
  spec_.s3.embedded = false;
  auto creds = Credentials::LoadOrCreate(env_, path_, spec_);
  ASSERT_FALSE(creds.ok());
  EXPECT_NE(creds.status().message().find("AWS_ACCESS_KEY_ID"), std::string::npos);
}

TEST_F(CredentialsTest, ParseRejectsGarbage) {
  EXPECT_FALSE(Credentials::Parse("NOEQUALS\n", "f").ok());
  auto ok = Credentials::Parse("# c\nA=b=c\n", "f");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok->Get("A"), "b=c");
}

}  // namespace
}  // namespace lakehouse
