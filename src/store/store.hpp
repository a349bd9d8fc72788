#pragma once
// The only way to the data. One interface, several implementations (SQLite
// now, PostgreSQL later), and one contract test suite that each must pass.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "store/duplicate_flag.hpp"
#include "store/model.hpp"
#include "store/referral.hpp"

namespace gapfill::store {

// Which posts a listing wants; every field narrows it.
struct PostFilter {
  NetworkId network_id = 0;
  std::optional<PostKind> kind;
  std::optional<std::string> category;
  std::vector<PostStatus> statuses;  // empty: any
  std::optional<Urgency> urgency;
  // kPublic leaves out posts organizers hid; kAll keeps them (the queue).
  enum class Visibility { kAll, kPublic } visibility = Visibility::kAll;
};

// Keyset position for newest-first listings: strictly older than this.
struct NewestCursor {
  UnixSeconds created_at = 0;
  PostId id = 0;
};

// Keyset position for nearest-first listings: strictly after this, i.e.
// farther, or as far with a greater id. The distance is geo::separation
// (engine/geo.hpp) of the query's point and the post's public point, which
// orders exactly as kilometres do and which every backend computes alike.
struct NearCursor {
  double separation = 0;
  PostId id = 0;
};

// A post found near a point, and how far from it.
struct NearPost {
  Post post;
  double separation = 0;  // geo::separation, the order and the cursor
  double distance_km = 0;
};

class NetworkRepository {
 public:
  virtual ~NetworkRepository() = default;
  // Inserts the network and its categories; returns its new id. A taken
  // slug is kConflict.
  virtual Result<NetworkId> insert(const Network& network,
                                   const std::vector<Category>& categories) = 0;
  // Returns the network with this slug, or kNotFound.
  virtual Result<Network> find_by_slug(const std::string& slug) = 0;
  // Returns the network with this id, or kNotFound.
  virtual Result<Network> find_by_id(NetworkId id) = 0;
  // Returns every network, ordered by slug.
  virtual Result<std::vector<Network>> list() = 0;
  // Replaces the network's public contact; kNotFound for an unknown id.
  virtual Status set_contact(NetworkId id, const PublicContact& contact) = 0;
  // Returns the network's categories ordered by position.
  virtual Result<std::vector<Category>> categories(NetworkId id) = 0;
  // A number that grows with every change to any network or its categories,
  // by any process (the database's triggers count them); 0 before the first.
  virtual Result<std::int64_t> change_mark() = 0;
  // Replaces the network's service area (centre, radius and GeoJSON), or kNotFound.
  virtual Status update_area(NetworkId id, const ServiceArea& area) = 0;
};

class PostRepository {
 public:
  virtual ~PostRepository() = default;
  // Inserts the post (its id is ignored) and returns the new id.
  virtual Result<PostId> insert(const Post& post) = 0;
  // Returns the post, or kNotFound.
  virtual Result<Post> find(PostId id) = 0;
  // Returns the post and keeps it from changing under the current write
  // transaction until it ends (a row lock where the backend has them).
  virtual Result<Post> find_for_update(PostId id) = 0;
  // Writes every mutable field of an existing post and stores version + 1,
  // only while the stored version is still post.version: kConflict when the
  // post changed since it was read, kNotFound when there is no such post.
  virtual Status update(const Post& post) = 0;
  // Newest first, strictly after `after` when given, at most `limit`.
  virtual Result<std::vector<Post>> list_newest(const PostFilter& filter,
                                                std::optional<NewestCursor> after, int limit) = 0;
  // Every post matching the filter whose public point lies in the box (which
  // may cross the antimeridian), in id order. Walks a spatial index, never
  // the whole table.
  virtual Result<std::vector<Post>> list_in_box(const PostFilter& filter,
                                                const geo::BoundingBox& box) = 0;
  // Posts matching the filter whose public point lies within `radius_km` of
  // `centre`, nearest first (then by id), strictly after `after` when given,
  // at most `limit`. Walks a spatial index, never the whole table.
  virtual Result<std::vector<NearPost>> list_near(const PostFilter& filter, geo::Point centre,
                                                  double radius_km, int limit,
                                                  std::optional<NearCursor> after) = 0;
  // Calls visit for every post matching the filter (any network when its
  // network_id is 0), in id order, without holding all of them in memory.
  virtual Status for_each(const PostFilter& filter,
                          const std::function<void(const Post&)>& visit) = 0;
  // The change feed: every insert or update of a post, by any process, gives
  // it the next change number (the database's triggers do, in commit order).
  // The highest given so far, 0 when there is none.
  virtual Result<std::int64_t> last_change() = 0;
  // Calls visit(post, its change number) for every post changed after
  // `after`, in change order: what another process wrote since.
  virtual Status for_each_changed(std::int64_t after,
                                  const std::function<void(const Post&, std::int64_t)>& visit) = 0;
  // Ids of open posts that are due to expire at `now`: their window has
  // ended, or they are older than their network's post expiry days.
  virtual Result<std::vector<PostId>> expired_open_posts(UnixSeconds now, int limit) = 0;
  // Ids of fulfilled or closed posts whose personal data is due for erasure
  // at `now`: their last change (the move to fulfilled or closed; such posts
  // change no more) is older than their network's retention days, and they
  // were not erased yet. At most `limit`, in no promised order.
  virtual Result<std::vector<PostId>> posts_due_for_erasure(UnixSeconds now, int limit) = 0;
  // Empties the post's personal data (details, location text, contact name,
  // e-mail and phone, ride areas and accessibility needs) and records `at`
  // as its personal_data_erased_at; the rest, updated_at included, stays.
  // kNotFound when there is no such post.
  virtual Status erase_personal_data(PostId id, UnixSeconds at) = 0;
  // Hides the post (stores `hidden`) or shows it again (nullopt); nothing
  // else changes, updated_at included. kNotFound when there is no such post.
  virtual Status set_hidden(PostId id, const std::optional<Hidden>& hidden) = 0;
  // The organizer's queue: posts matching the filter, most urgent first
  // (today, week, flexible), then longest waiting (waiting_since ascending),
  // then id; `limit` of them after skipping `offset`.
  virtual Result<std::vector<Post>> list_by_urgency(const PostFilter& filter, int limit,
                                                    int offset) = 0;
  // How many posts match the filter.
  virtual Result<int> count(const PostFilter& filter) = 0;
  // Records that the post was made by this account (signed in).
  virtual Status set_account(PostId id, AccountId account_id) = 0;
  // The account's posts, oldest first.
  virtual Result<std::vector<Post>> list_for_account(AccountId account_id) = 0;
};

class MatchRepository {
 public:
  virtual ~MatchRepository() = default;
  // Inserts the match (its id is ignored) and returns the new id.
  virtual Result<MatchId> insert(const Match& match) = 0;
  // Returns the match, or kNotFound.
  virtual Result<Match> find(MatchId id) = 0;
  // As find, and keeps it from changing until the write transaction ends.
  virtual Result<Match> find_for_update(MatchId id) = 0;
  // Writes the status, quantity, note and updated_at of an existing match.
  virtual Status update(const Match& match) = 0;
  // Every match of a post, as request or as offer, oldest first.
  virtual Result<std::vector<Match>> list_for_post(PostId post_id) = 0;
  // Empties the volunteer's name, e-mail and phone and the note of every
  // match of the post (as request or as offer); status, quantity and times
  // stay. Returns how many matches there were.
  virtual Result<int> erase_personal_data_for_post(PostId post_id) = 0;
  // Empties the volunteer's name, e-mail and phone and the note of one
  // match; kNotFound when there is no such match.
  virtual Status erase_personal_data(MatchId id) = 0;
  // Records that the match was claimed by this account (signed in).
  virtual Status set_account(MatchId id, AccountId account_id) = 0;
  // The matches claimed by the account, oldest first.
  virtual Result<std::vector<Match>> list_for_account(AccountId account_id) = 0;
  // How much the account does in the network, counting matches by
  // Match::account_id: active are proposed or accepted; this_week are those
  // created at or after `since` and not cancelled.
  virtual Result<VolunteerLoad> volunteer_load(NetworkId network_id, AccountId account_id,
                                               UnixSeconds since) = 0;
  // As volunteer_load for every account with a match in the network (one
  // query); accounts with none are absent.
  virtual Result<std::map<AccountId, VolunteerLoad>> volunteer_loads(NetworkId network_id,
                                                                     UnixSeconds since) = 0;
  // The account's matches in the network, newest first, at most `limit`.
  virtual Result<std::vector<Match>> list_for_account_in_network(AccountId account_id,
                                                                 NetworkId network_id,
                                                                 int limit) = 0;
  // For each post of the network that has any match not cancelled, the sum
  // of those matches' quantities (as request or as offer): what the post
  // has committed. One query, for the matcher.
  virtual Result<std::map<PostId, std::int64_t>> committed_quantities(NetworkId network_id) = 0;
};

// Volunteers' availability per network (VolunteerProfile). Name and
// place_text are personal data, sealed at rest. A profile goes with its
// account (AccountRepository::remove) and with its membership
// (MembershipRepository::remove, or put with the role member).
class VolunteerRepository {
 public:
  virtual ~VolunteerRepository() = default;
  // Inserts the profile, or replaces the stored one of the same network and
  // account (its created_at stays).
  virtual Status upsert(const VolunteerProfile& profile) = 0;
  // The account's profile in the network, or nullopt.
  virtual Result<std::optional<VolunteerProfile>> find(NetworkId network_id,
                                                       AccountId account_id) = 0;
  // Every profile of the network, by account id.
  virtual Result<std::vector<VolunteerProfile>> list(NetworkId network_id) = 0;
  // Every profile of the account, by network id (its data export).
  virtual Result<std::vector<VolunteerProfile>> list_for_account(AccountId account_id) = 0;
  // Deletes the profile; kNotFound when there is none.
  virtual Status remove(NetworkId network_id, AccountId account_id) = 0;
};

// The contact relay's threads, one per match. Bodies are personal data: the
// SQLite implementation reads and writes them in one place each
// (message_repository.cpp) so that they can be sealed at rest there.
class MessageRepository {
 public:
  virtual ~MessageRepository() = default;
  // Inserts the message (its id is ignored) and returns the new id.
  virtual Result<MessageId> insert(const RelayMessage& message) = 0;
  // The match's messages not yet erased, oldest first, with ids greater than
  // `after` (0: from the start), at most `limit`.
  virtual Result<std::vector<RelayMessage>> list_for_match(MatchId match_id, MessageId after,
                                                           int limit) = 0;
  // How many messages the match's thread ever had, erased ones included.
  virtual Result<int> count_for_match(MatchId match_id) = 0;
  // Empties the body of every message of every match of the post (as
  // request or as offer) and marks them erased; returns how many.
  virtual Result<int> erase_for_post(PostId post_id) = 0;
  // When `side` of the match was last sent an e-mail notice, if ever.
  virtual Result<std::optional<UnixSeconds>> last_notice(MatchId match_id, MessageSide side) = 0;
  // Records that `side` of the match was sent a notice at `at`.
  virtual Status record_notice(MatchId match_id, MessageSide side, UnixSeconds at) = 0;
};

class EventRepository {
 public:
  virtual ~EventRepository() = default;
  // Appends one line to a post's history.
  virtual Status append(const PostEvent& event) = 0;
  // A post's history, oldest first.
  virtual Result<std::vector<PostEvent>> list_for_post(PostId post_id) = 0;
  // How many distinct posts of the network, of this kind, had a status
  // event to `status` at or after `since`; posts organizers hid are not
  // counted.
  virtual Result<int> count_reaching_status(NetworkId network_id, PostKind kind, PostStatus status,
                                            UnixSeconds since) = 0;
};

class OrganizerKeyRepository {
 public:
  virtual ~OrganizerKeyRepository() = default;
  // Inserts the key (its id is ignored) and returns the new id. A key hash
  // already stored is kConflict.
  virtual Result<std::int64_t> insert(const OrganizerKey& key) = 0;
  // Returns the key (revoked or not) with this hash, or kNotFound.
  virtual Result<OrganizerKey> find_by_hash(const std::string& key_hash) = 0;
  // Every key of the network, revoked ones too, oldest first.
  virtual Result<std::vector<OrganizerKey>> list_for_network(NetworkId network_id) = 0;
  // Marks the key revoked at `at` (a revoked key stays revoked at its first
  // time); kNotFound when there is no such key.
  virtual Status revoke(std::int64_t id, UnixSeconds at) = 0;
};

class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  // Inserts the report (its id is ignored) and returns the new id.
  virtual Result<std::int64_t> insert(const Report& report) = 0;
  // Returns the report, or kNotFound.
  virtual Result<Report> find(std::int64_t id) = 0;
  // The network's unresolved reports, oldest first; `limit` of them after
  // skipping `offset`.
  virtual Result<std::vector<Report>> list_open(NetworkId network_id, int limit, int offset) = 0;
  // How many unresolved reports the network has.
  virtual Result<int> count_open(NetworkId network_id) = 0;
  // Resolves every unresolved report of the post as `resolution` at `at`;
  // returns how many there were.
  virtual Result<int> resolve_for_post(PostId post_id, ReportResolution resolution,
                                       UnixSeconds at) = 0;
  // Resolves one report; kNotFound when there is no such report, kConflict
  // when it was resolved already.
  virtual Status resolve(std::int64_t id, ReportResolution resolution, UnixSeconds at) = 0;
  // Empties the notes of every report of the post (the retention sweep).
  virtual Status erase_notes_for_post(PostId post_id) = 0;
};

