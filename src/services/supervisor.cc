#include "services/supervisor.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <sstream>

namespace lakehouse {

std::string_view ServiceStateName(ServiceState state) {
  switch (state) {
    case ServiceState::kStopped: return "stopped";
    case ServiceState::kStarting: return "starting";
    case ServiceState::kReady: return "ready";
    case ServiceState::kUnhealthy: return "unhealthy";
    case ServiceState::kFailed: return "failed";
  }
  return "unknown";
}

Supervisor::Supervisor(Env* env, const Layout* layout, std::vector<std::unique_ptr<Service>> services)
    : env_(env), layout_(layout), services_(std::move(services)) {}

Service* Supervisor::Find(const std::string& name) const {
  for (const auto& s : services_) {
    if (s->Name() == name) return s.get();
  }
  return nullptr;
}

Status Supervisor::Validate() const {
  std::set<std::string> names;
  for (const auto& s : services_) {
    if (!names.insert(s->Name()).second) return Status::InvalidArgument("service " + s->Name() + " is defined twice");
  }
  for (const auto& s : services_) {
    for (const auto& dep : s->Dependencies()) {
      if (!names.count(dep)) {
        return Status::InvalidArgument("service " + s->Name() + " depends on unknown service " + dep);
      }
    }
  }
  // Kahn's algorithm: a cycle leaves services that never reach in-degree 0.
  if (StartOrder().size() != services_.size()) {
    return Status::InvalidArgument("the service dependencies form a cycle");
  }
  return Status::OK();
}

std::vector<std::string> Supervisor::StartOrder() const {
  std::map<std::string, int> pending;
  for (const auto& s : services_) pending[s->Name()] = static_cast<int>(s->Dependencies().size());
  std::vector<std::string> order;
  std::set<std::string> done;
  bool progressed = true;
  while (progressed) {
    progressed = false;
    for (const auto& s : services_) {  // declaration order breaks ties, so the order is stable
      if (done.count(s->Name())) continue;
      bool ready = true;
      for (const auto& dep : s->Dependencies()) ready = ready && done.count(dep);
      if (!ready) continue;
      order.push_back(s->Name());
      done.insert(s->Name());
      progressed = true;
    }
  }
  return order;
}

std::optional<ProcessId> Supervisor::RunningProcess(const std::string& name) {
  auto text = env_->ReadFile(layout_->PidFile(name));
  if (!text.ok()) return std::nullopt;
  std::istringstream in(*text);
  ProcessId id;
  if (!(in >> id.pid >> id.start_ticks)) return std::nullopt;
  if (!env_->IsAlive(id)) return std::nullopt;
  return id;
}

Status Supervisor::WritePidFile(const std::string& name, const ProcessId& id) {
  return env_->WriteFileAtomic(layout_->PidFile(name), fmt::format("{} {}\n", id.pid, id.start_ticks));
}

std::string Supervisor::LogTail(const std::string& name, int lines) {
  auto text = env_->ReadFile(layout_->LogFile(name));
  if (!text.ok() || text->empty()) return "(the log is empty)";
  // Walk back over `lines` newlines, ignoring a trailing one.
  size_t start = text->size() - 1;
  for (int seen = 0; start > 0; --start) {
    if ((*text)[start - 1] == '\n' && ++seen == lines) break;
  }
  return text->substr(start);
}

Result<StartReport> Supervisor::StartAll(const ProgressFn& progress) {
  LH_RETURN_IF_ERROR(Validate());
  return Start(StartOrder(), progress);
}

Result<StartReport> Supervisor::Start(const std::vector<std::string>& names, const ProgressFn& progress) {
  LH_RETURN_IF_ERROR(Validate());
  std::set<std::string> wanted(names.begin(), names.end());
  StartReport report;
  for (const auto& name : StartOrder()) {
    if (!wanted.count(name)) continue;
    Service* service = Find(name);
    for (const auto& dep : service->Dependencies()) {
      if (!wanted.count(dep) && !RunningProcess(dep)) {
        return Status::FailedPrecondition(name + " needs " + dep + ", which is not running");
      }
    }
    bool already_running = false;
    Status status = StartOne(service, progress, &already_running);
    if (!status.ok()) {
      // Leave the machine as we found it: stop what this call started, newest first.
      for (auto it = report.started.rbegin(); it != report.started.rend(); ++it) {
        (void)Stop(*it, progress);
      }
      return status;
    }
    (already_running ? report.already_running : report.started).push_back(name);
  }
  return report;
}

Status Supervisor::StartOne(Service* service, const ProgressFn& progress, bool* already_running) {
  const std::string name = service->Name();
  if (auto running = RunningProcess(name)) {
    Status ready = service->CheckReady();
    if (ready.ok()) {
      *already_running = true;
      return Status::OK();
    }
    progress(name + ": running (pid " + std::to_string(running->pid) + ") but not ready yet; waiting");
    return WaitReady(service, *running, progress);
  }
  (void)env_->RemoveAll(layout_->PidFile(name));  // stale
  for (const auto& claim : service->Ports()) {
    Status free = env_->CheckPortFree(claim.host, claim.port);
    if (!free.ok()) {
      return Status::AlreadyExists(fmt::format(
          "{}: cannot start: {} ({}) is already in use by another program; stop it or change {} in the spec",
          name, claim.what, claim.host + ":" + std::to_string(claim.port), claim.what));
    }
  }
  LH_RETURN_IF_ERROR(env_->CreateDirs(layout_->ServiceDir(name)));
  Status prepared = service->Prepare();
  if (!prepared.ok()) {
    return prepared.WithContext(name + ": preparing failed (log: " + layout_->LogFile(name) + ")");
  }
  LH_ASSIGN_OR_RETURN(SpawnOptions command, service->Command());
  command.log_path = layout_->LogFile(name);
  progress(name + ": starting (log: " + command.log_path + ")");
  auto id = env_->Spawn(command);
  if (!id.ok()) return id.status().WithContext(name);
  LH_RETURN_IF_ERROR(WritePidFile(name, *id));
  Status ready = WaitReady(service, *id, progress);
  if (!ready.ok()) {
    (void)Stop(name, [](const std::string&) {});
  }
  return ready;
}

Status Supervisor::WaitReady(Service* service, const ProcessId& id, const ProgressFn& progress) {
  const std::string name = service->Name();
  const int64_t start = env_->NowMicros();
  const int64_t deadline = start + int64_t{service->ReadyTimeoutSeconds()} * 1000000;
  int64_t next_note = start + 15 * 1000000;
  Status last = Status::Unavailable("not checked yet");
  while (env_->NowMicros() < deadline) {
    if (!env_->IsAlive(id)) {
      return Status::Unavailable(fmt::format("{}: exited during start-up; see {}\n--- last lines ---\n{}", name,
                                             layout_->LogFile(name), LogTail(name, 20)));
    }
    last = service->CheckReady();
    if (last.ok()) {
      progress(fmt::format("{}: ready in {:.1f} s (pid {})", name, (env_->NowMicros() - start) / 1e6, id.pid));
      return Status::OK();
    }
    if (env_->NowMicros() >= next_note) {
      progress(fmt::format("{}: still waiting ({:.0f} s): {}", name, (env_->NowMicros() - start) / 1e6,
                           last.message()));
      next_note += 15 * 1000000;
    }
    env_->SleepForMicros(500000);
  }
  return Status::Timeout(fmt::format("{}: not ready after {} s ({}); see {}\n--- last lines ---\n{}", name,
                                     service->ReadyTimeoutSeconds(), last.message(), layout_->LogFile(name),
                                     LogTail(name, 20)));
}

Status Supervisor::Stop(const std::string& name, const ProgressFn& progress) {
  Service* service = Find(name);
  if (service == nullptr) return Status::NotFound("no service named " + name);
  auto running = RunningProcess(name);
  if (!running) {
    (void)env_->RemoveAll(layout_->PidFile(name));
    return Status::OK();
  }
  progress(name + ": stopping (pid " + std::to_string(running->pid) + ")");
  (void)env_->Signal(*running, service->StopSignal(), service->StopSignalsGroup());
  const int64_t deadline = env_->NowMicros() + int64_t{service->StopGraceSeconds()} * 1000000;
  while (env_->IsAlive(*running) && env_->NowMicros() < deadline) env_->SleepForMicros(200000);
  if (env_->IsAlive(*running)) {
    progress(name + ": did not stop within " + std::to_string(service->StopGraceSeconds()) + " s; killing");
    (void)env_->Signal(*running, SIGKILL);
    for (int i = 0; i < 50 && env_->IsAlive(*running); ++i) env_->SleepForMicros(100000);
  }
  if (env_->IsAlive(*running)) return Status::Internal(name + ": pid " + std::to_string(running->pid) + " survived SIGKILL");
  // Children (Spark's JVM under its Python driver) get a moment to follow their parent, then no mercy.
  for (int i = 0; i < 50 && env_->GroupAlive(running->pid); ++i) env_->SleepForMicros(100000);
  if (env_->GroupAlive(running->pid)) {
    progress(name + ": killing processes left in its group");
    (void)env_->SignalGroup(running->pid, SIGKILL);
  }
  return env_->RemoveAll(layout_->PidFile(name));
}

Status Supervisor::StopAll(const ProgressFn& progress) {
  LH_RETURN_IF_ERROR(Validate());
  auto order = StartOrder();
  Status first_error;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    Status s = Stop(*it, progress);
    if (!s.ok() && first_error.ok()) first_error = s;
  }
  return first_error;
}

std::vector<ServiceStatus> Supervisor::StatusAll() {
  std::vector<ServiceStatus> out;
  for (const auto& name : StartOrder()) {
    Service* service = Find(name);
    ServiceStatus st;
    st.name = name;
    st.endpoint = service->Endpoint();
    if (auto running = RunningProcess(name)) {
      st.pid = running->pid;
      st.rss_bytes = env_->ResidentBytes(*running);
      Status ready = service->CheckReady();
      st.state = ready.ok() ? ServiceState::kReady : ServiceState::kUnhealthy;
      if (!ready.ok()) st.detail = ready.message();
    } else if (env_->FileExists(layout_->PidFile(name))) {
      st.state = ServiceState::kFailed;
      st.detail = "exited; see " + layout_->LogFile(name);
    }
    out.push_back(std::move(st));
  }
  return out;
}

}  // namespace lakehouse
