#include "services/kafka_service.h"

#include "common/kafka_client.h"
#include "services/jvm_command.h"

namespace lakehouse {

std::vector<PortClaim> KafkaService::Ports() const {
  return {{"kafka.port", spec().kafka.host, spec().kafka.port},
          {"kafka.controller_port", spec().kafka.host, spec().kafka.controller_port}};
}

std::string KafkaService::Bootstrap() const { return spec().kafka.host + ":" + std::to_string(spec().kafka.port); }

// A Kafka cluster id is 16 random bytes in URL-safe base64 without padding.
Result<std::string> KafkaService::ClusterId() {
  const std::string path = layout().ConfDir(Name()) + "/cluster.id";
  if (env()->FileExists(path)) return env()->ReadFile(path);
  LH_ASSIGN_OR_RETURN(std::string bytes, env()->RandomBytes(16));
  static constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string id;
  uint32_t bits = 0;
  int nbits = 0;
  for (unsigned char byte : bytes) {
    bits = (bits << 8) | byte;
    nbits += 8;
    while (nbits >= 6) {
      id += kBase64Url[(bits >> (nbits - 6)) & 63];
      nbits -= 6;
    }
  }
  if (nbits > 0) id += kBase64Url[(bits << (6 - nbits)) & 63];
  LH_RETURN_IF_ERROR(env()->WriteFileAtomic(path, id));
  return id;
}

Status KafkaService::Prepare() {
  const std::string data = layout().DataDir(Name());
  const std::string conf = layout().ConfDir(Name());
  LH_RETURN_IF_ERROR(env()->CreateDirs(data));
  LH_RETURN_IF_ERROR(RenderConfigFile("config/templates/kafka/server.properties", "server.properties",
                                      {{"KAFKA_HOST", spec().kafka.host},
                                       {"KAFKA_PORT", std::to_string(spec().kafka.port)},
                                       {"KAFKA_CONTROLLER_PORT", std::to_string(spec().kafka.controller_port)},
                                       {"KAFKA_PARTITIONS", std::to_string(spec().kafka.partitions)},
                                       {"KAFKA_LOG_DIRS", data}}));
  LH_RETURN_IF_ERROR(RenderConfigFile("config/templates/jvm/log4j2.properties", "log4j2.properties", {}));
  if (env()->FileExists(data + "/meta.properties")) return Status::OK();
  LH_ASSIGN_OR_RETURN(std::string cluster_id, ClusterId());
  // -g: an already formatted directory is fine (a crash between format and start).
  JvmCommand format_command{ctx().install->java, 256, ctx().install->kafka_jars, conf + "/log4j2.properties",
                            layout().ServiceDir(Name()), "kafka.tools.StorageTool",
                            {"format", "-t", cluster_id, "-c", conf + "/server.properties", "-g"}};
  const std::vector<std::string> argv = format_command.Argv();
  auto format = env()->Run({.argv = argv, .log_path = layout().LogFile(Name()), .timeout_ms = 120000});
  if (!format.ok()) return format.status().WithContext("kafka storage format");
  if (format->exit_code != 0) {
    return Status::Internal("kafka storage format failed (exit " + std::to_string(format->exit_code) + "); see " +
                            layout().LogFile(Name()));
  }
  return Status::OK();
}

Result<SpawnOptions> KafkaService::Command() const {
  const std::string conf = layout().ConfDir(Name());
  SpawnOptions options;
  options.argv = JvmCommand{ctx().install->java,        spec().kafka.heap_mb,          ctx().install->kafka_jars,
                            conf + "/log4j2.properties", layout().ServiceDir(Name()), "kafka.Kafka",
                            {conf + "/server.properties"}}
                     .Argv();
  options.working_dir = layout().ServiceDir(Name());
  return options;
}

Status KafkaService::CheckReady() { return KafkaClient(Bootstrap()).CheckReady(2000); }

}  // namespace lakehouse
