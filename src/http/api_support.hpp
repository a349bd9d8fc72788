#pragma once
// Small helpers the API handlers share: ids from paths, results to responses.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "http/error_response.hpp"
#include "http/message.hpp"
#include "http/serialize.hpp"

namespace gapfill::http {

inline Response json_response(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = dump(body);
  return response;
}

// A positive id from a path segment; nullopt for anything else.
std::optional<std::int64_t> parse_id(const std::string& text);

// The id in request.params[name], or a 404 naming what was not found.
Result<std::int64_t> path_id(const Request& request, const char* name, const char* what);

// Runs `make` on the value of a successful result, or maps the error.
template <typename T, typename Make>
Response respond(const Result<T>& result, Make&& make) {
  if (!result) return error_response(result.error());
  return make(*result);
}

}  // namespace gapfill::http
