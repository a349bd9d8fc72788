// The moderation API: anyone reports a post; a network's organizers (a
// session as 'Authorization: Bearer <session token>') read and resolve reports,
// hide and unhide posts, block and unblock a post's manage token, and read
// the audit log.

#include <cmath>
#include <cstdint>

#include "base/limits.hpp"
#include "base/time.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/decode.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

json report_json(const domain::ReportItem& item) {
  return {{"id", item.report.id},
          {"post", {{"id", item.post.id}, {"title", item.post.title}}},
          {"reason", to_string(item.report.reason)},
          {"note", item.report.note},
          {"created_at", format_rfc3339(item.report.created_at)}};
}

json audit_json(const AuditEvent& event) {
  return {{"id", event.id},
          {"at", format_rfc3339(event.at)},
          {"actor",
           {{"kind", to_string(event.actor_kind)},
            {"id", event.actor_id ? json(*event.actor_id) : json(nullptr)},
            {"label", event.actor_label}}},
          {"action", event.action},
          {"target", {{"kind", event.target_kind}, {"id", event.target_id}}},
          {"detail", event.detail}};
}

Response report_post(domain::Services& services, Request& request) {
  auto id = path_id(request, "id", "Post");
  if (!id) return error_response(id.error());
  auto draft = decode_report(request);
  if (!draft) return error_response(draft.error());
  return respond(services.moderation().report(*id, *draft), [](std::int64_t) {
    // Reports are for organizers: the reporter is told only that it arrived.
    return json_response(202, {{"status", "received"}});
  });
}

Response list_reports(domain::Services& services, Request& request) {
  const auto params = parse_query(request.query);
  if (!params) return error_response(params.error());
  const auto limit =
      query_number(*params, "limit", limits::kQueueLimitDefault, 1, limits::kQueueLimitMax);
  if (!limit) return error_response(limit.error());
  const auto offset = query_number(*params, "offset", 0, 0, INT32_MAX);
  if (!offset) return error_response(offset.error());
  return respond(
      services.moderation().open_reports(request.params.at("slug"), api_actor(services, request),
                                         static_cast<int>(*limit), static_cast<int>(*offset)),
      [](const domain::ReportsPage& page) {
        json items = json::array();
        for (const auto& item : page.items) items.push_back(report_json(item));
        return json_response(200, {{"items", std::move(items)}, {"total", page.total}});
      });
}

Response resolve_report(domain::Services& services, Request& request) {
  auto id = path_id(request, "id", "Report");
  if (!id) return error_response(id.error());
  auto resolution = decode_resolution(request);
  if (!resolution) return error_response(resolution.error());
  const Status resolved = services.moderation().resolve_report(
      request.params.at("slug"), api_actor(services, request), *id, *resolution);
  if (!resolved) return error_response(resolved.error());
  return json_response(200, {{"id", *id}, {"resolution", to_string(*resolution)}});
}

Response list_audit(domain::Services& services, Request& request) {
  const auto params = parse_query(request.query);
  if (!params) return error_response(params.error());
  const auto limit =
      query_number(*params, "limit", limits::kAuditLimitDefault, 1, limits::kAuditLimitMax);
  if (!limit) return error_response(limit.error());
  const auto before = query_number(*params, "before", INT64_MAX, 1, INT64_MAX);
  if (!before) return error_response(before.error());
  return respond(
      services.moderation().audit(
          request.params.at("slug"), api_actor(services, request),
          *before == INT64_MAX ? std::nullopt : std::optional<std::int64_t>(*before),
          static_cast<int>(*limit)),
      [](const domain::AuditPage& page) {
        json items = json::array();
        for (const AuditEvent& event : page.items) items.push_back(audit_json(event));
        return json_response(
            200, {{"items", std::move(items)},
                  {"next_before", page.next_before ? json(*page.next_before) : json(nullptr)}});
      });
}

