#include "store/sql/transaction.hpp"

#include "store/sql/repositories.hpp"

namespace gapfill::store::sql {
namespace {

class SqlTransaction final : public Transaction {
 public:
  SqlTransaction(Database& db, const FieldCipher& cipher)
      : networks_(db),
        posts_(db, cipher),
        matches_(db, cipher),
        events_(db),
        messages_(db, cipher),
        organizer_keys_(db),
        settings_(db),
        reports_(db, cipher),
        blocks_(db),
        audit_(db),
        memberships_(db),
        accounts_(db, cipher),
        sessions_(db),
        account_tokens_(db),
        referrals_(db, cipher),
        volunteers_(db, cipher),
        duplicate_flags_(db),
        suggestions_(db) {}
  NetworkRepository& networks() override { return networks_; }
  PostRepository& posts() override { return posts_; }
  MatchRepository& matches() override { return matches_; }
  EventRepository& events() override { return events_; }
  MessageRepository& messages() override { return messages_; }
  OrganizerKeyRepository& organizer_keys() override { return organizer_keys_; }
  SettingsRepository& settings() override { return settings_; }
  ReportRepository& reports() override { return reports_; }
  BlockRepository& blocks() override { return blocks_; }
  AuditRepository& audit() override { return audit_; }
  MembershipRepository& memberships() override { return memberships_; }
  AccountRepository& accounts() override { return accounts_; }
  SessionRepository& sessions() override { return sessions_; }
  AccountTokenRepository& account_tokens() override { return account_tokens_; }
  ReferralRepository& referrals() override { return referrals_; }
  VolunteerRepository& volunteers() override { return volunteers_; }
  DuplicateFlagRepository& duplicate_flags() override { return duplicate_flags_; }
  SuggestionRepository& suggestions() override { return suggestions_; }

 private:
  SqlNetworkRepository networks_;
  SqlPostRepository posts_;
  SqlMatchRepository matches_;
  SqlEventRepository events_;
  SqlMessageRepository messages_;
  SqlOrganizerKeyRepository organizer_keys_;
  SqlSettingsRepository settings_;
  SqlReportRepository reports_;
  SqlBlockRepository blocks_;
  SqlAuditRepository audit_;
  SqlMembershipRepository memberships_;
  SqlAccountRepository accounts_;
  SqlSessionRepository sessions_;
  SqlAccountTokenRepository account_tokens_;
  SqlReferralRepository referrals_;
  SqlVolunteerRepository volunteers_;
  SqlDuplicateFlagRepository duplicate_flags_;
  SqlSuggestionRepository suggestions_;
};

}  // namespace

// Runs `work` between `begin` and COMMIT on `db`, rolling back on failure.
Status run_transaction(Database& db, const FieldCipher& cipher, std::string_view begin,
                       const Work& work) {
  TRY_STATUS(db.exec(begin));
  SqlTransaction transaction(db, cipher);
  Status result;
  try {
    result = work(transaction);
  } catch (...) {
    (void)db.exec("ROLLBACK");
    throw;
  }
  if (!result) {
    (void)db.exec("ROLLBACK");
    return result;
  }
  if (auto committed = db.exec("COMMIT"); !committed) {
    (void)db.exec("ROLLBACK");
    return committed;
  }
  return {};
}

}  // namespace gapfill::store::sql
