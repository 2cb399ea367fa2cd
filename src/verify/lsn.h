// PostgreSQL log sequence numbers (LSNs) as the verifier handles them.
//
// An LSN is a 64-bit byte position in the write-ahead log. PostgreSQL prints it
// as two hex halves, "16/B374D848"; Debezium (and so Silver's `_lsn` column)
// carries the same position as a plain integer. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace lakehouse::verify {

using Lsn = uint64_t;

// "X/Y" (upper-case hex, as pg_lsn prints it).
std::string FormatLsn(Lsn lsn);

// Parses pg_lsn text ("16/B374D848"). InvalidArgument if it is not two hex
// halves separated by '/', each fitting 32 bits.
Result<Lsn> ParseLsn(std::string_view text);

}  // namespace lakehouse::verify
