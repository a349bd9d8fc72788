#include "domain/referrals.hpp"

#include <algorithm>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "domain/audit.hpp"
#include "domain/history.hpp"
#include "domain/moderation.hpp"
#include "domain/services.hpp"
#include "domain/transitions.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

// The actor's roles in the two networks of a referral.
struct Roles {
  std::optional<Role> from;
  std::optional<Role> to;
};

Result<Roles> roles_of(store::Transaction& transaction, const Actor& actor,
                       const Referral& referral) {
  Roles roles;
  roles.from = TRY(role_in(transaction, actor, referral.from_network_id));
  roles.to = TRY(role_in(transaction, actor, referral.to_network_id));
  return roles;
}

// A referral the actor may not see does not exist for them; without a
// session nothing could have shown it.
std::unexpected<Error> hidden_referral(const Actor& actor) {
  if (!actor.account) {
    return fail(ErrorCode::kUnauthorized,
                "This needs you to be signed in as an organizer of the network.");
  }
  return not_found("Referral");
}

// Who the audit log names for an organizer's action.
AuditActor organizer_actor(const Actor& actor) {
  AuditActor who{ActorKind::kAccount, actor.account, ""};
  if (actor.account) who.label = "account " + std::to_string(*actor.account);
  return who;
}

// The requester answering on their private link has no account.
AuditActor requester_actor() {
  return AuditActor{ActorKind::kAccount, std::nullopt, "requester (private link)"};
}

Post without_private_fields(Post post) {
  post.details.clear();
  post.location_text.clear();
  post.contact = Contact{{}, {}, {}, post.contact.method};
  if (post.ride) {
    post.ride->pickup_area.clear();
    post.ride->dropoff_area.clear();
    post.ride->accessibility_needs.clear();
  }
  return post;
}

std::unexpected<Error> decided_already(const Referral& referral) {
  return fail(ErrorCode::kConflict, "This referral is " + std::string(to_string(referral.status)) +
                                        " and can no longer change.");
}

std::string detail_of(const Referral& referral) {
  return "referral=" + std::to_string(referral.id) + " post=" + std::to_string(referral.post_id) +
         " status=" + std::string(to_string(referral.status));
}

// The line in the original request's history.
Status record_on_post(store::Transaction& transaction, const Post& post, const Referral& referral,
                      UnixSeconds now) {
  return record_event(transaction, post, "referral", std::nullopt, detail_of(referral), now);
}

// An audit event in the sending network and, once it could see the
// referral, in the receiving one.
Status audit_both(store::Transaction& transaction, const Referral& referral, const AuditActor& who,
                  const char* action, bool receiver_sees, UnixSeconds now) {
  TRY_STATUS(record_audit(transaction, referral.from_network_id, who, action,
                          {"referral", referral.id}, detail_of(referral), now));
  if (!receiver_sees) return {};
  return record_audit(transaction, referral.to_network_id, who, action, {"referral", referral.id},
                      detail_of(referral), now);
}

// The category the request keeps in the receiving network: its own key when
// that network has it, else "other", else that network's first.
std::string category_in(const std::vector<Category>& categories, const std::string& key) {
  const auto has = [&](const std::string& wanted) {
    return std::any_of(categories.begin(), categories.end(),
                       [&](const Category& category) { return category.key == wanted; });
  };
  if (has(key)) return key;
  if (has("other") || categories.empty()) return "other";
  return categories.front().key;
}

void check_draft(const ReferralDraft& draft, FieldErrors& errors) {
  merge_read_errors(draft.read_errors, errors);
  if (!draft.to && !errors.contains("to")) errors["to"] = Message{"error.required", {}};
  if (!draft.consent && !errors.contains("consent")) {
    errors["consent"] = Message{"error.required", {}};
  }
  if (draft.note) {
    if (!is_clean_text(*draft.note, false)) {
      errors["note"] = Message{"error.plain_text", {}};
    } else if (utf8_length(*draft.note) > limits::kReferralNoteMaxChars) {
      errors["note"] = Message{"error.text_max_length",
                               {{"max", std::to_string(limits::kReferralNoteMaxChars)}}};
    }
  }
}

