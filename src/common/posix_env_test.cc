#include <signal.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "common/env.h"

namespace lakehouse {
namespace {

class PosixEnvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lh_env_test_XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { ASSERT_TRUE(env_->RemoveAll(dir_).ok()); }

  Env* env_ = Env::Default();
  std::string dir_;
};

TEST_F(PosixEnvTest, AtomicWriteKeepsModeAndContent) {
  std::string path = dir_ + "/creds";
  ASSERT_TRUE(env_->WriteFileAtomic(path, "A=1\n", 0600).ok());
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*env_->ReadFile(path), "A=1\n");
}

TEST_F(PosixEnvTest, RunCapturesOutputAndExitCode) {
  auto r = env_->Run({.argv = {"sh", "-c", "cat; echo err >&2; exit 3"}, .stdin_data = "in\n"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->exit_code, 3);
  EXPECT_EQ(r->output, "in\nerr\n");
}

TEST_F(PosixEnvTest, RunReportsMissingProgram) {
  auto r = env_->Run({.argv = {"/nonexistent/program"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/program"), std::string::npos);
}

TEST_F(PosixEnvTest, RunTimesOut) {
  auto r = env_->Run({.argv = {"sleep", "5"}, .timeout_ms = 200});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->timed_out);
}

TEST_F(PosixEnvTest, SpawnDetachesAndSignalStops) {
  std::string log = dir_ + "/svc.log";
  auto id = env_->Spawn({.argv = {"sh", "-c", "echo started; exec sleep 30"}, .log_path = log});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_TRUE(env_->IsAlive(*id));
  EXPECT_FALSE(env_->IsAlive(ProcessId{id->pid, id->start_ticks + 1})) << "a reused pid must not look alive";
  for (int i = 0; i < 100 && env_->ReadFile(log).value_or("").empty(); ++i) env_->SleepForMicros(20000);
  ASSERT_TRUE(env_->Signal(*id, SIGTERM).ok());
  for (int i = 0; i < 100 && env_->IsAlive(*id); ++i) env_->SleepForMicros(20000);
  EXPECT_FALSE(env_->IsAlive(*id));
  EXPECT_EQ(*env_->ReadFile(log), "started\n");
}

TEST_F(PosixEnvTest, SpawnReportsExecFailure) {
  auto id = env_->Spawn({.argv = {"/nonexistent/daemon"}, .log_path = dir_ + "/x.log"});
  ASSERT_FALSE(id.ok());
  EXPECT_NE(id.status().message().find("cannot execute /nonexistent/daemon"), std::string::npos);
}

TEST_F(PosixEnvTest, PortProbesSeeAListener) {
  // Find a free port, occupy it with a listener, then probe it.
  int port = 0;
  for (int p = 39100; p < 39200; ++p) {
    if (env_->CheckPortFree("127.0.0.1", p).ok()) {
      port = p;
      break;
    }
  }
  ASSERT_NE(port, 0);
  EXPECT_FALSE(env_->ProbeTcp("127.0.0.1", port, 200).ok());
  std::string script = "import socket,time;s=socket.socket();s.bind(('127.0.0.1'," + std::to_string(port) +
                       "));s.listen();print('up',flush=True);time.sleep(30)";
  auto id = env_->Spawn({.argv = {"python3", "-c", script}, .log_path = dir_ + "/py.log"});
  ASSERT_TRUE(id.ok());
  bool up = false;
  for (int i = 0; i < 100 && !up; ++i) {
    up = env_->ProbeTcp("127.0.0.1", port, 200).ok();
    if (!up) env_->SleepForMicros(50000);
  }
  EXPECT_TRUE(up);
  auto busy = env_->CheckPortFree("127.0.0.1", port);
  EXPECT_EQ(busy.code(), StatusCode::kAlreadyExists);
  EXPECT_NE(busy.message().find(std::to_string(port)), std::string::npos);
  EXPECT_GT(env_->ResidentBytes(*id), 0u);
  ASSERT_TRUE(env_->Signal(*id, SIGKILL).ok());
}

}  // namespace
}  // namespace lakehouse
