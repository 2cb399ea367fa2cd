#include "lake/s3_client.h"

#include <gtest/gtest.h>

namespace lakehouse {
namespace {

TEST(S3ClientTest, BuildsPathStyleUrlsWithCanonicalEncoding) {
  S3Client client({.endpoint = "http://127.0.0.1:8333/"});
  EXPECT_EQ(client.options().endpoint, "http://127.0.0.1:8333");
  EXPECT_EQ(client.Url("lakehouse", ""), "http://127.0.0.1:8333/lakehouse");
  EXPECT_EQ(client.Url("lakehouse", "bronze/orders/_delta_log/00000000000000000000.json"),
            "http://127.0.0.1:8333/lakehouse/bronze/orders/_delta_log/00000000000000000000.json");
  EXPECT_EQ(client.Url("lakehouse", "t/dt=2024-01-01/a b+c%.parquet"),
            "http://127.0.0.1:8333/lakehouse/t/dt%3D2024-01-01/a%20b%2Bc%25.parquet");
  EXPECT_EQ(client.Url("b", "", "list-type=2"), "http://127.0.0.1:8333/b?list-type=2");
}

TEST(S3ClientTest, UnreachableEndpointIsUnavailableAndNamesOperation) {
  // Port 1 on loopback: nothing listens there, so the connect is refused at once.
  S3Client client({.endpoint = "http://127.0.0.1:1", .access_key = "ak", .secret_key = "sk", .timeout_ms = 2000});
  Status s = client.PutObject("lakehouse", "x", "data");
  EXPECT_EQ(s.code(), StatusCode::kUnavailable) << s.ToString();
  EXPECT_NE(s.message().find("S3 PUT lakehouse/x at http://127.0.0.1:1"), std::string::npos) << s.ToString();
  EXPECT_EQ(client.GetObject("lakehouse", "x").status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(client.ListObjects("lakehouse", "p/").status().code(), StatusCode::kUnavailable);
}

TEST(S3ClientTest, RejectsKeysThatCannotBeAddressed) {
  S3Client client({.endpoint = "http://127.0.0.1:1"});
  EXPECT_EQ(client.GetObject("b", "a/../b").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(client.PutObject("b", "./a", "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(client.GetObject("b", "").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace lakehouse
