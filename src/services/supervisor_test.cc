#include "services/supervisor.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace lakehouse {
namespace {

// A service whose process is a shell command and whose readiness is a file
// that the command creates, so tests control start-up, crashes and hangs.
class ScriptService : public Service {
 public:
  ScriptService(const ServiceContext& ctx, std::string name, std::vector<std::string> deps, std::string script,
                std::vector<PortClaim> ports = {}, int ready_timeout = 10)
      : Service(ctx), name_(std::move(name)), deps_(std::move(deps)), script_(std::move(script)),
        ports_(std::move(ports)), ready_timeout_(ready_timeout) {}

  std::string Name() const override { return name_; }
  std::vector<std::string> Dependencies() const override { return deps_; }
  std::vector<PortClaim> Ports() const override { return ports_; }
  std::string Endpoint() const override { return "-"; }
  Status Prepare() override { return Status::OK(); }
  Result<SpawnOptions> Command() const override {
    SpawnOptions options;
    options.argv = {"sh", "-c", script_};
    options.env["READY_FILE"] = ReadyFile();
    return options;
  }
  Status CheckReady() override {
    return env()->FileExists(ReadyFile()) ? Status::OK() : Status::Unavailable("no ready file");
  }
  int ReadyTimeoutSeconds() const override { return ready_timeout_; }
  int StopGraceSeconds() const override { return 2; }

 private:
  std::string ReadyFile() const { return layout().ServiceDir(name_) + "/ready"; }
  std::string name_;
  std::vector<std::string> deps_;
  std::string script_;
  std::vector<PortClaim> ports_;
  int ready_timeout_;
};

constexpr const char* kHealthy = "touch \"$READY_FILE\"; exec sleep 60";

class SupervisorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lh_supervisor_test_XXXXXX";
    home_ = mkdtemp(tmpl);
    layout_ = std::make_unique<Layout>(home_, home_, home_ + "/cache");
    ctx_.layout = layout_.get();
    ctx_.env = env_;
  }
  void TearDown() override {
    if (supervisor_) (void)supervisor_->StopAll([](const std::string&) {});
    (void)env_->RemoveAll(home_);
  }
  Supervisor& Make(std::vector<std::unique_ptr<Service>> services) {
    supervisor_ = std::make_unique<Supervisor>(env_, layout_.get(), std::move(services));
    return *supervisor_;
  }
  std::unique_ptr<Service> Svc(std::string name, std::vector<std::string> deps, std::string script = kHealthy,
                               std::vector<PortClaim> ports = {}, int ready_timeout = 10) {
    return std::make_unique<ScriptService>(ctx_, std::move(name), std::move(deps), std::move(script),
                                           std::move(ports), ready_timeout);
  }

  Env* env_ = Env::Default();
  std::string home_;
  std::unique_ptr<Layout> layout_;
  ServiceContext ctx_;
  std::unique_ptr<Supervisor> supervisor_;
  std::vector<std::string> lines_;
  ProgressFn progress_ = [this](const std::string& line) { lines_.push_back(line); };
};

TEST_F(SupervisorTest, StartsInDependencyOrderAndStopsInReverse) {
  std::vector<std::unique_ptr<Service>> services;
  services.push_back(Svc("connect", {"kafka"}));
  services.push_back(Svc("kafka", {}));
  services.push_back(Svc("ingest", {"kafka", "connect"}));
  auto& sup = Make(std::move(services));
  ASSERT_TRUE(sup.Validate().ok());
  EXPECT_EQ(sup.StartOrder(), (std::vector<std::string>{"kafka", "connect", "ingest"}));
  auto report = sup.StartAll(progress_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->started.size(), 3u);
  for (const auto& st : sup.StatusAll()) EXPECT_EQ(st.state, ServiceState::kReady) << st.name;

  auto again = sup.StartAll(progress_);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->started.empty());
  EXPECT_EQ(again->already_running.size(), 3u);

  ASSERT_TRUE(sup.StopAll(progress_).ok());
  for (const auto& st : sup.StatusAll()) EXPECT_EQ(st.state, ServiceState::kStopped) << st.name;
}

