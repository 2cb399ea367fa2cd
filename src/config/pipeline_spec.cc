#include "config/pipeline_spec.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "config/spec_reader_internal.h"

namespace lakehouse {
namespace {

using internal::SpecReader;

// Identifiers end up in SQL, topic names and object keys unquoted.
Status CheckIdentifier(const std::string& path, const std::string& value) {
  static const std::regex kIdent("[a-z_][a-z0-9_]*");
  if (!std::regex_match(value, kIdent)) {
    return Status::InvalidArgument(path + ": `" + value + "` must be lower-case letters, digits and _");
  }
  return Status::OK();
}

Status CheckPortsDistinct(const PipelineSpec& spec) {
  std::vector<std::pair<std::string, int>> ports = {
      {"source.port", spec.source.port},       {"kafka.port", spec.kafka.port},
      {"kafka.controller_port", spec.kafka.controller_port}, {"connect.port", spec.connect.port}};
  if (spec.s3.embedded) {
    for (auto [name, port] : std::vector<std::pair<std::string, int>>{{"s3.endpoint", spec.s3.EndpointPort()},
                                                                       {"s3.master_port", spec.s3.master_port},
                                                                       {"s3.volume_port", spec.s3.volume_port},
                                                                       {"s3.filer_port", spec.s3.filer_port}}) {
      ports.emplace_back(name, port);
      ports.emplace_back(name + " (gRPC, +10000)", port + 10000);
    }
  }
  for (size_t i = 0; i < ports.size(); ++i) {
    for (size_t j = i + 1; j < ports.size(); ++j) {
      if (ports[i].second == ports[j].second) {
        return Status::InvalidArgument(ports[j].first + ": port " + std::to_string(ports[j].second) +
                                       " is also used by " + ports[i].first);
      }
    }
  }
  return Status::OK();
}

Status Validate(const PipelineSpec& spec) {
  LH_RETURN_IF_ERROR(CheckIdentifier("name", spec.name));
  LH_RETURN_IF_ERROR(CheckIdentifier("source.database", spec.source.database));
  LH_RETURN_IF_ERROR(CheckIdentifier("source.app_user", spec.source.app_user));
  LH_RETURN_IF_ERROR(CheckIdentifier("source.cdc_user", spec.source.cdc_user));
  LH_RETURN_IF_ERROR(CheckIdentifier("source.publication", spec.source.publication));
  LH_RETURN_IF_ERROR(CheckIdentifier("source.slot", spec.source.slot));
  LH_RETURN_IF_ERROR(CheckIdentifier("kafka.topic_prefix", spec.kafka.topic_prefix));
  if (spec.source.schemas.empty()) return Status::InvalidArgument("source.schemas: name at least one schema");
  for (size_t i = 0; i < spec.source.schemas.size(); ++i) {
    LH_RETURN_IF_ERROR(CheckIdentifier("source.schemas[" + std::to_string(i) + "]", spec.source.schemas[i]));
  }
  static const std::regex kQualified("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
  for (size_t i = 0; i < spec.source.tables.size(); ++i) {
    if (!std::regex_match(spec.source.tables[i], kQualified)) {
      return Status::InvalidArgument("source.tables[" + std::to_string(i) + "]: `" + spec.source.tables[i] +
                                     "` must be schema.table in lower case");
    }
  }
  static const std::regex kEndpoint("https?://[^/:]+(:[0-9]+)?/?");
  if (!std::regex_match(spec.s3.endpoint, kEndpoint)) {
    return Status::InvalidArgument("s3.endpoint: `" + spec.s3.endpoint + "` must look like http://host:port");
  }
  static const std::regex kBucket("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  if (!std::regex_match(spec.s3.bucket, kBucket)) {
    return Status::InvalidArgument("s3.bucket: `" + spec.s3.bucket + "` is not a valid S3 bucket name");
  }
  static const std::regex kTrigger("[0-9]+ (second|seconds|minute|minutes)");
  if (!std::regex_match(spec.spark.trigger_interval, kTrigger)) {
    return Status::InvalidArgument("spark.trigger_interval: `" + spec.spark.trigger_interval +
                                   "` must look like `5 seconds`");
  }
  return CheckPortsDistinct(spec);
}

}  // namespace

int S3Spec::EndpointPort() const {
  static const std::regex kPort("https?://[^/:]+:([0-9]+)/?");
  std::smatch m;
  if (std::regex_match(endpoint, m, kPort)) return std::stoi(m[1]);
  return endpoint.rfind("https", 0) == 0 ? 443 : 80;
}

std::string S3Spec::EndpointHost() const {
  static const std::regex kHost("https?://([^/:]+).*");
  std::smatch m;
  return std::regex_match(endpoint, m, kHost) ? std::string(m[1]) : std::string();
}

std::string PipelineSpec::TopicFor(const std::string& schema, const std::string& table) const {
  return kafka.topic_prefix + "." + schema + "." + table;
}

std::string PipelineSpec::TopicPattern() const {
  std::string alternatives;
  for (const auto& schema : source.schemas) {
    if (!alternatives.empty()) alternatives += "|";
    alternatives += schema;
  }
  return kafka.topic_prefix + "\\.(" + alternatives + ")\\..+";
}

Result<PipelineSpec> ParsePipelineSpec(const std::string& yaml_text, const std::string& repo_root) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument("not valid YAML at line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  if (!root.IsMap()) return Status::InvalidArgument("the spec must be a YAML mapping");

  PipelineSpec spec;
  SpecReader top(root, "");
  top.String("name", &spec.name);
  top.String("home", &spec.home);
  top.String("timezone", &spec.timezone);

  SpecReader source = top.Child("source");
  source.String("host", &spec.source.host);
  source.Int("port", &spec.source.port, 1, 65535);
  source.String("database", &spec.source.database);
  source.String("app_user", &spec.source.app_user);
  source.String("cdc_user", &spec.source.cdc_user);
  source.StringList("schemas", &spec.source.schemas);
  source.StringList("tables", &spec.source.tables);
  source.String("publication", &spec.source.publication);
  source.String("slot", &spec.source.slot);
  source.Bool("demo", &spec.source.demo);

  SpecReader kafka = top.Child("kafka");
  kafka.String("host", &spec.kafka.host);
  kafka.Int("port", &spec.kafka.port, 1, 65535);
  kafka.Int("controller_port", &spec.kafka.controller_port, 1, 65535);
  kafka.String("topic_prefix", &spec.kafka.topic_prefix);
  kafka.Int("partitions", &spec.kafka.partitions, 1, 64);
  kafka.Int("heap_mb", &spec.kafka.heap_mb, 128, 16384);

  SpecReader connect = top.Child("connect");
  connect.Int("port", &spec.connect.port, 1, 65535);
  connect.String("connector", &spec.connect.connector);
  connect.Int("heap_mb", &spec.connect.heap_mb, 128, 16384);
  connect.Int("heartbeat_interval_ms", &spec.connect.heartbeat_interval_ms, 100, 3600000);

  SpecReader s3 = top.Child("s3");
  s3.Bool("embedded", &spec.s3.embedded);
  s3.String("endpoint", &spec.s3.endpoint);
  s3.String("bucket", &spec.s3.bucket);
  s3.String("region", &spec.s3.region);
  s3.Int("master_port", &spec.s3.master_port, 1, 55535);
  s3.Int("volume_port", &spec.s3.volume_port, 1, 55535);
  s3.Int("filer_port", &spec.s3.filer_port, 1, 55535);

  SpecReader spark = top.Child("spark");
  spark.String("master", &spec.spark.master);
  spark.String("driver_memory", &spec.spark.driver_memory);
  spark.Int("shuffle_partitions", &spec.spark.shuffle_partitions, 1, 1000);
  spark.String("trigger_interval", &spec.spark.trigger_interval);

  for (SpecReader* reader : {&source, &kafka, &connect, &s3, &spark, &top}) {
    LH_RETURN_IF_ERROR(reader->Finish());
  }
  if (!spec.s3.endpoint.empty() && spec.s3.endpoint.back() == '/') spec.s3.endpoint.pop_back();
  spec.repo_root = repo_root;
  std::filesystem::path home(spec.home);
  if (home.is_relative()) home = std::filesystem::path(repo_root) / home;
  spec.home = home.lexically_normal().string();
  if (spec.home.size() > 1 && spec.home.back() == '/') spec.home.pop_back();
  LH_RETURN_IF_ERROR(Validate(spec));
  return spec;
}

Result<PipelineSpec> LoadPipelineSpec(const std::string& path, const std::string& repo_root) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("pipeline spec " + path + " cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  auto spec = ParsePipelineSpec(text.str(), repo_root);
  if (!spec.ok()) return spec.status().WithContext(path);
  spec->spec_path = std::filesystem::absolute(path).lexically_normal().string();
  return spec;
}

}  // namespace lakehouse
