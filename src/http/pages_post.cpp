// One post's pages: the public view, the private view behind a manage link
// (the poster's) or a match link (the volunteer's) with each match's thread
// of messages, the claim form, and the actions on them (edit, close, accept,
// complete, cancel, send a message).

#include <fmt/format.h>

#include "base/limits.hpp"
#include "base/local_time.hpp"
#include "http/actor.hpp"
#include "http/api_support.hpp"
#include "http/error_response.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/post_fields_form.hpp"
#include "http/post_form.hpp"
#include "http/thread_parts.hpp"

namespace gapfill::http {
namespace {

std::string private_base(PostId id, const std::string& token) {
  return "/p/" + std::to_string(id) + "/k/" + token;
}

std::string window_text(const PageRequest& visitor, const Post& post, const Network& network) {
  std::string from =
      post.window_from ? visitor.local_time(*post.window_from, network.timezone) : "";
  std::string to = post.window_to ? visitor.local_time(*post.window_to, network.timezone) : "";
  if (!from.empty() && !to.empty()) return from + " – " + to;
  if (!from.empty()) return visitor.text("form.when_from") + " " + from;
  if (!to.empty()) return visitor.text("form.when_to") + " " + to;
  return "";
}

// Fills what everybody sees of a post.
void fill_public(Page& page, PageRequest& visitor, const Post& post, const Network& network,
                 const std::vector<Category>& categories) {
  auto& data = page.data();
  page.set_title(post.title);
  page.set_network(network);
  page.use_map();
  data.SetIntValue("ID", post.id);
  data.SetValue("SLUG", network.slug);
  data.SetValue("TITLE", post.title);
  data.SetValue("KIND", visitor.text("kind." + std::string(to_string(post.kind))));
  data.SetValue("CATEGORY", visitor.category_label(categories, post.category));
  data.SetValueAndShowSection("URGENCY",
                              visitor.text("urgency." + std::string(to_string(post.urgency))),
                              post.urgency == Urgency::kToday ? "URGENT" : "NOT_URGENT");
  data.SetValue("STATUS", visitor.text("status." + std::string(to_string(post.status))));
  data.SetValue("POSTED", visitor.local_time(post.created_at, network.timezone));
  data.SetValue("LAT", fmt::format("{:.4f}", post.point.lat));
  data.SetValue("LON", fmt::format("{:.4f}", post.point.lon));
  data.SetValue("TILE_URL", visitor.web().options.tile_url);
  data.SetValue("TILE_ATTRIBUTION", visitor.web().options.tile_attribution);
  if (post.quantity)
    data.SetValueAndShowSection("VALUE", std::to_string(*post.quantity), "QUANTITY");
  if (const std::string when = window_text(visitor, post, network); !when.empty()) {
    data.SetValueAndShowSection("VALUE", when, "WHEN");
  }
  fill_post_fields_view(data, visitor, post);
  if (post.ride) {
    auto* ride = data.AddSectionDictionary("RIDE");
    ride->SetValue("PICKUP", post.ride->pickup_area);
    ride->SetValue("DROPOFF", post.ride->dropoff_area);
    ride->SetIntValue("PASSENGERS", post.ride->passengers);
    if (post.ride->return_trip) ride->ShowSection("RETURN_TRIP");
    if (post.ride->appointment_at) {
      ride->SetValueAndShowSection(
          "VALUE", visitor.local_time(*post.ride->appointment_at, network.timezone), "APPOINTMENT");
    }
    std::vector<std::string> needs;
    for (const std::string& need : post.ride->accessibility_needs) {
      needs.push_back(visitor.text("need." + need));
    }
    if (!needs.empty()) {
      ride->SetValueAndShowSection("VALUE", fmt::format("{}", fmt::join(needs, ", ")), "NEEDS");
    }
  }
}

void fill_matches(Page& page, PageRequest& visitor, const domain::PostView& view,
                  const Network& network, const std::string& base, const std::string& token,
                  const ReplyState* reply) {
  auto* section = page.data().AddSectionDictionary("MATCHES");
  const bool owner = view.access == domain::Access::kOwner;
  section->SetValue("HEADING", visitor.text(owner ? "post.matches" : "post.your_help"));
  if (view.matches.empty()) section->ShowSection("NO_MATCH");
  const std::string csrf = visitor.csrf_token();
  for (const Match& match : view.matches) {
    auto* item = section->AddSectionDictionary("MATCH");
    item->SetIntValue("MATCH_ID", match.id);
    item->SetValue("BASE", base);
    item->SetValue("CSRF", csrf);
    item->SetValue("STATUS", visitor.text("match_status." + std::string(to_string(match.status))));
    item->SetValue("WHEN", visitor.local_time(match.created_at, network.timezone));
    if (owner && match.volunteer) {
      item->SetValueAndShowSection("TEXT", volunteer_text(visitor, *match.volunteer), "WHO");
    }
    if (match.offer_id && *match.offer_id != view.post.id) {
      auto* offer = item->AddSectionDictionary("OFFER");
      offer->SetIntValue("ID", *match.offer_id);
      offer->SetValue("TITLE",
                      visitor.text("post.through_offer") + " #" + std::to_string(*match.offer_id));
    }
    if (!match.note.empty()) item->SetValueAndShowSection("TEXT", match.note, "NOTE");
    if (match.status == MatchStatus::kProposed) item->ShowSection("CAN_ACCEPT");
    if (match.status == MatchStatus::kAccepted) item->ShowSection("CAN_COMPLETE");
    if (match.status == MatchStatus::kProposed || match.status == MatchStatus::kAccepted) {
      item->SetValueAndShowSection(
          "LABEL", visitor.text(owner ? "post.cancel_owner" : "post.cancel_volunteer"),
          "CAN_CANCEL");
    }
    domain::ThreadQuery query;
    query.limit = limits::kThreadLimitMax;
    const auto thread =
        visitor.web().services.relay().thread(match.id, domain::Actor(token), query);
    if (thread) {
      fill_thread(*item, visitor, *thread, network.timezone,
                  base + "/matches/" + std::to_string(match.id) + "/messages", reply);
    }
  }
}

struct Loaded {
  domain::PostView view;
  Network network;
  std::vector<Category> categories;
};

Result<Loaded> load(const WebContext& web, PostId id, const std::string& token) {
  Loaded loaded;
  loaded.view = TRY(web.services.posts().view(id, token));
  loaded.network = TRY(web.services.networks().find(loaded.view.post.network_id));
  loaded.categories = TRY(web.services.networks().categories(loaded.network.slug));
  return loaded;
}

Response public_post(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  if (!id) return error_page(visitor, 404);
  const auto loaded = load(web, *id, "");
  if (!loaded) return error_page(visitor, status_for(loaded.error().code));
  const Post& post = loaded->view.post;
  Page page(visitor, "post");
  fill_public(page, visitor, post, loaded->network, loaded->categories);
  if (post.status == PostStatus::kOpen) {
    page.data().ShowSection(post.kind == PostKind::kRequest ? "CAN_CLAIM" : "OFFER_NOTE");
  }
  fill_report_form(page, visitor, post.id, request.query);
  fill_requester_referrals(page, visitor, post, "", request.query);
  return page.finish();
}

// The private page; after a refused reply, `reply` refills its form and the
// page answers `status`.
Response private_post(const WebContext& web, Request& request, const ReplyState* reply = nullptr,
                      int status = 200) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  if (!id) return error_page(visitor, 404);
  const std::string& token = request.params.at("token");
  const auto loaded = load(web, *id, token);
  if (!loaded) return error_page(visitor, status_for(loaded.error().code));
  const domain::PostView& view = loaded->view;
  if (view.access == domain::Access::kPublic) return error_page(visitor, 403);
  const Post& post = view.post;
  const std::string base = private_base(post.id, token);
  Page page(visitor, "post");
  fill_public(page, visitor, post, loaded->network, loaded->categories);
  auto& data = page.data();
  const bool owner = view.access == domain::Access::kOwner;
  if (request.query == "new=1") {
    data.SetValueAndShowSection("LINK", visitor.absolute_url(base), owner ? "CREATED" : "CLAIMED");
  }
  if (const auto notice = done_notice(visitor, request.query, "post.done_",
                                      {"closed", "edited", "accepted", "completed", "cancelled"})) {
    data.SetValueAndShowSection("MESSAGE", *notice, "DONE");
  }
  if (const auto notice = done_notice(visitor, request.query, "relay.done_", {"sent"})) {
    data.SetValueAndShowSection("MESSAGE", *notice, "DONE");
  }
  if (request.query.find("conflict=1") != std::string::npos) {
    data.SetValueAndShowSection("MESSAGE", visitor.text("post.action_conflict"), "ACTION_ERROR");
  }
  if (post.hidden) {
    data.SetValueAndShowSection(
        "MESSAGE",
        visitor.format("moderation.hidden_notice",
                       {{"reason", visitor.text("moderation.reason_" +
                                                std::string(to_string(post.hidden->reason)))}}),
        "HIDDEN_NOTICE");
  }
  if (view.token_blocked) data.ShowSection("BLOCKED_NOTICE");
  auto* details = data.AddSectionDictionary("PRIVATE");
  details->SetValue("DETAILS", post.details);
  details->SetValue("PLACE", post.location_text);
  details->SetValue("CONTACT", contact_text(visitor, post.contact));
  fill_matches(page, visitor, view, loaded->network, base, token, reply);
  fill_requester_referrals(page, visitor, post, owner ? token : "", request.query);
  if (owner) fill_merged_notice(page, post);
  if (owner && !view.token_blocked &&
      (post.status == PostStatus::kOpen || post.status == PostStatus::kMatched)) {
    auto* actions = data.AddSectionDictionary("OWNER_ACTIONS");
    actions->SetValue("BASE", base);
    actions->SetValue("CSRF", visitor.csrf_token());
  }
  return page.finish(status);
}

// Reads the form of an action and checks its anti-forgery token.
std::optional<Response> refuse_forged(PageRequest& visitor, const Request& request,
                                      std::optional<Form>& form) {
  auto parsed = Form::parse(request.body);
  if (!parsed) return error_page(visitor, 400);
  form = std::move(*parsed);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  return std::nullopt;
}

// Where an action goes back to: the private page with a notice, or with a
// conflict message when the post or match had moved on.
template <typename T>
Response after_action(PageRequest& visitor, const Result<T>& result, const std::string& base,
                      const std::string& done) {
  if (result) return visitor.redirect(base + "?done=" + done);
  if (result.error().code == ErrorCode::kConflict) return visitor.redirect(base + "?conflict=1");
  return error_page(visitor, status_for(result.error().code));
}

Response close_post(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  if (!id) return error_page(visitor, 404);
  std::optional<Form> form;
  if (auto refused = refuse_forged(visitor, request, form)) return *refused;
  const std::string& token = request.params.at("token");
  const auto reason = parse_close_reason(form->get("reason").value_or("withdrawn"));
  if (!reason) return error_page(visitor, 400);
  return after_action(visitor, web.services.posts().close(*id, token, *reason),
                      private_base(*id, token), "closed");
}

Response match_action(const WebContext& web, Request& request, MatchStatus to) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  const auto match_id = path_id(request, "match", "Match");
  if (!id || !match_id) return error_page(visitor, 404);
  std::optional<Form> form;
  if (auto refused = refuse_forged(visitor, request, form)) return *refused;
  const std::string& token = request.params.at("token");
  const std::string base = private_base(*id, token);
  auto& matches = web.services.matches();
  switch (to) {
    case MatchStatus::kAccepted:
      return after_action(visitor, matches.accept(*match_id, token), base, "accepted");
    case MatchStatus::kCompleted:
      return after_action(visitor, matches.complete(*match_id, token), base, "completed");
    default:
      return after_action(visitor, matches.cancel(*match_id, token), base, "cancelled");
  }
}

