// Test helpers for src/verify (test-only; header-only): fixtures under
// src/verify/testdata/, small Delta tables written from C++, and source
// snapshots built from PostgreSQL text the way SourceReader builds them.
// LH_VERIFY_TESTDATA_DIR is defined for the test binaries by CMakeLists.txt.
#pragma once

#include <arrow/api.h>
#include <arrow/io/memory.h>
#include <arrow/json/from_string.h>
#include <parquet/arrow/writer.h>
#include <parquet/properties.h>

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/env_wrapper.h"
#include "common/pg_session.h"
#include "common/status.h"
#include "lake/fixture_loader.h"
#include "lake/object_store.h"
#include "verify/canonical_value.h"
#include "verify/row_checksum.h"
#include "verify/table_snapshots.h"

namespace lakehouse::verify {

inline std::string VerifyTestDataDir() { return LH_VERIFY_TESTDATA_DIR; }

// Puts every file under <testdata>/<fixture>/ into `bucket` as
// "<prefix>/<relative path>". The bucket must exist.
inline Status LoadVerifyFixture(ObjectStore* store, const std::string& bucket, const std::string& fixture,
                                const std::string& prefix) {
  return LoadDirectoryIntoStore(store, bucket, VerifyTestDataDir() + "/" + fixture, prefix);
}

// An Env with a manual clock: SleepForMicros advances it and runs `on_sleep`
// (e.g. to let a simulated Silver job commit), counting the sleeps. Every other
// call goes to Env::Default(). For single-threaded tests.
class ManualClockEnv : public EnvWrapper {
 public:
  std::function<void()> on_sleep;
  int sleeps = 0;

  int64_t NowMicros() override { return now_; }
  void SleepForMicros(int64_t micros) override {
    now_ += micros;
    ++sleeps;
    if (on_sleep) on_sleep();
  }


 private:
  int64_t now_ = 1'700'000'000'000'000;
};

// An Arrow table from a schema and one JSON array per column.
inline std::shared_ptr<arrow::Table> MakeArrowTable(const std::shared_ptr<arrow::Schema>& schema,
                                                    const std::vector<std::string>& json_columns) {
  std::vector<std::shared_ptr<arrow::Array>> arrays;
  for (int i = 0; i < schema->num_fields(); ++i) {
    auto array = arrow::json::ArrayFromJSONString(schema->field(i)->type(), json_columns.at(static_cast<size_t>(i)));
    if (!array.ok()) {
      std::fprintf(stderr, "MakeArrowTable: column %s: %s\n", schema->field(i)->name().c_str(),
                   array.status().ToString().c_str());
      std::abort();
    }
    arrays.push_back(*array);
  }
  return arrow::Table::Make(schema, arrays);
}

// The Delta type name of an Arrow type, for schemaString.
inline nlohmann::json DeltaType(const arrow::DataType& type) {
  switch (type.id()) {
    case arrow::Type::INT64: return "long";
    case arrow::Type::INT32: return "integer";
    case arrow::Type::INT16: return "short";
    case arrow::Type::BOOL: return "boolean";
    case arrow::Type::DOUBLE: return "double";
    case arrow::Type::FLOAT: return "float";
    case arrow::Type::STRING: return "string";
    case arrow::Type::BINARY: return "binary";
    case arrow::Type::DATE32: return "date";
    case arrow::Type::TIMESTAMP:
      return static_cast<const arrow::TimestampType&>(type).timezone().empty() ? "timestamp_ntz" : "timestamp";
    case arrow::Type::DECIMAL128: {
      const auto& d = static_cast<const arrow::Decimal128Type&>(type);
      return "decimal(" + std::to_string(d.precision()) + "," + std::to_string(d.scale()) + ")";
    }
    case arrow::Type::LIST:
      return {{"type", "array"}, {"elementType", DeltaType(*type.field(0)->type())}, {"containsNull", true}};
    default: return type.ToString();
  }
}

// A Delta table written commit by commit into an ObjectStore, like the Spark
// job would (minus Spark): Parquet data files and JSON commits.
class TestDeltaTable {
 public:
  TestDeltaTable(ObjectStore* store, std::string bucket, std::string prefix)
      : store_(store), bucket_(std::move(bucket)), prefix_(std::move(prefix)) {}

