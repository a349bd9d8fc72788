// Personal fields sealed at rest: the cipher, the key file, and the SQLite
// store's sealing, upgrade of plaintext, key checks and rotation.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "store/field_cipher.hpp"
#include "store/key_file.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gapfill::store {
namespace {

class Folder {
 public:
  Folder() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("gapfill-sealed-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~Folder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

FieldCipher keyring(std::map<KeyId, DataKey> keys, KeyId current) {
  return *FieldCipher::create(std::move(keys), current);
}

std::shared_ptr<const FieldCipher> shared(const FieldCipher& cipher) {
  return std::make_shared<const FieldCipher>(cipher);
}

std::unique_ptr<Store> open(const std::string& path, const FieldCipher& cipher) {
  SqliteOptions options;
  options.path = path;
  options.cipher = shared(cipher);
  auto store = open_sqlite_store(options);
  EXPECT_TRUE(store) << store.error().message;
  EXPECT_TRUE((*store)->migrate());
  return std::move(*store);
}

std::string read_bytes(const std::string& path) {
  std::string bytes(std::filesystem::file_size(path), '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

constexpr const char* kEmail = "zq.private@example.org";
constexpr const char* kPhone = "+1 406 555 0199";
constexpr const char* kPlace = "behind the blue house on Elm";
constexpr const char* kVolunteerEmail = "volunteer.hidden@example.org";

// A network, a request with contact details, and a volunteer's match.
std::pair<PostId, MatchId> seed(Store& store) {
  PostId post_id = 0;
  MatchId match_id = 0;
  const auto written = store.write([&](Transaction& transaction) -> Status {
    Network network;
    network.slug = "riverside";
    network.name = "Riverside";
    network.area = {{46.87, -113.99}, 40};
    network.languages = {"en"};
    network.timezone = "UTC";
    network.retention_days = 30;
    network.post_expiry_days = 30;
    const NetworkId network_id =
        TRY(transaction.networks().insert(network, {{"transport", 0, {{"en", "Rides"}}}}));
    Post post;
    post.network_id = network_id;
    post.category = "transport";
    post.title = "A ride to the clinic";
    post.details = "I use a cane.";
    post.point = {46.875, -113.995};
    post.location_text = kPlace;
    post.contact = {"Zebulon", kEmail, kPhone, ContactMethod::kPhone};
    post.ride = Ride{"Northside", "the clinic", std::nullopt, false, 1, {"wheelchair"}};
    post.manage_token_hash = std::string(64, 'a');
    post_id = TRY(transaction.posts().insert(post));
    Match match;
    match.network_id = network_id;
    match.request_id = post_id;
    match.volunteer = Volunteer{"Val", kVolunteerEmail, "+1 406 555 0111"};
    match.note = "I can come at noon.";
    match_id = TRY(transaction.matches().insert(match));
    return {};
  });
  EXPECT_TRUE(written) << written.error().message;
  return {post_id, match_id};
}

void expect_readable(Store& store, PostId post_id, MatchId match_id) {
  const auto read = store.read([&](Transaction& transaction) -> Status {
    const Post post = TRY(transaction.posts().find(post_id));
    EXPECT_EQ(post.contact.email, kEmail);
    EXPECT_EQ(post.contact.phone, kPhone);
    EXPECT_EQ(post.location_text, kPlace);
    EXPECT_EQ(post.details, "I use a cane.");
    EXPECT_EQ(post.ride->pickup_area, "Northside");
    EXPECT_EQ(post.ride->accessibility_needs, std::vector<std::string>{"wheelchair"});
    const Match match = TRY(transaction.matches().find(match_id));
    EXPECT_EQ(match.volunteer->email, kVolunteerEmail);
    EXPECT_EQ(match.note, "I can come at noon.");
    return {};
  });
  EXPECT_TRUE(read) << read.error().message;
}

// Runs one query on the file and returns its first column of its first row.
std::string query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
  std::string out;
  if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return out;
}

// How many sealed values name `key_id`, over every sealed column.
int count_under_key(const std::string& path, KeyId key_id) {
  const std::string hex = "'" + std::string(8 - std::to_string(key_id).size(), '0') +
                          std::to_string(key_id) + "'";  // ids below 10 in these tests
  int total = 0;
  for (const char* column :
       {"details", "location_text", "contact_name", "contact_email", "contact_phone",
        "ride_pickup_area", "ride_dropoff_area", "ride_accessibility"}) {
    total +=
        std::stoi(query(path, std::string("SELECT count(*) FROM posts WHERE typeof(") + column +
                                  ") = 'blob' AND hex(substr(" + column + ", 2, 4)) = " + hex));
  }
  for (const char* column : {"volunteer_name", "volunteer_email", "volunteer_phone", "note"}) {
    total +=
        std::stoi(query(path, std::string("SELECT count(*) FROM matches WHERE typeof(") + column +
                                  ") = 'blob' AND hex(substr(" + column + ", 2, 4)) = " + hex));
  }
  return total;
}

TEST(FieldCipher, SealsWithAFreshNonceAndOpensWhatItSealed) {
  const auto cipher = keyring({{7, FieldCipher::random_key()}}, 7);
  const std::string a = cipher.seal(kEmail);
  const std::string b = cipher.seal(kEmail);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), FieldCipher::kOverheadBytes + std::string(kEmail).size());
  EXPECT_EQ(a.find(kEmail), std::string::npos);
  EXPECT_EQ(FieldCipher::key_id_of(a), KeyId{7});
  EXPECT_EQ(*cipher.open(a), kEmail);
  EXPECT_EQ(*cipher.open(cipher.seal("")), "");
}

TEST(FieldCipher, AWrongKeyAnUnknownKeyOrADamagedValueIsAnErrorNotGarbage) {
  const auto cipher = keyring({{1, FieldCipher::random_key()}}, 1);
  const std::string sealed = cipher.seal(kPhone);
  const auto impostor = keyring({{1, FieldCipher::random_key()}}, 1);
  EXPECT_FALSE(impostor.open(sealed));
  const auto other = keyring({{2, FieldCipher::random_key()}}, 2);
  const auto unknown = other.open(sealed);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("data key 1"), std::string::npos);
  std::string damaged = sealed;
  damaged.back() = static_cast<char>(damaged.back() ^ 1);
  EXPECT_FALSE(cipher.open(damaged));
  EXPECT_FALSE(cipher.open("plain text"));
  EXPECT_FALSE(FieldCipher::create({{1, FieldCipher::random_key()}}, 2));
}

TEST(KeyFile, IsCreatedOnceWithMode0600AndReadBack) {
  Folder folder;
  const std::string path = folder.file("gapfill.db.key");
  EXPECT_FALSE(*read_key_file(path));
  const auto cipher = keyring({{1, FieldCipher::random_key()}, {2, FieldCipher::random_key()}}, 2);
  ASSERT_TRUE(create_key_file(path, cipher));
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_FALSE(create_key_file(path, cipher)) << "a second first run replaced the key";
  const auto read = read_key_file(path);
  ASSERT_TRUE(read && *read) << (read ? "" : read.error().message);
  EXPECT_EQ((*read)->current_key_id(), KeyId{2});
  EXPECT_EQ((*read)->keys(), cipher.keys());
  EXPECT_EQ(*(*read)->open(cipher.seal(kEmail)), kEmail);
}

TEST(KeyFile, ReadableByOthersOrMalformedIsRefused) {
  Folder folder;
  const std::string path = folder.file("gapfill.db.key");
  ASSERT_TRUE(create_key_file(path, keyring({{1, FieldCipher::random_key()}}, 1)));
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  const auto shared_file = read_key_file(path);
  ASSERT_FALSE(shared_file);
  EXPECT_NE(shared_file.error().message.find("chmod 600"), std::string::npos);
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  std::ofstream(path) << "1 not-base64\n";
  const auto malformed = read_key_file(path);
  ASSERT_FALSE(malformed);
  EXPECT_NE(malformed.error().message.find("line 1"), std::string::npos);
}

TEST(SealedFields, PersonalFieldsAreSealedInTheFileAndOpenOnRead) {
  Folder folder;
  const std::string path = folder.file("gapfill.db");
  const auto cipher = keyring({{1, FieldCipher::random_key()}}, 1);
  auto store = open(path, cipher);
  const auto [post_id, match_id] = seed(*store);
  EXPECT_EQ(query(path, "SELECT typeof(contact_email) FROM posts"), "blob");
  EXPECT_EQ(query(path, "SELECT typeof(volunteer_email) FROM matches"), "blob");
  EXPECT_EQ(query(path, "SELECT title FROM posts"), "A ride to the clinic");  // public stays plain
  for (const std::string& file : {path, path + "-wal"}) {
    const std::string bytes = read_bytes(file);
    for (const char* secret : {kEmail, kPhone, kPlace, kVolunteerEmail, "I can come at noon"}) {
      EXPECT_EQ(bytes.find(secret), std::string::npos) << file << " holds " << secret;
    }
  }
  expect_readable(*store, post_id, match_id);
  EXPECT_TRUE(store->check_data_keys());
  EXPECT_EQ(*store->reseal_batch(100), 0);
}

TEST(SealedFields, PlaintextFromBeforeSealingIsReadAndThenSealed) {
  Folder folder;
  const std::string path = folder.file("gapfill.db");
  const auto cipher = keyring({{1, FieldCipher::random_key()}}, 1);
  auto store = open(path, cipher);
  const auto [post_id, match_id] = seed(*store);
  // As a database written before sealing holds them: TEXT.
  query(path, std::string("UPDATE posts SET contact_email = '") + kEmail + "', location_text = '" +
                  kPlace + "'");
  query(path, std::string("UPDATE matches SET volunteer_email = '") + kVolunteerEmail + "'");
  EXPECT_EQ(query(path, "SELECT typeof(contact_email) FROM posts"), "text");
  expect_readable(*store, post_id, match_id);
  EXPECT_EQ(*store->reseal_batch(2), 2);
  EXPECT_EQ(*store->reseal_batch(100), 1);
  EXPECT_EQ(*store->reseal_batch(100), 0);
  EXPECT_EQ(query(path, "SELECT typeof(contact_email) || typeof(location_text) FROM posts"),
            "blobblob");
  expect_readable(*store, post_id, match_id);
}

TEST(SealedFields, AMissingOrWrongKeyIsAClearErrorAtStart) {
  Folder folder;
  const std::string path = folder.file("gapfill.db");
  seed(*open(path, keyring({{1, FieldCipher::random_key()}}, 1)));
  const auto wrong = open(path, keyring({{1, FieldCipher::random_key()}}, 1))->check_data_keys();
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("wrong key file"), std::string::npos)
      << wrong.error().message;
  const auto missing = open(path, keyring({{2, FieldCipher::random_key()}}, 2))->check_data_keys();
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("data key 1, which the key file lacks"), std::string::npos)
      << missing.error().message;
}

