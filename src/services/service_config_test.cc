// Config rendering of the services, without starting anything: what each
// Prepare() writes follows the spec, and secrets land in private files.
#include <sys/stat.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "services/connect_service.h"
#include "services/spark_job_service.h"
#include "services/jvm_command.h"
#include "services/seaweedfs_service.h"

#ifndef LAKEHOUSE_SOURCE_DIR
#error "LAKEHOUSE_SOURCE_DIR must be defined by the build"
#endif

namespace lakehouse {
namespace {

class ServiceConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lh_service_config_test_XXXXXX";
    home_ = mkdtemp(tmpl);
    spec_.home = home_;
    spec_.kafka.port = 19092;
    spec_.connect.port = 18083;
    spec_.s3.endpoint = "http://127.0.0.1:18333";
    layout_ = std::make_unique<Layout>(home_, LAKEHOUSE_SOURCE_DIR, home_ + "/cache");
    auto creds = Credentials::LoadOrCreate(env_, home_ + "/credentials.env", spec_);
    ASSERT_TRUE(creds.ok()) << creds.status().ToString();
    creds_ = *creds;
    install_.plugin_path = home_ + "/jars/debezium-postgres";
    install_.spark_jars = home_ + "/jars/spark";
    install_.spark_python = "/venv/bin/python";
    ASSERT_TRUE(env_->CreateDirs(install_.spark_jars).ok());
    for (const char* jar : {"b.jar", "a.jar", "README"}) {
      ASSERT_TRUE(env_->WriteFileAtomic(install_.spark_jars + "/" + jar, "x").ok());
    }
    ctx_ = ServiceContext{&spec_, layout_.get(), &creds_, &install_, env_};
  }
  void TearDown() override { (void)env_->RemoveAll(home_); }

  std::string Read(const std::string& path) { return env_->ReadFile(path).value_or("<missing " + path + ">"); }
  int Mode(const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 ? static_cast<int>(st.st_mode & 0777) : -1;
  }

  Env* env_ = Env::Default();
  std::string home_;
  PipelineSpec spec_;
  std::unique_ptr<Layout> layout_;
  Credentials creds_;
  InstallPaths install_;
  ServiceContext ctx_;
};

TEST_F(ServiceConfigTest, ConnectWorkerFollowsTheSpecAndKeepsThePasswordPrivate) {
  ConnectService connect(ctx_);
  ASSERT_TRUE(connect.Prepare().ok());
  const std::string props = Read(layout_->ConfDir("connect") + "/connect-distributed.properties");
  EXPECT_NE(props.find("bootstrap.servers=127.0.0.1:19092\n"), std::string::npos);
  EXPECT_NE(props.find("listeners=http://127.0.0.1:18083\n"), std::string::npos);
  EXPECT_NE(props.find("config.storage.replication.factor=1\n"), std::string::npos);
  EXPECT_NE(props.find("plugin.path=" + layout_->ServiceDir("connect") + "/plugins\n"), std::string::npos);
  EXPECT_FALSE(std::regex_search(props, std::regex("\\$\\{[A-Z]"))) << "an unrendered placeholder is left";
  EXPECT_EQ(Read(connect.SecretsFile()), "password=" + *creds_.Get("CDC_PASSWORD") + "\n");
  EXPECT_EQ(Mode(connect.SecretsFile()), 0600);
  EXPECT_EQ(connect.Dependencies(), (std::vector<std::string>{"kafka", "postgres"}));
}

TEST_F(ServiceConfigTest, SeaweedFsAlwaysGetsTheGeneratedIdentity) {
  SeaweedFsService s3(ctx_);
  ASSERT_TRUE(s3.Prepare().ok());
  const std::string path = layout_->ConfDir("seaweedfs") + "/s3.json";
  auto identities = nlohmann::json::parse(Read(path));
  EXPECT_EQ(identities["identities"][0]["credentials"][0]["accessKey"], *creds_.Get("AWS_ACCESS_KEY_ID"));
  EXPECT_EQ(Mode(path), 0600);
  auto command = s3.Command();
  ASSERT_TRUE(command.ok());
  const auto& argv = command->argv;
  EXPECT_NE(std::find(argv.begin(), argv.end(), "-s3.port=18333"), argv.end());
  EXPECT_NE(std::find(argv.begin(), argv.end(), "-ip.bind=127.0.0.1"), argv.end());
  EXPECT_NE(std::find(argv.begin(), argv.end(), "-s3.config=" + path), argv.end());
  EXPECT_NE(std::find(command->unset_env.begin(), command->unset_env.end(), "AWS_SECRET_ACCESS_KEY"),
            command->unset_env.end());
  // Every listener and its gRPC twin is checked before start.
  EXPECT_EQ(s3.Ports().size(), 8u);
}

TEST_F(ServiceConfigTest, IngestJobConfigNamesJarsTablesAndTheCredentialsFile) {
  SparkJobService ingest(ctx_, {"ingest", "jobs/bronze_ingest.py", {"kafka", "connect"}},
                         {"demo.orders", "demo.customers"});
  auto text = ingest.RenderJobConfig();
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto config = nlohmann::json::parse(*text);
  EXPECT_EQ(config["spark"]["jars"],
            (std::vector<std::string>{install_.spark_jars + "/a.jar", install_.spark_jars + "/b.jar"}));
  EXPECT_EQ(config["kafka"]["topic_pattern"], "shop\\.(demo)\\..+");
  EXPECT_EQ(config["tables"], (std::vector<std::string>{"demo.orders", "demo.customers"}));
  EXPECT_EQ(config["s3"]["credentials_file"], layout_->CredentialsFile());
  EXPECT_EQ(text->find(*creds_.Get("AWS_SECRET_ACCESS_KEY")), std::string::npos) << "no secret in the job config";
  EXPECT_EQ(ingest.Dependencies(), (std::vector<std::string>{"kafka", "connect", "seaweedfs"}));
}

TEST(JvmCommandTest, FixedHeapLogConfigAndClasspath) {
  JvmCommand command{"/jdk/bin/java", 384, "/jars/kafka", "/conf/log4j2.properties", "/run/kafka", "kafka.Kafka",
                     {"/conf/server.properties"}};
  auto argv = command.Argv();
  EXPECT_EQ(argv.front(), "/jdk/bin/java");
  EXPECT_NE(std::find(argv.begin(), argv.end(), "-Xmx384m"), argv.end());
  EXPECT_NE(std::find(argv.begin(), argv.end(), "-Xms384m"), argv.end());
  EXPECT_NE(std::find(argv.begin(), argv.end(), "-Dlog4j2.configurationFile=/conf/log4j2.properties"), argv.end());
  auto cp = std::find(argv.begin(), argv.end(), "-cp");
  ASSERT_NE(cp, argv.end());
  EXPECT_EQ(*(cp + 1), "/jars/kafka/*");
  EXPECT_EQ(*(cp + 2), "kafka.Kafka");
  EXPECT_EQ(argv.back(), "/conf/server.properties");
}

}  // namespace
}  // namespace lakehouse
