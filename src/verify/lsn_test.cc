#include "verify/lsn.h"

#include <gtest/gtest.h>

namespace lakehouse::verify {
namespace {

TEST(LsnTest, RoundTripsPgLsnText) {
  EXPECT_EQ(*ParseLsn("0/0"), 0u);
  EXPECT_EQ(*ParseLsn("16/B374D848"), (0x16ull << 32) | 0xB374D848ull);
  EXPECT_EQ(*ParseLsn("16/b374d848"), (0x16ull << 32) | 0xB374D848ull);
  EXPECT_EQ(FormatLsn((0x16ull << 32) | 0xB374D848ull), "16/B374D848");
  EXPECT_EQ(FormatLsn(*ParseLsn("FFFFFFFF/FFFFFFFF")), "FFFFFFFF/FFFFFFFF");
}

TEST(LsnTest, RejectsWhatIsNotAnLsn) {
  for (const char* bad : {"", "/", "16", "16/", "/1", "G/1", "1/2/3", "123456789/0", "1 /2"}) {
    auto r = ParseLsn(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace lakehouse::verify
