"""`down` then `up` loses no committed change: every change's LSN reaches Bronze.

An audit slot of the test's own (test_decoding) records the WAL position of
every change committed while the generator runs; Debezium reports the same
position as source.lsn. After a stop in the middle of the flow and a restart,
every audited (table, lsn) must be in Bronze.
"""
from __future__ import annotations

import re
from collections import defaultdict

from pyspark.sql import functions as F

from .stack import lakehouse, wait_for

CHANGE = re.compile(r"table (demo\.\w+): (INSERT|UPDATE|DELETE):")


def _lsn(text: str) -> int:
    hi, lo = text.split("/")
    return (int(hi, 16) << 32) | int(lo, 16)


def test_down_then_up_loses_no_committed_change(stack, lake):
    with stack.admin("shoptest") as conn:
        conn.execute("select pg_create_logical_replication_slot('e2e_audit', 'test_decoding')")
    try:
        lakehouse(stack.spec, "generate", "--rate", "300", "--duration", "10", "--seed", "7")
        lakehouse(stack.spec, "down")  # Bronze may well be behind the source here
        status = stack.status()
        assert all(s["state"] == "stopped" for s in status["services"]), status["services"]
        lakehouse(stack.spec, "up", timeout=1800)
        with stack.admin("shoptest") as conn:
            changes = conn.execute("select lsn::text, data from pg_logical_slot_get_changes('e2e_audit', null, null)"
                                   ).fetchall()
    finally:
        with stack.admin("shoptest") as conn:
            conn.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots "
                         "where slot_name = 'e2e_audit'")
    expected = defaultdict(set)
    for lsn, data in changes:
        m = CHANGE.match(data)
        if m:
            expected[m[1]].add(_lsn(lsn))
    assert sum(len(v) for v in expected.values()) > 1000, "the generator should have written thousands of changes"

    def missing():
        gaps = {}
        for table, lsns in expected.items():
            seen = {r.source_lsn for r in lake.bronze(table).where(F.col("op").isin("c", "u", "d"))
                    .select("source_lsn").distinct().collect()}
            if lsns - seen:
                gaps[table] = len(lsns - seen)
        return gaps

    gaps = None
    def complete():
        nonlocal gaps
        gaps = missing()
        return not gaps
    wait_for(complete, 300, "every audited change in Bronze", interval=5)
    assert not gaps
