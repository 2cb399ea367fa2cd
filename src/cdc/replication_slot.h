// ReplicationSlot: the source's logical replication slot, seen from SQL.
//
// A slot that nobody consumes keeps WAL forever, so `status` shows how much
// it retains and `down --purge` drops it.
#pragma once

#include <string>

#include "common/pg_session.h"

namespace lakehouse {

struct SlotInfo {
  bool exists = false;
  bool active = false;
  int64_t retained_wal_bytes = 0;  // current WAL position minus the slot's restart_lsn
  std::string confirmed_flush_lsn;
};

Result<SlotInfo> InspectSlot(PgSession& db, const std::string& slot);
// Drops the slot if it exists and is inactive; an active slot is an error naming its pid.
Status DropSlot(PgSession& db, const std::string& slot);

}  // namespace lakehouse
