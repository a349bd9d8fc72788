#include "app/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace gapfill::app {
namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(Config, ReadsATomlFile) {
  Config config;
  const auto path = write_file("good.toml", R"(
[server]
listen = "0.0.0.0:9090"
worker_threads = 8
max_body_bytes = 131072
[database]
path = "/var/lib/gapfill/gapfill.db"
[log]
level = "warn"
[sweep]
expiry_minutes = 5
)");
  ASSERT_TRUE(load_config_file(path, config));
  EXPECT_EQ(config.listen, "0.0.0.0:9090");
  EXPECT_EQ(config.worker_threads, 8u);
  EXPECT_EQ(config.max_body_bytes, 131072u);
  EXPECT_EQ(config.db_path, "/var/lib/gapfill/gapfill.db");
  EXPECT_EQ(config.log_level, "warn");
  EXPECT_EQ(config.expiry_sweep_minutes, 5);
  EXPECT_TRUE(validate_config(config));
}

TEST(Config, RejectsUnknownKeysWrongTypesAndBadSyntax) {
  Config config;
  EXPECT_FALSE(load_config_file(write_file("a.toml", "[server]\nlisen = \"x\"\n"), config));
  EXPECT_FALSE(
      load_config_file(write_file("b.toml", "[server]\nworker_threads = \"8\"\n"), config));
  EXPECT_FALSE(load_config_file(write_file("c.toml", "[nope]\n"), config));
  EXPECT_FALSE(load_config_file(write_file("d.toml", "[server\n"), config));
  EXPECT_FALSE(load_config_file("/no/such/file.toml", config));
}

TEST(Config, EnvironmentOverridesAndIsChecked) {
  Config config;
  ::setenv("GAPFILL_LISTEN", "127.0.0.1:7000", 1);
  ::setenv("GAPFILL_MAX_BODY_BYTES", "2048", 1);
  ASSERT_TRUE(load_config_env(config));
  EXPECT_EQ(config.listen, "127.0.0.1:7000");
  EXPECT_EQ(config.max_body_bytes, 2048u);
  ::setenv("GAPFILL_WORKER_THREADS", "many", 1);
  EXPECT_FALSE(load_config_env(config));
  ::unsetenv("GAPFILL_LISTEN");
  ::unsetenv("GAPFILL_MAX_BODY_BYTES");
  ::unsetenv("GAPFILL_WORKER_THREADS");
}

RateLimitSetting rule(const Config& config, const std::string& name) {
  for (const auto& setting : config.rate_limits) {
    if (setting.rule == name) return setting;
  }
  ADD_FAILURE() << "no rule " << name;
  return {};
}

TEST(Config, RateLimitsAreOnByDefaultAndReadFromToml) {
  Config config;
  EXPECT_TRUE(config.rate_limits_enabled);
  EXPECT_EQ(config.rate_limits.size(), std::size(limits::kRateLimitDefaults));
  const auto path = write_file("rate.toml", R"(
[server]
trusted_proxy = "127.0.0.1"
[rate_limits]
enabled = false
max_tracked_keys = 5000
posting_max = 3
sign_in_window_seconds = 60
)");
  ASSERT_TRUE(load_config_file(path, config));
  EXPECT_FALSE(config.rate_limits_enabled);
  EXPECT_EQ(config.trusted_proxy, "127.0.0.1");
  EXPECT_EQ(config.rate_limit_tracked_keys, 5000u);
  EXPECT_EQ(rule(config, "posting").max_requests, 3);
  EXPECT_EQ(rule(config, "sign_in").window_seconds, 60);
  EXPECT_EQ(rule(config, "sign_in").max_requests, 10);
  EXPECT_TRUE(validate_config(config));
}

TEST(Config, RefusesUnknownAndBadRateLimits) {
  Config config;
  EXPECT_FALSE(load_config_file(write_file("r1.toml", "[rate_limits]\nposts_max = 3\n"), config));
  EXPECT_FALSE(
      load_config_file(write_file("r2.toml", "[rate_limits]\nenabled = \"no\"\n"), config));
  ASSERT_TRUE(load_config_file(write_file("r3.toml", "[rate_limits]\nclaiming_max = 0\n"), config));
  EXPECT_FALSE(validate_config(config));
}

TEST(Config, RateLimitsSwitchOffAndTuneByEnvironment) {
  Config config;
  ::setenv("GAPFILL_RATE_LIMITS", "off", 1);
  ::setenv("GAPFILL_RATE_LIMITS_CLAIMING_MAX", "7", 1);
  ::setenv("GAPFILL_RATE_LIMITS_SIGN_IN_WINDOW_SECONDS", "120", 1);
  ASSERT_TRUE(load_config_env(config));
  EXPECT_FALSE(config.rate_limits_enabled);
  EXPECT_EQ(rule(config, "claiming").max_requests, 7);
  EXPECT_EQ(rule(config, "sign_in").window_seconds, 120);
  ::setenv("GAPFILL_RATE_LIMITS", "on", 1);
  ASSERT_TRUE(load_config_env(config));
  EXPECT_TRUE(config.rate_limits_enabled);
  ::setenv("GAPFILL_RATE_LIMITS", "sometimes", 1);
  EXPECT_FALSE(load_config_env(config));
  ::unsetenv("GAPFILL_RATE_LIMITS");
  ::unsetenv("GAPFILL_RATE_LIMITS_CLAIMING_MAX");
  ::unsetenv("GAPFILL_RATE_LIMITS_SIGN_IN_WINDOW_SECONDS");
}

TEST(Config, ValidatesListenAddresses) {
  EXPECT_EQ(parse_listen("127.0.0.1:8080")->port, 8080);
  EXPECT_EQ(parse_listen("[::1]:8080")->host, "::1");
  EXPECT_FALSE(parse_listen("8080"));
  EXPECT_FALSE(parse_listen("host:99999"));
  Config config;
  config.log_level = "loud";
  EXPECT_FALSE(validate_config(config));
}

}  // namespace
}  // namespace gapfill::app