class BlockRepository {
 public:
  virtual ~BlockRepository() = default;
  // Inserts the block (its id is ignored) and returns the new id. A live
  // (unlifted) block of the same subject in the network is kConflict.
  virtual Result<std::int64_t> insert(const Block& block) = 0;
  // The live block of this subject in the network, or nullopt.
  virtual Result<std::optional<Block>> find_live(NetworkId network_id, BlockSubject subject_kind,
                                                 const std::string& subject) = 0;
  // Lifts the block at `at`; kNotFound when there is no live block with
  // this id.
  virtual Status lift(std::int64_t id, UnixSeconds at) = 0;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends one event and returns its id.
  virtual Result<std::int64_t> append(const AuditEvent& event) = 0;
  // The network's events newest first: ids below `before_id` when given,
  // at most `limit`.
  virtual Result<std::vector<AuditEvent>> list(NetworkId network_id,
                                               std::optional<std::int64_t> before_id,
                                               int limit) = 0;
};

// Site-wide values that outlive a process (the secret that keys CSRF tokens).
class SettingsRepository {
 public:
  virtual ~SettingsRepository() = default;
  // Returns the value stored under `name` (any bytes), or nullopt.
  virtual Result<std::optional<std::string>> get(const std::string& name) = 0;
  // Stores `value` under `name`, replacing what was there.
  virtual Status put(const std::string& name, const std::string& value) = 0;
};

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  // Inserts the account (its id is ignored) and returns the new id. An
  // e-mail address already stored is kConflict.
  virtual Result<AccountId> insert(const Account& account) = 0;
  // Returns the account, or kNotFound.
  virtual Result<Account> find(AccountId id) = 0;
  // Returns the account with this (normalized) address, or kNotFound.
  virtual Result<Account> find_by_email(const std::string& email) = 0;
  // Writes the password hash, verified_at and updated_at of an account.
  virtual Status update(const Account& account) = 0;
  // Deletes the account with its sessions, one-time tokens and volunteer
  // profiles, and
  // unlinks its posts and matches (their account_id becomes null).
  // kNotFound when there is no such account.
  virtual Status remove(AccountId id) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  // Inserts the session (its id is ignored) and returns the new id.
  virtual Result<std::int64_t> insert(const Session& session) = 0;
  // Returns the session with this token hash, or kNotFound.
  virtual Result<Session> find_by_hash(const std::string& token_hash) = 0;
  // Records that the session was used at `at`.
  virtual Status touch(std::int64_t id, UnixSeconds at) = 0;
  // Deletes one session; no error when it is already gone.
  virtual Status remove(std::int64_t id) = 0;
  // Deletes every session of the account; returns how many there were.
  virtual Result<int> remove_for_account(AccountId account_id) = 0;
  // How many sessions the account has.
  virtual Result<int> count_for_account(AccountId account_id) = 0;
  // Deletes sessions idle since before `idle_before` or past their expiry at
  // `now`; returns how many.
  virtual Result<int> remove_expired(UnixSeconds now, UnixSeconds idle_before) = 0;
};

