// Supervisor: starts, checks and stops the services of one stack.
//
// Start order comes from each service's Dependencies(); Validate() rejects
// unknown dependencies and cycles before anything runs. A started service is
// recorded in a pid file ("<pid> <start ticks>", so a reused pid is not taken
// for it). StartAll() stops what it started itself if a later service fails,
// and StopAll() runs in reverse start order: signal, grace period, SIGKILL,
// remove the pid file. Not thread-safe: one Supervisor per CLI invocation.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/env.h"
#include "services/layout.h"
#include "services/service.h"

namespace lakehouse {

enum class ServiceState { kStopped, kStarting, kReady, kUnhealthy, kFailed };
std::string_view ServiceStateName(ServiceState state);

struct ServiceStatus {
  std::string name;
  ServiceState state = ServiceState::kStopped;
  int pid = 0;
  std::string endpoint;
  uint64_t rss_bytes = 0;
  std::string detail;  // why it is unhealthy, or ""
};

struct StartReport {
  std::vector<std::string> started;          // in start order
  std::vector<std::string> already_running;
};

// Progress lines for a person ("kafka: ready in 6.1 s").
using ProgressFn = std::function<void(const std::string&)>;

class Supervisor {
 public:
  Supervisor(Env* env, const Layout* layout, std::vector<std::unique_ptr<Service>> services);

  // Dependency graph checks: every dependency exists, no cycles.
  Status Validate() const;
  // Starts what is not running, in dependency order, each waited for until ready.
  Result<StartReport> StartAll(const ProgressFn& progress);
  // The same for `names` only (started in dependency order; their dependencies
  // must already run). On failure, stops what this call started.
  Result<StartReport> Start(const std::vector<std::string>& names, const ProgressFn& progress);
  // Stops every service in reverse dependency order.
  Status StopAll(const ProgressFn& progress);
  Status Stop(const std::string& name, const ProgressFn& progress);
  std::vector<ServiceStatus> StatusAll();
  // Names in start order. REQUIRES: Validate() is OK.
  std::vector<std::string> StartOrder() const;

  Service* Find(const std::string& name) const;
  // The recorded process of `name` if it is alive.
  std::optional<ProcessId> RunningProcess(const std::string& name);

 private:
  Status StartOne(Service* service, const ProgressFn& progress, bool* already_running);
  Status WaitReady(Service* service, const ProcessId& id, const ProgressFn& progress);
  Status WritePidFile(const std::string& name, const ProcessId& id);
  std::string LogTail(const std::string& name, int lines);

  Env* env_;
  const Layout* layout_;
  std::vector<std::unique_ptr<Service>> services_;
};

}  // namespace lakehouse
