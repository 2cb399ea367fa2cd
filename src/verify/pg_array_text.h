// PgArrayText: parses PostgreSQL's text output of an array ("{1,2,NULL}",
// "{\"a b\",\"say \\\"hi\\\"\"}", "{{1,2},{3,4}}", "[0:1]={7,8}") into a tree
// of element texts, so each element can be canonicalised by its own type.
//
// Follows the array I/O rules of the PostgreSQL manual ("Arrays", "Array Value
// Input and Output"): elements are separated by ',', may be double-quoted,
// backslash escapes any character, whitespace around unquoted elements is not
// part of them, and an unquoted NULL (any case) is a null element. Explicit
// dimension bounds ("[0:1]=") are dropped: Silver's lists have none. Pure;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace lakehouse::verify {

// One node: either a (sub-)array or a leaf element (whose text is nullopt for
// a NULL element).
struct PgArrayNode {
  bool is_array = false;
  std::optional<std::string> text;   // leaf only
  std::vector<PgArrayNode> items;    // array only

  bool operator==(const PgArrayNode&) const = default;
};

// InvalidArgument (quoting the input) if `text` is not an array literal.
Result<PgArrayNode> ParsePgArray(std::string_view text);

}  // namespace lakehouse::verify
