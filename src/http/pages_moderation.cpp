// Moderation pages: the report form on a post's public page, the open
// reports and the hide and block forms on the organizer dashboard, and the
// network's audit log for its organizers.

#include <fmt/format.h>

#include "base/limits.hpp"
#include "http/actor.hpp"
#include "http/api_support.hpp"
#include "http/error_response.hpp"
#include "http/form.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/query.hpp"
#include "http/templates.hpp"

namespace gapfill::http {
namespace {

constexpr ModerationReason kReasons[] = {
    ModerationReason::kSpam, ModerationReason::kScam, ModerationReason::kUnsafe,
    ModerationReason::kPersonalInformation, ModerationReason::kOther};

std::string reason_text(const PageRequest& visitor, ModerationReason reason) {
  return visitor.text("moderation.reason_" + std::string(to_string(reason)));
}

void add_reason_options(ctemplate::TemplateDictionary& data, const PageRequest& visitor) {
  for (ModerationReason reason : kReasons) {
    auto* option = data.AddSectionDictionary("REASON_OPTION");
    option->SetValue("VALUE", std::string(to_string(reason)));
    option->SetValue("LABEL", reason_text(visitor, reason));
  }
}

std::string dashboard_path(const std::string& slug) {
  return "/n/" + slug + "/organize";
}

Response submit_report(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  if (!id) return error_page(visitor, 404);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  domain::ReportDraft draft;
  draft.reason = parse_moderation_reason(form->get("reason").value_or(""));
  draft.note = form->text("note");
  const auto reported = web.services.moderation().report(*id, draft);
  const std::string back = "/p/" + std::to_string(*id);
  if (!reported) {
    if (reported.error().code == ErrorCode::kInvalid)
      return visitor.redirect(back + "?report=invalid");
    return error_page(visitor, status_for(reported.error().code));
  }
  return visitor.redirect(back + "?report=received");
}

Status reason_required() {
  return Status(invalid({{"reason", Message{"error.required", {}}}}));
}

void add_dashboard_actions(Router& router, const WebContext& web) {
  auto& moderation = web.services.moderation();
  router.add_page(Method::kPost, "/n/{slug}/organize/posts/{id}/hide", [&](Request& request) {
    return queue_action(
        web, request, "hidden",
        [&](const std::string& slug, const domain::Actor& actor, PostId id, const Form& form) {
          const auto reason = parse_moderation_reason(form.get("reason").value_or(""));
          if (!reason) return reason_required();
          return status_of(moderation.hide(slug, actor, id, *reason));
        });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/posts/{id}/unhide", [&](Request& request) {
    return queue_action(web, request, "unhidden",
                        [&](const std::string& slug, const domain::Actor& actor, PostId id,
                            const Form&) { return status_of(moderation.unhide(slug, actor, id)); });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/posts/{id}/block", [&](Request& request) {
    return queue_action(
        web, request, "blocked",
        [&](const std::string& slug, const domain::Actor& actor, PostId id, const Form& form) {
          const auto reason = parse_moderation_reason(form.get("reason").value_or(""));
          if (!reason) return reason_required();
          return status_of(moderation.block(slug, actor, id, *reason));
        });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/posts/{id}/unblock", [&](Request& request) {
    return queue_action(
        web, request, "unblocked",
        [&](const std::string& slug, const domain::Actor& actor, PostId id, const Form&) {
          return status_of(moderation.unblock(slug, actor, id));
        });
  });
  // {id} is an account's: the poster's or a volunteer's, as the queue shows.
  router.add_page(Method::kPost, "/n/{slug}/organize/accounts/{id}/block", [&](Request& request) {
    return queue_action(
        web, request, "account_blocked",
        [&](const std::string& slug, const domain::Actor& actor, AccountId id, const Form& form) {
          const auto reason = parse_moderation_reason(form.get("reason").value_or(""));
          if (!reason) return reason_required();
          return moderation.block_account(slug, actor, id, *reason);
        });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/accounts/{id}/unblock", [&](Request& request) {
    return queue_action(web, request, "account_unblocked",
                        [&](const std::string& slug, const domain::Actor& actor, AccountId id,
                            const Form&) { return moderation.unblock_account(slug, actor, id); });
  });
  router.add_page(Method::kPost, "/n/{slug}/organize/reports/{id}/resolve", [&](Request& request) {
    const bool hide = [&] {
      const auto form = Form::parse(request.body);
      return form && form->get("resolution").value_or("") == "hidden";
    }();
    return queue_action(web, request, hide ? "hidden" : "dismissed",
                        [&](const std::string& slug, const domain::Actor& actor, std::int64_t id,
                            const Form& form) {
                          const auto resolution =
                              parse_report_resolution(form.get("resolution").value_or(""));
                          if (!resolution) {
                            return Status(invalid({{"resolution", Message{"error.required", {}}}}));
                          }
                          return moderation.resolve_report(slug, actor, id, *resolution);
                        });
  });
}

Response audit_page(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  const auto actor = organizer_actor(web, visitor, slug);
  if (!actor) return error_page(visitor, page_actor(visitor).account ? 403 : 401);
  const auto params = parse_query(request.query).value_or(std::map<std::string, std::string>{});
  std::optional<std::int64_t> before;
  if (const auto found = params.find("before"); found != params.end()) {
    before = parse_id(found->second);
  }
  const auto audit =
      web.services.moderation().audit(slug, *actor, before, limits::kAuditLimitDefault);
  if (!audit) return error_page(visitor, status_for(audit.error().code));
  Page page(visitor, "organize_audit");
  page.set_title(visitor.text("moderation.audit_title"));
  page.set_network(*network);
  auto& data = page.data();
  data.SetValue("SLUG", slug);
  if (audit->items.empty()) data.ShowSection("EMPTY");
  for (const AuditEvent& event : audit->items) {
    auto* row = data.AddSectionDictionary("EVENT");
    row->SetValue("WHEN", visitor.local_time(event.at, network->timezone));
    row->SetValue("WHO", event.actor_kind == ActorKind::kOperator
                             ? visitor.text("moderation.actor_operator")
                         : event.actor_label.empty()
                             ? visitor.format("moderation.actor_key",
                                              {{"id", std::to_string(event.actor_id.value_or(0))}})
                             : event.actor_label);
    row->SetValue("ACTION", event.action);
    row->SetValue("TARGET", event.target_kind + " #" + std::to_string(event.target_id));
    if (event.target_kind == "post") {
      row->SetValueAndShowSection("HREF", "/p/" + std::to_string(event.target_id), "POST_LINK");
    } else {
      row->ShowSection("PLAIN_TARGET");
    }
    row->SetValue("DETAIL", event.detail);
  }
  if (audit->next_before) {
    data.SetValueAndShowSection(
        "HREF", dashboard_path(slug) + "/audit?before=" + std::to_string(*audit->next_before),
        "NEXT");
  }
  return page.finish();
}

}  // namespace

void fill_report_form(Page& page, PageRequest& visitor, PostId id, const std::string& query) {
  auto& data = page.data();
  auto* form = data.AddSectionDictionary("REPORT_FORM");
  form->SetIntValue("ID", id);
  form->SetValue("CSRF", visitor.csrf_token());
  form->SetIntValue("NOTE_MAX", static_cast<long>(limits::kReportNoteMaxChars));
  add_reason_options(*form, visitor);
  if (query == "report=received") {
    data.SetValueAndShowSection("MESSAGE", visitor.text("moderation.report_received"), "DONE");
  } else if (query == "report=invalid") {
    data.SetValueAndShowSection("MESSAGE", visitor.text("moderation.report_invalid"),
                                "ACTION_ERROR");
  }
}

void fill_open_reports(Page& page, PageRequest& visitor, const std::string& slug,
                       const domain::Actor& actor) {
  auto& data = page.data();
  data.SetValue("AUDIT_HREF", dashboard_path(slug) + "/audit");
  const auto reports =
      visitor.web().services.moderation().open_reports(slug, actor, limits::kReportsPageItems, 0);
  if (!reports) return;
  auto* section = data.AddSectionDictionary("REPORTS");
  section->SetValue("HEADING", visitor.format("moderation.reports_count",
                                              {{"count", std::to_string(reports->total)}}));
  const std::string csrf = visitor.csrf_token();
  for (const domain::ReportItem& item : reports->items) {
    auto* row = section->AddSectionDictionary("REPORT");
    row->SetIntValue("REPORT_ID", item.report.id);
    row->SetIntValue("POST_ID", item.post.id);
    row->SetValue("POST_TITLE", item.post.title);
    row->SetValue("REASON", reason_text(visitor, item.report.reason));
    if (!item.report.note.empty()) row->SetValueAndShowSection("TEXT", item.report.note, "NOTE");
    row->SetValue("SLUG", slug);
    row->SetValue("CSRF", csrf);
    if (item.post.hidden) row->ShowSection("ALREADY_HIDDEN");
  }
}

void fill_account_block(ctemplate::TemplateDictionary& parent, PageRequest& visitor,
                        const std::string& slug, AccountId account, bool blocked,
                        const std::string& whose, const std::string& form_id) {
  auto* data = parent.AddIncludeDictionary(whose == "poster" ? "POSTER_ACCOUNT" : "ACCOUNT");
  data->SetFilename(Templates::baked_name("account_block", visitor.language()));
  data->SetValue("SLUG", slug);
  data->SetValue("CSRF", visitor.csrf_token());
  data->SetIntValue("ACCOUNT_ID", account);
  data->SetValue("FORM_ID", form_id);
  if (blocked) {
    auto* shown = data->AddSectionDictionary("BLOCKED");
    shown->SetValue("BADGE", visitor.text("moderation.account_blocked_" + whose));
    shown->SetValue("UNBLOCK", visitor.text("moderation.account_unblock_" + whose));
  } else {
    auto* form = data->AddSectionDictionary("CAN_BLOCK");
    form->SetValue("BLOCK", visitor.text("moderation.account_block_" + whose));
    add_reason_options(*form, visitor);
  }
}

void fill_item_moderation(ctemplate::TemplateDictionary& item, PageRequest& visitor,
                          const std::string& slug, const domain::QueueItem& queued) {
  auto* section = item.AddSectionDictionary("MODERATION");
  if (queued.post.hidden) {
    section->SetValueAndShowSection("REASON", reason_text(visitor, queued.post.hidden->reason),
                                    "HIDDEN");
  } else {
    add_reason_options(*section->AddSectionDictionary("CAN_HIDE"), visitor);
  }
  if (queued.token_blocked) {
    section->ShowSection("BLOCKED");
  } else {
    add_reason_options(*section->AddSectionDictionary("CAN_BLOCK"), visitor);
  }
  if (const auto account = queued.post.account_id) {
    fill_account_block(*section, visitor, slug, *account,
                       queued.blocked_accounts.contains(*account), "poster",
                       fmt::format("p{}", queued.post.id));
  }
}

void add_moderation_pages(Router& router, const WebContext& web) {
  router
      .add_page(Method::kPost, "/p/{id}/report",
                [&web](Request& request) { return submit_report(web, request); })
      .rate_limit(limits::kRateReporting);
  router.add_page(Method::kGet, "/n/{slug}/organize/audit",
                  [&web](Request& request) { return audit_page(web, request); });
  add_dashboard_actions(router, web);
}

}  // namespace gapfill::http
