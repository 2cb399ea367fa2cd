"""silver_merge on hand-written Bronze rows: typing, ordering, tombstones, TOAST,
schema evolution, quarantine, truncate and idempotence, against Delta in a temp dir.

The record values are built the way Debezium's PostgreSQL connector and Kafka's
JsonConverter write them (decimal.handling.mode=string with the source type
propagated, adaptive_time_microseconds; NaN/Infinity as JSON strings, which is
what JsonConverter emits for float64 and for numerics in string mode).
"""
from __future__ import annotations

import base64
import glob
import itertools
import json
import os
from datetime import date, datetime
from decimal import Decimal

import pytest
from pyspark.sql import SparkSession

from bronze_ingest import BRONZE_SCHEMA
from lakehouse_jobs import silver_merge
from lakehouse_jobs.silver_merge import TableMeta, merge_batch, schema_from_connect

META = TableMeta("demo", "items")
PLACEHOLDER = silver_merge.TOAST_PLACEHOLDER
MAX_PRICE = "999999999999999999.99"            # the extremes of numeric(20,2)
MIN_PRICE = "-999999999999999999.99"
VIETNAMESE = "Nguyễn Thị Ánh Tuyết — Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh 🛒🇻🇳"


# --- Spark with Delta ------------------------------------------------------------------

def _delta_jars() -> list[str]:
    candidates = [os.environ["LAKEHOUSE_SPARK_JARS"]] if os.environ.get("LAKEHOUSE_SPARK_JARS") else sorted(
        (d for d in glob.glob(os.path.expanduser("~/.cache/lakehouse/jars/spark-*"))
         if glob.glob(os.path.join(d, "*delta-spark_*.jar"))), key=os.path.getmtime)
    if not candidates:
        pytest.skip("no Delta jars under ~/.cache/lakehouse/jars (run `lakehouse install`)")
    d = candidates[-1]
    return [os.path.join(d, j) for j in sorted(os.listdir(d))
            if j.endswith(".jar") and ("delta-" in j or "unitycatalog-" in j)]


def _drop_jvm_without_delta() -> None:
    """An earlier test module may have started Spark's JVM without Delta on its class
    path; the class path is fixed at JVM start, so that JVM is stopped and a new one
    started. (A shared Delta-enabled session fixture in tests/jobs/conftest.py would
    make this unnecessary.)"""
    from pyspark import SparkContext
    gateway = SparkContext._gateway
    if gateway is None or SparkContext._active_spark_context is not None:
        return
    try:
        gateway.jvm.java.lang.Class.forName("io.delta.sql.DeltaSparkSessionExtension")
        return
    except Exception:  # noqa: BLE001 - py4j raises its own error for ClassNotFoundException
        pass
    gateway.shutdown()
    proc = getattr(gateway, "proc", None)
    if proc is not None:
        proc.stdin.close()      # the gateway JVM exits on EOF on its stdin
        proc.wait(timeout=60)
    SparkContext._gateway = None
    SparkContext._jvm = None


@pytest.fixture(scope="module")
def spark():
    _drop_jvm_without_delta()
    session = (SparkSession.builder.master("local[1]").appName("silver-merge-test")
               .config("spark.driver.extraClassPath", ":".join(_delta_jars()))
               .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
               .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "1").config("spark.default.parallelism", "1")
               .config("spark.databricks.delta.snapshotPartitions", "1")
               .config("spark.sql.session.timeZone", "UTC")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


# --- Debezium events, by hand -----------------------------------------------------------

def col(name, ctype, optional=True, logical=None, **extra):
    schema = {"type": ctype, "optional": optional, "field": name, **extra}
    if logical:
        schema.update(name=logical, version=1)
    return schema


def numeric(name, precision, scale):
    return col(name, "string", parameters={"__debezium.source.column.type": "NUMERIC",
                                           "__debezium.source.column.length": str(precision),
                                           "__debezium.source.column.scale": str(scale)})


