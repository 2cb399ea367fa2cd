#include "lake/s3_internal.h"

#include <gtest/gtest.h>

namespace lakehouse::s3_internal {
namespace {

TEST(UriEncodeTest, KeepsUnreservedAndOptionallySlash) {
  EXPECT_EQ(UriEncode("AZaz09-._~", true), "AZaz09-._~");
  EXPECT_EQ(UriEncode("a/b c", true), "a/b%20c");
  EXPECT_EQ(UriEncode("a/b c", false), "a%2Fb%20c");
}

TEST(UriEncodeTest, EncodesReservedAndUtf8BytesWithUpperCaseHex) {
  EXPECT_EQ(UriEncode("dt=2024-01-01/part+1&x", true), "dt%3D2024-01-01/part%2B1%26x");
  EXPECT_EQ(UriEncode("%", true), "%25");
  EXPECT_EQ(UriEncode("\xc3\xa9", true), "%C3%A9");  // é
  EXPECT_EQ(UriEncode(std::string("\x00\xff", 2), true), "%00%FF");
}

TEST(CanonicalQueryTest, SortsByNameAndEncodesValues) {
  EXPECT_EQ(CanonicalQuery({{"prefix", "t/_delta_log/"}, {"list-type", "2"}, {"continuation-token", "a+b=c/"}}),
            "continuation-token=a%2Bb%3Dc%2F&list-type=2&prefix=t%2F_delta_log%2F");
  EXPECT_EQ(CanonicalQuery({}), "");
}

TEST(XmlTest, UnescapesEntitiesAndCharacterReferences) {
  EXPECT_EQ(XmlUnescape("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"), "a & b <c> \"d\" 'e'");
  EXPECT_EQ(XmlUnescape("&#65;&#x42;&#xe9;"), "AB\xc3\xa9");
  // Malformed or unknown entities stay as they are.
  EXPECT_EQ(XmlUnescape("AT&T &bogus; &#xZZ; &"), "AT&T &bogus; &#xZZ; &");
}

TEST(XmlTest, FindsElementsWithAttributesSelfClosingAndSimilarNames) {
  std::string xml = "<R><Key>a</Key><KeyCount>2</KeyCount><Key attr=\"1\">b&amp;c</Key><Key/></R>";
  auto keys = XmlElements(xml, "Key");
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys[0], "a");
  EXPECT_EQ(keys[1], "b&amp;c");
  EXPECT_EQ(keys[2], "");
  EXPECT_EQ(XmlText(xml, "KeyCount"), "2");
  EXPECT_EQ(XmlText(xml, "Missing"), std::nullopt);
  // An unterminated element is ignored rather than read past the end.
  EXPECT_TRUE(XmlElements("<Key>abc", "Key").empty());
}

constexpr char kPage1[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>lakehouse</Name><Prefix>t/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>
  <IsTruncated>true</IsTruncated>
  <NextContinuationToken>tok&amp;1</NextContinuationToken>
  <Contents><Key>t/a &amp; b.json</Key><LastModified>2024-05-01T12:34:56.789Z</LastModified>
    <ETag>&quot;abc&quot;</ETag><Size>12</Size><StorageClass>STANDARD</StorageClass></Contents>
  <Contents><Key>t/&lt;weird&gt; &#x9;key</Key><LastModified>2024-05-01T12:34:57Z</LastModified><Size>0</Size></Contents>
</ListBucketResult>)";

TEST(ListObjectsV2Test, ParsesPageWithEscapedKeysAndToken) {
  auto page = ParseListObjectsV2(kPage1);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->objects.size(), 2u);
  EXPECT_EQ(page->objects[0].key, "t/a & b.json");
  EXPECT_EQ(page->objects[0].size, 12);
  EXPECT_EQ(page->objects[0].last_modified_ms, 1714566896789);
  EXPECT_EQ(page->objects[1].key, "t/<weird> \tkey");
  EXPECT_EQ(page->objects[1].last_modified_ms, 1714566897000);
  EXPECT_TRUE(page->truncated);
  EXPECT_EQ(page->next_continuation_token, "tok&1");
}

TEST(ListObjectsV2Test, LastPageAndEmptyListing) {
  auto page = ParseListObjectsV2(
      "<ListBucketResult><Name>b</Name><Prefix/><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated>"
      "</ListBucketResult>");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->objects.empty());
  EXPECT_FALSE(page->truncated);
}

TEST(ListObjectsV2Test, RejectsMalformedDocuments) {
  EXPECT_EQ(ParseListObjectsV2("<Error><Code>x</Code></Error>").status().code(), StatusCode::kCorruption);
  EXPECT_EQ(ParseListObjectsV2("<ListBucketResult><Contents><Size>1</Size></Contents></ListBucketResult>")
                .status()
                .code(),
            StatusCode::kCorruption);
  EXPECT_EQ(ParseListObjectsV2("<ListBucketResult><Contents><Key>k</Key><Size>x1</Size></Contents>"
                               "</ListBucketResult>")
                .status()
                .code(),
            StatusCode::kCorruption);
  EXPECT_EQ(ParseListObjectsV2("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")
                .status()
                .code(),
            StatusCode::kCorruption);
}

TEST(S3ErrorTest, ParsesCodeAndMessage) {
  auto error = ParseS3Error(
      "<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we "
      "calculated does not match &amp; so on</Message><Resource>/b/k</Resource></Error>");
  EXPECT_EQ(error.code, "SignatureDoesNotMatch");
  EXPECT_EQ(error.message, "The request signature we calculated does not match & so on");
  EXPECT_EQ(ParseS3Error("").code, "");
  EXPECT_EQ(ParseS3Error("<html>bad gateway</html>").code, "");
}

TEST(Iso8601Test, ParsesUtcWithAndWithoutFraction) {
  EXPECT_EQ(*ParseIso8601Ms("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*ParseIso8601Ms("1970-01-01T00:00:01.5Z"), 1500);
  EXPECT_EQ(*ParseIso8601Ms("1970-01-01T00:00:01.123456Z"), 1123);
  EXPECT_EQ(*ParseIso8601Ms("2000-02-29T23:59:59"), 951868799000);
  EXPECT_FALSE(ParseIso8601Ms("yesterday").ok());
  EXPECT_FALSE(ParseIso8601Ms("2024-05-01T12:34:56+02:00").ok());
}

}  // namespace
}  // namespace lakehouse::s3_internal
