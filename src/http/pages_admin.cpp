// A network's admin page (/n/SLUG/admin): its members and their roles,
// one-time invite links, and the network's policy; joining a network as a
// volunteer; and the page an invite link opens. The rules are the domain's
// (domain/memberships.cpp); these pages only show and ask.

#include "base/limits.hpp"
#include "http/actor.hpp"
#include "http/api_support.hpp"
#include "http/error_response.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/post_form.hpp"

namespace gapfill::http {
namespace {

std::string admin_path(const std::string& slug) {
  return "/n/" + slug + "/admin";
}

// 401 for a visitor who is not signed in, the error's status otherwise.
Response refusal(PageRequest& visitor, const Error& error) {
  return error_page(visitor, status_for(error.code));
}

std::string role_label(const PageRequest& visitor, Role role) {
  return visitor.text("roles.role_" + std::string(to_string(role)));
}

void fill_role_options(ctemplate::TemplateDictionary& row, const PageRequest& visitor,
                       std::optional<Role> current, bool with_member) {
  for (Role role : {Role::kMember, Role::kVolunteer, Role::kOrganizer, Role::kAdmin}) {
    if (role == Role::kMember && !with_member) continue;
    auto* option = row.AddSectionDictionary("ROLE_OPTION");
    option->SetValue("VALUE", std::string(to_string(role)));
    option->SetValue("LABEL", role_label(visitor, role));
    option->SetValue("SELECTED", selected(current == role));
  }
}

// The admin page; `new_link` is an invite just made, shown this once;
// `contact_errors` the problems of a public contact just sent (`sent`).
Response admin_page(const WebContext& web, Request& request, const std::string& new_link,
                    int status = 200, const FieldMessages& contact_errors = {},
                    const PublicContact* sent = nullptr) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  const domain::Actor actor = page_actor(visitor);
  const auto members = web.services.memberships().members(slug, actor);
  if (!members) return refusal(visitor, members.error());
  const auto invites = web.services.memberships().invites(slug, actor);
  const auto policy = web.services.memberships().policy(slug);
  if (!invites || !policy) return error_page(visitor, 500);

  Page page(visitor, "admin");
  page.set_title(visitor.text("roles.admin_title"));
  page.set_network(*network);
  auto& data = page.data();
  const std::string csrf = visitor.csrf_token();
  data.SetValue("SLUG", slug);
  data.SetValue("CSRF", csrf);
  if (!new_link.empty()) data.SetValueAndShowSection("LINK", new_link, "NEW_LINK");
  const PublicContact& contact = sent != nullptr ? *sent : network->contact;
  data.SetValue("CONTACT_EMAIL", contact.email);
  data.SetValue("CONTACT_WEBSITE", contact.website);
  data.SetValue("CONTACT_PHONE", contact.phone);
  show_field_errors(data, visitor, contact_errors);
  if (const auto notice = done_notice(visitor, request.query, "roles.done_",
                                      {"role", "removed", "revoked", "policy", "contact"})) {
    data.SetValueAndShowSection("MESSAGE", *notice, "DONE");
  }
  if (request.query.find("conflict=1") != std::string::npos) {
    data.SetValueAndShowSection("MESSAGE", visitor.text("roles.last_admin"), "ACTION_ERROR");
  }
  if (policy->claim_needs_volunteer) data.SetValue("CLAIM_CHECKED", "checked");
  fill_role_options(data, visitor, Role::kVolunteer, false);
  for (const Membership& member : *members) {
    auto* row = data.AddSectionDictionary("MEMBER");
    row->SetIntValue("ACCOUNT", member.account_id);
    row->SetValue("ROLE", role_label(visitor, member.role));
    row->SetValue("SINCE", visitor.local_time(member.created_at, network->timezone));
    fill_role_options(*row, visitor, member.role, true);
  }
  const UnixSeconds now = web.services.now();
  for (const Invite& invite : *invites) {
    auto* row = data.AddSectionDictionary("INVITE");
    row->SetIntValue("ID", invite.id);
    row->SetValue("ROLE", role_label(visitor, invite.role));
    row->SetValue("EXPIRES", visitor.local_time(invite.expires_at, network->timezone));
    const char* state = invite.used_at             ? "roles.invite_used"
                        : invite.revoked_at        ? "roles.invite_revoked"
                        : now >= invite.expires_at ? "roles.invite_expired"
                                                   : nullptr;
    if (state != nullptr) {
      row->SetValue("STATE", visitor.text(state));
    } else {
      row->SetValue("STATE", visitor.text("roles.invite_open"));
      row->ShowSection("LIVE");
    }
  }
  if (invites->empty()) data.ShowSection("NO_INVITES");
  return page.finish(status);
}

// An admin's form: checks the form, runs `act`, and goes back to the admin
// page with a notice (or the last-admin warning).
template <typename Act>
Response admin_action(const WebContext& web, Request& request, const char* done, Act&& act) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  if (!web.services.networks().find(slug)) return error_page(visitor, 404);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  const Status result = act(slug, page_actor(visitor), *form);
  if (result) return visitor.redirect(admin_path(slug) + "?done=" + done);
  if (result.error().code == ErrorCode::kConflict) {
    return visitor.redirect(admin_path(slug) + "?conflict=1");
  }
  return error_page(visitor, status_for(result.error().code));
}

