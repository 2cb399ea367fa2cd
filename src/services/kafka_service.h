// KafkaService: one combined KRaft broker + controller, from Maven jars.
//
// The log directory is formatted once with kafka.tools.StorageTool under a
// cluster id generated at first start; configs are rendered from
// config/templates/kafka/. The bootstrap list is configuration, so a
// three-broker cluster elsewhere is a spec change, not a code change.
#pragma once

#include "services/service.h"

namespace lakehouse {

class KafkaService final : public Service {
 public:
  using Service::Service;

  std::string Name() const override { return "kafka"; }
  std::vector<std::string> Dependencies() const override { return {}; }
  std::vector<PortClaim> Ports() const override;
  std::string Endpoint() const override { return Bootstrap(); }
  Status Prepare() override;
  Result<SpawnOptions> Command() const override;
  Status CheckReady() override;

  std::string Bootstrap() const;

 private:
  Result<std::string> ClusterId();
};

}  // namespace lakehouse
