#pragma once
// The SQLite repositories, each working on the connection of the current
// transaction.

#include "store/field_cipher.hpp"
#include "store/sql/database.hpp"
#include "store/store.hpp"

namespace gapfill::store::sql {

class SqlNetworkRepository final : public NetworkRepository {
 public:
  explicit SqlNetworkRepository(Database& db) : db_(db) {}
  Result<NetworkId> insert(const Network& network,
                           const std::vector<Category>& categories) override;
  Result<Network> find_by_slug(const std::string& slug) override;
  Result<Network> find_by_id(NetworkId id) override;
  Result<std::vector<Network>> list() override;
  Status set_contact(NetworkId id, const PublicContact& contact) override;
  Result<std::vector<Category>> categories(NetworkId id) override;
  Result<std::int64_t> change_mark() override;
  Status update_area(NetworkId id, const ServiceArea& area) override;

 private:
  Database& db_;
};

class SqlPostRepository final : public PostRepository {
 public:
  SqlPostRepository(Database& db, const FieldCipher& cipher) : db_(db), cipher_(cipher) {}
  Result<PostId> insert(const Post& post) override;
  Result<Post> find(PostId id) override;
  Result<Post> find_for_update(PostId id) override { return find(id); }  // writers are serialized
  Status update(const Post& post) override;
  Result<std::vector<Post>> list_newest(const PostFilter& filter, std::optional<NewestCursor> after,
                                        int limit) override;
  Result<std::vector<Post>> list_in_box(const PostFilter& filter,
                                        const geo::BoundingBox& box) override;
  Result<std::vector<NearPost>> list_near(const PostFilter& filter, geo::Point centre,
                                          double radius_km, int limit,
                                          std::optional<NearCursor> after) override;
  Status for_each(const PostFilter& filter, const std::function<void(const Post&)>& visit) override;
  Result<std::int64_t> last_change() override;
  Status for_each_changed(std::int64_t after,
                          const std::function<void(const Post&, std::int64_t)>& visit) override;
  Result<std::vector<PostId>> expired_open_posts(UnixSeconds now, int limit) override;
  Result<std::vector<PostId>> posts_due_for_erasure(UnixSeconds now, int limit) override;
  Status erase_personal_data(PostId id, UnixSeconds at) override;
  Status set_hidden(PostId id, const std::optional<Hidden>& hidden) override;
  Result<std::vector<Post>> list_by_urgency(const PostFilter& filter, int limit,
                                            int offset) override;
  Result<int> count(const PostFilter& filter) override;
  Status set_account(PostId id, AccountId account_id) override;
  Result<std::vector<Post>> list_for_account(AccountId account_id) override;

 private:
  Database& db_;
  const FieldCipher& cipher_;
};

class SqlMatchRepository final : public MatchRepository {
 public:
  SqlMatchRepository(Database& db, const FieldCipher& cipher) : db_(db), cipher_(cipher) {}
  Result<MatchId> insert(const Match& match) override;
  Result<Match> find(MatchId id) override;
  Result<Match> find_for_update(MatchId id) override { return find(id); }
  Status update(const Match& match) override;
  Result<std::vector<Match>> list_for_post(PostId post_id) override;
  Result<int> erase_personal_data_for_post(PostId post_id) override;
  Status erase_personal_data(MatchId id) override;
  Status set_account(MatchId id, AccountId account_id) override;
  Result<std::vector<Match>> list_for_account(AccountId account_id) override;
  Result<VolunteerLoad> volunteer_load(NetworkId network_id, AccountId account_id,
                                       UnixSeconds since) override;
  Result<std::map<AccountId, VolunteerLoad>> volunteer_loads(NetworkId network_id,
                                                             UnixSeconds since) override;
  Result<std::vector<Match>> list_for_account_in_network(AccountId account_id, NetworkId network_id,
                                                         int limit) override;
  Result<std::map<PostId, std::int64_t>> committed_quantities(NetworkId network_id) override;