ID = col("id", "int64", optional=False)
COLUMNS = [
    ID,
    col("name", "string"),
    numeric("price_usd", 20, 2),
    col("bio", "string"),
    col("qty", "int32"),
    col("line_no", "int16"),
    col("ratio", "float64"),
    col("is_active", "boolean"),
    col("created_at", "int64", logical="io.debezium.time.MicroTimestamp"),
    col("updated_at", "string", logical="io.debezium.time.ZonedTimestamp"),
    col("birth_date", "int32", logical="io.debezium.time.Date"),
    col("attributes", "string", logical="io.debezium.data.Json"),
    col("tags", "array", items={"type": "string", "optional": True}),
    col("photo", "bytes"),
]
KEY_SCHEMA = {"type": "struct", "fields": [ID], "optional": False, "name": "shop.demo.items.Key"}
SOURCE = {"type": "struct", "optional": False, "name": "io.debezium.connector.postgresql.Source", "field": "source",
          "fields": [col("version", "string", False), col("connector", "string", False),
                     col("name", "string", False), col("ts_ms", "int64", False),
                     col("snapshot", "string", logical="io.debezium.data.Enum",
                         parameters={"allowed": "true,first,first_in_data_collection,last_in_data_collection,"
                                                "last,false,incremental"}),
                     col("db", "string", False), col("sequence", "string"), col("ts_us", "int64"),
                     col("ts_ns", "int64"), col("schema", "string", False), col("table", "string", False),
                     col("txId", "int64"), col("lsn", "int64"), col("xmin", "int64")]}
OFFSETS = itertools.count(1000)


def envelope_schema(columns):
    row = {"type": "struct", "fields": columns, "optional": True, "name": "shop.demo.items.Value"}
    return {"type": "struct", "optional": False, "name": "shop.demo.items.Envelope", "version": 2,
            "fields": [{**row, "field": "before"}, {**row, "field": "after"}, SOURCE,
                       col("transaction", "struct", fields=[col("id", "string", False),
                                                            col("total_order", "int64", False),
                                                            col("data_collection_order", "int64", False)]),
                       col("op", "string", False), col("ts_ms", "int64"), col("ts_us", "int64"),
                       col("ts_ns", "int64")]}


def image(key, columns=COLUMNS, **values):
    """A row image as Debezium writes it: every field of the schema, nulls included."""
    row = {c["field"]: None for c in columns}
    row.update(id=key, **values)
    return row


def event(op, lsn, after=None, before=None, columns=COLUMNS, offset=None, partition=0, commit_ms=1764043200000):
    """One Bronze row: the Kafka coordinates, the key and value as the connector sent them,
    and the fields bronze/envelope.sql pulls out."""
    sequence = json.dumps([str(lsn - 1), str(lsn)])
    payload = {"before": before, "after": after, "op": op, "ts_ms": commit_ms + 7, "transaction": None,
               "source": {"version": "3.6.1.Final", "connector": "postgresql", "name": "shop",
                          "ts_ms": commit_ms, "snapshot": "false", "db": "shop", "sequence": sequence,
                          "schema": "demo", "table": "items", "txId": 900 + lsn, "lsn": lsn, "xmin": None}}
    value = json.dumps({"schema": envelope_schema(columns), "payload": payload}, ensure_ascii=False)
    key_id = (after or before or {}).get("id")
    key = None if op == "t" else json.dumps({"schema": KEY_SCHEMA, "payload": {"id": key_id}})
    landed = datetime(2025, 11, 25, 3, 0, 0)
    return ("shop.demo.items", partition, next(OFFSETS) if offset is None else offset, landed, key, value,
            op, "demo", "items", lsn, sequence, 900 + lsn, commit_ms, "false", commit_ms + 7, landed, landed.date())


def insert(key, lsn, **values):
    return event("c", lsn, after=image(key, **values))


def update(key, lsn, **values):
    return event("u", lsn, after=image(key, **values))


def delete(key, lsn, **values):
    return event("d", lsn, before=image(key, **values))


def truncate(lsn):
    return event("t", lsn)


