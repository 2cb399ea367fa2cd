#include "services/spark_job_service.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lakehouse {

std::vector<std::string> SparkJobService::Dependencies() const {
  std::vector<std::string> deps = job_.dependencies;
  if (spec().s3.embedded) deps.push_back("seaweedfs");
  return deps;
}

std::string SparkJobService::Endpoint() const { return "s3a://" + spec().s3.bucket + " (" + job_.script + ")"; }

Result<std::string> SparkJobService::RenderJobConfig() const {
  std::vector<std::string> jars;
  if (!ctx().install->spark_jars.empty()) {
    LH_ASSIGN_OR_RETURN(auto names, env()->ListDir(ctx().install->spark_jars));
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      if (name.size() > 4 && name.substr(name.size() - 4) == ".jar") jars.push_back(ctx().install->spark_jars + "/" + name);
    }
  }
  nlohmann::json config = {
      {"app_name", spec().name + "-" + job_.name},
      {"spark",
       {{"master", spec().spark.master},
        {"driver_memory", spec().spark.driver_memory},
        {"shuffle_partitions", spec().spark.shuffle_partitions},
        {"jars", jars},
        {"local_dir", layout().DataDir(Name()) + "/spark-local"}}},
      {"s3",
       {{"endpoint", spec().s3.endpoint},
        {"region", spec().s3.region},
        {"bucket", spec().s3.bucket},
        {"credentials_file", layout().CredentialsFile()}}},
      {"kafka", {{"bootstrap", spec().kafka.host + ":" + std::to_string(spec().kafka.port)},
                 {"topic_pattern", spec().TopicPattern()}}},
      {"trigger_interval", spec().spark.trigger_interval},
      {"tables", tables_},
      {"sql_dir", layout().RepoPath("sql")},
      {"state_file", StateFile()},
      {"timezone", spec().timezone}};
  return config.dump(2);
}

Status SparkJobService::Prepare() {
  LH_RETURN_IF_ERROR(env()->CreateDirs(layout().DataDir(Name()) + "/spark-local"));
  LH_RETURN_IF_ERROR(env()->CreateDirs(layout().ConfDir(Name())));
  (void)env()->RemoveAll(StateFile());  // readiness must come from this run
  LH_ASSIGN_OR_RETURN(std::string config, RenderJobConfig());
  return env()->WriteFileAtomic(JobConfigFile(), config, 0600);
}

Result<SpawnOptions> SparkJobService::Command() const {
  SpawnOptions options;
  options.argv = {ctx().install->spark_python, layout().RepoPath(job_.script), "--job-config", JobConfigFile()};
  options.working_dir = layout().ServiceDir(Name());
  options.env["PYSPARK_PYTHON"] = ctx().install->spark_python;
  options.env["SPARK_LOCAL_IP"] = "127.0.0.1";
  return options;
}

Status SparkJobService::CheckReady() {
  auto text = env()->ReadFile(StateFile());
  if (!text.ok()) return Status::Unavailable("the Spark job has not reported yet (" + StateFile() + ")");
  auto state = nlohmann::json::parse(*text, nullptr, false);
  if (state.is_discarded()) return Status::Unavailable("state file is being written");
  const std::string status = state.value("status", "");
  if (status == "running") return Status::OK();
  if (status == "failed") {
    return Status::Internal("the " + Name() + " stream failed: " + state.value("error", std::string("?")));
  }
  return Status::Unavailable("the " + Name() + " job is " + status);
}

}  // namespace lakehouse
