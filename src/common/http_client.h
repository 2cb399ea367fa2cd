// HttpClient: a small blocking HTTP/1.1 client over libcurl.
//
// Used for Kafka Connect's REST API, readiness probes and, with SigV4 signing,
// the S3 API. One call is one request; a client object holds no connection
// state, so it may be shared between threads.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "common/result.h"

namespace lakehouse {

// AWS Signature Version 4 parameters (libcurl signs the request itself).
struct SigV4 {
  std::string access_key;
  std::string secret_key;
  std::string region = "us-east-1";
  std::string service = "s3";
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::map<std::string, std::string> headers;
  std::string body;
  int timeout_ms = 10000;
  std::optional<SigV4> sigv4;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased
};

class HttpClient {
 public:
  // Transport failures (refused, timed out) are errors naming the URL; any HTTP
  // status, 4xx and 5xx included, is a successful Result for the caller to judge.
  static Result<HttpResponse> Send(const HttpRequest& request);

  static Result<HttpResponse> Get(const std::string& url, int timeout_ms = 10000);
  // Sends `json` with Content-Type: application/json.
  static Result<HttpResponse> SendJson(const std::string& method, const std::string& url, const std::string& json,
                                       int timeout_ms = 10000);
};

// Lower-case hex SHA-256 of `data` (S3's x-amz-content-sha256).
std::string Sha256Hex(const std::string& data);

}  // namespace lakehouse
