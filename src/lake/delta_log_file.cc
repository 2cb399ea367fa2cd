#include "lake/delta_log_file.h"

#include <cstdio>

namespace lakehouse {
namespace {

// Reads exactly `width` decimal digits at the front of *s.
std::optional<int64_t> ConsumeDigits(std::string_view* s, size_t width) {
  if (s->size() < width) return std::nullopt;
  int64_t value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = (*s)[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  s->remove_prefix(width);
  return value;
}

bool ConsumePrefix(std::string_view* s, std::string_view prefix) {
  if (s->substr(0, prefix.size()) != prefix) return false;
  s->remove_prefix(prefix.size());
  return true;
}

// 8-4-4-4-12 hex digits.
bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    char c = s[i];
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (dash ? c != '-' : !hex) return false;
  }
  return true;
}

std::optional<DeltaLogFile> ParseCheckpointSuffix(int64_t version, std::string_view rest) {
  DeltaLogFile file;
  file.version = version;
  if (rest == "parquet") {
    file.type = DeltaLogFileType::kCheckpoint;
    return file;
  }
  std::string_view parts = rest;
  auto part = ConsumeDigits(&parts, 10);
  if (part && ConsumePrefix(&parts, ".")) {
    auto num_parts = ConsumeDigits(&parts, 10);
    if (num_parts && parts == ".parquet" && *part >= 1 && *part <= *num_parts) {
      file.type = DeltaLogFileType::kMultiPartCheckpoint;
      file.part = static_cast<int>(*part);
      file.num_parts = static_cast<int>(*num_parts);
      return file;
    }
    return std::nullopt;
  }
  size_t dot = rest.rfind('.');
  if (dot == std::string_view::npos || !IsUuid(rest.substr(0, dot))) return std::nullopt;
  std::string_view ext = rest.substr(dot + 1);
  if (ext != "json" && ext != "parquet") return std::nullopt;
  file.type = DeltaLogFileType::kUuidCheckpoint;
  file.json = ext == "json";
  return file;
}

}  // namespace

std::optional<DeltaLogFile> ParseDeltaLogFileName(std::string_view name) {
  if (name == kDeltaLastCheckpointFileName) return DeltaLogFile{.type = DeltaLogFileType::kLastCheckpoint};
  std::string_view rest = name;
  auto version = ConsumeDigits(&rest, 20);
  if (!version || !ConsumePrefix(&rest, ".")) return std::nullopt;
  if (rest == "json") return DeltaLogFile{.type = DeltaLogFileType::kCommit, .version = *version};
  if (rest == "crc") return DeltaLogFile{.type = DeltaLogFileType::kChecksum, .version = *version};
  if (ConsumePrefix(&rest, "checkpoint.")) return ParseCheckpointSuffix(*version, rest);
  auto end_version = ConsumeDigits(&rest, 20);
  if (end_version && rest == ".compacted.json" && *end_version > *version) {
    return DeltaLogFile{.type = DeltaLogFileType::kCompaction, .version = *version, .end_version = *end_version};
  }
  return std::nullopt;
}

std::string DeltaVersionPrefix(int64_t version) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%020lld", static_cast<long long>(version));
  return buf;
}

std::string DeltaCommitFileName(int64_t version) { return DeltaVersionPrefix(version) + ".json"; }

std::string DeltaCheckpointFileName(int64_t version) { return DeltaVersionPrefix(version) + ".checkpoint.parquet"; }

std::string DeltaMultiPartCheckpointFileName(int64_t version, int part, int num_parts) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), ".checkpoint.%010d.%010d.parquet", part, num_parts);
  return DeltaVersionPrefix(version) + buf;
}

}  // namespace lakehouse
