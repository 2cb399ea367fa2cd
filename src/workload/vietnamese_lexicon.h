// VietnameseLexicon: the word lists the demo data is drawn from — family,
// middle and given names, streets and wards, free-text sentences, and a product
// catalogue per category (keyed by demo.categories.slug). Static, immutable
// data with diacritics in UTF-8; thread-safe.
#pragma once

#include <cstdint>
#include <span>

namespace lakehouse::workload {

// A name and its relative frequency (Nguyễn is far more common than Quách).
struct WeightedName {
  const char* text;
  int weight;
};

struct ProductBase {
  const char* name;      // e.g. "Phở bò"
  int64_t min_vnd;       // price range, VND
  int64_t max_vnd;
};

struct CategoryCatalog {
  const char* slug;                         // demo.categories.slug
  const char* unit;                         // selling unit, e.g. "tô", "ly", "chiếc"
  std::span<const ProductBase> bases;
  std::span<const char* const> variants;    // appended to a base name
  std::span<const char* const> tags;        // candidate products.tags
};

class VietnameseLexicon {
 public:
  static std::span<const WeightedName> FamilyNames();
  static std::span<const char* const> MiddleNames(bool female);
  static std::span<const char* const> GivenNames(bool female);
  static std::span<const char* const> Streets();
  static std::span<const char* const> Wards();
  // Sentences for customers.bio; each is valid UTF-8 on its own.
  static std::span<const char* const> BioSentences();
  static std::span<const char* const> OrderNotes();
  static std::span<const char* const> EmailDomains();
  static std::span<const CategoryCatalog> Catalog();
};

}  // namespace lakehouse::workload
