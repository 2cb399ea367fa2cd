// Service: one supervised process of the stack (PostgreSQL, Kafka, ...).
//
// A Service describes itself (name, dependencies, ports, command) and answers
// readiness in its own protocol; the Supervisor does the generic lifecycle
// (pid files, port checks, spawning, waiting, stopping). Implementations hold
// no process state of their own, so two CLI invocations agree on what runs.
#pragma once

#include <signal.h>

#include <string>
#include <vector>

#include "common/env.h"
#include "config/pipeline_spec.h"
#include "services/credentials.h"
#include "services/install_paths.h"
#include "services/layout.h"

namespace lakehouse {

// What every service gets to work with. All pointers outlive the services.
struct ServiceContext {
  const PipelineSpec* spec = nullptr;
  const Layout* layout = nullptr;
  const Credentials* credentials = nullptr;
  const InstallPaths* install = nullptr;
  Env* env = nullptr;
};

struct PortClaim {
  std::string what;  // e.g. "kafka.port"
  std::string host;
  int port = 0;
};

class Service {
 public:
  explicit Service(const ServiceContext& context) : ctx_(context) {}
  virtual ~Service() = default;
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  virtual std::string Name() const = 0;
  virtual std::vector<std::string> Dependencies() const = 0;
  // Ports the service binds; each must be free before it starts.
  virtual std::vector<PortClaim> Ports() const = 0;
  // Where clients connect, for `status` ("127.0.0.1:29092").
  virtual std::string Endpoint() const = 0;
  // Renders configs and initialises data directories. Idempotent.
  virtual Status Prepare() = 0;
  virtual Result<SpawnOptions> Command() const = 0;
  // OK once the service answers real requests in its own protocol.
  virtual Status CheckReady() = 0;

  virtual int ReadyTimeoutSeconds() const { return 120; }
  // True for services that consume what provisioning creates (the Spark jobs
  // need the connector, bucket and tables): `up` starts them after it.
  virtual bool StartsAfterProvisioning() const { return false; }
  virtual int StopSignal() const { return SIGTERM; }
  virtual int StopGraceSeconds() const { return 30; }
  // Whether StopSignal() goes to the whole process group or only to the main
  // process (which then stops its children itself). SIGKILL after the grace
  // period always goes to the whole group.
  virtual bool StopSignalsGroup() const { return true; }

 protected:
  const ServiceContext& ctx() const { return ctx_; }
  Env* env() const { return ctx_.env; }
  const PipelineSpec& spec() const { return *ctx_.spec; }
  const Layout& layout() const { return *ctx_.layout; }
  // Renders the template at repo path `relative` into ConfDir(Name())/<out_name>.
  Status RenderConfigFile(const std::string& relative, const std::string& out_name,
                          const std::map<std::string, std::string>& vars, int mode = 0644) const;

 private:
  ServiceContext ctx_;
};

}  // namespace lakehouse
