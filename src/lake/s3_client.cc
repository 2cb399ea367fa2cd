#include "lake/s3_client.h"

#include "lake/s3_internal.h"

namespace lakehouse {
namespace {

bool IsSuccess(long status) { return status >= 200 && status < 300; }

const char* ReasonPhrase(long status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 416: return "Range Not Satisfiable";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "HTTP error";
  }
}

StatusCode CodeFor(long status) {
  if (status == 404) return StatusCode::kNotFound;
  if (status == 409) return StatusCode::kAlreadyExists;
  if (status == 401 || status == 403) return StatusCode::kFailedPrecondition;
  if (status >= 500) return StatusCode::kUnavailable;
  return StatusCode::kInvalidArgument;
}

// What to do next, for the errors a misconfigured pipeline actually meets.
std::string HintFor(const std::string& code, long status) {
  if (code == "SignatureDoesNotMatch") return " (check the S3 secret key against the server's identities)";
  if (code == "InvalidAccessKeyId") return " (check the S3 access key against the server's identities)";
  if (code == "AccessDenied") return " (the S3 identity lacks permission for this bucket or action)";
  if (code.empty() && (status == 401 || status == 403)) {
    return " (check the S3 access key, secret key and the identity's permissions)";
  }
  if (code == "NoSuchBucket") return " (create the bucket first)";
  return "";
}

// S3 object keys are arbitrary bytes, but curl removes "." and ".." path
// segments (RFC 3986) and a percent-encoded dot would be signed differently by
// the server, so such keys cannot be addressed reliably.
bool HasDotSegment(const std::string& key) {
  size_t start = 0;
  while (true) {
    size_t slash = key.find('/', start);
    std::string_view segment(key.data() + start, (slash == std::string::npos ? key.size() : slash) - start);
    if (segment == "." || segment == "..") return true;
    if (slash == std::string::npos) return false;
    start = slash + 1;
  }
}

}  // namespace

S3Client::S3Client(S3Options options) : options_(std::move(options)) {
  while (!options_.endpoint.empty() && options_.endpoint.back() == '/') options_.endpoint.pop_back();
}

std::string S3Client::Url(const std::string& bucket, const std::string& key, const std::string& query) const {
  std::string url = options_.endpoint + "/" + s3_internal::UriEncode(bucket, false);
  if (!key.empty()) url += "/" + s3_internal::UriEncode(key, true);
  if (!query.empty()) url += "?" + query;
  return url;
}

std::string S3Client::Where(const std::string& method, const std::string& bucket, const std::string& key) const {
  return "S3 " + method + " " + bucket + (key.empty() ? "" : "/" + key) + " at " + options_.endpoint;
}

Result<HttpResponse> S3Client::Send(const std::string& method, const std::string& bucket, const std::string& key,
                                    const std::string& query, const std::string& body) const {
  if (HasDotSegment(key)) {
    return Status::InvalidArgument(Where(method, bucket, key) + ": keys with '.' or '..' path segments are not supported");
  }
  HttpRequest request;
  request.method = method;
  request.url = Url(bucket, key, query);
  request.body = body;
  request.timeout_ms = options_.timeout_ms;
  // SigV4 needs the payload hash as a header (servers assume the empty-body hash
  // when it is missing); libcurl signs with the value given here.
  request.headers["x-amz-content-sha256"] = Sha256Hex(body);
  if (method == "PUT" && !key.empty()) request.headers["Content-Type"] = "application/octet-stream";
  if (!options_.access_key.empty()) {
    request.sigv4 = SigV4{options_.access_key, options_.secret_key, options_.region, "s3"};
  }
  auto response = HttpClient::Send(request);
  if (response.status().IsUnavailable()) {
    return Status::Unavailable(Where(method, bucket, key) + ": " + response.status().message() +
                               " (is the S3 server running and the endpoint right?)");
  }
  if (!response.ok()) return response.status().WithContext(Where(method, bucket, key));
  return response;
}

Status S3Client::ErrorFrom(const std::string& method, const std::string& bucket, const std::string& key,
                           const HttpResponse& response) const {
  s3_internal::S3Error error = s3_internal::ParseS3Error(response.body);
  std::string message = Where(method, bucket, key) + ": " + std::to_string(response.status) + " ";
  if (error.code.empty()) {
    message += ReasonPhrase(response.status);
  } else {
    message += error.code + (error.message.empty() ? "" : ": " + error.message);
  }
  message += HintFor(error.code, response.status);
  return Status(CodeFor(response.status), std::move(message));
}

