#include "verify/pg_array_text.h"

#include <gtest/gtest.h>

namespace lakehouse::verify {
namespace {

PgArrayNode Leaf(std::optional<std::string> text) { return PgArrayNode{false, std::move(text), {}}; }
PgArrayNode List(std::vector<PgArrayNode> items) { return PgArrayNode{true, std::nullopt, std::move(items)}; }

TEST(PgArrayTextTest, ParsesFlatArrays) {
  EXPECT_EQ(*ParsePgArray("{}"), List({}));
  EXPECT_EQ(*ParsePgArray("{1,2,3}"), List({Leaf("1"), Leaf("2"), Leaf("3")}));
  EXPECT_EQ(*ParsePgArray("{a,NULL,null,\"NULL\",\"\"}"),
            List({Leaf("a"), Leaf(std::nullopt), Leaf(std::nullopt), Leaf("NULL"), Leaf("")}));
}

TEST(PgArrayTextTest, HonoursQuotesEscapesAndSpaces) {
  EXPECT_EQ(*ParsePgArray(R"({"a b","c,d","say \"hi\"","back\\slash"})"),
            List({Leaf("a b"), Leaf("c,d"), Leaf("say \"hi\""), Leaf("back\\slash")}));
  EXPECT_EQ(*ParsePgArray("{ a , b c ,\"  d \" }"), List({Leaf("a"), Leaf("b c"), Leaf("  d ")}));
  EXPECT_EQ(*ParsePgArray(R"({a\,b})"), List({Leaf("a,b")}));
  EXPECT_EQ(*ParsePgArray("{\"Hà Nội\",\"phở 🍜\"}"), List({Leaf("Hà Nội"), Leaf("phở 🍜")}));
}

TEST(PgArrayTextTest, ParsesNestedArraysAndDropsBounds) {
  EXPECT_EQ(*ParsePgArray("{{1,2},{3,NULL}}"),
            List({List({Leaf("1"), Leaf("2")}), List({Leaf("3"), Leaf(std::nullopt)})}));
  EXPECT_EQ(*ParsePgArray("[0:1]={7,8}"), List({Leaf("7"), Leaf("8")}));
}

TEST(PgArrayTextTest, RejectsMalformedLiterals) {
  for (const char* bad : {"", "1,2", "{1,2", "{1,,2}", "{\"a}", "{1}x", "{a{b}}", "{1,}"}) {
    auto r = ParsePgArray(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find(bad), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace lakehouse::verify
