#include "workload/data_generator.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <utility>
#include <vector>

#include "workload/utf8.h"
#include "workload/vietnamese_lexicon.h"

namespace lakehouse::workload {
namespace {

constexpr uint64_t kProductStream = 0x50524F44;  // "PROD"

constexpr const char* kMobilePrefixes[] = {"32", "33", "34", "35", "36", "37", "38", "39", "70", "76",
                                           "77", "78", "79", "81", "82", "83", "84", "85", "86", "88",
                                           "89", "90", "91", "93", "94", "96", "97", "98"};

// Escapes a string for a JSON string literal (our text has no control
// characters, but quotes and backslashes must never break the document).
std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// "thu-cong-my-nghe" -> "TCMN": the SKU prefix of a category.
std::string SlugInitials(std::string_view slug) {
  std::string out;
  bool at_start = true;
  for (char c : slug) {
    if (c == '-') { at_start = true; continue; }
    if (at_start) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    at_start = false;
  }
  return out;
}

int64_t RoundToThousand(int64_t vnd) { return (vnd + 500) / 1000 * 1000; }

}  // namespace

DataGenerator::DataGenerator(uint64_t seed, ReferenceData reference)
    : seed_(seed), reference_(std::move(reference)), rng_(seed) {
  assert(!reference_.provinces.empty());
}

std::string DataGenerator::FullName(bool female) {
  const auto families = VietnameseLexicon::FamilyNames();
  int total = 0;
  for (const auto& f : families) total += f.weight;
  int64_t draw = rng_.Uniform(total);
  const char* family = families.back().text;
  for (const auto& f : families) {
    if (draw < f.weight) { family = f.text; break; }
    draw -= f.weight;
  }
  std::string name = family;
  name += ' ';
  name += PickFrom(VietnameseLexicon::MiddleNames(female));
  // About one name in five has a second given name ("Nguyễn Thị Thu Hà").
  if (rng_.Bernoulli(0.2)) {
    name += ' ';
    name += PickFrom(VietnameseLexicon::GivenNames(female));
  }
  name += ' ';
  name += PickFrom(VietnameseLexicon::GivenNames(female));
  return name;
}

std::string DataGenerator::Email(std::string_view full_name, int64_t id) {
  // Split the folded name into words: family first, given name last.
  std::vector<std::string> words;
  std::string word;
  for (char c : AsciiFold(full_name)) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.empty()) words.push_back("khach");
  static constexpr const char* kSeparators[] = {".", "_", ""};
  std::string local = words.back();
  local += rng_.Pick(kSeparators);
  local += words.front();
  if (words.size() > 2 && rng_.Bernoulli(0.5)) local += words[1];
  local += std::to_string(id);
  return local + "@" + EmailDomain();
}

std::string DataGenerator::EmailDomain() { return PickFrom(VietnameseLexicon::EmailDomains()); }

std::string DataGenerator::Phone() {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "0%s%07" PRId64, rng_.Pick(kMobilePrefixes), rng_.Range(0, 9999999));
  return buf;
}

const Province& DataGenerator::PickProvince() {
  return reference_.provinces[rng_.Uniform(reference_.provinces.size())];
}

std::string DataGenerator::Address(const Province& province) {
  std::string out = std::to_string(rng_.Range(1, 399));
  if (rng_.Bernoulli(0.3)) out += "/" + std::to_string(rng_.Range(1, 40));
  out += ' ';
  out += PickFrom(VietnameseLexicon::Streets());
  out += ", ";
  out += PickFrom(VietnameseLexicon::Wards());
  out += ", ";
  out += province.name;
  return out;
}

std::string DataGenerator::Bio(bool large) {
  const auto sentences = VietnameseLexicon::BioSentences();
  std::string out;
  if (!large) {
    if (rng_.Bernoulli(0.4)) return out;
    const int64_t n = rng_.Range(1, 3);
    for (int64_t i = 0; i < n; ++i) {
      if (!out.empty()) out += ' ';
      out += PickFrom(sentences);
    }
    return out;
  }
  // Large: sentences interleaved with order references, so pages of it differ.
  const int64_t target = rng_.Range(3 * 1024, 24 * 1024);
  while (static_cast<int64_t>(out.size()) < target) {
    if (!out.empty()) out += ' ';
    out += PickFrom(sentences);
    out += " (Đơn hàng #" + std::to_string(rng_.Range(100000, 999999)) + ", ";
    out += PickFrom(VietnameseLexicon::Streets());
    out += ".)";
  }
  return out;
}