  // Optional: logical -> physical names (writes delta.columnMapping.mode=name).
  void SetColumnMapping(std::map<std::string, std::string> physical) { physical_ = std::move(physical); }

  // Writes `table` as a new data file (physical names applied) and returns its
  // path relative to the table root.
  std::string WriteFile(const std::shared_ptr<arrow::Table>& table) {
    std::vector<std::shared_ptr<arrow::Field>> fields;
    for (const auto& f : table->schema()->fields()) {
      auto it = physical_.find(f->name());
      fields.push_back(it == physical_.end() ? f : f->WithName(it->second));
    }
    auto renamed = arrow::Table::Make(arrow::schema(fields), table->columns());
    auto sink = *arrow::io::BufferOutputStream::Create();
    auto status = parquet::arrow::WriteTable(*renamed, arrow::default_memory_pool(), sink, 1024);
    if (!status.ok()) std::abort();
    const std::string path = "part-" + std::to_string(next_file_++) + ".snappy.parquet";
    auto buffer = *sink->Finish();
    Put(prefix_ + "/" + path, buffer->ToString());
    return path;
  }

  // Commits the next version: metaData/protocol first (schema from `schema`),
  // then adds and removes.
  void Commit(const std::vector<std::string>& adds, const std::vector<std::string>& removes = {},
              const std::shared_ptr<arrow::Schema>& schema = nullptr) {
    std::string lines;
    auto line = [&](const nlohmann::json& j) { lines += j.dump() + "\n"; };
    line({{"commitInfo", {{"timestamp", 1700000000000 + version_}, {"operation", "WRITE"}}}});
    if (schema) {
      nlohmann::json fields = nlohmann::json::array();
      for (const auto& f : schema->fields()) {
        nlohmann::json md = nlohmann::json::object();
        auto it = physical_.find(f->name());
        if (it != physical_.end()) md["delta.columnMapping.physicalName"] = it->second;
        fields.push_back({{"name", f->name()}, {"type", DeltaType(*f->type())}, {"nullable", true}, {"metadata", md}});
      }
      nlohmann::json config = nlohmann::json::object();
      if (!physical_.empty()) config["delta.columnMapping.mode"] = "name";
      line({{"protocol", {{"minReaderVersion", physical_.empty() ? 1 : 2}, {"minWriterVersion", 5}}}});
      line({{"metaData",
             {{"id", "00000000-0000-4000-8000-000000000000"},
              {"format", {{"provider", "parquet"}, {"options", nlohmann::json::object()}}},
              {"schemaString", nlohmann::json({{"type", "struct"}, {"fields", fields}}).dump()},
              {"partitionColumns", nlohmann::json::array()},
              {"configuration", config}}}});
    }
    for (const std::string& path : removes) {
      line({{"remove", {{"path", path}, {"deletionTimestamp", 1700000000000}, {"dataChange", true}}}});
    }
    for (const std::string& path : adds) {
      line({{"add", {{"path", path}, {"partitionValues", nlohmann::json::object()}, {"size", 1},
                     {"modificationTime", 1700000000000}, {"dataChange", true}}}});
    }
    char name[32];
    std::snprintf(name, sizeof(name), "%020d.json", version_++);
    Put(prefix_ + "/_delta_log/" + name, lines);
  }

  // Writes `table` as one file and commits it (with the schema on version 0).
  std::string Append(const std::shared_ptr<arrow::Table>& table, const std::vector<std::string>& removes = {}) {
    const std::string path = WriteFile(table);
    Commit({path}, removes, version_ == 0 ? table->schema() : nullptr);
    return path;
  }

