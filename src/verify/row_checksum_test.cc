#include "verify/row_checksum.h"

#include <gtest/gtest.h>

namespace lakehouse::verify {
namespace {

using V = std::vector<CanonicalValue>;

TEST(RowChecksumTest, EqualRowsHaveEqualDigests) {
  EXPECT_EQ(RowChecksum::Of({"1", "Hà Nội", std::nullopt}), RowChecksum::Of({"1", "Hà Nội", std::nullopt}));
  EXPECT_EQ(RowChecksum::Of({"1"}).column_fingerprints.size(), 1u);
}

TEST(RowChecksumTest, SeparatorsAreUnambiguous) {
  // Moving bytes between columns, NULL vs empty vs "NULL", and column count all change the checksum.
  const std::vector<V> rows = {
      {"ab", "c"}, {"a", "bc"}, {"abc", ""}, {"abc", std::nullopt}, {"abc", "NULL"}, {"abc"},
      {std::nullopt, "abc"}, {"", "abc"}, {std::nullopt}, {""}, {}, {std::nullopt, std::nullopt},
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t j = i + 1; j < rows.size(); ++j) {
      EXPECT_NE(RowChecksum::Of(rows[i]).checksum, RowChecksum::Of(rows[j]).checksum) << i << " vs " << j;
    }
  }
}

TEST(RowChecksumTest, BuilderIsReusable) {
  RowChecksum builder;
  builder.Add("x");
  builder.Add(std::nullopt);
  RowDigest first = builder.Finish();
  builder.Add("x");
  builder.Add(std::nullopt);
  EXPECT_EQ(builder.Finish(), first);
  EXPECT_EQ(builder.Finish(), RowChecksum::Of({}));
}

TEST(RowChecksumTest, FirstDifferingColumnIsNamedByIndex) {
  RowDigest a = RowChecksum::Of({"1", "12.50", "t"});
  EXPECT_EQ(FirstDifferingColumn(a, RowChecksum::Of({"1", "12.51", "f"})), 1);
  EXPECT_EQ(FirstDifferingColumn(a, RowChecksum::Of({"1", "12.50", std::nullopt})), 2);
  EXPECT_EQ(FirstDifferingColumn(a, a), -1);
  EXPECT_EQ(FirstDifferingColumn(a, RowChecksum::Of({"1", "12.50"})), -1);
}

TEST(RowChecksumTest, KeysEncodeUnambiguouslyAndDescribeReadably) {
  EXPECT_NE(EncodeKey({"1", "23"}), EncodeKey({"12", "3"}));
  EXPECT_NE(EncodeKey({std::nullopt}), EncodeKey({""}));
  EXPECT_EQ(DescribeKey({"id"}, EncodeKey({"42"})), "id=42");
  EXPECT_EQ(DescribeKey({"order_id", "line_no"}, EncodeKey({"7", "-2"})), "order_id=7, line_no=-2");
  EXPECT_EQ(DescribeKey({"code"}, EncodeKey({"Hà Nội"})), "code='Hà Nội'");
  EXPECT_EQ(DescribeKey({"code"}, EncodeKey({std::nullopt})), "code=NULL");
  EXPECT_EQ(DescribeKey({"id"}, std::string("\x01\x05", 2)).rfind("<undecodable key 0x0105", 0), 0u);
  // Shorter numeric keys sort first, so sorted encoded keys list in numeric order.
  EXPECT_LT(EncodeKey({"9"}), EncodeKey({"10"}));
}

}  // namespace
}  // namespace lakehouse::verify
