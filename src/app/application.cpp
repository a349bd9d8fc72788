#include "app/application.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "base/limits.hpp"
#include "domain/catalogue.hpp"
#include "engine/gazetteer.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/pages.hpp"
#include "store/database_url.hpp"
#include "store/key_file.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gapfill::app {

std::string data_key_path(const std::string& db_path, const std::string& key_file) {
  if (!key_file.empty()) return key_file;
  const auto url = store::parse_database_url(db_path);
  if (!url || url->engine != store::DatabaseUrl::Engine::kSqlite) return "";
  return url->target + ".key";
}

Result<std::unique_ptr<store::Store>> open_store(const std::string& db_setting,
                                                 const std::string& key_file, int* resealed) {
  const store::DatabaseUrl url = TRY(store::parse_database_url(db_setting));
  const bool postgres = url.engine == store::DatabaseUrl::Engine::kPostgres;
  const std::string& path = postgres ? store::redacted(url) : url.target;
  const auto folder =
      postgres ? std::filesystem::path() : std::filesystem::path(path).parent_path();
  if (!folder.empty()) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
      return fail(ErrorCode::kInternal,
                  "cannot create the folder " + folder.string() + ": " + error.message());
    }
  }
  const std::string key_path = data_key_path(db_setting, key_file);
  if (key_path.empty()) {
    return fail(ErrorCode::kInvalid,
                "a postgres:// database needs a data key file (--data-key-file or "
                "GAPFILL_DATA_KEY_FILE), the same one on every server process");
  }
  auto cipher = TRY(store::read_key_file(key_path));
  const bool new_key = !cipher;
  if (new_key) {
    const store::KeyId first = 1;
    cipher = TRY(store::FieldCipher::create({{first, store::FieldCipher::random_key()}}, first));
  }
  const auto shared_cipher = std::make_shared<const store::FieldCipher>(std::move(*cipher));
  std::unique_ptr<store::Store> opened;
  if (postgres) {
    store::PostgresOptions options;
    options.url = url.target;
    options.cipher = shared_cipher;
    opened = TRY(store::open_postgres_store(options));
  } else {
    store::SqliteOptions options;
    options.path = path;
    options.cipher = shared_cipher;
    opened = TRY(store::open_sqlite_store(options));
  }
  TRY_STATUS(opened->migrate());
  if (auto checked = opened->check_data_keys(); !checked) {
    if (new_key) {
      return fail(ErrorCode::kInternal,
                  "the database " + path + " holds sealed personal data but its data key file " +
                      key_path + " is missing; restore the key file from your backup");
    }
    return fail(ErrorCode::kInternal, "cannot open " + path + " with the data key file " +
                                          key_path + ": " + checked.error().message);
  }
  // The key is on disk before anything is sealed with it.
  if (new_key) TRY_STATUS(store::create_key_file(key_path, *shared_cipher));
  // Plaintext written before sealing (and values left under an older key by
  // an interrupted rotation) are sealed under the current key.
  int sealed = 0;
  while (const int batch = TRY(opened->reseal_batch(limits::kResealBatch))) sealed += batch;
  if (sealed > 0) spdlog::info("store sealed_values={}", sealed);
  if (resealed != nullptr) *resealed = sealed;
  return opened;
}