class AccountTokenRepository {
 public:
  virtual ~AccountTokenRepository() = default;
  // Inserts the token (its id is ignored) and returns the new id.
  virtual Result<std::int64_t> insert(const AccountToken& token) = 0;
  // Returns the token with this hash (used or not), or kNotFound.
  virtual Result<AccountToken> find_by_hash(const std::string& token_hash) = 0;
  // Marks every unused token of the account for `purpose` used at `at`
  // (a link is good once, and a newer link replaces older ones).
  virtual Status use_all(AccountId account_id, AccountTokenPurpose purpose, UnixSeconds at) = 0;
};

// Roles per network: memberships, one-time invites and the network's policy.
class MembershipRepository {
 public:
  virtual ~MembershipRepository() = default;
  // Returns the account's membership of the network, or nullopt.
  virtual Result<std::optional<Membership>> find(NetworkId network_id, AccountId account_id) = 0;
  // Inserts the membership, or sets the role and updated_at of the existing
  // one (its created_at stays). Putting the role member deletes the
  // account's volunteer profile in the network.
  virtual Status put(const Membership& membership) = 0;
  // Removes the membership and the account's volunteer profile in the
  // network; kNotFound when there is none.
  virtual Status remove(NetworkId network_id, AccountId account_id) = 0;
  // Every membership of the network, most trusted role first, then oldest.
  virtual Result<std::vector<Membership>> list_for_network(NetworkId network_id) = 0;
  // Every membership of the account, in network id order.
  virtual Result<std::vector<Membership>> list_for_account(AccountId account_id) = 0;
  // How many accounts hold exactly `role` in the network.
  virtual Result<int> count_with_role(NetworkId network_id, Role role) = 0;

