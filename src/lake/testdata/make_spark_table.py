#!/usr/bin/env python3
"""Writes the spark_table fixture: a real Delta table made by Spark + Delta Lake.

Only its _delta_log/ is kept as a fixture (without Hadoop's hidden .crc files);
the data files are not needed to test the log reader. The table exercises what
hand-written fixtures might get subtly wrong: Spark's checkpoint layout
(checkpointInterval=3 gives checkpoints at 3 and 6), deletion vectors, a null
partition, OPTIMIZE, a txn from an idempotent writer, and a metadata change.

    ~/.cache/lakehouse/venv/spark/bin/python make_spark_table.py /tmp/table
    cp /tmp/table/_delta_log/{0*.json,0*.crc,0*.checkpoint.parquet,_last_checkpoint} spark_table/_delta_log/

It prints what Spark itself reports (rows, files, bytes, version); delta_log_test
asserts the same numbers. The jars directory is the one the project's Spark
setup fills (delta-spark, delta-storage, kernel and unitycatalog jars).
"""
import glob, json, os, shutil, sys
from pyspark.sql import SparkSession
jars_dir = os.environ.get("LAKEHOUSE_SPARK_JARS") or next(
    d for d in glob.glob(os.path.expanduser("~/.cache/lakehouse/jars/spark-*")) if os.path.isdir(d))
jars = ",".join(os.path.join(jars_dir, j) for j in sorted(os.listdir(jars_dir))
                if j.startswith(("delta-", "unitycatalog-")) and j.endswith(".jar"))
out = sys.argv[1]
shutil.rmtree(out, ignore_errors=True)
spark = (SparkSession.builder.master("local[1]").appName("fixture")
         .config("spark.jars", jars)
         .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
         .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
         .config("spark.sql.shuffle.partitions", "2")
         .config("spark.ui.enabled", "false")
         .getOrCreate())
from delta.tables import DeltaTable
df = spark.range(0, 100).selectExpr("id", "cast(id % 3 as string) as part", "concat('name-', id) as name")
(df.write.format("delta").partitionBy("part")
   .option("delta.checkpointInterval", "3")
   .option("delta.enableDeletionVectors", "true")
   .save(out))                                                             # v0
spark.range(100, 150).selectExpr("id", "cast(id % 3 as string) as part", "concat('name-', id) as name") \
    .write.format("delta").mode("append").option("txnAppId", "fixture-app").option("txnVersion", 7).save(out)  # v1
t = DeltaTable.forPath(spark, out)
t.delete("id % 10 = 0")                                                     # v2: deletion vectors
t.update("id = 5", {"name": "'renamed'"})                                  # v3 (checkpoint at 3)
spark.range(150, 160).selectExpr("id", "cast(null as string) as part", "concat('name-', id) as name") \
    .write.format("delta").mode("append").save(out)                         # v4: null partition
t.optimize().executeCompaction()                                            # v5
spark.range(160, 170).selectExpr("id", "'1' as part", "concat('name-', id) as name") \
    .write.format("delta").mode("append").save(out)                         # v6 (checkpoint at 6)
spark.sql(f"ALTER TABLE delta.`{out}` SET TBLPROPERTIES ('lakehouse.layer'='bronze')")  # v7
t.delete("id = 161")                                                        # v8
rows = spark.read.format("delta").load(out).count()
detail = t.detail().collect()[0]
hist = t.history(1).collect()[0]
print(json.dumps({"rows": rows, "numFiles": detail["numFiles"], "sizeInBytes": detail["sizeInBytes"],
                  "version": hist["version"], "timestamp": str(hist["timestamp"])}))
spark.stop()
