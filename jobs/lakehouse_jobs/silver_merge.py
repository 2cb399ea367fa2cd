"""Silver_RT merge: one Bronze micro-batch of one source table into its Silver_RT Delta table.

A Silver_RT table holds one row per primary key of its source table: the newest
state of that row, typed from the Debezium Connect schema, plus lineage columns.
`merge_batch` maintains it by the CDC rules of design.md §3:

  * changes are ordered by their position in the source log (source.lsn, then
    Kafka partition and offset), never by arrival or processing time;
  * a batch is collapsed to the last change per key (sql/silver_rt/latest_change.sql)
    and MERGEd only where the stored `_lsn` is older, so replayed changes do nothing;
  * deletes and truncates leave tombstones (`_is_deleted`, with their `_lsn`), so a
    replayed older insert cannot resurrect a row;
  * a TOAST column Debezium could not read (the unavailable-value placeholder) keeps
    its stored value; the placeholder is never written;
  * a column new in the source is added to the table (MERGE schema evolution);
  * a value that cannot be converted to its Silver type is quarantined (table, key,
    column, reason) and the change is not applied; the rest of the batch lands;
  * the MERGE carries Delta's txnAppId/txnVersion, so a batch replayed after a
    crash is skipped as a whole (Delta "idempotent writes").

What does not depend on the table's columns is SQL under sql/silver_rt/. What
does (the per-column conversions and MERGE assignments) is generated here from
the Connect schema of the events, so there is no per-table code.

Silver_RT layout: the source columns in Connect-schema order (columns added later
are appended), then LINEAGE_FIELDS. Not partitioned: rows are updated in place by
key, and a date partition would move a row between partitions on update.

Thread safety: registers temp views (bronze_batch, batch_changes, ...) on the
session and sets session confs around the MERGE; one call at a time per session.
"""
from __future__ import annotations

import base64
import hashlib
import json
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Mapping

from delta.tables import DeltaTable
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from .sql_models import load_model

DEFAULT_SQL_DIR = Path(__file__).resolve().parents[2] / "sql"

# Debezium's `unavailable.value.placeholder` default. Debezium writes it, in the
# column's own JSON shape, for a TOASTed value an UPDATE left unchanged.
TOAST_PLACEHOLDER = "__debezium_unavailable_value"

LINEAGE_FIELDS = [
    T.StructField("_lsn", T.LongType()),              # source.lsn of the change this row version is from
    T.StructField("_op", T.StringType()),             # c, u, r (snapshot), d, or t (wiped by a TRUNCATE)
    T.StructField("_is_deleted", T.BooleanType()),    # tombstone: deleted or truncated in the source
    T.StructField("_commit_ts", T.TimestampType()),   # source.ts_ms: when the source committed the change
    T.StructField("_kafka_partition", T.IntegerType()),
    T.StructField("_kafka_offset", T.LongType()),
    T.StructField("_landed_at", T.TimestampType()),   # when this row version was merged into Silver
]
LINEAGE_COLUMNS = [f.name for f in LINEAGE_FIELDS]
# Names the MERGE source carries beside the data columns; a source column may not use them.
RESERVED_COLUMNS = frozenset(LINEAGE_COLUMNS) | {"_unavailable"}

QUARANTINE_SCHEMA = T.StructType([
    T.StructField("source_schema", T.StringType()),
    T.StructField("source_table", T.StringType()),
    T.StructField("key", T.StringType()),             # the primary key as JSON text
    T.StructField("column", T.StringType()),
    T.StructField("value", T.StringType()),           # the value as it came (JSON text for arrays)
    T.StructField("reason", T.StringType()),
    T.StructField("lsn", T.LongType()),
    T.StructField("kafka_partition", T.IntegerType()),
    T.StructField("kafka_offset", T.LongType()),
    T.StructField("batch_id", T.LongType()),
    T.StructField("quarantined_at", T.TimestampType()),
])

_TXN_APP_ID = "spark.databricks.delta.write.txnAppId"
_TXN_VERSION = "spark.databricks.delta.write.txnVersion"
_ORDER = "_lsn, _kafka_partition, _kafka_offset"


@dataclass(frozen=True)
class TableMeta:
    """What the spec says about one captured table.

    key_columns: the merge key; empty means the fields of the Kafka key's schema
    (the primary key, or the replica identity index). Name them for a table with
    neither, whose events have no key; otherwise those events are quarantined.
    """
    source_schema: str
    source_table: str
    key_columns: tuple[str, ...] = ()
    # Silver_RT is read as a stream downstream; with MERGE updates that needs the change data feed.
    # No deletion vectors: `lakehouse verify` reads the Parquet files as they are.
    table_properties: Mapping[str, str] = field(
        default_factory=lambda: {"delta.enableChangeDataFeed": "true", "delta.enableDeletionVectors": "false"})

    @property
    def qualified_name(self) -> str:
        return f"{self.source_schema}.{self.source_table}"


