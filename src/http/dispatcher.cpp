#include "http/dispatcher.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "base/limits.hpp"
#include "http/error_response.hpp"

namespace gapfill::http {
namespace {

bool has_type(std::string_view value, std::string_view wanted) {
  if (value.size() < wanted.size()) return false;
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) != wanted[i]) return false;
  }
  const std::string_view rest = value.substr(wanted.size());
  return rest.empty() || rest.front() == ';' || rest.front() == ' ';
}

bool takes_body(Method method) {
  return method == Method::kPost || method == Method::kPatch || method == Method::kPut;
}

bool has_header(const Response& response, std::string_view name) {
  for (const auto& [field, value] : response.headers) {
    if (field.size() == name.size() &&
        std::equal(field.begin(), field.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return true;
    }
  }
  return false;
}

// Headers every answer carries; a handler may set its own caching and
// content security policy (pages and static files do).
void add_common_headers(Response& response, bool https_only) {
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (https_only) {
    response.headers.emplace_back("Strict-Transport-Security",
                                  fmt::format("max-age={}", limits::kHstsMaxAgeSeconds));
  }
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  if (!has_header(response, "Cache-Control"))
    response.headers.emplace_back("Cache-Control", "no-store");
  if (!has_header(response, "Content-Security-Policy")) {
    response.headers.emplace_back("Content-Security-Policy",
                                  "default-src 'none'; frame-ancestors 'none'");
  }
}

bool under(std::string_view path, std::string_view folder) {
  return path.starts_with(folder) && (path.size() == folder.size() || path[folder.size()] == '/');
}

// Machines' addresses: their errors stay JSON.
bool is_api(const Request& request) {
  return under(request.path, "/api") || under(request.path, "/healthz");
}

// The limits on the request line and headers, checked before anything reads them.
std::optional<Response> over_limits(const Request& request) {
  if (request.path.size() + request.query.size() > limits::kMaxUrlBytes) {
    return error_response(
        ErrorCode::kUriTooLong,
        fmt::format("The request target is over {} bytes.", limits::kMaxUrlBytes));
  }
  for (const auto& [name, value] : request.headers) {
    if (name.size() + value.size() > limits::kMaxHeaderFieldBytes) {
      return error_response(ErrorCode::kHeadersTooLarge, fmt::format("A header is over {} bytes.",
                                                                     limits::kMaxHeaderFieldBytes));
    }
  }
  return std::nullopt;
}

}  // namespace

// One place for every rate-limited route: 429 with Retry-After before the
// handler runs, when the client's address, its account or the route's own
// key (the e-mail a sign-in tries) is over the rule. The log names the rule,
// never the address, account or key.
std::optional<Response> Dispatcher::over_rate_limit(const Request& request,
                                                    const Router::Found& found) const {
  if (options_.rate_limiter == nullptr || found.rate_rule.empty()) return std::nullopt;
  std::vector<std::string> keys{request.client_address};
  if (found.rate_key != nullptr && *found.rate_key) {
    if (auto key = (*found.rate_key)(request)) keys.push_back("key:" + *key);
  }
  if (options_.rate_identity) {
    if (auto identity = options_.rate_identity(request)) keys.push_back("who:" + *identity);
  }
  for (const std::string& key : keys) {
    const auto decision = options_.rate_limiter->take(found.rate_rule, key);
    if (decision.allowed) continue;
    spdlog::info("http rate_limited rule={} retry_after={}", found.rate_rule,
                 decision.retry_after_seconds);
    Response response = error_response(
        ErrorCode::kTooManyRequests,
        fmt::format("Too many requests; try again in {} seconds.", decision.retry_after_seconds));
    response.headers.emplace_back("Retry-After", std::to_string(decision.retry_after_seconds));
    return response;
  }
  return std::nullopt;
}

Response Dispatcher::route(Request& request, const Router::Found& found) const {
  if (auto refused = over_limits(request)) return *refused;
  if (request.body.size() > options_.max_body_bytes) {
    return error_response(
        ErrorCode::kTooLarge,
        fmt::format("The body is over the limit of {} bytes.", options_.max_body_bytes));
  }
  if (found.handler == nullptr) {
    if (found.allowed.empty()) return error_response(ErrorCode::kNotFound, "No such route.");
    std::string allow;
    for (Method method : found.allowed) {
      if (!allow.empty()) allow += ", ";
      allow += to_string(method);
    }
    Response response =
        error_response(ErrorCode::kMethodNotAllowed, "This route does not take " +
                                                         std::string(to_string(request.method)) +
                                                         "; it takes " + allow + ".");
    response.headers.emplace_back("Allow", allow);
    return response;
  }
  if (takes_body(request.method) && !request.body.empty()) {
    const auto type = request.header("content-type");
    if (found.body_type == BodyType::kForm) {
      if (!type || !has_type(*type, "application/x-www-form-urlencoded")) {
        return error_response(ErrorCode::kUnsupportedMedia,
                              "Send the form as application/x-www-form-urlencoded.");
      }
    } else if (!type || !has_type(*type, "application/json")) {
      return error_response(ErrorCode::kUnsupportedMedia,
                            "Send the body as JSON with 'Content-Type: application/json'.");
    }
  }
  if (auto refused = over_rate_limit(request, found)) return *refused;
  return (*found.handler)(request);
}

Dispatcher::Plan Dispatcher::plan(Request& request) const {
  Plan plan;
  if (over_limits(request) || request.body.size() > options_.max_body_bytes) {
    plan.runs_inline = true;  // a quick 413, 414 or 431; not routed
    return plan;
  }
  plan.found = router_.find(request);
  plan.runs_inline = plan.found.handler == nullptr ||  // a quick 404 or 405
                     (plan.found.runs_inline != nullptr && (*plan.found.runs_inline)(request));
  return plan;
}

Response Dispatcher::handle(Request& request, const Plan& plan) const {
  const auto started = std::chrono::steady_clock::now();
  const std::string* pattern = plan.found.pattern;
  Response response;
  try {
    response = route(request, plan.found);
  } catch (const std::exception& error) {
    spdlog::error("http handler_failed method={} route={} what=\"{}\"", to_string(request.method),
                  pattern != nullptr ? *pattern : "-", error.what());
    response = error_response(ErrorCode::kInternal, "");
  }
  // A person's browser gets a page, not JSON, for the errors that the
  // dispatcher answers itself (404, 405, 413, ...) and for failures.
  if (options_.error_page && response.status >= 400 && !is_api(request) &&
      response.content_type == "application/json") {
    try {
      Response page = options_.error_page(request, response.status);
      for (auto& header : response.headers) page.headers.push_back(std::move(header));  // Allow
      response = std::move(page);
    } catch (const std::exception& error) {
      spdlog::error("http error_page_failed what=\"{}\"", error.what());
    }
  }
  add_common_headers(response, options_.https_only);
  if (request.method == Method::kHead) response.body.clear();
  // The route pattern, never the path or query: those can hold a place.
  spdlog::info("http method={} route={} status={} micros={}", to_string(request.method),
               pattern != nullptr ? *pattern : "-", response.status,
               std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count());
  return response;
}

}  // namespace gapfill::http
