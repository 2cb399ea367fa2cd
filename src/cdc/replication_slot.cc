#include "cdc/replication_slot.h"

namespace lakehouse {

Result<SlotInfo> InspectSlot(PgSession& db, const std::string& slot) {
  LH_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint, "
                                          "confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = $1",
                                          {slot}));
  SlotInfo info;
  if (rows.empty()) return info;
  info.exists = true;
  info.active = rows[0][0].value_or("f") == "t";
  info.retained_wal_bytes = std::stoll(rows[0][1].value_or("0"));
  info.confirmed_flush_lsn = rows[0][2].value_or("");
  return info;
}

Status DropSlot(PgSession& db, const std::string& slot) {
  LH_ASSIGN_OR_RETURN(auto rows, db.Query("SELECT active, active_pid FROM pg_replication_slots WHERE slot_name = $1",
                                          {slot}));
  if (rows.empty()) return Status::OK();
  if (rows[0][0].value_or("f") == "t") {
    return Status::FailedPrecondition("replication slot " + slot + " is in use by pid " +
                                      rows[0][1].value_or("?") + "; stop Kafka Connect first");
  }
  return db.Query("SELECT pg_drop_replication_slot($1)", {slot}).status();
}

}  // namespace lakehouse