@dataclass(frozen=True)
class ColumnPlan:
    """How one Connect field becomes one Silver column.

    wire_type is what from_json reads (the JSON shape JsonConverter writes);
    convert is a SQL expression over `{v}`, the wire value, giving spark_type, or
    NULL where the value cannot be represented; placeholder is a SQL predicate over
    `{v}` that is true for the TOAST placeholder (None: the type cannot be TOASTed);
    note records a deliberate fallback (e.g. a numeric kept as text).
    """
    name: str
    source_type: str
    wire_type: T.DataType
    spark_type: T.DataType
    convert: str = "{v}"
    placeholder: str | None = None
    note: str | None = None
    reason: str = ""

    @property
    def can_fail(self) -> bool:
        return self.convert != "{v}"

    def typed_sql(self, v: str) -> str:
        """The Silver value of wire value `v`: NULL for the placeholder."""
        converted = self.convert.replace("{v}", v)
        if self.placeholder is None:
            return converted
        return f"case when {self.is_placeholder_sql(v)} then null else {converted} end"

    def is_placeholder_sql(self, v: str) -> str:
        return f"coalesce({self.placeholder.replace('{v}', v)}, false)" if self.placeholder else "false"

    def failed_sql(self, v: str, typed: str) -> str:
        """True when `v` had a value that did not survive conversion to `typed`."""
        if not self.can_fail:
            return "false"
        if isinstance(self.wire_type, T.ArrayType):
            kept = "size(filter({x}, e -> e is not null))"
            return (f"({v} is not null and ({typed} is null or "
                    f"{kept.format(x=v)} <> {kept.format(x=typed)}))")
        return f"({v} is not null and {typed} is null)"

    def wire_text_sql(self, v: str) -> str:
        if isinstance(self.wire_type, (T.ArrayType, T.StructType, T.MapType)):
            return f"to_json({v})"
        return f"cast({v} as string)"

    def retarget(self, spark_type: T.DataType) -> "ColumnPlan":
        """This plan, converting further to `spark_type` (the existing Silver column's type)."""
        if spark_type == self.spark_type:
            return self
        return replace(
            self, spark_type=spark_type,
            convert=f"try_cast(({self.convert}) as {spark_type.simpleString()})",
            reason=f"does not fit the Silver column type {spark_type.simpleString()} "
                   f"(the source declares {self.source_type})")


# --- Connect schema -> Spark types -------------------------------------------------

_PRIMITIVES = {
    "int8": T.ByteType(), "int16": T.ShortType(), "int32": T.IntegerType(), "int64": T.LongType(),
    "float32": T.FloatType(), "float64": T.DoubleType(), "boolean": T.BooleanType(),
}

# Logical types: (wire type, Silver type, conversion). Timestamps become instants in
# UTC; `timestamp without time zone` (MicroTimestamp) is read as UTC wall-clock time.
_LOGICAL = {
    "io.debezium.time.MicroTimestamp": (T.LongType(), T.TimestampType(), "timestamp_micros({v})"),
    "io.debezium.time.NanoTimestamp": (T.LongType(), T.TimestampType(), "timestamp_micros({v} div 1000)"),
    # try_multiply: PostgreSQL's 'infinity' arrives as a huge value that would overflow.
    "io.debezium.time.Timestamp": (T.LongType(), T.TimestampType(), "timestamp_micros(try_multiply({v}, 1000))"),
    "org.apache.kafka.connect.data.Timestamp":
        (T.LongType(), T.TimestampType(), "timestamp_micros(try_multiply({v}, 1000))"),
    "io.debezium.time.ZonedTimestamp": (T.StringType(), T.TimestampType(), "try_cast({v} as timestamp)"),
    "io.debezium.time.Date": (T.IntegerType(), T.DateType(), "date_from_unix_date({v})"),
    "org.apache.kafka.connect.data.Date": (T.IntegerType(), T.DateType(), "date_from_unix_date({v})"),
}
_NUMERIC_SOURCE_TYPES = {"NUMERIC", "DECIMAL"}
_SOURCE_TYPE = "__debezium.source.column.type"
_SOURCE_LENGTH = "__debezium.source.column.length"
_SOURCE_SCALE = "__debezium.source.column.scale"


