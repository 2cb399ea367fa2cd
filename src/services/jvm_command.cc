#include "services/jvm_command.h"

namespace lakehouse {

std::vector<std::string> JvmCommand::Argv() const {
  const std::string heap = std::to_string(heap_mb) + "m";
  std::vector<std::string> argv = {java,
                                   "-Xms" + heap,
                                   "-Xmx" + heap,
                                   "-XX:+UseG1GC",
                                   "-XX:MaxGCPauseMillis=20",
                                   "-Djava.awt.headless=true",
                                   "-Dlog4j2.configurationFile=" + log4j_config,
                                   "-Dkafka.logs.dir=" + log_dir,
                                   "-cp",
                                   classpath_dir + "/*",
                                   main_class};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace lakehouse
