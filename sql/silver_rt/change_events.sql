-- change_events: the change events of one source table in a Bronze micro-batch,
-- with what Silver needs from each Debezium envelope pulled out as text.
--
-- Grain: one row per Bronze row (truncates included, op 't').
-- Input view: bronze_batch (the Bronze table's columns, rows of one source table).
--
-- The row image and the schemas stay JSON text here: their types come from the
-- event's own Connect schema, which silver_merge.py turns into from_json types
-- and per-column conversions. The schema ids (hashes of the schema text) let it
-- read each distinct schema of the batch once instead of once per row.
with

parsed as (
  select
    bronze_batch.*,
    from_json(record_value, 'struct<schema:string, payload:struct<before:string, after:string>>') as value_parts,
    from_json(record_key, 'struct<schema:string, payload:string>')                                as key_parts
  from bronze_batch
)

select
  -- position in the source log: the only order changes are applied in
  source_lsn                             as _lsn,
  kafka_partition                        as _kafka_partition,
  kafka_offset                           as _kafka_offset,
  -- the change
  op                                     as _op,
  timestamp_millis(source_ts_ms)         as _commit_ts,
  -- the row image: after for c/u/r; before for d (key columns only under the
  -- default replica identity); none for t
  case
    when op = 'd' then value_parts.payload.before
    when op = 't' then null
    else value_parts.payload.after
  end                                    as _image,
  value_parts.schema                     as _value_schema,
  xxhash64(value_parts.schema)           as _value_schema_id,
  -- the primary key as the Kafka key carries it (null for truncates)
  key_parts.payload                      as _key_image,
  key_parts.schema                       as _key_schema,
  xxhash64(key_parts.schema)             as _key_schema_id
from parsed