def _sql_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _placeholder_forms() -> dict[str, str]:
    """The placeholder as Debezium writes it per JSON shape (its UnchangedToastedPlaceholder)."""
    raw = TOAST_PLACEHOLDER.encode()
    digest = bytearray(hashlib.md5(raw).digest())          # Java's UUID.nameUUIDFromBytes
    digest[6] = (digest[6] & 0x0F) | 0x30
    digest[8] = (digest[8] & 0x3F) | 0x80
    return {
        "text": _sql_string(TOAST_PLACEHOLDER),
        "base64": _sql_string(base64.b64encode(raw).decode()),
        "uuid": _sql_string(str(uuid.UUID(bytes=bytes(digest)))),
        "ints": "array(" + ", ".join(str(b) for b in raw) + ")",
        "hstore": _sql_string(json.dumps({TOAST_PLACEHOLDER: TOAST_PLACEHOLDER}, separators=(",", ":"))),
    }


_PLACEHOLDER = _placeholder_forms()


def _describe(schema: dict) -> str:
    params = schema.get("parameters") or {}
    if _SOURCE_TYPE in params:
        length, scale = params.get(_SOURCE_LENGTH), params.get(_SOURCE_SCALE)
        args = ",".join(x for x in (length, scale) if x is not None)
        return params[_SOURCE_TYPE].lower() + (f"({args})" if args else "")
    if schema.get("type") == "array":
        return f"array<{_describe(schema.get('items') or {})}>"
    return schema.get("name") or schema.get("type", "?")


def decimal_type(length: str | int | None, scale: str | int | None) -> T.DecimalType | None:
    """Spark's exact type for PostgreSQL numeric(length, scale); None if there is none.

    PostgreSQL 15 allows a negative scale and a scale above the precision; both map
    to the decimal that holds every value. Above 38 digits (Spark's limit), or an
    unconstrained numeric, there is no exact Spark decimal.
    """
    if length is None:
        return None
    precision, digits = int(length), int(scale or 0)
    if digits < 0:
        precision, digits = precision - digits, 0
    precision = max(precision, digits)
    return T.DecimalType(precision, digits) if 1 <= precision <= 38 else None


def _numeric_plan(name: str, schema: dict) -> ColumnPlan:
    params = schema.get("parameters") or {}
    source = _describe(schema)
    target = decimal_type(params.get(_SOURCE_LENGTH), params.get(_SOURCE_SCALE))
    if target is None:
        return ColumnPlan(name, source, T.StringType(), T.StringType(), placeholder=f"{{v}} = {_PLACEHOLDER['text']}",
                          note=f"{name} {source}: no exact Spark decimal (precision above 38 or "
                               f"unconstrained), kept as text")
    return ColumnPlan(name, source, T.StringType(), target, convert=f"try_cast({{v}} as {target.simpleString()})",
                      placeholder=f"{{v}} = {_PLACEHOLDER['text']}",
                      reason=f"not representable as {target.simpleString()} ({source})")


def _array_placeholder(element: ColumnPlan) -> str | None:
    if isinstance(element.spark_type, T.BinaryType):
        return f"{{v}} = array({_PLACEHOLDER['base64']})"
    if isinstance(element.wire_type, T.StringType):
        return f"{{v}} = array({_PLACEHOLDER['text']})"
    if isinstance(element.wire_type, (T.ShortType, T.IntegerType, T.LongType)):
        return f"{{v}} = {_PLACEHOLDER['ints']}"
    return None


def _array_plan(name: str, schema: dict, depth: int) -> ColumnPlan:
    element = column_plan(name, schema.get("items") or {}, depth + 1)
    # Elements are converted, never compared with the placeholder: Debezium replaces
    # the whole array, and an element may legitimately hold that text.
    x = f"x{depth}"
    convert = "{v}" if element.convert == "{v}" else f"transform({{v}}, {x} -> {element.convert.replace('{v}', x)})"
    return ColumnPlan(name, _describe(schema), T.ArrayType(element.wire_type), T.ArrayType(element.spark_type),
                      convert=convert, placeholder=_array_placeholder(element), note=element.note,
                      reason=f"an element is not representable as {element.spark_type.simpleString()} "
                             f"({_describe(schema)})")


