// DataGenerator: deterministic Vietnamese demo rows — people, addresses, phone
// numbers, free text, products and prices in VND.
//
// Everything is drawn from one Random seeded at construction, so the same seed
// and the same sequence of calls give byte-identical rows on every platform.
// Product(index) is the exception: it depends only on (seed, index), so seeding
// a catalogue twice yields the same SKUs and the second insert is a no-op.
// All text is valid UTF-8 with diacritics. Not thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "workload/demo_rows.h"
#include "workload/random.h"

namespace lakehouse::workload {

class DataGenerator {
 public:
  // REQUIRES: reference.provinces is not empty, and at least one of
  // reference.categories has a slug from VietnameseLexicon::Catalog().
  DataGenerator(uint64_t seed, ReferenceData reference);

  // A new customer with this id. `large_bio` makes bio 3–24 kB (stored out of
  // line, see demo_schema.sql); otherwise bio is short or empty.
  CustomerRow Customer(int64_t id, bool large_bio);
  // Product number `index` of the catalogue (any index >= 0).
  ProductRow Product(int64_t index) const;

  // "Nguyễn Thị Thu Hà": family name (weighted by real frequency), middle, given.
  std::string FullName(bool female);
  // A unique address for customer `id`: ASCII-folded name, the id, a domain.
  // Names hold no digits, so the id before '@' keeps addresses of different
  // customers distinct under the UNIQUE constraint.
  std::string Email(std::string_view full_name, int64_t id);
  // "gmail.com", "yahoo.com.vn", ...
  std::string EmailDomain();
  // A Vietnamese mobile number, "0" + carrier prefix + 7 digits.
  std::string Phone();
  // "12/3 Lê Lợi, Phường Bến Nghé, Thành phố Hồ Chí Minh".
  std::string Address(const Province& province);
  const Province& PickProvince();
  std::string Bio(bool large);
  // A delivery note, or "" (no note) about two times in three.
  std::string OrderNote();
  PaymentMethod PickPaymentMethod();
  // Number of lines of a new order: 1–5, mostly 1 or 2.
  int ItemCount();
  // Quantity of one line: 1–3, mostly 1.
  int Quantity();
  // A new price within ±20% of `old_vnd`, in whole thousands of đồng, >= 1,000.
  int64_t Reprice(int64_t old_vnd);

  Random& rng() { return rng_; }

 private:
  template <typename T>
  const T& PickFrom(std::span<const T> items) {
    return items[rng_.Uniform(items.size())];
  }

  uint64_t seed_;
  ReferenceData reference_;
  Random rng_;
};

}  // namespace lakehouse::workload
