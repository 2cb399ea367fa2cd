// PgResult: owns one libpq PGresult and reads it as text. Move-only; not
// thread-safe (like the PGresult it wraps).
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace lakehouse::workload {

class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(PGresult* result) : result_(result) {}
  PgResult(PgResult&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
  PgResult& operator=(PgResult&& other) noexcept {
    if (this != &other) {
      if (result_ != nullptr) PQclear(result_);
      result_ = std::exchange(other.result_, nullptr);
    }
    return *this;
  }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult() {
    if (result_ != nullptr) PQclear(result_);
  }

  const PGresult* get() const { return result_; }
  ExecStatusType status() const { return PQresultStatus(result_); }
  int rows() const { return PQntuples(result_); }
  bool IsNull(int row, int col) const { return PQgetisnull(result_, row, col) != 0; }
  // Text of a field ("" for NULL). REQUIRES: row < rows(), col < columns.
  std::string_view Get(int row, int col) const {
    return {PQgetvalue(result_, row, col), static_cast<size_t>(PQgetlength(result_, row, col))};
  }
  // A bigint/integer/numeric(…,0) field; 0 for NULL or text that is not a number.
  int64_t Int64(int row, int col) const { return std::strtoll(PQgetvalue(result_, row, col), nullptr, 10); }
  // Rows an INSERT/UPDATE/DELETE touched (0 for other commands).
  int64_t AffectedRows() const { return std::strtoll(PQcmdTuples(result_), nullptr, 10); }

 private:
  PGresult* result_ = nullptr;
};

}  // namespace lakehouse::workload