class Silver:
    """One Silver_RT table in a temp dir and the batches merged into it."""

    def __init__(self, spark, path):
        self.spark, self.path, self.batches = spark, str(path), itertools.count(1)

    def merge(self, *events, batch_id=None, app_id="silver-test"):
        batch = self.spark.createDataFrame(list(events), BRONZE_SCHEMA)
        return merge_batch(self.spark, batch, self.path, META,
                           next(self.batches) if batch_id is None else batch_id, app_id)

    def rows(self):
        """The table by id; timestamps as UTC text so the test process's zone does not matter."""
        df = self.spark.read.format("delta").load(self.path)
        ts = [f.name for f in df.schema.fields if f.dataType.typeName() == "timestamp"]
        df = df.selectExpr(*[f"cast(`{c}` as string) as `{c}`" if c in ts else f"`{c}`" for c in df.columns])
        return {r["id"]: r.asDict() for r in df.collect()}

    def version(self):
        return self.spark.sql(f"describe history delta.`{self.path}`").first()["version"]


@pytest.fixture
def silver(spark, tmp_path):
    return Silver(spark, tmp_path / "silver_rt" / "demo_items")


# --- schema_from_connect ---------------------------------------------------------------

def test_schema_from_connect_types_every_column():
    struct, plans = schema_from_connect(json.dumps(envelope_schema(COLUMNS + [
        numeric("huge", 50, 2), numeric("hundreds", 5, -2), numeric("tiny", 3, 5),
        col("uid", "string", logical="io.debezium.data.Uuid"),
        col("ints", "array", items={"type": "int32", "optional": True})])))
    types = {f.name: f.dataType.simpleString() for f in struct.fields}
    assert types == {
        "id": "bigint", "name": "string", "price_usd": "decimal(20,2)", "bio": "string", "qty": "int",
        "line_no": "smallint", "ratio": "double", "is_active": "boolean", "created_at": "timestamp",
        "updated_at": "timestamp", "birth_date": "date", "attributes": "string", "tags": "array<string>",
        "photo": "binary", "huge": "string", "hundreds": "decimal(7,0)", "tiny": "decimal(5,5)", "uid": "string",
        "ints": "array<int>"}
    notes = {p.name: p.note for p in plans if p.note}
    assert list(notes) == ["huge"] and "kept as text" in notes["huge"]
    assert schema_from_connect(KEY_SCHEMA)[0].fieldNames() == ["id"]


def test_a_source_column_named_like_lineage_is_refused():
    with pytest.raises(ValueError, match="_lsn"):
        schema_from_connect({"type": "struct", "fields": [ID, col("_lsn", "int64")]})


def test_latest_change_sql_orders_by_lsn_not_arrival(spark):
    rows = [((1,), 200, 0, 5, "newer, arrived first"), ((1,), 150, 0, 9, "older, arrived last"),
            ((2,), 300, 1, 2, "partition 1"), ((2,), 300, 0, 8, "same lsn, lower partition")]
    spark.createDataFrame(rows, "_key struct<id:int>, _lsn bigint, _kafka_partition int, _kafka_offset bigint, "
                                "what string").createOrReplaceTempView("batch_changes")
    sql = (silver_merge.DEFAULT_SQL_DIR / "silver_rt" / "latest_change.sql").read_text()
    out = {r["_key"]["id"]: r["what"] for r in spark.sql(sql).collect()}
    assert out == {1: "newer, arrived first", 2: "partition 1"}


# --- merge_batch ------------------------------------------------------------------------

FULL = dict(name=VIETNAMESE, price_usd=MAX_PRICE, bio="Khách hàng thân thiết ✨", qty=2147483647, line_no=-32768,
            ratio="NaN", is_active=True, created_at=1764043200123456, updated_at="2025-11-25T03:20:00.654321Z",
            birth_date=-3653, attributes='{"màu": "đỏ", "kích_thước": [1, 2]}', tags=["mới", None, "🔥"],
            photo=base64.b64encode(b"\x00\xffJPEG").decode())


