#include "domain/organizer.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/audit.hpp"
#include "domain/history.hpp"
#include "domain/lifecycle.hpp"
#include "domain/moderation.hpp"
#include "domain/organizer_access.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"
#include "domain/transitions.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

// The post `id` of `network`; a post of another network is not found.
Result<Post> find_post_in(store::Transaction& transaction, const Network& network, PostId id) {
  Post post = TRY(transaction.posts().find_for_update(id));
  if (post.network_id != network.id) return not_found("Post");
  return post;
}

// kInvalid unless `category` is one of the network's (or not given).
Status check_category(Services& services, const Network& network,
                      const std::optional<std::string>& category) {
  if (!category) return {};
  const auto categories = TRY(services.networks().categories(network.slug));
  if (std::none_of(categories.begin(), categories.end(),
                   [&](const Category& known) { return known.key == *category; })) {
    return invalid({{"category", Message{"error.unknown_category", {}}}});
  }
  return {};
}

// The line in a post's history that says an organizer did `action`.
Status record_action(store::Transaction& transaction, const Post& post,
                     std::optional<MatchId> match_id, const char* action, UnixSeconds now) {
  return record_event(transaction, post, "organizer", match_id, action, now);
}

}  // namespace

Result<IssuedOrganizerKey> OrganizerService::issue_key(const std::string& network_slug,
                                                       const std::string& label) {
  const Network network = TRY(services_.networks().find(network_slug));
  if (!is_clean_text(label, true) || utf8_length(label) > limits::kOrganizerKeyLabelMaxChars) {
    return invalid(
        {{"label", Message{"error.text_max_length",
                           {{"max", std::to_string(limits::kOrganizerKeyLabelMaxChars)}}}}});
  }
  const tokens::Issued issued = tokens::issue();
  OrganizerKey key;
  key.network_id = network.id;
  key.key_hash = issued.hash;
  key.label = label;
  key.created_at = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    key.id = TRY(transaction.organizer_keys().insert(key));
    return record_audit(transaction, network.id, operator_actor(), "key_issued",
                        {"organizer_key", key.id}, "", key.created_at);
  }));
  return IssuedOrganizerKey{key.id, issued.token};
}

Status OrganizerService::revoke_key(const std::string& network_slug, std::int64_t key_id) {
  const Network network = TRY(services_.networks().find(network_slug));
  const UnixSeconds now = services_.now();
  return services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const auto keys = TRY(transaction.organizer_keys().list_for_network(network.id));
    if (std::none_of(keys.begin(), keys.end(),
                     [&](const OrganizerKey& key) { return key.id == key_id; })) {
      return not_found("Organizer key");
    }
    TRY_STATUS(transaction.organizer_keys().revoke(key_id, now));
    return record_audit(transaction, network.id, operator_actor(), "key_revoked",
                        {"organizer_key", key_id}, "", now);
  });
}

Status OrganizerService::check(const std::string& network_slug, const Actor& actor) {
  return services_.store().read([&](store::Transaction& transaction) -> Status {
    TRY(authorize_organizer(services_, transaction, network_slug, actor,
                            OrganizerAction::kWorkQueue));
    return {};
  });
}

Result<QueuePage> OrganizerService::queue(const std::string& network_slug, const Actor& actor,
                                          const QueueFilter& filter) {
  QueuePage page;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kWorkQueue));
    const Network& network = organizing.network;
    FieldErrors errors;
    if (filter.limit < 1 || filter.limit > limits::kQueueLimitMax) {
      errors["limit"] = Message{"error.whole_number_range",
                                {{"min", "1"}, {"max", std::to_string(limits::kQueueLimitMax)}}};
    }
    if (filter.offset < 0) {
      errors["offset"] =
          Message{"error.whole_number_range", {{"min", "0"}, {"max", std::to_string(INT32_MAX)}}};
    }
    if (!errors.empty()) return invalid(std::move(errors));
    TRY_STATUS(check_category(services_, network, filter.category));
    store::PostFilter posts;
    posts.network_id = network.id;
    posts.kind = filter.kind;
    posts.category = filter.category;
    posts.urgency = filter.urgency;
    posts.statuses = filter.statuses;
    page.total = TRY(transaction.posts().count(posts));
    for (Post& post :
         TRY(transaction.posts().list_by_urgency(posts, filter.limit, filter.offset))) {
      std::vector<Match> matches = TRY(transaction.matches().list_for_post(post.id));
      QueueItem item{std::move(post), std::move(matches), false, {}};
      item.token_blocked = TRY(is_token_blocked(transaction, item.post));
      std::set<AccountId> accounts;
      if (item.post.account_id) accounts.insert(*item.post.account_id);
      for (const Match& match : item.matches) {
        if (match.account_id) accounts.insert(*match.account_id);
      }
      for (AccountId account : accounts) {
        if (TRY(is_account_blocked(transaction, network.id, account))) {
          item.blocked_accounts.insert(account);
        }
      }
      page.items.push_back(std::move(item));
    }
    return {};
  }));
  return page;
}

