// S3Client: a small blocking client for a plain S3 endpoint (SeaweedFS, MinIO,
// AWS) over HttpClient, with SigV4 signing done by libcurl.
//
// Requests use path-style URLs (`<endpoint>/<bucket>/<key>`), which every
// S3-compatible server accepts without DNS tricks. Each call is one or more
// independent HTTP requests and the client keeps no connection state, so one
// S3Client may be shared between threads.
//
// Errors name the operation, the bucket/key and the endpoint, and carry the S3
// error code and message from the response body, e.g.
//   "S3 PUT lakehouse/x at http://127.0.0.1:8333: 403 SignatureDoesNotMatch: ..."
// Status codes: NotFound (404: no such bucket/key), AlreadyExists (409 on a
// bucket that belongs to someone else), FailedPrecondition (401/403: check the
// credentials), InvalidArgument (other 4xx, or a key S3 cannot address),
// Unavailable (5xx, or the endpoint is unreachable), Timeout, Corruption (a
// response we cannot parse).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/http_client.h"
#include "lake/object_store.h"

namespace lakehouse {

struct S3Options {
  // "http://host:port" (a trailing '/' is ignored). REQUIRED.
  std::string endpoint;
  // Signing region. S3-compatible servers accept any value; AWS needs the real one.
  std::string region = "us-east-1";
  // Credentials. When access_key is empty, requests are sent unsigned (a server
  // without identities, e.g. SeaweedFS started without -s3.config).
  std::string access_key;
  std::string secret_key;
  // Per-request limit; a large GetObject/PutObject must fit in it.
  int timeout_ms = 30000;
};

class S3Client : public ObjectStore {
 public:
  explicit S3Client(S3Options options);

  // Creates `bucket`. Idempotent: a bucket that already exists and that we can
  // access (BucketAlreadyOwnedByYou, or BucketAlreadyExists followed by a
  // successful HeadBucket) is OK.
  Status CreateBucket(const std::string& bucket);
  // OK if the bucket exists and is accessible; NotFound if it does not exist.
  Status HeadBucket(const std::string& bucket);
  // Removes an empty bucket; a missing bucket is OK. A non-empty one is an error
  // (409 BucketNotEmpty), as in S3.
  Status DeleteBucket(const std::string& bucket);

  // ObjectStore. ListObjects follows ListObjectsV2 continuation tokens until
  // the listing is complete. PutObject sends x-amz-content-sha256 = hex SHA-256
  // of the body. Keys with "." or ".." path segments are InvalidArgument (URL
  // normalisation would change them in flight).
  Result<std::vector<ObjectInfo>> ListObjects(const std::string& bucket, const std::string& prefix,
                                              const std::string& start_after = "") override;
  Result<std::string> GetObject(const std::string& bucket, const std::string& key) override;
  Status PutObject(const std::string& bucket, const std::string& key, const std::string& data) override;
  Status DeleteObject(const std::string& bucket, const std::string& key) override;

  // The path-style URL of bucket/key with an already-canonical query
  // (s3_internal::CanonicalQuery); `key` may be empty for bucket requests.
  std::string Url(const std::string& bucket, const std::string& key, const std::string& query = "") const;

  const S3Options& options() const { return options_; }

  // Max keys per ListObjectsV2 page (S3's limit is 1000); tests lower it to
  // exercise continuation tokens.
  void TEST_SetListPageSize(int keys) { list_page_size_ = keys; }

 private:
  Result<HttpResponse> Send(const std::string& method, const std::string& bucket, const std::string& key,
                            const std::string& query, const std::string& body) const;
  // The error Status for a non-2xx response to `method` on bucket[/key].
  Status ErrorFrom(const std::string& method, const std::string& bucket, const std::string& key,
                   const HttpResponse& response) const;
  std::string Where(const std::string& method, const std::string& bucket, const std::string& key) const;

  S3Options options_;
  int list_page_size_ = 1000;
};

}  // namespace lakehouse
