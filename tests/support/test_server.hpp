#pragma once
// A real Gapfill server for a test: a fresh SQLite file in a temporary
// folder, listening on a free loopback port, with the demo-free empty state.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/application.hpp"
#include "support/http_client.hpp"

namespace gapfill::testing {

// A fresh temporary folder, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class PostgresTestDb;

// True when this test run speaks to PostgreSQL (GAPFILL_TEST_BACKEND=postgres,
// set by CTest for the pg. copies of the HTTP suites): every TestServer then
// runs on a fresh database of the test cluster instead of a SQLite file.
bool testing_on_postgres();

class TestServer {
 public:
  // Starts a server; `adjust` may change the configuration first.
  explicit TestServer(const std::function<void(app::Config&)>& adjust = {});
  ~TestServer();
  std::uint16_t port() const { return app_->port(); }
  app::Application& app() { return *app_; }
  // The SQLite file (not used on PostgreSQL: see testing_on_postgres).
  const std::string& db_path() const { return db_path_; }
  // What the server's database setting is: the SQLite path or postgres:// URL.
  const std::string& database() const { return config_.db_path; }
  // Stops the server and starts a new one on the same database.
  void restart();

  // The data key file: next to the SQLite file, or the one made for PostgreSQL.
  std::string key_path() const;
  // Runs one SQL statement on the server's database, behind the server's back
  // (a test ageing a row): a SQLite connection of its own, or a PostgreSQL one.
  void execute_sql(const std::string& sql);
  // What the database holds at rest, for a search for personal data: the bytes
  // of the SQLite file and its write-ahead log, or on PostgreSQL every row of
  // every table as text (bytea in hex: see PostgresTestDb::dump).
  std::string stored_data() const;

 private:
  TempDir dir_;
  std::unique_ptr<PostgresTestDb> postgres_;
  std::string db_path_;
  app::Config config_;
  std::unique_ptr<app::Application> app_;
};

// A network body for POST /api/v1/networks.
nlohmann::json network_body(const std::string& slug);
// A valid request body for POST /api/v1/networks/{slug}/posts.
nlohmann::json request_body(const std::string& title = "Groceries for a family of four");

// Creates the network network_body(slug) as the operator does (no admin).
void create_network(TestServer& server, const std::string& slug);
// Signs up `email` and signs in through the API; returns the session token.
std::string sign_in_new_account(HttpClient& client, const std::string& email);

// Signs up `email`, signs in, and redeems an organizer key of `slug` made
// by the operator: the account becomes the network's admin (an organizer
// and more). Returns the session token.
std::string sign_in_new_admin(TestServer& server, HttpClient& client, const std::string& slug,
                              const std::string& email);

// A fixture with a running server, a client and one network "riverside"
// (made by the operator, so it has no admin yet).
class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  // Creates a post; returns {id, manage_token}.
  std::pair<std::int64_t, std::string> create_post(const nlohmann::json& body,
                                                   const std::string& slug = "riverside");

  // The session of an account signed up for this test (made on first use),
  // for routes that need someone signed in, such as creating a network.
  const std::string& account_session();

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;

 private:
  std::string session_;
};

}  // namespace gapfill::testing
