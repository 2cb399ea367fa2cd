#include "lake/delta_action.h"

namespace lakehouse {
namespace {

using json = nlohmann::json;

// Field readers: a missing or null optional field yields nullopt/default; a
// present field of the wrong type is Corruption naming the action and field.
class Fields {
 public:
  Fields(std::string kind, const json& body) : kind_(std::move(kind)), body_(body) {}

  const json* Find(const char* name) const {
    auto it = body_.find(name);
    return it == body_.end() || it->is_null() ? nullptr : &*it;
  }
  Status Missing(const char* name) const {
    return Status::Corruption(kind_ + " action without required field '" + name + "'");
  }
  Status WrongType(const char* name, const char* want) const {
    return Status::Corruption(kind_ + " action field '" + name + "' is not " + want);
  }

  Result<std::optional<std::string>> OptString(const char* name) const {
    const json* v = Find(name);
    if (v == nullptr) return std::optional<std::string>();
    if (!v->is_string()) return WrongType(name, "a string");
    return std::optional<std::string>(v->get<std::string>());
  }
  Result<std::string> String(const char* name) const {
    LH_ASSIGN_OR_RETURN(auto v, OptString(name));
    if (!v) return Missing(name);
    return std::move(*v);
  }
  Result<std::optional<int64_t>> OptInt(const char* name) const {
    const json* v = Find(name);
    if (v == nullptr) return std::optional<int64_t>();
    if (!v->is_number_integer()) return WrongType(name, "an integer");
    return std::optional<int64_t>(v->get<int64_t>());
  }
  Result<int64_t> Int(const char* name) const {
    LH_ASSIGN_OR_RETURN(auto v, OptInt(name));
    if (!v) return Missing(name);
    return *v;
  }
  Result<bool> Bool(const char* name, bool fallback) const {
    const json* v = Find(name);
    if (v == nullptr) return fallback;
    if (!v->is_boolean()) return WrongType(name, "a boolean");
    return v->get<bool>();
  }
  Result<std::vector<std::string>> StringArray(const char* name) const {
    std::vector<std::string> out;
    const json* v = Find(name);
    if (v == nullptr) return out;
    if (!v->is_array()) return WrongType(name, "an array");
    for (const auto& e : *v) {
      if (!e.is_string()) return WrongType(name, "an array of strings");
      out.push_back(e.get<std::string>());
    }
    return out;
  }
  // A map<string,string>; null values are kept as nullopt (partition values use them).
  Result<PartitionValues> StringMap(const char* name) const {
    PartitionValues out;
    const json* v = Find(name);
    if (v == nullptr) return out;
    if (!v->is_object()) return WrongType(name, "a map");
    for (const auto& [key, value] : v->items()) {
      if (value.is_null()) {
        out[key] = std::nullopt;
      } else if (value.is_string()) {
        out[key] = value.get<std::string>();
      } else {
        return WrongType(name, "a map of strings");
      }
    }
    return out;
  }

