// Seeding the demo schema with its starting products and customers, and
// reading the reference rows every generator needs.
//
// Seeding is "top up to N": it inserts only what is missing, so running it
// again inserts nothing. Products depend only on (seed, index) and carry unique
// SKUs (inserted ON CONFLICT DO NOTHING), so the catalogue is the same on every
// database seeded with the same seed. Thread-safe (each call uses its own
// connection).
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "common/status.h"
#include "workload/demo_rows.h"
#include "workload/pg_connection.h"
#include "workload/workload_options.h"

namespace lakehouse::workload {

// What SeedDemo inserted.
struct SeedReport {
  int64_t products_inserted = 0;
  int64_t customers_inserted = 0;
};

// Provinces and categories from demo_seed.sql. FailedPrecondition if the
// schema or its reference rows are missing (apply the schema first).
Result<ReferenceData> LoadReferenceData(PgConnection* conn);

// Tops demo.products up to options.products rows and demo.customers up to
// options.customers rows. REQUIRES: ApplyDemoSchema succeeded on this database.
Result<SeedReport> SeedDemo(const SeedOptions& options);

}  // namespace lakehouse::workload
