#include "config/pipeline_spec.h"

#include <gtest/gtest.h>

#include <fstream>

#ifndef LAKEHOUSE_SOURCE_DIR
#error "LAKEHOUSE_SOURCE_DIR must be defined by the build"
#endif

namespace lakehouse {
namespace {

TEST(PipelineSpecTest, EmptySpecGivesDefaults) {
  auto spec = ParsePipelineSpec("", "/repo");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->source.port, 25432);
  EXPECT_EQ(spec->home, "/repo/.lakehouse");
  EXPECT_EQ(spec->s3.EndpointPort(), 28333);
  EXPECT_EQ(spec->TopicFor("demo", "orders"), "shop.demo.orders");
  EXPECT_EQ(spec->TopicPattern(), "shop\\.(demo)\\..+");
}

TEST(PipelineSpecTest, ShippedSpecParses) {
  std::string path = std::string(LAKEHOUSE_SOURCE_DIR) + "/config/pipeline.yaml";
  auto spec = LoadPipelineSpec(path, "/repo");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->timezone, "Asia/Ho_Chi_Minh");
  EXPECT_EQ(spec->source.schemas, std::vector<std::string>{"demo"});
  EXPECT_EQ(spec->spark.master, "local[2]");
}

TEST(PipelineSpecTest, OverridesAndAbsoluteHome) {
  auto spec = ParsePipelineSpec("home: /tmp/x\nkafka: {port: 1234, topic_prefix: t1}\n", "/repo");
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->home, "/tmp/x");
  EXPECT_EQ(spec->kafka.port, 1234);
  EXPECT_EQ(spec->TopicFor("s", "t"), "t1.s.t");
}

struct BadCase {
  const char* yaml;
  const char* expected_fragment;
};

class PipelineSpecErrorTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(PipelineSpecErrorTest, ErrorNamesThePath) {
  auto spec = ParsePipelineSpec(GetParam().yaml, "/repo");
  ASSERT_FALSE(spec.ok());
  EXPECT_EQ(spec.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(spec.status().message().find(GetParam().expected_fragment), std::string::npos)
      << spec.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PipelineSpecErrorTest,
    ::testing::Values(BadCase{"kafka: {prot: 1}", "kafka.prot: unknown key; did you mean `port`?"},
                      BadCase{"kafka: {port: 70000}", "kafka.port: must be between 1 and 65535, got 70000"},
                      BadCase{"kafka: {port: abc}", "kafka.port: must be an integer"},
                      BadCase{"source: {schemas: [Demo]}", "source.schemas[0]: `Demo` must be lower-case"},
                      BadCase{"source: {tables: [orders]}", "source.tables[0]: `orders` must be schema.table"},
                      BadCase{"s3: {endpoint: 'localhost:9000'}", "s3.endpoint: `localhost:9000` must look like"},
                      BadCase{"connect: {port: 29092}", "connect.port: port 29092 is also used by kafka.port"},
                      BadCase{"spark: {trigger_interval: soon}", "spark.trigger_interval"},
                      BadCase{"source: 3", "source: must be a mapping"},
                      BadCase{"kafka: [1, 2", "not valid YAML at line"},
                      BadCase{"sorce: {}", "sorce: unknown key; did you mean `source`?"}));

}  // namespace
}  // namespace lakehouse
