// Result<T>: a value or the Status that explains why there is none.
//
// Building a Result from an OK Status is a programmer error (there would be
// neither value nor error), so it is turned into an Internal error.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "common/status.h"

namespace lakehouse {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(state_).ok()) {
      state_ = Status::Internal("Result built from an OK Status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }

  // REQUIRES: ok()
  T& value() & { assert(ok()); return std::get<T>(state_); }
  const T& value() const& { assert(ok()); return std::get<T>(state_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  T value_or(T fallback) const& { return ok() ? std::get<T>(state_) : std::move(fallback); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace lakehouse

#define LH_CONCAT_INNER_(a, b) a##b
#define LH_CONCAT_(a, b) LH_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (a Result<T>); on error returns its Status, else moves the
// value into `lhs` (which may be a declaration such as `auto x`).
#define LH_ASSIGN_OR_RETURN(lhs, rexpr) \
  LH_ASSIGN_OR_RETURN_IMPL_(LH_CONCAT_(lh_result_, __LINE__), lhs, rexpr)
#define LH_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                              \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()
