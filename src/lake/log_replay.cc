#include "lake/log_replay.h"

#include <type_traits>

namespace lakehouse {
namespace {

std::string FileKey(const std::string& path, const std::optional<DeletionVectorRef>& dv) {
  std::string key = path;
  key.push_back('\0');
  if (dv) key += dv->UniqueId();
  return key;
}

}  // namespace

void LogReplay::Apply(DeltaAction action) {
  std::visit(
      [this](auto&& a) {
        using T = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<T, AddFile>) {
          std::string key = FileKey(a.path, a.deletion_vector);
          live_files_.insert_or_assign(std::move(key), std::move(a));
        } else if constexpr (std::is_same_v<T, RemoveFile>) {
          live_files_.erase(FileKey(a.path, a.deletion_vector));
        } else if constexpr (std::is_same_v<T, MetadataAction>) {
          metadata_ = std::move(a);
        } else if constexpr (std::is_same_v<T, ProtocolAction>) {
          protocol_ = std::move(a);
        } else if constexpr (std::is_same_v<T, TxnAction>) {
          txn_versions_[a.app_id] = a.version;
        } else if constexpr (std::is_same_v<T, CommitInfoAction>) {
          last_commit_info_ = std::move(a);
        }
        // SidecarAction, CheckpointMetadataAction: structure of a checkpoint, not table state.
      },
      std::move(action));
}

Status LogReplay::Finish(const std::string& where, DeltaSnapshot* snapshot) const {
  if (!protocol_) return Status::Corruption(where + ": the log has no protocol action");
  if (!metadata_) return Status::Corruption(where + ": the log has no metaData action");
  snapshot->table_id = metadata_->id;
  snapshot->name = metadata_->name;
  snapshot->schema_string = metadata_->schema_string;
  snapshot->partition_columns = metadata_->partition_columns;
  snapshot->properties = metadata_->configuration;
  snapshot->min_reader_version = protocol_->min_reader_version;
  snapshot->min_writer_version = protocol_->min_writer_version;
  snapshot->reader_features = protocol_->reader_features;
  snapshot->writer_features = protocol_->writer_features;
  snapshot->app_transaction_versions = txn_versions_;

  snapshot->files.clear();
  snapshot->files.reserve(live_files_.size());
  snapshot->num_files = 0;
  snapshot->total_bytes = 0;
  snapshot->num_records = 0;
  snapshot->num_deleted_records = 0;
  snapshot->files_without_stats = 0;
  for (const auto& [key, add] : live_files_) {
    DeltaFile file;
    file.path = add.path;
    file.size = add.size;
    file.modification_time_ms = add.modification_time_ms;
    file.partition_values = add.partition_values;
    file.num_records = add.num_records;
    file.deleted_records = add.deletion_vector ? add.deletion_vector->cardinality : 0;
    ++snapshot->num_files;
    snapshot->total_bytes += file.size;
    snapshot->num_deleted_records += file.deleted_records;
    if (file.num_records) {
      snapshot->num_records += *file.num_records - file.deleted_records;
    } else {
      ++snapshot->files_without_stats;
    }
    snapshot->files.push_back(std::move(file));
  }
  return Status::OK();
}

}  // namespace lakehouse