def column_plan(name: str, schema: dict, depth: int = 0) -> ColumnPlan:
    """The plan for one Connect field schema (a dict as JsonConverter writes it)."""
    ctype, logical = schema.get("type"), schema.get("name")
    params = schema.get("parameters") or {}
    source = _describe(schema)
    if ctype == "string" and str(params.get(_SOURCE_TYPE, "")).upper() in _NUMERIC_SOURCE_TYPES:
        return _numeric_plan(name, schema)
    if logical in _LOGICAL:
        wire, spark, convert = _LOGICAL[logical]
        return ColumnPlan(name, source, wire, spark, convert=convert,
                          reason=f"not representable as {spark.simpleString()} ({source})")
    if ctype in _PRIMITIVES:
        return ColumnPlan(name, source, _PRIMITIVES[ctype], _PRIMITIVES[ctype])
    if ctype == "string":
        toast = f"{{v}} = {_PLACEHOLDER['text']}"
        if logical == "io.debezium.data.Uuid":
            toast = f"{{v}} in ({_PLACEHOLDER['text']}, {_PLACEHOLDER['uuid']})"
        return ColumnPlan(name, source, T.StringType(), T.StringType(), placeholder=toast)
    if ctype == "bytes":
        note = (f"{name}: decimal.handling.mode=precise is not decoded, kept as base64 text"
                if logical == "org.apache.kafka.connect.data.Decimal" else None)
        if note:
            return ColumnPlan(name, source, T.StringType(), T.StringType(), note=note)
        return ColumnPlan(name, source, T.StringType(), T.BinaryType(), convert="try_to_binary({v}, 'base64')",
                          placeholder=f"{{v}} = {_PLACEHOLDER['base64']}", reason="not valid base64")
    if ctype == "array":
        return _array_plan(name, schema, depth)
    # struct, map, anything else: the JSON text as it came.
    return ColumnPlan(name, source, T.StringType(), T.StringType(), placeholder=f"{{v}} = {_PLACEHOLDER['hstore']}",
                      note=f"{name} {source}: kept as JSON text")


def row_schema_of(connect_schema: dict) -> dict | None:
    """The row struct of a Debezium envelope schema (its `after`, else `before`);
    a schema that is no envelope is taken to be a row struct already."""
    fields = {f.get("field"): f for f in connect_schema.get("fields") or []}
    if "op" in fields and ("after" in fields or "before" in fields):
        return fields.get("after") or fields.get("before")
    return connect_schema if connect_schema.get("type") == "struct" else None


def schema_from_connect(connect_schema_json: str | dict) -> tuple[T.StructType, list[ColumnPlan]]:
    """The Silver columns of a Connect struct schema and how to convert each.

    Accepts a row struct (e.g. a Kafka key's schema) or a whole Debezium envelope
    schema (its row struct is used). Returns the Silver StructType (no lineage
    columns) and one ColumnPlan per field, in field order. Raises ValueError for a
    schema without a row struct or a column named like a lineage column.
    """
    schema = json.loads(connect_schema_json) if isinstance(connect_schema_json, str) else connect_schema_json
    row = row_schema_of(schema or {})
    if row is None:
        raise ValueError("Connect schema has no row struct (expected a struct, or an envelope with after/before)")
    plans = [column_plan(f["field"], f) for f in row.get("fields") or []]
    clashes = sorted(p.name for p in plans if p.name in RESERVED_COLUMNS)
    if clashes:
        raise ValueError(f"source columns {clashes} clash with Silver lineage columns; rename them in the source "
                         "or map them in the spec")
    return T.StructType([T.StructField(p.name, p.spark_type) for p in plans]), plans


def _wire_struct(plans: list[ColumnPlan]) -> T.StructType:
    return T.StructType([T.StructField(p.name, p.wire_type) for p in plans])


# --- the batch ----------------------------------------------------------------------

@dataclass(frozen=True)
class BatchShape:
    """What one action over the batch's change events tells: schemas and truncates."""
    changes: int                        # change events other than truncates
    events: int                         # all events, truncates included
    value_schemas: list[tuple[int, dict]]   # (schema id, row struct), oldest first
    key_schemas: list[dict]             # key structs, oldest first
    truncate: tuple[int, int, int, int] | None   # last truncate: (lsn, partition, offset, commit µs)


@dataclass
class MergeResult:
    """What merge_batch did. `quarantine` rows follow QUARANTINE_SCHEMA and are
    materialised (independent of the input batch); write them with the same
    (app_id, batch_id) so a replayed batch does not quarantine twice."""
    quarantine: DataFrame
    events: int = 0
    quarantined_events: int = 0
    truncated: bool = False
    notes: tuple[str, ...] = ()


def _change_events(spark: SparkSession, bronze_batch_df: DataFrame, meta: TableMeta, sql_dir: Path) -> DataFrame:
    # Filtered here, not in the SQL: Spark 4.2 leaves named parameters inside a CTE unbound.
    (bronze_batch_df.where((F.col("source_schema") == meta.source_schema)
                           & (F.col("source_table") == meta.source_table))
     .createOrReplaceTempView("bronze_batch"))
    return spark.sql(load_model(sql_dir, "silver_rt", "change_events"))