// An organizer's action on one post, answered with the post as organizers
// see it.
using PostAction = Result<domain::PostView> (*)(domain::Services&, const std::string& slug,
                                                const domain::Actor& actor, PostId id,
                                                Request& request);

Response post_action(domain::Services& services, Request& request, PostAction action) {
  auto id = path_id(request, "id", "Post");
  if (!id) return error_response(id.error());
  return respond(
      action(services, request.params.at("slug"), api_actor(services, request), *id, request),
      [](const domain::PostView& view) { return json_response(200, post_json(view)); });
}

Result<domain::PostView> hide(domain::Services& services, const std::string& slug,
                              const domain::Actor& actor, PostId id, Request& request) {
  const ModerationReason reason = TRY(decode_moderation_reason(request));
  return services.moderation().hide(slug, actor, id, reason);
}

Result<domain::PostView> unhide(domain::Services& services, const std::string& slug,
                                const domain::Actor& actor, PostId id, Request& request) {
  TRY_STATUS(decode_no_fields(request));
  return services.moderation().unhide(slug, actor, id);
}

Result<domain::PostView> block(domain::Services& services, const std::string& slug,
                               const domain::Actor& actor, PostId id, Request& request) {
  const ModerationReason reason = TRY(decode_moderation_reason(request));
  return services.moderation().block(slug, actor, id, reason);
}

Result<domain::PostView> unblock(domain::Services& services, const std::string& slug,
                                 const domain::Actor& actor, PostId id, Request& request) {
  TRY_STATUS(decode_no_fields(request));
  return services.moderation().unblock(slug, actor, id);
}

}  // namespace

void add_moderation_routes(Router& router, domain::Services& services) {
  router
      .add(Method::kPost, "/api/v1/posts/{id}/reports",
           [&services](Request& request) { return report_post(services, request); })
      .rate_limit(limits::kRateReporting);
  router.add(Method::kGet, "/api/v1/networks/{slug}/reports",
             [&services](Request& request) { return list_reports(services, request); });
  router.add(Method::kPost, "/api/v1/networks/{slug}/reports/{id}/resolve",
             [&services](Request& request) { return resolve_report(services, request); });
  router.add(Method::kGet, "/api/v1/networks/{slug}/audit",
             [&services](Request& request) { return list_audit(services, request); });
  const std::pair<const char*, PostAction> actions[] = {
      {"/api/v1/networks/{slug}/posts/{id}/hide", &hide},
      {"/api/v1/networks/{slug}/posts/{id}/unhide", &unhide},
      {"/api/v1/networks/{slug}/posts/{id}/block", &block},
      {"/api/v1/networks/{slug}/posts/{id}/unblock", &unblock}};
  for (const auto& [pattern, action] : actions) {
    router.add(Method::kPost, pattern, [&services, action](Request& request) {
      return post_action(services, request, action);
    });
  }
  // Blocking an account in the network (it can no longer claim or join there).
  for (const bool blocking : {true, false}) {
    router.add(Method::kPost,
               blocking ? "/api/v1/networks/{slug}/accounts/{id}/block"
                        : "/api/v1/networks/{slug}/accounts/{id}/unblock",
               [&services, blocking](Request& request) {
                 auto id = path_id(request, "id", "Account");
                 if (!id) return error_response(id.error());
                 const std::string& slug = request.params.at("slug");
                 const domain::Actor actor = api_actor(services, request);
                 Status done;
                 if (blocking) {
                   auto reason = decode_moderation_reason(request);
                   if (!reason) return error_response(reason.error());
                   done = services.moderation().block_account(slug, actor, *id, *reason);
                 } else if (Status empty = decode_no_fields(request); !empty) {
                   done = empty;
                 } else {
                   done = services.moderation().unblock_account(slug, actor, *id);
                 }
                 if (!done) return error_response(done.error());
                 return json_response(200, {{"account_id", *id}, {"blocked", blocking}});
               });
  }
}

}  // namespace gapfill::http
