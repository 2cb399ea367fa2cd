// Status: the one error currency of the project.
//
// A Status is either OK or carries a code and a message that says what failed,
// where (service, file, port, table) and, where useful, what to do next.
// Functions that can fail return Status or Result<T> (result.h); exceptions never
// cross a module boundary. Status is a small value type, safe to copy and to
// pass between threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace lakehouse {

enum class StatusCode {
  kOk = 0,
  kNotFound,
  kInvalidArgument,
  kIOError,
  kUnavailable,
  kTimeout,
  kCorruption,
  kAlreadyExists,
  kFailedPrecondition,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status Unavailable(std::string msg) { return {StatusCode::kUnavailable, std::move(msg)}; }
  static Status Timeout(std::string msg) { return {StatusCode::kTimeout, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status AlreadyExists(std::string msg) { return {StatusCode::kAlreadyExists, std::move(msg)}; }
  static Status FailedPrecondition(std::string msg) { return {StatusCode::kFailedPrecondition, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }
  // An IOError that appends strerror(errnum) to `what`.
  static Status FromErrno(std::string_view what, int errnum);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  bool IsNotFound() const { return code_ == StatusCode::kNotFound; }
  bool IsTimeout() const { return code_ == StatusCode::kTimeout; }
  bool IsUnavailable() const { return code_ == StatusCode::kUnavailable; }

  // "NotFound: <message>", or "OK".
  std::string ToString() const;
  // The same code with "<context>: " put before the message; OK stays OK.
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace lakehouse

// Returns the Status of `expr` from the enclosing function when it is not OK.
#define LH_RETURN_IF_ERROR(expr)                      \
  do {                                                \
    ::lakehouse::Status lh_status_ = (expr);          \
    if (!lh_status_.ok()) return lh_status_;          \
  } while (0)
