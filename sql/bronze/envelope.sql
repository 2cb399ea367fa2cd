-- envelope: one row per Kafka message of a micro-batch, the Debezium envelope's
-- routing and ordering fields pulled out, and `_error` saying why a message is
-- not a valid change event (null when it is one).
--
-- Input view: kafka_batch (the Kafka source's columns). The raw key and value
-- are kept as they came: Bronze is the replay log, and Silver reads column
-- types from the value's own Connect schema.
with

raw as (
  select
    topic                      as kafka_topic,
    partition                  as kafka_partition,
    offset                     as kafka_offset,
    timestamp                  as kafka_timestamp,
    cast(key as string)        as record_key,
    cast(value as string)      as record_value
  from kafka_batch
),

parsed as (
  select
    raw.*,
    try_parse_json(record_value) as envelope
  from raw
),

fields as (
  select
    parsed.*,
    try_variant_get(envelope, '$.payload', 'variant')                 as payload,
    try_variant_get(envelope, '$.payload.op', 'string')               as op,
    try_variant_get(envelope, '$.payload.source.schema', 'string')    as source_schema,
    try_variant_get(envelope, '$.payload.source.table', 'string')     as source_table,
    try_variant_get(envelope, '$.payload.source.lsn', 'bigint')       as source_lsn,
    try_variant_get(envelope, '$.payload.source.sequence', 'string')  as source_sequence,
    try_variant_get(envelope, '$.payload.source.txId', 'bigint')      as source_txid,
    try_variant_get(envelope, '$.payload.source.ts_ms', 'bigint')     as source_ts_ms,
    try_variant_get(envelope, '$.payload.source.snapshot', 'string')  as source_snapshot,
    try_variant_get(envelope, '$.payload.ts_ms', 'bigint')            as event_ts_ms
  from parsed
)

select
  -- kafka coordinates
  kafka_topic,
  kafka_partition,
  kafka_offset,
  kafka_timestamp,
  -- the message as it came
  record_key,
  record_value,
  -- the change event
  op,
  source_schema,
  source_table,
  source_lsn,
  source_sequence,
  source_txid,
  source_ts_ms,
  source_snapshot,
  event_ts_ms,
  case
    when record_value is null then 'tombstone'
    when envelope is null then 'value is not valid JSON'
    when payload is null then 'no Debezium payload (expected {"schema":...,"payload":...})'
    when op is null then 'payload has no op'
    when op not in ('c', 'u', 'd', 'r', 't') then concat('unknown op `', op, '`')
    when source_schema is null or source_table is null then 'payload.source names no schema/table'
    when source_lsn is null then 'payload.source has no lsn'
    when source_ts_ms is null then 'payload.source has no ts_ms'
  end as _error
from fields
