#include "services/layout.h"

#include <cstdlib>

namespace lakehouse {

Layout::Layout(std::string home, std::string repo_root, std::string cache_root)
    : home_(std::move(home)), repo_root_(std::move(repo_root)), cache_root_(std::move(cache_root)) {}

std::string Layout::DefaultCacheRoot() {
  if (const char* cache = std::getenv("LAKEHOUSE_CACHE"); cache != nullptr && *cache != '\0') return cache;
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr ? home : "/root") + "/.cache/lakehouse";
}

}  // namespace lakehouse