// Builds what the actor sees of `referral`.
Result<ReferralItem> item_of(Services& services, store::Transaction& transaction,
                             const Referral& referral, const Roles& roles) {
  ReferralItem item;
  item.referral = referral;
  item.from = TRY(services.networks().find(referral.from_network_id));
  item.to = TRY(services.networks().find(referral.to_network_id));
  item.direction = at_least(roles.from, Role::kOrganizer) ? ReferralDirection::kOutgoing
                                                          : ReferralDirection::kIncoming;
  item.post = TRY(transaction.posts().find(referral.post_id));
  if (item.direction == ReferralDirection::kIncoming && referral.status != ReferralStatus::kSent) {
    item.post = without_private_fields(std::move(item.post));
  }
  return item;
}

}  // namespace

Result<ReferralItem> ReferralService::refer(PostId post_id, const Actor& actor,
                                            const ReferralDraft& draft) {
  const UnixSeconds now = services_.now();
  Referral referral;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Post post = TRY(transaction.posts().find_for_update(post_id));
    Resource resource;
    resource.role = TRY(role_in(transaction, actor, post.network_id));
    TRY_STATUS(decide(actor, Action::kReferPost, resource));
    FieldErrors errors;
    check_draft(draft, errors);
    std::optional<Network> to;
    if (draft.to && !errors.contains("to")) {
      auto found = services_.networks().find(*draft.to);
      if (!found || !found->listed) {
        errors["to"] = Message{"error.referral_network", {}};
      } else if (found->id == post.network_id) {
        errors["to"] = Message{"error.referral_other_network", {}};
      } else {
        to = std::move(*found);
      }
    }
    if (!errors.empty()) return invalid(std::move(errors));
    if (post.kind != PostKind::kRequest) {
      return fail(ErrorCode::kConflict, "Only requests can be referred to another network.");
    }
    if (post.status != PostStatus::kOpen || post.hidden) return not_open(post);
    for (const Referral& earlier : TRY(transaction.referrals().list_for_post(post.id))) {
      if (earlier.status == ReferralStatus::kAwaitingConsent ||
          earlier.status == ReferralStatus::kSent) {
        return fail(ErrorCode::kConflict, "This request has a referral under way already.");
      }
    }
    referral.post_id = post.id;
    referral.from_network_id = post.network_id;
    referral.to_network_id = to->id;
    referral.created_by = actor.account;
    referral.note = draft.note.value_or("");
    referral.created_at = now;
    if (*draft.consent == ReferralConsent::kOrganizer) {
      referral.status = ReferralStatus::kSent;
      referral.consent = ReferralConsent::kOrganizer;
      referral.consent_recorded_by = actor.account;
      referral.consented_at = now;
    } else {
      referral.status = ReferralStatus::kAwaitingConsent;
    }
    referral.id = TRY(transaction.referrals().insert(referral));
    TRY_STATUS(record_on_post(transaction, post, referral, now));
    return audit_both(transaction, referral, organizer_actor(actor), "refer",
                      referral.status == ReferralStatus::kSent, now);
  }));
  return view(referral.id, actor);
}