TEST_F(SupervisorTest, RejectsCyclesAndUnknownDependencies) {
  std::vector<std::unique_ptr<Service>> cyclic;
  cyclic.push_back(Svc("a", {"b"}));
  cyclic.push_back(Svc("b", {"a"}));
  EXPECT_NE(Make(std::move(cyclic)).Validate().message().find("cycle"), std::string::npos);

  std::vector<std::unique_ptr<Service>> unknown;
  unknown.push_back(Svc("a", {"zookeeper"}));
  EXPECT_EQ(Make(std::move(unknown)).Validate().message(), "service a depends on unknown service zookeeper");
}

TEST_F(SupervisorTest, PortInUseIsAClearErrorAndNothingStays) {
  // Occupy a port with a listener of our own.
  int port = 0;
  for (int p = 39300; p < 39400 && port == 0; ++p) {
    if (env_->CheckPortFree("127.0.0.1", p).ok()) port = p;
  }
  ASSERT_NE(port, 0);
  auto blocker = env_->Spawn({.argv = {"python3", "-c",
                                       "import socket,time;s=socket.socket();s.bind(('127.0.0.1'," +
                                           std::to_string(port) + "));s.listen();time.sleep(30)"},
                              .log_path = home_ + "/blocker.log"});
  ASSERT_TRUE(blocker.ok());
  for (int i = 0; i < 100 && !env_->ProbeTcp("127.0.0.1", port, 100).ok(); ++i) env_->SleepForMicros(50000);

  std::vector<std::unique_ptr<Service>> services;
  services.push_back(Svc("postgres", {}));
  services.push_back(Svc("kafka", {"postgres"}, kHealthy, {{"kafka.port", "127.0.0.1", port}}));
  auto& sup = Make(std::move(services));
  auto report = sup.StartAll(progress_);
  (void)env_->Signal(*blocker, SIGKILL);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(report.status().message().find("kafka.port (127.0.0.1:" + std::to_string(port) + ") is already in use"),
            std::string::npos)
      << report.status().message();
  // postgres was started by this call, so it was stopped again.
  EXPECT_FALSE(sup.RunningProcess("postgres").has_value());
}

TEST_F(SupervisorTest, CrashDuringStartNamesTheLog) {
  std::vector<std::unique_ptr<Service>> services;
  services.push_back(Svc("kafka", {}, "echo 'fatal: no meta.properties' >&2; exit 1"));
  auto& sup = Make(std::move(services));
  auto report = sup.StartAll(progress_);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("kafka: exited during start-up; see " + layout_->LogFile("kafka")),
            std::string::npos);
  EXPECT_NE(report.status().message().find("fatal: no meta.properties"), std::string::npos);
}

TEST_F(SupervisorTest, HangingStartTimesOutAndIsKilled) {
  std::vector<std::unique_ptr<Service>> services;
  services.push_back(Svc("connect", {}, "exec sleep 60", {}, /*ready_timeout=*/1));
  auto& sup = Make(std::move(services));
  auto report = sup.StartAll(progress_);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kTimeout);
  EXPECT_FALSE(sup.RunningProcess("connect").has_value());
}

TEST_F(SupervisorTest, StalePidFileIsIgnored) {
  ASSERT_TRUE(env_->CreateDirs(layout_->ServiceDir("kafka")).ok());
  // A pid that exists (ours) but with the wrong start time: not the service.
  ASSERT_TRUE(env_->WriteFileAtomic(layout_->PidFile("kafka"), std::to_string(getpid()) + " 1\n").ok());
  std::vector<std::unique_ptr<Service>> services;
  services.push_back(Svc("kafka", {}));
  auto& sup = Make(std::move(services));
  EXPECT_FALSE(sup.RunningProcess("kafka").has_value());
  auto report = sup.StartAll(progress_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->started, std::vector<std::string>{"kafka"});
}

TEST_F(SupervisorTest, DeadServiceShowsAsFailed) {
  std::vector<std::unique_ptr<Service>> services;
  services.push_back(Svc("kafka", {}));
  auto& sup = Make(std::move(services));
  ASSERT_TRUE(sup.StartAll(progress_).ok());
  auto id = sup.RunningProcess("kafka");
  ASSERT_TRUE(id.has_value());
  ASSERT_TRUE(env_->Signal(*id, SIGKILL).ok());
  for (int i = 0; i < 50 && env_->IsAlive(*id); ++i) env_->SleepForMicros(50000);
  auto st = sup.StatusAll();
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].state, ServiceState::kFailed);
}

}  // namespace
}  // namespace lakehouse
