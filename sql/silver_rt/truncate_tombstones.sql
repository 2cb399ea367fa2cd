-- truncate_tombstones: the last change per key, with those that a later
-- TRUNCATE in the same micro-batch wiped out turned into tombstones at the
-- truncate's position.
--
-- Grain: one row per `_key` (as latest_changes).
-- Input views: latest_changes (from latest_change.sql); batch_truncates (the
-- batch's truncate events, often none).
--
-- A wiped change becomes a tombstone rather than being dropped: a key that is
-- not yet in Silver must still be stored as deleted at the truncate's lsn, or a
-- replayed older insert of it would be applied later. Rows already in Silver are
-- tombstoned by the MERGE itself (its "not matched by source" clause).
with

last_truncate as (
  select max(struct(_lsn, _kafka_partition, _kafka_offset, _commit_ts)) as position
  from batch_truncates
),

positioned as (
  select
    latest_changes.*,
    last_truncate.position                                      as _truncate,
    coalesce(latest_changes._lsn < last_truncate.position._lsn, false) as _wiped
  from latest_changes
  cross join last_truncate
)

select
  * except (_truncate, _wiped, _lsn, _op, _is_deleted, _commit_ts, _kafka_partition, _kafka_offset),
  -- lineage: the truncate's position for wiped rows, the change's own otherwise
  if(_wiped, _truncate._lsn, _lsn)                          as _lsn,
  if(_wiped, 't', _op)                                      as _op,
  _wiped or _is_deleted                                     as _is_deleted,
  if(_wiped, _truncate._commit_ts, _commit_ts)              as _commit_ts,
  if(_wiped, _truncate._kafka_partition, _kafka_partition)  as _kafka_partition,
  if(_wiped, _truncate._kafka_offset, _kafka_offset)        as _kafka_offset
from positioned
