// SpecReader: reads one YAML mapping into struct fields while tracking the
// YAML path, so each error says where it is, and rejecting unknown keys with
// a suggestion ("kafka.prot: unknown key; did you mean `port`?").
#pragma once

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <vector>

#include "common/status.h"

namespace lakehouse::internal {

class SpecReader {
 public:
  SpecReader(YAML::Node node, std::string path) : node_(std::move(node)), path_(std::move(path)) {}

  void String(const char* key, std::string* out);
  void Int(const char* key, int* out, int min, int max);
  void Bool(const char* key, bool* out);
  void StringList(const char* key, std::vector<std::string>* out);
  // The sub-mapping at `key` (an empty mapping if absent).
  SpecReader Child(const char* key);

  // Call after reading every known key: reports the first error, or an unknown key.
  Status Finish();

  const std::string& path() const { return path_; }

 private:
  std::string PathOf(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  void Fail(const std::string& key, const std::string& what);

  YAML::Node node_;
  std::string path_;
  std::set<std::string> known_;
  Status first_error_;
};

// The candidate nearest to `word` by edit distance, or "" if none is close.
std::string NearestWord(const std::string& word, const std::set<std::string>& candidates);

}  // namespace lakehouse::internal