 private:
  void Put(const std::string& key, const std::string& data) {
    if (!store_->PutObject(bucket_, key, data).ok()) std::abort();
  }

  ObjectStore* store_;
  std::string bucket_;
  std::string prefix_;
  std::map<std::string, std::string> physical_;
  int version_ = 0;
  int next_file_ = 0;
};

// A SourceSnapshot built from PostgreSQL text rows, as SourceReader builds it
// from a server (the same canonicalisation and digests). Aborts on a bad value.
inline SourceSnapshot SourceFromPgText(const SourceTable& table, const std::vector<PgRow>& rows, Lsn lsn,
                                       bool exact_cut = true) {
  SourceSnapshot snapshot;
  snapshot.table = table;
  snapshot.columns = table.columns;
  snapshot.snapshot_lsn = lsn;
  snapshot.exact_cut = exact_cut;
  for (const PgRow& row : rows) {
    std::vector<CanonicalValue> values, key;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      auto v = CanonicalFromPgText(table.columns[c].type, row.at(c));
      if (!v.ok()) {
        std::fprintf(stderr, "SourceFromPgText: %s\n", v.status().ToString().c_str());
        std::abort();
      }
      values.push_back(*v);
    }
    for (const std::string& k : table.key_columns) {
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].name == k) key.push_back(values[c]);
      }
    }
    snapshot.rows[EncodeKey(key)] = RowChecksum::Of(values);
  }
  return snapshot;
}

// ---- the silver_products fixture (make_silver_fixture.py)

// The source table the fixture mirrors: demo.products plus a date column.
inline SourceTable FixtureProductsTable() {
  SourceTable t;
  t.schema = "demo";
  t.table = "products";
  t.key_columns = {"id"};
  const std::vector<std::pair<const char*, const char*>> columns = {
      {"id", "bigint"}, {"sku", "text"}, {"name", "text"}, {"category_id", "bigint"},
      {"price_vnd", "numeric(18,0)"}, {"price_usd", "numeric(20,2)"}, {"attributes", "jsonb"},
      {"tags", "text[]"}, {"is_active", "boolean"}, {"released_on", "date"},
      {"created_at", "timestamp with time zone"}, {"updated_at", "timestamp with time zone"}};
  for (const auto& [name, type] : columns) t.columns.push_back({name, ColumnTypeFromPg(type)});
  return t;
}

// What PostgreSQL prints (TimeZone UTC, DateStyle ISO) for the rows the
// fixture's newest version (v2) holds, row 2 updated and row 6 deleted.
inline std::vector<PgRow> FixtureProductsPgText() {
  const std::optional<std::string> null;
  return {
      {"1", "SKU-0001", "Phở bò tái 🍜", "1", "45000", "1.85", R"({"size": "lớn"})", R"({"món nước",bò})", "t",
       "2020-02-29", "2024-01-15 10:30:00.123456+00", "2024-01-15 10:30:00.123456+00"},
      {"2", "SKU-0002", "Bánh mì Hội An (đặc biệt)", "2", "25000", "1.25", "{}", "{}", "t", "1969-07-20",
       "1969-07-20 20:17:40+00", "2024-01-15 11:00:00+00"},
      {"3", "SKU-0003", "Cà phê sữa đá", "2", "999999999999999999", "999999999999999999.99", null, "{NULL,x}", "f",
       null, "9999-12-31 23:59:59.999999+00", "2024-01-15 10:30:00.123456+00"},
      {"4", "SKU-0004", "Gỏi cuốn", "3", "0", "0.00", R"({"a": [1, 2.50]})", R"({"a\"b","back\\slash"})", null,
       "0001-01-01", "2000-02-29 12:00:00+00", "2024-01-15 10:30:00.123456+00"},
  };
}

}  // namespace lakehouse::verify
