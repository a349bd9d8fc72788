// Personal data sealed at rest, seen through the running server: the database
// (its files on SQLite, its rows on PostgreSQL) holds none of it after writes through the API, the
// token holders read it back, and a bad key file stops the server at start with a clear error.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/field_cipher.hpp"
#include "store/key_file.hpp"
#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::match_path;
using endpoint_tests::private_request;
using nlohmann::json;

const std::vector<std::string> kSecrets = {
    "Zebulon Quartermaine",         "zq.private@example.org",   "+1 406 555 0199",
    "behind the blue house on Elm", "secret-details-marker",    "val.hidden@example.org",
    "Knock twice at the side door", "quill.account@example.org"};

std::string hex(const std::string& text) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : text) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0xf]);
  }
  return out;
}

std::string read_bytes(const std::string& path) {
  std::string bytes(std::filesystem::file_size(path), '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

using EncryptionAtRestTest = ApiTest;

TEST_F(EncryptionAtRestTest, TheDatabaseFilesHoldNoneOfThePersonalDataTheTokenHoldersRead) {
  const std::string session = sign_in_new_account(*client, "quill.account@example.org");
  const auto [id, token] = create_post(private_request());
  const auto claimed =
      client->post(post_path(id) + "/claim",
                   {{"volunteer", {{"name", "Val"}, {"email", "val.hidden@example.org"}}},
                    {"note", "Knock twice at the side door"}});
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  const json match = claimed.json()["match"];
  const std::string match_token = claimed.json()["match_token"];

  // On PostgreSQL the dump prints bytea in hex: a secret stored unsealed there
  // would show as its hex digits.
  const std::string stored = server->stored_data();
  for (const std::string& secret : kSecrets) {
    EXPECT_EQ(stored.find(secret), std::string::npos) << "the database holds \"" << secret << '"';
    EXPECT_EQ(stored.find(hex(secret)), std::string::npos)
        << "the database holds \"" << secret << "\" in hex";
  }

  const auto owner = client->get(post_path(id), token);
  ASSERT_EQ(owner.status, 200) << owner.body;
  EXPECT_EQ(owner.json()["contact"]["email"], "zq.private@example.org");
  EXPECT_EQ(owner.json()["contact"]["phone"], "+1 406 555 0199");
  EXPECT_EQ(owner.json()["location"]["text"], "behind the blue house on Elm");
  const auto volunteer = client->get(match_path(match), match_token);
  ASSERT_EQ(volunteer.status, 200) << volunteer.body;
  EXPECT_EQ(volunteer.json()["match"]["volunteer"]["email"], "val.hidden@example.org");
  EXPECT_EQ(volunteer.json()["match"]["note"], "Knock twice at the side door");
  EXPECT_EQ(volunteer.json()["request"]["contact"]["email"], "zq.private@example.org");

  // The same after a restart, which reads the key file made on the first run.
  server->restart();
  client = std::make_unique<HttpClient>(server->port());
  EXPECT_EQ(client->get(post_path(id), token).json()["contact"]["phone"], "+1 406 555 0199");
  EXPECT_EQ(client->get("/api/v1/account", session).json()["email"], "quill.account@example.org");
  EXPECT_EQ(client
                ->post("/api/v1/sessions", {{"email", "Quill.Account@example.org"},
                                            {"password", "correct horse battery staple"}})
                .status,
            201);
}

TEST_F(EncryptionAtRestTest, TheKeyFileIsMadeReadableByItsOwnerAlone) {
  struct stat info {};
  ASSERT_EQ(::stat(server->key_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

// Restarts the server, expecting it to refuse with a message holding `expected`.
void expect_refused_start(TestServer& server, const std::string& expected) {
  try {
    server.restart();
    ADD_FAILURE() << "the server started";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
  }
}

TEST_F(EncryptionAtRestTest, AKeyFileReadableByOthersAWrongOneOrNoneStopsTheStart) {
  create_post(private_request());
  const std::string key_path = server->key_path();
  const std::string good_key = read_bytes(key_path);

  ASSERT_EQ(::chmod(key_path.c_str(), 0644), 0);
  expect_refused_start(*server, "chmod 600");
  ASSERT_EQ(::chmod(key_path.c_str(), 0600), 0);

  std::filesystem::remove(key_path);
  const auto other = *store::FieldCipher::create({{1, store::FieldCipher::random_key()}}, 1);
  ASSERT_TRUE(store::create_key_file(key_path, other));
  expect_refused_start(*server, "wrong key file");

  std::filesystem::remove(key_path);
  expect_refused_start(*server, "is missing; restore the key file from your backup");
  EXPECT_FALSE(std::filesystem::exists(key_path)) << "a new key was made for sealed data";

  {
    std::ofstream out(key_path, std::ios::binary);
    out << good_key;
  }
  ASSERT_EQ(::chmod(key_path.c_str(), 0600), 0);
  server->restart();
}

}  // namespace
}  // namespace gapfill::testing
