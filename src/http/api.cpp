#include "http/api.hpp"

#include "base/limits.hpp"
#include "http/actor.hpp"
#include "http/api_relay.hpp"
#include "http/api_support.hpp"
#include "http/decode.hpp"
#include "http/json_body.hpp"
#include "http/list_params.hpp"
#include "http/listing_json.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

Response list_posts(domain::Services& services, ListingCache& cache, Request& request) {
  const std::string& slug = request.params.at("slug");
  auto query = parse_list_params(request);
  if (!query) return error_response(query.error());
  // The version is read before the page, so a page is never stored under a
  // version newer than what it shows.
  const auto version = services.posts().listing_version(slug);
  if (!version) return error_response(version.error());
  const std::string key = slug + "?" + request.query;
  Response response;
  if (const auto cached = cache.find(key, *version)) {
    response.body = *cached;  // copied outside the cache's lock
    return response;
  }
  auto page = services.posts().list(slug, *query);
  if (!page) return error_response(page.error());
  response.body = listing_json(*page, slug);
  cache.store(key, *version, response.body);
  return response;
}

Response create_post(domain::Services& services, Request& request) {
  auto draft = decode_post(request);
  if (!draft) return error_response(draft.error());
  const auto result =
      services.posts().create(request.params.at("slug"), *draft, api_actor(services, request));
  return respond(result, [](const domain::CreatedPost& created) {
    const domain::PostView view{created.post, created.network_slug, domain::Access::kOwner, {}};
    Response response =
        json_response(201, {{"post", post_json(view)}, {"manage_token", created.manage_token}});
    response.headers.emplace_back("Location", "/api/v1/posts/" + std::to_string(created.post.id));
    return response;
  });
}

Response post_view(const Result<domain::PostView>& view) {
  return respond(view, [](const domain::PostView& v) { return json_response(200, post_json(v)); });
}

Response match_view(domain::Services& services, const Result<domain::MatchView>& view) {
  return respond(view, [&](const domain::MatchView& v) {
    const auto network = services.networks().find(v.match.network_id);
    return json_response(200, match_view_json(v, network ? network->slug : ""));
  });
}

Response claim_post(domain::Services& services, Request& request) {
  auto id = path_id(request, "id", "Post");
  if (!id) return error_response(id.error());
  auto draft = decode_claim(request);
  if (!draft) return error_response(draft.error());
  const auto claimed = services.matches().claim(*id, *draft, api_actor(services, request));
  return respond(claimed, [](const domain::CreatedMatch& created) {
    Response response = json_response(
        201, {{"match", match_json(created.match)}, {"match_token", created.match_token}});
    response.headers.emplace_back("Location",
                                  "/api/v1/matches/" + std::to_string(created.match.id));
    return response;
  });
}

Response propose_match(domain::Services& services, Request& request) {
  auto draft = decode_proposal(request);
  if (!draft) return error_response(draft.error());
  return respond(services.matches().propose(*draft, api_actor(services, request)),
                 [](const domain::CreatedMatch& created) {
                   Response response = json_response(201, {{"match", match_json(created.match)}});
                   response.headers.emplace_back(
                       "Location", "/api/v1/matches/" + std::to_string(created.match.id));
                   return response;
                 });
}

void add_network_routes(Router& router, domain::Services& services, ListingCache& cache) {
  router.add(Method::kGet, "/api/v1/networks", [&services](Request&) {
    json items = json::array();
    for (const Network& network : services.networks().list()) {
      if (network.listed) items.push_back(network_json(network));
    }
    return json_response(200, {{"items", std::move(items)}});
  });
  router.add(Method::kPost, "/api/v1/networks", [&services](Request& request) {
    auto draft = decode_network(request);
    if (!draft) return error_response(draft.error());
    return respond(services.networks().create(*draft, api_actor(services, request)),
                   [](const Network& network) {
                     Response response = json_response(201, {{"network", network_json(network)}});
                     response.headers.emplace_back("Location", "/api/v1/networks/" + network.slug);
                     return response;
                   });
  });
  router.add(Method::kGet, "/api/v1/networks/{slug}", [&services](Request& request) {
    return respond(services.networks().find(request.params.at("slug")), [](const Network& network) {
      return json_response(200, network_json(network));
    });
  });
  router.add(Method::kGet, "/api/v1/networks/{slug}/categories", [&services](Request& request) {
    return respond(services.networks().categories(request.params.at("slug")),
                   [](const std::vector<Category>& categories) {
                     json items = json::array();
                     for (const Category& category : categories) {
                       items.push_back(category_json(category));
                     }
                     return json_response(200, {{"items", std::move(items)}});
                   });
  });
  // Listings of live posts come from memory: answered on the I/O thread.
  router.add(
      Method::kGet, "/api/v1/networks/{slug}/posts",
      [&services, &cache](Request& request) { return list_posts(services, cache, request); },
      [](const Request& request) {
        const auto query = parse_list_params(request);
        return !query || domain::PostIndex::answers(*query);
      });
  router
      .add(Method::kPost, "/api/v1/networks/{slug}/posts",
           [&services](Request& request) { return create_post(services, request); })
      .rate_limit(limits::kRatePosting);
}

