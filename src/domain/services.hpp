#pragma once
// The domain's entry points: what the product can do, as functions over the
// Store. No HTTP and no SQL here; http/ turns requests into these calls.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/time.hpp"
#include "domain/accounts.hpp"
#include "domain/areas.hpp"
#include "domain/authorization.hpp"
#include "domain/drafts.hpp"
#include "domain/duplicates.hpp"
#include "domain/listing.hpp"
#include "domain/memberships.hpp"
#include "domain/moderation.hpp"
#include "domain/organizer.hpp"
#include "domain/organizer_access.hpp"
#include "domain/outbox.hpp"
#include "domain/post_index.hpp"
#include "domain/referrals.hpp"
#include "domain/relay.hpp"
#include "domain/suggestions.hpp"
#include "domain/volunteers.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

struct PostView {
  Post post;
  std::string network_slug;
  Access access = Access::kPublic;
  std::vector<Match> matches;  // all for kOwner and kOrganizer, their own for kVolunteer
  // For kOwner and kOrganizer: organizers blocked the post's manage token.
  bool token_blocked = false;
};

struct CreatedPost {
  Post post;
  std::string network_slug;
  std::string manage_token;
};

struct MatchView {
  Match match;
  Post request;
  std::optional<Post> offer;
};

struct CreatedMatch {
  Match match;
  std::string match_token;  // empty for a proposal between two posts
};

// What a network's public home page counts.
struct NetworkSummary {
  // Open requests (not yet matched) by category key; categories with none
  // are left out.
  std::map<std::string, int> open_requests_by_category;
  int open_requests = 0;
  int open_offers = 0;
  // Requests that became fulfilled within the last
  // limits::kSummaryFulfilledDays days.
  int fulfilled_last_30_days = 0;
};

// A listed network as the public directory shows it.
struct DirectoryEntry {
  Network network;
  std::vector<Category> categories;
};

class Services;

class NetworkService {
 public:
  explicit NetworkService(Services& services) : services_(services) {}
  // Creates a network with the default categories, labelled in its
  // languages. For the operator (the command line, the demo): no admin.
  Result<Network> create(const NetworkDraft& draft);
  // As create, by a signed-in account (kUnauthorized otherwise), which
  // becomes the network's admin in the same transaction.
  Result<Network> create(const NetworkDraft& draft, const Actor& actor);
  Result<Network> find(const std::string& slug) const;
  Result<Network> find(NetworkId id) const;
  // The id alone, without copying the network (the listing's hot path).
  Result<NetworkId> id_of(const std::string& slug) const;
  std::vector<Network> list() const;
  // Every listed network with its categories, by slug: the public directory.
  std::vector<DirectoryEntry> directory() const;
  // Replaces the network's public contact (parts absent from the draft stay
  // as they are); an admin of the network only (kManageNetwork). Audited.
  Result<Network> set_contact(const std::string& slug, const Actor& actor,
                              const PublicContactDraft& draft);
  Result<std::vector<Category>> categories(const std::string& slug) const;
  // The counts for the network's home page: open posts from the read model,
  // fulfilled requests from the history. kNotFound for an unknown slug.
  Result<NetworkSummary> summary(const std::string& slug) const;
  // Reloads the cache of networks from the store.
  Status load();

  // Service areas (domain/network_areas.cpp).
  // Replaces the network's area with a circle or a polygon: an admin of the
  // network (Action::kManageNetwork), audited. A bad draft is kInvalid first.
  Result<Network> set_area(const std::string& slug, const AreaDraft& draft, const Actor& actor);
  // OK when `actor` may change the network's area (for the admin page's form).
  Status may_set_area(const std::string& slug, const Actor& actor) const;
  // Which listed networks serve `point`: every listed network whose area holds
  // it (serves, distance 0), then the other listed networks whose area's edge
  // is within `near_km`, nearest first. An in-memory scan of the cached
  // networks, each skipped by its covering circle before any exact test:
  // microseconds at directory sizes (thousands of networks).
  std::vector<NetworkNearby> serving(geo::Point point, double near_km) const;
  // True when the network's area (listed or not) holds `point`; kNotFound.
  Result<bool> serves(NetworkId id, geo::Point point) const;

 private:
  // Without a creator: the operator's network, with no admin yet.
  Result<Network> create_network(const NetworkDraft& draft, const Actor* creator);
  Services& services_;
  mutable std::shared_mutex mutex_;
  std::map<NetworkId, Network> by_id_;
  std::map<std::string, NetworkId> id_by_slug_;
  std::map<NetworkId, std::vector<Category>> categories_;
  std::map<NetworkId, std::shared_ptr<const area::Shape>> shapes_;  // polygon areas only
};

