// The possible-duplicates API, for a network's organizers (kWorkQueue):
// GET /api/v1/networks/{slug}/duplicates lists the open flags, POST
// .../duplicates/{id}/merge closes the newer request as a duplicate of the
// older one (both histories kept), POST .../duplicates/{id}/dismiss says they
// are not duplicates. The rules are in domain/duplicates.hpp.

#include "base/time.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/decode.hpp"
#include "http/json_body.hpp"
#include "http/serialize.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

json reasons_json(const DuplicateReasons& reasons) {
  json list = json::array();
  if (reasons.same_contact) list.push_back("same_contact");
  if (reasons.nearby) list.push_back("nearby");
  if (reasons.similar_title) list.push_back("similar_title");
  return list;
}

json organizer_post(const Post& post, const std::string& slug) {
  return post_json(domain::PostView{post, slug, domain::Access::kOrganizer, {}});
}

json duplicate_json(const domain::DuplicateItem& item, const std::string& slug) {
  const DuplicateFlag& flag = item.flag;
  return {
      {"id", flag.id},
      {"post_id", flag.post_id},
      {"duplicate_of", flag.of_post_id},
      {"score", flag.score},
      {"reasons", reasons_json(flag.reasons)},
      {"distance_km", flag.distance_km},
      {"created_at", format_rfc3339(flag.created_at)},
      {"resolution", flag.resolution ? json(to_string(*flag.resolution)) : json(nullptr)},
      {"resolved_at", flag.resolved_at ? json(format_rfc3339(*flag.resolved_at)) : json(nullptr)},
      {"post", organizer_post(item.post, slug)},
      {"of_post", organizer_post(item.of_post, slug)}};
}

Response resolve(domain::Services& services, Request& request, bool merge) {
  auto id = path_id(request, "id", "Possible duplicate");
  if (!id) return error_response(id.error());
  if (const Status empty = decode_no_fields(request); !empty) return error_response(empty.error());
  const std::string& slug = request.params.at("slug");
  const domain::Actor actor = api_actor(services, request);
  auto item = merge ? services.duplicates().merge(slug, actor, *id)
                    : services.duplicates().dismiss(slug, actor, *id);
  return respond(item, [&slug](const domain::DuplicateItem& value) {
    return json_response(200, {{"duplicate", duplicate_json(value, slug)}});
  });
}

}  // namespace

void add_duplicate_routes(Router& router, domain::Services& services) {
  router.add(Method::kGet, "/api/v1/networks/{slug}/duplicates", [&services](Request& request) {
    const std::string& slug = request.params.at("slug");
    return respond(services.duplicates().list(slug, api_actor(services, request)),
                   [&slug](const std::vector<domain::DuplicateItem>& items) {
                     json list = json::array();
                     for (const auto& item : items) list.push_back(duplicate_json(item, slug));
                     return json_response(200, {{"items", std::move(list)}});
                   });
  });
  router.add(Method::kPost, "/api/v1/networks/{slug}/duplicates/{id}/merge",
             [&services](Request& request) { return resolve(services, request, true); });
  router.add(Method::kPost, "/api/v1/networks/{slug}/duplicates/{id}/dismiss",
             [&services](Request& request) { return resolve(services, request, false); });
}

}  // namespace gapfill::http
