// Calendar arithmetic and PostgreSQL date/timestamp text, for canonical values.
//
// Dates become days since 1970-01-01 and timestamps microseconds since
// 1970-01-01 00:00:00 UTC, in the proleptic Gregorian calendar PostgreSQL uses
// (year 1 BC is astronomical year 0). The parsers accept what PostgreSQL prints
// with `DateStyle = 'ISO'`: "2024-01-15", "0044-03-15 BC", "12345-06-07",
// "2024-01-15 10:30:00.123456+00", "...+07:06:40", "infinity". Pure
// functions; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

#include "common/result.h"

namespace lakehouse::verify {

// Days from 1970-01-01 to year-month-day (astronomical year; may be <= 0).
int64_t DaysFromCivil(int64_t year, int month, int day);

// +infinity / -infinity, which dates and timestamps may hold in PostgreSQL.
enum class Infinity { kNegative, kPositive };

// A parsed date: days since the epoch, or an infinity.
using PgDate = std::variant<int64_t, Infinity>;
// A parsed timestamp: microseconds since the epoch (UTC), or an infinity.
using PgTimestamp = std::variant<int64_t, Infinity>;

// "YYYY-MM-DD[ BC]", "infinity", "-infinity". InvalidArgument otherwise.
Result<PgDate> ParsePgDate(std::string_view text);

// "YYYY-MM-DD HH:MM:SS[.ffffff][(+|-)HH[:MM[:SS]]][ BC]" or an infinity. An
// offset, when present, is subtracted (the result is UTC); without one the wall
// time is taken as UTC. InvalidArgument otherwise.
Result<PgTimestamp> ParsePgTimestamp(std::string_view text);

}  // namespace lakehouse::verify
