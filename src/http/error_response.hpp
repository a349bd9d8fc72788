#pragma once
// The one place where a domain error becomes an HTTP status and body:
// {"error": {"code": "...", "message": "...", "fields": {...}}}.

#include "base/error.hpp"
#include "http/message.hpp"

namespace gapfill::http {

int status_for(ErrorCode code);
Response error_response(const Error& error);
Response error_response(ErrorCode code, std::string message);

}  // namespace gapfill::http