def test_types_round_trip_exactly(silver):
    result = silver.merge(insert(1, 100, **FULL), insert(2, 101, price_usd=MIN_PRICE, ratio="-Infinity"),
                          insert(3, 102))
    assert result.quarantined_events == 0 and result.quarantine.count() == 0
    rows = silver.rows()
    one = rows[1]
    assert one["name"] == VIETNAMESE and one["bio"] == "Khách hàng thân thiết ✨"
    assert one["price_usd"] == Decimal(MAX_PRICE) and rows[2]["price_usd"] == Decimal(MIN_PRICE)
    assert (one["qty"], one["line_no"], one["is_active"]) == (2147483647, -32768, True)
    assert one["ratio"] != one["ratio"] and rows[2]["ratio"] == float("-inf")   # NaN, -Infinity
    assert one["created_at"] == "2025-11-25 04:00:00.123456"
    assert one["updated_at"] == "2025-11-25 03:20:00.654321"
    assert one["birth_date"] == date(1960, 1, 1)
    assert json.loads(one["attributes"]) == {"màu": "đỏ", "kích_thước": [1, 2]}
    assert one["tags"] == ["mới", None, "🔥"] and bytes(one["photo"]) == b"\x00\xffJPEG"
    three = rows[3]
    assert all(three[c["field"]] is None for c in COLUMNS if c["field"] != "id")   # NULLs stay NULL
    assert (one["_lsn"], one["_op"], one["_is_deleted"], one["_kafka_partition"]) == (100, "c", False, 0)
    assert one["_commit_ts"] == "2025-11-25 04:00:00" and one["_landed_at"] is not None


def test_insert_update_delete(silver):
    silver.merge(insert(1, 100, name="một", price_usd="1.50"), insert(2, 101, name="hai", price_usd="2.00"))
    silver.merge(update(1, 200, name="một (sửa)", price_usd="1.75"), delete(2, 201))
    rows = silver.rows()
    assert (rows[1]["name"], rows[1]["price_usd"], rows[1]["_lsn"], rows[1]["_op"], rows[1]["_is_deleted"]) == \
        ("một (sửa)", Decimal("1.75"), 200, "u", False)
    two = rows[2]   # the tombstone keeps the stored values; its lsn moves on
    assert (two["name"], two["price_usd"], two["_lsn"], two["_op"], two["_is_deleted"]) == \
        ("hai", Decimal("2.00"), 201, "d", True)


def test_newer_lsn_wins_whatever_the_arrival_order(silver):
    newer = update(1, 300, name="newer")
    older = update(1, 250, name="older")
    silver.merge(insert(1, 100, name="first"), newer, older)       # older arrives last in the batch
    assert silver.rows()[1]["name"] == "newer" and silver.rows()[1]["_lsn"] == 300
    silver.merge(update(1, 260, name="late and old"))               # older lsn in a later batch
    assert silver.rows()[1]["name"] == "newer"


def test_delete_then_replayed_older_insert_stays_deleted(silver):
    silver.merge(insert(1, 100, name="x"), delete(1, 150))          # never stored live: tombstone inserted
    silver.merge(delete(2, 160))                                    # delete of a row Silver never saw
    silver.merge(insert(1, 100, name="x"), insert(2, 120, name="y"))    # Debezium replays after a restart
    rows = silver.rows()
    assert rows[1]["_is_deleted"] and rows[1]["_lsn"] == 150
    assert rows[2]["_is_deleted"] and rows[2]["_lsn"] == 160 and rows[2]["name"] is None


def test_replayed_batch_changes_nothing(silver):
    batch = [insert(1, 100, name="a", price_usd="3.00"), update(1, 110, name="b"), insert(2, 105, name="c")]
    silver.merge(*batch, batch_id=7)
    before, version = silver.rows(), silver.version()
    silver.merge(*batch, batch_id=7)                # same batch id: Delta skips the MERGE
    assert silver.version() == version and silver.rows() == before
    silver.merge(*batch, batch_id=8)                # redelivered under a new batch id: the lsn guard holds
    after = silver.rows()
    assert after == before


def test_toast_placeholder_keeps_the_stored_value(silver):
    long_bio = "Tiểu sử rất dài… " * 400
    silver.merge(insert(1, 100, name="a", bio=long_bio, tags=["x", "y"]), insert(2, 101, name="b", bio="ngắn"))
    silver.merge(
        update(1, 200, name="a2", bio=PLACEHOLDER, tags=[PLACEHOLDER]),         # bio, tags unchanged and TOASTed
        update(2, 210, name="b2", bio="mới 🎉"), update(2, 220, name="b3", bio=PLACEHOLDER),  # same batch
        update(3, 230, name="c", bio=PLACEHOLDER))                              # a row Silver never saw
    rows = silver.rows()
    assert (rows[1]["name"], rows[1]["bio"], rows[1]["tags"]) == ("a2", long_bio, ["x", "y"])
    assert (rows[2]["name"], rows[2]["bio"]) == ("b3", "mới 🎉")
    assert (rows[3]["name"], rows[3]["bio"]) == ("c", None)
    assert not any(PLACEHOLDER in str(v) for row in rows.values() for v in row.values())


