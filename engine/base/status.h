// Status and StatusOr<T>: how errors cross module boundaries in Parallax.
//
// A Status is either OK or carries a code and a message a user can act on, for example
// "examples/corpus.yaml:12:3: unknown key 'outlett'". Library exceptions (Xapian, yaml-cpp,
// ICU, nlohmann-json) are caught in the one module that uses each library and turned into a
// Status there; nothing above that module sees them.
//
// Thread safety: Status and StatusOr are values; distinct objects may be used from different
// threads without synchronisation.
#ifndef PARALLAX_ENGINE_BASE_STATUS_H_
#define PARALLAX_ENGINE_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace parallax {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // the user's input (file, flag, data) is malformed
    kNotFound,      // a file, article or index does not exist
    kIoError,       // the operating system refused a read or write
    kCorruption,    // stored data (an index) is damaged or of another version
    kLocked,        // another process holds a resource (the index write lock)
    kInternal,      // a bug: an invariant of Parallax itself was broken
  };

  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Locked(std::string msg) { return Status(Code::kLocked, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<context>: <message>"; OK stays OK.
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

  // "OK", or the message prefixed by nothing: messages are written to be shown as they are.
  std::string ToString() const { return ok() ? std::string("OK") : message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-OK Status. REQUIRES: value() only when ok().
template <typename T>
class StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "StatusOr built from an OK status carries no value");
    if (status_.ok()) status_ = Status::Internal("StatusOr built from an OK status");
  }
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace parallax

#define PARALLAX_STATUS_CONCAT_INNER_(a, b) a##b
#define PARALLAX_STATUS_CONCAT_(a, b) PARALLAX_STATUS_CONCAT_INNER_(a, b)

// Returns from the calling function when `expr` (a Status) is not OK.
#define PARALLAX_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::parallax::Status parallax_status_ = (expr);        \
    if (!parallax_status_.ok()) return parallax_status_; \
  } while (0)

// `lhs = value of expr` when expr (a StatusOr) is OK, else returns its Status.
#define PARALLAX_ASSIGN_OR_RETURN(lhs, expr) \
  PARALLAX_ASSIGN_OR_RETURN_IMPL_(PARALLAX_STATUS_CONCAT_(parallax_statusor_, __LINE__), lhs, expr)
#define PARALLAX_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                    \
  if (!tmp.ok()) return tmp.status();                   \
  lhs = std::move(tmp).value()

#endif  // PARALLAX_ENGINE_BASE_STATUS_H_
