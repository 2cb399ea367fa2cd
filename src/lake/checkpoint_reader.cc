#include "lake/checkpoint_reader.h"

#include <arrow/api.h>
#include <arrow/io/memory.h>
#include <parquet/arrow/reader.h>
#include <parquet/exception.h>
#include <parquet/file_reader.h>
#include <parquet/schema.h>

#include <exception>
#include <numeric>
#include <string_view>
#include <vector>

namespace lakehouse {
namespace {

using json = nlohmann::json;

// Which Parquet leaf columns to decode, by their path (e.g. add.stats_parsed.numRecords).
bool WantLeaf(const std::vector<std::string>& path) {
  if (path.empty()) return false;
  const std::string& action = path[0];
  if (action == "metaData" || action == "protocol" || action == "txn" || action == "checkpointMetadata" ||
      action == "sidecar") {
    return true;
  }
  if (action != "add" || path.size() < 2) return false;
  const std::string& field = path[1];
  if (field == "stats_parsed") return path.size() == 3 && path[2] == "numRecords";
  return field == "path" || field == "partitionValues" || field == "size" || field == "modificationTime" ||
         field == "dataChange" || field == "stats" || field == "deletionVector";
}

template <typename ArrayType>
json Number(const arrow::Array& array, int64_t i) {
  return static_cast<const ArrayType&>(array).Value(i);
}

// One Arrow value as the JSON the same action would have in a commit file.
json ToJson(const arrow::Array& array, int64_t i) {
  if (array.IsNull(i)) return nullptr;
  switch (array.type_id()) {
    case arrow::Type::BOOL: return Number<arrow::BooleanArray>(array, i);
    case arrow::Type::INT8: return Number<arrow::Int8Array>(array, i);
    case arrow::Type::INT16: return Number<arrow::Int16Array>(array, i);
    case arrow::Type::INT32: return Number<arrow::Int32Array>(array, i);
    case arrow::Type::INT64: return Number<arrow::Int64Array>(array, i);
    case arrow::Type::UINT8: return Number<arrow::UInt8Array>(array, i);
    case arrow::Type::UINT16: return Number<arrow::UInt16Array>(array, i);
    case arrow::Type::UINT32: return Number<arrow::UInt32Array>(array, i);
    case arrow::Type::UINT64: return Number<arrow::UInt64Array>(array, i);
    case arrow::Type::FLOAT: return Number<arrow::FloatArray>(array, i);
    case arrow::Type::DOUBLE: return Number<arrow::DoubleArray>(array, i);
    case arrow::Type::STRING: return static_cast<const arrow::StringArray&>(array).GetString(i);
    case arrow::Type::LARGE_STRING: return static_cast<const arrow::LargeStringArray&>(array).GetString(i);
    case arrow::Type::BINARY: return static_cast<const arrow::BinaryArray&>(array).GetString(i);
    case arrow::Type::LARGE_BINARY: return static_cast<const arrow::LargeBinaryArray&>(array).GetString(i);
    case arrow::Type::STRUCT: {
      const auto& s = static_cast<const arrow::StructArray&>(array);
      json object = json::object();
      for (int f = 0; f < s.num_fields(); ++f) {
        object[s.struct_type()->field(f)->name()] = ToJson(*s.field(f), i);  // field() applies the offset
      }
      return object;
    }
    case arrow::Type::MAP: {
      const auto& m = static_cast<const arrow::MapArray&>(array);
      json object = json::object();
      for (int64_t j = m.value_offset(i); j < m.value_offset(i) + m.value_length(i); ++j) {
        json key = ToJson(*m.keys(), j);
        object[key.is_string() ? key.get<std::string>() : key.dump()] = ToJson(*m.items(), j);
      }
      return object;
    }
    case arrow::Type::LIST: {
      const auto& l = static_cast<const arrow::ListArray&>(array);
      json list = json::array();
      for (int64_t j = l.value_offset(i); j < l.value_offset(i) + l.value_length(i); ++j) {
        list.push_back(ToJson(*l.values(), j));
      }
      return list;
    }
    default: {
      // Types no action field we read uses (dates, decimals, ...): keep a
      // readable form rather than fail on a column we do not interpret.
      auto scalar = array.GetScalar(i);
      return scalar.ok() ? json((*scalar)->ToString()) : json(nullptr);
    }
  }
}

Status Decode(const std::string& data, const std::string& name, const CheckpointReader::Sink& sink) {
  // Non-owning: `data` outlives the reader.
  auto buffer = std::make_shared<arrow::Buffer>(reinterpret_cast<const uint8_t*>(data.data()),
                                                static_cast<int64_t>(data.size()));
  auto opened = parquet::arrow::OpenFile(std::make_shared<arrow::io::BufferReader>(buffer),
                                         arrow::default_memory_pool());
  if (!opened.ok()) {
    return Status::Corruption("checkpoint " + name + " is not a readable Parquet file: " + opened.status().ToString());
  }
  std::unique_ptr<parquet::arrow::FileReader> reader = std::move(opened).ValueOrDie();
  const parquet::SchemaDescriptor* schema = reader->parquet_reader()->metadata()->schema();
  std::vector<int> leaves;
  for (int i = 0; i < schema->num_columns(); ++i) {
    if (WantLeaf(schema->Column(i)->path()->ToDotVector())) leaves.push_back(i);
  }
  if (leaves.empty()) {
    return Status::Corruption("checkpoint " + name + " has none of the Delta checkpoint columns (add, metaData, protocol)");
  }
  std::vector<int> row_groups(reader->num_row_groups());
  std::iota(row_groups.begin(), row_groups.end(), 0);
  auto batches = reader->GetRecordBatchReader(row_groups, leaves);
  if (!batches.ok()) return Status::Corruption("checkpoint " + name + ": " + batches.status().ToString());
  int64_t row_base = 0;
  while (true) {
    std::shared_ptr<arrow::RecordBatch> batch;
    arrow::Status read = (*batches)->ReadNext(&batch);
    if (!read.ok()) return Status::Corruption("checkpoint " + name + ": " + read.ToString());
    if (batch == nullptr) break;
    for (int c = 0; c < batch->num_columns(); ++c) {
      const std::string& kind = batch->schema()->field(c)->name();
      const arrow::Array& column = *batch->column(c);
      for (int64_t r = 0; r < batch->num_rows(); ++r) {
        if (column.IsNull(r)) continue;
        auto action = ParseDeltaAction(kind, ToJson(column, r));
        if (!action.ok()) {
          return action.status().WithContext("checkpoint " + name + " row " + std::to_string(row_base + r));
        }
        if (*action) sink(std::move(**action));
      }
    }
    row_base += batch->num_rows();
  }
  return Status::OK();
}

}  // namespace

Status CheckpointReader::ReadParquet(const std::string& data, const std::string& name, const Sink& sink) {
  // Parquet reports some corruption by throwing; keep exceptions inside the module.
  try {
    return Decode(data, name, sink);
  } catch (const std::exception& e) {
    return Status::Corruption("checkpoint " + name + " is not a readable Parquet file: " + e.what());
  }
}

}  // namespace lakehouse