 private:
  std::string kind_;
  const json& body_;
};

Result<std::optional<DeletionVectorRef>> ParseDeletionVector(const std::string& kind, const json& body) {
  auto it = body.find("deletionVector");
  if (it == body.end() || it->is_null()) return std::optional<DeletionVectorRef>();
  if (!it->is_object()) return Status::Corruption(kind + " action field 'deletionVector' is not an object");
  Fields f(kind + ".deletionVector", *it);
  DeletionVectorRef dv;
  LH_ASSIGN_OR_RETURN(dv.storage_type, f.String("storageType"));
  LH_ASSIGN_OR_RETURN(dv.path_or_inline_dv, f.String("pathOrInlineDv"));
  LH_ASSIGN_OR_RETURN(dv.offset, f.OptInt("offset"));
  LH_ASSIGN_OR_RETURN(dv.size_in_bytes, f.Int("sizeInBytes"));
  LH_ASSIGN_OR_RETURN(dv.cardinality, f.Int("cardinality"));
  return std::optional<DeletionVectorRef>(std::move(dv));
}

// "Per-file Statistics": `stats` is a JSON document inside a string. A checkpoint
// may instead (or also) carry it parsed, as the `stats_parsed` struct.
Result<std::optional<int64_t>> ParseNumRecords(const json& body) {
  auto stats = body.find("stats");
  if (stats != body.end() && stats->is_string() && !stats->get_ref<const std::string&>().empty()) {
    json parsed = json::parse(stats->get_ref<const std::string&>(), nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      return Status::Corruption("add action 'stats' is not a JSON object");
    }
    auto n = parsed.find("numRecords");
    if (n != parsed.end() && n->is_number_integer()) return std::optional<int64_t>(n->get<int64_t>());
  }
  auto parsed = body.find("stats_parsed");
  if (parsed != body.end() && parsed->is_object()) {
    auto n = parsed->find("numRecords");
    if (n != parsed->end() && n->is_number_integer()) return std::optional<int64_t>(n->get<int64_t>());
  }
  return std::optional<int64_t>();
}

Result<DeltaAction> ParseAdd(const json& body) {
  Fields f("add", body);
  AddFile add;
  LH_ASSIGN_OR_RETURN(add.path, f.String("path"));
  LH_ASSIGN_OR_RETURN(add.partition_values, f.StringMap("partitionValues"));
  LH_ASSIGN_OR_RETURN(add.size, f.Int("size"));
  LH_ASSIGN_OR_RETURN(auto modification_time, f.OptInt("modificationTime"));
  add.modification_time_ms = modification_time.value_or(0);
  LH_ASSIGN_OR_RETURN(add.data_change, f.Bool("dataChange", true));
  LH_ASSIGN_OR_RETURN(add.num_records, ParseNumRecords(body));
  LH_ASSIGN_OR_RETURN(add.deletion_vector, ParseDeletionVector("add", body));
  // "Partition Value Serialization": an empty string is a null partition value.
  for (auto& [column, value] : add.partition_values) {
    if (value && value->empty()) value.reset();
  }
  return DeltaAction(std::move(add));
}

Result<DeltaAction> ParseRemove(const json& body) {
  Fields f("remove", body);
  RemoveFile remove;
  LH_ASSIGN_OR_RETURN(remove.path, f.String("path"));
  LH_ASSIGN_OR_RETURN(remove.deletion_timestamp_ms, f.OptInt("deletionTimestamp"));
  LH_ASSIGN_OR_RETURN(remove.deletion_vector, ParseDeletionVector("remove", body));
  return DeltaAction(std::move(remove));
}

Result<DeltaAction> ParseMetadata(const json& body) {
  Fields f("metaData", body);
  MetadataAction m;
  LH_ASSIGN_OR_RETURN(m.id, f.String("id"));
  LH_ASSIGN_OR_RETURN(auto name, f.OptString("name"));
  m.name = name.value_or("");
  LH_ASSIGN_OR_RETURN(auto description, f.OptString("description"));
  m.description = description.value_or("");
  LH_ASSIGN_OR_RETURN(m.schema_string, f.String("schemaString"));
  LH_ASSIGN_OR_RETURN(m.partition_columns, f.StringArray("partitionColumns"));
  LH_ASSIGN_OR_RETURN(auto configuration, f.StringMap("configuration"));
  for (auto& [key, value] : configuration) m.configuration[key] = value.value_or("");
  LH_ASSIGN_OR_RETURN(m.created_time_ms, f.OptInt("createdTime"));
  if (const json* format = f.Find("format"); format != nullptr && format->is_object()) {
    LH_ASSIGN_OR_RETURN(auto provider, Fields("metaData.format", *format).OptString("provider"));
    m.format_provider = provider.value_or("");
  }
  return DeltaAction(std::move(m));
}

Result<DeltaAction> ParseProtocol(const json& body) {
  Fields f("protocol", body);
  ProtocolAction p;
  LH_ASSIGN_OR_RETURN(int64_t reader, f.Int("minReaderVersion"));
  LH_ASSIGN_OR_RETURN(int64_t writer, f.Int("minWriterVersion"));
  p.min_reader_version = static_cast<int>(reader);
  p.min_writer_version = static_cast<int>(writer);
  LH_ASSIGN_OR_RETURN(p.reader_features, f.StringArray("readerFeatures"));
  LH_ASSIGN_OR_RETURN(p.writer_features, f.StringArray("writerFeatures"));
  return DeltaAction(std::move(p));
}

Result<DeltaAction> ParseTxn(const json& body) {
  Fields f("txn", body);
  TxnAction t;
  LH_ASSIGN_OR_RETURN(t.app_id, f.String("appId"));
  LH_ASSIGN_OR_RETURN(t.version, f.Int("version"));
  return DeltaAction(std::move(t));
}

// commitInfo is free-form ("Implementations are free to store any valid JSON"),
// so fields of an unexpected type are ignored rather than fatal.
Result<DeltaAction> ParseCommitInfo(const json& body) {
  CommitInfoAction c;
  auto integer = [&](const char* name) -> std::optional<int64_t> {
    auto it = body.find(name);
    if (it == body.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<int64_t>();
  };
  c.timestamp_ms = integer("timestamp");
  c.in_commit_timestamp_ms = integer("inCommitTimestamp");
  if (auto it = body.find("operation"); it != body.end() && it->is_string()) c.operation = it->get<std::string>();
  return DeltaAction(std::move(c));
}

Result<DeltaAction> ParseSidecar(const json& body) {
  Fields f("sidecar", body);
  SidecarAction s;
  LH_ASSIGN_OR_RETURN(s.path, f.String("path"));
  LH_ASSIGN_OR_RETURN(auto size, f.OptInt("sizeInBytes"));
  s.size_in_bytes = size.value_or(0);
  return DeltaAction(std::move(s));
}

Result<DeltaAction> ParseCheckpointMetadata(const json& body) {
  LH_ASSIGN_OR_RETURN(int64_t version, Fields("checkpointMetadata", body).Int("version"));
  return DeltaAction(CheckpointMetadataAction{version});
}

}  // namespace

std::string DeletionVectorRef::UniqueId() const {
  std::string id = storage_type + path_or_inline_dv;
  if (offset) id += "@" + std::to_string(*offset);
  return id;
}

Result<std::optional<DeltaAction>> ParseDeltaAction(const std::string& kind, const nlohmann::json& body) {
  using Parser = Result<DeltaAction> (*)(const json&);
  static const std::pair<const char*, Parser> kParsers[] = {
      {"add", ParseAdd},           {"remove", ParseRemove},   {"metaData", ParseMetadata},
      {"protocol", ParseProtocol}, {"txn", ParseTxn},         {"commitInfo", ParseCommitInfo},
      {"sidecar", ParseSidecar},   {"checkpointMetadata", ParseCheckpointMetadata},
  };
  for (const auto& [name, parse] : kParsers) {
    if (kind != name) continue;
    if (!body.is_object()) return Status::Corruption(kind + " action is not a JSON object");
    LH_ASSIGN_OR_RETURN(DeltaAction action, parse(body));
    return std::optional<DeltaAction>(std::move(action));
  }
  return std::optional<DeltaAction>();  // cdc, domainMetadata, or an action from a newer protocol
}

}  // namespace lakehouse