Response create_invite(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  if (!web.services.networks().find(slug)) return error_page(visitor, 404);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  const auto role = parse_role(form->get("role").value_or(""));
  if (!role) return error_page(visitor, 422);
  const auto issued = web.services.memberships().invite(slug, page_actor(visitor), *role);
  if (!issued) return refusal(visitor, issued.error());
  return admin_page(web, request, visitor.absolute_url("/invite/" + issued->token), 201);
}

// The network's public contact, from the admin page: field errors show on
// the page (422), success goes back to it with a notice.
Response change_contact(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  if (!web.services.networks().find(slug)) return error_page(visitor, 404);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  domain::PublicContactDraft draft;
  draft.email = form->get("contact_email").value_or("");
  draft.website = form->get("contact_website").value_or("");
  draft.phone = form->get("contact_phone").value_or("");
  const auto changed = web.services.networks().set_contact(slug, page_actor(visitor), draft);
  if (changed) return visitor.redirect(admin_path(slug) + "?done=contact");
  if (changed.error().code != ErrorCode::kInvalid) return refusal(visitor, changed.error());
  const PublicContact sent{*draft.email, *draft.website, *draft.phone};
  return admin_page(web, request, "", 422, changed.error().fields, &sent);
}

void add_admin_actions(Router& router, const WebContext& web) {
  auto& memberships = web.services.memberships();
  router.add_page(Method::kPost, "/n/{slug}/admin/invites",
                  [&web](Request& request) { return create_invite(web, request); });
  router.add_page(Method::kPost, "/n/{slug}/admin/invites/{id}/revoke", [&](Request& request) {
    return admin_action(web, request, "revoked",
                        [&](const std::string& slug, const domain::Actor& actor, const Form&) {
                          const auto id = path_id(request, "id", "Invite");
                          if (!id) return Status(std::unexpected(id.error()));
                          return memberships.revoke_invite(slug, actor, *id);
                        });
  });
  router.add_page(Method::kPost, "/n/{slug}/admin/members/{account}/role", [&](Request& request) {
    return admin_action(web, request, "role",
                        [&](const std::string& slug, const domain::Actor& actor, const Form& form) {
                          const auto account = path_id(request, "account", "Member");
                          if (!account) return Status(std::unexpected(account.error()));
                          const auto role = parse_role(form.get("role").value_or(""));
                          if (!role)
                            return Status(invalid({{"role", Message{"error.required", {}}}}));
                          return status_of(memberships.set_role(slug, actor, *account, *role));
                        });
  });
  router.add_page(Method::kPost, "/n/{slug}/admin/members/{account}/remove", [&](Request& request) {
    return admin_action(web, request, "removed",
                        [&](const std::string& slug, const domain::Actor& actor, const Form&) {
                          const auto account = path_id(request, "account", "Member");
                          if (!account) return Status(std::unexpected(account.error()));
                          return memberships.remove(slug, actor, *account);
                        });
  });
  router.add_page(Method::kPost, "/n/{slug}/admin/contact",
                  [&web](Request& request) { return change_contact(web, request); });
  router.add_page(Method::kPost, "/n/{slug}/admin/policy", [&](Request& request) {
    return admin_action(web, request, "policy",
                        [&](const std::string& slug, const domain::Actor& actor, const Form& form) {
                          NetworkPolicy policy;
                          policy.claim_needs_volunteer = form.get("claim_needs_volunteer") == "on";
                          return status_of(memberships.set_policy(slug, actor, policy));
                        });
  });
}

