// Referrals on the pages: on the organizer dashboard, the "Refer" form on
// each open request and the "Referrals" section (incoming, awaiting this
// network's decision, and every other referral with its status); on the
// requester's private link, the question whether to share the request with
// the network organizers suggest, and where a referred request went.

#include <fmt/format.h>

#include "base/limits.hpp"
#include "http/actor.hpp"
#include "http/api_support.hpp"
#include "http/error_response.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"

namespace gapfill::http {
namespace {

constexpr DeclineReason kDeclineReasons[] = {DeclineReason::kOutsideArea,
                                             DeclineReason::kNoCapacity, DeclineReason::kNotOffered,
                                             DeclineReason::kOther};

std::string status_text(const PageRequest& visitor, ReferralStatus status) {
  return visitor.text("referrals.status_" + std::string(to_string(status)));
}

void fill_incoming(ctemplate::TemplateDictionary& item, PageRequest& visitor,
                   const domain::ReferralItem& referral) {
  const Post& post = referral.post;
  item.SetValue("FROM", visitor.format("referrals.from", {{"network", referral.from.name}}));
  if (!post.details.empty()) item.SetValueAndShowSection("TEXT", post.details, "DETAILS");
  if (!post.location_text.empty()) {
    item.SetValueAndShowSection("TEXT", post.location_text, "PLACE");
  }
  item.SetValue("CONTACT", contact_text(visitor, post.contact));
  for (DeclineReason reason : kDeclineReasons) {
    auto* option = item.AddSectionDictionary("DECLINE_OPTION");
    option->SetValue("VALUE", std::string(to_string(reason)));
    option->SetValue("LABEL", visitor.text("referrals.decline_" + std::string(to_string(reason))));
  }
}

std::string summary_text(PageRequest& visitor, const domain::ReferralItem& referral) {
  if (referral.direction == domain::ReferralDirection::kOutgoing) {
    return visitor.format("referrals.sent_to", {{"network", referral.to.name}});
  }
  return visitor.format("referrals.from", {{"network", referral.from.name}});
}

}  // namespace

void fill_referrals(Page& page, PageRequest& visitor, const std::string& slug,
                    const domain::Actor& actor) {
  const auto referrals = visitor.web().services.referrals().list(slug, actor);
  if (!referrals || referrals->empty()) return;
  auto* section = page.data().AddSectionDictionary("REFERRALS");
  ctemplate::TemplateDictionary* incoming = nullptr;
  ctemplate::TemplateDictionary* others = nullptr;
  for (const domain::ReferralItem& referral : *referrals) {
    const bool deciding = referral.direction == domain::ReferralDirection::kIncoming &&
                          referral.referral.status == ReferralStatus::kSent;
    ctemplate::TemplateDictionary*& list = deciding ? incoming : others;
    if (list == nullptr) list = section->AddSectionDictionary(deciding ? "INCOMING" : "OTHERS");
    auto* item = list->AddSectionDictionary("REFERRAL");
    item->SetIntValue("REFERRAL_ID", referral.referral.id);
    item->SetIntValue("POST_ID", referral.post.id);
    item->SetValue("TITLE", referral.post.title);
    item->SetValue("STATUS", status_text(visitor, referral.referral.status));
    item->SetValue("SUMMARY", summary_text(visitor, referral));
    if (!referral.referral.note.empty()) {
      item->SetValueAndShowSection("TEXT", referral.referral.note, "NOTE");
    }
    if (deciding) fill_incoming(*item, visitor, referral);
    if (referral.referral.decline_reason) {
      item->SetValueAndShowSection(
          "TEXT",
          visitor.text("referrals.decline_" +
                       std::string(to_string(*referral.referral.decline_reason))),
          "DECLINE_REASON");
    }
    if (referral.referral.new_post_id) {
      item->SetIntValue("NEW_ID", *referral.referral.new_post_id);
      item->ShowSection("NEW_POST");
    }
    const bool open = referral.referral.status == ReferralStatus::kAwaitingConsent ||
                      referral.referral.status == ReferralStatus::kSent;
    if (referral.direction == domain::ReferralDirection::kOutgoing && open) {
      item->ShowSection("CAN_WITHDRAW");
    }
  }
}

void fill_item_refer(ctemplate::TemplateDictionary& actions, PageRequest& visitor, const Post& post,
                     const domain::Actor& actor) {
  const auto targets = visitor.web().services.referrals().targets(post.id, actor);
  if (!targets || targets->empty()) return;
  auto* refer = actions.AddSectionDictionary("REFER");
  refer->SetIntValue("NOTE_MAX", static_cast<long>(limits::kReferralNoteMaxChars));
  for (const domain::ReferralTarget& target : *targets) {
    auto* option = refer->AddSectionDictionary("TARGET");
    option->SetValue("VALUE", target.network.slug);
    const std::string km = fmt::format("{:.0f}", target.distance_km);
    option->SetValue(
        "LABEL", visitor.format(target.covers ? "referrals.target_covers" : "referrals.target_away",
                                {{"network", target.network.name}, {"km", km}}));
  }
}

void fill_requester_referrals(Page& page, PageRequest& visitor, const Post& post,
                              const std::string& token, const std::string& query) {
  auto& data = page.data();
  if (post.close_reason == CloseReason::kReferred) data.ShowSection("MOVED_ON");
  if (token.empty()) return;
  if (query.find("done=shared") != std::string::npos) {
    data.SetValueAndShowSection("MESSAGE", visitor.text("referrals.done_shared"), "REFERRAL_DONE");
  } else if (query.find("done=not_shared") != std::string::npos) {
    data.SetValueAndShowSection("MESSAGE", visitor.text("referrals.done_not_shared"),
                                "REFERRAL_DONE");
  }
  const auto referrals =
      visitor.web().services.referrals().for_requester(post.id, domain::Actor(token));
  if (!referrals) return;
  const std::string base = "/p/" + std::to_string(post.id) + "/k/" + token;
  for (const domain::ReferralItem& referral : *referrals) {
    const Referral& record = referral.referral;
    if (record.new_post_id == post.id) {
      data.SetValueAndShowSection(
          "TEXT", visitor.format("referrals.referred_from", {{"network", referral.from.name}}),
          "REFERRED_FROM");
      continue;
    }
    if (record.status == ReferralStatus::kAwaitingConsent) {
      auto* ask = data.AddSectionDictionary("REFERRAL_ASK");
      ask->SetIntValue("REFERRAL_ID", record.id);
      ask->SetValue("BASE", base);
      ask->SetValue("CSRF", visitor.csrf_token());
      ask->SetValue("QUESTION", visitor.format("referrals.ask", {{"network", referral.to.name}}));
      continue;
    }
    if (record.status == ReferralStatus::kAccepted && record.new_post_id) {
      auto* moved = data.AddSectionDictionary("REFERRED_TO");
      moved->SetValue("TEXT",
                      visitor.format("referrals.moved_to", {{"network", referral.to.name}}));
      moved->SetValue("HREF", "/p/" + std::to_string(*record.new_post_id) + "/k/" + token);
      continue;
    }
    if (record.status == ReferralStatus::kSent) {
      data.SetValueAndShowSection(
          "TEXT", visitor.format("referrals.shared_with", {{"network", referral.to.name}}),
          "REFERRAL_STATUS");
    }
  }
}

namespace {

Response consent(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  const auto referral = path_id(request, "referral", "Referral");
  if (!id || !referral) return error_page(visitor, 404);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  const std::string answer = form->get("agree").value_or("");
  if (answer != "yes" && answer != "no") return error_page(visitor, 400);
  const std::string& token = request.params.at("token");
  const std::string base = "/p/" + std::to_string(*id) + "/k/" + token;
  const auto result =
      web.services.referrals().consent(*id, *referral, domain::Actor(token), answer == "yes");
  if (result)
    return visitor.redirect(base + (answer == "yes" ? "?done=shared" : "?done=not_shared"));
  if (result.error().code == ErrorCode::kConflict) return visitor.redirect(base + "?conflict=1");
  return error_page(visitor, status_for(result.error().code));
}

}  // namespace

void add_referral_pages(Router& router, const WebContext& web) {
  auto& referrals = web.services.referrals();
  router.add_page(Method::kPost, "/n/{slug}/organize/posts/{id}/refer", [&](Request& request) {
    return queue_action(
        web, request, "referred",
        [&](const std::string&, const domain::Actor& actor, PostId id, const Form& form) {
          domain::ReferralDraft draft;
          draft.to = form.get("to");
          if (const auto consent = form.get("consent")) {
            draft.consent = parse_referral_consent(*consent);
          }
          const auto note = form.text("note");
          if (note && !note->empty()) draft.note = note;
          return status_of(referrals.refer(id, actor, draft));
        });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/referrals/{id}/accept", [&](Request& request) {
    return queue_action(web, request, "referral_accepted",
                        [&](const std::string&, const domain::Actor& actor, ReferralId id,
                            const Form&) { return status_of(referrals.accept(id, actor)); });
  });
  router.add_page(
      Method::kPost, "/n/{slug}/organize/referrals/{id}/decline", [&](Request& request) {
        return queue_action(
            web, request, "referral_declined",
            [&](const std::string&, const domain::Actor& actor, ReferralId id, const Form& form) {
              return status_of(referrals.decline(
                  id, actor, parse_decline_reason(form.get("reason").value_or(""))));
            });
      });
  router.add_page(
      Method::kPost, "/n/{slug}/organize/referrals/{id}/withdraw", [&](Request& request) {
        return queue_action(web, request, "referral_withdrawn",
                            [&](const std::string&, const domain::Actor& actor, ReferralId id,
                                const Form&) { return status_of(referrals.withdraw(id, actor)); });
      });
  router.add_page(Method::kPost, "/p/{id}/k/{token}/referrals/{referral}/consent",
                  [&web](Request& request) { return consent(web, request); });
}

}  // namespace gapfill::http
