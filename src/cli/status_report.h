// Rendering of `lakehouse status`: a table for people, JSON for scripts.
#pragma once

#include <string>

#include "cli/stack.h"

namespace lakehouse {

std::string StatusTable(const Stack& stack, const StackStatus& status);
// Keys documented in the README: services, source, kafka, s3, credentials_file,
// connector, slot, ingest, tables.
std::string StatusJson(const Stack& stack, const StackStatus& status);

}  // namespace lakehouse