def _describe_batch(events: DataFrame) -> BatchShape:
    is_truncate = F.col("_op") == "t"
    rows = (events.groupBy("_value_schema_id", "_key_schema_id")
            .agg(F.first("_value_schema", ignorenulls=True).alias("value_schema"),
                 F.first("_key_schema", ignorenulls=True).alias("key_schema"),
                 F.count(F.lit(1)).alias("events"),
                 F.count(F.when(~is_truncate, 1)).alias("changes"),
                 F.max("_lsn").alias("max_lsn"),
                 F.max(F.when(is_truncate, F.struct("_lsn", "_kafka_partition", "_kafka_offset",
                                                     F.expr("unix_micros(_commit_ts)")))).alias("truncate"))
            .collect())
    rows = sorted(rows, key=lambda r: r["max_lsn"] or 0)
    value_schemas, key_schemas, seen = [], [], set()
    for r in rows:
        if not r["changes"]:
            continue
        row = row_schema_of(json.loads(r["value_schema"])) if r["value_schema"] else None
        if row is not None:
            value_schemas.append((r["_value_schema_id"], row))
        if r["key_schema"] and r["key_schema"] not in seen:
            seen.add(r["key_schema"])
            key_schemas.append(json.loads(r["key_schema"]))
    truncates = [tuple(r["truncate"]) for r in rows if r["truncate"] is not None]
    return BatchShape(changes=sum(r["changes"] for r in rows), events=sum(r["events"] for r in rows),
                      value_schemas=value_schemas, key_schemas=key_schemas,
                      truncate=max(truncates) if truncates else None)


def _union_plans(structs: list[dict]) -> list[ColumnPlan]:
    """One plan per column over the batch's schemas (oldest first): columns in order
    of first appearance, each typed as its newest schema declares it."""
    merged: dict[str, ColumnPlan] = {}
    for struct in structs:
        for plan in schema_from_connect(struct)[1]:
            merged[plan.name] = plan
    order: list[str] = []
    for struct in structs:
        order += [f["field"] for f in struct.get("fields") or [] if f["field"] not in order]
    return [merged[name] for name in order]


def _retarget(plans: list[ColumnPlan], target: T.StructType | None) -> list[ColumnPlan]:
    """Columns already in Silver convert to the stored type, so a value that does not
    fit it is quarantined instead of failing the MERGE."""
    if target is None:
        return plans
    stored = {f.name: f.dataType for f in target.fields}
    return [p.retarget(stored[p.name]) if p.name in stored else p for p in plans]


def _absent_columns_sql(shape: BatchShape, plans: list[ColumnPlan]) -> str:
    """Per row, the columns its own schema lacks (the batch mixes schemas): they keep
    their stored value like a TOAST column, rather than being nulled."""
    names = [p.name for p in plans]
    cases = []
    for schema_id, struct in shape.value_schemas:
        present = {f["field"] for f in struct.get("fields") or []}
        absent = [n for n in names if n not in present]
        if absent:
            cases.append(f"when {schema_id} then array({', '.join(_sql_string(n) for n in absent)})")
    empty = "cast(array() as array<string>)"
    return f"case _value_schema_id {' '.join(cases)} else {empty} end" if cases else empty


@dataclass(frozen=True)
class _Columns:
    """The batch's columns and where each typed value comes from, for generating SQL."""
    plans: list[ColumnPlan]
    key_plans: list[ColumnPlan]
    key_columns: list[str]

    def key_source(self, k: str) -> tuple[ColumnPlan, str]:
        """A key value comes from the Kafka key (present even for a delete without a
        before image), else from the row image (a spec-named key of a keyless table)."""
        for plan in self.key_plans:
            if plan.name == k:
                return plan, f"_kw.{_quote(k)}"
        return next(p for p in self.plans if p.name == k), f"_w.{_quote(k)}"

    @property
    def key_struct(self) -> str:
        if not self.key_columns:
            return "named_struct('_no_key', cast(null as int))"
        return "named_struct(" + ", ".join(f"{_sql_string(k)}, _k{i}" for i, k in enumerate(self.key_columns)) + ")"


def _typed_changes(events: DataFrame, cols: _Columns, absent_sql: str) -> DataFrame:
    """One row per change event (truncates excluded), typed.

    Columns: the lineage ones, `_is_deleted`, `_key` (struct of the key columns),
    `_key_text` (the key as JSON), `_row` (struct of all columns, the placeholder and
    unconvertible values as NULL), `_unavailable` (columns to keep from the stored
    row: TOAST placeholders, columns absent from the event's schema), `_errors`
    (array of {column, value, reason}; non-empty means quarantine).
    """
    parsed = events.where("_op <> 't'").select(
        "*", F.from_json("_image", _wire_struct(cols.plans)).alias("_w"),
        *([F.from_json("_key_image", _wire_struct(cols.key_plans)).alias("_kw")] if cols.key_plans else []))
    return parsed.selectExpr(*_typed_values_sql(cols, absent_sql)).selectExpr(*_row_and_errors_sql(cols))


