#pragma once
// What a network's organizers do: work the queue with its private details,
// pair requests with offers, move matches on, close posts and mark
// duplicates, and enter posts for people (phone or in-person intake).
//
// An organizer is a signed-in account with the role organizer or admin in
// the network (see domain/memberships.hpp and domain/authorization.hpp).
// Every method takes the network's slug and the actor first and refuses with
// kUnauthorized when the actor is not signed in, kForbidden when they do not
// organize that network; posts and matches of another network are
// kNotFound. Organizer keys (`gapfill organizer-key`) no longer open the
// dashboard: a signed-in account redeems one to become the network's admin
// (MembershipService::redeem_organizer_key); domain/organizer_access.hpp
// decides, in one place. Every action appends one event to the network's
// audit log (domain/audit.hpp) in its own transaction, and leaves a line
// in the history of each post it acts on: an event of type "organizer" whose
// reason names the action ("match", "complete_match", "cancel_match",
// "close", "duplicate"), or for intake the "created" event with reason
// "organizer".

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/limits.hpp"
#include "domain/authorization.hpp"
#include "domain/drafts.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

class Services;
struct PostView;
struct CreatedPost;
struct MatchView;
struct CreatedMatch;

// Which posts the queue shows; every field narrows it.
struct QueueFilter {
  std::optional<PostKind> kind = PostKind::kRequest;  // nullopt: requests and offers
  std::optional<std::string> category;
  std::optional<Urgency> urgency;
  std::vector<PostStatus> statuses{PostStatus::kOpen, PostStatus::kMatched};  // empty: any
  int limit = limits::kQueueLimitDefault;  // 1 to limits::kQueueLimitMax
  int offset = 0;
};

// A post as organizers see it (private fields included), with its matches.
struct QueueItem {
  Post post;
  std::vector<Match> matches;  // oldest first
  bool token_blocked = false;  // organizers blocked the post's manage token
  // Of the accounts that posted it or claimed it, those blocked in the network.
  std::set<AccountId> blocked_accounts;
};

// Most urgent first (today, week, flexible), then longest waiting, then id.
struct QueuePage {
  std::vector<QueueItem> items;
  int total = 0;  // how many posts the filter matches, for paging
};

// A new organizer key: `key` is shown once and never stored.
struct IssuedOrganizerKey {
  std::int64_t id = 0;
  std::string key;
};

class OrganizerService {
 public:
  explicit OrganizerService(Services& services) : services_(services) {}

  // For the operator (the command line), not for the web: a new organizer
  // key for the network. kNotFound for an unknown network.
  Result<IssuedOrganizerKey> issue_key(const std::string& network_slug, const std::string& label);
  // For the operator: revokes the network's key `key_id` (kNotFound when it
  // has no such key).
  Status revoke_key(const std::string& network_slug, std::int64_t key_id);

  // OK when `actor` organizes the network (organizer or admin).
  Status check(const std::string& network_slug, const Actor& actor);

  // One page of the network's posts, most urgent and longest waiting first.
  // kInvalid for a limit, offset or category out of range.
  Result<QueuePage> queue(const std::string& network_slug, const Actor& actor,
                          const QueueFilter& filter);

  // Pairs an open request with an open offer of the network: the match is
  // accepted at once (the organizer arranged it). Quantities as in
  // MatchService::propose; kConflict when either is no longer open or the
  // offer has too little left.
  Result<CreatedMatch> match(const std::string& network_slug, const Actor& actor, PostId request_id,
                             PostId offer_id, std::optional<std::int64_t> quantity,
                             std::optional<std::string> note);

  // Moves any match of the network on, as its parties could.
  Result<MatchView> complete_match(const std::string& network_slug, const Actor& actor, MatchId id);
  Result<MatchView> cancel_match(const std::string& network_slug, const Actor& actor, MatchId id);

  // Closes an open or matched post for `reason`: withdrawn, moderated or
  // duplicate (expired is the sweep's own); its live matches are cancelled.
  Result<PostView> close(const std::string& network_slug, const Actor& actor, PostId id,
                         CloseReason reason);

  // Closes `post` as a duplicate of the live (open or matched) post
  // `duplicate_of`, and records which one it repeats.
  Result<PostView> mark_duplicate(const std::string& network_slug, const Actor& actor, PostId post,
                                  PostId duplicate_of);

  // Creates a post as PostService::create does, marked as entered by an
  // organizer; the manage token is for the person it was entered for.
  Result<CreatedPost> intake(const std::string& network_slug, const Actor& actor,
                             const PostDraft& draft);

  // Offers a request can be matched with: open ones (which have quantity
  // left), most urgent and longest waiting first, at most
  // limits::kOpenOffersMax.
  Result<std::vector<Post>> open_offers(const std::string& network_slug, const Actor& actor,
                                        std::optional<std::string> category);
  // Post `id` as organizers see it, once an action on it is authorized.
  Result<PostView> organizer_view(PostId id);

 private:
  Result<MatchView> move_match_to(const std::string& network_slug, const Actor& actor, MatchId id,
                                  MatchStatus to, const char* action);
  Services& services_;
};

}  // namespace gapfill::domain
