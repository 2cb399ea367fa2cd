// LogReplay: applies Delta actions in log order and yields the reconciled table
// state, following PROTOCOL.md "Action Reconciliation":
//  - the latest protocol and metaData win;
//  - the latest txn version per appId wins;
//  - logical files are keyed by (path, deletionVector.uniqueId); a later add
//    replaces an earlier one with the same key and a remove deletes it, so a
//    file re-added with a new deletion vector (remove old DV + add new DV in one
//    commit) stays live whatever the order of the two actions.
// Remove tombstones are not kept (they matter only to VACUUM), nor is
// domainMetadata. Not thread-safe; one replay per snapshot load.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "common/status.h"
#include "lake/delta_action.h"
#include "lake/delta_snapshot.h"

namespace lakehouse {

class LogReplay {
 public:
  // Applies one action. commitInfo is remembered only as the latest one seen
  // (StartCommit() forgets it), which after the last commit is the snapshot
  // version's commitInfo. Sidecar and checkpointMetadata actions are ignored here;
  // the checkpoint loader handles them.
  void Apply(DeltaAction action);

  // Call before the actions of each JSON commit.
  void StartCommit() { last_commit_info_.reset(); }
  const std::optional<CommitInfoAction>& last_commit_info() const { return last_commit_info_; }

  bool has_metadata() const { return metadata_.has_value(); }
  bool has_protocol() const { return protocol_.has_value(); }

  // Fills the metadata, protocol, transaction and file fields of `snapshot`
  // (files sorted, totals computed). Corruption if no protocol or metaData action
  // was seen (every table's first commit has both). `where` names the table and
  // version for the message.
  Status Finish(const std::string& where, DeltaSnapshot* snapshot) const;

 private:
  std::optional<MetadataAction> metadata_;
  std::optional<ProtocolAction> protocol_;
  std::optional<CommitInfoAction> last_commit_info_;
  std::map<std::string, int64_t> txn_versions_;
  // Key: path + '\0' + deletion vector unique id ("" without a DV); '\0' cannot
  // occur in either part, and the map order gives files sorted by path.
  std::map<std::string, AddFile> live_files_;
};

}  // namespace lakehouse
