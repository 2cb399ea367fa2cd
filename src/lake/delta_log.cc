#include "lake/delta_log.h"

#include <set>

#include <nlohmann/json.hpp>

#include "lake/checkpoint_reader.h"
#include "lake/delta_log_file.h"
#include "lake/log_replay.h"
#include "lake/log_segment.h"

namespace lakehouse {
namespace {

using json = nlohmann::json;

// Reader features whose meaning for this reader is known: either handled
// (deletionVectors, v2Checkpoint) or irrelevant to file-level state.
const std::set<std::string>& KnownReaderFeatures() {
  static const std::set<std::string> kKnown = {
      "columnMapping", "deletionVectors", "timestampNtz", "v2Checkpoint", "vacuumProtocolCheck",
      "typeWidening", "typeWidening-preview", "variantType", "variantType-preview", "variantShredding",
      "variantShredding-preview"};
  return kKnown;
}
constexpr int kMaxReaderVersion = 3;

// "/a/b/" -> "a/b": table prefixes are accepted with or without slashes.
std::string TrimSlashes(std::string prefix) {
  while (!prefix.empty() && prefix.front() == '/') prefix.erase(0, 1);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return prefix;
}

std::string Excerpt(std::string_view line) {
  constexpr size_t kMax = 80;
  return line.size() <= kMax ? std::string(line) : std::string(line.substr(0, kMax)) + "...";
}

// Newline-delimited JSON actions ("Delta Log Entries"; also UUID-named V2
// checkpoints in JSON). Every non-blank line must be a JSON object.
Status ReadJsonActions(const std::string& data, const std::string& name, const CheckpointReader::Sink& sink) {
  if (data.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::Corruption(name + " is empty (a commit always holds at least one action)");
  }
  size_t line_no = 0;
  for (size_t pos = 0; pos < data.size();) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string_view line(data.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
    std::string where = name + " line " + std::to_string(line_no);
    if (object.is_discarded()) {
      return Status::Corruption(where + ": not valid JSON (truncated or corrupt entry): " + Excerpt(line));
    }
    if (!object.is_object()) return Status::Corruption(where + ": an action must be a JSON object: " + Excerpt(line));
    for (const auto& [kind, body] : object.items()) {
      auto action = ParseDeltaAction(kind, body);
      if (!action.ok()) return action.status().WithContext(where);
      if (*action) sink(std::move(**action));
    }
  }
  return Status::OK();
}

// One load: the table's location plus what has been read so far.
class SnapshotLoader {
 public:
  SnapshotLoader(ObjectStore* store, std::string bucket, const std::string& table_prefix)
      : store_(store), bucket_(std::move(bucket)) {
    std::string prefix = TrimSlashes(table_prefix);
    uri_ = DeltaLog::TableUri(bucket_, prefix);
    log_prefix_ = (prefix.empty() ? "" : prefix + "/") + std::string(kDeltaLogDirName) + "/";
    log_uri_ = "s3://" + bucket_ + "/" + log_prefix_;
  }

  Result<DeltaSnapshot> Load();

 private:
  Result<std::optional<int64_t>> ReadLastCheckpointHint();
  Result<LogSegment> ListSegment(std::optional<int64_t> hint);
  Status ReplayCheckpoint(const CheckpointRef& checkpoint, LogReplay* replay);
  Result<std::string> Get(const std::string& key, const std::string& name);

