#include "http/error_response.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "domain/catalogue.hpp"

namespace gapfill::http {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed:
      return 400;
    case ErrorCode::kInvalid:
      return 422;
    case ErrorCode::kUnauthorized:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kGone:
      return 410;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUriTooLong:
      return 414;
    case ErrorCode::kHeadersTooLarge:
      return 431;
    case ErrorCode::kUnsupportedMedia:
      return 415;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response error_response(const Error& error, const std::string& language) {
  if (error.code == ErrorCode::kInternal) {
    spdlog::error("internal_error what=\"{}\"", error.message);  // store errors: no personal data
  }
  nlohmann::json body;
  body["error"]["code"] = error_code_name(error.code);
  // An internal error's message may name tables or files: never shown.
  body["error"]["message"] = error.code == ErrorCode::kInternal
                                 ? "Something went wrong on our side; it has been logged."
                                 : error.message;
  body["error"]["fields"] = nlohmann::json::object();  // one shape, always
  for (const auto& [field, message] : error.fields) {
    body["error"]["fields"][field] = i18n::render(message, language);
  }
  Response response;
  response.status = status_for(error.code);
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (error.code == ErrorCode::kUnauthorized) {
    response.headers.emplace_back("WWW-Authenticate", "Bearer");
  }
  return response;
}

Response error_response(ErrorCode code, std::string message) {
  return error_response(Error{code, std::move(message), {}});
}

}  // namespace gapfill::http
