#pragma once
// Configuration: defaults, then a TOML file, then GAPFILL_* environment
// variables, then command-line flags; each overrides the one before.

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/error.hpp"

namespace gapfill::app {

struct Config {
  std::string listen = "127.0.0.1:8080";     // [server] listen        GAPFILL_LISTEN
  std::size_t io_threads = 2;                // [server] io_threads    GAPFILL_IO_THREADS
  std::size_t worker_threads = 4;            // [server] worker_threads GAPFILL_WORKER_THREADS
  std::size_t max_body_bytes = 64 * 1024;    // [server] max_body_bytes GAPFILL_MAX_BODY_BYTES
  std::size_t listing_cache_entries = 1024;  // [server] listing_cache_entries (0: off)
                                             // GAPFILL_LISTING_CACHE_ENTRIES
  std::string db_path = "data/gapfill.db";   // [database] path     GAPFILL_DB
  std::string log_level = "info";            // [log] level         GAPFILL_LOG_LEVEL
  int expiry_sweep_minutes = 10;             // [sweep] expiry_minutes GAPFILL_EXPIRY_SWEEP_MINUTES
  std::string public_url;                    // [web] public_url        GAPFILL_PUBLIC_URL
  bool secure_cookies = false;               // [web] secure_cookies    GAPFILL_SECURE_COOKIES
  std::string tile_url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";  // [web] tile_url
                                                                            // GAPFILL_TILE_URL
  std::string tile_attribution = "&copy; OpenStreetMap contributors";  // [web] tile_attribution
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
