#include "verify/lsn.h"

#include <charconv>
#include <cstdio>

namespace lakehouse::verify {

std::string FormatLsn(Lsn lsn) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%X/%X", static_cast<unsigned>(lsn >> 32), static_cast<unsigned>(lsn & 0xFFFFFFFFu));
  return buf;
}

Result<Lsn> ParseLsn(std::string_view text) {
  const size_t slash = text.find('/');
  auto half = [](std::string_view part, uint32_t* out) {
    if (part.empty() || part.size() > 8) return false;
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), *out, 16);
    return ec == std::errc() && ptr == part.data() + part.size();
  };
  uint32_t hi = 0, lo = 0;
  if (slash == std::string_view::npos || !half(text.substr(0, slash), &hi) || !half(text.substr(slash + 1), &lo)) {
    return Status::InvalidArgument("not a PostgreSQL LSN (expected X/Y in hex): '" + std::string(text) + "'");
  }
  return (static_cast<Lsn>(hi) << 32) | lo;
}

}  // namespace lakehouse::verify
