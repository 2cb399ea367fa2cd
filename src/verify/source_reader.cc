#include "verify/source_reader.h"

#include <algorithm>

#include "common/pg_session.h"
#include "verify/canonical_value.h"
#include "verify/row_checksum.h"

namespace lakehouse::verify {
namespace {

// Session settings under which PostgreSQL's text output is what
// canonical_value.h expects.
constexpr char kSessionSettings[] =
    "SET application_name = 'lakehouse-verify'; SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; "
    "SET extra_float_digits = 3; SET bytea_output = 'hex'; SET IntervalStyle = 'postgres'";
constexpr char kCursor[] = "lh_verify_rows";

std::string Qualified(const SourceTable& table) {
  return SqlIdentifier(table.schema) + "." + SqlIdentifier(table.table);
}

// A text[] literal for a query parameter.
std::string TextArrayLiteral(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

bool Contains(const std::string& haystack, const char* needle) { return haystack.find(needle) != std::string::npos; }

// Maps the lock statement's failure to the codes the header promises.
Status LockError(const Status& s, const SourceTable& table, int timeout_ms) {
  if (Contains(s.message(), "permission denied")) {
    return Status::FailedPrecondition("cannot lock " + table.QualifiedName() +
                                      " IN SHARE MODE for a consistent snapshot: " + s.message() +
                                      " (verify as a role with UPDATE on the table, e.g. the app user, or turn "
                                      "off lock_writers and accept re-checks)");
  }
  if (Contains(s.message(), "lock timeout")) {
    return Status::Timeout("waited " + std::to_string(timeout_ms) + " ms for open transactions writing " +
                           table.QualifiedName() + " to end (a long-running writer holds the table); try again");
  }
  return s.WithContext("locking " + table.QualifiedName());
}

}  // namespace

SourceReader::SourceReader(SourceReaderOptions options) : options_(std::move(options)) {
  if (options_.where.empty()) options_.where = options_.conninfo;
}

Result<std::vector<std::string>> SourceReader::ListTables(const std::vector<std::string>& schemas) {
  LH_ASSIGN_OR_RETURN(PgSession session, PgSession::Connect(options_.conninfo, options_.where));
  LH_ASSIGN_OR_RETURN(auto rows, session.Query("select n.nspname || '.' || c.relname from pg_class c "
                                               "join pg_namespace n on n.oid = c.relnamespace "
                                               "where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') "
                                               "and not c.relispartition order by 1",
                                               {TextArrayLiteral(schemas)}));
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row[0].value_or(""));
  return out;
}

Result<SourceTable> SourceReader::DescribeTable(const std::string& schema, const std::string& table) {
  SourceTable out;
  out.schema = schema;
  out.table = table;
  LH_ASSIGN_OR_RETURN(PgSession session, PgSession::Connect(options_.conninfo, options_.where));
  LH_ASSIGN_OR_RETURN(auto oid_rows, session.Query("select c.oid::text from pg_class c join pg_namespace n on "
                                                   "n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 "
                                                   "and c.relkind in ('r', 'p')",
                                                   {schema, table}));
  if (oid_rows.empty()) {
    return Status::NotFound("source table " + out.QualifiedName() + " does not exist at " + options_.where);
  }
  const std::string oid = oid_rows[0][0].value_or("0");
  // Domains are compared as their base type, with the domain's typmod.
  LH_ASSIGN_OR_RETURN(auto columns,
                      session.Query("select a.attname, format_type(coalesce(nullif(t.typbasetype, 0), a.atttypid), "
                                    "case when t.typtype = 'd' then t.typtypmod else a.atttypmod end) "
                                    "from pg_attribute a join pg_type t on t.oid = a.atttypid "
                                    "where a.attrelid = $1::oid and a.attnum > 0 and not a.attisdropped "
                                    "order by a.attnum",
                                    {oid}));
  for (const auto& row : columns) {
    out.columns.push_back({row[0].value_or(""), ColumnTypeFromPg(row[1].value_or(""))});
  }
  // The primary key, else the replica identity index: what Debezium keys changes by.
  LH_ASSIGN_OR_RETURN(auto keys, session.Query("with idx as (select indexrelid, indrelid, indkey from pg_index "
                                               "where indrelid = $1::oid and (indisprimary or indisreplident) "
                                               "order by indisprimary desc limit 1) "
                                               "select a.attname from idx, unnest(idx.indkey) with ordinality "
                                               "as k(attnum, ord) join pg_attribute a on a.attnum = k.attnum "
                                               "where a.attrelid = idx.indrelid order by k.ord",
                                               {oid}));
  for (const auto& row : keys) out.key_columns.push_back(row[0].value_or(""));
  if (out.key_columns.empty()) {
    return Status::FailedPrecondition("source table " + out.QualifiedName() +
                                      " has no primary key or replica identity index, so its rows cannot be "
                                      "matched with Silver's");
  }
  return out;
}

Result<SourceSnapshot> SourceReader::ReadSnapshot(const SourceTable& table, const std::vector<std::string>& columns) {
  SourceSnapshot snapshot;
  snapshot.table = table;
  if (columns.empty()) {
    snapshot.columns = table.columns;
  } else {
    for (const std::string& name : columns) {
      const SourceColumn* column = table.Find(name);
      if (column == nullptr) {
        return Status::InvalidArgument("source table " + table.QualifiedName() + " has no column " + name);
      }
      snapshot.columns.push_back(*column);
    }
  }
  std::vector<size_t> key_index;
  for (const std::string& key : table.key_columns) {
    auto it = std::find_if(snapshot.columns.begin(), snapshot.columns.end(),
                           [&](const SourceColumn& c) { return c.name == key; });
    if (it == snapshot.columns.end()) {
      return Status::InvalidArgument("key column " + key + " of " + table.QualifiedName() +
                                     " is not among the columns to compare");
    }
    key_index.push_back(static_cast<size_t>(it - snapshot.columns.begin()));
  }

  const std::string context = "reading source table " + table.QualifiedName();
  LH_ASSIGN_OR_RETURN(PgSession reader, PgSession::Connect(options_.conninfo, options_.where));
  LH_RETURN_IF_ERROR(reader.Exec(kSessionSettings).WithContext(context));
  {
    std::optional<PgSession> locker;
    if (options_.lock_writers) {
      LH_ASSIGN_OR_RETURN(PgSession session, PgSession::Connect(options_.conninfo, options_.where));
      locker.emplace(std::move(session));
      Status locked = locker->Exec("BEGIN; SET LOCAL lock_timeout = " + std::to_string(options_.lock_timeout_ms) +
                                   "; LOCK TABLE " + Qualified(table) + " IN SHARE MODE");
      if (!locked.ok()) return LockError(locked, table, options_.lock_timeout_ms);
    }
    LH_RETURN_IF_ERROR(reader.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").WithContext(context));
    // The first statement takes the transaction's snapshot; the LSN is read after it.
    LH_ASSIGN_OR_RETURN(std::string lsn_text, reader.QueryValue("select pg_current_wal_insert_lsn()::text"));
    LH_ASSIGN_OR_RETURN(snapshot.snapshot_lsn, ParseLsn(lsn_text));
    if (locker) LH_RETURN_IF_ERROR(locker->Exec("COMMIT").WithContext(context));
    snapshot.exact_cut = locker.has_value();
  }  // the lock session closes here

  std::string select = "DECLARE " + std::string(kCursor) + " NO SCROLL CURSOR FOR SELECT ";
  for (size_t i = 0; i < snapshot.columns.size(); ++i) {
    if (i > 0) select += ", ";
    select += SqlIdentifier(snapshot.columns[i].name);
  }
  select += " FROM " + Qualified(table);
  LH_RETURN_IF_ERROR(reader.Exec(select).WithContext(context));

  const std::string fetch = "FETCH FORWARD " + std::to_string(std::max(1, options_.fetch_rows)) + " FROM " + kCursor;
  RowChecksum checksum;
  std::vector<CanonicalValue> key_values(key_index.size());
  while (true) {
    auto batch = reader.Query(fetch);
    if (!batch.ok()) return batch.status().WithContext(context);
    if (batch->empty()) break;
    for (const PgRow& row : *batch) {
      for (size_t c = 0; c < row.size(); ++c) {
        auto value = CanonicalFromPgText(snapshot.columns[c].type, row[c]);
        if (!value.ok()) return value.status().WithContext(context + ", column " + snapshot.columns[c].name);
        checksum.Add(*value);
        for (size_t k = 0; k < key_index.size(); ++k) {
          if (key_index[k] == c) key_values[k] = *value;
        }
      }
      snapshot.rows.emplace(EncodeKey(key_values), checksum.Finish());
    }
  }
  LH_RETURN_IF_ERROR(reader.Exec("COMMIT").WithContext(context));
  return snapshot;
}

}  // namespace lakehouse::verify
