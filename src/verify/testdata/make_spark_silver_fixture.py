#!/usr/bin/env python3
"""Writes the silver_spark fixture: a Silver_RT-shaped table written by Spark + Delta.

make_silver_fixture.py imitates Spark's Parquet encoding with pyarrow; this one
is the real thing (Spark 4.2, Delta 4.4, session time zone UTC), so the tests
prove the reader decodes what Spark actually writes: its timestamp encoding,
decimals by precision (INT32/INT64/fixed), 3-level lists, binary, float, short,
dates before 1970 and timestamps in 9999. Its rows mirror demo.kinds in
silver_reader_test.cc (the PostgreSQL text of the same values).

    ~/.cache/lakehouse/venv/spark/bin/python make_spark_silver_fixture.py /tmp/silver_spark
    rm -rf silver_spark && mkdir -p silver_spark/_delta_log
    cp /tmp/silver_spark/*.parquet silver_spark/ && cp /tmp/silver_spark/_delta_log/0*.json silver_spark/_delta_log/
"""
import glob
import os
import shutil
import sys

from pyspark.sql import SparkSession

jars_dir = os.environ.get("LAKEHOUSE_SPARK_JARS") or next(
    d for d in glob.glob(os.path.expanduser("~/.cache/lakehouse/jars/spark-*")) if os.path.isdir(d)
    and glob.glob(os.path.join(d, "*delta-spark*.jar")))
jars = ",".join(sorted(glob.glob(os.path.join(jars_dir, "*delta-*.jar")) +
                       glob.glob(os.path.join(jars_dir, "*unitycatalog-*.jar"))))
out = sys.argv[1]
shutil.rmtree(out, ignore_errors=True)
spark = (SparkSession.builder.master("local[1]").appName("verify-fixture")
         .config("spark.jars", jars)
         .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
         .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
         .config("spark.sql.session.timeZone", "UTC")
         .config("spark.sql.shuffle.partitions", "1")
         .config("spark.ui.enabled", "false")
         .getOrCreate())

LINEAGE = ("_lsn bigint, _op string, _is_deleted boolean, _commit_ts timestamp, _kafka_partition int, "
           "_kafka_offset bigint, _landed_at timestamp")
rows = spark.sql(r"""
select * from values
  (1L, cast(-32768 as smallint), 2147483647, cast('999999999999999999.99' as decimal(20,2)),
   cast('-123456789012345678' as decimal(18,0)), cast('-1234567.89' as decimal(9,2)), '1.2300',
   cast(0.1 as float), cast('NaN' as double), true, 'Nguyễn Thị Minh Khai 🎉 "quoted" \\ back',
   date'1969-12-31', timestamp'1969-07-20 20:17:40.5', timestamp'9999-12-31 23:59:59.999999',
   array('Hà Nội', null, 'a"b', ''), array(cast(1.5 as decimal(10,2)), cast(-2 as decimal(10,2))), X'DEADBEEF',
   '{"b": 1, "a": [1, 2.50]}',
   100L, 'r', false, timestamp'2024-01-15 10:31:00', 0, 0L, timestamp'2024-01-15 10:31:01'),
  (2L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
   110L, 'r', false, timestamp'2024-01-15 10:31:00', 0, 1L, timestamp'2024-01-15 10:31:01'),
  (3L, cast(0 as smallint), -1, cast('-0.01' as decimal(20,2)), cast(0 as decimal(18,0)), cast(0 as decimal(9,2)),
   '100', cast('-0' as float), cast('-Infinity' as double), false, '', date'1900-01-01',
   timestamp'9999-12-31 23:59:59.999999', timestamp'1900-01-01 00:00:00', array(), array(), X'', '[]',
   120L, 'r', false, timestamp'2024-01-15 10:31:00', 0, 2L, timestamp'2024-01-15 10:31:01'),
  (4L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
   130L, 'd', true, timestamp'2024-01-15 10:31:00', 0, 3L, timestamp'2024-01-15 10:31:01')
as t(id, small, qty, price, vnd, amount, ratio, r, d, ok, name, born, at, local_at, tags, prices, blob, attrs,
     _lsn, _op, _is_deleted, _commit_ts, _kafka_partition, _kafka_offset, _landed_at)
""")
rows.coalesce(1).write.format("delta").save(out)
for f in sorted(spark.read.parquet(out).schema.fields, key=lambda f: f.name):
    print(f.name, f.dataType.simpleString())
print("rows:", spark.read.format("delta").load(out).count())
spark.stop()
