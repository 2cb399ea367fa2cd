#include "workload/demo_seeder.h"

#include <algorithm>
#include <vector>

#include "workload/change_writer.h"
#include "workload/data_generator.h"
#include "workload/random.h"
#include "workload/vietnamese_lexicon.h"

namespace lakehouse::workload {
namespace {

constexpr uint64_t kSeedStream = 0x53454544;  // "SEED"
constexpr int kCustomersPerTransaction = 1000;
constexpr int64_t kMaxCustomerAgeSeconds = 3 * 365 * 86400;

Status InsertProducts(PgConnection* conn, const DataGenerator& gen, int64_t wanted, int64_t* inserted) {
  LH_ASSIGN_OR_RETURN(auto count, conn->Query("count products", "select count(*) from demo.products"));
  int64_t have = count.Int64(0, 0);
  if (have >= wanted) return Status::OK();
  LH_RETURN_IF_ERROR(conn->Exec("seed products: begin", "begin"));
  // SKUs of earlier seedings conflict and insert nothing; keep going until the
  // catalogue has `wanted` rows. Each index is tried once, so this ends.
  for (int64_t index = 0; have < wanted; ++index) {
    const ProductRow p = gen.Product(index);
    const std::string category = std::to_string(p.category_id);
    const std::string price = std::to_string(p.price_vnd);
    const std::string usd = VndToUsdText(p.price_vnd);
    LH_ASSIGN_OR_RETURN(auto r, conn->Query("seed products: insert " + p.sku,
                                            "insert into demo.products (sku, name, category_id, price_vnd, "
                                            "price_usd, attributes, tags, is_active) values ($1, $2, $3, $4, $5, "
                                            "$6::jsonb, $7::text[], $8) on conflict (sku) do nothing",
                                            {p.sku.c_str(), p.name.c_str(), category.c_str(), price.c_str(),
                                             usd.c_str(), p.attributes_json.c_str(), p.tags_literal.c_str(),
                                             p.is_active ? "true" : "false"}));
    have += r.AffectedRows();
    *inserted += r.AffectedRows();
  }
  return conn->Exec("seed products: commit", "commit");
}

}  // namespace

Result<ReferenceData> LoadReferenceData(PgConnection* conn) {
  ReferenceData ref;
  LH_ASSIGN_OR_RETURN(auto provinces, conn->Query("load provinces", "select code, name from demo.provinces order by code"));
  for (int r = 0; r < provinces.rows(); ++r) {
    ref.provinces.push_back({std::string(provinces.Get(r, 0)), std::string(provinces.Get(r, 1))});
  }
  LH_ASSIGN_OR_RETURN(auto categories, conn->Query("load categories", "select id, slug from demo.categories order by id"));
  for (int r = 0; r < categories.rows(); ++r) {
    ref.categories.push_back({categories.Int64(r, 0), std::string(categories.Get(r, 1))});
  }
  if (ref.provinces.empty() || ref.categories.empty()) {
    return Status::FailedPrecondition("demo.provinces or demo.categories at " + conn->target() +
                                      " is empty; apply sql/source/demo_seed.sql (ApplyDemoSchema) first");
  }
  // DataGenerator needs at least one category it has a catalogue for.
  for (const CategoryCatalog& block : VietnameseLexicon::Catalog()) {
    for (const Category& c : ref.categories) {
      if (c.slug == block.slug) return ref;
    }
  }
  return Status::FailedPrecondition("no row of demo.categories at " + conn->target() +
                                    " has a slug the product catalogue knows (do-an, do-uong, ...); "
                                    "apply sql/source/demo_seed.sql");
}

Result<SeedReport> SeedDemo(const SeedOptions& options) {
  LH_RETURN_IF_ERROR(ValidateSeedOptions(options));
  LH_ASSIGN_OR_RETURN(auto writer, ChangeWriter::Open(options.dsn));
  PgConnection* conn = writer->connection();
  LH_ASSIGN_OR_RETURN(auto reference, LoadReferenceData(conn));
  DataGenerator gen(Random::DeriveSeed(options.seed, kSeedStream), std::move(reference));

  SeedReport report;
  LH_RETURN_IF_ERROR(InsertProducts(conn, gen, options.products, &report.products_inserted));

  LH_ASSIGN_OR_RETURN(auto count, conn->Query("count customers", "select count(*) from demo.customers"));
  int64_t missing = options.customers - count.Int64(0, 0);
  while (missing > 0) {
    const int n = static_cast<int>(std::min<int64_t>(missing, kCustomersPerTransaction));
    IdPool ids, unused;
    LH_RETURN_IF_ERROR(writer->ReserveIds(0, n, &unused, &ids));
    std::vector<Change> batch;
    for (int i = 0; i < n; ++i) {
      CustomerInsert op;
      op.customer = gen.Customer(ids.Take(), gen.rng().Bernoulli(options.large_bio_fraction));
      op.customer.created_seconds_ago = gen.rng().Range(0, kMaxCustomerAgeSeconds);
      batch.push_back({ChangeKind::kCustomerInsert, 1, std::move(op)});
    }
    LH_RETURN_IF_ERROR(writer->Send(batch));
    LH_ASSIGN_OR_RETURN(auto counts, writer->Receive());
    report.customers_inserted += counts.changes;
    missing -= n;
  }
  return report;
}

}  // namespace lakehouse::workload
