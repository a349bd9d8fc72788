#pragma once
// What every request goes through, whatever the server library: body limit,
// routing (404/405), content type, the handler, failures, common headers and
// the access log. Runs on a worker thread.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "engine/rate_limiter.hpp"
#include "http/router.hpp"

namespace gapfill::http {

// Renders an error status as an HTML page, for requests outside /api/
// (people with browsers); absent, every error is JSON.
using ErrorPageRenderer = std::function<Response(const Request&, int status)>;

struct DispatchOptions {
  std::size_t max_body_bytes = 64 * 1024;
  ErrorPageRenderer error_page;
  // Checks routes that name a rate-limit rule, keyed by client address;
  // absent, nothing is rate limited (GAPFILL_RATE_LIMITS=off).
  engine::RateLimiter* rate_limiter = nullptr;
  // Served over TLS (directly or behind a TLS proxy): browsers are told to
  // come back over HTTPS only (Strict-Transport-Security).
  bool https_only = false;
  // Who is signed in, as a rate-limit key ("account:12"): a signed-in
  // client is also counted per account, whatever address it comes from.
  // Absent: by address (and the route's own key) alone.
  std::function<std::optional<std::string>(const Request&)> rate_identity;
};

class Dispatcher {
 public:
  Dispatcher(const Router& router, DispatchOptions options) : router_(router), options_(options) {}

  // Where a request goes, found once per request: the route (with the path
  // parameters filled in) and whether it may be answered on the I/O thread.
  struct Plan {
    Router::Found found;
    bool runs_inline = false;
  };
  Plan plan(Request& request) const;

  // Answers a planned request. Never throws; a failing handler becomes a
  // 500 with nothing revealed.
  Response handle(Request& request, const Plan& plan) const;

  const DispatchOptions& options() const { return options_; }

 private:
  Response route(Request& request, const Router::Found& found) const;
  std::optional<Response> over_rate_limit(const Request& request, const Router::Found& found) const;

  const Router& router_;
  DispatchOptions options_;
};

}  // namespace gapfill::http
