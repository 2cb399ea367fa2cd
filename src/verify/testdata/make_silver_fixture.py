#!/usr/bin/env python3
"""Writes the src/verify test fixtures: small Silver_RT Delta tables.

Each table is shaped like what the Silver_RT job writes for a products-like
source table (the columns of demo.products plus a date column, and the lineage
columns), encoded the way Spark + Delta encode it: INT96 timestamps (Spark's
default), decimal(18,0) as INT64 and decimal(20,2) as a fixed-length array,
3-level lists, and no Arrow schema in the footer. Outputs are committed, so the
tests need neither Python nor pyarrow.

  silver_products/           v0: rows 1-3; v1: row 4 and a tombstone for 6;
                             v2 (a MERGE): part-0 removed, rows 1-3 rewritten
                             with row 2 updated. part-0 stays in the directory,
                             and an orphan file that no commit names sits
                             beside the live ones: neither may be read.
  silver_products_tampered/  silver_products plus v3, which replaces part-1 by
                             a copy whose row 4 price_usd was changed by hand
                             (its _lsn untouched, as a manual edit would leave it).
  silver_products_dv/        one file with a deletion vector (not supported).

Run with the build venv (deps/python/requirements-build.txt):
    ~/.cache/lakehouse/venv/build/bin/python src/verify/testdata/make_silver_fixture.py
silver_reader_test.cc asserts on the values written here.
"""
import datetime as dt
import decimal
import json
import os
import shutil

import pyarrow as pa
import pyarrow.parquet as pq

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
D = decimal.Decimal

SCHEMA = pa.schema([
    ("id", pa.int64()), ("sku", pa.string()), ("name", pa.string()), ("category_id", pa.int64()),
    ("price_vnd", pa.decimal128(18, 0)), ("price_usd", pa.decimal128(20, 2)), ("attributes", pa.string()),
    ("tags", pa.list_(pa.string())), ("is_active", pa.bool_()), ("released_on", pa.date32()),
    ("created_at", pa.timestamp("us", tz="UTC")), ("updated_at", pa.timestamp("us", tz="UTC")),
    ("_lsn", pa.int64()), ("_op", pa.string()), ("_is_deleted", pa.bool_()),
    ("_commit_ts", pa.timestamp("us", tz="UTC")), ("_kafka_partition", pa.int32()), ("_kafka_offset", pa.int64()),
    ("_landed_at", pa.timestamp("us", tz="UTC")),
])


def delta_type(t):
    if pa.types.is_int64(t): return "long"
    if pa.types.is_int32(t): return "integer"
    if pa.types.is_string(t): return "string"
    if pa.types.is_boolean(t): return "boolean"
    if pa.types.is_date32(t): return "date"
    if pa.types.is_timestamp(t): return "timestamp"
    if pa.types.is_decimal(t): return f"decimal({t.precision},{t.scale})"
    if pa.types.is_list(t): return {"type": "array", "elementType": delta_type(t.value_type), "containsNull": True}
    raise ValueError(t)


SCHEMA_STRING = json.dumps({"type": "struct", "fields": [
    {"name": f.name, "type": delta_type(f.type), "nullable": True, "metadata": {}} for f in SCHEMA]},
    separators=(",", ":"))

T0 = dt.datetime(2024, 1, 15, 10, 30, 0, 123456, tzinfo=UTC)
COMMIT = dt.datetime(2024, 1, 15, 10, 31, tzinfo=UTC)


def row(id_, sku, name, cat, vnd, usd, attrs, tags, active, released, created, updated, lsn, op, deleted=False,
        offset=0):
    return {"id": id_, "sku": sku, "name": name, "category_id": cat, "price_vnd": vnd, "price_usd": usd,
            "attributes": attrs, "tags": tags, "is_active": active, "released_on": released,
            "created_at": created, "updated_at": updated, "_lsn": lsn, "_op": op, "_is_deleted": deleted,
            "_commit_ts": COMMIT, "_kafka_partition": 0, "_kafka_offset": offset, "_landed_at": COMMIT}


ROW1 = row(1, "SKU-0001", "Phở bò tái 🍜", 1, D("45000"), D("1.85"), '{"size": "lớn"}', ["món nước", "bò"], True,
           dt.date(2020, 2, 29), T0, T0, 100, "r", offset=0)
ROW2 = row(2, "SKU-0002", "Bánh mì Hội An", 2, D("25000"), D("0.99"), "{}", [], True,
           dt.date(1969, 7, 20), dt.datetime(1969, 7, 20, 20, 17, 40, tzinfo=UTC), T0, 110, "r", offset=1)
