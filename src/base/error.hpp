#pragma once
// Errors are values: every step that can fail in normal use returns Result<T>.

#include <expected>
#include <map>
#include <string>
#include <utility>

namespace gapfill {

enum class ErrorCode {
  kMalformed,         // the request could not be read (bad JSON, bad query string)
  kInvalid,           // readable, but some values are wrong; `fields` names each
  kUnauthorized,      // a token is needed and none (or an unknown one) was given
  kForbidden,         // the token is valid but does not allow this
  kNotFound,          // no such record or route
  kMethodNotAllowed,  // the route exists for other methods
  kConflict,          // the record is not in a state that allows this
  kGone,              // the record was taken out of public view (a post organizers hid)
  kTooLarge,          // the body is over the configured limit
  kUriTooLong,        // the request target is over the limit
  kHeadersTooLarge,   // a header is over the limit
  kUnsupportedMedia,  // the body is not JSON
  kTooManyRequests,   // a rate limit refused it; try again later
  kUnavailable,       // the server is shutting down or overloaded
  kInternal,          // should never happen; logged, never shown in detail
};

// A user-visible message: a key into the message catalogues (web/i18n) and its named arguments.
struct Message {
  std::string key;
  std::map<std::string, std::string> args;

  friend bool operator==(const Message&, const Message&) = default;
};

// Field name ("contact.email") -> what is wrong with it.
using FieldMessages = std::map<std::string, Message>;

// A failure with a message meant for the client and, for kInvalid and
// kMalformed, one message per offending field. `message` is a plain English
// sentence; the field messages are rendered per language (i18n::render).
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  FieldMessages fields;
};

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
  return std::unexpected(Error{code, std::move(message), {}});
}

inline std::unexpected<Error> invalid(FieldMessages fields,
                                      std::string message = "Some fields are not valid.") {
  return std::unexpected(Error{ErrorCode::kInvalid, std::move(message), std::move(fields)});
}

inline std::unexpected<Error> not_found(std::string what) {
  return fail(ErrorCode::kNotFound, std::move(what) + " not found.");
}

// The stable name of a code as used in API error bodies ("not_found").
const char* error_code_name(ErrorCode code);

}  // namespace gapfill

// TRY(expr): evaluates a Result; on error returns it from the enclosing
// function, otherwise yields the value. A GNU statement expression.
#define GAPFILL_TRY_CAT2(a, b) a##b
#define GAPFILL_TRY_CAT(a, b) GAPFILL_TRY_CAT2(a, b)
#define TRY(expr) GAPFILL_TRY_IMPL(GAPFILL_TRY_CAT(try_result_, __COUNTER__), expr)
#define GAPFILL_TRY_IMPL(name, expr)                            \
  ({                                                            \
    auto name = (expr);                                         \
    if (!name) return std::unexpected(std::move(name.error())); \
    std::move(name).value();                                    \
  })
// TRY_STATUS(expr): the same for Status (no value).
#define TRY_STATUS(expr) GAPFILL_TRY_STATUS_IMPL(GAPFILL_TRY_CAT(try_status_, __COUNTER__), expr)
#define GAPFILL_TRY_STATUS_IMPL(name, expr)                     \
  do {                                                          \
    auto name = (expr);                                         \
    if (!name) return std::unexpected(std::move(name.error())); \
  } while (false)