void add_post_routes(Router& router, domain::Services& services) {
  router.add(Method::kGet, "/api/v1/posts/{id}", [&services](Request& request) {
    auto id = path_id(request, "id", "Post");
    if (!id) return error_response(id.error());
    return post_view(services.posts().view(*id, api_actor(services, request)));
  });
  router.add(Method::kPatch, "/api/v1/posts/{id}", [&services](Request& request) {
    auto id = path_id(request, "id", "Post");
    if (!id) return error_response(id.error());
    auto draft = decode_post(request);
    if (!draft) return error_response(draft.error());
    return post_view(services.posts().update(*id, api_actor(services, request), *draft));
  });
  router.add(Method::kPost, "/api/v1/posts/{id}/close", [&services](Request& request) {
    auto id = path_id(request, "id", "Post");
    if (!id) return error_response(id.error());
    auto reason = decode_close(request);
    if (!reason) return error_response(reason.error());
    return post_view(services.posts().close(*id, api_actor(services, request), *reason));
  });
  router.add(Method::kGet, "/api/v1/posts/{id}/history", [&services](Request& request) {
    auto id = path_id(request, "id", "Post");
    if (!id) return error_response(id.error());
    return respond(services.posts().history(*id, api_actor(services, request)),
                   [](const std::vector<PostEvent>& events) {
                     json items = json::array();
                     for (const PostEvent& event : events) items.push_back(event_json(event));
                     return json_response(200, {{"items", std::move(items)}});
                   });
  });
  router
      .add(Method::kPost, "/api/v1/posts/{id}/claim",
           [&services](Request& request) { return claim_post(services, request); })
      .rate_limit(limits::kRateClaiming);
}

void add_match_routes(Router& router, domain::Services& services) {
  router
      .add(Method::kPost, "/api/v1/matches",
           [&services](Request& request) { return propose_match(services, request); })
      .rate_limit(limits::kRateMatching);
  router.add(Method::kGet, "/api/v1/matches/{id}", [&services](Request& request) {
    auto id = path_id(request, "id", "Match");
    if (!id) return error_response(id.error());
    return match_view(services, services.matches().view(*id, api_actor(services, request)));
  });
  using Transition =
      Result<domain::MatchView> (domain::MatchService::*)(MatchId, const domain::Actor&);
  const std::pair<const char*, Transition> transitions[] = {
      {"/api/v1/matches/{id}/accept", &domain::MatchService::accept},
      {"/api/v1/matches/{id}/complete", &domain::MatchService::complete},
      {"/api/v1/matches/{id}/cancel", &domain::MatchService::cancel}};
  for (const auto& [pattern, transition] : transitions) {
    router.add(Method::kPost, pattern, [&services, transition](Request& request) {
      auto id = path_id(request, "id", "Match");
      if (!id) return error_response(id.error());
      if (const Status empty = decode_no_fields(request); !empty) {
        return error_response(empty.error());
      }
      return match_view(services,
                        (services.matches().*transition)(*id, api_actor(services, request)));
    });
  }
}

}  // namespace

void add_api_routes(Router& router, domain::Services& services, ListingCache& cache) {
  router.add(
      Method::kGet, "/healthz",
      [](Request&) {
        return json_response(200, {{"status", "ok"}});
      },
      [](const Request&) { return true; });
  add_area_routes(router, services);  // first: /api/v1/networks/serving
  add_network_routes(router, services, cache);
  add_post_routes(router, services);
  add_match_routes(router, services);
  add_relay_routes(router, services);
  add_moderation_routes(router, services);
  add_role_routes(router, services);
  add_account_api_routes(router, services);
  add_place_routes(router);
  add_directory_routes(router, services);
  add_referral_routes(router, services);
  add_volunteer_routes(router, services);
  add_duplicate_routes(router, services);
  add_suggestion_routes(router, services);
}

}  // namespace gapfill::http