// The page that asks people to volunteer with the network.
Response join_page(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  Page page(visitor, "join");
  page.set_title(visitor.text("roles.join_heading"));
  page.set_network(*network);
  auto& data = page.data();
  data.SetValue("SLUG", slug);
  if (request.query.find("done=joined") != std::string::npos) data.ShowSection("DONE");
  if (page_actor(visitor).account) {
    data.SetValue("CSRF", visitor.csrf_token());
    data.ShowSection("SIGNED_IN");
  } else {
    data.SetValueAndShowSection("HREF", sign_in_path("/n/" + slug + "/join"), "SIGNED_OUT");
  }
  return page.finish();
}

// Joining as a volunteer: signed in, back to the join page with a notice.
Response join(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  if (!web.services.networks().find(slug)) return error_page(visitor, 404);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  const domain::Actor actor = page_actor(visitor);
  const auto joined = web.services.memberships().join(slug, actor);
  if (!joined) return refusal(visitor, joined.error());
  return visitor.redirect("/n/" + slug + "/join?done=joined");
}

// The page an invite link opens: which network and role, and a button to
// take it (or to sign in first).
Response invite_page(const WebContext& web, Request& request, int status = 200) {
  PageRequest visitor(web, request);
  const std::string& token = request.params.at("token");
  const auto invite = web.services.memberships().find_invite(token);
  if (!invite) return error_page(visitor, 404);
  const auto network = web.services.networks().find(invite->network_id);
  if (!network) return error_page(visitor, 404);
  Page page(visitor, "invite");
  page.set_title(visitor.text("roles.invite_title"));
  page.set_network(*network);
  auto& data = page.data();
  data.SetValue("NETWORK", network->name);
  data.SetValue("ROLE", role_label(visitor, invite->role));
  data.SetValue("TOKEN", token);
  data.SetValue("CSRF", visitor.csrf_token());
  if (page_actor(visitor).account) {
    data.ShowSection("SIGNED_IN");
  } else {
    data.SetValueAndShowSection("HREF", sign_in_path("/invite/" + token), "SIGNED_OUT");
  }
  if (status == 403) set_error(data, "FORM_ERROR", visitor.text("form.csrf_expired"));
  return page.finish(status);
}

Response redeem_invite(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return invite_page(web, request, 403);
  const auto redeemed =
      web.services.memberships().redeem(request.params.at("token"), page_actor(visitor));
  if (!redeemed) return refusal(visitor, redeemed.error());
  const auto network = web.services.networks().find(redeemed->network_id);
  if (!network) return error_page(visitor, 500);
  if (domain::at_least(redeemed->role, Role::kOrganizer)) {
    return visitor.redirect("/n/" + network->slug + "/organize");
  }
  return visitor.redirect("/n/" + network->slug + "/join?done=joined");
}

}  // namespace

void add_admin_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/n/{slug}/admin",
                  [&web](Request& request) { return admin_page(web, request, ""); });
  add_admin_actions(router, web);
  router.add_page(Method::kGet, "/n/{slug}/join",
                  [&web](Request& request) { return join_page(web, request); });
  router.add_page(Method::kPost, "/n/{slug}/join",
                  [&web](Request& request) { return join(web, request); });
  router.add_page(Method::kGet, "/invite/{token}",
                  [&web](Request& request) { return invite_page(web, request); });
  router
      .add_page(Method::kPost, "/invite/{token}",
                [&web](Request& request) { return redeem_invite(web, request); })
      .rate_limit(limits::kRateSignIn);
}

}  // namespace gapfill::http
