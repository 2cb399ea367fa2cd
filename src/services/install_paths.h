// InstallPaths: where the installed pieces are, once installed.
//
// Computed from the repo's dependency manifests (pom.xml hashes, pinned
// versions) without touching the network, so `status` and `down` can use it;
// Installer::Install makes the paths real.
#pragma once

#include <string>

namespace lakehouse {

struct InstallPaths {
  std::string java = "java";
  std::string pg_bin_dir = "/usr/lib/postgresql/15/bin";
  std::string kafka_jars;        // broker + KRaft storage tool classpath dir
  std::string connect_jars;      // Kafka Connect worker classpath dir
  std::string plugin_path;       // Connect plugin.path (holds debezium-postgres/)
  std::string spark_jars;        // jars Spark lacks: Delta, S3A, Kafka source
  std::string seaweed_binary;    // weed
  std::string spark_python;      // python of the Spark venv
};

}  // namespace lakehouse