Status S3Client::CreateBucket(const std::string& bucket) {
  std::string body;
  // AWS rejects a location-less create outside us-east-1; other servers ignore it.
  if (options_.region != "us-east-1") {
    body = "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>" +
           options_.region + "</LocationConstraint></CreateBucketConfiguration>";
  }
  LH_ASSIGN_OR_RETURN(HttpResponse response, Send("PUT", bucket, "", "", body));
  if (IsSuccess(response.status)) return Status::OK();
  s3_internal::S3Error error = s3_internal::ParseS3Error(response.body);
  if (error.code == "BucketAlreadyOwnedByYou") return Status::OK();
  // Some servers say BucketAlreadyExists even to the owner; if we can reach the
  // bucket, it is as good as created for our purposes.
  if (error.code == "BucketAlreadyExists" && HeadBucket(bucket).ok()) return Status::OK();
  return ErrorFrom("PUT", bucket, "", response);
}

Status S3Client::HeadBucket(const std::string& bucket) {
  LH_ASSIGN_OR_RETURN(HttpResponse response, Send("HEAD", bucket, "", "", ""));
  if (IsSuccess(response.status)) return Status::OK();
  return ErrorFrom("HEAD", bucket, "", response);
}

Status S3Client::DeleteBucket(const std::string& bucket) {
  LH_ASSIGN_OR_RETURN(HttpResponse response, Send("DELETE", bucket, "", "", ""));
  if (IsSuccess(response.status) || response.status == 404) return Status::OK();
  return ErrorFrom("DELETE", bucket, "", response);
}

Result<std::vector<ObjectInfo>> S3Client::ListObjects(const std::string& bucket, const std::string& prefix,
                                                      const std::string& start_after) {
  std::vector<ObjectInfo> objects;
  std::string token;
  while (true) {
    std::vector<std::pair<std::string, std::string>> params = {
        {"list-type", "2"}, {"max-keys", std::to_string(list_page_size_)}};
    if (!prefix.empty()) params.emplace_back("prefix", prefix);
    if (!start_after.empty()) params.emplace_back("start-after", start_after);
    if (!token.empty()) params.emplace_back("continuation-token", token);
    std::string query = s3_internal::CanonicalQuery(std::move(params));
    LH_ASSIGN_OR_RETURN(HttpResponse response, Send("GET", bucket, "", query, ""));
    if (!IsSuccess(response.status)) return ErrorFrom("LIST", bucket, prefix, response);
    auto page = s3_internal::ParseListObjectsV2(response.body);
    if (!page.ok()) return page.status().WithContext(Where("LIST", bucket, prefix));
    for (ObjectInfo& info : page->objects) objects.push_back(std::move(info));
    if (!page->truncated) break;
    if (page->next_continuation_token == token) {
      return Status::Corruption(Where("LIST", bucket, prefix) + ": server repeated continuation token " + token);
    }
    token = page->next_continuation_token;
  }
  return objects;
}

Result<std::string> S3Client::GetObject(const std::string& bucket, const std::string& key) {
  if (key.empty()) return Status::InvalidArgument(Where("GET", bucket, key) + ": empty object key");
  LH_ASSIGN_OR_RETURN(HttpResponse response, Send("GET", bucket, key, "", ""));
  if (!IsSuccess(response.status)) return ErrorFrom("GET", bucket, key, response);
  return std::move(response.body);
}

Status S3Client::PutObject(const std::string& bucket, const std::string& key, const std::string& data) {
  if (key.empty()) return Status::InvalidArgument(Where("PUT", bucket, key) + ": empty object key");
  LH_ASSIGN_OR_RETURN(HttpResponse response, Send("PUT", bucket, key, "", data));
  if (IsSuccess(response.status)) return Status::OK();
  return ErrorFrom("PUT", bucket, key, response);
}

Status S3Client::DeleteObject(const std::string& bucket, const std::string& key) {
  if (key.empty()) return Status::InvalidArgument(Where("DELETE", bucket, key) + ": empty object key");
  LH_ASSIGN_OR_RETURN(HttpResponse response, Send("DELETE", bucket, key, "", ""));
  // S3 answers 204 for a missing key too; a 404 here means the bucket is gone.
  if (IsSuccess(response.status)) return Status::OK();
  return ErrorFrom("DELETE", bucket, key, response);
}

}  // namespace lakehouse