 private:
  Database& db_;
  const FieldCipher& cipher_;
};

class SqlVolunteerRepository final : public VolunteerRepository {
 public:
  SqlVolunteerRepository(Database& db, const FieldCipher& cipher) : db_(db), cipher_(cipher) {}
  Status upsert(const VolunteerProfile& profile) override;
  Result<std::optional<VolunteerProfile>> find(NetworkId network_id, AccountId account_id) override;
  Result<std::vector<VolunteerProfile>> list(NetworkId network_id) override;
  Result<std::vector<VolunteerProfile>> list_for_account(AccountId account_id) override;
  Status remove(NetworkId network_id, AccountId account_id) override;

 private:
  Database& db_;
  const FieldCipher& cipher_;
};

class SqlMessageRepository final : public MessageRepository {
 public:
  SqlMessageRepository(Database& db, const FieldCipher& cipher) : db_(db), cipher_(cipher) {}
  Result<MessageId> insert(const RelayMessage& message) override;
  Result<std::vector<RelayMessage>> list_for_match(MatchId match_id, MessageId after,
                                                   int limit) override;
  Result<int> count_for_match(MatchId match_id) override;
  Result<int> erase_for_post(PostId post_id) override;
  Result<std::optional<UnixSeconds>> last_notice(MatchId match_id, MessageSide side) override;
  Status record_notice(MatchId match_id, MessageSide side, UnixSeconds at) override;

 private:
  Database& db_;
  const FieldCipher& cipher_;
};

class SqlEventRepository final : public EventRepository {
 public:
  explicit SqlEventRepository(Database& db) : db_(db) {}
  Status append(const PostEvent& event) override;
  Result<std::vector<PostEvent>> list_for_post(PostId post_id) override;
  Result<int> count_reaching_status(NetworkId network_id, PostKind kind, PostStatus status,
                                    UnixSeconds since) override;

 private:
  Database& db_;
};

class SqlOrganizerKeyRepository final : public OrganizerKeyRepository {
 public:
  explicit SqlOrganizerKeyRepository(Database& db) : db_(db) {}
  Result<std::int64_t> insert(const OrganizerKey& key) override;
  Result<OrganizerKey> find_by_hash(const std::string& key_hash) override;
  Result<std::vector<OrganizerKey>> list_for_network(NetworkId network_id) override;
  Status revoke(std::int64_t id, UnixSeconds at) override;

 private:
  Database& db_;
};

class SqlSettingsRepository final : public SettingsRepository {
 public:
  explicit SqlSettingsRepository(Database& db) : db_(db) {}
  Result<std::optional<std::string>> get(const std::string& name) override;
  Status put(const std::string& name, const std::string& value) override;

 private:
  Database& db_;
};

class SqlReportRepository final : public ReportRepository {
 public:
  SqlReportRepository(Database& db, const FieldCipher& cipher) : db_(db), cipher_(cipher) {}
  Result<std::int64_t> insert(const Report& report) override;
  Result<Report> find(std::int64_t id) override;
  Result<std::vector<Report>> list_open(NetworkId network_id, int limit, int offset) override;
  Result<int> count_open(NetworkId network_id) override;
  Result<int> resolve_for_post(PostId post_id, ReportResolution resolution,
                               UnixSeconds at) override;
  Status resolve(std::int64_t id, ReportResolution resolution, UnixSeconds at) override;
  Status erase_notes_for_post(PostId post_id) override;

 private:
  Database& db_;
  const FieldCipher& cipher_;
};

class SqlBlockRepository final : public BlockRepository {
 public:
  explicit SqlBlockRepository(Database& db) : db_(db) {}
  Result<std::int64_t> insert(const Block& block) override;
  Result<std::optional<Block>> find_live(NetworkId network_id, BlockSubject subject_kind,
                                         const std::string& subject) override;
  Status lift(std::int64_t id, UnixSeconds at) override;

 private:
  Database& db_;
};

class SqlAccountRepository final : public AccountRepository {
 public:
  SqlAccountRepository(Database& db, const FieldCipher& cipher) : db_(db), cipher_(cipher) {}
  Result<AccountId> insert(const Account& account) override;
  Result<Account> find(AccountId id) override;
  Result<Account> find_by_email(const std::string& email) override;
  Status update(const Account& account) override;
  Status remove(AccountId id) override;

 private:
  Database& db_;
  const FieldCipher& cipher_;
};

class SqlAuditRepository final : public AuditRepository {
 public:
  explicit SqlAuditRepository(Database& db) : db_(db) {}
  Result<std::int64_t> append(const AuditEvent& event) override;
  Result<std::vector<AuditEvent>> list(NetworkId network_id, std::optional<std::int64_t> before_id,
                                       int limit) override;

