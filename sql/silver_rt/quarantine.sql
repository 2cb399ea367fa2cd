-- quarantine: one row per value of a change event that could not be converted
-- to its Silver type (or a change that names no usable primary key).
--
-- Grain: one row per (change event, failing column).
-- Input view: typed_changes (from silver_merge.py: lineage columns, `_key_text`
-- the key as JSON text, `_errors` an array of {column, value, reason}, and the
-- batch's constants `_source_schema`, `_source_table`, `_batch_id`, `_quarantined_at`).
--
-- The change itself is not applied; the rest of the batch is. Bronze keeps the
-- full event, found again by (lsn, kafka_partition, kafka_offset).
with

failed as (
  select
    typed_changes.*,
    explode(_errors) as error
  from typed_changes
  where size(_errors) > 0
)

select
  -- where the value belongs
  _source_schema        as source_schema,
  _source_table         as source_table,
  _key_text             as key,
  error.column          as column,
  -- what was wrong
  error.value           as value,
  error.reason          as reason,
  -- where the event is in Bronze
  _lsn                  as lsn,
  _kafka_partition      as kafka_partition,
  _kafka_offset         as kafka_offset,
  -- when
  _batch_id             as batch_id,
  _quarantined_at       as quarantined_at
from failed
