#include "http/api_relay.hpp"

#include <charconv>

#include "base/limits.hpp"
#include "http/actor.hpp"
#include "http/api_support.hpp"
#include "http/json_body.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

// A whole number in [min, max]; nullopt for anything else.
std::optional<std::int64_t> parse_whole(const std::string& text, std::int64_t min,
                                        std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

// ?after=ID&limit=N of a thread page.
Result<domain::ThreadQuery> parse_thread_query(const Request& request) {
  const auto params = TRY(parse_query(request.query));
  domain::ThreadQuery query;
  FieldMessages errors;
  for (const auto& [name, value] : params) {
    if (name == "after") {
      const auto after = parse_whole(value, 0, INT64_MAX);
      if (!after) {
        errors[name] =
            Message{"error.whole_number_range", {{"min", "0"}, {"max", std::to_string(INT64_MAX)}}};
      } else {
        query.after = *after;
      }
    } else if (name == "limit") {
      const auto limit = parse_whole(value, 1, limits::kThreadLimitMax);
      if (!limit) {
        errors[name] = Message{"error.whole_number_range",
                               {{"min", "1"}, {"max", std::to_string(limits::kThreadLimitMax)}}};
      } else {
        query.limit = static_cast<int>(*limit);
      }
    } else {
      errors[name] = Message{"error.unknown_parameter", {}};
    }
  }
  if (!errors.empty()) {
    return std::unexpected(
        Error{ErrorCode::kMalformed, "Some query parameters are not valid.", std::move(errors)});
  }
  return query;
}

// {"body": "..."}: an unknown field is 400, a body of another type 422.
Result<std::optional<std::string>> decode_message(const Request& request) {
  const auto object = TRY(parse_json_object(request.body));
  FieldMessages type_errors, unknown;
  FieldReader reader(object, "", type_errors, unknown);
  auto body = reader.string("body");
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  if (!type_errors.empty()) return invalid(std::move(type_errors));
  return body;
}

json message_json(const RelayMessage& message) {
  return {{"id", message.id},
          {"match_id", message.match_id},
          {"side", to_string(message.side)},
          {"body", message.body},
          {"created_at", format_rfc3339(message.created_at)}};
}

json thread_json(const domain::Thread& thread) {
  json items = json::array();
  for (const RelayMessage& message : thread.messages) items.push_back(message_json(message));
  json body = {{"match_id", thread.match_id},
               {"match_status", to_string(thread.match_status)},
               {"viewer", to_string(thread.viewer)},
               {"open", thread.open},
               {"total", thread.total},
               {"items", std::move(items)},
               {"next_after", nullptr}};
  if (thread.next_after) body["next_after"] = *thread.next_after;
  return body;
}

}  // namespace

void add_relay_routes(Router& router, domain::Services& services) {
  router.add(Method::kGet, "/api/v1/matches/{id}/messages", [&services](Request& request) {
    auto id = path_id(request, "id", "Match");
    if (!id) return error_response(id.error());
    auto query = parse_thread_query(request);
    if (!query) return error_response(query.error());
    return respond(
        services.relay().thread(*id, api_actor(services, request), *query),
        [](const domain::Thread& thread) { return json_response(200, thread_json(thread)); });
  });
  router
      .add(Method::kPost, "/api/v1/matches/{id}/messages",
           [&services](Request& request) {
             auto id = path_id(request, "id", "Match");
             if (!id) return error_response(id.error());
             auto body = decode_message(request);
             if (!body) return error_response(body.error());
             return respond(services.relay().post(*id, api_actor(services, request), *body),
                            [](const RelayMessage& message) {
                              return json_response(201, {{"message", message_json(message)}});
                            });
           })
      .rate_limit(limits::kRateMessaging);
}

}  // namespace gapfill::http