TEST(SealedFields, RotationInterruptedAndResumedLeavesNothingUnderTheOldKey) {
  Folder folder;
  const std::string path = folder.file("gapfill.db");
  const DataKey old_key = FieldCipher::random_key();
  const DataKey new_key = FieldCipher::random_key();
  auto store = open(path, keyring({{1, old_key}}, 1));
  const auto [post_id, match_id] = seed(*store);
  const int sealed = count_under_key(path, 1);
  EXPECT_EQ(sealed, 12);
  store.reset();

  // Both keys, the new one current; one batch, then an "interruption".
  store = open(path, keyring({{1, old_key}, {2, new_key}}, 2));
  EXPECT_EQ(*store->reseal_batch(5), 5);
  store.reset();
  EXPECT_EQ(count_under_key(path, 1), sealed - 5);
  EXPECT_EQ(count_under_key(path, 2), 5);

  store = open(path, keyring({{1, old_key}, {2, new_key}}, 2));
  EXPECT_TRUE(store->check_data_keys());
  expect_readable(*store, post_id, match_id);
  int resealed = 0;
  while (const int batch = *store->reseal_batch(3)) resealed += batch;
  EXPECT_EQ(resealed, sealed - 5);
  store.reset();
  EXPECT_EQ(count_under_key(path, 1), 0);
  EXPECT_EQ(count_under_key(path, 2), sealed);

  // The old key retired: everything opens with the new one alone.
  store = open(path, keyring({{2, new_key}}, 2));
  EXPECT_TRUE(store->check_data_keys());
  expect_readable(*store, post_id, match_id);
}

