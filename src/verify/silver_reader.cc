#include "verify/silver_reader.h"

#include <arrow/api.h>
#include <arrow/io/memory.h>
#include <parquet/arrow/reader.h>
#include <parquet/arrow/schema.h>
#include <parquet/exception.h>
#include <parquet/properties.h>

#include <algorithm>
#include <exception>
#include <numeric>
#include <nlohmann/json.hpp>
#include <strings.h>

#include "lake/delta_log.h"
#include "verify/canonical_value.h"

namespace lakehouse::verify {
namespace {

std::string Trim(const std::string& prefix) {
  size_t b = 0, e = prefix.size();
  while (b < e && prefix[b] == '/') ++b;
  while (e > b && prefix[e - 1] == '/') --e;
  return prefix.substr(b, e - b);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(const std::string& in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size() && HexDigit(in[i + 1]) >= 0 && HexDigit(in[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(in[i + 1]) * 16 + HexDigit(in[i + 2]));
      i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

// The logical schema's columns: logical name -> physical (Parquet) name.
struct SchemaColumns {
  std::vector<std::string> logical;
  std::map<std::string, std::string> physical;
};

Result<SchemaColumns> ParseSchema(const DeltaSnapshot& snapshot) {
  nlohmann::json schema = nlohmann::json::parse(snapshot.schema_string, nullptr, /*allow_exceptions=*/false);
  if (!schema.is_object() || !schema.contains("fields") || !schema["fields"].is_array()) {
    return Status::Corruption("table " + snapshot.table_uri + " has a metaData.schemaString that is not a struct");
  }
  auto mode = snapshot.properties.find("delta.columnMapping.mode");
  const bool mapped = mode != snapshot.properties.end() && mode->second != "none";
  SchemaColumns out;
  for (const auto& field : schema["fields"]) {
    if (!field.is_object() || !field.contains("name") || !field["name"].is_string()) continue;
    const std::string name = field["name"].get<std::string>();
    std::string physical = name;
    if (mapped && field.contains("metadata") && field["metadata"].is_object()) {
      const auto& md = field["metadata"];
      auto it = md.find("delta.columnMapping.physicalName");
      if (it != md.end() && it->is_string()) physical = it->get<std::string>();
    }
    out.logical.push_back(name);
    out.physical[name] = physical;
  }
  return out;
}

// Leaf column indices of the top-level Parquet field named `name`.
void CollectLeaves(const parquet::arrow::SchemaField& field, std::vector<int>* out) {
  if (field.is_leaf()) out->push_back(field.column_index);
  for (const auto& child : field.children) CollectLeaves(child, out);
}

// An integer column's value as int64 (unsigned values above 2^63 wrap, which
// no LSN reaches). REQUIRES: arrow::is_integer(array.type_id()).
int64_t IntegerAt(const arrow::Array& array, int64_t row) {
  switch (array.type_id()) {
    case arrow::Type::INT8: return static_cast<const arrow::Int8Array&>(array).Value(row);
    case arrow::Type::INT16: return static_cast<const arrow::Int16Array&>(array).Value(row);
    case arrow::Type::INT32: return static_cast<const arrow::Int32Array&>(array).Value(row);
    case arrow::Type::INT64: return static_cast<const arrow::Int64Array&>(array).Value(row);
    case arrow::Type::UINT8: return static_cast<const arrow::UInt8Array&>(array).Value(row);
    case arrow::Type::UINT16: return static_cast<const arrow::UInt16Array&>(array).Value(row);
    case arrow::Type::UINT32: return static_cast<const arrow::UInt32Array&>(array).Value(row);
    case arrow::Type::UINT64: return static_cast<int64_t>(static_cast<const arrow::UInt64Array&>(array).Value(row));
    default: return 0;
  }
}

}  // namespace

std::string SilverReader::TablePrefix(const std::string& schema, const std::string& table,
                                      const std::string& layer_prefix) {
  return Trim(layer_prefix) + "/" + schema + "_" + table;
}

std::optional<std::string> SilverReader::MatchColumnName(const std::vector<std::string>& silver_columns,
                                                         const std::string& source_name) {
  if (std::find(silver_columns.begin(), silver_columns.end(), source_name) != silver_columns.end()) {
    return source_name;
  }
  for (const std::string& name : silver_columns) {
    if (strcasecmp(name.c_str(), source_name.c_str()) == 0) return name;
  }
  return std::nullopt;
}

SilverReader::SilverReader(ObjectStore* store, std::string bucket, std::string table_prefix)
    : store_(store), bucket_(std::move(bucket)), table_prefix_(Trim(table_prefix)) {}

SilverReader::~SilverReader() = default;

std::string SilverReader::TableUri() const { return DeltaLog::TableUri(bucket_, table_prefix_); }

Result<std::vector<std::string>> SilverReader::ReadColumnNames() {
  LH_ASSIGN_OR_RETURN(DeltaSnapshot snapshot, DeltaLog::LoadSnapshot(store_, bucket_, table_prefix_));
  LH_ASSIGN_OR_RETURN(SchemaColumns schema, ParseSchema(snapshot));
  return schema.logical;
}

Result<SilverSnapshot> SilverReader::Read(const std::vector<SourceColumn>& columns,
                                          const std::vector<std::string>& key_columns) {
  LH_ASSIGN_OR_RETURN(DeltaSnapshot snapshot, DeltaLog::LoadSnapshot(store_, bucket_, table_prefix_));
  LH_ASSIGN_OR_RETURN(SchemaColumns schema, ParseSchema(snapshot));
  const std::string uri = snapshot.table_uri;

  // Physical names of the compared columns, then _lsn and _is_deleted.
  std::vector<std::string> physical;
  std::vector<std::string> logical_needed;
  for (const SourceColumn& column : columns) {
    const std::optional<std::string> logical = MatchColumnName(schema.logical, column.name);
    if (!logical) {
      return Status::FailedPrecondition("Silver table " + uri + " has no column " + column.name);
    }
    logical_needed.push_back(*logical);
    physical.push_back(schema.physical.at(*logical));
  }
  for (const char* lineage : {kLsnColumn, kIsDeletedColumn}) {
    auto it = schema.physical.find(lineage);
    if (it == schema.physical.end()) {
      return Status::FailedPrecondition("Silver table " + uri + " has no lineage column " + lineage +
                                        " (is it a Silver_RT table?)");
    }
    logical_needed.push_back(lineage);
    physical.push_back(it->second);
  }
  for (const std::string& name : logical_needed) {
    if (std::find(snapshot.partition_columns.begin(), snapshot.partition_columns.end(), name) !=
        snapshot.partition_columns.end()) {
      return Status::FailedPrecondition("Silver table " + uri + " is partitioned by " + name +
                                        ", a column the verifier compares; partition values are not read");
    }
  }
  std::vector<size_t> key_index;
  for (const std::string& key : key_columns) {
    auto it = std::find_if(columns.begin(), columns.end(), [&](const SourceColumn& c) { return c.name == key; });
    if (it == columns.end()) return Status::InvalidArgument("key column " + key + " is not among the columns");
    key_index.push_back(static_cast<size_t>(it - columns.begin()));
  }

  std::string signature;
  for (const std::string& p : physical) signature += p + '\0';
  for (const SourceColumn& c : columns) signature += c.type.pg_type + '\0';
  for (size_t k : key_index) signature += std::to_string(k) + ',';
  if (signature != cache_signature_) {
    cache_.clear();
    cache_signature_ = signature;
  }

  SilverSnapshot out;
  out.table_uri = uri;
  out.version = snapshot.version;
  std::map<std::string, std::shared_ptr<const CachedFile>> live_cache;
  for (const DeltaFile& file : snapshot.files) {
    if (file.deleted_records > 0) {
      return Status::FailedPrecondition("Silver table " + uri + " file " + file.path + " has a deletion vector (" +
                                        std::to_string(file.deleted_records) +
                                        " rows deleted); the verifier does not apply deletion vectors, so "
                                        "Silver_RT must be written with delta.enableDeletionVectors=false");
    }
    std::string key;
    const std::string decoded = PercentDecode(file.path);
    const size_t scheme = decoded.find("://");
    if (scheme != std::string::npos) {
      const std::string rest = decoded.substr(scheme + 3);
      const size_t slash = rest.find('/');
      if (rest.substr(0, slash) != bucket_ || slash == std::string::npos) {
        return Status::FailedPrecondition("Silver table " + uri + " file " + file.path +
                                          " is outside bucket " + bucket_);
      }
      key = rest.substr(slash + 1);
    } else {
      key = table_prefix_.empty() ? decoded : table_prefix_ + "/" + decoded;
    }
    auto cached = cache_.find(key);
    std::shared_ptr<const CachedFile> rows;
    if (cached != cache_.end()) {
      rows = cached->second;
    } else {
      auto read = ReadFile(key, columns, key_index, physical);
      if (!read.ok()) return read.status().WithContext("Silver table " + uri);
      rows = std::make_shared<const CachedFile>(std::move(read).value());
    }
    live_cache[key] = rows;
    for (const CachedRow& r : *rows) {
      out.max_lsn = std::max(out.max_lsn, r.row.lsn);
      if (!r.row.deleted) ++out.live_rows;
      auto [it, inserted] = out.rows.emplace(r.key, r.row);
      if (!inserted) out.duplicate_keys.push_back(r.key);
    }
  }
  cache_ = std::move(live_cache);  // forget files no longer live
  return out;
}

Result<SilverReader::CachedFile> SilverReader::ReadFile(const std::string& key,
                                                        const std::vector<SourceColumn>& columns,
                                                        const std::vector<size_t>& key_index,
                                                        const std::vector<std::string>& physical) {
  LH_ASSIGN_OR_RETURN(std::string data, store_->GetObject(bucket_, key));
  const std::string name = "s3://" + bucket_ + "/" + key;
  auto corrupt = [&](const std::string& what) { return Status::Corruption("data file " + name + ": " + what); };
  try {
    auto buffer = std::make_shared<arrow::Buffer>(reinterpret_cast<const uint8_t*>(data.data()),
                                                  static_cast<int64_t>(data.size()));
    parquet::arrow::FileReaderBuilder builder;
    arrow::Status opened = builder.Open(std::make_shared<arrow::io::BufferReader>(buffer));
    if (!opened.ok()) return corrupt("not a readable Parquet file: " + opened.ToString());
    parquet::ArrowReaderProperties properties;
    properties.set_coerce_int96_timestamp_unit(arrow::TimeUnit::MICRO);
    builder.properties(properties);
    auto built = builder.Build();
    if (!built.ok()) return corrupt("not a readable Parquet file: " + built.status().ToString());
    std::unique_ptr<parquet::arrow::FileReader> reader = std::move(built).ValueOrDie();

    // Leaves of the needed top-level fields; a compared column absent from an
    // older file (added by schema evolution) reads as NULL, as Delta specifies.
    const auto& fields = reader->manifest().schema_fields;
    std::vector<int> leaves;
    for (const std::string& p : physical) {
      for (const auto& field : fields) {
        if (field.field->name() == p) CollectLeaves(field, &leaves);
      }
    }
    std::sort(leaves.begin(), leaves.end());
    std::vector<int> row_groups(reader->num_row_groups());
    std::iota(row_groups.begin(), row_groups.end(), 0);
    auto batches = reader->GetRecordBatchReader(row_groups, leaves);
    if (!batches.ok()) return corrupt(batches.status().ToString());

    CachedFile out;
    RowChecksum checksum;
    std::vector<CanonicalValue> key_values(key_index.size());
    const size_t n = columns.size();
    while (true) {
      std::shared_ptr<arrow::RecordBatch> batch;
      arrow::Status next = (*batches)->ReadNext(&batch);
      if (!next.ok()) return corrupt(next.ToString());
      if (batch == nullptr) break;
      std::vector<std::shared_ptr<arrow::Array>> arrays(physical.size());
      for (size_t c = 0; c < physical.size(); ++c) {
        arrays[c] = batch->GetColumnByName(physical[c]);
        if (c < n && arrays[c] != nullptr) {
          Status compatible = CheckArrowCompatible(columns[c].type, *arrays[c]->type());
          if (!compatible.ok()) return compatible.WithContext("column " + columns[c].name + " in " + name);
        }
      }
      const auto& lsn = arrays[n];
      const auto& deleted = arrays[n + 1];
      if (lsn == nullptr || !arrow::is_integer(lsn->type_id()) || deleted == nullptr ||
          deleted->type_id() != arrow::Type::BOOL) {
        return corrupt(std::string("needs ") + kLsnColumn + " (integer) and " + kIsDeletedColumn + " (boolean)");
      }
      auto lsn_value = [&](int64_t r) -> Lsn {
        if (lsn->IsNull(r)) return 0;
        const int64_t v = IntegerAt(*lsn, r);
        return v < 0 ? 0 : static_cast<Lsn>(v);
      };
      const auto& deleted_bools = static_cast<const arrow::BooleanArray&>(*deleted);
      for (int64_t r = 0; r < batch->num_rows(); ++r) {
        CachedRow row;
        row.row.lsn = lsn_value(r);
        row.row.deleted = !deleted_bools.IsNull(r) && deleted_bools.Value(r);
        for (size_t c = 0; c < n; ++c) {
          const CanonicalValue value =
              arrays[c] == nullptr ? CanonicalValue() : CanonicalFromArrow(columns[c].type, *arrays[c], r);
          for (size_t k = 0; k < key_index.size(); ++k) {
            if (key_index[k] == c) key_values[k] = value;
          }
          if (!row.row.deleted) checksum.Add(value);
        }
        if (!row.row.deleted) row.row.digest = checksum.Finish();
        row.key = EncodeKey(key_values);
        out.push_back(std::move(row));
      }
    }
    return out;
  } catch (const std::exception& e) {
    // Parquet reports some corruption by throwing; keep exceptions inside the module.
    return corrupt(std::string("not a readable Parquet file: ") + e.what());
  }
}

}  // namespace lakehouse::verify
