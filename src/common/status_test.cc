#include "common/status.h"

#include <gtest/gtest.h>

#include "common/result.h"

namespace lakehouse {
namespace {

Result<int> ParsePositive(int x) {
  if (x <= 0) return Status::InvalidArgument("not positive: " + std::to_string(x));
  return x;
}

Result<int> Doubled(int x) {
  LH_ASSIGN_OR_RETURN(int v, ParsePositive(x));
  return 2 * v;
}

Status Check(int x) {
  LH_RETURN_IF_ERROR(ParsePositive(x).status());
  return Status::OK();
}

TEST(StatusTest, OkAndErrorsPrintTheirCode) {
  EXPECT_EQ(Status::OK().ToString(), "OK");
  EXPECT_EQ(Status::NotFound("table x").ToString(), "NotFound: table x");
  EXPECT_TRUE(Status::Timeout("t").IsTimeout());
}

TEST(StatusTest, WithContextPrefixesOnlyErrors) {
  EXPECT_TRUE(Status::OK().WithContext("kafka").ok());
  EXPECT_EQ(Status::IOError("disk").WithContext("kafka").message(), "kafka: disk");
}

TEST(ResultTest, MacrosPropagate) {
  EXPECT_EQ(*Doubled(4), 8);
  EXPECT_EQ(Doubled(-1).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Check(3).ok());
  EXPECT_FALSE(Check(0).ok());
}

TEST(ResultTest, OkStatusIsNotAValue) {
  Result<int> r(Status::OK());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace lakehouse
