// workload_generator_benchmark: runs the workload generator against a server
// and prints its progress and final report — the way to measure the highest
// rate it reaches (e.g. --rate 100000 --duration 10). A developer tool, not a
// test; the CLI's `lakehouse generate` is the user-facing verb.
//
//   workload_generator_benchmark --dsn DSN [--rate N] [--duration S] [--seed K]
//       [--batch N] [--depth N] [--setup SQL_SOURCE_DIR]
//
// --setup applies sql/source from that directory and seeds the demo data first.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "common/env.h"
#include "workload/demo_schema.h"
#include "workload/demo_seeder.h"
#include "workload/workload_generator.h"

using namespace lakehouse;
using namespace lakehouse::workload;

int main(int argc, char** argv) {
  WorkloadOptions options;
  options.progress_interval_sec = 2;
  std::string setup_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--dsn") options.dsn = value;
    else if (flag == "--rate") options.rate_per_sec = std::atof(value);
    else if (flag == "--duration") options.duration_sec = std::atof(value);
    else if (flag == "--seed") options.seed = std::strtoull(value, nullptr, 10);
    else if (flag == "--batch") options.batch_size = std::atoi(value);
    else if (flag == "--depth") options.pipeline_depth = std::atoi(value);
    else if (flag == "--setup") setup_dir = value;
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  Env* env = Env::Default();
  if (!setup_dir.empty()) {
    Status s = ApplyDemoSchema(options.dsn, DemoSqlFiles(setup_dir), env);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
    SeedOptions seed;
    seed.dsn = options.dsn;
    seed.seed = options.seed;
    auto seeded = SeedDemo(seed);
    if (!seeded.ok()) {
      std::fprintf(stderr, "%s\n", seeded.status().ToString().c_str());
      return 1;
    }
    std::printf("seeded %lld products, %lld customers\n", static_cast<long long>(seeded->products_inserted),
                static_cast<long long>(seeded->customers_inserted));
  }
  auto report = RunWorkload(options, env, [](const WorkloadReport& r) { std::printf("%s\n", r.Summary().c_str()); });
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
    return 1;
  }
  std::printf("%s", report->ToString().c_str());
  return 0;
}
