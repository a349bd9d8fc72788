#pragma once
// Configuration: defaults, then a TOML file, then GAPFILL_* environment
// variables, then command-line flags; each overrides the one before.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/limits.hpp"

namespace gapfill::app {

// One rate-limit rule: `max_requests` per `window_seconds` per client.
struct RateLimitSetting {
  std::string rule;  // limits::kRateLimitDefaults names them
  std::int64_t max_requests = 0;
  std::int64_t window_seconds = 0;
};

// The defaults of limits::kRateLimitDefaults.
std::vector<RateLimitSetting> default_rate_limits();

struct Config {
  std::string listen = "127.0.0.1:8080";     // [server] listen        GAPFILL_LISTEN
  std::size_t io_threads = 2;                // [server] io_threads    GAPFILL_IO_THREADS
  std::size_t worker_threads = 4;            // [server] worker_threads GAPFILL_WORKER_THREADS
  std::size_t max_body_bytes = 64 * 1024;    // [server] max_body_bytes GAPFILL_MAX_BODY_BYTES
  std::size_t listing_cache_entries = 1024;  // [server] listing_cache_entries (0: off)
                                             // GAPFILL_LISTING_CACHE_ENTRIES
  std::string db_path = "data/gapfill.db";   // [database] path     GAPFILL_DB
  // [security] data_key_file  GAPFILL_DATA_KEY_FILE. Empty: the database path
  // with ".key" appended, created on first run with mode 0600.
  std::string data_key_file;
  std::string log_level = "info";  // [log] level         GAPFILL_LOG_LEVEL
  int expiry_sweep_minutes = 10;   // [sweep] expiry_minutes GAPFILL_EXPIRY_SWEEP_MINUTES
  std::string public_url;          // [web] public_url        GAPFILL_PUBLIC_URL
  bool secure_cookies = false;     // [web] secure_cookies    GAPFILL_SECURE_COOKIES
  std::string tile_url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";  // [web] tile_url
                                                                            // GAPFILL_TILE_URL
  std::string tile_attribution = "&copy; OpenStreetMap contributors";  // [web] tile_attribution
  std::string trusted_proxy;  // [server] trusted_proxy GAPFILL_TRUSTED_PROXY (empty: none)
  // [rate_limits] enabled, GAPFILL_RATE_LIMITS=on|off. Never off by default.
  bool rate_limits_enabled = true;
  // [rate_limits] max_tracked_keys   GAPFILL_RATE_LIMITS_MAX_TRACKED_KEYS
  std::size_t rate_limit_tracked_keys = limits::kRateLimitTrackedKeysDefault;
  // [rate_limits] <rule>_max, <rule>_window_seconds
  // GAPFILL_RATE_LIMITS_<RULE>_MAX, GAPFILL_RATE_LIMITS_<RULE>_WINDOW_SECONDS
  std::vector<RateLimitSetting> rate_limits = default_rate_limits();
  // Outgoing mail (verification and reset links). Empty smtp_url: mail is off.
  std::string mail_smtp_url;     // [mail] smtp_url     GAPFILL_MAIL_SMTP_URL
  std::string mail_from;         // [mail] from         GAPFILL_MAIL_FROM
  std::string mail_username;     // [mail] username     GAPFILL_MAIL_USERNAME
  std::string mail_password;     // [mail] password     GAPFILL_MAIL_PASSWORD
  bool mail_require_tls = true;  // [mail] require_tls GAPFILL_MAIL_REQUIRE_TLS
};

// Reads a TOML file over `config`. Unknown keys and wrong types are errors.
Status load_config_file(const std::string& path, Config& config);

// Reads GAPFILL_* variables from the environment over `config`.
Status load_config_env(Config& config);

// Checks the values together (ranges, the listen address).
Status validate_config(const Config& config);

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};
// "127.0.0.1:8080" or "[::1]:8080"; port 0 picks a free port.
Result<ListenAddress> parse_listen(const std::string& text);

}  // namespace gapfill::app