Result<CreatedMatch> OrganizerService::match(const std::string& network_slug, const Actor& actor,
                                             PostId request_id, PostId offer_id,
                                             std::optional<std::int64_t> quantity,
                                             std::optional<std::string> note) {
  const UnixSeconds now = services_.now();
  Match match;
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                              actor, OrganizerAction::kWorkQueue));
        const Network& network = organizing.network;
        FieldErrors errors;
        check_quantity(quantity, "quantity", errors);
        check_note(note, errors);
        if (!errors.empty()) return invalid(std::move(errors));
        const Post request = TRY(find_post_in(transaction, network, request_id));
        const Post offer = TRY(find_post_in(transaction, network, offer_id));
        TRY_STATUS(check_pairable(request, offer));
        const PairTerms terms{quantity, note.value_or(""), MatchStatus::kAccepted};
        match = TRY(pair_request_with_offer(transaction, request, offer, terms, now, changed));
        TRY_STATUS(record_action(transaction, request, match.id, "match", now));
        TRY_STATUS(record_action(transaction, offer, match.id, "match", now));
        return record_audit(
            transaction, network.id, organizing.actor, "match", {"match", match.id},
            "request=" + std::to_string(request.id) + " offer=" + std::to_string(offer.id), now);
      }));
  return CreatedMatch{std::move(match), ""};
}

Result<MatchView> OrganizerService::move_match_to(const std::string& network_slug,
                                                  const Actor& actor, MatchId id, MatchStatus to,
                                                  const char* action) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                              actor, OrganizerAction::kWorkQueue));
        MatchView view = TRY(load_match_view(transaction, id, true));
        if (view.match.network_id != organizing.network.id) return not_found("Match");
        TRY_STATUS(move_match(transaction, view, to, now, changed));
        TRY_STATUS(record_action(transaction, view.request, id, action, now));
        if (view.offer) TRY_STATUS(record_action(transaction, *view.offer, id, action, now));
        return record_audit(transaction, organizing.network.id, organizing.actor, action,
                            {"match", id}, "", now);
      }));
  MatchView view;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    view = TRY(load_match_view(transaction, id, false));
    return {};
  }));
  return view;
}

Result<MatchView> OrganizerService::complete_match(const std::string& network_slug,
                                                   const Actor& actor, MatchId id) {
  return move_match_to(network_slug, actor, id, MatchStatus::kCompleted, "complete_match");
}

Result<MatchView> OrganizerService::cancel_match(const std::string& network_slug,
                                                 const Actor& actor, MatchId id) {
  return move_match_to(network_slug, actor, id, MatchStatus::kCancelled, "cancel_match");
}

Result<PostView> OrganizerService::close(const std::string& network_slug, const Actor& actor,
                                         PostId id, CloseReason reason) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction,
                                 std::vector<Post>& changed) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kWorkQueue));
    const Network& network = organizing.network;
    // Expired is the sweep's own, referred an accepted referral's.
    if (reason == CloseReason::kExpired || reason == CloseReason::kReferred) {
      return invalid(
          {{"reason", Message{"error.one_of", {{"allowed", "withdrawn, moderated, duplicate"}}}}});
    }
    Post post = TRY(find_post_in(transaction, network, id));
    if (!is_changeable(post.status)) {
      return fail(ErrorCode::kConflict, "This post is " + std::string(to_string(post.status)) +
                                            " and can no longer change.");
    }
    TRY_STATUS(close_post(transaction, post, reason, now, changed));
    TRY_STATUS(record_action(transaction, post, std::nullopt, "close", now));
    return record_audit(transaction, network.id, organizing.actor, "close", {"post", id},
                        "reason=" + std::string(to_string(reason)), now);
  }));
  return organizer_view(id);
}

Result<PostView> OrganizerService::mark_duplicate(const std::string& network_slug,
                                                  const Actor& actor, PostId post_id,
                                                  PostId duplicate_of) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                              actor, OrganizerAction::kWorkQueue));
        const Network& network = organizing.network;
        if (post_id == duplicate_of) {
          return invalid({{"duplicate_of", Message{"error.not_itself", {}}}});
        }
        Post post = TRY(find_post_in(transaction, network, post_id));
        const Post original = TRY(find_post_in(transaction, network, duplicate_of));
        TRY_STATUS(close_as_duplicate(transaction, post, original, now, changed));
        return record_audit(transaction, network.id, organizing.actor, "duplicate",
                            {"post", post_id}, "duplicate_of=" + std::to_string(original.id), now);
      }));
  return organizer_view(post_id);
}

Result<CreatedPost> OrganizerService::intake(const std::string& network_slug, const Actor& actor,
                                             const PostDraft& draft) {
  AuditActor audit_actor;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    audit_actor = TRY(authorize_organizer(services_, transaction, network_slug, actor,
                                          OrganizerAction::kWorkQueue))
                      .actor;
    return {};
  }));
  return services_.posts().create_entry(network_slug, draft, PostService::EnteredBy::kOrganizer,
                                        actor, &audit_actor);
}

Result<std::vector<Post>> OrganizerService::open_offers(const std::string& network_slug,
                                                        const Actor& actor,
                                                        std::optional<std::string> category) {
  std::vector<Post> offers;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Network network = TRY(authorize_organizer(services_, transaction, network_slug, actor,
                                                    OrganizerAction::kWorkQueue))
                                .network;
    TRY_STATUS(check_category(services_, network, category));
    store::PostFilter filter;
    filter.network_id = network.id;
    filter.kind = PostKind::kOffer;
    filter.category = category;
    filter.statuses = {PostStatus::kOpen};  // an offer is open exactly while some is left
    offers = TRY(transaction.posts().list_by_urgency(filter, limits::kOpenOffersMax, 0));
    return {};
  }));
  return offers;
}

Result<PostView> OrganizerService::organizer_view(PostId id) {
  PostView view;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    view.post = TRY(transaction.posts().find(id));
    view.matches = TRY(transaction.matches().list_for_post(id));
    view.token_blocked = TRY(is_token_blocked(transaction, view.post));
    return {};
  }));
  view.access = Access::kOrganizer;
  view.network_slug = TRY(services_.networks().find(view.post.network_id)).slug;
  return view;
}

}  // namespace gapfill::domain
