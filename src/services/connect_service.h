// ConnectService: a Kafka Connect distributed worker with the Debezium
// PostgreSQL connector on its plugin.path.
//
// Ready means the REST API answers and lists the PostgresConnector plugin;
// registering the connector itself is provisioning (src/cdc), not start-up.
// The replication password reaches the connector through Kafka's
// FileConfigProvider from a 0600 file, so it never sits in the config topic.
#pragma once

#include "services/service.h"

namespace lakehouse {

class ConnectService final : public Service {
 public:
  using Service::Service;

  std::string Name() const override { return "connect"; }
  std::vector<std::string> Dependencies() const override { return {"kafka", "postgres"}; }
  std::vector<PortClaim> Ports() const override;
  std::string Endpoint() const override { return RestUrl(); }
  Status Prepare() override;
  Result<SpawnOptions> Command() const override;
  Status CheckReady() override;
  int ReadyTimeoutSeconds() const override { return 180; }

  std::string RestUrl() const;
  // The properties file holding `password=` for the CDC user.
  std::string SecretsFile() const;
};

}  // namespace lakehouse
