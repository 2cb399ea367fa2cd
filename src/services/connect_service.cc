#include "services/connect_service.h"

#include <unistd.h>

#include "common/http_client.h"
#include "services/jvm_command.h"

namespace lakehouse {

std::vector<PortClaim> ConnectService::Ports() const {
  return {{"connect.port", "127.0.0.1", spec().connect.port}};
}

std::string ConnectService::RestUrl() const { return "http://127.0.0.1:" + std::to_string(spec().connect.port); }

std::string ConnectService::SecretsFile() const { return layout().ServiceDir(Name()) + "/secrets/cdc.properties"; }

Status ConnectService::Prepare() {
  const std::string dir = layout().ServiceDir(Name());
  const std::string plugins = dir + "/plugins";
  LH_RETURN_IF_ERROR(env()->CreateDirs(plugins));
  LH_RETURN_IF_ERROR(env()->CreateDirs(dir + "/secrets"));
  // plugin.path entries are directories of plugins, each plugin a directory of jars.
  const std::string link = plugins + "/debezium-connector-postgres";
  (void)env()->RemoveAll(link);
  if (symlink(ctx().install->plugin_path.c_str(), link.c_str()) != 0) {
    return Status::FromErrno("cannot link " + link + " to " + ctx().install->plugin_path, errno);
  }
  LH_ASSIGN_OR_RETURN(std::string password, ctx().credentials->Get("CDC_PASSWORD"));
  LH_RETURN_IF_ERROR(env()->WriteFileAtomic(SecretsFile(), "password=" + password + "\n", 0600));
  LH_RETURN_IF_ERROR(RenderConfigFile("config/templates/connect/connect-distributed.properties",
                                      "connect-distributed.properties",
                                      {{"KAFKA_BOOTSTRAP", spec().kafka.host + ":" + std::to_string(spec().kafka.port)},
                                       {"CONNECT_PORT", std::to_string(spec().connect.port)},
                                       {"CONNECT_PLUGIN_PATH", plugins},
                                       {"CONNECT_SECRETS_DIR", dir + "/secrets"},
                                       {"CONNECT_GROUP", spec().name + "-connect"}}));
  return RenderConfigFile("config/templates/jvm/log4j2.properties", "log4j2.properties", {});
}

Result<SpawnOptions> ConnectService::Command() const {
  const std::string conf = layout().ConfDir(Name());
  SpawnOptions options;
  options.argv = JvmCommand{ctx().install->java,
                            spec().connect.heap_mb,
                            ctx().install->connect_jars,
                            conf + "/log4j2.properties",
                            layout().ServiceDir(Name()),
                            "org.apache.kafka.connect.cli.ConnectDistributed",
                            {conf + "/connect-distributed.properties"}}
                     .Argv();
  options.working_dir = layout().ServiceDir(Name());
  return options;
}

Status ConnectService::CheckReady() {
  LH_ASSIGN_OR_RETURN(HttpResponse response, HttpClient::Get(RestUrl() + "/connector-plugins", 3000));
  if (response.status != 200) {
    return Status::Unavailable("Kafka Connect REST answered " + std::to_string(response.status));
  }
  if (response.body.find("io.debezium.connector.postgresql.PostgresConnector") == std::string::npos) {
    return Status::Unavailable("Kafka Connect runs but does not list the Debezium PostgresConnector plugin");
  }
  return Status::OK();
}

}  // namespace lakehouse
