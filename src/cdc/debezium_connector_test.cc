#include "cdc/debezium_connector.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace lakehouse {
namespace {

TEST(DebeziumConnectorTest, RendersTheSpecIntoTheConfig) {
  PipelineSpec spec;
  spec.source.port = 25999;
  spec.source.schemas = {"demo", "sales"};
  spec.kafka.partitions = 3;
  DebeziumConnector connector(&spec, "http://127.0.0.1:1");
  auto text = connector.RenderConfig(LAKEHOUSE_SOURCE_DIR, "/run/connect/secrets/cdc.properties");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  auto config = nlohmann::json::parse(*text);
  EXPECT_EQ(config["database.port"], "25999");
  EXPECT_EQ(config["plugin.name"], "pgoutput");
  EXPECT_EQ(config["schema.include.list"], "demo,sales");
  EXPECT_FALSE(config.contains("table.include.list"));
  EXPECT_EQ(config["topic.creation.default.partitions"], "3");
  EXPECT_EQ(config["decimal.handling.mode"], "string");
  EXPECT_EQ(config["skipped.operations"], "none");
  // The password is a reference resolved by Connect, never the secret itself.
  EXPECT_EQ(config["database.password"], "${file:/run/connect/secrets/cdc.properties:password}");
  EXPECT_EQ(config["publication.autocreate.mode"], "disabled");
}

TEST(DebeziumConnectorTest, TableListIsEscapedRegex) {
  PipelineSpec spec;
  spec.source.tables = {"demo.orders", "demo.payments"};
  auto text = DebeziumConnector(&spec, "x").RenderConfig(LAKEHOUSE_SOURCE_DIR, "/s");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(nlohmann::json::parse(*text)["table.include.list"], "demo\\.orders,demo\\.payments");
}

TEST(DebeziumConnectorTest, UnreachableConnectIsAnErrorNamingTheUrl) {
  PipelineSpec spec;
  DebeziumConnector connector(&spec, "http://127.0.0.1:1");
  auto state = connector.State();
  ASSERT_FALSE(state.ok());
  EXPECT_NE(state.status().message().find("http://127.0.0.1:1/connectors/shop-postgres/status"), std::string::npos);
}

TEST(ConnectorStateTest, RunningNeedsEveryTask) {
  EXPECT_TRUE((ConnectorState{"RUNNING", {"RUNNING"}, ""}).Running());
  EXPECT_FALSE((ConnectorState{"RUNNING", {}, ""}).Running());
  EXPECT_FALSE((ConnectorState{"RUNNING", {"RUNNING", "FAILED"}, ""}).Running());
}

}  // namespace
}  // namespace lakehouse