Result<Referral> ReferralService::consent(PostId post_id, ReferralId id, const Actor& actor,
                                          bool agree) {
  const UnixSeconds now = services_.now();
  Referral referral;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Post post = TRY(transaction.posts().find_for_update(post_id));
    Resource resource;
    resource.post = &post;
    TRY_STATUS(decide(actor, Action::kConsentReferral, resource));
    TRY_STATUS(refuse_blocked_token(transaction, actor.token, {&post}));
    referral = TRY(transaction.referrals().find_for_update(id));
    if (referral.post_id != post.id) return not_found("Referral");
    if (referral.status != ReferralStatus::kAwaitingConsent) return decided_already(referral);
    if (agree) {
      if (post.status != PostStatus::kOpen) return not_open(post);
      referral.status = ReferralStatus::kSent;
      referral.consent = ReferralConsent::kRequester;
      referral.consented_at = now;
    } else {
      referral.status = ReferralStatus::kRefused;
      referral.decided_at = now;
    }
    TRY_STATUS(transaction.referrals().update(referral, ReferralStatus::kAwaitingConsent));
    TRY_STATUS(record_on_post(transaction, post, referral, now));
    return audit_both(transaction, referral, requester_actor(),
                      agree ? "referral_consent" : "referral_refused", agree, now);
  }));
  return referral;
}

Result<ReferralItem> ReferralService::accept(ReferralId id, const Actor& actor) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction,
                                 std::vector<Post>& changed) -> Status {
    Referral referral = TRY(transaction.referrals().find_for_update(id));
    const Roles roles = TRY(roles_of(transaction, actor, referral));
    if (!sees_referral(roles.from, roles.to, referral)) return hidden_referral(actor);
    Resource resource;
    resource.role = roles.to;
    TRY_STATUS(decide(actor, Action::kDecideReferral, resource));
    if (referral.status != ReferralStatus::kSent) return decided_already(referral);
    Post original = TRY(transaction.posts().find_for_update(referral.post_id));
    if (original.status != PostStatus::kOpen) return not_open(original);
    const Network from = TRY(services_.networks().find(referral.from_network_id));
    const Network to = TRY(services_.networks().find(referral.to_network_id));
    const auto categories = TRY(services_.networks().categories(to.slug));

    Post made = original;
    made.id = 0;
    made.network_id = to.id;
    made.category = category_in(categories, original.category);
    made.point = geo::snap_to_cell(original.point, to.public_grid_km);
    made.status = PostStatus::kOpen;
    made.close_reason.reset();
    made.created_at = made.updated_at = now;
    made.duplicate_of.reset();
    made.hidden.reset();
    made.personal_data_erased_at.reset();
    made.account_id.reset();
    made.id = TRY(transaction.posts().insert(made));
    if (original.account_id) {
      TRY_STATUS(transaction.posts().set_account(made.id, *original.account_id));
      made.account_id = original.account_id;
    }
    TRY_STATUS(record_event(transaction, made, "created", std::nullopt,
                            "referred from=" + from.slug + " referral=" + std::to_string(id), now));
    changed.push_back(made);
    TRY_STATUS(close_post(transaction, original, CloseReason::kReferred, now, changed));

    referral.status = ReferralStatus::kAccepted;
    referral.decided_at = now;
    referral.new_post_id = made.id;
    TRY_STATUS(transaction.referrals().update(referral, ReferralStatus::kSent));
    TRY_STATUS(record_on_post(transaction, original, referral, now));
    return audit_both(transaction, referral, organizer_actor(actor), "referral_accept", true, now);
  }));
  return view(id, actor);
}

Result<ReferralItem> ReferralService::decline(ReferralId id, const Actor& actor,
                                              std::optional<DeclineReason> reason) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    Referral referral = TRY(transaction.referrals().find_for_update(id));
    const Roles roles = TRY(roles_of(transaction, actor, referral));
    if (!sees_referral(roles.from, roles.to, referral)) return hidden_referral(actor);
    Resource resource;
    resource.role = roles.to;
    TRY_STATUS(decide(actor, Action::kDecideReferral, resource));
    if (referral.status != ReferralStatus::kSent) return decided_already(referral);
    referral.status = ReferralStatus::kDeclined;
    referral.decline_reason = reason;
    referral.decided_at = now;
    TRY_STATUS(transaction.referrals().update(referral, ReferralStatus::kSent));
    const Post original = TRY(transaction.posts().find(referral.post_id));
    TRY_STATUS(record_on_post(transaction, original, referral, now));
    return audit_both(transaction, referral, organizer_actor(actor), "referral_decline", true, now);
  }));
  return view(id, actor);
}

