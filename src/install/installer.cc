#include "install/installer.h"

#include <fmt/format.h>

#include <cstdlib>
#include <regex>
#include <sstream>

#include "common/http_client.h"

namespace lakehouse {
namespace {

std::string LastLine(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' ')) trimmed.pop_back();
  auto pos = trimmed.rfind('\n');
  return pos == std::string::npos ? trimmed : trimmed.substr(pos + 1);
}

}  // namespace

std::vector<std::string> Installer::ParsePackageList(const std::string& text) {
  std::vector<std::string> names;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    std::string word;
    while (words >> word) names.push_back(word);
  }
  return names;
}

Result<std::string> Installer::RunScript(const std::vector<std::string>& argv, const std::string& what) {
  auto result = env_->Run({.argv = argv, .working_dir = layout_->repo_root(), .timeout_ms = 3600 * 1000});
  if (!result.ok()) return result.status().WithContext(what);
  // Keep the whole output for later reading; the caller only needs the last line.
  std::string log = env_->ReadFile(layout_->InstallLog()).value_or("");
  log += fmt::format("==== {}: {}\n{}", what, fmt::join(argv, " "), result->output);
  (void)env_->WriteFileAtomic(layout_->InstallLog(), log);
  if (result->exit_code != 0) {
    return Status::Internal(fmt::format("{} failed (exit {}); see {}\n--- last line ---\n{}", what,
                                        result->exit_code, layout_->InstallLog(), LastLine(result->output)));
  }
  return LastLine(result->output);
}

Status Installer::InstallDebianPackages(const ProgressFn& progress) {
  LH_ASSIGN_OR_RETURN(std::string list, env_->ReadFile(layout_->RepoPath("deps/debian/runtime.txt")));
  std::vector<std::string> missing;
  for (const auto& name : ParsePackageList(list)) {
    auto probe = env_->Run({.argv = {"dpkg-query", "-W", "-f=${Status}", name}});
    if (!probe.ok() || probe->output.find("install ok installed") == std::string::npos) missing.push_back(name);
  }
  if (missing.empty()) {
    progress("debian packages: all present");
    return Status::OK();
  }
  progress(fmt::format("debian packages: installing {}", fmt::join(missing, " ")));
  LH_RETURN_IF_ERROR(RunScript({"apt-get", "update", "-q"}, "apt-get update").status());
  std::vector<std::string> argv = {"env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                                   "--no-install-recommends"};
  argv.insert(argv.end(), missing.begin(), missing.end());
  return RunScript(argv, "apt-get install").status();
}

Status Installer::CheckJava(InstallPaths* paths) {
  if (const char* java_home = std::getenv("JAVA_HOME"); java_home != nullptr && *java_home != '\0') {
    paths->java = std::string(java_home) + "/bin/java";
  }
  auto version = env_->Run({.argv = {paths->java, "-version"}});
  if (!version.ok() || version->exit_code != 0) {
    return Status::NotFound("java is not installed (tried " + paths->java +
                            "); Kafka needs Java 17 or newer: apt-get install openjdk-17-jre-headless, or set JAVA_HOME");
  }
  std::smatch m;
  static const std::regex kVersion("version \"([0-9]+)");
  if (std::regex_search(version->output, m, kVersion) && std::stoi(m[1]) < 17) {
    return Status::FailedPrecondition("java " + std::string(m[1]) + " found; Kafka 4 needs Java 17 or newer");
  }
  return Status::OK();
}

Status Installer::EnsureVenv(const std::string& name, const std::string& requirements, const ProgressFn& progress) {
  LH_ASSIGN_OR_RETURN(std::string text, env_->ReadFile(layout_->RepoPath(requirements)));
  const std::string venv = layout_->VenvDir(name);
  const std::string marker = venv + "/.lakehouse-" + Sha256Hex(text).substr(0, 12);
  if (env_->FileExists(marker)) {
    progress("python venv " + name + ": present");
    return Status::OK();
  }
  progress("python venv " + name + ": installing " + requirements + " (pip; first time takes minutes)");
  if (!env_->FileExists(venv + "/bin/python")) {
    LH_RETURN_IF_ERROR(RunScript({"python3", "-m", "venv", venv}, "python3 -m venv " + venv).status());
  }
  LH_RETURN_IF_ERROR(RunScript({venv + "/bin/pip", "install", "-q", "--disable-pip-version-check", "-r",
                                layout_->RepoPath(requirements)},
                               "pip install -r " + requirements)
                         .status());
  return env_->WriteFileAtomic(marker, text);
}

Result<InstallPaths> Installer::Install(const ProgressFn& progress) {
  LH_RETURN_IF_ERROR(env_->CreateDirs(layout_->home()));
  InstallPaths paths;
  LH_RETURN_IF_ERROR(InstallDebianPackages(progress));
  LH_RETURN_IF_ERROR(CheckJava(&paths));
  if (!env_->FileExists(paths.pg_bin_dir + "/postgres")) {
    return Status::NotFound("PostgreSQL server binaries are missing from " + paths.pg_bin_dir);
  }
  const std::string fetch = layout_->RepoPath("deps/maven/fetch.sh");
  for (const char* set : {"kafka", "connect", "debezium-postgres", "spark"}) {
    progress(fmt::format("maven jars {}: resolving (cached in ~/.m2)", set));
    LH_ASSIGN_OR_RETURN(std::string dir, RunScript({"bash", fetch, set}, std::string("maven jars ") + set));
    if (std::string(set) == "kafka") paths.kafka_jars = dir;
    if (std::string(set) == "connect") paths.connect_jars = dir;
    if (std::string(set) == "debezium-postgres") paths.plugin_path = dir;
    if (std::string(set) == "spark") paths.spark_jars = dir;
  }
  if (spec_->s3.embedded) {
    progress("seaweedfs: building the S3 server if not built yet (first build takes minutes)");
    LH_ASSIGN_OR_RETURN(paths.seaweed_binary,
                        RunScript({"bash", layout_->RepoPath("deps/seaweedfs/build.sh")}, "seaweedfs build"));
  }
  LH_RETURN_IF_ERROR(EnsureVenv("spark", "deps/python/requirements-spark.txt", progress));
  paths.spark_python = layout_->VenvPython("spark");
  return paths;
}

}  // namespace lakehouse
