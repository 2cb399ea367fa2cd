#include "config/spec_reader_internal.h"

#include <algorithm>

namespace lakehouse::internal {

void SpecReader::Fail(const std::string& key, const std::string& what) {
  if (first_error_.ok()) first_error_ = Status::InvalidArgument(PathOf(key) + ": " + what);
}

void SpecReader::String(const char* key, std::string* out) {
  known_.insert(key);
  if (!node_ || !node_[key]) return;
  const YAML::Node value = node_[key];
  if (!value.IsScalar()) return Fail(key, "must be a string");
  *out = value.as<std::string>();
  if (out->empty()) Fail(key, "must not be empty");
}

void SpecReader::Int(const char* key, int* out, int min, int max) {
  known_.insert(key);
  if (!node_ || !node_[key]) return;
  const YAML::Node value = node_[key];
  int parsed = 0;
  if (!value.IsScalar() || !YAML::convert<int>::decode(value, parsed)) {
    return Fail(key, "must be an integer, got `" + (value.IsScalar() ? value.Scalar() : "a non-scalar") + "`");
  }
  if (parsed < min || parsed > max) {
    return Fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                         std::to_string(parsed));
  }
  *out = parsed;
}

void SpecReader::Bool(const char* key, bool* out) {
  known_.insert(key);
  if (!node_ || !node_[key]) return;
  bool parsed = false;
  if (!node_[key].IsScalar() || !YAML::convert<bool>::decode(node_[key], parsed)) {
    return Fail(key, "must be true or false");
  }
  *out = parsed;
}

void SpecReader::StringList(const char* key, std::vector<std::string>* out) {
  known_.insert(key);
  if (!node_ || !node_[key]) return;
  const YAML::Node value = node_[key];
  if (!value.IsSequence()) return Fail(key, "must be a list of strings");
  out->clear();
  for (size_t i = 0; i < value.size(); ++i) {
    if (!value[i].IsScalar() || value[i].Scalar().empty()) {
      return Fail(std::string(key) + "[" + std::to_string(i) + "]", "must be a non-empty string");
    }
    out->push_back(value[i].Scalar());
  }
}

SpecReader SpecReader::Child(const char* key) {
  known_.insert(key);
  YAML::Node child;
  if (node_ && node_[key]) {
    child = node_[key];
    if (!child.IsMap()) Fail(key, "must be a mapping");
  }
  return SpecReader(child.IsMap() ? child : YAML::Node(YAML::NodeType::Map), PathOf(key));
}

Status SpecReader::Finish() {
  LH_RETURN_IF_ERROR(first_error_);
  if (!node_ || !node_.IsMap()) return Status::OK();
  for (const auto& entry : node_) {
    const std::string key = entry.first.as<std::string>();
    if (known_.count(key)) continue;
    std::string message = "unknown key";
    std::string near = NearestWord(key, known_);
    if (!near.empty()) message += "; did you mean `" + near + "`?";
    return Status::InvalidArgument(PathOf(key) + ": " + message);
  }
  return Status::OK();
}

std::string NearestWord(const std::string& word, const std::set<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    // Levenshtein distance, one row at a time.
    std::vector<size_t> row(candidate.size() + 1);
    for (size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= word.size(); ++i) {
      size_t diagonal = row[0];
      row[0] = i;
      for (size_t j = 1; j <= candidate.size(); ++j) {
        size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] == candidate[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    if (row[candidate.size()] < best_distance) {
      best_distance = row[candidate.size()];
      best = candidate;
    }
  }
  return best;
}

}  // namespace lakehouse::internal
