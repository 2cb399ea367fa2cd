"""sql/bronze/envelope.sql on hand-written Kafka rows: fields pulled out, bad input named."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

from lakehouse_jobs.sql_models import load_model

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def spark():
    session = (SparkSession.builder.master("local[1]").appName("envelope-sql-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
               .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    yield session
    session.stop()


def event(op, lsn=123456, **payload):
    body = {"op": op, "ts_ms": 1700000000500,
            "source": {"schema": "demo", "table": "orders", "lsn": lsn, "sequence": f'["100","{lsn}"]',
                       "txId": 777, "ts_ms": 1700000000000, "snapshot": "false"},
            "before": None, "after": {"id": 1, "note": "Giao hàng nhanh 🚚"}}
    body.update(payload)
    return json.dumps({"schema": {"type": "struct"}, "payload": body})


def run(spark, values):
    rows = [("shop.demo.orders", 0, i, datetime(2026, 11, 25), b'{"payload":{"id":1}}',
             None if v is None else v.encode()) for i, v in enumerate(values)]
    df = spark.createDataFrame(rows, "topic string, partition int, offset long, timestamp timestamp, "
                                     "key binary, value binary")
    df.createOrReplaceTempView("kafka_batch")
    return {r.kafka_offset: r for r in spark.sql(load_model(REPO / "sql", "bronze", "envelope")).collect()}


def test_valid_events_keep_their_coordinates_and_fields(spark):
    out = run(spark, [event("c"), event("u", lsn=123999), event("d"), event("r"), event("t", after=None)])
    assert [out[i]._error for i in range(5)] == [None] * 5
    c = out[0]
    assert (c.op, c.source_schema, c.source_table, c.source_lsn, c.source_txid, c.source_ts_ms) == \
        ("c", "demo", "orders", 123456, 777, 1700000000000)
    assert c.source_sequence == '["100","123456"]' and c.event_ts_ms == 1700000000500
    assert json.loads(c.record_value)["payload"]["after"]["note"] == "Giao hàng nhanh 🚚"
    assert (c.kafka_topic, c.kafka_partition, c.kafka_offset) == ("shop.demo.orders", 0, 0)
    assert out[1].source_lsn == 123999


@pytest.mark.parametrize("value, reason", [
    (None, "tombstone"),
    ("{not json", "value is not valid JSON"),
    ('{"hello": "world"}', "no Debezium payload"),
    (json.dumps({"payload": {"source": {}}}), "payload has no op"),
    (event("z"), "unknown op `z`"),
    (event("c", source={"lsn": 1, "ts_ms": 2}), "payload.source names no schema/table"),
    (event("c", source={"schema": "demo", "table": "orders", "ts_ms": 2}), "payload.source has no lsn"),
])
def test_invalid_messages_are_named(spark, value, reason):
    assert run(spark, [value])[0]._error.startswith(reason)
