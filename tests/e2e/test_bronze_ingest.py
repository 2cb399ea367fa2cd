"""Source changes land in Bronze: snapshot, insert/update/delete, new tables, malformed input."""
from __future__ import annotations

import json
import uuid

from pyspark.sql import functions as F

from .stack import lakehouse, wait_for

SEEDED = {"demo.provinces": 63, "demo.categories": 12, "demo.products": 300, "demo.customers": 2000}


def test_rows_that_existed_before_up_arrive_as_snapshot_reads(stack, lake):
    with stack.source() as conn:
        counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in SEEDED}
    assert counts == SEEDED, "the demo seed changed; update SEEDED"
    for table, expected in SEEDED.items():
        def snapshot_rows():
            df = lake.bronze(table).where(F.col("op") == "r")
            return df.count() >= expected and df
        df = wait_for(snapshot_rows, 300, f"{expected} snapshot rows of {table} in Bronze")
        keys = df.select(F.get_json_object("record_key", "$.payload").alias("k")).distinct().count()
        assert keys == expected, f"{table}: {keys} distinct keys among snapshot reads, expected {expected}"
        row = df.first()
        assert row.source_schema == "demo" and row.source_lsn is not None and row.kafka_topic.endswith(table)


def _one_transaction(conn, sql, params=()):
    """Runs `sql` in its own transaction; returns (xid, wal lsn before, wal lsn after, result row)."""
    before = conn.execute("select pg_current_wal_lsn()::text").fetchone()[0]
    with conn.transaction():
        xid = conn.execute("select txid_current()").fetchone()[0]
        row = conn.execute(sql, params).fetchone()
    after = conn.execute("select pg_current_wal_lsn()::text").fetchone()[0]
    # Debezium reports commit time in whole milliseconds, truncated.
    commit_ms = conn.execute("select floor(extract(epoch from pg_xact_commit_timestamp(%s::text::xid)) * 1000)::bigint",
                             (xid,)).fetchone()[0]
    return xid, before, after, commit_ms, row


def _lsn(text: str) -> int:
    hi, lo = text.split("/")
    return (int(hi, 16) << 32) | int(lo, 16)


def test_insert_update_delete_arrive_with_op_lsn_and_commit_time(stack, lake):
    slug = f"e2e-{uuid.uuid4().hex[:8]}"
    with stack.source() as conn:
        ins = _one_transaction(conn, "insert into demo.categories (slug, name) values (%s, %s) returning id",
                               (slug, "Đồ chơi trẻ em 🧸"))
        key = ins[4][0]
        upd = _one_transaction(conn, "update demo.categories set name = %s, updated_at = now() where id = %s "
                                     "returning id", ("Đồ chơi & quà tặng", key))
        dele = _one_transaction(conn, "delete from demo.categories where id = %s returning id", (key,))

    def events():
        rows = (lake.bronze("demo.categories")
                .where(F.get_json_object("record_key", "$.payload.id") == str(key))
                .where(F.col("op").isin("c", "u", "d")).orderBy("source_lsn").collect())
        return len(rows) >= 3 and rows
    rows = wait_for(events, 180, f"c/u/d events of category {key} in Bronze")
    assert [r.op for r in rows] == ["c", "u", "d"]
    for row, (xid, before, after, commit_ms, _) in zip(rows, (ins, upd, dele)):
        assert _lsn(before) <= row.source_lsn <= _lsn(after), (row.op, row.source_lsn, before, after)
        assert row.source_txid == xid, (row.op, row.source_txid, xid)
        assert row.source_ts_ms == commit_ms, (row.op, row.source_ts_ms, commit_ms)
    after_insert = json.loads(rows[0].record_value)["payload"]["after"]
    assert after_insert["name"] == "Đồ chơi trẻ em 🧸" and after_insert["slug"] == slug
    assert json.loads(rows[1].record_value)["payload"]["after"]["name"] == "Đồ chơi & quà tặng"
    assert json.loads(rows[2].record_value)["payload"]["after"] is None


def test_a_table_created_after_up_is_captured(stack, lake):
    with stack.source() as conn:
        conn.execute("create table if not exists demo.gift_cards (id bigint primary key, code text not null, "
                     "balance_vnd numeric(18,0) not null)")
        conn.execute("insert into demo.gift_cards values (1, 'TẾT-2027', 500000), (2, 'SINH-NHẬT', 200000)")
        conn.execute("update demo.gift_cards set balance_vnd = 150000 where id = 2")

    def arrived():
        try:
            rows = lake.bronze("demo.gift_cards").collect()
        except Exception:  # the table does not exist until its first batch
            return False
        return len(rows) >= 3 and rows
    rows = wait_for(arrived, 240, "demo.gift_cards in Bronze")
    assert sorted(r.op for r in rows) == ["c", "c", "u"]
    tables = {t["name"] for t in stack.status()["tables"] if t["layer"] == "bronze"}
    assert "demo_gift_cards" in tables


def test_malformed_messages_are_quarantined_and_the_stream_goes_on(stack, lake):
    topic = "shoptest.demo.categories"  # exists since the snapshot; topics are never auto-created
    marker = uuid.uuid4().hex
    bad = {
        f"not json {marker}": "value is not valid JSON",
        json.dumps({"marker": marker, "hello": "world"}): "no Debezium payload",
        json.dumps({"schema": {}, "payload": {"op": "x", "marker": marker}}): "unknown op `x`",
    }
    for value in bad:
        lakehouse(stack.spec, "produce", "--topic", topic, "--key", f'{{"id": "{marker}"}}', "--value", value)
    slug = f"after-bad-{marker[:8]}"
    with stack.source() as conn:
        conn.execute("insert into demo.categories (slug, name) values (%s, 'Sau lỗi')", (slug,))

    def quarantined():
        rows = lake.quarantine().where(F.col("record_value").contains(marker)).collect()
        return len(rows) >= len(bad) and rows
    rows = wait_for(quarantined, 180, "the malformed messages in quarantine")
    assert len(rows) == len(bad), "each malformed message is quarantined exactly once"
    for row in rows:
        assert row.kafka_topic == topic and row.kafka_partition == 0 and row.kafka_offset >= 0
        assert row.reason.startswith(bad[row.record_value]), (row.reason, row.record_value)

    def valid_arrived():
        return lake.bronze("demo.categories").where(F.col("record_value").contains(slug)).count() == 1
    wait_for(valid_arrived, 180, "the valid change written after the malformed ones")
    st = stack.status()
    assert st["ingest"]["status"] == "running" and st["ingest"]["quarantined"] >= len(bad)
