#include "http/account_json.hpp"

#include "http/api.hpp"
#include "http/serialize.hpp"

namespace gapfill::http {

using nlohmann::json;

json account_json(const Account& account) {
  return {{"id", account.id},
          {"email", account.email},
          {"verified", account.verified_at.has_value()},
          {"created_at", format_rfc3339(account.created_at)}};
}

json export_json(domain::Services& services, const domain::AccountExport& exported) {
  json posts = json::array();
  for (const Post& post : exported.posts) {
    const auto network = services.networks().find(post.network_id);
    domain::PostView view{post, network ? network->slug : "", domain::Access::kOwner, {}};
    json item = post_json(view);
    item.erase("matches");
    posts.push_back(std::move(item));
  }
  json claims = json::array();
  for (const Match& match : exported.matches) claims.push_back(match_json(match));
  json profiles = json::array();
  for (const VolunteerProfile& profile : exported.volunteer_profiles) {
    profiles.push_back(volunteer_profile_json(profile));
  }
  return {{"account", account_json(exported.account)},
          {"posts", std::move(posts)},
          {"claims", std::move(claims)},
          {"volunteer_profiles", std::move(profiles)},
          {"signed_in_sessions", exported.sessions},
          {"exported_at", format_rfc3339(services.now())}};
}

}  // namespace gapfill::http
