"""Silver_RT: every Bronze table -> the current state of its source table, streaming.

Delta's streaming source reads one table, so there is one query per Bronze
table, each with its checkpoint under _checkpoints/silver_rt/<table>; a Bronze
table that appears later (a new source table) gets its query on the next
discovery pass. Each micro-batch goes through lakehouse_jobs.silver_merge
(ordering by source LSN, collapse per key, guarded MERGE, tombstones, TOAST,
schema evolution, idempotent by query id + batch id); values that cannot be
converted are appended to s3a://<bucket>/_quarantine/silver_rt.

Usage: python silver_rt.py --job-config run/silver/conf/job.json
"""
from __future__ import annotations

import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lakehouse_jobs import driver, job_config, silver_merge  # noqa: E402

DISCOVERY_INTERVAL_S = 10


def bronze_tables(spark, cfg: job_config.JobConfig) -> list[tuple[str, str]]:
    """(schema, table) of every Bronze Delta table, from the object store's listing."""
    jvm = spark.sparkContext._jvm
    root = jvm.org.apache.hadoop.fs.Path(cfg.s3.uri("bronze/"))
    fs = root.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(root):
        return []
    found = []
    for status in fs.listStatus(root):
        name = status.getPath().getName()
        if status.isDirectory() and "_" in name and fs.exists(status.getPath().suffix("/_delta_log")):
            schema, table = name.split("_", 1)
            found.append((schema, table))
    return sorted(found)


class SilverJob:
    """Starts and feeds one streaming query per Bronze table."""

    def __init__(self, spark, cfg: job_config.JobConfig, state: driver.StateFile):
        self.spark = spark
        self.cfg = cfg
        self.state = state
        self.query_ids = driver.QueryIds()
        self.started: set[tuple[str, str]] = set()
        self.lock = threading.Lock()
        self.last_discovery = 0.0

    def silver_uri(self, schema: str, table: str) -> str:
        return self.cfg.s3.uri(f"silver_rt/{schema}_{table}")

    def batch_function(self, schema: str, table: str):
        meta = silver_merge.TableMeta(source_schema=schema, source_table=table)
        name = f"silver_rt_{schema}_{table}"
        quarantine_uri = self.cfg.quarantine_uri("silver_rt")

        def merge(batch, batch_id: int) -> None:
            app_id = f"silver-rt-{self.query_ids.get(name)}"
            result = silver_merge.merge_batch(batch.sparkSession, batch, self.silver_uri(schema, table), meta,
                                              batch_id, app_id, sql_dir=self.cfg.sql_dir)
            if result.quarantined_events:
                (result.quarantine.write.format("delta").mode("append")
                 .option("txnAppId", app_id).option("txnVersion", batch_id)
                 .option("mergeSchema", "true").save(quarantine_uri))
            self.record(schema, table, batch_id, result)
        return merge

    def record(self, schema: str, table: str, batch_id: int, result) -> None:
        with self.lock:
            s = self.state.state
            tables = s.setdefault("tables", {})
            t = tables.setdefault(f"{schema}.{table}", {"batches": 0, "events": 0, "quarantined": 0})
            t["batches"] += 1
            t["events"] += result.events
            t["quarantined"] += result.quarantined_events
            t["last_batch_id"] = batch_id
            t["last_batch_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            s["quarantined"] = s.get("quarantined", 0) + result.quarantined_events
            self.state.update(status="running")

    def start_query(self, schema: str, table: str) -> None:
        name = f"silver_rt_{schema}_{table}"
        query = (self.spark.readStream.format("delta").load(self.cfg.bronze_uri(schema, table))
                 .writeStream.foreachBatch(self.batch_function(schema, table))
                 .option("checkpointLocation", self.cfg.checkpoint_uri(f"silver_rt/{schema}_{table}"))
                 .trigger(processingTime=self.cfg.trigger_interval)
                 .queryName(name)
                 .start())
        self.query_ids.set(name, query.id)
        self.started.add((schema, table))

    def discover(self) -> None:
        """Starts a query for each Bronze table that has none yet (at most every DISCOVERY_INTERVAL_S)."""
        if time.monotonic() - self.last_discovery < DISCOVERY_INTERVAL_S:
            return
        self.last_discovery = time.monotonic()
        for schema, table in bronze_tables(self.spark, self.cfg):
            if (schema, table) not in self.started:
                self.start_query(schema, table)
        with self.lock:
            self.state.update(status="running", queries=sorted(f"{a}.{b}" for a, b in self.started))


def main() -> int:
    started = driver.start(__doc__.splitlines()[0], "silver_rt", quarantined=0)
    if isinstance(started, int):
        return started
    cfg, state, spark = started.cfg, started.state, started.spark
    job = SilverJob(spark, cfg, state)
    job.discover()
    return driver.run_until_signalled(spark, state, "silver_rt", every_second=job.discover)


if __name__ == "__main__":
    sys.exit(main())
