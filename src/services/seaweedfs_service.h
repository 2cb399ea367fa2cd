// SeaweedFsService: the embedded S3 object store (SeaweedFS's S3 gateway,
// Apache-2.0, built from the Go module proxy).
//
// One `weed server` process runs master, volume, filer and S3 gateway on
// loopback. It always gets the generated S3 identity: with no identities
// SeaweedFS would allow anonymous access. Ready means a real bucket create,
// object put and get succeed, since its /healthz answers before S3 works.
// With s3.embedded: false this service is not part of the stack at all.
#pragma once

#include "services/service.h"

namespace lakehouse {

class SeaweedFsService final : public Service {
 public:
  using Service::Service;

  std::string Name() const override { return "seaweedfs"; }
  std::vector<std::string> Dependencies() const override { return {}; }
  std::vector<PortClaim> Ports() const override;
  std::string Endpoint() const override { return spec().s3.endpoint; }
  Status Prepare() override;
  Result<SpawnOptions> Command() const override;
  Status CheckReady() override;
  int ReadyTimeoutSeconds() const override { return 90; }
};

}  // namespace lakehouse
