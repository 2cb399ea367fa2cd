// FakeClockEnv (tests only): an Env whose clock is manual. SleepForMicros
// advances the clock instead of sleeping and records each sleep; every other
// call is forwarded to Env::Default(). Thread-safe.
//
// The common module has no FakeEnv or EnvWrapper yet, so every Env method is
// forwarded by hand here; when common gets one, this should derive from it.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

#include "common/env.h"

namespace lakehouse::workload {

class FakeClockEnv : public Env {
 public:
  explicit FakeClockEnv(int64_t start_micros = 1'700'000'000'000'000) : now_(start_micros) {}

  void Advance(int64_t micros) { now_ += micros; }
  std::vector<int64_t> sleeps() {
    std::lock_guard<std::mutex> lock(mu_);
    return sleeps_;
  }
  int64_t total_slept() {
    std::lock_guard<std::mutex> lock(mu_);
    int64_t total = 0;
    for (int64_t s : sleeps_) total += s;
    return total;
  }

  int64_t NowMicros() override { return now_; }
  void SleepForMicros(int64_t micros) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      sleeps_.push_back(micros);
    }
    now_ += micros;
  }

  Result<std::string> ReadFile(const std::string& path) override { return base_->ReadFile(path); }
  Status WriteFileAtomic(const std::string& path, std::string_view data, int mode) override {
    return base_->WriteFileAtomic(path, data, mode);
  }
  bool FileExists(const std::string& path) override { return base_->FileExists(path); }
  Status CreateDirs(const std::string& path) override { return base_->CreateDirs(path); }
  Status RemoveAll(const std::string& path) override { return base_->RemoveAll(path); }
  Result<std::vector<std::string>> ListDir(const std::string& path) override { return base_->ListDir(path); }
  Status Chown(const std::string& path, const std::string& user, bool recursive) override {
    return base_->Chown(path, user, recursive);
  }
  Result<std::string> RandomBytes(size_t n) override { return base_->RandomBytes(n); }
  Result<ProcessId> Spawn(const SpawnOptions& options) override { return base_->Spawn(options); }
  Result<CommandResult> Run(const CommandOptions& options) override { return base_->Run(options); }
  bool IsAlive(const ProcessId& id) override { return base_->IsAlive(id); }
  Result<uint64_t> StartTicks(int pid) override { return base_->StartTicks(pid); }
  Status Signal(const ProcessId& id, int signal, bool whole_group) override {
    return base_->Signal(id, signal, whole_group);
  }
  bool GroupAlive(int pgid) override { return base_->GroupAlive(pgid); }
  Status SignalGroup(int pgid, int signal) override { return base_->SignalGroup(pgid, signal); }
  uint64_t ResidentBytes(const ProcessId& id) override { return base_->ResidentBytes(id); }
  Status ProbeTcp(const std::string& host, int port, int timeout_ms) override {
    return base_->ProbeTcp(host, port, timeout_ms);
  }
  Status CheckPortFree(const std::string& host, int port) override { return base_->CheckPortFree(host, port); }

 private:
  Env* const base_ = Env::Default();
  std::atomic<int64_t> now_;
  std::mutex mu_;
  std::vector<int64_t> sleeps_;
};

}  // namespace lakehouse::workload
