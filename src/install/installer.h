// Installer: brings a bare machine to the point where the stack can start.
//
// Each step checks before it acts, so a second run is fast and changes
// nothing: Debian packages (dpkg -s, then apt-get), the Maven jar sets (a
// cache directory per pom hash, filled by deps/maven/fetch.sh), the SeaweedFS
// server (built once per pinned version by deps/seaweedfs/build.sh) and the
// Spark virtualenv (pip, keyed by a hash of its requirements). Downloads stay
// in the user-level caches (~/.m2, pip's cache, the Go caches, ~/.cache/lakehouse).
// Output of package managers goes to Layout::InstallLog(); a failing step
// names that file.
#pragma once

#include <string>
#include <vector>

#include "common/env.h"
#include "config/pipeline_spec.h"
#include "services/install_paths.h"
#include "services/layout.h"
#include "services/supervisor.h"

namespace lakehouse {

class Installer {
 public:
  Installer(Env* env, const Layout* layout, const PipelineSpec* spec) : env_(env), layout_(layout), spec_(spec) {}

  // Installs whatever is missing and returns where everything is.
  Result<InstallPaths> Install(const ProgressFn& progress);

  // Names from a package list file: one per line, '#' comments.
  static std::vector<std::string> ParsePackageList(const std::string& text);

 private:
  Status InstallDebianPackages(const ProgressFn& progress);
  Result<std::string> RunScript(const std::vector<std::string>& argv, const std::string& what);
  Status EnsureVenv(const std::string& name, const std::string& requirements, const ProgressFn& progress);
  Status CheckJava(InstallPaths* paths);

  Env* env_;
  const Layout* layout_;
  const PipelineSpec* spec_;
};

}  // namespace lakehouse