Result<std::unique_ptr<Application>> Application::open(const Config& config) {
  TRY_STATUS(validate_config(config));
  std::unique_ptr<Application> app(new Application());
  app->config_ = config;
  app->store_ = TRY(open_store(config.db_path, config.data_key_file));
  app->services_ = std::make_unique<domain::Services>(*app->store_, app->clock_);
  app->services_->set_public_url(config.public_url);
  TRY_STATUS(app->services_->load());
  if (!config.mail_smtp_url.empty()) {
    app->outbox_ = std::make_unique<SmtpOutbox>(
        MailSettings{config.mail_smtp_url, config.mail_from, config.mail_username,
                     config.mail_password, config.mail_require_tls});
    app->services_->accounts().set_outbox(*app->outbox_);
    // Relay notices and the matcher's notices to volunteers.
    app->services_->set_outbox(*app->outbox_);
  } else {
    spdlog::info(
        "mail is off ([mail] smtp_url is not set): accounts can sign up and sign in, but "
        "addresses cannot be confirmed and passwords cannot be reset");
  }
  app->services_->accounts().set_link_base(config.public_url);
  app->listing_cache_ = std::make_unique<http::ListingCache>(config.listing_cache_entries,
                                                             limits::kListingCacheMaxBytes);
  // The compiled-in gazetteer, opened now so that a broken build fails at start, not
  // on someone's first look-up (opening reads a header and two small tables).
  const auto& places = gazetteer::Gazetteer::embedded();
  spdlog::info("gazetteer: {} places, {} ZIP codes, {:.1f} MB", places.place_count(),
               places.zip_count(), static_cast<double>(places.memory_bytes()) / 1e6);
  http::add_api_routes(app->router_, *app->services_, *app->listing_cache_);
  app->page_cache_ = std::make_unique<http::ListingCache>(config.listing_cache_entries,
                                                          limits::kListingCacheMaxBytes);
  const auto& catalogue = i18n::Catalogue::builtin();
  app->templates_ = std::make_unique<http::Templates>(catalogue);
  app->static_files_ = std::make_unique<http::StaticFiles>();
  http::WebOptions web_options;
  web_options.public_url = config.public_url;
  web_options.secure_cookies = config.secure_cookies;
  web_options.tile_url = config.tile_url;
  web_options.tile_attribution = config.tile_attribution;
  app->web_ = std::make_unique<http::WebContext>(
      http::WebContext{*app->services_, *app->templates_, *app->static_files_, catalogue,
                       web_options, TRY(app->services_->site_secret()), *app->page_cache_});
  http::add_page_routes(app->router_, *app->web_);
  if (config.rate_limits_enabled) {
    std::vector<engine::RateRule> rules;
    for (const auto& setting : config.rate_limits) {
      rules.push_back(engine::RateRule{setting.rule, setting.max_requests, setting.window_seconds});
    }
    app->rate_limiter_ =
        std::make_unique<engine::RateLimiter>(std::move(rules), config.rate_limit_tracked_keys);
  } else {
    spdlog::info("rate limits are off (GAPFILL_RATE_LIMITS=off or [rate_limits] enabled = false)");
  }
  http::DispatchOptions dispatch{config.max_body_bytes,
                                 http::page_error_renderer(*app->web_),
                                 app->rate_limiter_.get(),
                                 config.secure_cookies,
                                 {}};
  // A signed-in client is also counted per account, from any address.
  dispatch.rate_identity =
      [&services = *app->services_](const http::Request& request) -> std::optional<std::string> {
    const auto account = http::signed_in_account(services, request);
    if (!account) return std::nullopt;
    return "account:" + std::to_string(*account);
  };
  app->dispatcher_ = std::make_unique<http::Dispatcher>(app->router_, std::move(dispatch));
  const ListenAddress listen = TRY(parse_listen(config.listen));
  http::ServerOptions server_options;
  server_options.host = listen.host;
  server_options.port = listen.port;
  server_options.io_threads = config.io_threads;
  server_options.worker_threads = config.worker_threads;
  server_options.trusted_proxy = config.trusted_proxy;
  app->server_ = std::make_unique<http::Server>(server_options, *app->dispatcher_);
  return app;
}

Application::~Application() {
  stop();
}

void Application::start() {
  server_->start();
  if (config_.public_url.empty()) {
    // Links in mail point at where this server listens.
    const ListenAddress listen = parse_listen(config_.listen).value_or(ListenAddress{});
    const std::string host =
        listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host;
    services_->accounts().set_link_base("http://" + host + ":" + std::to_string(port()));
  }
  sweeper_ = std::thread([this] { sweep_loop(); });
  refresh_stopping_ = false;
  refresher_ = std::thread([this] { refresh_loop(); });
}

void Application::refresh_loop() {
  // PostgreSQL wakes this at every other process's commit; the timeout is a
  // poll, the only news on SQLite and a safety net on PostgreSQL.
  constexpr auto kPoll = std::chrono::milliseconds(limits::kChangePollMs);
  bool failing = false;
  while (!refresh_stopping_) {
    store_->await_change(kPoll);
    if (refresh_stopping_) break;
    if (const auto refreshed = services_->refresh(); !refreshed) {
      // Once per outage, not every second of it.
      if (!failing) spdlog::warn("refresh failed what=\"{}\"", refreshed.error().message);
      failing = true;
    } else if (failing) {
      spdlog::info("refresh recovered");
      failing = false;
    }
  }
}

void Application::stop() {
  {
    std::lock_guard lock(sweep_mutex_);
    stopping_ = true;
  }
  sweep_wakeup_.notify_all();
  if (sweeper_.joinable()) sweeper_.join();
  refresh_stopping_ = true;
  if (store_) store_->interrupt_wait();
  if (refresher_.joinable()) refresher_.join();
  if (server_) server_->stop();
  if (outbox_) outbox_->stop();
}

void Application::sweep_loop() {
  const auto interval = std::chrono::minutes(config_.expiry_sweep_minutes);
  std::unique_lock lock(sweep_mutex_);
  while (!stopping_) {
    lock.unlock();
    const auto expired = services_->posts().expire_due();
    if (!expired) {
      spdlog::error("sweep expiry_failed what=\"{}\"", expired.error().message);
    } else if (*expired > 0) {
      spdlog::info("sweep expired_posts={}", *expired);
    }
    // Retention: counts only in the log, never what was erased.
    const auto erased = services_->posts().erase_expired_personal_data();
    if (!erased) {
      spdlog::error("sweep erasure_failed what=\"{}\"", erased.error().message);
    } else if (*erased > 0) {
      spdlog::info("sweep erased_posts={}", *erased);
    }
    // Ended sessions (idle too long or past their absolute expiry) go too.
    const auto ended = services_->accounts().remove_expired_sessions();
    if (!ended) {
      spdlog::error("sweep session_removal_failed what=\"{}\"", ended.error().message);
    } else if (*ended > 0) {
      spdlog::info("sweep removed_sessions={}", *ended);
    }
    lock.lock();
    sweep_wakeup_.wait_for(lock, interval, [this] { return stopping_; });
  }
}

}  // namespace gapfill::app
