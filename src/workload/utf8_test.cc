#include "workload/utf8.h"

#include <gtest/gtest.h>

namespace lakehouse::workload {
namespace {

TEST(Utf8Test, AcceptsVietnameseText) {
  EXPECT_TRUE(IsValidUtf8("Thành phố Hồ Chí Minh"));
  EXPECT_TRUE(IsValidUtf8("Đặng Thị Ánh Tuyết — Cà phê sữa đá ☕ 𝄞"));
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8Test, RejectsMalformedSequences) {
  EXPECT_FALSE(IsValidUtf8("\x80"));                  // stray continuation byte
  EXPECT_FALSE(IsValidUtf8("Ph\xE1\xBB"));            // truncated 3-byte sequence ("ở" cut short)
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));          // UTF-16 surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE1\x28\xA1"));          // bad continuation
}

TEST(Utf8Test, AsciiFoldStripsVietnameseDiacritics) {
  EXPECT_EQ(AsciiFold("Đặng Thị Ánh"), "Dang Thi Anh");
  EXPECT_EQ(AsciiFold("Nguyễn Hữu Phước"), "Nguyen Huu Phuoc");
  EXPECT_EQ(AsciiFold("Huỳnh Ỷ Lan"), "Huynh Y Lan");
  EXPECT_EQ(AsciiFold("đường Võ Thị Sáu"), "duong Vo Thi Sau");
  EXPECT_EQ(AsciiFold("plain ascii 123"), "plain ascii 123");
  EXPECT_EQ(AsciiFold("café ☕"), "cafe ");  // unknown symbols are dropped
}

TEST(Utf8Test, HasNonAscii) {
  EXPECT_TRUE(HasNonAscii("Hà Nội"));
  EXPECT_FALSE(HasNonAscii("Ha Noi"));
}

}  // namespace
}  // namespace lakehouse::workload
