#include "verify/civil_time.h"

#include <gtest/gtest.h>

namespace lakehouse::verify {
namespace {

int64_t Days(std::string_view text) {
  auto r = ParsePgDate(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  return r.ok() && std::holds_alternative<int64_t>(*r) ? std::get<int64_t>(*r) : INT64_MIN;
}
int64_t Micros(std::string_view text) {
  auto r = ParsePgTimestamp(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  return r.ok() && std::holds_alternative<int64_t>(*r) ? std::get<int64_t>(*r) : INT64_MIN;
}

TEST(CivilTimeTest, DaysFromCivilMatchesKnownDates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2024, 2, 29), 19782);
  EXPECT_EQ(DaysFromCivil(9999, 12, 31), 2932896);
  EXPECT_EQ(DaysFromCivil(1, 1, 1), -719162);
  EXPECT_EQ(DaysFromCivil(0, 12, 31), -719163);  // 1 BC
}

TEST(CivilTimeTest, ParsesIsoDates) {
  EXPECT_EQ(Days("1970-01-01"), 0);
  EXPECT_EQ(Days("1969-12-31"), -1);
  EXPECT_EQ(Days("1900-03-01"), DaysFromCivil(1900, 3, 1));
  EXPECT_EQ(Days("9999-12-31"), 2932896);
  EXPECT_EQ(Days("12345-06-07"), DaysFromCivil(12345, 6, 7));
  EXPECT_EQ(Days("0001-12-31 BC"), DaysFromCivil(0, 12, 31));
  EXPECT_EQ(Days("0044-03-15 BC"), DaysFromCivil(-43, 3, 15));
  EXPECT_EQ(std::get<Infinity>(*ParsePgDate("infinity")), Infinity::kPositive);
  EXPECT_EQ(std::get<Infinity>(*ParsePgDate("-infinity")), Infinity::kNegative);
}

TEST(CivilTimeTest, ParsesIsoTimestamps) {
  EXPECT_EQ(Micros("1970-01-01 00:00:00"), 0);
  EXPECT_EQ(Micros("1970-01-01 00:00:00+00"), 0);
  EXPECT_EQ(Micros("1970-01-01 00:00:01.5+00"), 1'500'000);
  EXPECT_EQ(Micros("1970-01-01 00:00:00.000001"), 1);
  EXPECT_EQ(Micros("1969-12-31 23:59:59.999999+00"), -1);
  EXPECT_EQ(Micros("2024-01-15 10:30:00.123456+00"), 1705314600123456);
  EXPECT_EQ(Micros("2024-01-15 17:30:00.123456+07"), 1705314600123456);
  EXPECT_EQ(Micros("2024-01-15 03:00:00.123456-07:30"), 1705314600123456);
  EXPECT_EQ(Micros("1900-01-01 07:06:40+07:06:40"), DaysFromCivil(1900, 1, 1) * 86'400'000'000);
  EXPECT_EQ(Micros("9999-12-31 23:59:59.999999+00"), 253402300799999999);
  EXPECT_EQ(Micros("0001-01-01 00:00:00+00 BC"), DaysFromCivil(0, 1, 1) * 86'400'000'000);
  EXPECT_EQ(std::get<Infinity>(*ParsePgTimestamp("-infinity")), Infinity::kNegative);
}

TEST(CivilTimeTest, RejectsOtherStyles) {
  for (const char* bad : {"", "2024-1-15", "01/15/2024", "2024-13-01", "2024-01-15T10:00:00", "0000-01-01",
                          "2024-01-15 10:00", "2024-01-15 10:00:00.1234567", "2024-01-15 10:00:00 +00",
                          "2024-01-15 10:00:00+0", "Mon Jan 15 2024"}) {
    EXPECT_FALSE(ParsePgTimestamp(bad).ok()) << bad;
  }
  for (const char* bad : {"", "2024-01-15 10:00:00", "2024-02-32", "24-01-15", "2024-01-15 AD"}) {
    EXPECT_FALSE(ParsePgDate(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace lakehouse::verify
