#include "verify/civil_time.h"

#include <optional>
#include <string>

namespace lakehouse::verify {
namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kSecondsPerDay = 86'400;

// Reads exactly [min_digits, max_digits] decimal digits from the front of `s`.
bool TakeDigits(std::string_view* s, size_t min_digits, size_t max_digits, int64_t* out) {
  size_t n = 0;
  int64_t value = 0;
  while (n < s->size() && n < max_digits && (*s)[n] >= '0' && (*s)[n] <= '9') {
    value = value * 10 + ((*s)[n] - '0');
    ++n;
  }
  if (n < min_digits) return false;
  s->remove_prefix(n);
  *out = value;
  return true;
}

bool TakeChar(std::string_view* s, char c) {
  if (s->empty() || s->front() != c) return false;
  s->remove_prefix(1);
  return true;
}

// Strips a trailing " BC" and reports whether it was there.
bool TakeBc(std::string_view* s) {
  if (s->ends_with(" BC")) {
    s->remove_suffix(3);
    return true;
  }
  return false;
}

// "YYYY-MM-DD" (4+ digit year) at the front of `s`, as days since the epoch.
bool TakeDate(std::string_view* s, bool bc, int64_t* days) {
  int64_t year = 0, month = 0, day = 0;
  if (!TakeDigits(s, 4, 9, &year) || !TakeChar(s, '-') || !TakeDigits(s, 2, 2, &month) || !TakeChar(s, '-') ||
      !TakeDigits(s, 2, 2, &day)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year == 0) return false;
  if (bc) year = 1 - year;  // 1 BC is year 0
  *days = DaysFromCivil(year, static_cast<int>(month), static_cast<int>(day));
  return true;
}

std::optional<Infinity> AsInfinity(std::string_view text) {
  if (text == "infinity") return Infinity::kPositive;
  if (text == "-infinity") return Infinity::kNegative;
  return std::nullopt;
}

Status Invalid(std::string_view what, std::string_view text) {
  return Status::InvalidArgument("not a PostgreSQL " + std::string(what) + " in ISO style: '" + std::string(text) +
                                 "'");
}

}  // namespace

int64_t DaysFromCivil(int64_t year, int month, int day) {
  // Howard Hinnant's days_from_civil: eras of 400 years starting in March.
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Result<PgDate> ParsePgDate(std::string_view text) {
  if (auto inf = AsInfinity(text)) return PgDate(*inf);
  std::string_view s = text;
  const bool bc = TakeBc(&s);
  int64_t days = 0;
  if (!TakeDate(&s, bc, &days) || !s.empty()) return Invalid("date", text);
  return PgDate(days);
}

Result<PgTimestamp> ParsePgTimestamp(std::string_view text) {
  if (auto inf = AsInfinity(text)) return PgTimestamp(*inf);
  std::string_view s = text;
  const bool bc = TakeBc(&s);
  int64_t days = 0, hour = 0, minute = 0, second = 0;
  if (!TakeDate(&s, bc, &days) || !TakeChar(&s, ' ') || !TakeDigits(&s, 2, 2, &hour) || !TakeChar(&s, ':') ||
      !TakeDigits(&s, 2, 2, &minute) || !TakeChar(&s, ':') || !TakeDigits(&s, 2, 2, &second)) {
    return Invalid("timestamp", text);
  }
  if (hour > 24 || minute > 59 || second > 60) return Invalid("timestamp", text);
  int64_t micros = 0;
  if (TakeChar(&s, '.')) {
    const size_t before = s.size();
    int64_t fraction = 0;
    if (!TakeDigits(&s, 1, 6, &fraction)) return Invalid("timestamp", text);
    for (size_t digits = before - s.size(); digits < 6; ++digits) fraction *= 10;
    micros = fraction;
  }
  int64_t offset_seconds = 0;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    const int sign = s.front() == '-' ? -1 : 1;
    s.remove_prefix(1);
    int64_t oh = 0, om = 0, os = 0;
    if (!TakeDigits(&s, 2, 2, &oh)) return Invalid("timestamp", text);
    if (TakeChar(&s, ':') && !TakeDigits(&s, 2, 2, &om)) return Invalid("timestamp", text);
    if (TakeChar(&s, ':') && !TakeDigits(&s, 2, 2, &os)) return Invalid("timestamp", text);
    offset_seconds = sign * (oh * 3600 + om * 60 + os);
  }
  if (!s.empty()) return Invalid("timestamp", text);
  const int64_t seconds = days * kSecondsPerDay + hour * 3600 + minute * 60 + second - offset_seconds;
  return PgTimestamp(seconds * kMicrosPerSecond + micros);
}

}  // namespace lakehouse::verify