 private:
  Database& db_;
};

class SqlSessionRepository final : public SessionRepository {
 public:
  explicit SqlSessionRepository(Database& db) : db_(db) {}
  Result<std::int64_t> insert(const Session& session) override;
  Result<Session> find_by_hash(const std::string& token_hash) override;
  Status touch(std::int64_t id, UnixSeconds at) override;
  Status remove(std::int64_t id) override;
  Result<int> remove_for_account(AccountId account_id) override;
  Result<int> count_for_account(AccountId account_id) override;
  Result<int> remove_expired(UnixSeconds now, UnixSeconds idle_before) override;

 private:
  Database& db_;
};

class SqlAccountTokenRepository final : public AccountTokenRepository {
 public:
  explicit SqlAccountTokenRepository(Database& db) : db_(db) {}
  Result<std::int64_t> insert(const AccountToken& token) override;
  Result<AccountToken> find_by_hash(const std::string& token_hash) override;
  Status use_all(AccountId account_id, AccountTokenPurpose purpose, UnixSeconds at) override;

 private:
  Database& db_;
};

class SqlMembershipRepository final : public MembershipRepository {
 public:
  explicit SqlMembershipRepository(Database& db) : db_(db) {}
  Result<std::optional<Membership>> find(NetworkId network_id, AccountId account_id) override;
  Status put(const Membership& membership) override;
  Status remove(NetworkId network_id, AccountId account_id) override;
  Result<std::vector<Membership>> list_for_network(NetworkId network_id) override;
  Result<std::vector<Membership>> list_for_account(AccountId account_id) override;
  Result<int> count_with_role(NetworkId network_id, Role role) override;
  Result<std::int64_t> insert_invite(const Invite& invite) override;
  Result<Invite> find_invite_by_hash(const std::string& token_hash) override;
  Result<std::vector<Invite>> list_invites(NetworkId network_id) override;
  Status use_invite(std::int64_t id, AccountId account_id, UnixSeconds at) override;
  Status revoke_invite(NetworkId network_id, std::int64_t id, UnixSeconds at) override;
  Result<NetworkPolicy> policy(NetworkId network_id) override;
  Status put_policy(const NetworkPolicy& policy) override;

 private:
  Database& db_;
};

class SqlReferralRepository final : public ReferralRepository {
 public:
  SqlReferralRepository(Database& db, const FieldCipher& cipher) : db_(db), cipher_(cipher) {}
  Result<ReferralId> insert(const Referral& referral) override;
  Result<Referral> find(ReferralId id) override;
  Result<Referral> find_for_update(ReferralId id) override { return find(id); }
  Status update(const Referral& referral, ReferralStatus expected) override;
  Result<std::vector<Referral>> list_for_post(PostId post_id) override;
  Result<std::optional<Referral>> find_by_new_post(PostId new_post_id) override;
  Result<std::vector<Referral>> list_for_network(NetworkId network_id, int limit) override;
  Status erase_notes_for_post(PostId post_id) override;

 private:
  Database& db_;
  const FieldCipher& cipher_;
};

class SqlDuplicateFlagRepository final : public DuplicateFlagRepository {
 public:
  explicit SqlDuplicateFlagRepository(Database& db) : db_(db) {}
  Result<DuplicateFlagId> insert(const DuplicateFlag& flag) override;
  Result<DuplicateFlag> find(DuplicateFlagId id) override;
  Result<std::vector<DuplicateFlag>> list_open(NetworkId network_id, int limit) override;
  Result<std::vector<DuplicateFlag>> list_merged_into(PostId of_post_id) override;
  Status resolve(DuplicateFlagId id, DuplicateResolution resolution, UnixSeconds at,
                 std::optional<AccountId> by) override;

 private:
  Database& db_;
};

class SqlSuggestionRepository final : public SuggestionRepository {
 public:
  explicit SqlSuggestionRepository(Database& db) : db_(db) {}
  Status dismiss(const DismissedSuggestion& dismissed) override;
  Result<std::vector<DismissedSuggestion>> list_dismissed(NetworkId network_id) override;

 private:
  Database& db_;
};

}  // namespace gapfill::store::sql