// A message to a match's thread from a private page: back to the page (and
// the thread) once sent, or the page again with the typed text and what is
// wrong with it.
Response send_message(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  const auto match_id = path_id(request, "match", "Match");
  if (!id || !match_id) return error_page(visitor, 404);
  std::optional<Form> form;
  if (auto refused = refuse_forged(visitor, request, form)) return *refused;
  const std::string& token = request.params.at("token");
  const std::string base = private_base(*id, token);
  const auto body = form->get("body");
  const auto sent = web.services.relay().post(*match_id, domain::Actor(token), body);
  if (sent) return visitor.redirect(base + "?done=sent#thread-" + std::to_string(*match_id));
  if (sent.error().code == ErrorCode::kInvalid && !sent.error().fields.empty()) {
    const ReplyState reply{*match_id, body.value_or(""),
                           i18n::render(sent.error().fields.begin()->second, visitor.language())};
    return private_post(web, request, &reply, 422);
  }
  if (sent.error().code == ErrorCode::kConflict) return visitor.redirect(base + "?conflict=1");
  return error_page(visitor, status_for(sent.error().code));
}

// The claim form; `refusal` is the message key of why a claim was refused.
Response show_claim(const WebContext& web, Request& request, const Form* typed,
                    const FieldMessages* errors, int status, const char* refusal = nullptr,
                    const Message* reason = nullptr) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  if (!id) return error_page(visitor, 404);
  const auto loaded = load(web, *id, "");
  if (!loaded) return error_page(visitor, status_for(loaded.error().code));
  const Post& post = loaded->view.post;
  Page page(visitor, "claim");
  page.set_title(visitor.text("claim.title"));
  page.set_network(loaded->network);
  auto& data = page.data();
  data.SetIntValue("ID", post.id);
  data.SetValue("POST_TITLE", post.title);
  data.SetValue("CSRF", visitor.csrf_token());
  if (typed) {
    data.SetValue("NAME", typed->get("volunteer_name").value_or(""));
    data.SetValue("PHONE", typed->get("volunteer_phone").value_or(""));
    data.SetValue("EMAIL", typed->get("volunteer_email").value_or(""));
    data.SetValue("NOTE", typed->get("note").value_or(""));
  }
  if (errors) show_field_errors(data, visitor, *errors);
  if (post.kind != PostKind::kRequest) {
    set_error(data, "FORM_ERROR", visitor.text("claim.not_a_request"));
  } else if (post.status != PostStatus::kOpen) {
    set_error(data, "FORM_ERROR", visitor.text("claim.taken"));
    if (status == 200) status = 409;
  }
  if (reason != nullptr) {
    set_error(data, "FORM_ERROR", visitor.format(reason->key, reason->args));
  } else if (refusal != nullptr) {
    set_error(data, "FORM_ERROR", visitor.text(refusal));
  } else if (status == 403) {
    set_error(data, "FORM_ERROR", visitor.text("form.csrf_expired"));
  }
  return page.finish(status);
}

