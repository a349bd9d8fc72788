#include "http/router.hpp"

#include <algorithm>
#include <map>

namespace gapfill::http {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (!segment.empty()) segments.emplace_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

void Router::Added::rate_limit(std::string_view rule, RateKey key) {
  router_.routes_[index_].rate_rule = std::string(rule);
  router_.routes_[index_].rate_key = std::move(key);
}

Router::Added Router::add(Method method, std::string pattern, Handler handler,
                          InlinePredicate runs_inline) {
  return add_route(method, std::move(pattern), std::move(handler), std::move(runs_inline),
                   BodyType::kJson);
}

Router::Added Router::add_page(Method method, std::string pattern, Handler handler,
                               InlinePredicate runs_inline) {
  return add_route(method, std::move(pattern), std::move(handler), std::move(runs_inline),
                   BodyType::kForm);
}

Router::Added Router::add_route(Method method, std::string pattern, Handler handler,
                                InlinePredicate runs_inline, BodyType body_type) {
  auto segments = split_path(pattern);
  routes_.push_back(Route{method,
                          std::move(pattern),
                          std::move(segments),
                          std::move(handler),
                          std::move(runs_inline),
                          body_type,
                          {},
                          {}});
  return Added(*this, routes_.size() - 1);
}

std::vector<Router::Listed> Router::list() const {
  std::vector<Listed> listed;
  listed.reserve(routes_.size());
  for (const Route& route : routes_) {
    listed.push_back({route.method, route.pattern, route.body_type == BodyType::kForm});
  }
  return listed;
}

Router::Found Router::find(Request& request) const {
  const auto segments = split_path(request.path);
  const Method wanted = request.method == Method::kHead ? Method::kGet : request.method;
  Found found;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool matched = true;
    for (std::size_t i = 0; i < segments.size() && matched; ++i) {
      const std::string& expected = route.segments[i];
      if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
        params[expected.substr(1, expected.size() - 2)] = segments[i];
      } else {
        matched = expected == segments[i];
      }
    }
    if (!matched) continue;
    if (route.method != wanted) {
      if (std::find(found.allowed.begin(), found.allowed.end(), route.method) ==
          found.allowed.end()) {
        found.allowed.push_back(route.method);
      }
      continue;
    }
    request.params = std::move(params);
    found.handler = &route.handler;
    found.pattern = &route.pattern;
    if (route.runs_inline) found.runs_inline = &route.runs_inline;
    found.body_type = route.body_type;
    found.rate_rule = route.rate_rule;
    found.rate_key = &route.rate_key;
    found.allowed.clear();
    return found;
  }
  return found;
}

}  // namespace gapfill::http
