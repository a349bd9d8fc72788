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
    // The server's routes (FuzzRoutesTest keeps this list whole).
    static constexpr std::pair<Method, const char*> kApi[] = {
        {Method::kGet, "/api/v1/account"},
        {Method::kGet, "/api/v1/account/export"},
        {Method::kGet, "/api/v1/matches/{id}"},
        {Method::kGet, "/api/v1/matches/{id}/messages"},
        {Method::kGet, "/api/v1/networks"},
        {Method::kGet, "/api/v1/networks/serving"},
        {Method::kGet, "/api/v1/networks/{slug}"},
        {Method::kGet, "/api/v1/networks/{slug}/audit"},
        {Method::kGet, "/api/v1/networks/{slug}/categories"},
        {Method::kGet, "/api/v1/networks/{slug}/duplicates"},
        {Method::kGet, "/api/v1/networks/{slug}/invites"},
        {Method::kGet, "/api/v1/networks/{slug}/members"},
        {Method::kGet, "/api/v1/networks/{slug}/policy"},
        {Method::kGet, "/api/v1/networks/{slug}/posts"},
        {Method::kGet, "/api/v1/networks/{slug}/referrals"},
        {Method::kGet, "/api/v1/networks/{slug}/suggestions"},
        {Method::kGet, "/api/v1/networks/{slug}/reports"},
        {Method::kGet, "/api/v1/networks/{slug}/volunteer-profile"},
        {Method::kGet, "/api/v1/networks/{slug}/volunteers"},
        {Method::kGet, "/api/v1/places"},
        {Method::kGet, "/api/v1/directory"},
        {Method::kGet, "/api/v1/directory/hsds/{file}"},
        {Method::kGet, "/api/v1/posts/{id}"},
        {Method::kGet, "/api/v1/posts/{id}/history"},
        {Method::kGet, "/api/v1/referrals/{id}"},
        {Method::kGet, "/healthz"},
        {Method::kGet, "/static/{version}/{file}"},
        {Method::kGet, "/static/{version}/{folder}/{file}"},
        {Method::kGet, "/static/{version}/{folder}/{sub}/{file}"},
        {Method::kPost, "/api/v1/account/verification"},
        {Method::kPost, "/api/v1/account/verification/resend"},
        {Method::kPost, "/api/v1/accounts"},
        {Method::kPost, "/api/v1/invites/redeem"},
        {Method::kPost, "/api/v1/matches"},
        {Method::kPost, "/api/v1/matches/{id}/accept"},
        {Method::kPost, "/api/v1/matches/{id}/cancel"},
        {Method::kPost, "/api/v1/matches/{id}/complete"},
        {Method::kPost, "/api/v1/matches/{id}/messages"},
        {Method::kPost, "/api/v1/networks"},
        {Method::kPost, "/api/v1/networks/{slug}/accounts/{id}/block"},
        {Method::kPost, "/api/v1/networks/{slug}/accounts/{id}/unblock"},
        {Method::kPost, "/api/v1/networks/{slug}/admin-key"},
        {Method::kPost, "/api/v1/networks/{slug}/duplicates/{id}/dismiss"},
        {Method::kPost, "/api/v1/networks/{slug}/duplicates/{id}/merge"},
        {Method::kPost, "/api/v1/networks/{slug}/invites"},
        {Method::kPost, "/api/v1/networks/{slug}/invites/{id}/revoke"},
        {Method::kPost, "/api/v1/networks/{slug}/join"},
        {Method::kPost, "/api/v1/networks/{slug}/posts"},
        {Method::kPost, "/api/v1/networks/{slug}/posts/{id}/block"},
        {Method::kPost, "/api/v1/networks/{slug}/posts/{id}/hide"},
        {Method::kPost, "/api/v1/networks/{slug}/posts/{id}/unblock"},
        {Method::kPost, "/api/v1/networks/{slug}/posts/{id}/unhide"},
        {Method::kPost, "/api/v1/networks/{slug}/reports/{id}/resolve"},
        {Method::kPost, "/api/v1/password-resets"},
        {Method::kPost, "/api/v1/password-resets/complete"},
        {Method::kPost, "/api/v1/posts/{id}/claim"},
        {Method::kPost, "/api/v1/posts/{id}/close"},
        {Method::kPost, "/api/v1/posts/{id}/referrals"},
        {Method::kPost, "/api/v1/posts/{id}/referrals/{referral}/consent"},
        {Method::kPost, "/api/v1/posts/{id}/reports"},
        {Method::kPost, "/api/v1/referrals/{id}/accept"},
        {Method::kPost, "/api/v1/referrals/{id}/decline"},
        {Method::kPost, "/api/v1/referrals/{id}/withdraw"},
        {Method::kPost, "/api/v1/networks/{slug}/suggestions/accept"},
        {Method::kPost, "/api/v1/networks/{slug}/suggestions/accept-all"},
        {Method::kPost, "/api/v1/networks/{slug}/suggestions/dismiss"},
        {Method::kPost, "/api/v1/sessions"},
        {Method::kPatch, "/api/v1/networks/{slug}/members/{account}"},
        {Method::kPatch, "/api/v1/networks/{slug}/policy"},
        {Method::kPatch, "/api/v1/networks/{slug}/contact"},
        {Method::kPatch, "/api/v1/posts/{id}"},
        {Method::kPut, "/api/v1/networks/{slug}/area"},
        {Method::kPut, "/api/v1/networks/{slug}/volunteer-profile"},
        {Method::kDelete, "/api/v1/account"},
        {Method::kDelete, "/api/v1/networks/{slug}/members/{account}"},
        {Method::kDelete, "/api/v1/networks/{slug}/volunteer-profile"},
        {Method::kDelete, "/api/v1/sessions"},
        {Method::kDelete, "/api/v1/sessions/current"},
    };
    static constexpr std::pair<Method, const char*> kPages[] = {
        {Method::kGet, "/"},
        {Method::kGet, "/account"},
        {Method::kGet, "/account/check-email"},
        {Method::kGet, "/account/deleted"},
        {Method::kGet, "/account/export"},
        {Method::kGet, "/account/forgot"},
        {Method::kGet, "/account/forgot/sent"},
        {Method::kGet, "/account/reset-done"},
        {Method::kGet, "/account/reset/{token}"},
        {Method::kGet, "/account/sign-in"},
        {Method::kGet, "/account/sign-up"},
        {Method::kGet, "/account/signed-out"},
        {Method::kGet, "/account/verify/{token}"},
        {Method::kGet, "/invite/{token}"},
        {Method::kGet, "/lang/{code}"},
        {Method::kGet, "/directory"},
        {Method::kGet, "/start"},
        {Method::kGet, "/n/{slug}/welcome"},
        {Method::kGet, "/n/{slug}"},
        {Method::kGet, "/n/{slug}/admin"},
        {Method::kGet, "/n/{slug}/admin/area"},
        {Method::kGet, "/n/{slug}/ask"},
        {Method::kGet, "/n/{slug}/browse"},
        {Method::kGet, "/n/{slug}/flyer"},
        {Method::kGet, "/n/{slug}/join"},
        {Method::kGet, "/n/{slug}/volunteer"},
        {Method::kGet, "/n/{slug}/offer"},
        {Method::kGet, "/n/{slug}/organize"},
        {Method::kGet, "/n/{slug}/organize/audit"},
        {Method::kGet, "/n/{slug}/organize/intake"},
        {Method::kGet, "/n/{slug}/organize/suggestions"},
        {Method::kGet, "/n/{slug}/ride"},
        {Method::kGet, "/p/{id}"},
        {Method::kGet, "/p/{id}/claim"},
        {Method::kGet, "/p/{id}/k/{token}"},
        {Method::kGet, "/p/{id}/k/{token}/edit"},
        {Method::kGet, "/p/{id}/k/{token}/matches/{match}/messages"},
        {Method::kPost, "/account/delete"},
        {Method::kPost, "/account/forgot"},
        {Method::kPost, "/account/reset/{token}"},
        {Method::kPost, "/account/sign-in"},
        {Method::kPost, "/account/sign-out"},
        {Method::kPost, "/account/sign-out-everywhere"},
        {Method::kPost, "/account/sign-up"},
        {Method::kPost, "/account/verify/resend"},
        {Method::kPost, "/account/verify/{token}"},
        {Method::kPost, "/invite/{token}"},
        {Method::kPost, "/n/{slug}/admin/invites"},
        {Method::kPost, "/n/{slug}/admin/invites/{id}/revoke"},
        {Method::kPost, "/n/{slug}/admin/members/{account}/remove"},
        {Method::kPost, "/n/{slug}/admin/members/{account}/role"},
        {Method::kPost, "/n/{slug}/admin/area"},
        {Method::kPost, "/n/{slug}/admin/policy"},
        {Method::kPost, "/n/{slug}/admin/contact"},
        {Method::kPost, "/start"},
        {Method::kPost, "/n/{slug}/ask"},
        {Method::kPost, "/n/{slug}/join"},
        {Method::kPost, "/n/{slug}/volunteer"},
        {Method::kPost, "/n/{slug}/offer"},
        {Method::kPost, "/n/{slug}/organize/admin-key"},
        {Method::kPost, "/n/{slug}/organize/accounts/{id}/block"},
        {Method::kPost, "/n/{slug}/organize/accounts/{id}/unblock"},
        {Method::kPost, "/n/{slug}/organize/intake"},
        {Method::kPost, "/n/{slug}/organize/matches/{id}/cancel"},
        {Method::kPost, "/n/{slug}/organize/matches/{id}/complete"},
        {Method::kPost, "/n/{slug}/organize/matches/{id}/messages"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/block"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/close"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/duplicate"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/hide"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/match"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/refer"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/unblock"},
        {Method::kPost, "/n/{slug}/organize/posts/{id}/unhide"},
        {Method::kPost, "/n/{slug}/organize/duplicates/{id}/dismiss"},
        {Method::kPost, "/n/{slug}/organize/duplicates/{id}/merge"},
        {Method::kPost, "/n/{slug}/organize/referrals/{id}/accept"},
        {Method::kPost, "/n/{slug}/organize/referrals/{id}/decline"},
        {Method::kPost, "/n/{slug}/organize/referrals/{id}/withdraw"},
        {Method::kPost, "/n/{slug}/organize/reports/{id}/resolve"},
        {Method::kPost, "/n/{slug}/organize/suggestions/accept"},
        {Method::kPost, "/n/{slug}/organize/suggestions/accept-all"},
        {Method::kPost, "/n/{slug}/organize/suggestions/dismiss"},
        {Method::kPost, "/n/{slug}/ride"},
        {Method::kPost, "/p/{id}/claim"},
        {Method::kPost, "/p/{id}/k/{token}/close"},
        {Method::kPost, "/p/{id}/k/{token}/edit"},
        {Method::kPost, "/p/{id}/k/{token}/matches/{match}/accept"},
        {Method::kPost, "/p/{id}/k/{token}/matches/{match}/cancel"},
        {Method::kPost, "/p/{id}/k/{token}/matches/{match}/complete"},
        {Method::kPost, "/p/{id}/k/{token}/matches/{match}/messages"},
        {Method::kPost, "/p/{id}/k/{token}/referrals/{referral}/consent"},
        {Method::kPost, "/p/{id}/report"},
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
