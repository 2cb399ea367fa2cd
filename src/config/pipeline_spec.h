// PipelineSpec: the parsed pipeline spec (config/pipeline.yaml).
//
// Plain structs with their defaults written beside each field. LoadPipelineSpec
// validates the whole file before anything acts on it, and every error names
// the YAML path (`kafka.port: ...`). Values are immutable once loaded; share
// them freely between threads.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"

namespace lakehouse {

struct SourceSpec {
  std::string host = "127.0.0.1";
  int port = 25432;
  std::string database = "shop";
  std::string app_user = "shop_app";   // owns the captured schemas; the generator's user
  std::string cdc_user = "shop_cdc";   // REPLICATION + SELECT only
  std::vector<std::string> schemas = {"demo"};
  std::vector<std::string> tables;     // "schema.table"; empty = all tables of `schemas`
  std::string publication = "lakehouse_pub";
  std::string slot = "lakehouse_slot";
  bool demo = true;  // apply sql/source/demo_*.sql and seed demo rows on `up`
};

struct KafkaSpec {
  std::string host = "127.0.0.1";
  int port = 29092;
  int controller_port = 29093;
  std::string topic_prefix = "shop";
  int partitions = 1;
  int heap_mb = 512;
};

struct ConnectSpec {
  int port = 28083;
  std::string connector = "shop-postgres";
  int heap_mb = 768;
  int heartbeat_interval_ms = 10000;
};

struct S3Spec {
  bool embedded = true;
  std::string endpoint = "http://127.0.0.1:28333";
  std::string bucket = "lakehouse";
  std::string region = "us-east-1";
  int master_port = 29333;
  int volume_port = 28080;
  int filer_port = 28888;

  // The port of `endpoint` (80 if it names none).
  int EndpointPort() const;
  std::string EndpointHost() const;
};

struct SparkSpec {
  std::string master = "local[2]";
  std::string driver_memory = "1g";
  int shuffle_partitions = 2;
  std::string trigger_interval = "5 seconds";
};

struct PipelineSpec {
  std::string name = "shop";
  std::string home = ".lakehouse";  // resolved to an absolute path by LoadPipelineSpec
  std::string timezone = "Asia/Ho_Chi_Minh";
  SourceSpec source;
  KafkaSpec kafka;
  ConnectSpec connect;
  S3Spec s3;
  SparkSpec spark;

  std::string spec_path;  // absolute path of the file it came from
  std::string repo_root;  // absolute path relative paths are resolved against

  // "<topic_prefix>.<schema>.<table>"
  std::string TopicFor(const std::string& schema, const std::string& table) const;
  // A Java regex matching every captured table's topic.
  std::string TopicPattern() const;
};

// Parses and validates YAML text. `repo_root` resolves relative paths.
Result<PipelineSpec> ParsePipelineSpec(const std::string& yaml_text, const std::string& repo_root);
// Reads `path` and parses it; errors name the file.
Result<PipelineSpec> LoadPipelineSpec(const std::string& path, const std::string& repo_root);

}  // namespace lakehouse