Response submit_claim(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  if (!id) return error_page(visitor, 404);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return show_claim(web, request, &*form, nullptr, 403);
  domain::ClaimDraft draft;
  draft.volunteer_name = form->get("volunteer_name").value_or("");
  draft.volunteer_email = form->text("volunteer_email");
  draft.volunteer_phone = form->text("volunteer_phone");
  draft.note = form->text("note");
  const auto claimed = web.services.matches().claim(*id, draft, page_actor(visitor));
  if (!claimed) {
    const Error& error = claimed.error();
    // The network asks volunteers to sign in and join first.
    if (error.code == ErrorCode::kUnauthorized || error.code == ErrorCode::kForbidden) {
      return show_claim(web, request, &*form, nullptr, status_for(error.code),
                        "roles.claim_needs_volunteer_message");
    }
    if (error.code == ErrorCode::kInvalid) {
      return show_claim(web, request, &*form, &error.fields, 422);
    }
    if (error.code == ErrorCode::kConflict) {
      // The volunteer's own limits (domain/volunteers.hpp) say why.
      if (const auto limits = error.fields.find("volunteer_limits"); limits != error.fields.end()) {
        return show_claim(web, request, &*form, nullptr, 409, nullptr, &limits->second);
      }
      return show_claim(web, request, &*form, nullptr, 409);
    }
    return error_page(visitor, status_for(error.code));
  }
  return visitor.redirect(private_base(*id, claimed->match_token) + "?new=1");
}

}  // namespace

