"""Silver_RT equals the source: same keys, same values, deletes applied, no duplicates."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from decimal import Decimal

from pyspark.sql import functions as F

from .stack import lakehouse, wait_for

TABLES = ["demo.provinces", "demo.categories", "demo.customers", "demo.products", "demo.orders",
          "demo.order_items", "demo.payments"]


def _normal(value):
    """One comparable form for a value from psycopg or from Spark."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, (dict, list)) and not isinstance(value, str):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _json_normal(text):
    try:
        return json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return text


def _source_rows(conn, table):
    cur = conn.execute(f"select * from {table}")
    names = [d.name for d in cur.description]
    key = "code" if table == "demo.provinces" else "id"
    return names, {row[names.index(key)]: dict(zip(names, row)) for row in cur.fetchall()}


def _differences(stack, lake, conn, table):
    names, source = _source_rows(conn, table)
    key = "code" if table == "demo.provinces" else "id"
    silver = lake.silver(table).where(~F.col("_is_deleted")).collect()
    rows = {r[key]: r.asDict() for r in silver}
    if len(rows) != len(silver):
        return f"{table}: duplicate keys in Silver_RT"
    missing = source.keys() - rows.keys()
    extra = rows.keys() - source.keys()
    if missing or extra:
        return f"{table}: {len(missing)} missing, {len(extra)} extra (e.g. {sorted(missing | extra)[:3]})"
    for k, src in source.items():
        for name in names:
            a, b = _normal(src[name]), rows[k].get(name)
            # jsonb arrives in Silver as its JSON text; arrays as arrays.
            b = _json_normal(b) if isinstance(src[name], (dict, list)) and isinstance(b, str) else _normal(b)
            if a != b:
                return f"{table} key {k} column {name}: source {a!r} != silver {b!r}"
    return None


def test_silver_rt_equals_the_source_after_a_workload(stack, lake):
    lakehouse(stack.spec, "generate", "--rate", "300", "--duration", "15", "--seed", "11")
    with stack.source() as conn:
        for table in TABLES:
            diff = None

            def equal():
                nonlocal diff
                try:
                    diff = _differences(stack, lake, conn, table)
                except Exception as e:  # the Silver table may not exist before its first batch
                    diff = f"{table}: {e}"[:300]
                return diff is None
            wait_for(equal, 420, f"Silver_RT {table} to equal the source", interval=10)
    status = stack.status()
    silver_tables = {t["name"] for t in status["tables"] if t["layer"] == "silver_rt"}
    assert {t.replace(".", "_") for t in TABLES} <= silver_tables
    assert status["silver"]["status"] == "running"


def test_verify_passes_then_names_a_row_changed_by_hand(stack, spark, lake):
    ok = lakehouse(stack.spec, "verify", "--timeout", "180", check=False)
    assert ok.returncode == 0, ok.stdout[-3000:] + ok.stderr[-3000:]
    assert "tables: Silver_RT equals the source" in ok.stdout

    # Provinces never change in the workload, so the Silver job is not writing this table now.
    path = stack.status()["s3"]["bucket"]
    uri = f"s3a://{path}/silver_rt/demo_provinces"
    spark.sql(f"update delta.`{uri}` set short_name = 'Sửa tay' where code = '01'")
    try:
        bad = lakehouse(stack.spec, "verify", "--timeout", "30", check=False)
        assert bad.returncode == 1, bad.stdout[-3000:] + bad.stderr[-3000:]
        assert "demo.provinces" in bad.stdout + bad.stderr
        assert "code=01" in bad.stdout, bad.stdout[-3000:]
        assert "short_name" in bad.stdout, bad.stdout[-3000:]
    finally:
        with stack.source() as conn:
            original = conn.execute("select short_name from demo.provinces where code = '01'").fetchone()[0]
        spark.sql(f"update delta.`{uri}` set short_name = '{original}' where code = '01'")
