"""Bronze ingest: every captured topic -> one append-only Delta table per source table.

One Structured Streaming query subscribes to the topic pattern of the captured
schemas (a table created later gets a topic the pattern matches, so it is
picked up without a restart). Each micro-batch is parsed by sql/bronze/envelope.sql;
valid change events are appended to s3a://<bucket>/bronze/<schema>_<table>,
invalid ones to s3a://<bucket>/_quarantine/bronze with their Kafka coordinates
and the reason. Kafka tombstones (null values) are dropped and counted.

Every Delta write carries txnAppId = the query id and txnVersion = the batch id,
so a batch replayed after a crash is not written twice (Delta "idempotent writes").

Usage: python bronze_ingest.py --job-config run/ingest/conf/job.json
"""
from __future__ import annotations

import os
import sys
from datetime import datetime, timezone

from delta.tables import DeltaTable
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lakehouse_jobs import driver, job_config  # noqa: E402
from lakehouse_jobs.sql_models import load_model  # noqa: E402

# Where a message came from and the message as it came: both tables start with these.
MESSAGE_FIELDS = [
    T.StructField("kafka_topic", T.StringType()),
    T.StructField("kafka_partition", T.IntegerType()),
    T.StructField("kafka_offset", T.LongType()),
    T.StructField("kafka_timestamp", T.TimestampType()),
    T.StructField("record_key", T.StringType()),
    T.StructField("record_value", T.StringType()),
]
INGEST_FIELDS = [
    T.StructField("ingest_ts", T.TimestampType()),
    T.StructField("ingest_date", T.DateType()),
]

BRONZE_SCHEMA = T.StructType(MESSAGE_FIELDS + [
    T.StructField("op", T.StringType()),
    T.StructField("source_schema", T.StringType()),
    T.StructField("source_table", T.StringType()),
    T.StructField("source_lsn", T.LongType()),
    T.StructField("source_sequence", T.StringType()),
    T.StructField("source_txid", T.LongType()),
    T.StructField("source_ts_ms", T.LongType()),
    T.StructField("source_snapshot", T.StringType()),
    T.StructField("event_ts_ms", T.LongType()),
] + INGEST_FIELDS)

QUARANTINE_SCHEMA = T.StructType(MESSAGE_FIELDS + [T.StructField("reason", T.StringType())] + INGEST_FIELDS)


def ensure_table(spark: SparkSession, uri: str, schema: T.StructType) -> None:
    """Creates an empty Delta table at `uri` (partitioned by ingest date) unless one exists."""
    if DeltaTable.isDeltaTable(spark, uri):
        return
    (spark.createDataFrame([], schema).write.format("delta")
     .partitionBy("ingest_date").mode("append").save(uri))


def append(df: DataFrame, uri: str, app_id: str, batch_id: int) -> None:
    (df.write.format("delta").mode("append")
     .option("txnAppId", app_id).option("txnVersion", batch_id)
     .partitionBy("ingest_date").save(uri))


class BronzeWriter:
    """The foreachBatch function: parse, route, append idempotently."""

    def __init__(self, spark: SparkSession, cfg: job_config.JobConfig, state: driver.StateFile):
        self.spark = spark
        self.cfg = cfg
        self.state = state
        self.envelope_sql = load_model(cfg.sql_dir, "bronze", "envelope")
        self.query_ids = driver.QueryIds()

    def __call__(self, batch: DataFrame, batch_id: int) -> None:
        app_id = f"bronze-ingest-{self.query_ids.get('bronze_ingest')}"
        batch.createOrReplaceTempView("kafka_batch")
        now = datetime.now(timezone.utc)
        parsed = (batch.sparkSession.sql(self.envelope_sql)
                  .withColumn("ingest_ts", F.lit(now).cast("timestamp"))
                  .withColumn("ingest_date", F.to_date(F.col("ingest_ts")))
                  .persist())
        try:
            by_error = parsed.groupBy("_error").count().collect()
            tombstones = sum(r["count"] for r in by_error if r["_error"] == "tombstone")
            bad = sum(r["count"] for r in by_error if r["_error"] not in (None, "tombstone"))
            good = sum(r["count"] for r in by_error if r["_error"] is None)
            if bad:
                rejected = (parsed.where(F.col("_error").isNotNull() & (F.col("_error") != "tombstone"))
                            .withColumnRenamed("_error", "reason")
                            .select(*[f.name for f in QUARANTINE_SCHEMA.fields]))
                append(rejected, self.cfg.quarantine_uri("bronze"), app_id, batch_id)
            tables = []
            newest = None
            if good:
                valid = parsed.where(F.col("_error").isNull()).drop("_error")
                tables = [(r["source_schema"], r["source_table"])
                          for r in valid.select("source_schema", "source_table").distinct().collect()]
                newest = valid.agg(F.max("source_lsn").alias("lsn"), F.max("source_ts_ms").alias("ts")).first()
                for schema, table in sorted(tables):
                    rows = valid.where((F.col("source_schema") == schema) & (F.col("source_table") == table))
                    append(rows.select(*[f.name for f in BRONZE_SCHEMA.fields]),
                           self.cfg.bronze_uri(schema, table), app_id, batch_id)
            s = self.state.state
            if newest is not None:
                # The newest change in Bronze, for freshness: commit time and log position.
                s["max_source_ts_ms"] = max(s.get("max_source_ts_ms", 0), newest["ts"])
                s["max_source_lsn"] = max(s.get("max_source_lsn", 0), newest["lsn"])
            self.state.update(status="running", last_batch_id=batch_id, batches=s["batches"] + 1,
                              rows=s["rows"] + good, quarantined=s["quarantined"] + bad,
                              tombstones=s["tombstones"] + tombstones,
                              last_batch_tables=[f"{a}.{b}" for a, b in sorted(tables)],
                              last_batch_at=now.isoformat())
        finally:
            parsed.unpersist()


def main() -> int:
    started = driver.start(__doc__.splitlines()[0], "bronze_ingest",
                           batches=0, rows=0, quarantined=0, tombstones=0)
    if isinstance(started, int):
        return started
    cfg, state, spark = started.cfg, started.state, started.spark

    for qualified in cfg.tables:
        schema, table = qualified.split(".", 1)
        ensure_table(spark, cfg.bronze_uri(schema, table), BRONZE_SCHEMA)
    ensure_table(spark, cfg.quarantine_uri("bronze"), QUARANTINE_SCHEMA)

    source = (spark.readStream.format("kafka")
              .option("kafka.bootstrap.servers", cfg.kafka_bootstrap)
              .option("subscribePattern", cfg.topic_pattern)
              .option("startingOffsets", "earliest")
              # A topic that appears later (a new table) is found on the next metadata refresh.
              .option("kafka.metadata.max.age.ms", "5000")
              .option("failOnDataLoss", "true")
              .option("maxOffsetsPerTrigger", cfg.extra.get("max_offsets_per_trigger", 200000))
              .load())
    writer = BronzeWriter(spark, cfg, state)
    query = (source.writeStream.foreachBatch(writer)
             .option("checkpointLocation", cfg.checkpoint_uri("bronze_ingest"))
             .trigger(processingTime=cfg.trigger_interval)
             .queryName("bronze_ingest")
             .start())
    writer.query_ids.set("bronze_ingest", query.id)
    state.update(status="running", query_id=query.id, run_id=str(query.runId))
    return driver.run_until_signalled(spark, state, "bronze_ingest")


if __name__ == "__main__":
    sys.exit(main())
