#!/usr/bin/env python3
"""Writes the Parquet files of the src/lake test fixtures (checkpoints, sidecars).

The JSON commits and _last_checkpoint files beside them are hand-written; this
script only produces what cannot be written by hand. The files are shaped like
the checkpoints Delta writes (PROTOCOL.md "Checkpoint Schema": one struct column
per action kind, exactly one non-null per row, Spark-style nested types), and
the outputs are committed, so the tests need neither Python nor pyarrow.

Run from anywhere with the build venv (deps/python/requirements-build.txt):
    ~/.cache/lakehouse/venv/build/bin/python src/lake/testdata/make_checkpoints.py
"""
import datetime
import json
import os

import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))

STR_MAP = pa.map_(pa.string(), pa.string())
DV = pa.struct([("storageType", pa.string()), ("pathOrInlineDv", pa.string()), ("offset", pa.int32()),
                ("sizeInBytes", pa.int32()), ("cardinality", pa.int64())])
ADD = pa.struct([
    ("path", pa.string()), ("partitionValues", STR_MAP), ("size", pa.int64()), ("modificationTime", pa.int64()),
    ("dataChange", pa.bool_()), ("tags", STR_MAP), ("deletionVector", DV), ("baseRowId", pa.int64()),
    ("defaultRowCommitVersion", pa.int64()), ("clusteringProvider", pa.string()), ("stats", pa.string()),
    ("stats_parsed", pa.struct([("numRecords", pa.int64()), ("minValues", pa.struct([("id", pa.int64())])),
                                ("maxValues", pa.struct([("id", pa.int64())])),
                                ("nullCount", pa.struct([("id", pa.int64())]))])),
    ("partitionValues_parsed", pa.struct([("dt", pa.date32())])),
])
REMOVE = pa.struct([
    ("path", pa.string()), ("deletionTimestamp", pa.int64()), ("dataChange", pa.bool_()),
    ("extendedFileMetadata", pa.bool_()), ("partitionValues", STR_MAP), ("size", pa.int64()),
    ("deletionVector", DV), ("baseRowId", pa.int64()), ("defaultRowCommitVersion", pa.int64()),
])
METADATA = pa.struct([
    ("id", pa.string()), ("name", pa.string()), ("description", pa.string()),
    ("format", pa.struct([("provider", pa.string()), ("options", STR_MAP)])), ("schemaString", pa.string()),
    ("partitionColumns", pa.list_(pa.string())), ("configuration", STR_MAP), ("createdTime", pa.int64()),
])
PROTOCOL = pa.struct([("minReaderVersion", pa.int32()), ("minWriterVersion", pa.int32()),
                      ("readerFeatures", pa.list_(pa.string())), ("writerFeatures", pa.list_(pa.string()))])
TXN = pa.struct([("appId", pa.string()), ("version", pa.int64()), ("lastUpdated", pa.int64())])
DOMAIN = pa.struct([("domain", pa.string()), ("configuration", pa.string()), ("removed", pa.bool_())])

CHECKPOINT_SCHEMA = pa.schema([("txn", TXN), ("add", ADD), ("remove", REMOVE), ("metaData", METADATA),
                               ("protocol", PROTOCOL), ("domainMetadata", DOMAIN)])
SIDECAR_SCHEMA = pa.schema([("add", ADD), ("remove", REMOVE)])

SCHEMA_STRING = json.dumps({"type": "struct", "fields": [
    {"name": "id", "type": "long", "nullable": True, "metadata": {}},
    {"name": "name", "type": "string", "nullable": True, "metadata": {}},
    {"name": "dt", "type": "date", "nullable": True, "metadata": {}}]}, separators=(",", ":"))


def metadata(table_id, config):
    return {"metaData": {"id": table_id, "name": None, "description": None,
                         "format": {"provider": "parquet", "options": []}, "schemaString": SCHEMA_STRING,
                         "partitionColumns": ["dt"], "configuration": list(config.items()),
                         "createdTime": 1700000000000}}


def add(path, dt, size, stats=None, stats_parsed=None, dv=None):
    return {"add": {"path": path, "partitionValues": [("dt", dt)], "size": size,
                    "modificationTime": 1700000000000, "dataChange": False, "deletionVector": dv,
                    "stats": None if stats is None else json.dumps(stats, separators=(",", ":")),
                    "stats_parsed": stats_parsed,
                    "partitionValues_parsed": {"dt": None if dt is None else datetime.date.fromisoformat(dt)}}}


def remove(path, ts):
    return {"remove": {"path": path, "deletionTimestamp": ts, "dataChange": True}}


