// Credentials: the secrets of one install, kept in a KEY=VALUE file of mode 0600.
//
// Generated on the first `up` and never committed anywhere. Keys:
//   SOURCE_USER / SOURCE_PASSWORD      the source database's application user
//   CDC_USER / CDC_PASSWORD            the replication user Debezium connects as
//   AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY   the object store's keys
// With an external object store (s3.embedded: false) the user writes the AWS_*
// lines; they are never generated then.
#pragma once

#include <map>
#include <string>

#include "common/env.h"
#include "config/pipeline_spec.h"

namespace lakehouse {

class Credentials {
 public:
  // Loads `path`, adding any missing generated key (and writing the file back,
  // mode 0600). Fails if the file has a mode wider than 0600.
  static Result<Credentials> LoadOrCreate(Env* env, const std::string& path, const PipelineSpec& spec);
  // Loads `path` without creating anything.
  static Result<Credentials> Load(Env* env, const std::string& path);
  // Parses KEY=VALUE lines; '#' starts a comment line.
  static Result<Credentials> Parse(const std::string& text, const std::string& origin);

  // The value of `key`, or NotFound naming the key and the file.
  Result<std::string> Get(const std::string& key) const;
  const std::map<std::string, std::string>& values() const { return values_; }
  std::string Serialize() const;

 private:
  std::map<std::string, std::string> values_;
  std::string origin_;
};

// `length` characters from [A-Za-z0-9], drawn from Env::RandomBytes.
Result<std::string> RandomToken(Env* env, size_t length);

}  // namespace lakehouse
