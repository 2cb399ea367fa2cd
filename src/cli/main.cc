// lakehouse: the command that installs, runs, inspects and demonstrates the
// CDC lakehouse (PostgreSQL -> Debezium -> Kafka -> Spark -> Delta on S3).
//
// Exit codes: 0 success, 1 a step failed (the message names the log to read),
// 2 bad usage or configuration.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/stack.h"
#include "cli/status_report.h"
#include "common/kafka_client.h"
#include "verify/verifier.h"
#include "workload/workload_generator.h"

#ifndef LAKEHOUSE_SOURCE_DIR
#error "LAKEHOUSE_SOURCE_DIR must be defined by the build"
#endif

namespace lakehouse {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

std::string RepoRoot() {
  if (const char* repo = std::getenv("LAKEHOUSE_REPO"); repo != nullptr && *repo != '\0') return repo;
  return LAKEHOUSE_SOURCE_DIR;
}

void Say(const std::string& line) { std::cout << "lakehouse: " << line << std::endl; }

int Fail(const std::string& verb, const Status& status) {
  std::cerr << "lakehouse " << verb << ": error: " << status.message() << std::endl;
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
}

struct GlobalOptions {
  std::string spec_path;
};

Result<std::unique_ptr<Stack>> OpenStack(const GlobalOptions& global) {
  return Stack::Open(Env::Default(), global.spec_path, RepoRoot());
}

int RunUp(const GlobalOptions& global) {
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("up", stack.status());
  const int64_t start = Env::Default()->NowMicros();
  Status status = (*stack)->Up(Say);
  if (!status.ok()) return Fail("up", status);
  Say(fmt::format("up in {:.1f} s; `lakehouse status` shows the stack", (Env::Default()->NowMicros() - start) / 1e6));
  return 0;
}

int RunInstall(const GlobalOptions& global) {
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("install", stack.status());
  Status status = (*stack)->Install(Say);
  if (!status.ok()) return Fail("install", status);
  Say("everything is installed");
  return 0;
}

int RunDown(const GlobalOptions& global, bool purge) {
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("down", stack.status());
  Status status = (*stack)->Down(purge, Say);
  if (!status.ok()) return Fail("down", status);
  Say(purge ? "stopped; data, slot and credentials removed" : "stopped");
  return 0;
}

int RunStatus(const GlobalOptions& global, bool json) {
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("status", stack.status());
  StackStatus status = (*stack)->Inspect();
  std::cout << (json ? StatusJson(**stack, status) + "\n" : StatusTable(**stack, status));
  return 0;
}

int RunLogs(const GlobalOptions& global, const std::string& service, int lines, bool follow) {
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("logs", stack.status());
  if ((*stack)->supervisor().Find(service) == nullptr) {
    return Fail("logs", Status::InvalidArgument("no service named `" + service +
                                                "`; services: postgres, seaweedfs, kafka, connect, ingest"));
  }
  const std::string path = (*stack)->layout().LogFile(service);
  if (!std::filesystem::exists(path)) return Fail("logs", Status::NotFound("no log yet at " + path));
  std::vector<std::string> argv = {"tail", "-n", std::to_string(lines)};
  if (follow) argv.push_back("-F");
  argv.push_back(path);
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  execvp("tail", cargv.data());
  return Fail("logs", Status::FromErrno("cannot run tail", errno));
}

std::atomic<workload::WorkloadGenerator*> g_generator{nullptr};

int RunGenerate(const GlobalOptions& global, workload::WorkloadOptions options) {
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("generate", stack.status());
  auto dsn = (*stack)->AppConninfo();
  if (!dsn.ok()) return Fail("generate", dsn.status());
  options.dsn = *dsn;
  if (Status valid = workload::ValidateWorkloadOptions(options); !valid.ok()) return Fail("generate", valid);
  workload::WorkloadGenerator generator(options, Env::Default());
  g_generator = &generator;
  // Ctrl-C ends the run cleanly: batches in flight finish and are counted.
  signal(SIGINT, [](int) {
    if (auto* g = g_generator.load()) g->RequestStop();
  });
  Say(fmt::format("generating {} changes/s for {} s against {}", options.rate_per_sec, options.duration_sec,
                  (*stack)->SourceUri()));
  auto report = generator.Run([](const workload::WorkloadReport& r) { Say(r.Summary()); });
  g_generator = nullptr;
  if (!report.ok()) return Fail("generate", report.status());
  std::cout << report->ToString() << std::endl;
  return 0;
}

int RunDemo(const GlobalOptions& global, workload::WorkloadOptions options) {
  if (int rc = RunUp(global); rc != 0) return rc;
  if (int rc = RunGenerate(global, options); rc != 0) return rc;
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("demo", stack.status());
  // Wait until Bronze holds the generator's last changes: the ingest job
  // reports the commit time of the newest change it has written, and the
  // generator commits about twenty times a second up to its end.
  Say("waiting for the changes to land in Bronze");
  const int64_t generated_until_ms = Env::Default()->NowMicros() / 1000;
  StackStatus status;
  for (int attempt = 0; attempt < 120; ++attempt) {
    status = (*stack)->Inspect();
    auto ingest = nlohmann::json::parse(status.job_states["ingest"], nullptr, false);
    if (!ingest.is_discarded() && ingest.value("max_source_ts_ms", int64_t{0}) >= generated_until_ms - 2000) break;
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
  std::cout << StatusTable(**stack, status);
  Say("the stack keeps running: `lakehouse generate` adds changes, `lakehouse down` stops it");
  return 0;
}

// Compares every captured source table with its Silver_RT table; exit 1 on any difference.
int RunVerify(const GlobalOptions& global, int timeout_s, bool json) {
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("verify", stack.status());
  auto conninfo = (*stack)->AppConninfo();
  auto s3 = (*stack)->S3();
  if (!conninfo.ok()) return Fail("verify", conninfo.status());
  if (!s3.ok()) return Fail("verify", s3.status());
  const auto& spec = (*stack)->spec();
  verify::VerifierOptions options;
  options.source.conninfo = *conninfo;
  options.source.where = (*stack)->SourceUri();
  options.store = s3->get();
  options.bucket = spec.s3.bucket;
  options.table.timeout_ms = int64_t{timeout_s} * 1000;
  options.table.ordered_stream = spec.kafka.partitions == 1;
  verify::Verifier verifier(options);
  auto tables = verifier.ListTables(spec.source.schemas);
  if (!tables.ok()) return Fail("verify", tables.status());
  nlohmann::json reports = nlohmann::json::array();
  int failed = 0;
  for (const auto& qualified : *tables) {
    const auto dot = qualified.find('.');
    auto report = verifier.VerifyTable(qualified.substr(0, dot), qualified.substr(dot + 1));
    if (!report.ok()) {
      ++failed;
      std::cerr << "lakehouse verify: " << qualified << ": " << report.status().message() << std::endl;
      reports.push_back({{"table", qualified}, {"error", report.status().message()}});
      continue;
    }
    if (!report->ok()) ++failed;
    if (json) {
      reports.push_back(report->ToJson());
    } else {
      std::cout << report->ToString() << std::endl;
    }
  }
  if (json) std::cout << reports.dump(2) << std::endl;
  if (failed > 0) {
    std::cerr << "lakehouse verify: " << failed << " of " << tables->size()
              << " tables differ from the source" << std::endl;
    return kExitFailure;
  }
  Say(std::to_string(tables->size()) + " tables: Silver_RT equals the source");
  return 0;
}

int RunProduce(const GlobalOptions& global, const std::string& topic, const std::string& key,
               const std::string& value, bool null_value) {
  auto stack = OpenStack(global);
  if (!stack.ok()) return Fail("produce", stack.status());
  const auto& spec = (*stack)->spec();
  KafkaClient kafka(spec.kafka.host + ":" + std::to_string(spec.kafka.port));
  Status status = kafka.Produce(topic, key.empty() ? std::nullopt : std::optional<std::string>(key),
                                null_value ? std::nullopt : std::optional<std::string>(value), 10000);
  if (!status.ok()) return Fail("produce", status);
  return 0;
}

void AddWorkloadOptions(CLI::App* cmd, workload::WorkloadOptions* options) {
  cmd->add_option("--rate", options->rate_per_sec, "changes per second (0 = as fast as possible)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--duration", options->duration_sec, "seconds to run")->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", options->seed, "random seed: the same seed gives the same rows");
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"lakehouse: a PostgreSQL -> Debezium -> Kafka -> Spark -> Delta Lake pipeline on one machine"};
  app.require_subcommand(1);
  app.fallthrough();  // `lakehouse up --spec F` as well as `lakehouse --spec F up`
  GlobalOptions global;
  global.spec_path = RepoRoot() + "/config/pipeline.yaml";
  if (const char* spec = std::getenv("LAKEHOUSE_SPEC"); spec != nullptr && *spec != '\0') global.spec_path = spec;
  app.add_option("--spec", global.spec_path, "pipeline spec (YAML); default config/pipeline.yaml or $LAKEHOUSE_SPEC")
      ->check(CLI::ExistingFile);

  auto* install = app.add_subcommand("install", "install what is missing (Debian packages, jars, S3 server, Python venv)");
  auto* up = app.add_subcommand("up", "install what is missing, start every service, provision, start ingest");
  bool purge = false;
  auto* down = app.add_subcommand("down", "stop every service in reverse order");
  down->add_flag("--purge", purge, "also delete the connector, drop the replication slot and remove all data");
  bool json = false;
  auto* status = app.add_subcommand("status", "services, connector, slot, ingest job and Delta tables");
  status->add_flag("--json", json, "machine-readable output");
  std::string service;
  int lines = 50;
  bool follow = false;
  auto* logs = app.add_subcommand("logs", "show a service's log");
  logs->add_option("service", service, "postgres, seaweedfs, kafka, connect or ingest")->required();
  logs->add_option("-n,--lines", lines, "how many lines");
  logs->add_flag("-f,--follow", follow, "keep following");
  workload::WorkloadOptions generate_options;
  generate_options.rate_per_sec = 200;
  generate_options.duration_sec = 30;
  auto* generate = app.add_subcommand("generate", "run the OLTP workload against the source database");
  AddWorkloadOptions(generate, &generate_options);
  workload::WorkloadOptions demo_options = generate_options;
  auto* demo = app.add_subcommand("demo", "up, generate changes, wait for them in Bronze, print status");
  AddWorkloadOptions(demo, &demo_options);
  int verify_timeout = 300;
  bool verify_json = false;
  auto* verify = app.add_subcommand("verify", "prove Silver_RT equals the source: row counts and per-row checksums");
  verify->add_option("--timeout", verify_timeout, "seconds to wait for Silver_RT to catch up with the source snapshot");
  verify->add_flag("--json", verify_json, "machine-readable reports");
  std::string topic, key, value;
  bool null_value = false;
  auto* produce = app.add_subcommand("produce", "write one raw message to a Kafka topic (testing aid)");
  produce->add_option("--topic", topic, "topic")->required();
  produce->add_option("--key", key, "message key");
  produce->add_option("--value", value, "message value");
  produce->add_flag("--null-value", null_value, "send a tombstone (null value)");
  produce->group("");  // not listed in --help: it is for tests and debugging

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  if (*install) return RunInstall(global);
  if (*up) return RunUp(global);
  if (*down) return RunDown(global, purge);
  if (*status) return RunStatus(global, json);
  if (*logs) return RunLogs(global, service, lines, follow);
  if (*generate) return RunGenerate(global, generate_options);
  if (*demo) return RunDemo(global, demo_options);
  if (*verify) return RunVerify(global, verify_timeout, verify_json);
  if (*produce) return RunProduce(global, topic, key, value, null_value);
  return kExitUsage;
}

}  // namespace lakehouse

int main(int argc, char** argv) { return lakehouse::Main(argc, argv); }
