// PgTestDatabase (tests only; header-only): a fresh, empty database on the
// server named by LAKEHOUSE_TEST_PG_DSN (a role that may CREATE DATABASE),
// dropped again by the destructor. Suites using it end in "PgTest" and skip
// when the variable is unset.
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "common/pg_session.h"

namespace lakehouse::verify {

class PgTestDatabase {
 public:
  // The admin DSN, or "" when LAKEHOUSE_TEST_PG_DSN is unset or empty.
  static std::string AdminDsn() {
    const char* dsn = std::getenv("LAKEHOUSE_TEST_PG_DSN");
    return dsn == nullptr ? "" : dsn;
  }

  // `dsn` with `key` set to `value` (any DSN form libpq accepts).
  static std::string WithOption(const std::string& dsn, const std::string& key, const std::string& value) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &error);
    if (options == nullptr) {
      PQfreemem(error);
      return dsn + " " + key + "=" + value;
    }
    std::string out;
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
      if (o->val == nullptr || key == o->keyword) continue;
      out += std::string(o->keyword) + "=" + Quote(o->val) + " ";
    }
    PQconninfoFree(options);
    return out + key + "=" + Quote(value);
  }

  // Creates lh_verify_test_<pid>_<n>; ok() tells whether it worked (and error() why).
  explicit PgTestDatabase(const std::string& admin_dsn) : admin_dsn_(admin_dsn) {
    static int counter = 0;
    name_ = "lh_verify_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto admin = PgSession::Connect(admin_dsn_, "LAKEHOUSE_TEST_PG_DSN");
    if (!admin.ok()) {
      error_ = admin.status().ToString();
      return;
    }
    Status s = admin->Exec("create database " + name_ + " encoding 'UTF8' template template0");
    if (!s.ok()) {
      error_ = s.ToString() + " (the role in LAKEHOUSE_TEST_PG_DSN needs CREATEDB)";
      return;
    }
    dsn_ = WithOption(admin_dsn_, "dbname", name_);
  }
  ~PgTestDatabase() {
    if (dsn_.empty()) return;
    auto admin = PgSession::Connect(admin_dsn_, "LAKEHOUSE_TEST_PG_DSN");
    if (admin.ok()) (void)admin->Exec("drop database if exists " + name_ + " with (force)");
  }
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  bool ok() const { return !dsn_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& dsn() const { return dsn_; }
  const std::string& name() const { return name_; }

 private:
  static std::string Quote(const std::string& v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  }

  std::string admin_dsn_;
  std::string name_;
  std::string dsn_;
  std::string error_;
};

}  // namespace lakehouse::verify
