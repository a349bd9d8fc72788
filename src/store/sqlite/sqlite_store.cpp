#include "store/sqlite/sqlite_store.hpp"

#include <condition_variable>
#include <mutex>
#include <vector>

#include "base/time.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/repositories.hpp"
#include "store/sqlite/sealed.hpp"

namespace gapfill::store {
namespace {

using sqlite::Database;

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(Database& db, const FieldCipher& cipher)
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
  sqlite::SqliteNetworkRepository networks_;
  sqlite::SqlitePostRepository posts_;
  sqlite::SqliteMatchRepository matches_;
  sqlite::SqliteEventRepository events_;
  sqlite::SqliteMessageRepository messages_;
  sqlite::SqliteOrganizerKeyRepository organizer_keys_;
  sqlite::SqliteSettingsRepository settings_;
  sqlite::SqliteReportRepository reports_;
  sqlite::SqliteBlockRepository blocks_;
  sqlite::SqliteAuditRepository audit_;
  sqlite::SqliteMembershipRepository memberships_;
  sqlite::SqliteAccountRepository accounts_;
  sqlite::SqliteSessionRepository sessions_;
  sqlite::SqliteAccountTokenRepository account_tokens_;
  sqlite::SqliteReferralRepository referrals_;
  sqlite::SqliteVolunteerRepository volunteers_;
  sqlite::SqliteDuplicateFlagRepository duplicate_flags_;
  sqlite::SqliteSuggestionRepository suggestions_;
};

// Runs `work` between `begin` and COMMIT on `db`, rolling back on failure.
Status run_transaction(Database& db, const FieldCipher& cipher, std::string_view begin,
                       const Work& work) {
  TRY_STATUS(db.exec(begin));
  SqliteTransaction transaction(db, cipher);
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

class SqliteStore final : public Store {
 public:
  SqliteStore(SqliteOptions options, std::unique_ptr<Database> writer)
      : options_(std::move(options)), writer_(std::move(writer)) {}

  Status migrate() override {
    std::lock_guard lock(writer_mutex_);
    TRY_STATUS(
        writer_->exec("CREATE TABLE IF NOT EXISTS schema_version ("
                      " version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"));
    const int current = TRY(current_version(*writer_));
    const auto all = sqlite::migrations();
    if (current > static_cast<int>(all.size())) {
      return fail(ErrorCode::kInternal,
                  "the database was written by a newer Gapfill (schema version " +
                      std::to_string(current) + ")");
    }
    for (int version = current + 1; version <= static_cast<int>(all.size()); ++version) {
      TRY_STATUS(writer_->exec("BEGIN IMMEDIATE"));
      auto applied = writer_->exec(all[static_cast<std::size_t>(version - 1)]);
      if (applied) {
        applied = [&]() -> Status {
          auto statement = TRY(
              writer_->prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
          statement.bind(1, version).bind(2, now_unix());
          return statement.run();
        }();
      }
      if (!applied) {
        (void)writer_->exec("ROLLBACK");
        return applied;
      }
      TRY_STATUS(writer_->exec("COMMIT"));
    }
    return {};
  }

  Result<int> schema_version() override {
    std::lock_guard lock(writer_mutex_);
    return current_version(*writer_);
  }

  int latest_schema_version() const override {
    return static_cast<int>(sqlite::migrations().size());
  }

  Status check_data_keys() override {
    std::lock_guard lock(writer_mutex_);
    return sqlite::check_sealed_keys(*writer_, *options_.cipher);
  }

  Result<int> reseal_batch(int limit) override {
    std::lock_guard lock(writer_mutex_);
    int done = 0;
    TRY_STATUS(
        run_transaction(*writer_, *options_.cipher, "BEGIN IMMEDIATE", [&](Transaction&) -> Status {
          done = TRY(sqlite::reseal_some(*writer_, *options_.cipher, limit));
          return {};
        }));
    return done;
  }

  Status write(const Work& work) override {
    std::lock_guard lock(writer_mutex_);
    return run_transaction(*writer_, *options_.cipher, "BEGIN IMMEDIATE", work);
  }

  Status read(const Work& work) override {
    auto reader = TRY(checkout_reader());
    Status result = run_transaction(*reader, *options_.cipher, "BEGIN", work);
    checkin_reader(std::move(reader));
    return result;
  }

 private:
  static Result<int> current_version(Database& db) {
    auto exists = TRY(db.prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
    TRY(exists.step());
    if (exists.int64(0) == 0) return 0;
    auto statement = TRY(db.prepare("SELECT coalesce(max(version), 0) FROM schema_version"));
    TRY(statement.step());
    return static_cast<int>(statement.int64(0));
  }

  Result<std::unique_ptr<Database>> checkout_reader() {
    {
      std::unique_lock lock(readers_mutex_);
      readers_available_.wait(lock, [&] {
        return !idle_readers_.empty() || open_readers_ < options_.reader_connections;
      });
      if (!idle_readers_.empty()) {
        auto reader = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return reader;
      }
      ++open_readers_;
    }
    auto opened = Database::open(options_.path, options_.reader_cache_kib);
    if (!opened) {
      std::lock_guard lock(readers_mutex_);
      --open_readers_;
      readers_available_.notify_one();
    }
    return opened;
  }

  void checkin_reader(std::unique_ptr<Database> reader) {
    std::lock_guard lock(readers_mutex_);
    idle_readers_.push_back(std::move(reader));
    readers_available_.notify_one();
  }

  SqliteOptions options_;
  std::mutex writer_mutex_;
  std::unique_ptr<Database> writer_;
  std::mutex readers_mutex_;
  std::condition_variable readers_available_;
  std::vector<std::unique_ptr<Database>> idle_readers_;
  int open_readers_ = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const SqliteOptions& options) {
  if (!options.cipher) return fail(ErrorCode::kInternal, "the SQLite store needs a data keyring");
  auto writer = TRY(Database::open(options.path, options.writer_cache_kib));
  return std::unique_ptr<Store>(new SqliteStore(options, std::move(writer)));
}

}  // namespace gapfill::store
