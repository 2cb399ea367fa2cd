// Env: the one seam between the project and the operating system.
//
// Everything that touches files, processes, the clock or the network probes goes
// through an Env, so tests can swap in a fake or wrap the real one to inject
// faults (see FaultEnv in env_test_util.h). Components receive an Env* through
// their options and never call fork(), std::filesystem or the system clock
// directly. Every implementation must be safe for concurrent use.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace lakehouse {

// How to start a long-running child (a service).
struct SpawnOptions {
  std::vector<std::string> argv;              // argv[0] is looked up in PATH
  std::map<std::string, std::string> env;     // added to (and overriding) the parent's environment
  std::vector<std::string> unset_env;         // removed from the child's environment
  std::string working_dir;                    // "" = inherit
  std::string log_path;                       // stdout and stderr are appended here; REQUIRED
  std::optional<std::string> run_as_user;     // drop privileges to this user (e.g. "postgres")
};

// How to run a command to completion.
struct CommandOptions {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
  std::string working_dir;
  std::optional<std::string> run_as_user;
  std::string stdin_data;
  // When set, output is appended to this file instead of being captured.
  std::string log_path;
  int64_t timeout_ms = 0;  // 0 = no limit
};

struct CommandResult {
  int exit_code = -1;      // -1 if killed by a signal or timed out
  bool timed_out = false;
  std::string output;      // stdout + stderr, unless CommandOptions::log_path was set
};

// A process identity that survives pid reuse: the pid plus its start time in
// clock ticks since boot (field 22 of /proc/<pid>/stat).
struct ProcessId {
  int pid = 0;
  uint64_t start_ticks = 0;
};

class Env {
 public:
  virtual ~Env() = default;

  // The process-wide real environment. Never deleted.
  static Env* Default();

  // ---- files
  virtual Result<std::string> ReadFile(const std::string& path) = 0;
  // Writes via a temp file, fsync and rename, so readers see old or new, never half.
  virtual Status WriteFileAtomic(const std::string& path, std::string_view data, int mode = 0644) = 0;
  virtual bool FileExists(const std::string& path) = 0;
  virtual Status CreateDirs(const std::string& path) = 0;
  virtual Status RemoveAll(const std::string& path) = 0;
  virtual Result<std::vector<std::string>> ListDir(const std::string& path) = 0;
  virtual Status Chown(const std::string& path, const std::string& user, bool recursive) = 0;

  // `n` bytes from the kernel's random source, for generated secrets and ids.
  virtual Result<std::string> RandomBytes(size_t n) = 0;

  // ---- clock
  virtual int64_t NowMicros() = 0;  // wall clock, microseconds since the epoch
  virtual void SleepForMicros(int64_t micros) = 0;

  // ---- processes
  // Starts a detached child in its own session (so it outlives this process
  // and can be signalled as a group) and returns its identity once exec succeeded.
  virtual Result<ProcessId> Spawn(const SpawnOptions& options) = 0;
  virtual Result<CommandResult> Run(const CommandOptions& options) = 0;
  // True if a process with this pid exists and started at start_ticks.
  virtual bool IsAlive(const ProcessId& id) = 0;
  virtual Result<uint64_t> StartTicks(int pid) = 0;
  // Sends `signal` to the process group led by id.pid (falling back to the pid),
  // or, with whole_group false, to that one process.
  virtual Status Signal(const ProcessId& id, int signal, bool whole_group = true) = 0;
  // True while any process remains in the process group `pgid` (a service's
  // children can outlive its main process).
  virtual bool GroupAlive(int pgid) = 0;
  virtual Status SignalGroup(int pgid, int signal) = 0;
  // Resident set size of the process and its descendants, in bytes.
  virtual uint64_t ResidentBytes(const ProcessId& id) = 0;

  // ---- probes
  // OK if something accepts TCP connections on host:port within timeout_ms.
  virtual Status ProbeTcp(const std::string& host, int port, int timeout_ms) = 0;
  // OK if this process could bind host:port right now (i.e. it is free).
  virtual Status CheckPortFree(const std::string& host, int port) = 0;
};

}  // namespace lakehouse