CustomerRow DataGenerator::Customer(int64_t id, bool large_bio) {
  CustomerRow c;
  c.id = id;
  const bool female = rng_.Bernoulli(0.52);
  c.full_name = FullName(female);
  c.gender = female ? "nữ" : "nam";
  char date[16];
  std::snprintf(date, sizeof(date), "%04" PRId64 "-%02" PRId64 "-%02" PRId64, rng_.Range(1955, 2007),
                rng_.Range(1, 12), rng_.Range(1, 28));
  c.birth_date = date;
  c.email = Email(c.full_name, id);
  c.phone = Phone();
  const Province& province = PickProvince();
  c.province_code = province.code;
  c.address = Address(province);
  c.bio = Bio(large_bio);
  return c;
}

ProductRow DataGenerator::Product(int64_t index) const {
  Random rng(Random::DeriveSeed(seed_, kProductStream + static_cast<uint64_t>(index)));
  // Only catalogue blocks whose category exists in the database can be used.
  std::vector<std::pair<const CategoryCatalog*, int64_t>> usable;
  for (const CategoryCatalog& block : VietnameseLexicon::Catalog()) {
    for (const Category& cat : reference_.categories) {
      if (cat.slug == block.slug) usable.emplace_back(&block, cat.id);
    }
  }
  assert(!usable.empty());
  const auto& [block, category_id] = usable[rng.Uniform(usable.size())];
  const ProductBase& base = block->bases[rng.Uniform(block->bases.size())];
  const char* variant = block->variants[rng.Uniform(block->variants.size())];

  ProductRow p;
  char sku[48];
  std::snprintf(sku, sizeof(sku), "%s-%06" PRId64, SlugInitials(block->slug).c_str(), index);
  p.sku = sku;
  p.name = base.name;
  if (*variant != '\0') p.name += std::string(" ") + variant;
  p.category_id = category_id;
  p.price_vnd = std::max<int64_t>(1000, RoundToThousand(rng.Range(base.min_vnd, base.max_vnd)));
  const Province& origin = reference_.provinces[rng.Uniform(reference_.provinces.size())];
  p.attributes_json = "{\"don_vi\": " + JsonString(block->unit) + ", \"xuat_xu\": " + JsonString(origin.name) +
                      ", \"trong_luong_g\": " + std::to_string(rng.Range(1, 400) * 5);
  if (rng.Bernoulli(0.3)) p.attributes_json += ", \"bao_hanh_thang\": " + std::to_string(rng.Range(1, 4) * 6);
  p.attributes_json += "}";
  // One or two distinct tags, as a text[] literal with every element quoted.
  const size_t first = rng.Uniform(block->tags.size());
  p.tags_literal = "{\"" + std::string(block->tags[first]) + "\"";
  if (rng.Bernoulli(0.5)) {
    p.tags_literal += ",\"" + std::string(block->tags[(first + 1) % block->tags.size()]) + "\"";
  }
  p.tags_literal += "}";
  p.is_active = !rng.Bernoulli(0.03);
  return p;
}

std::string DataGenerator::OrderNote() {
  if (!rng_.Bernoulli(0.35)) return "";
  return PickFrom(VietnameseLexicon::OrderNotes());
}

PaymentMethod DataGenerator::PickPaymentMethod() {
  // Cash on delivery still dominates Vietnamese e-commerce; wallets come next.
  static constexpr std::pair<PaymentMethod, int> kWeights[] = {
      {PaymentMethod::kCod, 35},         {PaymentMethod::kMomo, 20}, {PaymentMethod::kBankTransfer, 15},
      {PaymentMethod::kCard, 10},        {PaymentMethod::kZaloPay, 10}, {PaymentMethod::kCash, 10}};
  int64_t draw = rng_.Uniform(100);
  for (const auto& [method, weight] : kWeights) {
    if (draw < weight) return method;
    draw -= weight;
  }
  return PaymentMethod::kCod;
}

int DataGenerator::ItemCount() {
  static constexpr int kCumulative[] = {40, 70, 85, 95, 100};  // 1..5 lines
  const int64_t draw = rng_.Uniform(100);
  for (int i = 0; i < 5; ++i) {
    if (draw < kCumulative[i]) return i + 1;
  }
  return 1;
}

int DataGenerator::Quantity() {
  const int64_t draw = rng_.Uniform(10);
  return draw < 7 ? 1 : (draw < 9 ? 2 : 3);
}

int64_t DataGenerator::Reprice(int64_t old_vnd) {
  const double factor = 0.8 + 0.4 * rng_.NextDouble();
  return std::max<int64_t>(1000, RoundToThousand(static_cast<int64_t>(static_cast<double>(old_vnd) * factor)));
}

}  // namespace lakehouse::workload