def test_an_added_column_appears(silver):
    silver.merge(insert(1, 100, name="cũ"))
    wider = COLUMNS + [col("ghi_chu", "string"), numeric("discount", 5, 2)]
    silver.merge(event("c", 200, after=image(2, wider, name="mới", ghi_chu="giao gấp", discount="12.50"),
                       columns=wider),
                 insert(3, 150, name="old schema, same batch"))
    rows = silver.rows()
    assert (rows[2]["ghi_chu"], rows[2]["discount"]) == ("giao gấp", Decimal("12.50"))
    assert rows[1]["ghi_chu"] is None and rows[3]["ghi_chu"] is None and rows[3]["name"] == "old schema, same batch"
    silver.merge(event("u", 300, after=image(2, wider, name="mới 2", ghi_chu="đã sửa", discount="1.00"),
                       columns=wider))
    assert silver.rows()[2]["ghi_chu"] == "đã sửa"


def test_unconvertible_values_are_quarantined_and_the_rest_lands(silver):
    silver.merge(insert(1, 100, name="ok", price_usd="10.00"))
    widened = [numeric("price_usd", 22, 2) if c["field"] == "price_usd" else c for c in COLUMNS]
    result = silver.merge(
        update(1, 200, name="NaN price", price_usd="NaN"),
        insert(2, 210, name="fine", price_usd="-0.01"),
        insert(3, 220, name="infinite", price_usd="Infinity"),
        insert(5, 240, name="bad instant", updated_at="infinity"),
        event("d", 250, before=image(6, name="delete with a bad old value", price_usd="NaN")),
        # the source column was widened to numeric(22,2); Silver's stays decimal(20,2)
        event("c", 260, after=image(4, widened, name="too big for numeric(20,2)",
                                    price_usd="99999999999999999999.99"), columns=widened))
    quarantined = {(q["key"], q["column"]): q.asDict() for q in result.quarantine.collect()}
    assert set(quarantined) == {('{"id":1}', "price_usd"), ('{"id":3}', "price_usd"), ('{"id":4}', "price_usd"),
                                ('{"id":5}', "updated_at")}
    nan = quarantined[('{"id":1}', "price_usd")]
    assert (nan["source_schema"], nan["source_table"], nan["value"], nan["lsn"], nan["batch_id"]) == \
        ("demo", "items", "NaN", 200, 2)
    assert "decimal(20,2)" in nan["reason"]
    assert "does not fit the Silver column type decimal(20,2)" in quarantined[('{"id":4}', "price_usd")]["reason"]
    assert quarantined[('{"id":5}', "updated_at")]["value"] == "infinity"
    assert result.quarantined_events == 4
    rows = silver.rows()
    assert (rows[1]["name"], rows[1]["_lsn"]) == ("ok", 100)        # the bad change was not applied
    assert rows[2]["price_usd"] == Decimal("-0.01")
    assert rows[6]["_is_deleted"] and 3 not in rows and 4 not in rows and 5 not in rows


def test_truncate_tombstones_every_row(silver):
    silver.merge(insert(1, 100, name="a"), insert(2, 110, name="b"))
    result = silver.merge(insert(3, 500, name="c"), truncate(510), insert(4, 520, name="d"))
    assert result.truncated
    rows = silver.rows()
    for key in (1, 2, 3):
        assert (rows[key]["_is_deleted"], rows[key]["_lsn"], rows[key]["_op"]) == (True, 510, "t")
    assert rows[1]["name"] == "a" and rows[3]["name"] == "c"
    assert (rows[4]["_is_deleted"], rows[4]["name"]) == (False, "d")
    silver.merge(insert(3, 500, name="c"), insert(1, 100, name="a"))   # replayed: stay deleted
    assert silver.rows()[3]["_is_deleted"] and silver.rows()[1]["_is_deleted"]
    silver.merge(truncate(600))                                       # a batch of a truncate alone
    assert all(r["_is_deleted"] for r in silver.rows().values())
    assert silver.rows()[4]["_lsn"] == 600
