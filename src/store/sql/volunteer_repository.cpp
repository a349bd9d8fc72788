// Volunteers' availability per network. name and place_text are sealed at
// rest (store/sqlite/sealed.cpp).

#include "store/sql/list_codec.hpp"
#include "store/sql/repositories.hpp"
#include "store/sql/sealed.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kProfileColumns =
    "network_id, account_id, name, available, categories, lat, lon, place_text,"
    " max_distance_km, languages, max_active, max_per_week, available_from, available_until,"
    " created_at, updated_at";

Result<VolunteerProfile> read_profile(const Statement& row, const FieldCipher& cipher) {
  VolunteerProfile profile;
  profile.network_id = row.int64(0);
  profile.account_id = row.int64(1);
  profile.name = TRY(read_sealed(row, 2, cipher));
  profile.available = row.int64(3) != 0;
  profile.categories = split_list(row.text(4));
  profile.point = geo::Point{row.real(5), row.real(6)};
  profile.place_text = TRY(read_sealed(row, 7, cipher));
  profile.max_distance_km = row.real(8);
  profile.languages = split_list(row.text(9));
  profile.max_active = static_cast<int>(row.int64(10));
  profile.max_per_week = static_cast<int>(row.int64(11));
  profile.available_from = row.optional_int64(12);
  profile.available_until = row.optional_int64(13);
  profile.created_at = row.int64(14);
  profile.updated_at = row.int64(15);
  return profile;
}

}  // namespace

Status SqlVolunteerRepository::upsert(const VolunteerProfile& profile) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO volunteer_profiles (network_id, account_id, name, available, categories, lat,"
      " lon, place_text, max_distance_km, languages, max_active, max_per_week, available_from,"
      " available_until, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (network_id, account_id) DO UPDATE SET name = excluded.name,"
      " available = excluded.available, categories = excluded.categories, lat = excluded.lat,"
      " lon = excluded.lon, place_text = excluded.place_text,"
      " max_distance_km = excluded.max_distance_km, languages = excluded.languages,"
      " max_active = excluded.max_active, max_per_week = excluded.max_per_week,"
      " available_from = excluded.available_from, available_until = excluded.available_until,"
      " updated_at = excluded.updated_at"));
  statement.bind(1, profile.network_id).bind(2, profile.account_id).start_at(3);
  add_sealed(statement, cipher_, profile.name);
  statement.add(profile.available ? 1 : 0)
      .add(join_list(profile.categories))
      .add(profile.point.lat)
      .add(profile.point.lon);
  add_sealed(statement, cipher_, profile.place_text);
  statement.add(profile.max_distance_km)
      .add(join_list(profile.languages))
      .add(profile.max_active)
      .add(profile.max_per_week)
      .add(profile.available_from)
      .add(profile.available_until)
      .add(profile.created_at)
      .add(profile.updated_at);
  return statement.run();
}

Result<std::optional<VolunteerProfile>> SqlVolunteerRepository::find(NetworkId network_id,
                                                                     AccountId account_id) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kProfileColumns +
                      " FROM volunteer_profiles WHERE network_id = ? AND account_id = ?"));
  statement.bind(1, network_id).bind(2, account_id);
  if (!TRY(statement.step())) return std::optional<VolunteerProfile>();
  return std::optional<VolunteerProfile>(TRY(read_profile(statement, cipher_)));
}

Result<std::vector<VolunteerProfile>> SqlVolunteerRepository::list(NetworkId network_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kProfileColumns +
                                   " FROM volunteer_profiles WHERE network_id = ?"
                                   " ORDER BY account_id"));
  statement.bind(1, network_id);
  std::vector<VolunteerProfile> profiles;
  while (TRY(statement.step())) profiles.push_back(TRY(read_profile(statement, cipher_)));
  return profiles;
}

Result<std::vector<VolunteerProfile>> SqlVolunteerRepository::list_for_account(
    AccountId account_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kProfileColumns +
                                   " FROM volunteer_profiles WHERE account_id = ?"
                                   " ORDER BY network_id"));
  statement.bind(1, account_id);
  std::vector<VolunteerProfile> profiles;
  while (TRY(statement.step())) profiles.push_back(TRY(read_profile(statement, cipher_)));
  return profiles;
}

Status SqlVolunteerRepository::remove(NetworkId network_id, AccountId account_id) {
  auto statement =
      TRY(db_.prepare("DELETE FROM volunteer_profiles WHERE network_id = ? AND account_id = ?"));
  statement.bind(1, network_id).bind(2, account_id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Volunteer profile");
  return {};
}

}  // namespace gapfill::store::sql
