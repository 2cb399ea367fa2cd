#include "workload/utf8.h"

#include <cstdint>
#include <unordered_map>

namespace lakehouse::workload {
namespace {

// Decodes one code point at text[*pos], advancing *pos. Returns -1 on
// malformed input (and still advances, so callers always make progress).
int32_t DecodeOne(std::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(*pos);
  int length;
  int32_t cp;
  if (lead < 0x80) { *pos += 1; return lead; }
  if ((lead & 0xE0) == 0xC0) { length = 2; cp = lead & 0x1F; }
  else if ((lead & 0xF0) == 0xE0) { length = 3; cp = lead & 0x0F; }
  else if ((lead & 0xF8) == 0xF0) { length = 4; cp = lead & 0x07; }
  else { *pos += 1; return -1; }
  if (*pos + length > text.size()) { *pos = text.size(); return -1; }
  for (int i = 1; i < length; ++i) {
    const uint8_t b = byte(*pos + i);
    if ((b & 0xC0) != 0x80) { *pos += i; return -1; }
    cp = (cp << 6) | (b & 0x3F);
  }
  *pos += length;
  static constexpr int32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[length]) return -1;            // overlong
  if (cp >= 0xD800 && cp <= 0xDFFF) return -1;          // surrogate
  if (cp > 0x10FFFF) return -1;
  return cp;
}

// Code point -> ASCII base letter, for every Vietnamese letter with a diacritic.
const std::unordered_map<int32_t, char>& FoldTable() {
  static const auto* table = [] {
    struct Row { char base; const char* variants; };
    static constexpr Row kRows[] = {
        {'a', "àáảãạăằắẳẵặâầấẩẫậ"}, {'A', "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
        {'e', "èéẻẽẹêềếểễệ"},       {'E', "ÈÉẺẼẸÊỀẾỂỄỆ"},
        {'i', "ìíỉĩị"},             {'I', "ÌÍỈĨỊ"},
        {'o', "òóỏõọôồốổỗộơờớởỡợ"}, {'O', "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
        {'u', "ùúủũụưừứửữự"},       {'U', "ÙÚỦŨỤƯỪỨỬỮỰ"},
        {'y', "ỳýỷỹỵ"},             {'Y', "ỲÝỶỸỴ"},
        {'d', "đ"},                 {'D', "Đ"},
    };
    auto* map = new std::unordered_map<int32_t, char>();
    for (const Row& row : kRows) {
      std::string_view variants(row.variants);
      for (size_t pos = 0; pos < variants.size();) (*map)[DecodeOne(variants, &pos)] = row.base;
    }
    return map;
  }();
  return *table;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    if (DecodeOne(text, &pos) < 0) return false;
  }
  return true;
}

bool HasNonAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<uint8_t>(c) >= 0x80) return true;
  }
  return false;
}

std::string AsciiFold(std::string_view text) {
  const auto& table = FoldTable();
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const int32_t cp = DecodeOne(text, &pos);
    if (cp >= 0 && cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    auto it = table.find(cp);
    if (it != table.end()) out.push_back(it->second);
  }
  return out;
}

}  // namespace lakehouse::workload
