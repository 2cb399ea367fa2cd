#include "lake/s3_internal.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace lakehouse::s3_internal {
namespace {

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// The value of digit `c` in `base` (10 or 16), or -1.
int DigitValue(char c, int base) {
  if (c >= '0' && c <= '9') return c - '0';
  if (base == 16 && c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (base == 16 && c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Appends the UTF-8 encoding of `cp` (a numeric character reference).
void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the entity starting at s[0] == '&'; returns its length or 0 if it is
// not a valid entity.
size_t DecodeEntity(std::string_view s, std::string* out) {
  size_t semi = s.find(';');
  if (semi == std::string_view::npos || semi > 12) return 0;
  std::string_view name = s.substr(1, semi - 1);
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& [entity, c] : kNamed) {
    if (name == entity) {
      out->push_back(c);
      return semi + 1;
    }
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  bool hex = name[1] == 'x' || name[1] == 'X';
  std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty()) return 0;
  uint32_t cp = 0;
  for (char c : digits) {
    int v = DigitValue(c, hex ? 16 : 10);
    if (v < 0) return 0;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
    if (cp > 0x10FFFF) return 0;
  }
  AppendUtf8(cp, out);
  return semi + 1;
}

}  // namespace

std::string UriEncode(std::string_view s, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3 / 2);
  for (unsigned char c : s) {
    if (IsUnreserved(c) || (keep_slash && c == '/')) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::string CanonicalQuery(std::vector<std::pair<std::string, std::string>> params) {
  for (auto& [name, value] : params) {
    name = UriEncode(name, false);
    value = UriEncode(value, false);
  }
  std::sort(params.begin(), params.end());
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += name + "=" + value;
  }
  return out;
}

std::string XmlUnescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t n = DecodeEntity(s.substr(i), &out);
      if (n > 0) {
        i += n - 1;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::vector<std::string_view> XmlElements(std::string_view xml, std::string_view tag) {
  std::vector<std::string_view> out;
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag) + ">";
  size_t pos = 0;
  while ((pos = xml.find(open, pos)) != std::string_view::npos) {
    size_t after = pos + open.size();
    if (after >= xml.size()) break;
    char next = xml[after];
    if (next != '>' && next != '/' && next != ' ' && next != '\t' && next != '\r' && next != '\n') {
      pos = after;  // a longer tag name that merely starts with `tag`
      continue;
    }
    size_t gt = xml.find('>', after);
    if (gt == std::string_view::npos) break;
    if (xml[gt - 1] == '/') {  // <tag/> or <tag attr="..."/>
      out.push_back(xml.substr(gt + 1, 0));
      pos = gt + 1;
      continue;
    }
    size_t end = xml.find(close, gt + 1);
    if (end == std::string_view::npos) break;
    out.push_back(xml.substr(gt + 1, end - gt - 1));
    pos = end + close.size();
  }
  return out;
}

std::optional<std::string> XmlText(std::string_view xml, std::string_view tag) {
  auto elements = XmlElements(xml, tag);
  if (elements.empty()) return std::nullopt;
  return XmlUnescape(elements.front());
}

Result<ListPage> ParseListObjectsV2(std::string_view xml) {
  if (xml.find("<ListBucketResult") == std::string_view::npos) {
    return Status::Corruption("not a ListBucketResult document: " + std::string(xml.substr(0, 200)));
  }
  ListPage page;
  for (std::string_view contents : XmlElements(xml, "Contents")) {
    ObjectInfo info;
    auto key = XmlText(contents, "Key");
    if (!key || key->empty()) return Status::Corruption("ListBucketResult <Contents> without a <Key>");
    info.key = std::move(*key);
    std::string size = XmlText(contents, "Size").value_or("0");
    char* end = nullptr;
    info.size = std::strtoll(size.c_str(), &end, 10);
    if (size.empty() || *end != '\0' || info.size < 0) {
      return Status::Corruption("ListBucketResult: bad <Size> '" + size + "' for key " + info.key);
    }
    if (auto modified = XmlText(contents, "LastModified")) {
      auto ms = ParseIso8601Ms(*modified);
      if (!ms.ok()) return ms.status().WithContext("ListBucketResult key " + info.key);
      info.last_modified_ms = *ms;
    }
    page.objects.push_back(std::move(info));
  }
  // <IsTruncated> and the token are top-level; <Contents> never contains them.
  page.truncated = XmlText(xml, "IsTruncated").value_or("false") == "true";
  if (page.truncated) {
    page.next_continuation_token = XmlText(xml, "NextContinuationToken").value_or("");
    if (page.next_continuation_token.empty()) {
      return Status::Corruption("ListBucketResult is truncated but has no <NextContinuationToken>");
    }
  }
  return page;
}

S3Error ParseS3Error(std::string_view xml) {
  S3Error error;
  auto body = XmlElements(xml, "Error");
  if (body.empty()) return error;
  error.code = XmlText(body.front(), "Code").value_or("");
  error.message = XmlText(body.front(), "Message").value_or("");
  return error;
}

Result<int64_t> ParseIso8601Ms(std::string_view s) {
  std::string text(s);
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
      consumed != 19) {
    return Status::Corruption("bad ISO-8601 timestamp '" + text + "'");
  }
  std::string_view rest = s.substr(19);
  int64_t millis = 0;
  if (!rest.empty() && rest[0] == '.') {
    // Keep the first three fraction digits; pad shorter fractions.
    size_t i = 1;
    int digits = 0;
    for (; i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i])); ++i) {
      if (digits < 3) millis = millis * 10 + (rest[i] - '0');
      ++digits;
    }
    if (digits == 0) return Status::Corruption("bad ISO-8601 fraction in '" + text + "'");
    for (; digits < 3; ++digits) millis *= 10;
    rest = rest.substr(i);
  }
  if (!(rest.empty() || rest == "Z" || rest == "+00:00")) {
    return Status::Corruption("ISO-8601 timestamp '" + text + "' is not UTC");
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  int64_t seconds = static_cast<int64_t>(timegm(&tm));
  return seconds * 1000 + millis;
}

}  // namespace lakehouse::s3_internal
