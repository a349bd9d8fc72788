// The organizer dashboard of a network, for its organizers and admins (a
// signed-in account with that role): the queue of requests (most urgent,
// then longest waiting, first) with the actions an organizer takes on them,
// and intake on behalf of someone who phoned. A signed-in account that is
// not an organizer may redeem the operator's organizer key here to become
// the network's admin.

#include <fmt/format.h>

#include "base/limits.hpp"
#include "http/actor.hpp"
#include "http/api_support.hpp"
#include "http/error_response.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/post_form.hpp"
#include "http/query.hpp"
#include "http/thread_parts.hpp"

namespace gapfill::http {
namespace {

std::string dashboard_path(const std::string& slug) {
  return "/n/" + slug + "/organize";
}

// The page for a visitor who does not organize the network: sign in, or
// (signed in) redeem the operator's organizer key to become its admin.
Response sign_in_page(const WebContext& web, PageRequest& visitor, const Network& network,
                      int status, const std::string& error) {
  Page page(visitor, "organize_signin");
  page.set_title(visitor.text("organize.title"));
  page.set_network(network);
  page.data().SetValue("SLUG", network.slug);
  page.data().SetValue("CSRF", visitor.csrf_token());
  if (page_actor(visitor).account) {
    page.data().ShowSection("SIGNED_IN");
  } else {
    page.data().SetValueAndShowSection("HREF", sign_in_path(dashboard_path(network.slug)),
                                       "SIGNED_OUT");
  }
  if (!error.empty()) set_error(page.data(), "FORM_ERROR", error);
  (void)web;
  return page.finish(status);
}

// 401 for a visitor who is not signed in, 403 for one who is.
int key_refusal(const WebContext& web, const PageRequest& visitor) {
  (void)web;
  return page_actor(visitor).account ? 403 : 401;
}

std::string waiting_text(const PageRequest& visitor, UnixSeconds since, UnixSeconds now) {
  const UnixSeconds hours = std::max<UnixSeconds>(0, now - since) / 3600;
  if (hours < 48)
    return visitor.format("organize.waiting_hours", {{"hours", std::to_string(hours)}});
  return visitor.format("organize.waiting_days", {{"days", std::to_string(hours / 24)}});
}

Response dashboard(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  const auto organizer = organizer_actor(web, visitor, slug);
  if (!organizer) return sign_in_page(web, visitor, *network, key_refusal(web, visitor), "");
  const auto categories = web.services.networks().categories(slug);
  if (!categories) return error_page(visitor, 500);

  auto params = parse_query(request.query).value_or(std::map<std::string, std::string>{});
  const auto get = [&](const char* name) { return params.contains(name) ? params[name] : ""; };
  domain::QueueFilter filter;
  filter.kind = get("kind") == "offer" ? PostKind::kOffer : PostKind::kRequest;
  if (std::any_of(categories->begin(), categories->end(),
                  [&](const Category& c) { return c.key == get("category"); })) {
    filter.category = get("category");
  }
  filter.urgency = parse_urgency(get("urgency"));
  if (const auto status = parse_post_status(get("status"));
      status == PostStatus::kOpen || status == PostStatus::kMatched) {
    filter.statuses = {*status};
  }
  const int page_number =
      std::clamp(static_cast<int>(parse_id(get("page")).value_or(1)), 1, 10'000);
  filter.limit = limits::kQueuePageItems;
  filter.offset = (page_number - 1) * limits::kQueuePageItems;
  const auto queue = web.services.organizer().queue(slug, *organizer, filter);
  if (!queue) return error_page(visitor, status_for(queue.error().code));

  Page page(visitor, "organize");
  page.set_title(visitor.text("organize.title"));
  page.set_network(*network);
  auto& data = page.data();
  const std::string csrf = visitor.csrf_token();
  data.SetValue("SLUG", slug);
  data.SetValue("CSRF", csrf);
  if (web.services.memberships().role(slug, *organizer).value_or(std::nullopt) == Role::kAdmin) {
    data.ShowSection("ADMIN");
  }
  fill_filter_options(data, visitor, *categories, filter.category, filter.urgency, filter.kind);
  data.SetValue("OPEN_SELECTED", selected(get("status") == "open"));
  data.SetValue("MATCHED_SELECTED", selected(get("status") == "matched"));
  if (const auto notice =
          done_notice(visitor, request.query, "organize.done_",
                      {"matched", "completed", "cancelled", "closed", "duplicate", "sent", "hidden",
                       "unhidden", "blocked", "unblocked", "dismissed", "account_blocked",
                       "account_unblocked", "referred", "referral_accepted", "referral_declined",
                       "referral_withdrawn", "merged", "not_duplicate"})) {
    data.SetValueAndShowSection("MESSAGE", *notice, "DONE");
  }
  if (request.query.find("conflict=1") != std::string::npos) {
    data.SetValueAndShowSection(
        "MESSAGE",
        visitor.format("organize.action_failed", {{"reason", visitor.text("organize.conflict")}}),
        "ACTION_ERROR");
  }
  fill_suggestions_summary(page, visitor, slug, *organizer);
  fill_open_reports(page, visitor, slug, *organizer);
  fill_referrals(page, visitor, slug, *organizer);
  fill_duplicates(page, visitor, slug, *organizer);
  data.SetValue("QUEUE_HEADING",
                visitor.format("organize.queue_count", {{"count", std::to_string(queue->total)}}));
  if (queue->items.empty()) data.ShowSection("EMPTY");

  // Open offers per category, asked once per page.
  std::map<std::string, std::vector<Post>> offers_by_category;
  const UnixSeconds now = web.services.now();
  for (const domain::QueueItem& queued : queue->items) {
    const Post& post = queued.post;
    auto* item = data.AddSectionDictionary("ITEM");
    item->SetIntValue("ID", post.id);
    item->SetValue("TITLE", post.title);
    item->SetValue("KIND", visitor.text("kind." + std::string(to_string(post.kind))));
    item->SetValue("CATEGORY", visitor.category_label(*categories, post.category));
    item->SetValueAndShowSection("URGENCY",
                                 visitor.text("urgency." + std::string(to_string(post.urgency))),
                                 post.urgency == Urgency::kToday ? "URGENT" : "NOT_URGENT");
    item->SetValue("STATUS", visitor.text("status." + std::string(to_string(post.status))));
    item->SetValue("WAITING", waiting_text(visitor, post.waiting_since, now));
    if (post.entered_by_organizer) item->ShowSection("ORGANIZER_ENTRY");
    if (!post.details.empty()) item->SetValueAndShowSection("TEXT", post.details, "DETAILS");
    if (!post.location_text.empty())
      item->SetValueAndShowSection("TEXT", post.location_text, "PLACE");
    item->SetValue("CONTACT", contact_text(visitor, post.contact));
    fill_item_moderation(*item, visitor, slug, queued);
    for (const Match& match : queued.matches) {
      auto* shown = item->AddSectionDictionary("MATCH");
      shown->SetIntValue("MATCH_ID", match.id);
      shown->SetValue("STATUS",
                      visitor.text("match_status." + std::string(to_string(match.status))));
      if (match.volunteer) {
        std::vector<std::string> who{match.volunteer->name};
        if (!match.volunteer->phone.empty()) who.push_back(match.volunteer->phone);
        if (!match.volunteer->email.empty()) who.push_back(match.volunteer->email);
        shown->SetValueAndShowSection("TEXT", fmt::format("{}", fmt::join(who, " · ")), "WHO");
      }
      if (match.offer_id && *match.offer_id != post.id) {
        shown->SetIntValue("ID", *match.offer_id);
        shown->ShowSection("OFFER");
      } else if (match.request_id != post.id) {
        shown->SetIntValue("ID", match.request_id);
        shown->ShowSection("OFFER");
      }
      if (match.status == MatchStatus::kProposed || match.status == MatchStatus::kAccepted) {
        shown->ShowSection("LIVE");
      }
      if (match.account_id) {
        fill_account_block(*shown, visitor, slug, *match.account_id,
                           queued.blocked_accounts.contains(*match.account_id), "volunteer",
                           fmt::format("m{}", match.id));
      }
      domain::ThreadQuery thread_query;
      thread_query.limit = limits::kThreadLimitMax;
      if (const auto thread = web.services.relay().thread(match.id, *organizer, thread_query)) {
        auto* messages = shown->AddSectionDictionary("MESSAGES");
        messages->SetValue("SUMMARY", visitor.format("organize.messages",
                                                     {{"count", std::to_string(thread->total)}}));
        fill_thread(*messages, visitor, *thread, network->timezone,
                    dashboard_path(slug) + "/matches/" + std::to_string(match.id) + "/messages",
                    nullptr);
      }
    }
    if (post.status != PostStatus::kOpen) continue;
    auto* actions = item->AddSectionDictionary("OPEN_ACTIONS");
    if (post.kind != PostKind::kRequest) continue;
    fill_item_refer(*actions, visitor, post, *organizer);
    auto found = offers_by_category.find(post.category);
    if (found == offers_by_category.end()) {
      auto offers = web.services.organizer().open_offers(slug, *organizer, post.category);
      found = offers_by_category.emplace(post.category, offers.value_or(std::vector<Post>{})).first;
    }
    if (found->second.empty()) {
      actions->ShowSection("NO_OFFERS");
      continue;
    }
    auto* offers = actions->AddSectionDictionary("OFFERS");
    for (const Post& offer : found->second) {
      auto* option = offers->AddSectionDictionary("OFFER_OPTION");
      option->SetIntValue("OFFER_ID", offer.id);
      option->SetValue("TITLE", offer.title);
    }
  }
  const auto page_href = [&](int number) {
    params["page"] = std::to_string(number);
    std::string href = dashboard_path(slug);
    char separator = '?';
    for (const auto& [name, value] : params) {
      if (value.empty()) continue;
      if (name != "kind" && name != "category" && name != "urgency" && name != "status" &&
          name != "page") {
        continue;
      }
      href += separator + percent_encode(name) + "=" + percent_encode(value);
      separator = '&';
    }
    return href;
  };
  if (page_number > 1) data.SetValueAndShowSection("HREF", page_href(page_number - 1), "PREVIOUS");
  if (filter.offset + static_cast<int>(queue->items.size()) < queue->total) {
    data.SetValueAndShowSection("HREF", page_href(page_number + 1), "NEXT");
  }
  return page.finish();
}

// A signed-in account redeems the operator's organizer key and becomes the
// network's admin.
Response redeem_key(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) {
    return sign_in_page(web, visitor, *network, 403, visitor.text("form.csrf_expired"));
  }
  const auto redeemed = web.services.memberships().redeem_organizer_key(
      slug, form->text("key").value_or(""), page_actor(visitor));
  if (!redeemed) {
    return sign_in_page(web, visitor, *network, status_for(redeemed.error().code),
                        visitor.text("organize.bad_key"));
  }
  return visitor.redirect(dashboard_path(slug));
}

}  // namespace

Response queue_action(const WebContext& web, Request& request, const char* done,
                      const QueueAct& act) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  if (!web.services.networks().find(slug)) return error_page(visitor, 404);
  const auto organizer = organizer_actor(web, visitor, slug);
  if (!organizer) return error_page(visitor, key_refusal(web, visitor));
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  const auto id = path_id(request, "id", "Post");
  if (!id) return error_page(visitor, 404);
  const Status result = act(slug, *organizer, *id, *form);
  if (result) return visitor.redirect(dashboard_path(slug) + "?done=" + done);
  const ErrorCode code = result.error().code;
  if (code == ErrorCode::kConflict || code == ErrorCode::kInvalid) {
    return visitor.redirect(dashboard_path(slug) + "?conflict=1");
  }
  return error_page(visitor, status_for(code));
}