  // Inserts the invite (its id is ignored) and returns the new id. A token
  // hash already stored is kConflict.
  virtual Result<std::int64_t> insert_invite(const Invite& invite) = 0;
  // Returns the invite with this token hash (used, revoked or not), or kNotFound.
  virtual Result<Invite> find_invite_by_hash(const std::string& token_hash) = 0;
  // Every invite of the network, newest first.
  virtual Result<std::vector<Invite>> list_invites(NetworkId network_id) = 0;
  // Records that `account_id` redeemed the invite at `at`. kConflict when it
  // was used already, kNotFound when there is no such invite.
  virtual Status use_invite(std::int64_t id, AccountId account_id, UnixSeconds at) = 0;
  // Marks the invite revoked at `at` (the first time stays); kNotFound when
  // the network has no such invite.
  virtual Status revoke_invite(NetworkId network_id, std::int64_t id, UnixSeconds at) = 0;

  // The network's policy; the defaults when none was stored.
  virtual Result<NetworkPolicy> policy(NetworkId network_id) = 0;
  // Stores the network's policy, replacing what was there.
  virtual Status put_policy(const NetworkPolicy& policy) = 0;
};

// Referrals of requests between networks (store/referral.hpp).
class ReferralRepository {
 public:
  virtual ~ReferralRepository() = default;
  // Inserts the referral (its id is ignored) and returns the new id. A
  // second live referral (awaiting_consent or sent) of the same post is
  // kConflict.
  virtual Result<ReferralId> insert(const Referral& referral) = 0;
  // Returns the referral, or kNotFound.
  virtual Result<Referral> find(ReferralId id) = 0;
  // As find, and keeps it from changing until the write transaction ends.
  virtual Result<Referral> find_for_update(ReferralId id) = 0;
  // Writes status, consent, consent_recorded_by, decline_reason,
  // consented_at, decided_at and new_post_id, only while the stored status
  // is still `expected` (an optimistic check): kConflict when it moved on,
  // kNotFound when there is no such referral.
  virtual Status update(const Referral& referral, ReferralStatus expected) = 0;
  // Every referral of a post, oldest first.
  virtual Result<std::vector<Referral>> list_for_post(PostId post_id) = 0;
  // The referral whose acceptance made `new_post_id`, or nullopt.
  virtual Result<std::optional<Referral>> find_by_new_post(PostId new_post_id) = 0;
  // The network's referrals, newest first, at most `limit`: those it sent
  // (from_network_id) and those sent to it (to_network_id).
  virtual Result<std::vector<Referral>> list_for_network(NetworkId network_id, int limit) = 0;
  // Empties the notes of every referral of the post (the retention sweep).
  virtual Status erase_notes_for_post(PostId post_id) = 0;
};

