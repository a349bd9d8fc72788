#include "store/sqlite/sqlite_store.hpp"

#include <condition_variable>
#include <mutex>
#include <vector>

#include "base/time.hpp"
#include "store/sql/sealed.hpp"
#include "store/sql/transaction.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/wake_signal.hpp"

namespace gapfill::store {
namespace {

using sqlite::Database;

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
    return sql::check_sealed_keys(*writer_, *options_.cipher);
  }

  Result<int> reseal_batch(int limit) override {
    std::lock_guard lock(writer_mutex_);
    int done = 0;
    TRY_STATUS(sql::run_transaction(
        *writer_, *options_.cipher, "BEGIN IMMEDIATE", [&](Transaction&) -> Status {
          done = TRY(sql::reseal_some(*writer_, *options_.cipher, limit));
          return {};
        }));
    return done;
  }

  Status write(const Work& work) override {
    std::lock_guard lock(writer_mutex_);
    return sql::run_transaction(*writer_, *options_.cipher, "BEGIN IMMEDIATE", work);
  }

  Status read(const Work& work) override {
    auto reader = TRY(checkout_reader());
    Status result = sql::run_transaction(*reader, *options_.cipher, "BEGIN", work);
    checkin_reader(std::move(reader));
    return result;
  }

  // SQLite tells no one of a write: another process's changes are polled.
  void await_change(std::chrono::milliseconds timeout) override { wake_.wait_for(timeout); }
  void interrupt_wait() override { wake_.wake(); }

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
  WakeSignal wake_;
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
