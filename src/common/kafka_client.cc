#include "common/kafka_client.h"

#include <librdkafka/rdkafka.h>

#include <memory>

namespace lakehouse {
namespace {

struct HandleDeleter {
  void operator()(rd_kafka_t* rk) const { rd_kafka_destroy(rk); }
};
using Handle = std::unique_ptr<rd_kafka_t, HandleDeleter>;

struct DeliveryState {
  rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR__IN_PROGRESS;
};

void OnDelivery(rd_kafka_t*, const rd_kafka_message_t* message, void* opaque) {
  auto* state = static_cast<DeliveryState*>(message->_private ? message->_private : opaque);
  state->err = message->err;
}

Result<Handle> MakeProducer(const std::string& bootstrap, bool with_delivery_callback) {
  char errstr[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  auto set = [&](const char* key, const std::string& value) -> Status {
    if (rd_kafka_conf_set(conf, key, value.c_str(), errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
      return Status::InvalidArgument(std::string("librdkafka ") + key + ": " + errstr);
    }
    return Status::OK();
  };
  Status s = set("bootstrap.servers", bootstrap);
  if (s.ok()) s = set("log_level", "0");  // errors come back as values; keep stderr clean
  if (s.ok()) s = set("enable.idempotence", "true");
  if (!s.ok()) {
    rd_kafka_conf_destroy(conf);
    return s;
  }
  if (with_delivery_callback) rd_kafka_conf_set_dr_msg_cb(conf, OnDelivery);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
  if (rk == nullptr) return Status::Internal(std::string("librdkafka: ") + errstr);
  return Handle(rk);
}

}  // namespace

Status KafkaClient::CheckReady(int timeout_ms) const {
  LH_ASSIGN_OR_RETURN(Handle rk, MakeProducer(bootstrap_, false));
  const rd_kafka_metadata_t* metadata = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk.get(), 0, nullptr, &metadata, timeout_ms);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status::Unavailable("Kafka at " + bootstrap_ + " does not answer metadata requests: " + rd_kafka_err2str(err));
  }
  bool has_broker = metadata->broker_cnt > 0;
  rd_kafka_metadata_destroy(metadata);
  if (!has_broker) return Status::Unavailable("Kafka at " + bootstrap_ + " reports no brokers yet");
  return Status::OK();
}

Result<std::vector<TopicInfo>> KafkaClient::ListTopics(int timeout_ms) const {
  LH_ASSIGN_OR_RETURN(Handle rk, MakeProducer(bootstrap_, false));
  const rd_kafka_metadata_t* metadata = nullptr;
  rd_kafka_resp_err_t err = rd_kafka_metadata(rk.get(), 1, nullptr, &metadata, timeout_ms);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status::Unavailable("Kafka at " + bootstrap_ + ": cannot list topics: " + rd_kafka_err2str(err));
  }
  std::vector<TopicInfo> topics;
  for (int i = 0; i < metadata->topic_cnt; ++i) {
    const auto& t = metadata->topics[i];
    TopicInfo info{t.topic, t.partition_cnt, 0};
    for (int p = 0; p < t.partition_cnt; ++p) {
      int64_t low = 0, high = 0;
      if (rd_kafka_query_watermark_offsets(rk.get(), t.topic, t.partitions[p].id, &low, &high, timeout_ms) ==
          RD_KAFKA_RESP_ERR_NO_ERROR) {
        info.end_offsets_sum += high;
      }
    }
    topics.push_back(std::move(info));
  }
  rd_kafka_metadata_destroy(metadata);
  return topics;
}

Status KafkaClient::Produce(const std::string& topic, const std::optional<std::string>& key,
                            const std::optional<std::string>& value, int timeout_ms) const {
  // Topics are never auto-created here: without this check a message to a
  // missing topic would wait out librdkafka's five-minute message timeout.
  LH_ASSIGN_OR_RETURN(auto topics, ListTopics(timeout_ms));
  bool exists = false;
  for (const auto& t : topics) exists = exists || t.name == topic;
  if (!exists) return Status::NotFound("topic " + topic + " does not exist at " + bootstrap_);
  LH_ASSIGN_OR_RETURN(Handle rk, MakeProducer(bootstrap_, true));
  DeliveryState state;
  // The librdkafka macros cast their arguments, so pass plain variables.
  void* key_data = key ? const_cast<char*>(key->data()) : nullptr;
  size_t key_size = key ? key->size() : 0;
  void* value_data = value ? const_cast<char*>(value->data()) : nullptr;
  size_t value_size = value ? value->size() : 0;
  rd_kafka_resp_err_t err = rd_kafka_producev(
      rk.get(), RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_KEY(key_data, key_size),
      RD_KAFKA_V_VALUE(value_data, value_size),
      RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_OPAQUE(&state), RD_KAFKA_V_END);
  if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status::Internal("cannot produce to " + topic + " at " + bootstrap_ + ": " + rd_kafka_err2str(err));
  }
  rd_kafka_flush(rk.get(), timeout_ms);
  if (state.err == RD_KAFKA_RESP_ERR__IN_PROGRESS) {
    return Status::Timeout("no acknowledgement from " + bootstrap_ + " for a message to " + topic);
  }
  if (state.err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return Status::Internal("message to " + topic + " failed: " + rd_kafka_err2str(state.err));
  }
  return Status::OK();
}

}  // namespace lakehouse
