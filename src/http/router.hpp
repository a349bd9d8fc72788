#pragma once
// Routes a method and a path to a handler. Patterns are literal segments and
// {name} captures: "/api/v1/posts/{id}/close". A path that matches a pattern
// under another method is 405 with the allowed methods, not 404.

#include <compare>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace gapfill::http {

using Handler = std::function<Response(Request&)>;

// Says whether a request may be answered on the I/O thread that read it:
// only when its handler does no database work and little else, which
// saves two thread hand-offs. Absent: always on the worker pool.
using InlinePredicate = std::function<bool(const Request&)>;

// Besides the client's address, a rate-limited route may count a request
// under another key: the e-mail address a sign-in tries, for example.
// nullopt: the request has none.
using RateKey = std::function<std::optional<std::string>(const Request&)>;

// What a route's body must be: JSON for the API, an HTML form for pages.
enum class BodyType { kJson, kForm };

class Router {
 public:
  // What may be said of a route just added, valid until the next add.
  class Added {
   public:
    // Puts the route under a rate-limit rule (limits::kRateLimitDefaults):
    // the dispatcher answers 429 before the handler when the client's
    // address, its signed-in account (DispatchOptions::rate_identity) or the
    // request's `key` is over it.
    void rate_limit(std::string_view rule, RateKey key = {});

   private:
    friend class Router;
    Added(Router& router, std::size_t index) : router_(router), index_(index) {}
    Router& router_;
    std::size_t index_;
  };

  Added add(Method method, std::string pattern, Handler handler, InlinePredicate runs_inline = {});
  // A page route: its body, if any, is an HTML form.
  Added add_page(Method method, std::string pattern, Handler handler,
                 InlinePredicate runs_inline = {});

  struct Found {
    const Handler* handler = nullptr;      // null when nothing matched
    const std::string* pattern = nullptr;  // the route, for logs
    const InlinePredicate* runs_inline = nullptr;
    BodyType body_type = BodyType::kJson;
    std::string_view rate_rule;         // empty: not rate limited
    const RateKey* rate_key = nullptr;  // another key to count the request under
    std::vector<Method> allowed;        // when the path matched other methods
  };
  // Finds the handler for the request and fills request.params. HEAD finds
  // the GET handler.
  Found find(Request& request) const;

  // Every route, in the order added: for tests that must cover them all.
  struct Listed {
    Method method;
    std::string pattern;
    bool page = false;
    auto operator<=>(const Listed&) const = default;
  };
  std::vector<Listed> list() const;

 private:
  Added add_route(Method method, std::string pattern, Handler handler, InlinePredicate runs_inline,
                  BodyType body_type);
  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    InlinePredicate runs_inline;
    BodyType body_type = BodyType::kJson;
    std::string rate_rule;
    RateKey rate_key;
  };
  std::vector<Route> routes_;
};

// Splits "/a/b/" into {"a", "b"}; empty segments are dropped.
std::vector<std::string> split_path(std::string_view path);

}  // namespace gapfill::http