def _typed_values_sql(cols: _Columns, absent_sql: str) -> list[str]:
    """Stage 1: every converted value as a flat column (_k<i> keys, _t<i> columns), so
    each conversion is computed once, and the columns to keep from the stored row."""
    exprs = ["_lsn", "_kafka_partition", "_kafka_offset", "_op", "_commit_ts", "_op = 'd' as _is_deleted",
             "_w", *(["_kw"] if cols.key_plans else []), "coalesce(_key_image, '') as _key_text"]
    for i, k in enumerate(cols.key_columns):
        plan, wire = cols.key_source(k)
        exprs.append(f"{plan.typed_sql(wire)} as _k{i}")
    exprs += [f"{p.typed_sql(f'_w.{_quote(p.name)}')} as _t{i}" for i, p in enumerate(cols.plans)]
    toasted = [f"case when {p.is_placeholder_sql(f'_w.{_quote(p.name)}')} then {_sql_string(p.name)} end"
               for p in cols.plans if p.placeholder]
    placeholders = f"array_compact(array({', '.join(toasted)}))" if toasted else "cast(array() as array<string>)"
    exprs.append(f"concat({placeholders}, {absent_sql}) as _unavailable")
    return exprs


def _row_and_errors_sql(cols: _Columns) -> list[str]:
    """Stage 2: the `_key` and `_row` structs and `_errors`. A value counts as an error
    when it was present but did not convert; a delete's non-key values are not checked,
    since its tombstone keeps the stored values."""
    key_index = {k: i for i, k in enumerate(cols.key_columns)}
    row_fields = [f"{_sql_string(p.name)}, " + (f"cast(_k{key_index[p.name]} as {p.spark_type.simpleString()})"
                                               if p.name in key_index else f"_t{i}")
                  for i, p in enumerate(cols.plans)]
    errors = []
    for i, k in enumerate(cols.key_columns):
        plan, wire = cols.key_source(k)
        errors.append(f"case when _k{i} is null then named_struct('column', {_sql_string(k)}, 'value', "
                      f"{plan.wire_text_sql(wire)}, 'reason', 'primary key value missing or not convertible') end")
    if not cols.key_columns:
        errors.append("named_struct('column', cast(null as string), 'value', cast(null as string), 'reason', "
                      "'event has no key: the table has no primary key or replica identity; name key_columns "
                      "in the spec')")
    for i, p in enumerate(cols.plans):
        if p.can_fail and p.name not in key_index:
            wire = f"_w.{_quote(p.name)}"
            errors.append(f"case when _op <> 'd' and not array_contains(_unavailable, {_sql_string(p.name)}) and "
                          f"{p.failed_sql(wire, f'_t{i}')} then named_struct('column', {_sql_string(p.name)}, "
                          f"'value', {p.wire_text_sql(wire)}, 'reason', {_sql_string(p.reason)}) end")
    return ["_lsn", "_kafka_partition", "_kafka_offset", "_op", "_commit_ts", "_is_deleted", "_unavailable",
            f"{cols.key_struct} as _key",
            f"if(_key_text = '', to_json({cols.key_struct}), _key_text) as _key_text",
            f"named_struct({', '.join(row_fields)}) as _row",
            f"array_compact(array({', '.join(errors)})) as _errors"]


def _carry_forward(changes: DataFrame, plans: list[ColumnPlan], columns: set[str]) -> DataFrame:
    """Fills `columns` that a change left unavailable from the key's latest earlier
    change in the same batch that had them (collapsing would otherwise lose it).
    What no earlier change had stays in `_unavailable`: the MERGE keeps the stored value."""
    window = f"over (partition by _key order by {_ORDER} rows between unbounded preceding and current row)"
    names = [p.name for p in plans if p.name in columns]
    carried = [f"last(case when _op <> 'd' and not array_contains(_unavailable, {_sql_string(n)}) "
               f"then named_struct('v', _row.{_quote(n)}) end, true) {window} as _carry{i}"
               for i, n in enumerate(names)]
    filled = {n: (f"case when array_contains(_unavailable, {_sql_string(n)}) and _carry{i} is not null "
                  f"then _carry{i}.v else _row.{_quote(n)} end") for i, n in enumerate(names)}
    row = "named_struct(" + ", ".join(f"{_sql_string(p.name)}, {filled.get(p.name, '_row.' + _quote(p.name))}"
                                      for p in plans) + ")"
    still = " and ".join([f"not (x = {_sql_string(n)} and _carry{i} is not null)" for i, n in enumerate(names)])
    others = [c for c in changes.columns if c not in ("_row", "_unavailable")]
    return (changes.selectExpr("*", *carried)
            .selectExpr(*others, f"{row} as _row", f"filter(_unavailable, x -> {still}) as _unavailable"))


# --- Delta ----------------------------------------------------------------------------