// Possible duplicates of requests (store/duplicate_flag.hpp).
class DuplicateFlagRepository {
 public:
  virtual ~DuplicateFlagRepository() = default;
  // Inserts the flag (its id is ignored) and returns the new id.
  virtual Result<DuplicateFlagId> insert(const DuplicateFlag& flag) = 0;
  // Returns the flag, or kNotFound.
  virtual Result<DuplicateFlag> find(DuplicateFlagId id) = 0;
  // The network's unresolved flags whose two posts are both still open or
  // matched, oldest first, at most `limit`.
  virtual Result<std::vector<DuplicateFlag>> list_open(NetworkId network_id, int limit) = 0;
  // The flags resolved as merged whose surviving request is `of_post_id`,
  // oldest first.
  virtual Result<std::vector<DuplicateFlag>> list_merged_into(PostId of_post_id) = 0;
  // Records the resolution, when and by whom, only while the flag is
  // unresolved: kConflict when it was resolved already, kNotFound when there
  // is no such flag.
  virtual Status resolve(DuplicateFlagId id, DuplicateResolution resolution, UnixSeconds at,
                         std::optional<AccountId> by) = 0;
};

// The matcher's suggestions that organizers dismissed.
class SuggestionRepository {
 public:
  virtual ~SuggestionRepository() = default;
  // Records the dismissal; dismissing a pair again changes nothing.
  virtual Status dismiss(const DismissedSuggestion& dismissed) = 0;
  // The network's dismissed pairs whose request is still open or matched,
  // oldest first.
  virtual Result<std::vector<DismissedSuggestion>> list_dismissed(NetworkId network_id) = 0;
};