namespace {

void add_actions(Router& router, const WebContext& web) {
  auto& organizer = web.services.organizer();
  router.add_page(Method::kPost, "/n/{slug}/organize/posts/{id}/match", [&](Request& request) {
    return queue_action(
        web, request, "matched",
        [&](const std::string& slug, const domain::Actor& actor, PostId id, const Form& form) {
          const auto offer = parse_id(form.get("offer_id").value_or(""));
          if (!offer) return Status(invalid({{"offer_id", Message{"error.required", {}}}}));
          return status_of(organizer.match(slug, actor, id, *offer, std::nullopt, std::nullopt));
        });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/posts/{id}/close", [&](Request& request) {
    return queue_action(
        web, request, "closed",
        [&](const std::string& slug, const domain::Actor& actor, PostId id, const Form& form) {
          const auto reason = parse_close_reason(form.get("reason").value_or(""));
          if (!reason) return Status(invalid({{"reason", Message{"error.required", {}}}}));
          return status_of(organizer.close(slug, actor, id, *reason));
        });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/posts/{id}/duplicate", [&](Request& request) {
    return queue_action(
        web, request, "duplicate",
        [&](const std::string& slug, const domain::Actor& actor, PostId id, const Form& form) {
          const auto original = parse_id(form.text("duplicate_of").value_or(""));
          if (!original) {
            return Status(invalid({{"duplicate_of", Message{"error.required", {}}}}));
          }
          return status_of(organizer.mark_duplicate(slug, actor, id, *original));
        });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/matches/{id}/complete", [&](Request& request) {
    return queue_action(
        web, request, "completed",
        [&](const std::string& slug, const domain::Actor& actor, MatchId id, const Form&) {
          return status_of(organizer.complete_match(slug, actor, id));
        });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/matches/{id}/cancel", [&](Request& request) {
    return queue_action(
        web, request, "cancelled",
        [&](const std::string& slug, const domain::Actor& actor, MatchId id, const Form&) {
          return status_of(organizer.cancel_match(slug, actor, id));
        });
  });
  // A message to a match's thread, as an organizer of the network.
  router
      .add_page(
          Method::kPost, "/n/{slug}/organize/matches/{id}/messages",
          [&](Request& request) {
            return queue_action(
                web, request, "sent",
                [&](const std::string&, const domain::Actor& actor, MatchId id, const Form& form) {
                  return status_of(web.services.relay().post(id, actor, form.get("body")));
                });
          })
      .rate_limit(limits::kRateMessaging);
}

Response intake(const WebContext& web, Request& request, bool submitted) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  const auto organizer = organizer_actor(web, visitor, slug);
  if (!organizer) return sign_in_page(web, visitor, *network, key_refusal(web, visitor), "");
  const auto categories = web.services.networks().categories(slug);
  if (!categories) return error_page(visitor, 500);
  const std::string action = dashboard_path(slug) + "/intake";
  const auto show = [&](int status, PostFormState state) {
    Page page(visitor, "post_form");
    fill_post_form(page, visitor, *network, *categories, PostFormKind::kIntake, action, state);
    page.set_title(visitor.text("organize.intake_title"));
    return page.finish(status);
  };
  if (!submitted) return show(200, {});
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) {
    return show(403, PostFormState::with_message(&*form, visitor.text("form.csrf_expired")));
  }
  const auto created = web.services.organizer().intake(
      slug, *organizer, read_post_form(*form, PostFormKind::kIntake, *network));
  if (!created) {
    if (created.error().code == ErrorCode::kInvalid) {
      return show(422, PostFormState::with_errors(&*form, created.error().fields));
    }
    return error_page(visitor, status_for(created.error().code));
  }
  return visitor.redirect("/p/" + std::to_string(created->post.id) + "/k/" + created->manage_token +
                          "?new=1");
}

}  // namespace

std::optional<domain::Actor> organizer_actor(const WebContext& web, const PageRequest& visitor,
                                             const std::string& slug) {
  domain::Actor actor = page_actor(visitor);
  if (!web.services.organizer().check(slug, actor)) return std::nullopt;
  return actor;
}

void add_organize_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/n/{slug}/organize",
                  [&web](Request& request) { return dashboard(web, request); });
  router
      .add_page(Method::kPost, "/n/{slug}/organize/admin-key",
                [&web](Request& request) { return redeem_key(web, request); })
      .rate_limit(limits::kRateSignIn);
  router.add_page(Method::kGet, "/n/{slug}/organize/intake",
                  [&web](Request& request) { return intake(web, request, false); });
  router
      .add_page(Method::kPost, "/n/{slug}/organize/intake",
                [&web](Request& request) { return intake(web, request, true); })
      .rate_limit(limits::kRatePosting);
  add_actions(router, web);
}

}  // namespace gapfill::http
