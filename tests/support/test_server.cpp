#include "support/test_server.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string_view>

#include "http/decode.hpp"
#include "support/postgres_test_db.hpp"

namespace gapfill::testing {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("gapfill-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

bool testing_on_postgres() {
  const char* backend = std::getenv("GAPFILL_TEST_BACKEND");
  return backend != nullptr && std::string_view(backend) == "postgres";
}

TestServer::TestServer(const std::function<void(app::Config&)>& adjust) {
  spdlog::set_level(spdlog::level::warn);
  db_path_ = (dir_.path() / "gapfill.db").string();
  config_.db_path = db_path_;
  if (testing_on_postgres()) {
    postgres_ = std::make_unique<PostgresTestDb>();
    config_.db_path = postgres_->url();
    config_.data_key_file = (dir_.path() / "gapfill.key").string();
  }
  config_.listen = "127.0.0.1:0";
  // Suites create dozens of posts from one address; rate-limit tests turn
  // the limits on again in `adjust`.
  config_.rate_limits_enabled = false;
  if (adjust) adjust(config_);
  restart();
}

void TestServer::restart() {
  if (app_) app_->stop();
  app_.reset();
  auto opened = app::Application::open(config_);
  if (!opened) throw std::runtime_error("cannot open the test server: " + opened.error().message);
  app_ = std::move(*opened);
  app_->start();
}

std::string TestServer::key_path() const {
  return postgres_ ? config_.data_key_file : db_path_ + ".key";
}

void TestServer::execute_sql(const std::string& sql) {
  if (postgres_) {
    postgres_->execute(sql);
    return;
  }
  sqlite3* db = nullptr;
  const int opened = sqlite3_open(db_path_.c_str(), &db);
  char* message = nullptr;
  const int ran =
      opened == SQLITE_OK ? sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) : opened;
  const std::string error = message != nullptr ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  sqlite3_close(db);
  if (ran != SQLITE_OK) throw std::runtime_error("execute_sql: " + sql + ": " + error);
}

std::string TestServer::stored_data() const {
  if (postgres_) return postgres_->dump();
  std::string bytes;
  for (const std::string& file : {db_path_, db_path_ + "-wal"}) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("stored_data: cannot read " + file);
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return bytes;
}

TestServer::~TestServer() {
  if (app_) app_->stop();
  app_.reset();  // its connections close before the database is dropped
}

nlohmann::json network_body(const std::string& slug) {
  return {{"slug", slug},
          {"name", "Riverside Mutual Aid"},
          {"description", "Neighbours helping neighbours."},
          {"area", {{"lat", 46.87}, {"lon", -113.99}, {"radius_km", 40}}},
          {"languages", {"en", "es"}},
          {"timezone", "America/Denver"}};
}

nlohmann::json request_body(const std::string& title) {
  return {{"kind", "request"},
          {"category", "food"},
          {"title", title},
          {"details", "Two adults, two kids; no pork please."},
          {"quantity", 1},
          {"urgency", "week"},
          {"location", {{"lat", 46.8721}, {"lon", -113.9940}, {"text", "near the library"}}},
          {"contact",
           {{"name", "Sam"},
            {"phone", "+1 406 555 0100"},
            {"email", "sam@example.org"},
            {"method", "phone"}}}};
}

void create_network(TestServer& server, const std::string& slug) {
  http::Request request;
  request.body = network_body(slug).dump();
  const auto draft = http::decode_network(request);
  ASSERT_TRUE(draft) << draft.error().message;
  const auto created = server.app().services().networks().create(*draft);
  ASSERT_TRUE(created) << created.error().message;
}

std::string sign_in_new_account(HttpClient& client, const std::string& email) {
  const nlohmann::json credentials = {{"email", email},
                                      {"password", "correct horse battery staple"}};
  const auto created = client.post("/api/v1/accounts", credentials);
  EXPECT_LT(created.status, 300) << created.body;
  const auto session = client.post("/api/v1/sessions", credentials);
  EXPECT_EQ(session.status, 201) << session.body;
  return session.json().value("session_token", "");
}

std::string sign_in_new_admin(TestServer& server, HttpClient& client, const std::string& slug,
                              const std::string& email) {
  const std::string session = sign_in_new_account(client, email);
  const auto issued = server.app().services().organizer().issue_key(slug, email);
  EXPECT_TRUE(issued);
  if (!issued) return session;
  const auto redeemed =
      client.post("/api/v1/networks/" + slug + "/admin-key", {{"token", issued->key}}, session);
  EXPECT_LT(redeemed.status, 300) << redeemed.body;
  return session;
}

void ApiTest::SetUp() {
  server = std::make_unique<TestServer>();
  client = std::make_unique<HttpClient>(server->port());
  create_network(*server, "riverside");
}

const std::string& ApiTest::account_session() {
  if (session_.empty()) session_ = sign_in_new_account(*client, "creator@example.org");
  return session_;
}

std::pair<std::int64_t, std::string> ApiTest::create_post(const nlohmann::json& body,
                                                          const std::string& slug) {
  const auto created = client->post("/api/v1/networks/" + slug + "/posts", body);
  if (created.status != 201) {
    ADD_FAILURE() << "creating a post failed: " << created.status << " " << created.body;
    return {0, ""};
  }
  const auto json = created.json();
  return {json["post"]["id"].get<std::int64_t>(), json["manage_token"].get<std::string>()};
}

}  // namespace gapfill::testing
