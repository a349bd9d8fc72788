#pragma once
// The one place where a domain error becomes an HTTP status and body:
// {"error": {"code": "...", "message": "...", "fields": {...}}}.

#include <string>

#include "base/error.hpp"
#include "http/message.hpp"

namespace gapfill::http {

int status_for(ErrorCode code);
// The error's body, its field messages rendered in `language` (the JSON API
// answers in English).
Response error_response(const Error& error, const std::string& language = "en");
Response error_response(ErrorCode code, std::string message);

}  // namespace gapfill::http