void add_post_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/p/{id}",
                  [&web](Request& request) { return public_post(web, request); });
  router.add_page(Method::kGet, "/p/{id}/k/{token}",
                  [&web](Request& request) { return private_post(web, request); });
  router.add_page(Method::kPost, "/p/{id}/k/{token}/close",
                  [&web](Request& request) { return close_post(web, request); });
  const std::pair<const char*, MatchStatus> actions[] = {
      {"/p/{id}/k/{token}/matches/{match}/accept", MatchStatus::kAccepted},
      {"/p/{id}/k/{token}/matches/{match}/complete", MatchStatus::kCompleted},
      {"/p/{id}/k/{token}/matches/{match}/cancel", MatchStatus::kCancelled}};
  for (const auto& [pattern, to] : actions) {
    router.add_page(Method::kPost, pattern,
                    [&web, to](Request& request) { return match_action(web, request, to); });
  }
  // The address of the reply form, opened (say, from the page after a
  // refused reply, in another language): the thread on the private page.
  router.add_page(Method::kGet, "/p/{id}/k/{token}/matches/{match}/messages",
                  [&web](Request& request) {
                    PageRequest visitor(web, request);
                    const auto id = path_id(request, "id", "Post");
                    const auto match_id = path_id(request, "match", "Match");
                    if (!id || !match_id) return error_page(visitor, 404);
                    return visitor.redirect(private_base(*id, request.params.at("token")) +
                                            "#thread-" + std::to_string(*match_id));
                  });
  router
      .add_page(Method::kPost, "/p/{id}/k/{token}/matches/{match}/messages",
                [&web](Request& request) { return send_message(web, request); })
      .rate_limit(limits::kRateMessaging);
  router.add_page(Method::kGet, "/p/{id}/claim", [&web](Request& request) {
    return show_claim(web, request, nullptr, nullptr, 200);
  });
  router
      .add_page(Method::kPost, "/p/{id}/claim",
                [&web](Request& request) { return submit_claim(web, request); })
      .rate_limit(limits::kRateClaiming);
}

}  // namespace gapfill::http
