// JvmCommand: the java command line of the JVM services (Kafka, its storage
// tool, Kafka Connect): fixed heap, G1, log4j2 config, classpath of one jar set.
#pragma once

#include <string>
#include <vector>

namespace lakehouse {

struct JvmCommand {
  std::string java = "java";
  int heap_mb = 256;
  std::string classpath_dir;  // every jar in it is on the class path
  std::string log4j_config;   // a log4j2 properties file
  std::string log_dir;        // kafka.logs.dir, for code that writes beside its log
  std::string main_class;
  std::vector<std::string> args;

  std::vector<std::string> Argv() const;
};

}  // namespace lakehouse
