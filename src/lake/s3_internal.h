// Private helpers of S3Client: SigV4-style URI encoding, a minimal XML reader
// for the few S3 responses we parse, and ISO-8601 timestamps. Not part of the
// module's API; only s3_client.cc and tests include this.
//
// The XML reader is deliberately tiny: S3 responses are flat, machine-written
// documents without CDATA, comments or namespace prefixes, and text inside them
// is entity-escaped, so a raw "<Tag>" can never occur inside a value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "lake/object_store.h"

namespace lakehouse::s3_internal {

// AWS SigV4 "UriEncode": every byte except the unreserved A-Z a-z 0-9 - . _ ~
// becomes %XX with upper-case hex. '/' is kept when `keep_slash` (object keys in
// the canonical URI) and encoded otherwise (query names and values).
std::string UriEncode(std::string_view s, bool keep_slash);

// "name=value&..." sorted by encoded name, as SigV4's canonical query string
// wants it; sending the query already in canonical form keeps client and
// server signatures equal whatever the HTTP library does with the URL.
std::string CanonicalQuery(std::vector<std::pair<std::string, std::string>> params);

// XML text with the five predefined entities and numeric character references
// (&#NN; &#xHH;) replaced. An unknown or malformed entity is kept verbatim.
std::string XmlUnescape(std::string_view s);

// The raw (still escaped) content of every <tag>...</tag> or <tag .../> in
// `xml`, in document order. Elements of the same name must not nest (true of
// every S3 element we read).
std::vector<std::string_view> XmlElements(std::string_view xml, std::string_view tag);

// The unescaped text of the first <tag> element, if any.
std::optional<std::string> XmlText(std::string_view xml, std::string_view tag);

// One page of a ListObjectsV2 response.
struct ListPage {
  std::vector<ObjectInfo> objects;
  bool truncated = false;
  std::string next_continuation_token;  // set when truncated
};

// Parses <ListBucketResult>. Corruption if it is not one, or a <Contents> entry
// lacks a Key, has a bad Size or LastModified, or a truncated page has no token.
Result<ListPage> ParseListObjectsV2(std::string_view xml);

// Code and Message of an S3 <Error> document; empty strings when the body is
// not one (HEAD responses have no body at all).
struct S3Error {
  std::string code;
  std::string message;
};
S3Error ParseS3Error(std::string_view xml);

// "2024-05-01T12:34:56.789Z" (fraction and 'Z' optional; UTC assumed) to
// milliseconds since the epoch.
Result<int64_t> ParseIso8601Ms(std::string_view s);

}  // namespace lakehouse::s3_internal