class PostService {
 public:
  explicit PostService(Services& services) : services_(services) {}
  // Anyone may post. A post made while signed in (`actor.account`) belongs
  // to the account, for its export and deletion; kForbidden when the
  // network's organizers blocked that account.
  Result<CreatedPost> create(const std::string& network_slug, const PostDraft& draft,
                             const Actor& actor = {});
  // The post as `actor` may see it (see access_to_post): public for
  // anyone, private fields for its poster, its volunteer and the network's
  // organizers.
  Result<PostView> view(PostId id, const Actor& actor);
  // Edits by the poster (the manage token).
  Result<PostView> update(PostId id, const Actor& actor, const PostDraft& draft);
  // Closes by the poster: reason withdrawn (default) or duplicate.
  Result<PostView> close(PostId id, const Actor& actor, std::optional<CloseReason> reason);
  // One page of a network's posts; the query's network_id is set from the slug.
  Result<ListPage> list(const std::string& network_slug, ListQuery query);
  // For the poster and the network's organizers.
  Result<std::vector<PostEvent>> history(PostId id, const Actor& actor);
  // Changes whenever a post of the network changes; see PostIndex::version.
  Result<std::uint64_t> listing_version(const std::string& network_slug);
  // Closes every open post whose time has passed; returns how many.
  Result<int> expire_due();
  // Erases the personal data of every fulfilled or closed post whose
  // network's retention days have passed since it closed, and of its
  // matches and the bodies of their relay messages; returns how many posts.
  // Titles, counts and history stay, and the read model is untouched (such
  // posts are not live).
  Result<int> erase_expired_personal_data();

 private:
  friend class OrganizerService;  // enters posts on someone's behalf (intake)
  enum class EnteredBy { kPoster, kOrganizer };
  // `organizer` (for kOrganizer) is audited as the one who entered it.
  Result<CreatedPost> create_entry(const std::string& network_slug, const PostDraft& draft,
                                   EnteredBy entered_by, const Actor& actor,
                                   const AuditActor* organizer = nullptr);
  Services& services_;
};

class MatchService {
 public:
  explicit MatchService(Services& services) : services_(services) {}
  // A volunteer takes an open request: an accepted match and its token.
  // kConflict when the request is no longer open. When the network's policy
  // says claiming needs a volunteer, `actor` must be one (kUnauthorized,
  // kForbidden otherwise). A signed-in actor's volunteer limits hold
  // (check_volunteer_limits, kConflict); an anonymous claim has no identity
  // and so no limits.
  Result<CreatedMatch> claim(PostId request_id, const ClaimDraft& draft, const Actor& actor = {});
  // Pairs a request with an offer, proposed by the holder of either's token.
  Result<CreatedMatch> propose(const ProposalDraft& draft, const Actor& actor);
  // For the parties and the network's organizers.
  Result<MatchView> view(MatchId id, const Actor& actor);
  // For the parties (organizers move matches from their dashboard).
  Result<MatchView> accept(MatchId id, const Actor& actor);
  Result<MatchView> complete(MatchId id, const Actor& actor);
  Result<MatchView> cancel(MatchId id, const Actor& actor);

 private:
  Result<MatchView> transition(MatchId id, const Actor& actor, MatchStatus to);
  Services& services_;
};

// Owns the services, the read model and the order of writes.
class Services {
 public:
  Services(store::Store& store, const Clock& clock);

  // Loads the network cache and the read model. Call once before serving.
  Status load();
  // Brings the network cache and the read model up to what other processes
  // wrote since load() or the last refresh (the store's change feed): posts
  // changed since are applied, the networks reloaded when any changed. What
  // this process writes is applied as it commits and needs none of this.
  // app/ calls it when Store::await_change returns.
  Status refresh();

  NetworkService& networks() { return networks_; }
  PostService& posts() { return posts_; }
  MatchService& matches() { return matches_; }
  OrganizerService& organizer() { return organizer_; }
  RelayService& relay() { return relay_; }
  ModerationService& moderation() { return moderation_; }
  MembershipService& memberships() { return memberships_; }
  AccountService& accounts() { return accounts_; }
  ReferralService& referrals() { return referrals_; }
  VolunteerService& volunteers() { return volunteers_; }
  DuplicateService& duplicates() { return duplicates_; }
  SuggestionService& suggestions() { return suggestions_; }
  const PostIndex& index() const { return index_; }
  store::Store& store() { return store_; }
  UnixSeconds now() const { return clock_.now(); }

  // Where the domain's e-mail goes: a NullOutbox until app/ sets one, which
  // must outlive the services.
  void set_outbox(Outbox& outbox) { outbox_ = &outbox; }
  Outbox& outbox() const { return *outbox_; }
  // The site's public address ("https://aid.example.org", no trailing
  // slash) for links in e-mail; empty when not configured.
  void set_public_url(std::string url) { public_url_ = std::move(url); }
  const std::string& public_url() const { return public_url_; }

  // Runs `work` as one write transaction, then puts every post it reports
  // in `changed` into the read model, in commit order.
  Status write(const std::function<Status(store::Transaction&, std::vector<Post>& changed)>& work);

  // The site's secret (limits::kSiteSecretBytes random bytes, which key CSRF
  // tokens): made and stored on the first call ever, read from the store on
  // the first call of a process, from memory after that.
  Result<std::string> site_secret();

 private:
  store::Store& store_;
  const Clock& clock_;
  std::mutex write_order_;
  PostIndex index_;
  // Where the change feed stood at the last load or refresh (under write_order_).
  std::int64_t seen_post_change_ = 0;
  std::int64_t seen_network_mark_ = 0;
  NetworkService networks_;
  PostService posts_;
  MatchService matches_;
  OrganizerService organizer_;
  RelayService relay_;
  NullOutbox null_outbox_;
  Outbox* outbox_ = &null_outbox_;
  std::string public_url_;
  ModerationService moderation_;
  MembershipService memberships_;
  AccountService accounts_;
  ReferralService referrals_;
  VolunteerService volunteers_;
  DuplicateService duplicates_;
  SuggestionService suggestions_;
  std::mutex site_secret_mutex_;
  std::optional<std::string> site_secret_;
};

}  // namespace gapfill::domain