// A unit of work: the repositories, all inside one transaction.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual NetworkRepository& networks() = 0;
  virtual PostRepository& posts() = 0;
  virtual MatchRepository& matches() = 0;
  virtual EventRepository& events() = 0;
  virtual MessageRepository& messages() = 0;
  virtual OrganizerKeyRepository& organizer_keys() = 0;
  virtual SettingsRepository& settings() = 0;
  virtual ReportRepository& reports() = 0;
  virtual BlockRepository& blocks() = 0;
  virtual AuditRepository& audit() = 0;
  virtual MembershipRepository& memberships() = 0;
  virtual AccountRepository& accounts() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual AccountTokenRepository& account_tokens() = 0;
  virtual ReferralRepository& referrals() = 0;
  virtual VolunteerRepository& volunteers() = 0;
  virtual DuplicateFlagRepository& duplicate_flags() = 0;
  virtual SuggestionRepository& suggestions() = 0;
};

using Work = std::function<Status(Transaction&)>;

class Store {
 public:
  virtual ~Store() = default;
  // Brings the schema to the newest version; a no-op when it is there.
  virtual Status migrate() = 0;
  // The schema version the database is at (0 for an empty one).
  virtual Result<int> schema_version() = 0;
  // The schema version this build writes.
  virtual int latest_schema_version() const = 0;
  // Personal fields are sealed at rest under a keyring (field_cipher.hpp).
  // Fails, saying why, when a stored value names a key the keyring lacks or
  // does not open with the key it names: a missing or wrong key file.
  virtual Status check_data_keys() = 0;
  // In one write transaction, seals under the current key up to `limit`
  // values still in plaintext (written before sealing) or sealed under an
  // older key; returns how many (0: none is left).
  virtual Result<int> reseal_batch(int limit) = 0;
  // Runs `work` in one write transaction. Commits when it succeeds and
  // returns only once the commit is durable; rolls back when it fails and
  // returns its error. Writers are serialized.
  virtual Status write(const Work& work) = 0;
  // Runs `work` on a consistent read-only snapshot; may run concurrently
  // with other reads and with a write.
  virtual Status read(const Work& work) = 0;

  // Blocks until another process may have written (PostgreSQL tells the
  // processes that LISTEN), `timeout` passes (SQLite's processes poll), or
  // interrupt_wait() is called. One waiter at a time; never fails (a lost
  // connection is a wait of `timeout`, then a new one).
  virtual void await_change(std::chrono::milliseconds timeout) = 0;
  // Ends the current await_change, and the next one if none is waiting.
  virtual void interrupt_wait() = 0;
};

}  // namespace gapfill::store