Result<ReferralItem> ReferralService::withdraw(ReferralId id, const Actor& actor) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    Referral referral = TRY(transaction.referrals().find_for_update(id));
    const Roles roles = TRY(roles_of(transaction, actor, referral));
    if (!sees_referral(roles.from, roles.to, referral)) return hidden_referral(actor);
    Resource resource;
    resource.role = roles.from;
    TRY_STATUS(decide(actor, Action::kWithdrawReferral, resource));
    const ReferralStatus was = referral.status;
    if (was != ReferralStatus::kAwaitingConsent && was != ReferralStatus::kSent) {
      return decided_already(referral);
    }
    referral.status = ReferralStatus::kWithdrawn;
    referral.decided_at = now;
    TRY_STATUS(transaction.referrals().update(referral, was));
    const Post original = TRY(transaction.posts().find(referral.post_id));
    TRY_STATUS(record_on_post(transaction, original, referral, now));
    return audit_both(transaction, referral, organizer_actor(actor), "referral_withdraw",
                      was == ReferralStatus::kSent, now);
  }));
  return view(id, actor);
}

Result<ReferralItem> ReferralService::view(ReferralId id, const Actor& actor) {
  ReferralItem item;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Referral referral = TRY(transaction.referrals().find(id));
    const Roles roles = TRY(roles_of(transaction, actor, referral));
    if (!sees_referral(roles.from, roles.to, referral)) return hidden_referral(actor);
    item = TRY(item_of(services_, transaction, referral, roles));
    return {};
  }));
  return item;
}

Result<std::vector<ReferralItem>> ReferralService::list(const std::string& network_slug,
                                                        const Actor& actor) {
  std::vector<ReferralItem> items;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kWorkQueue));
    const NetworkId network = organizing.network.id;
    for (const Referral& referral :
         TRY(transaction.referrals().list_for_network(network, limits::kReferralListMax))) {
      // This network's side only, even when the actor organizes both.
      Roles roles;
      if (referral.from_network_id == network) {
        roles.from = Role::kOrganizer;
      } else {
        roles.to = Role::kOrganizer;
      }
      if (!sees_referral(roles.from, roles.to, referral)) continue;
      items.push_back(TRY(item_of(services_, transaction, referral, roles)));
    }
    return {};
  }));
  return items;
}

Result<std::vector<ReferralItem>> ReferralService::for_requester(PostId post_id,
                                                                 const Actor& actor) {
  std::vector<ReferralItem> items;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Post post = TRY(transaction.posts().find(post_id));
    Resource resource;
    resource.post = &post;
    if (!decide(actor, Action::kConsentReferral, resource)) return {};
    std::vector<Referral> referrals;
    if (auto made_by = TRY(transaction.referrals().find_by_new_post(post_id))) {
      referrals.push_back(std::move(*made_by));
    }
    for (Referral& referral : TRY(transaction.referrals().list_for_post(post_id))) {
      referrals.push_back(std::move(referral));
    }
    for (const Referral& referral : referrals) {
      ReferralItem item;
      item.referral = referral;
      item.from = TRY(services_.networks().find(referral.from_network_id));
      item.to = TRY(services_.networks().find(referral.to_network_id));
      item.post = post;
      items.push_back(std::move(item));
    }
    return {};
  }));
  return items;
}

Result<std::vector<ReferralTarget>> ReferralService::targets(PostId post_id, const Actor& actor) {
  Post post;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    post = TRY(transaction.posts().find(post_id));
    Resource resource;
    resource.role = TRY(role_in(transaction, actor, post.network_id));
    return decide(actor, Action::kReferPost, resource);
  }));
  const Network from = TRY(services_.networks().find(post.network_id));
  return referral_targets(services_.networks().serving(post.point, kServingNearKmMax),
                          services_.networks().list(), from, post.point,
                          limits::kReferralTargetsMax);
}

}  // namespace gapfill::domain
