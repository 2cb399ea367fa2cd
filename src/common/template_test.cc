#include "common/template.h"

#include <gtest/gtest.h>

namespace lakehouse {
namespace {

TEST(TemplateTest, FillsPlaceholders) {
  auto out = RenderTemplate("port=${PORT}\nhost=${HOST}:${PORT} $x\n", {{"PORT", "9"}, {"HOST", "h"}}, "t");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "port=9\nhost=h:9 $x\n");
}

TEST(TemplateTest, LeavesOtherSubstitutionSyntaxAlone) {
  auto out = RenderTemplate("f=${sys:log.file:-x.log}\np=${file:${DIR}/s.properties:password}\n", {{"DIR", "/d"}}, "t");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "f=${sys:log.file:-x.log}\np=${file:/d/s.properties:password}\n");
}

TEST(TemplateTest, MissingValueNamesLine) {
  auto out = RenderTemplate("a\nb=${B}\n", {}, "server.properties");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(), "server.properties:2: no value for ${B}");
}

TEST(TemplateTest, UnusedValueIsAnError) {
  auto out = RenderTemplate("a=1\n", {{"A", "1"}}, "t");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(), "t: value for A is never used");
}


}  // namespace
}  // namespace lakehouse
