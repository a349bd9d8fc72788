#pragma once
// The wiring of one running Gapfill: store, domain, router, server. `serve`
// uses it, and so do the integration tests, so they test what runs.

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "app/config.hpp"
#include "app/smtp_outbox.hpp"
#include "base/time.hpp"
#include "domain/services.hpp"
#include "http/dispatcher.hpp"
#include "http/listing_cache.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "http/templates.hpp"
#include "http/web.hpp"
#include "store/store.hpp"

namespace gapfill::app {

class Application {
 public:
  // Opens and migrates the store and loads the read model. Does not listen.
  static Result<std::unique_ptr<Application>> open(const Config& config);
  ~Application();

  // Starts listening and the periodic expiry sweep. Throws when it cannot bind.
  void start();
  // Stops the server (requests in flight finish) and the sweep.
  void stop();
  std::uint16_t port() const { return server_->port(); }
  domain::Services& services() { return *services_; }
  const http::Router& router() const { return router_; }

 private:
  Application() = default;
  void sweep_loop();
  // Keeps the read model and network cache up to what other processes on the
  // database write: waits on Store::await_change, then Services::refresh.
  void refresh_loop();

  Config config_;
  SystemClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<SmtpOutbox> outbox_;  // null when mail is off; outlives nothing it serves
  std::unique_ptr<domain::Services> services_;
  std::unique_ptr<http::ListingCache> listing_cache_;
  std::unique_ptr<http::ListingCache> page_cache_;
  std::unique_ptr<http::Templates> templates_;
  std::unique_ptr<http::StaticFiles> static_files_;
  std::unique_ptr<http::WebContext> web_;
  http::Router router_;
  std::unique_ptr<engine::RateLimiter> rate_limiter_;  // null when rate limits are off
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
  std::thread sweeper_;
  std::thread refresher_;
  std::atomic<bool> refresh_stopping_{false};
  std::mutex sweep_mutex_;
  std::condition_variable sweep_wakeup_;
  bool stopping_ = false;
};

// The data key file for a database: `key_file`, or for a SQLite database its
// file's path + ".key". A PostgreSQL database has no default (every server
// process must use the same file): empty.
std::string data_key_path(const std::string& db_path, const std::string& key_file);

// Opens and migrates the store that `path` names (store/database_url.hpp:
// sqlite:PATH or a bare path, creating its folder; or postgres://...), with
// the data keys of `key_file` (see data_key_path). A missing key file is created,
// unless the database already holds sealed data; a key file that is readable
// by others, lacks a key the database uses, or holds the wrong key is an
// error. Plaintext from before sealing, and values under an older key, are
// sealed here under the current key; `resealed`, when given, counts them.
Result<std::unique_ptr<store::Store>> open_store(const std::string& path,
                                                 const std::string& key_file = "",
                                                 int* resealed = nullptr);

}  // namespace gapfill::app
