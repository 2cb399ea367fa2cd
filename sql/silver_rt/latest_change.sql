-- latest_change: the last change per primary key in one micro-batch.
--
-- Grain: one row per `_key`.
-- Input view: batch_changes (typed change events: `_key` the primary key as a
-- struct, `_lsn`, `_kafka_partition`, `_kafka_offset`, any other columns).
--
-- "Last" is by position in the source log (source.lsn), then Kafka partition
-- and offset to break ties deterministically; never by arrival or processing
-- time, since Debezium redelivers after a restart and Kafka may interleave.
-- Within one key the lsn order is the commit order: PostgreSQL's row locks
-- serialise the transactions that write the same key.
with

ranked as (
  select
    batch_changes.*,
    row_number() over (
      partition by _key
      order by _lsn desc, _kafka_partition desc, _kafka_offset desc
    ) as _change_rank
  from batch_changes
)

select * except (_change_rank)
from ranked
where _change_rank = 1
