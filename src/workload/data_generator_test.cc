#include "workload/data_generator.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "workload/test_reference_data.h"
#include "workload/utf8.h"

namespace lakehouse::workload {
namespace {

std::string Fingerprint(DataGenerator& gen) {
  std::string out;
  for (int i = 0; i < 50; ++i) {
    const CustomerRow c = gen.Customer(1000 + i, i % 10 == 0);
    out += c.full_name + "|" + c.email + "|" + c.phone + "|" + c.address + "|" + c.birth_date + "|" + c.bio + "\n";
    out += gen.OrderNote() + "|" + std::to_string(gen.Reprice(150000)) + "\n";
  }
  return out;
}

TEST(DataGeneratorTest, SameSeedSameRows) {
  DataGenerator a(7, TestReferenceData());
  DataGenerator b(7, TestReferenceData());
  EXPECT_EQ(Fingerprint(a), Fingerprint(b));
}

TEST(DataGeneratorTest, DifferentSeedsDifferentRows) {
  DataGenerator a(7, TestReferenceData());
  DataGenerator b(8, TestReferenceData());
  EXPECT_NE(Fingerprint(a), Fingerprint(b));
}

TEST(DataGeneratorTest, ProductDependsOnlyOnSeedAndIndex) {
  DataGenerator a(42, TestReferenceData());
  DataGenerator b(42, TestReferenceData());
  b.Customer(1, false);  // consuming the sequential stream must not matter
  for (int64_t i : {0, 1, 17, 299, 123456}) {
    const ProductRow pa = a.Product(i);
    const ProductRow pb = b.Product(i);
    EXPECT_EQ(pa.sku, pb.sku);
    EXPECT_EQ(pa.name, pb.name);
    EXPECT_EQ(pa.price_vnd, pb.price_vnd);
    EXPECT_EQ(pa.attributes_json, pb.attributes_json);
  }
  DataGenerator other(43, TestReferenceData());
  int differing = 0;
  for (int64_t i = 0; i < 20; ++i) differing += a.Product(i).name != other.Product(i).name;
  EXPECT_GT(differing, 10);
}

TEST(DataGeneratorTest, CustomersAreValidVietnameseUtf8) {
  DataGenerator gen(1, TestReferenceData());
  int with_diacritics = 0;
  std::set<std::string> families;
  for (int i = 0; i < 2000; ++i) {
    const CustomerRow c = gen.Customer(i + 1, i % 50 == 0);
    for (const std::string* s : {&c.full_name, &c.address, &c.bio, &c.gender}) {
      ASSERT_TRUE(IsValidUtf8(*s)) << *s;
    }
    with_diacritics += HasNonAscii(c.full_name);
    families.insert(c.full_name.substr(0, c.full_name.find(' ')));
    EXPECT_GE(std::count(c.full_name.begin(), c.full_name.end(), ' '), 2) << c.full_name;
    EXPECT_TRUE(c.gender == "nam" || c.gender == "nữ");
  }
  EXPECT_GT(with_diacritics, 1500);  // nearly every Vietnamese name has one
  EXPECT_TRUE(families.count("Nguyễn"));
  EXPECT_TRUE(families.count("Đặng"));
  EXPECT_GE(families.size(), 20u);
}

TEST(DataGeneratorTest, NguyenIsTheMostCommonFamilyName) {
  DataGenerator gen(3, TestReferenceData());
  int nguyen = 0;
  for (int i = 0; i < 10000; ++i) nguyen += gen.FullName(i % 2 == 0).rfind("Nguyễn ", 0) == 0;
  EXPECT_NEAR(nguyen / 10000.0, 0.38, 0.03);
}

TEST(DataGeneratorTest, EmailsAreAsciiAndUniquePerCustomer) {
  DataGenerator gen(2, TestReferenceData());
  std::set<std::string> emails;
  const std::regex shape("[a-z._]+[0-9]+@[a-z.]+");
  for (int i = 0; i < 5000; ++i) {
    const CustomerRow c = gen.Customer(i + 1, false);
    EXPECT_FALSE(HasNonAscii(c.email)) << c.email;
    EXPECT_TRUE(std::regex_match(c.email, shape)) << c.email;
    EXPECT_TRUE(emails.insert(c.email).second) << "duplicate " << c.email;
  }
}

TEST(DataGeneratorTest, PhonesLookVietnamese) {
  DataGenerator gen(4, TestReferenceData());
  const std::regex shape("0[3789][0-9]{8}");
  for (int i = 0; i < 1000; ++i) {
    const std::string phone = gen.Phone();
    EXPECT_TRUE(std::regex_match(phone, shape)) << phone;
  }
}

TEST(DataGeneratorTest, LargeBioExceedsToastThreshold) {
  DataGenerator gen(5, TestReferenceData());
  for (int i = 0; i < 20; ++i) {
    const std::string bio = gen.Bio(true);
    EXPECT_GE(bio.size(), 3u * 1024);
    EXPECT_LE(bio.size(), 25u * 1024);
    EXPECT_TRUE(IsValidUtf8(bio));
  }
}

TEST(DataGeneratorTest, ProductsArePricedInWholeThousandsOfDong) {
  DataGenerator gen(6, TestReferenceData());
  std::set<std::string> skus;
  for (int64_t i = 0; i < 500; ++i) {
    const ProductRow p = gen.Product(i);
    EXPECT_TRUE(skus.insert(p.sku).second) << p.sku;
    EXPECT_EQ(p.price_vnd % 1000, 0) << p.name;
    EXPECT_GE(p.price_vnd, 1000);
    EXPECT_GE(p.category_id, 1);
    EXPECT_LE(p.category_id, 12);
    EXPECT_TRUE(IsValidUtf8(p.name) && IsValidUtf8(p.attributes_json) && IsValidUtf8(p.tags_literal));
    EXPECT_EQ(p.attributes_json.front(), '{');
    EXPECT_EQ(p.tags_literal.front(), '{');
  }
}

TEST(DataGeneratorTest, CatalogueHasTheClassics) {
  DataGenerator gen(9, TestReferenceData());
  std::set<std::string> names;
  for (int64_t i = 0; i < 3000; ++i) names.insert(gen.Product(i).name);
  auto has_prefix = [&](const std::string& prefix) {
    for (const auto& n : names) {
      if (n.rfind(prefix, 0) == 0) return true;
    }
    return false;
  };
  for (const char* classic : {"Phở bò", "Cà phê sữa đá", "Áo dài lụa", "Nón lá"}) {
    EXPECT_TRUE(has_prefix(classic)) << classic;
  }
}

TEST(DataGeneratorTest, RepriceStaysWithinTwentyPercent) {
  DataGenerator gen(10, TestReferenceData());
  for (int i = 0; i < 1000; ++i) {
    const int64_t p = gen.Reprice(250000);
    EXPECT_GE(p, 200000);
    EXPECT_LE(p, 300000);
    EXPECT_EQ(p % 1000, 0);
  }
  EXPECT_EQ(gen.Reprice(0), 1000);
}

TEST(DataGeneratorTest, UsdPriceIsExactDecimal) {
  EXPECT_EQ(VndToUsdText(25400), "1.00");
  EXPECT_EQ(VndToUsdText(45000), "1.77");   // 1.7716 -> 1.77
  EXPECT_EQ(VndToUsdText(12700), "0.50");   // exactly half a dollar
  EXPECT_EQ(VndToUsdText(127), "0.01");     // half a cent rounds up
  EXPECT_EQ(VndToUsdText(32000000), "1259.84");
}

TEST(DataGeneratorTest, ItemCountAndQuantityRanges) {
  DataGenerator gen(11, TestReferenceData());
  int total = 0;
  for (int i = 0; i < 10000; ++i) {
    const int n = gen.ItemCount();
    ASSERT_GE(n, 1);
    ASSERT_LE(n, 5);
    total += n;
    const int q = gen.Quantity();
    ASSERT_GE(q, 1);
    ASSERT_LE(q, 3);
  }
  EXPECT_NEAR(total / 10000.0, 2.1, 0.1);
}

}  // namespace
}  // namespace lakehouse::workload
