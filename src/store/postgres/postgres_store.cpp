#include "store/postgres/postgres_store.hpp"

#include <condition_variable>
#include <mutex>
#include <vector>

#include "base/time.hpp"
#include "store/postgres/change_listener.hpp"
#include "store/postgres/database.hpp"
#include "store/postgres/migrations.hpp"
#include "store/sql/sealed.hpp"
#include "store/sql/transaction.hpp"

namespace gapfill::store {
namespace {

using postgres::Database;

// The migration's advisory lock key ("gapm"): one migrating process at a
// time (the writers' is postgres::kWriterLock).
constexpr std::int64_t kMigrationLock = 0x6761706d;

const std::string kBeginWrite =
    "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" +
    std::to_string(postgres::kWriterLock) + ")";
constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(PostgresOptions options) : options_(std::move(options)) {}

  Status migrate() override {
    auto db = TRY(checkout());
    Status result = migrate_on(*db);
    checkin(std::move(db));
    return result;
  }

  Result<int> schema_version() override {
    auto db = TRY(checkout());
    auto version = current_version(*db);
    checkin(std::move(db));
    return version;
  }

  int latest_schema_version() const override {
    return static_cast<int>(postgres::migrations().size());
  }

  Status check_data_keys() override {
    auto db = TRY(checkout());
    Status result = sql::run_transaction(*db, *options_.cipher, kBeginRead, [&](Transaction&) {
      return sql::check_sealed_keys(*db, *options_.cipher);
    });
    checkin(std::move(db));
    return result;
  }

  Result<int> reseal_batch(int limit) override {
    auto db = TRY(checkout());
    int done = 0;
    Status result =
        sql::run_transaction(*db, *options_.cipher, kBeginWrite, [&](Transaction&) -> Status {
          done = TRY(sql::reseal_some(*db, *options_.cipher, limit));
          return {};
        });
    checkin(std::move(db));
    TRY_STATUS(result);
    return done;
  }

  Status write(const Work& work) override {
    auto db = TRY(checkout());
    Status result = sql::run_transaction(*db, *options_.cipher, kBeginWrite, work);
    checkin(std::move(db));
    return result;
  }

  Status read(const Work& work) override {
    auto db = TRY(checkout());
    Status result = sql::run_transaction(*db, *options_.cipher, kBeginRead, work);
    checkin(std::move(db));
    return result;
  }

  void await_change(std::chrono::milliseconds timeout) override { listener_.await(timeout); }
  void interrupt_wait() override { listener_.interrupt(); }

  // The first connection, opened by open_postgres_store.
  void adopt(std::unique_ptr<Database> db) {
    std::lock_guard lock(mutex_);
    ++open_;
    idle_.push_back(std::move(db));
  }

 private:
  static Result<int> current_version(Database& db) {
    auto exists = TRY(db.prepare("SELECT to_regclass('schema_version') IS NOT NULL"));
    TRY(exists.step());
    if (exists.int64(0) == 0) return 0;
    auto statement = TRY(db.prepare("SELECT coalesce(max(version), 0) FROM schema_version"));
    TRY(statement.step());
    return static_cast<int>(statement.int64(0));
  }

  // Under a session advisory lock, so that processes starting together
  // migrate one after the other.
  Status migrate_on(Database& db) {
    TRY_STATUS(db.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLock) + ")"));
    Status result = apply_migrations(db);
    (void)db.exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLock) + ")");
    return result;
  }

  Status apply_migrations(Database& db) {
    TRY_STATUS(
        db.exec("CREATE TABLE IF NOT EXISTS schema_version ("
                " version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)"));
    const int current = TRY(current_version(db));
    const auto all = postgres::migrations();
    if (current > static_cast<int>(all.size())) {
      return fail(ErrorCode::kInternal,
                  "the database was written by a newer Gapfill (schema version " +
                      std::to_string(current) + ")");
    }
    for (int version = current + 1; version <= static_cast<int>(all.size()); ++version) {
      TRY_STATUS(db.exec("BEGIN"));
      auto applied = db.exec(all[static_cast<std::size_t>(version - 1)]);
      if (applied) {
        applied = [&]() -> Status {
          auto statement =
              TRY(db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
          statement.bind(1, version).bind(2, now_unix());
          return statement.run();
        }();
      }
      if (!applied) {
        (void)db.exec("ROLLBACK");
        return applied;
      }
      TRY_STATUS(db.exec("COMMIT"));
    }
    return {};
  }

  Result<std::unique_ptr<Database>> checkout() {
    {
      std::unique_lock lock(mutex_);
      available_.wait(lock, [&] { return !idle_.empty() || open_ < options_.connections; });
      if (!idle_.empty()) {
        auto db = std::move(idle_.back());
        idle_.pop_back();
        return db;
      }
      ++open_;
    }
    auto opened = Database::open(options_.url);
    if (!opened) {
      std::lock_guard lock(mutex_);
      --open_;
      available_.notify_one();
    }
    return opened;
  }

  // Returns the connection to the pool, or closes it when the server
  // dropped it (the next checkout opens a new one).
  void checkin(std::unique_ptr<Database> db) {
    std::lock_guard lock(mutex_);
    if (db->usable()) {
      idle_.push_back(std::move(db));
    } else {
      --open_;
    }
    available_.notify_one();
  }

  PostgresOptions options_;
  postgres::ChangeListener listener_{options_.url};
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Database>> idle_;
  int open_ = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> open_postgres_store(const PostgresOptions& options) {
  if (!options.cipher) {
    return fail(ErrorCode::kInternal, "the PostgreSQL store needs a data keyring");
  }
  auto first = TRY(Database::open(options.url));
  auto store = std::make_unique<PostgresStore>(options);
  store->adopt(std::move(first));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace gapfill::store
