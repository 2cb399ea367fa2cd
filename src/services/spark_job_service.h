// SparkJobService: a long-running Spark Structured Streaming driver from jobs/,
// run as a supervised process: `ingest` (jobs/bronze_ingest.py: topics to
// Bronze) and `silver` (jobs/silver_rt.py: Bronze to Silver_RT).
//
// Every job gets the same JSON config, rendered from the spec; a job reports
// progress in its state file, which is also how readiness is seen: ready once
// its streaming queries have started.
#pragma once

#include "services/service.h"

namespace lakehouse {

struct SparkJobSpec {
  std::string name;                       // service name: "ingest", "silver"
  std::string script;                     // repo-relative driver, e.g. "jobs/bronze_ingest.py"
  std::vector<std::string> dependencies;  // besides the object store
};

class SparkJobService final : public Service {
 public:
  SparkJobService(const ServiceContext& context, SparkJobSpec job, std::vector<std::string> tables)
      : Service(context), job_(std::move(job)), tables_(std::move(tables)) {}

  std::string Name() const override { return job_.name; }
  std::vector<std::string> Dependencies() const override;
  std::vector<PortClaim> Ports() const override { return {}; }
  std::string Endpoint() const override;
  Status Prepare() override;
  Result<SpawnOptions> Command() const override;
  Status CheckReady() override;
  int ReadyTimeoutSeconds() const override { return 240; }
  bool StartsAfterProvisioning() const override { return true; }
  // The Python driver stops its queries and its JVM itself on SIGTERM.
  bool StopSignalsGroup() const override { return false; }
  int StopGraceSeconds() const override { return 45; }

  std::string StateFile() const { return layout().ServiceDir(Name()) + "/state.json"; }
  std::string JobConfigFile() const { return layout().ConfDir(Name()) + "/job.json"; }
  // The job config JSON (exposed for tests).
  Result<std::string> RenderJobConfig() const;

 private:
  SparkJobSpec job_;
  std::vector<std::string> tables_;  // "schema.table" of the captured tables known now
};

}  // namespace lakehouse
