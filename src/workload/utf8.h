// UTF-8 helpers for the Vietnamese demo text: validity checks (every string the
// generator sends must be valid UTF-8, or PostgreSQL rejects the row) and
// folding of Vietnamese letters to ASCII (for e-mail addresses and SKUs).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace lakehouse::workload {

// True if `text` is well-formed UTF-8: no stray continuation bytes, no overlong
// forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text);

// True if `text` holds at least one character outside ASCII.
bool HasNonAscii(std::string_view text);

// `text` with Vietnamese letters reduced to their ASCII base ("Đặng Thị Ánh" ->
// "Dang Thi Anh"). Other non-ASCII characters are dropped. REQUIRES: valid UTF-8.
std::string AsciiFold(std::string_view text);

}  // namespace lakehouse::workload
