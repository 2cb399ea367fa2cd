"""One place that builds the SparkSession every job uses.

Jars come from Maven (the `spark` set under ~/.cache/lakehouse/jars), never
from Spark's Ivy resolver. S3A settings are those a self-hosted S3 needs
(path-style, explicit endpoint, fixed region, no TLS on loopback); with AWS
they are configuration too.
"""
from __future__ import annotations

from pyspark.sql import SparkSession

from .job_config import JobConfig


def s3a_conf(cfg: JobConfig) -> dict[str, str]:
    s3 = cfg.s3
    return {
        "spark.hadoop.fs.s3a.impl": "org.apache.hadoop.fs.s3a.S3AFileSystem",
        "spark.hadoop.fs.s3a.endpoint": s3.endpoint,
        "spark.hadoop.fs.s3a.endpoint.region": s3.region,
        "spark.hadoop.fs.s3a.path.style.access": "true",
        "spark.hadoop.fs.s3a.connection.ssl.enabled": str(s3.endpoint.startswith("https")).lower(),
        "spark.hadoop.fs.s3a.aws.credentials.provider": "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        "spark.hadoop.fs.s3a.access.key": s3.access_key,
        "spark.hadoop.fs.s3a.secret.key": s3.secret_key,
        # Fail fast rather than retrying for minutes when the store is down.
        "spark.hadoop.fs.s3a.attempts.maximum": "3",
        "spark.hadoop.fs.s3a.retry.limit": "3",
        "spark.hadoop.fs.s3a.connection.establish.timeout": "15000",
        # Delta writes through its own commit protocol; the magic committer is for file sinks.
        "spark.hadoop.fs.s3a.committer.magic.enabled": "false",
    }


def build(cfg: JobConfig, app_name: str | None = None) -> SparkSession:
    local = cfg.spark_master.startswith("local")
    builder = (
        SparkSession.builder.appName(app_name or cfg.app_name)
        .master(cfg.spark_master)
        # In local mode the driver's class path is enough and avoids copying every
        # jar into spark.local.dir at each start; a cluster needs them shipped.
        .config("spark.driver.extraClassPath" if local else "spark.jars",
                (":" if local else ",").join(cfg.jars))
        .config("spark.driver.memory", cfg.driver_memory)
        # Stopping a foreachBatch query mid-batch overflows the default stack in
        # Spark 4.2 (a recursive regex over the long Py4J error text).
        .config("spark.driver.extraJavaOptions", "-Xss32m")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", str(cfg.shuffle_partitions))
        .config("spark.default.parallelism", str(cfg.shuffle_partitions))
        .config("spark.local.dir", cfg.local_dir)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        # Delta rebuilds table state with this many tasks (default 50): far too many on 2 cores.
        .config("spark.databricks.delta.snapshotPartitions", str(max(1, cfg.shuffle_partitions)))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.schema.autoMerge.enabled", "false")
        .config("spark.sql.streaming.stopGracefullyOnShutdown", "true")
    )
    for key, value in s3a_conf(cfg).items():
        builder = builder.config(key, value)
    for key, value in cfg.extra.get("spark_conf", {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark
