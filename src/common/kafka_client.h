// KafkaClient: the few broker operations the CLI needs, over librdkafka.
//
// Readiness (a metadata round-trip), topic listing with partition counts and
// end offsets, and producing raw messages (tests use it to inject malformed
// input). One instance per thread; each call opens and closes its own handle,
// which is fine at CLI rates.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace lakehouse {

struct TopicInfo {
  std::string name;
  int partitions = 0;
  int64_t end_offsets_sum = 0;  // sum of high watermarks: messages ever written (minus retention)
};

class KafkaClient {
 public:
  explicit KafkaClient(std::string bootstrap) : bootstrap_(std::move(bootstrap)) {}

  // OK once a broker answers a metadata request within timeout_ms.
  Status CheckReady(int timeout_ms) const;
  Result<std::vector<TopicInfo>> ListTopics(int timeout_ms) const;
  // Produces one message (a null value when `value` is nullopt) and waits for the ack.
  Status Produce(const std::string& topic, const std::optional<std::string>& key,
                 const std::optional<std::string>& value, int timeout_ms) const;

 private:
  std::string bootstrap_;
};

}  // namespace lakehouse