TEST(SealedFields, TheRetentionSweepStillErasesAndEmptyStaysEmpty) {
  Folder folder;
  const std::string path = folder.file("gapfill.db");
  auto store = open(path, keyring({{1, FieldCipher::random_key()}}, 1));
  const auto [post_id, match_id] = seed(*store);
  ASSERT_TRUE(store->write([&](Transaction& transaction) -> Status {
    TRY_STATUS(transaction.posts().erase_personal_data(post_id, 1790000000));
    TRY(transaction.matches().erase_personal_data_for_post(post_id));
    return {};
  }));
  EXPECT_EQ(count_under_key(path, 1), 0);
  EXPECT_EQ(query(path, "SELECT typeof(contact_email) || contact_email FROM posts"), "text");
  EXPECT_EQ(*store->reseal_batch(100), 0);
  ASSERT_TRUE(store->read([&](Transaction& transaction) -> Status {
    const Post post = TRY(transaction.posts().find(post_id));
    EXPECT_TRUE(post.contact.empty());
    EXPECT_TRUE(post.location_text.empty());
    EXPECT_TRUE(TRY(transaction.matches().find(match_id)).volunteer->email.empty());
    return {};
  }));
}

// An account's address: sealed in the file, found by its keyed lookup, and
// still found after an upgrade from plaintext and after key rotation.
TEST(SealedFields, AccountAddressesAreSealedAndFoundByTheirLookup) {
  Folder folder;
  const std::string path = folder.file("gapfill.db");
  const std::string address = "sam.sealed@example.org";
  const DataKey old_key = FieldCipher::random_key();
  const DataKey new_key = FieldCipher::random_key();
  const auto find = [&](Store& store) -> Result<Account> {
    Result<Account> found = fail(ErrorCode::kInternal, "not run");
    EXPECT_TRUE(store.read([&](Transaction& t) -> Status {
      found = t.accounts().find_by_email(address);
      return {};
    }));
    return found;
  };
  auto store = open(path, keyring({{1, old_key}}, 1));
  AccountId id = 0;
  ASSERT_TRUE(store->write([&](Transaction& t) -> Status {
    Account account;
    account.email = address;
    account.password_hash = "hash";
    id = TRY(t.accounts().insert(account));
    Account again = account;
    again.email = address;
    EXPECT_EQ(t.accounts().insert(again).error().code, ErrorCode::kConflict);
    return {};
  }));
  EXPECT_EQ(query(path, "SELECT typeof(email) FROM accounts"), "blob");
  EXPECT_EQ(find(*store).value().id, id);
  EXPECT_EQ(find(*store).value().email, address);
  store.reset();
  for (const std::string& file : {path, path + "-wal"}) {
    if (std::filesystem::exists(file)) {
      EXPECT_EQ(read_bytes(file).find(address), std::string::npos) << file;
    }
  }

  // A database from before sealing: the address in plaintext, no lookup.
  query(path, "UPDATE accounts SET email = '" + address + "', email_lookup = NULL");
  store = open(path, keyring({{1, old_key}}, 1));
  EXPECT_FALSE(find(*store));
  while (*store->reseal_batch(100) != 0) {
  }
  EXPECT_EQ(query(path, "SELECT typeof(email) FROM accounts"), "blob");
  EXPECT_EQ(find(*store).value().id, id);
  const std::string before = query(path, "SELECT email_lookup FROM accounts");
  store.reset();

  // Rotation: the lookup is computed again under the new key.
  store = open(path, keyring({{1, old_key}, {2, new_key}}, 2));
  while (*store->reseal_batch(100) != 0) {
  }
  store.reset();
  EXPECT_NE(query(path, "SELECT email_lookup FROM accounts"), before);
  store = open(path, keyring({{2, new_key}}, 2));
  EXPECT_EQ(find(*store).value().email, address);
}

}  // namespace
}  // namespace gapfill::store
