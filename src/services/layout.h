// Layout: every path the project reads or writes, in one place.
//
// Run state lives under the spec's `home`; downloads and builds that can be
// shared between checkouts live in the user-level cache:
//
//   <home>/
//     credentials.env            generated secrets, KEY=VALUE, mode 0600
//     install.log                output of package managers and builds
//     run/<service>/
//       conf/                    configs rendered from the spec
//       data/                    the service's own data
//       <service>.log            its stdout and stderr
//       <service>.pid            "<pid> <start ticks>" while it runs
//
//   $LAKEHOUSE_CACHE (default ~/.cache/lakehouse)/
//     jars/<set>-<pom hash>/     Maven dependency sets (kafka, connect, debezium-postgres, spark)
//     seaweedfs/<version>/weed   the S3 server built from the Go module proxy
//     venv/<name>/               Python virtual environments (spark, build)
//
// No other code assembles these paths.
#pragma once

#include <string>

namespace lakehouse {

class Layout {
 public:
  // `home` is the spec's absolute home; `repo_root` holds deps/, jobs/, sql/.
  Layout(std::string home, std::string repo_root, std::string cache_root);
  // The cache root from $LAKEHOUSE_CACHE, else $HOME/.cache/lakehouse.
  static std::string DefaultCacheRoot();

  const std::string& home() const { return home_; }
  const std::string& repo_root() const { return repo_root_; }
  const std::string& cache_root() const { return cache_root_; }

  std::string CredentialsFile() const { return home_ + "/credentials.env"; }
  std::string InstallLog() const { return home_ + "/install.log"; }
  std::string ServiceDir(const std::string& service) const { return home_ + "/run/" + service; }
  std::string ConfDir(const std::string& service) const { return ServiceDir(service) + "/conf"; }
  std::string DataDir(const std::string& service) const { return ServiceDir(service) + "/data"; }
  std::string LogFile(const std::string& service) const { return ServiceDir(service) + "/" + service + ".log"; }
  std::string PidFile(const std::string& service) const { return ServiceDir(service) + "/" + service + ".pid"; }

  std::string JarsDir(const std::string& set, const std::string& pom_hash) const {
    return cache_root_ + "/jars/" + set + "-" + pom_hash;
  }
  std::string SeaweedBinary(const std::string& version) const {
    return cache_root_ + "/seaweedfs/" + version + "/weed";
  }
  std::string VenvDir(const std::string& name) const { return cache_root_ + "/venv/" + name; }
  std::string VenvPython(const std::string& name) const { return VenvDir(name) + "/bin/python"; }

  std::string RepoPath(const std::string& relative) const { return repo_root_ + "/" + relative; }

 private:
  std::string home_;
  std::string repo_root_;
  std::string cache_root_;
};

}  // namespace lakehouse
