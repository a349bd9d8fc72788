#include "app/config.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <set>

#include "base/limits.hpp"
#include "store/database_url.hpp"

namespace gapfill::app {
namespace {

// For the operator, in English: the sentence names the setting, so there are
// no field messages (those are for clients, and come from the catalogues).
std::unexpected<Error> config_error(const std::string& where, const std::string& what) {
  return std::unexpected(Error{ErrorCode::kInvalid, where + ": " + what, {}});
}

template <typename T>
std::optional<T> parse_number(const std::string& text) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

bool parse_switch(const std::string& value, bool& out) {
  if (value == "1" || value == "true" || value == "on") {
    out = true;
  } else if (value == "0" || value == "false" || value == "off") {
    out = false;
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::vector<RateLimitSetting> default_rate_limits() {
  std::vector<RateLimitSetting> settings;
  for (const auto& rule : limits::kRateLimitDefaults) {
    settings.push_back(
        RateLimitSetting{std::string(rule.rule), rule.max_requests, rule.window_seconds});
  }
  return settings;
}

Result<ListenAddress> parse_listen(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return config_error("listen", "must be HOST:PORT, such as 127.0.0.1:8080");
  }
  ListenAddress address;
  address.host = text.substr(0, colon);
  if (address.host.size() > 2 && address.host.front() == '[' && address.host.back() == ']') {
    address.host = address.host.substr(1, address.host.size() - 2);
  }
  const auto port = parse_number<std::uint16_t>(text.substr(colon + 1));
  if (!port) return config_error("listen", "the port must be 0 to 65535");
  address.port = *port;
  return address;
}

Status load_config_file(const std::string& path, Config& config) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    return config_error(path, std::string(error.description()) + " at line " +
                                  std::to_string(error.source().begin.line));
  }
  static const std::map<std::string, std::set<std::string>> kKnown = [] {
    std::map<std::string, std::set<std::string>> known{
        {"server",
         {"listen", "io_threads", "worker_threads", "max_body_bytes", "listing_cache_entries",
          "trusted_proxy"}},
        {"database", {"path"}},
        {"security", {"data_key_file"}},
        {"log", {"level"}},
        {"sweep", {"expiry_minutes"}},
        {"web", {"public_url", "secure_cookies", "tile_url", "tile_attribution"}},
        {"rate_limits", {"enabled", "max_tracked_keys"}},
        {"mail", {"smtp_url", "from", "username", "password", "require_tls"}}};
    for (const auto& rule : limits::kRateLimitDefaults) {
      known["rate_limits"].insert(std::string(rule.rule) + "_max");
      known["rate_limits"].insert(std::string(rule.rule) + "_window_seconds");
    }
    return known;
  }();
  for (const auto& [section, node] : table) {
    const std::string name(section.str());
    const auto known = kKnown.find(name);
    if (known == kKnown.end() || !node.is_table())
      return config_error(name, "is not a known section");
    for (const auto& [key, value] : *node.as_table()) {
      if (!known->second.contains(std::string(key.str()))) {
        return config_error(name + "." + std::string(key.str()), "is not a known setting");
      }
    }
  }
  auto read_string = [&](const char* section, const char* key, std::string& out) -> Status {
    const auto node = table[section][key];
    if (!node) return {};
    if (!node.is_string())
      return config_error(std::string(section) + "." + key, "must be a string");
    out = node.as_string()->get();
    return {};
  };
  auto read_count = [&](const char* section, const char* key, auto& out) -> Status {
    const auto node = table[section][key];
    if (!node) return {};
    if (!node.is_integer() || node.as_integer()->get() < 0) {
      return config_error(std::string(section) + "." + key, "must be a whole number");
    }
    out = static_cast<std::remove_reference_t<decltype(out)>>(node.as_integer()->get());
    return {};
  };
  TRY_STATUS(read_string("server", "listen", config.listen));
  TRY_STATUS(read_count("server", "io_threads", config.io_threads));
  TRY_STATUS(read_count("server", "worker_threads", config.worker_threads));
  TRY_STATUS(read_count("server", "max_body_bytes", config.max_body_bytes));
  TRY_STATUS(read_count("server", "listing_cache_entries", config.listing_cache_entries));
  TRY_STATUS(read_string("database", "path", config.db_path));
  TRY_STATUS(read_string("security", "data_key_file", config.data_key_file));
  TRY_STATUS(read_string("log", "level", config.log_level));
  TRY_STATUS(read_count("sweep", "expiry_minutes", config.expiry_sweep_minutes));
  TRY_STATUS(read_string("web", "public_url", config.public_url));
  TRY_STATUS(read_string("web", "tile_url", config.tile_url));
  TRY_STATUS(read_string("web", "tile_attribution", config.tile_attribution));
  TRY_STATUS(read_string("server", "trusted_proxy", config.trusted_proxy));
  auto read_switch = [&](const char* section, const char* key, bool& out) -> Status {
    const auto node = table[section][key];
    if (!node) return {};
    if (!node.is_boolean()) {
      return config_error(std::string(section) + "." + key, "must be true or false");
    }
    out = node.as_boolean()->get();
    return {};
  };
  TRY_STATUS(read_switch("web", "secure_cookies", config.secure_cookies));
  TRY_STATUS(read_string("mail", "smtp_url", config.mail_smtp_url));
  TRY_STATUS(read_string("mail", "from", config.mail_from));
  TRY_STATUS(read_string("mail", "username", config.mail_username));
  TRY_STATUS(read_string("mail", "password", config.mail_password));
  TRY_STATUS(read_switch("mail", "require_tls", config.mail_require_tls));
  TRY_STATUS(read_switch("rate_limits", "enabled", config.rate_limits_enabled));
  TRY_STATUS(read_count("rate_limits", "max_tracked_keys", config.rate_limit_tracked_keys));
  for (auto& setting : config.rate_limits) {
    TRY_STATUS(read_count("rate_limits", (setting.rule + "_max").c_str(), setting.max_requests));
    TRY_STATUS(read_count("rate_limits", (setting.rule + "_window_seconds").c_str(),
                          setting.window_seconds));
  }
  return {};
}

Status load_config_env(Config& config) {
  auto get = [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  auto count = [&](const char* name, auto& out) -> Status {
    const auto value = get(name);
    if (!value) return {};
    const auto parsed = parse_number<std::remove_reference_t<decltype(out)>>(*value);
    if (!parsed) return config_error(name, "must be a whole number");
    out = *parsed;
    return {};
  };
  if (auto value = get("GAPFILL_LISTEN")) config.listen = *value;
  if (auto value = get("GAPFILL_DB")) config.db_path = *value;
  if (auto value = get("GAPFILL_DATA_KEY_FILE")) config.data_key_file = *value;
  if (auto value = get("GAPFILL_LOG_LEVEL")) config.log_level = *value;
  TRY_STATUS(count("GAPFILL_IO_THREADS", config.io_threads));
  TRY_STATUS(count("GAPFILL_WORKER_THREADS", config.worker_threads));
  TRY_STATUS(count("GAPFILL_MAX_BODY_BYTES", config.max_body_bytes));
  TRY_STATUS(count("GAPFILL_LISTING_CACHE_ENTRIES", config.listing_cache_entries));
  TRY_STATUS(count("GAPFILL_EXPIRY_SWEEP_MINUTES", config.expiry_sweep_minutes));
  if (auto value = get("GAPFILL_PUBLIC_URL")) config.public_url = *value;
  if (auto value = get("GAPFILL_TILE_URL")) config.tile_url = *value;
  if (auto value = get("GAPFILL_SECURE_COOKIES")) {
    if (!parse_switch(*value, config.secure_cookies)) {
      return config_error("GAPFILL_SECURE_COOKIES", "must be true or false");
    }
  }
  if (auto value = get("GAPFILL_TRUSTED_PROXY")) config.trusted_proxy = *value;
  if (auto value = get("GAPFILL_MAIL_SMTP_URL")) config.mail_smtp_url = *value;
  if (auto value = get("GAPFILL_MAIL_FROM")) config.mail_from = *value;
  if (auto value = get("GAPFILL_MAIL_USERNAME")) config.mail_username = *value;
  if (auto value = get("GAPFILL_MAIL_PASSWORD")) config.mail_password = *value;
  if (auto value = get("GAPFILL_MAIL_REQUIRE_TLS")) {
    if (!parse_switch(*value, config.mail_require_tls)) {
      return config_error("GAPFILL_MAIL_REQUIRE_TLS", "must be true or false");
    }
  }
  if (auto value = get("GAPFILL_RATE_LIMITS")) {
    if (!parse_switch(*value, config.rate_limits_enabled)) {
      return config_error("GAPFILL_RATE_LIMITS", "must be on or off");
    }
  }
  TRY_STATUS(count("GAPFILL_RATE_LIMITS_MAX_TRACKED_KEYS", config.rate_limit_tracked_keys));
  for (auto& setting : config.rate_limits) {
    const std::string prefix = "GAPFILL_RATE_LIMITS_" + upper(setting.rule);
    TRY_STATUS(count((prefix + "_MAX").c_str(), setting.max_requests));
    TRY_STATUS(count((prefix + "_WINDOW_SECONDS").c_str(), setting.window_seconds));
  }
  return {};
}

Status validate_config(const Config& config) {
  TRY(parse_listen(config.listen));
  if (config.io_threads < 1 || config.io_threads > 64) {
    return config_error("io_threads", "must be 1 to 64");
  }
  if (config.worker_threads < 1 || config.worker_threads > 256) {
    return config_error("worker_threads", "must be 1 to 256");
  }
  if (config.max_body_bytes < 1024 || config.max_body_bytes > 16 * 1024 * 1024) {
    return config_error("max_body_bytes", "must be 1024 to 16777216");
  }
  if (config.listing_cache_entries > 100'000) {
    return config_error("listing_cache_entries", "must be 0 to 100000");
  }
  if (config.db_path.empty()) return config_error("database.path", "must not be empty");
  if (auto url = store::parse_database_url(config.db_path); !url) {
    return config_error("database.path", "must be sqlite:PATH, a file's path or postgres://...");
  }
  static const std::set<std::string> kLevels{"trace", "debug", "info", "warn", "error", "off"};
  if (!kLevels.contains(config.log_level)) {
    return config_error("log.level", "must be trace, debug, info, warn, error or off");
  }
  if (config.expiry_sweep_minutes < 1 || config.expiry_sweep_minutes > 24 * 60) {
    return config_error("sweep.expiry_minutes", "must be 1 to 1440");
  }
  const auto is_web_address = [](const std::string& url) {
    return (url.starts_with("https://") || url.starts_with("http://")) && url.size() <= 200 &&
           url.find_first_of(" \"'<>\r\n;") == std::string::npos;
  };
  if (!config.public_url.empty() &&
      (!is_web_address(config.public_url) || config.public_url.back() == '/')) {
    return config_error("web.public_url",
                        "must be an http(s) address without a trailing slash, such as "
                        "https://aid.example.org");
  }
  if (!is_web_address(config.tile_url) || config.tile_url.find("{z}") == std::string::npos) {
    return config_error("web.tile_url", "must be an http(s) tile address with {z}, {x} and {y}");
  }
  if (config.tile_attribution.size() > 300) {
    return config_error("web.tile_attribution", "must be at most 300 characters");
  }
  if (config.trusted_proxy.size() > 64 ||
      config.trusted_proxy.find_first_of(" ,\"'<>\r\n") != std::string::npos) {
    return config_error("server.trusted_proxy", "must be one IP address, such as 127.0.0.1");
  }
  if (!config.mail_smtp_url.empty()) {
    if (!config.mail_smtp_url.starts_with("smtp://") &&
        !config.mail_smtp_url.starts_with("smtps://")) {
      return config_error("mail.smtp_url", "must start with smtp:// or smtps://");
    }
    const auto at = config.mail_from.find('@');
    if (config.mail_from.empty() || at == std::string::npos || config.mail_from.size() > 254 ||
        config.mail_from.find_first_of(" <>\r\n\"") != std::string::npos) {
      return config_error("mail.from", "must be an e-mail address such as aid@example.org");
    }
  }
  if (config.rate_limit_tracked_keys < 1 ||
      config.rate_limit_tracked_keys > limits::kRateLimitTrackedKeysMax) {
    return config_error("rate_limits.max_tracked_keys",
                        "must be 1 to " + std::to_string(limits::kRateLimitTrackedKeysMax));
  }
  for (const auto& setting : config.rate_limits) {
    if (setting.max_requests < 1 || setting.max_requests > limits::kRateLimitMaxRequestsMax) {
      return config_error("rate_limits." + setting.rule + "_max",
                          "must be 1 to " + std::to_string(limits::kRateLimitMaxRequestsMax));
    }
    if (setting.window_seconds < 1 || setting.window_seconds > limits::kRateLimitWindowSecondsMax) {
      return config_error("rate_limits." + setting.rule + "_window_seconds",
                          "must be 1 to " + std::to_string(limits::kRateLimitWindowSecondsMax));
    }
  }
  return {};
}

}  // namespace gapfill::app
