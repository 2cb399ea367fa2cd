#include "lake/log_segment.h"

#include <algorithm>
#include <map>

namespace lakehouse {
namespace {

// The files found for one version.
struct VersionFiles {
  std::optional<ObjectInfo> commit;
  std::optional<ObjectInfo> classic_checkpoint;
  std::vector<ObjectInfo> uuid_checkpoints;
  std::map<int, std::map<int, ObjectInfo>> parts;  // num_parts -> part -> file
};

// The best complete checkpoint among one version's files, preferring the single
// file kinds (atomic writes) over multi-part sets; warns about incomplete sets.
std::optional<CheckpointRef> BestCheckpoint(int64_t version, const VersionFiles& files, const std::string& log_uri,
                                            std::vector<std::string>* warnings) {
  if (files.classic_checkpoint) {
    return CheckpointRef{version, DeltaLogFileType::kCheckpoint, {*files.classic_checkpoint}};
  }
  if (!files.uuid_checkpoints.empty()) {
    // Several UUID-named checkpoints of one version are equivalent; take any, deterministically.
    return CheckpointRef{version, DeltaLogFileType::kUuidCheckpoint, {files.uuid_checkpoints.front()}};
  }
  for (const auto& [num_parts, parts] : files.parts) {
    if (static_cast<int>(parts.size()) == num_parts) {
      CheckpointRef ref{version, DeltaLogFileType::kMultiPartCheckpoint, {}};
      for (const auto& [part, info] : parts) ref.files.push_back(info);
      return ref;
    }
    warnings->push_back("ignored incomplete multi-part checkpoint " + log_uri + DeltaVersionPrefix(version) +
                        ".checkpoint.*." + std::to_string(num_parts) + ".parquet (" + std::to_string(parts.size()) +
                        " of " + std::to_string(num_parts) + " parts)");
  }
  return std::nullopt;
}

}  // namespace

Result<LogSegment> LogSegment::FromListing(const std::vector<ObjectInfo>& objects, const std::string& log_prefix,
                                           const std::string& log_uri) {
  std::map<int64_t, VersionFiles> versions;
  for (const ObjectInfo& object : objects) {
    if (object.key.compare(0, log_prefix.size(), log_prefix) != 0) continue;
    auto file = ParseDeltaLogFileName(std::string_view(object.key).substr(log_prefix.size()));
    if (!file) continue;
    switch (file->type) {
      case DeltaLogFileType::kCommit: versions[file->version].commit = object; break;
      case DeltaLogFileType::kCheckpoint: versions[file->version].classic_checkpoint = object; break;
      case DeltaLogFileType::kUuidCheckpoint: versions[file->version].uuid_checkpoints.push_back(object); break;
      case DeltaLogFileType::kMultiPartCheckpoint:
        versions[file->version].parts[file->num_parts][file->part] = object;
        break;
      default: break;  // _last_checkpoint, .crc and compactions are not needed to replay
    }
  }
  if (versions.empty()) return Status::NotFound(log_uri + " has no commit or checkpoint files");

  LogSegment segment;
  for (auto it = versions.rbegin(); it != versions.rend() && !segment.checkpoint; ++it) {
    segment.checkpoint = BestCheckpoint(it->first, it->second, log_uri, &segment.warnings);
  }
  auto has_commit = [&](int64_t v) {
    auto it = versions.find(v);
    return it != versions.end() && it->second.commit.has_value();
  };
  int64_t first = segment.checkpoint ? segment.checkpoint->version + 1 : 0;
  int64_t newest = versions.rbegin()->first;
  // The newest version is that of the newest commit (a checkpoint is only ever
  // written after its commit), or the checkpoint's own when no commit follows it.
  while (newest >= first && !has_commit(newest)) --newest;
  segment.version = std::max(newest, first - 1);
  if (segment.version < 0) {
    return Status::Corruption(log_uri + " has no commits and no complete checkpoint");
  }
  if (!segment.checkpoint && !has_commit(0)) {
    auto oldest = std::find_if(versions.begin(), versions.end(), [](const auto& v) { return v.second.commit; });
    return Status::Corruption(log_uri + " has no complete checkpoint and no commit for version 0 (the oldest is " +
                              DeltaCommitFileName(oldest->first) + "), so the table cannot be reconstructed");
  }
  for (int64_t v = first; v <= segment.version; ++v) {
    auto found = versions.find(v);
    if (found == versions.end() || !found->second.commit) {
      std::string from = segment.checkpoint ? "checkpoint " + std::to_string(first - 1) : "version 0";
      return Status::Corruption(log_uri + " is missing commit " + DeltaCommitFileName(v) + " (needed to replay from " +
                                from + " to version " + std::to_string(segment.version) + ")");
    }
    segment.commits.push_back(*found->second.commit);
  }
  if (auto at = versions.find(segment.version); at != versions.end()) segment.version_commit = at->second.commit;
  return segment;
}

}  // namespace lakehouse