def _stored_schema(spark: SparkSession, path: str) -> T.StructType | None:
    if not DeltaTable.isDeltaTable(spark, path):
        return None
    return spark.read.format("delta").load(path).schema


def _create_table(spark: SparkSession, path: str, plans: list[ColumnPlan], meta: TableMeta) -> None:
    columns = T.StructType([T.StructField(p.name, p.spark_type) for p in plans] + LINEAGE_FIELDS)
    builder = DeltaTable.createIfNotExists(spark).location(path).addColumns(columns)
    for key, value in meta.table_properties.items():
        builder = builder.property(key, value)
    builder.execute()


@contextmanager
def idempotent_writes(spark: SparkSession, app_id: str, version: int) -> Iterator[None]:
    """Delta skips a MERGE/UPDATE/DELETE/write whose (txnAppId, txnVersion) the table
    has already recorded (DeltaCommand.hasBeenExecuted). Restores the previous confs."""
    previous = {key: spark.conf.get(key, None) for key in (_TXN_APP_ID, _TXN_VERSION)}
    spark.conf.set(_TXN_APP_ID, app_id)
    spark.conf.set(_TXN_VERSION, str(version))
    try:
        yield
    finally:
        for key, value in previous.items():
            if value is None:
                spark.conf.unset(key)
            else:
                spark.conf.set(key, value)


def _merge(spark: SparkSession, source: DataFrame, path: str, key_columns: list[str], columns: list[str],
           keep_stored: set[str], stored: set[str], truncate: tuple[int, int, int, int] | None,
           landed_at: datetime) -> None:
    """MERGE the collapsed changes: newer `_lsn` wins, tombstones keep stored values,
    unavailable columns keep stored values, a truncate tombstones every older row."""
    def value(c: str, stored_value: str) -> str:
        if c not in keep_stored:
            return f"s.{_quote(c)}"
        return f"case when array_contains(s._unavailable, {_sql_string(c)}) then {stored_value} else s.{_quote(c)} end"

    lineage = {_quote(c): f"s.{_quote(c)}" for c in LINEAGE_COLUMNS}
    live = {_quote(c): value(c, f"t.{_quote(c)}" if c in stored else "null")
            for c in columns if c not in key_columns}
    insert = {_quote(c): value(c, "null") for c in columns}
    on = " and ".join(f"t.{_quote(k)} = s.{_quote(k)}" for k in key_columns)
    merge = (DeltaTable.forPath(spark, path).alias("t").merge(source.alias("s"), on)
             .withSchemaEvolution()
             .whenMatchedUpdate("t._lsn < s._lsn and not s._is_deleted", {**live, **lineage})
             .whenMatchedUpdate("t._lsn < s._lsn and s._is_deleted", lineage)
             .whenNotMatchedInsert(values={**insert, **lineage}))
    if truncate is not None:
        lsn, partition, offset, commit_us = truncate
        merge = merge.whenNotMatchedBySourceUpdate(f"t._lsn < {lsn}", {
            "_lsn": str(lsn), "_op": "'t'", "_is_deleted": "true", "_commit_ts": f"timestamp_micros({commit_us})",
            "_kafka_partition": str(partition), "_kafka_offset": str(offset),
            "_landed_at": f"timestamp_micros({_micros(landed_at)})"})
    merge.execute()


def _micros(ts: datetime) -> int:
    return int(ts.timestamp()) * 1_000_000 + ts.microsecond


# --- the entry point -------------------------------------------------------------------

