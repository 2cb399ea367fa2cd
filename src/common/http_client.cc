#include "common/http_client.h"

#include <curl/curl.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>

namespace lakehouse {
namespace {

void EnsureCurlInitialized() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t AppendBody(char* data, size_t size, size_t nmemb, void* out) {
  static_cast<std::string*>(out)->append(data, size * nmemb);
  return size * nmemb;
}

size_t AppendHeader(char* data, size_t size, size_t nmemb, void* out) {
  std::string line(data, size * nmemb);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    auto first = value.find_first_not_of(" \t");
    auto last = value.find_last_not_of(" \t\r\n");
    value = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return size * nmemb;
}

}  // namespace

Result<HttpResponse> HttpClient::Send(const HttpRequest& request) {
  EnsureCurlInitialized();
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return Status::Internal("curl_easy_init failed");
  HttpResponse response;
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  // Without this, curl sends "Expect: 100-continue" on large bodies and waits.
  // Not with SigV4: curl 7.88 signs the emptied header yet does not send it,
  // and every signed request then fails with SignatureDoesNotMatch.
  if (!request.sigv4) headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout_ms));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(request.timeout_ms, 5000)));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  if (request.method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!request.body.empty() || request.method == "PUT" || request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  std::string sigv4_provider;
  std::string userpwd;
  if (request.sigv4) {
    sigv4_provider = "aws:amz:" + request.sigv4->region + ":" + request.sigv4->service;
    userpwd = request.sigv4->access_key + ":" + request.sigv4->secret_key;
    curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, sigv4_provider.c_str());
    curl_easy_setopt(curl, CURLOPT_USERPWD, userpwd.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    return Status::Timeout(request.method + " " + request.url + " timed out after " +
                           std::to_string(request.timeout_ms) + " ms");
  }
  if (rc != CURLE_OK) {
    return Status::Unavailable(request.method + " " + request.url + ": " + curl_easy_strerror(rc));
  }
  return response;
}

Result<HttpResponse> HttpClient::Get(const std::string& url, int timeout_ms) {
  HttpRequest request;
  request.url = url;
  request.timeout_ms = timeout_ms;
  return Send(request);
}

Result<HttpResponse> HttpClient::SendJson(const std::string& method, const std::string& url, const std::string& json,
                                          int timeout_ms) {
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.body = json;
  request.timeout_ms = timeout_ms;
  request.headers["Content-Type"] = "application/json";
  request.headers["Accept"] = "application/json";
  return Send(request);
}

std::string Sha256Hex(const std::string& data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  std::string hex;
  hex.reserve(2 * SHA256_DIGEST_LENGTH);
  char buf[3];
  for (unsigned char b : digest) {
    std::snprintf(buf, sizeof(buf), "%02x", b);
    hex += buf;
  }
  return hex;
}

}  // namespace lakehouse