ROW3 = row(3, "SKU-0003", "Cà phê sữa đá", 2, D("999999999999999999"), D("999999999999999999.99"), None,
           [None, "x"], False, None, dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), T0, 120, "r",
           offset=2)
ROW4 = row(4, "SKU-0004", "Gỏi cuốn", 3, D("0"), D("0.00"), '{"a": [1, 2.50]}', ['a"b', "back\\slash"], None,
           dt.date(1, 1, 1), dt.datetime(2000, 2, 29, 12, 0, tzinfo=UTC), T0, 200, "c", offset=3)
TOMB6 = row(6, None, None, None, None, None, None, None, None, None, None, None, 210, "d", deleted=True, offset=4)
ROW2_UPDATED = dict(ROW2, name="Bánh mì Hội An (đặc biệt)", price_usd=D("1.25"),
                    updated_at=dt.datetime(2024, 1, 15, 11, 0, tzinfo=UTC), _lsn=300, _op="u", _kafka_offset=5)
ROW4_TAMPERED = dict(ROW4, price_usd=D("0.01"))


def write_parquet(table_dir, name, rows):
    path = os.path.join(table_dir, name)
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    pq.write_table(table, path, use_deprecated_int96_timestamps=True, store_decimal_as_integer=True,
                   store_schema=False, compression="snappy")
    return {"path": name, "size": os.path.getsize(path), "rows": len(rows)}


def add(f, dv=None):
    action = {"path": f["path"], "partitionValues": {}, "size": f["size"], "modificationTime": 1705314660000,
              "dataChange": True, "stats": json.dumps({"numRecords": f["rows"]})}
    if dv:
        action["deletionVector"] = dv
    return {"add": action}


def remove(f):
    return {"remove": {"path": f["path"], "deletionTimestamp": 1705314700000, "dataChange": True,
                       "extendedFileMetadata": True, "partitionValues": {}, "size": f["size"]}}


def commit(table_dir, version, actions, operation):
    log = os.path.join(table_dir, "_delta_log")
    os.makedirs(log, exist_ok=True)
    info = {"commitInfo": {"timestamp": 1705314660000 + version * 1000, "operation": operation}}
    with open(os.path.join(log, f"{version:020d}.json"), "w") as out:
        for action in [info] + actions:
            out.write(json.dumps(action, separators=(",", ":"), ensure_ascii=False) + "\n")


def first_commit_actions(table_id, reader=1, writer=2, features=None):
    protocol = {"minReaderVersion": reader, "minWriterVersion": writer}
    if features:
        protocol.update(readerFeatures=features, writerFeatures=features)
    return [{"protocol": protocol},
            {"metaData": {"id": table_id, "format": {"provider": "parquet", "options": {}},
                          "schemaString": SCHEMA_STRING, "partitionColumns": [], "configuration": {},
                          "createdTime": 1705314660000}}]


def fresh(name):
    path = os.path.join(HERE, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def products(name):
    d = fresh(name)
    p0 = write_parquet(d, "part-00000-0a.c000.snappy.parquet", [ROW1, ROW2, ROW3])
    commit(d, 0, first_commit_actions("6a7e0a4e-0000-4000-8000-000000000001") + [add(p0)], "WRITE")
    p1 = write_parquet(d, "part-00001-1b.c000.snappy.parquet", [ROW4, TOMB6])
    commit(d, 1, [add(p1)], "MERGE")
    p2 = write_parquet(d, "part-00002-2c.c000.snappy.parquet", [ROW1, ROW2_UPDATED, ROW3])
    commit(d, 2, [remove(p0), add(p2)], "MERGE")
    # Never committed (e.g. a failed task's output): must not be read.
    write_parquet(d, "part-00009-orphan.c000.snappy.parquet", [dict(ROW1, name="orphan")])
    return d, p1


def main():
    products("silver_products")
    d, p1 = products("silver_products_tampered")
    p3 = write_parquet(d, "part-00003-3d.c000.snappy.parquet", [ROW4_TAMPERED, TOMB6])
    commit(d, 3, [remove(p1), add(p3)], "UPDATE")

    d = fresh("silver_products_dv")
    p0 = write_parquet(d, "part-00000-0a.c000.snappy.parquet", [ROW1, ROW2])
    dv = {"storageType": "u", "pathOrInlineDv": "ab^-aqEH.-t@S}K{vb[*k^", "offset": 1, "sizeInBytes": 36,
          "cardinality": 1}
    commit(d, 0, first_commit_actions("6a7e0a4e-0000-4000-8000-000000000003", 3, 7, ["deletionVectors"]) +
           [add(p0, dv)], "WRITE")


if __name__ == "__main__":
    main()
