// IngestService: the Spark Structured Streaming job that lands every captured
// topic in Bronze (jobs/bronze_ingest.py), run as a supervised process.
//
// Its config is a JSON file rendered from the spec; the job reports progress
// in a state file, which is also how readiness is seen: ready once the
// streaming query has started.
#pragma once

#include "services/service.h"

namespace lakehouse {

class IngestService final : public Service {
 public:
  IngestService(const ServiceContext& context, std::vector<std::string> tables)
      : Service(context), tables_(std::move(tables)) {}

  std::string Name() const override { return "ingest"; }
  std::vector<std::string> Dependencies() const override;
  std::vector<PortClaim> Ports() const override { return {}; }
  std::string Endpoint() const override;
  Status Prepare() override;
  Result<SpawnOptions> Command() const override;
  Status CheckReady() override;
  int ReadyTimeoutSeconds() const override { return 240; }
  // The Python driver stops its query and its JVM itself on SIGTERM.
  bool StopSignalsGroup() const override { return false; }
  int StopGraceSeconds() const override { return 45; }

  std::string StateFile() const { return layout().ServiceDir(Name()) + "/state.json"; }
  // The job config JSON (exposed for tests).
  Result<std::string> RenderJobConfig() const;

 private:
  std::vector<std::string> tables_;  // "schema.table" to create in Bronze up front
};

}  // namespace lakehouse