def merge_batch(spark: SparkSession, bronze_batch_df: DataFrame, target_path: str, table_meta: TableMeta,
                batch_id: int, app_id: str, *, sql_dir: Path | None = None) -> MergeResult:
    """Merges the events of `table_meta`'s table in `bronze_batch_df` into the Silver_RT
    table at `target_path` (created on first use), idempotently per (app_id, batch_id).

    REQUIRES: bronze_batch_df has the Bronze columns and belongs to `spark` (in a
    foreachBatch, pass batch.sparkSession); batch ids of one app_id only increase;
    one writer per target table. Rows of other tables in the batch are ignored.
    Returns the quarantined values and counts; raises only for what no batch can fix
    (a column named like a lineage column, a configured key that is not a column).
    """
    sql_dir = Path(sql_dir) if sql_dir else DEFAULT_SQL_DIR
    landed_at = datetime.now(timezone.utc)
    empty = MergeResult(quarantine=spark.createDataFrame([], QUARANTINE_SCHEMA))
    events = _change_events(spark, bronze_batch_df, table_meta, sql_dir).persist()
    typed = None
    try:
        shape = _describe_batch(events)
        if shape.events == 0:
            return empty
        stored = _stored_schema(spark, target_path)
        plans = _union_plans([s for _, s in shape.value_schemas])
        if not plans:   # truncates only, or no schema: nothing typed to merge
            _truncate_only(spark, target_path, stored, shape, app_id, batch_id, landed_at)
            return replace(empty, events=shape.events, truncated=shape.truncate is not None)
        plans = _retarget(plans, stored)
        key_columns = _key_columns(table_meta, shape, plans)
        key_plans = _retarget(_union_plans(shape.key_schemas), stored) if shape.key_schemas else []

        typed = _typed_changes(events, _Columns(plans, key_plans, key_columns),
                               _absent_columns_sql(shape, plans)).persist()
        stats = typed.agg(F.count(F.when(F.size("_errors") > 0, 1)).alias("bad"),
                          F.array_distinct(F.flatten(F.collect_set("_unavailable"))).alias("unavailable")).first()
        quarantine = (_quarantine(spark, typed, table_meta, batch_id, landed_at, sql_dir) if stats["bad"]
                      else empty.quarantine)

        good = typed.where("size(_errors) = 0")
        unavailable = set(stats["unavailable"] or [])
        if unavailable:
            good = _carry_forward(good, plans, unavailable)
        if stats["bad"] < shape.changes or shape.truncate is not None:
            source = _collapse(spark, good, events, sql_dir, landed_at)
            if stored is None:
                _create_table(spark, target_path, plans, table_meta)
            stored_names = set(stored.fieldNames()) if stored else {p.name for p in plans}
            with idempotent_writes(spark, app_id, batch_id):
                _merge(spark, source, target_path, key_columns, [p.name for p in plans], unavailable,
                       stored_names, shape.truncate, landed_at)
        return MergeResult(quarantine=quarantine, events=shape.events, quarantined_events=stats["bad"],
                           truncated=shape.truncate is not None,
                           notes=tuple(sorted({p.note for p in plans if p.note})))
    finally:
        events.unpersist()
        if typed is not None:
            typed.unpersist()


def _quarantine(spark: SparkSession, typed: DataFrame, meta: TableMeta, batch_id: int, landed_at: datetime,
                sql_dir: Path) -> DataFrame:
    """The failed values (sql/silver_rt/quarantine.sql), materialised so the caller can
    write them after `typed` is released."""
    typed.withColumns({
        "_source_schema": F.lit(meta.source_schema), "_source_table": F.lit(meta.source_table),
        "_batch_id": F.lit(batch_id).cast("bigint"), "_quarantined_at": F.lit(landed_at),
    }).createOrReplaceTempView("typed_changes")
    return spark.sql(load_model(sql_dir, "silver_rt", "quarantine")).localCheckpoint(eager=True)


def _key_columns(meta: TableMeta, shape: BatchShape, plans: list[ColumnPlan]) -> list[str]:
    """The merge key: the spec's, else the Kafka key's fields (newest key schema)."""
    if meta.key_columns:
        names = list(meta.key_columns)
    elif shape.key_schemas:
        names = [f["field"] for f in shape.key_schemas[-1].get("fields") or []]
    else:
        return []
    missing = [n for n in names if n not in {p.name for p in plans}]
    if missing:
        raise ValueError(f"{meta.qualified_name}: key columns {missing} are not columns of the table")
    return names


def _collapse(spark: SparkSession, good: DataFrame, events: DataFrame, sql_dir: Path,
              landed_at: datetime) -> DataFrame:
    """The MERGE source: last change per key, truncated ones as tombstones, flattened."""
    good.createOrReplaceTempView("batch_changes")
    spark.sql(load_model(sql_dir, "silver_rt", "latest_change")).createOrReplaceTempView("latest_changes")
    events.where("_op = 't'").createOrReplaceTempView("batch_truncates")
    latest = spark.sql(load_model(sql_dir, "silver_rt", "truncate_tombstones"))
    return latest.selectExpr("_row.*", *[c for c in LINEAGE_COLUMNS if c != "_landed_at"], "_unavailable") \
        .withColumn("_landed_at", F.lit(landed_at))


def _truncate_only(spark: SparkSession, path: str, stored: T.StructType | None, shape: BatchShape,
                   app_id: str, batch_id: int, landed_at: datetime) -> None:
    """A batch of truncates alone: tombstone every older row (nothing to do without a table)."""
    if stored is None or shape.truncate is None:
        return
    lsn, partition, offset, commit_us = shape.truncate
    with idempotent_writes(spark, app_id, batch_id):
        DeltaTable.forPath(spark, path).update(f"_lsn < {lsn}", {
            "_lsn": F.lit(lsn), "_op": F.lit("t"), "_is_deleted": F.lit(True),
            "_commit_ts": F.expr(f"timestamp_micros({commit_us})"),
            "_kafka_partition": F.lit(partition), "_kafka_offset": F.lit(offset),
            "_landed_at": F.lit(landed_at)})