  ObjectStore* store_;
  std::string bucket_;
  std::string uri_;         // s3://bucket/prefix
  std::string log_prefix_;  // key prefix of _delta_log/
  std::string log_uri_;     // s3://bucket/prefix/_delta_log/
  std::vector<std::string> warnings_;
};

Result<std::string> SnapshotLoader::Get(const std::string& key, const std::string& name) {
  auto data = store_->GetObject(bucket_, key);
  if (!data.ok()) return data.status().WithContext("reading " + name);
  return data;
}

// "Last Checkpoint File": only a hint. A missing or unreadable one is not an
// error (the reader falls back to listing the whole log), but a store failure is.
Result<std::optional<int64_t>> SnapshotLoader::ReadLastCheckpointHint() {
  const std::string key = log_prefix_ + std::string(kDeltaLastCheckpointFileName);
  auto data = store_->GetObject(bucket_, key);
  if (data.status().IsNotFound()) return std::optional<int64_t>();
  if (!data.ok()) return data.status().WithContext("reading " + log_uri_ + std::string(kDeltaLastCheckpointFileName));
  json hint = json::parse(*data, nullptr, /*allow_exceptions=*/false);
  auto version = hint.is_object() ? hint.find("version") : hint.end();
  if (hint.is_discarded() || !hint.is_object() || version == hint.end() || !version->is_number_integer() ||
      version->get<int64_t>() < 0) {
    warnings_.push_back("ignored unreadable " + log_uri_ + std::string(kDeltaLastCheckpointFileName) + ": " +
                        Excerpt(*data));
    return std::optional<int64_t>();
  }
  return std::optional<int64_t>(version->get<int64_t>());
}

// Lists from the hinted version when the hint leads to a complete checkpoint at
// or after it; otherwise lists the whole log.
Result<LogSegment> SnapshotLoader::ListSegment(std::optional<int64_t> hint) {
  if (hint) {
    auto objects = store_->ListObjects(bucket_, log_prefix_, log_prefix_ + DeltaVersionPrefix(*hint));
    if (!objects.ok()) return objects.status().WithContext("listing " + log_uri_);
    auto segment = LogSegment::FromListing(*objects, log_prefix_, log_uri_);
    if (segment.ok() && segment->checkpoint && segment->checkpoint->version >= *hint) return segment;
    warnings_.push_back(log_uri_ + std::string(kDeltaLastCheckpointFileName) + " points at version " +
                        std::to_string(*hint) + ", which has no complete checkpoint; listed the whole log");
  }
  auto objects = store_->ListObjects(bucket_, log_prefix_);
  if (!objects.ok()) return objects.status().WithContext("listing " + log_uri_);
  return LogSegment::FromListing(*objects, log_prefix_, log_uri_);
}

Status SnapshotLoader::ReplayCheckpoint(const CheckpointRef& checkpoint, LogReplay* replay) {
  std::vector<SidecarAction> sidecars;
  auto sink = [&](DeltaAction action) {
    if (auto* sidecar = std::get_if<SidecarAction>(&action)) {
      sidecars.push_back(std::move(*sidecar));
    } else {
      replay->Apply(std::move(action));
    }
  };
  for (const ObjectInfo& file : checkpoint.files) {
    std::string name = "s3://" + bucket_ + "/" + file.key;
    LH_ASSIGN_OR_RETURN(std::string data, Get(file.key, name));
    bool json = file.key.size() >= 5 && file.key.compare(file.key.size() - 5, 5, ".json") == 0;
    LH_RETURN_IF_ERROR(json ? ReadJsonActions(data, name, sink) : CheckpointReader::ReadParquet(data, name, sink));
  }
  // "V2 Spec": the add/remove actions may live in sidecar files under
  // _delta_log/_sidecars/, referenced by file name.
  for (const SidecarAction& sidecar : sidecars) {
    if (sidecar.path.find('/') != std::string::npos || sidecar.path.find('%') != std::string::npos) {
      return Status::FailedPrecondition(uri_ + ": checkpoint " + std::to_string(checkpoint.version) +
                                        " references sidecar '" + sidecar.path +
                                        "' by a path, which is not supported (only file names in _delta_log/" +
                                        std::string(kDeltaSidecarDirName) + "/)");
    }
    std::string key = log_prefix_ + std::string(kDeltaSidecarDirName) + "/" + sidecar.path;
    std::string name = "s3://" + bucket_ + "/" + key;
    LH_ASSIGN_OR_RETURN(std::string data, Get(key, name));
    LH_RETURN_IF_ERROR(CheckpointReader::ReadParquet(data, name, sink));
  }
  return Status::OK();
}

Result<DeltaSnapshot> SnapshotLoader::Load() {
  LH_ASSIGN_OR_RETURN(std::optional<int64_t> hint, ReadLastCheckpointHint());
  auto listed = ListSegment(hint);
  if (listed.status().IsNotFound()) {
    return Status::NotFound("no Delta table at " + uri_ + ": " + listed.status().message());
  }
  if (!listed.ok()) return listed.status();
  LogSegment segment = std::move(listed).value();

  LogReplay replay;
  if (segment.checkpoint) LH_RETURN_IF_ERROR(ReplayCheckpoint(*segment.checkpoint, &replay));
  for (const ObjectInfo& commit : segment.commits) {
    std::string name = "s3://" + bucket_ + "/" + commit.key;
    LH_ASSIGN_OR_RETURN(std::string data, Get(commit.key, name));
    replay.StartCommit();
    LH_RETURN_IF_ERROR(ReadJsonActions(data, name, [&](DeltaAction a) { replay.Apply(std::move(a)); }));
  }

  DeltaSnapshot snapshot;
  snapshot.table_uri = uri_;
  snapshot.version = segment.version;
  snapshot.checkpoint_version = segment.checkpoint ? segment.checkpoint->version : -1;
  LH_RETURN_IF_ERROR(replay.Finish(uri_ + " at version " + std::to_string(segment.version), &snapshot));
  if (snapshot.min_reader_version > kMaxReaderVersion) {
    return Status::FailedPrecondition(uri_ + " needs Delta reader version " +
                                      std::to_string(snapshot.min_reader_version) + "; this reader supports up to " +
                                      std::to_string(kMaxReaderVersion));
  }
  for (const std::string& feature : snapshot.reader_features) {
    if (!KnownReaderFeatures().count(feature)) {
      warnings_.push_back("table uses reader feature '" + feature +
                          "', unknown to this reader; file counts may not match what engines read");
    }
  }

  // The commit time of the snapshot version: its commitInfo, which a checkpoint
  // does not keep ("Action Reconciliation"), so read that commit when the
  // checkpoint covered it.
  std::optional<CommitInfoAction> info = segment.commits.empty() ? std::nullopt : replay.last_commit_info();
  if (segment.commits.empty() && segment.version_commit) {
    LogReplay tail;
    std::string name = "s3://" + bucket_ + "/" + segment.version_commit->key;
    LH_ASSIGN_OR_RETURN(std::string data, Get(segment.version_commit->key, name));
    LH_RETURN_IF_ERROR(ReadJsonActions(data, name, [&](DeltaAction a) { tail.Apply(std::move(a)); }));
    info = tail.last_commit_info();
  }
  if (info && (info->in_commit_timestamp_ms || info->timestamp_ms)) {
    snapshot.last_commit_timestamp_ms = info->in_commit_timestamp_ms.value_or(info->timestamp_ms.value_or(0));
  } else if (segment.version_commit) {
    snapshot.last_commit_timestamp_ms = segment.version_commit->last_modified_ms;
  } else if (segment.checkpoint) {
    snapshot.last_commit_timestamp_ms = segment.checkpoint->files.front().last_modified_ms;
  }
  if (info) snapshot.last_operation = info->operation;

  snapshot.warnings = std::move(warnings_);
  snapshot.warnings.insert(snapshot.warnings.end(), segment.warnings.begin(), segment.warnings.end());
  return snapshot;
}

}  // namespace

std::string DeltaLog::TableUri(const std::string& bucket, const std::string& table_prefix) {
  std::string prefix = TrimSlashes(table_prefix);
  return "s3://" + bucket + (prefix.empty() ? "" : "/" + prefix);
}

Result<DeltaSnapshot> DeltaLog::LoadSnapshot(ObjectStore* store, const std::string& bucket,
                                             const std::string& table_prefix) {
  return SnapshotLoader(store, bucket, table_prefix).Load();
}

}  // namespace lakehouse
