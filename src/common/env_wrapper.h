// EnvWrapper: an Env that forwards every call to another Env.
//
// Tests derive from it and override only what they fake (the clock, a failing
// write), in the manner of LevelDB's EnvWrapper. Thread-safe if the target is.
#pragma once

#include "common/env.h"

namespace lakehouse {

class EnvWrapper : public Env {
 public:
  // REQUIRES: target outlives the wrapper.
  explicit EnvWrapper(Env* target = Env::Default()) : target_(target) {}
  Env* target() const { return target_; }

  Result<std::string> ReadFile(const std::string& path) override { return target_->ReadFile(path); }
  Status WriteFileAtomic(const std::string& path, std::string_view data, int mode) override {
    return target_->WriteFileAtomic(path, data, mode);
  }
  bool FileExists(const std::string& path) override { return target_->FileExists(path); }
  Status CreateDirs(const std::string& path) override { return target_->CreateDirs(path); }
  Status RemoveAll(const std::string& path) override { return target_->RemoveAll(path); }
  Result<std::vector<std::string>> ListDir(const std::string& path) override { return target_->ListDir(path); }
  Status Chown(const std::string& path, const std::string& user, bool recursive) override {
    return target_->Chown(path, user, recursive);
  }
  Result<std::string> RandomBytes(size_t n) override { return target_->RandomBytes(n); }
  int64_t NowMicros() override { return target_->NowMicros(); }
  void SleepForMicros(int64_t micros) override { target_->SleepForMicros(micros); }
  Result<ProcessId> Spawn(const SpawnOptions& options) override { return target_->Spawn(options); }
  Result<CommandResult> Run(const CommandOptions& options) override { return target_->Run(options); }
  bool IsAlive(const ProcessId& id) override { return target_->IsAlive(id); }
  Result<uint64_t> StartTicks(int pid) override { return target_->StartTicks(pid); }
  Status Signal(const ProcessId& id, int signal, bool whole_group) override {
    return target_->Signal(id, signal, whole_group);
  }
  bool GroupAlive(int pgid) override { return target_->GroupAlive(pgid); }
  Status SignalGroup(int pgid, int signal) override { return target_->SignalGroup(pgid, signal); }
  uint64_t ResidentBytes(const ProcessId& id) override { return target_->ResidentBytes(id); }
  Status ProbeTcp(const std::string& host, int port, int timeout_ms) override {
    return target_->ProbeTcp(host, port, timeout_ms);
  }
  Status CheckPortFree(const std::string& host, int port) override { return target_->CheckPortFree(host, port); }

 private:
  Env* const target_;
};

}  // namespace lakehouse
