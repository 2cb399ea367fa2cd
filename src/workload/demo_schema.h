// Applying the demo OLTP schema (sql/source/*.sql) to the source database.
//
// The SQL lives in files, not in C++, so the lake module's fixtures and humans
// with psql read the same definitions. Both files are idempotent; applying them
// again is a no-op. Thread-safe (each call uses its own connection).
#pragma once

#include <string>
#include <vector>

#include "common/env.h"
#include "common/status.h"

namespace lakehouse::workload {

// The files to apply, in order, from the repository's sql/source directory:
// demo_schema.sql (tables) then demo_seed.sql (provinces, categories).
std::vector<std::string> DemoSqlFiles(const std::string& sql_source_dir);

// Reads each file through `env` and runs it as one implicit transaction on
// `dsn`. NotFound/IOError naming the file if it cannot be read; Unavailable
// naming host:port/database if the server cannot be reached; IOError with the
// file name and the server's message if a statement fails.
// REQUIRES: env != nullptr.
Status ApplyDemoSchema(const std::string& dsn, const std::vector<std::string>& sql_files, Env* env);

}  // namespace lakehouse::workload