def write(rows, schema, *parts):
    path = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, compression="snappy")
    return path


def checkpointed():
    """Classic checkpoint at version 10 (commits 0-9 cleaned up)."""
    rows = [
        {"protocol": {"minReaderVersion": 1, "minWriterVersion": 2}},
        metadata("7c0b2c55-5d7e-4d3a-9c1e-0a2b4c6d8e10", {"delta.appendOnly": "false"}),
        {"txn": {"appId": "bronze-orders", "version": 9, "lastUpdated": 1700000010000}},
        add("dt=2024-02-01/e1.parquet", "2024-02-01", 100, stats={"numRecords": 1}),
        # stats only as the parsed struct (delta.checkpoint.writeStatsAsStruct=true, writeStatsAsJson=false)
        add("dt=2024-02-01/e2.parquet", "2024-02-01", 200,
            stats_parsed={"numRecords": 2, "minValues": {"id": 1}, "maxValues": {"id": 2}, "nullCount": {"id": 0}}),
        add("dt=2024-02-02/e3.parquet", "2024-02-02", 300),  # no stats at all
        add("dt=2024-02-02/e4.parquet", None, 400, stats={"numRecords": 4},
            dv={"storageType": "i", "pathOrInlineDv": "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L",
                "offset": None, "sizeInBytes": 40, "cardinality": 1}),
        remove("dt=2024-01-01/old.parquet", 1700000005000),  # a VACUUM tombstone
        {"domainMetadata": {"domain": "delta.rowTracking", "configuration": "{}", "removed": False}},
    ]
    path = write(rows, CHECKPOINT_SCHEMA, "checkpointed", "_delta_log", "00000000000000000010.checkpoint.parquet")
    # The same checkpoint cut short: a Parquet file without its footer.
    data = open(path, "rb").read()
    corrupt = os.path.join(HERE, "corrupt_checkpoint", "_delta_log", "00000000000000000002.checkpoint.parquet")
    os.makedirs(os.path.dirname(corrupt), exist_ok=True)
    open(corrupt, "wb").write(data[: len(data) // 2])


def multipart():
    """A complete 2-part checkpoint at 5 and an incomplete 3-part one at 7."""
    base = ("multipart", "_delta_log")
    write([{"protocol": {"minReaderVersion": 1, "minWriterVersion": 2}},
           metadata("1d4c0f1e-2a3b-4c5d-8e9f-112233445566", {}),
           add("dt=2024-03-01/m1.parquet", "2024-03-01", 10, stats={"numRecords": 1})],
          CHECKPOINT_SCHEMA, *base, "00000000000000000005.checkpoint.0000000001.0000000002.parquet")
    write([add("dt=2024-03-01/m2.parquet", "2024-03-01", 20, stats={"numRecords": 2}),
           {"txn": {"appId": "silver-orders", "version": 4, "lastUpdated": 1700000005000}}],
          CHECKPOINT_SCHEMA, *base, "00000000000000000005.checkpoint.0000000002.0000000002.parquet")
    # Parts 1 and 3 of 3 only: readers must ignore this checkpoint. Its content
    # would be visible in the snapshot if they did not.
    for part in (1, 3):
        write([{"protocol": {"minReaderVersion": 1, "minWriterVersion": 2}},
               metadata("1d4c0f1e-2a3b-4c5d-8e9f-112233445566", {"incomplete": "read"}),
               add("SHOULD-NOT-APPEAR-%d.parquet" % part, "2024-03-01", 1, stats={"numRecords": 1000})],
              CHECKPOINT_SCHEMA, *base, "00000000000000000007.checkpoint.%010d.0000000003.parquet" % part)


def v2_checkpoint():
    """Sidecar files of the UUID-named V2 checkpoint at version 4."""
    base = ("v2_checkpoint", "_delta_log", "_sidecars")
    write([add("s1.parquet", "2024-04-01", 1000, stats={"numRecords": 10}),
           add("s2.parquet", "2024-04-01", 1100, stats={"numRecords": 11})],
          SIDECAR_SCHEMA, *base, "3a0d65cd-4056-49b8-937b-95f9e3ee90e5.parquet")
    write([add("s3.parquet", "2024-04-02", 1200, stats={"numRecords": 12}),
           remove("s0.parquet", 1700000003000)],
          SIDECAR_SCHEMA, *base, "016ae953-37a9-438e-8683-9a9a4a79a395.parquet")


if __name__ == "__main__":
    checkpointed()
    multipart()
    v2_checkpoint()
