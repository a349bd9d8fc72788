// Organizer keys and site settings.

#include "store/sql/repositories.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kKeyColumns = "id, network_id, key_hash, label, created_at, revoked_at";

OrganizerKey read_key(const Statement& row) {
  OrganizerKey key;
  key.id = row.int64(0);
  key.network_id = row.int64(1);
  key.key_hash = row.text(2);
  key.label = row.text(3);
  key.created_at = row.int64(4);
  key.revoked_at = row.optional_int64(5);
  return key;
}

}  // namespace

Result<std::int64_t> SqlOrganizerKeyRepository::insert(const OrganizerKey& key) {
  auto statement = TRY(
      db_.prepare("INSERT INTO organizer_keys (network_id, key_hash, label, created_at, revoked_at)"
                  " VALUES (?, ?, ?, ?, ?)"));
  statement.bind(1, key.network_id)
      .bind(2, key.key_hash)
      .bind(3, key.label)
      .bind(4, key.created_at)
      .bind(5, key.revoked_at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<OrganizerKey> SqlOrganizerKeyRepository::find_by_hash(const std::string& key_hash) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kKeyColumns +
                                   " FROM organizer_keys WHERE key_hash = ?"));
  statement.bind(1, key_hash);
  if (!TRY(statement.step())) return not_found("Organizer key");
  return read_key(statement);
}

Result<std::vector<OrganizerKey>> SqlOrganizerKeyRepository::list_for_network(
    NetworkId network_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kKeyColumns +
                                   " FROM organizer_keys WHERE network_id = ? ORDER BY id"));
  statement.bind(1, network_id);
  std::vector<OrganizerKey> keys;
  while (TRY(statement.step())) keys.push_back(read_key(statement));
  return keys;
}

Status SqlOrganizerKeyRepository::revoke(std::int64_t id, UnixSeconds at) {
  auto statement = TRY(
      db_.prepare("UPDATE organizer_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?"));
  statement.bind(1, at).bind(2, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Organizer key");
  return {};
}

Result<std::optional<std::string>> SqlSettingsRepository::get(const std::string& name) {
  auto statement = TRY(db_.prepare("SELECT value FROM settings WHERE name = ?"));
  statement.bind(1, name);
  if (!TRY(statement.step())) return std::optional<std::string>();
  return std::optional<std::string>(statement.blob(0));
}

Status SqlSettingsRepository::put(const std::string& name, const std::string& value) {
  auto statement =
      TRY(db_.prepare("INSERT INTO settings (name, value) VALUES (?, ?)"
                      " ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
  statement.bind(1, name).bind_blob(2, value);
  return statement.run();
}

}  // namespace gapfill::store::sql
