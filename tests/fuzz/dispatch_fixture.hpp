#pragma once
// A Router with the application's route patterns (not its handlers: those need
// a store, and the HTTP tests drive them) and a Dispatcher in front, as the
// server has. Each handler answers 200 with its path parameters, or 404 when
// an {id} is not a post id, as the real handlers do through path_id.

#include <spdlog/spdlog.h>

#include "http/api_support.hpp"
#include "http/dispatcher.hpp"
#include "http/router.hpp"

namespace gapfill::fuzz {

struct DispatchFixture {
  http::Router router;
  http::Dispatcher dispatcher{router, http::DispatchOptions{}};

  DispatchFixture() {
    spdlog::set_level(spdlog::level::off);  // the access log, once per input
    using http::Method;
    const auto answer = [](http::Request& request) {
      http::Response response;
      for (const auto& [name, value] : request.params) {
        if (name == "id") {
          const auto id = http::path_id(request, "id", "Post");
          if (!id) return http::error_response(id.error());
        }
        response.body += name + "=" + value + "\n";
      }
      return response;
    };
    static constexpr std::pair<Method, const char*> kApi[] = {
        {Method::kGet, "/api/v1/matches/{id}"},
        {Method::kGet, "/api/v1/networks"},
        {Method::kGet, "/api/v1/networks/{slug}"},
        {Method::kGet, "/api/v1/networks/{slug}/categories"},
        {Method::kGet, "/api/v1/posts/{id}"},
        {Method::kGet, "/api/v1/posts/{id}/history"},
        {Method::kPatch, "/api/v1/posts/{id}"},
        {Method::kPost, "/api/v1/matches"},
        {Method::kPost, "/api/v1/networks"},
        {Method::kPost, "/api/v1/networks/{slug}/posts"},
        {Method::kPost, "/api/v1/posts/{id}/claim"},
        {Method::kPost, "/api/v1/posts/{id}/close"},
    };
    static constexpr std::pair<Method, const char*> kPages[] = {
        {Method::kGet, "/"},
        {Method::kGet, "/lang/{code}"},
        {Method::kGet, "/n/{slug}"},
        {Method::kGet, "/n/{slug}/flyer"},
        {Method::kGet, "/n/{slug}/organize"},
        {Method::kGet, "/n/{slug}/organize/intake"},
        {Method::kGet, "/p/{id}"},
        {Method::kGet, "/p/{id}/claim"},
        {Method::kGet, "/p/{id}/k/{token}"},
        {Method::kGet, "/p/{id}/k/{token}/edit"},
        {Method::kGet, "/static/{version}/{file}"},
        {Method::kGet, "/static/{version}/{folder}/{file}"},
        {Method::kPost, "/n/{slug}/organize/intake"},
        {Method::kPost, "/n/{slug}/organize/matches/{id}/cancel"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/close"},
        {Method::kPost, "/n/{slug}/organize/sign-in"},
        {Method::kPost, "/p/{id}/claim"},
        {Method::kPost, "/p/{id}/k/{token}/edit"},
    };
    for (const auto& [method, pattern] : kApi) router.add(method, pattern, answer);
    for (const auto& [method, pattern] : kPages) router.add_page(method, pattern, answer);
  }

  http::Response dispatch(http::Request& request) const {
    const auto plan = dispatcher.plan(request);
    return dispatcher.handle(request, plan);
  }
};

inline bool has_header(const http::Response& response, std::string_view name) {
  for (const auto& [field, value] : response.headers) {
    if (field == name) return true;
  }
  return false;
}

}  // namespace gapfill::fuzz
