#include "store/sql/list_codec.hpp"
#include "store/sql/repositories.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kNetworkColumns =
    "id, slug, name, description, centre_lat, centre_lon, radius_km, languages, timezone,"
    " retention_days, post_expiry_days, listed, created_at, public_grid_km, public_uuid,"
    " contact_email, contact_website, contact_phone, area_geojson";

Network read_network(const Statement& row) {
  Network network;
  network.id = row.int64(0);
  network.slug = row.text(1);
  network.name = row.text(2);
  network.description = row.text(3);
  network.area.centre = {row.real(4), row.real(5)};
  network.area.radius_km = row.real(6);
  network.languages = split_list(row.text(7));
  network.timezone = row.text(8);
  network.retention_days = static_cast<int>(row.int64(9));
  network.post_expiry_days = static_cast<int>(row.int64(10));
  network.listed = row.int64(11) != 0;
  network.created_at = row.int64(12);
  network.public_grid_km = row.real(13);
  network.public_uuid = row.text(14);
  network.contact = {row.text(15), row.text(16), row.text(17)};
  network.area.geojson = row.text(18);
  return network;
}

}  // namespace

Result<NetworkId> SqlNetworkRepository::insert(const Network& network,
                                               const std::vector<Category>& categories) {
  {
    auto taken = TRY(db_.prepare("SELECT 1 FROM networks WHERE slug = ?"));
    taken.bind(1, network.slug);
    if (TRY(taken.step())) {
      return std::unexpected(Error{ErrorCode::kConflict,
                                   "A network with this slug already exists.",
                                   {{"slug", Message{"error.taken", {}}}}});
    }
  }
  auto statement = TRY(db_.prepare(
      "INSERT INTO networks (slug, name, description, centre_lat, centre_lon, radius_km,"
      " languages, timezone, retention_days, post_expiry_days, listed, created_at,"
      " public_grid_km, public_uuid, contact_email, contact_website, contact_phone, area_geojson)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.bind(1, network.slug)
      .bind(2, network.name)
      .bind(3, network.description)
      .bind(4, network.area.centre.lat)
      .bind(5, network.area.centre.lon)
      .bind(6, network.area.radius_km)
      .bind(7, join_list(network.languages))
      .bind(8, network.timezone)
      .bind(9, network.retention_days)
      .bind(10, network.post_expiry_days)
      .bind(11, network.listed ? 1 : 0)
      .bind(12, network.created_at)
      .bind(13, network.public_grid_km)
      .bind(14, network.public_uuid.empty() ? std::nullopt
                                            : std::optional<std::string>(network.public_uuid))
      .bind(15, network.contact.email)
      .bind(16, network.contact.website)
      .bind(17, network.contact.phone)
      .bind(18, network.area.geojson);
  TRY_STATUS(statement.run());
  const NetworkId id = TRY(db_.last_insert_id());
  for (const Category& category : categories) {
    auto insert_category =
        TRY(db_.prepare("INSERT INTO categories (network_id, key, position) VALUES (?, ?, ?)"));
    insert_category.bind(1, id).bind(2, category.key).bind(3, category.position);
    TRY_STATUS(insert_category.run());
    for (const auto& [language, label] : category.labels) {
      auto insert_label = TRY(db_.prepare(
          "INSERT INTO category_labels (network_id, key, language, label) VALUES (?, ?, ?, ?)"));
      insert_label.bind(1, id).bind(2, category.key).bind(3, language).bind(4, label);
      TRY_STATUS(insert_label.run());
    }
  }
  return id;
}

Status SqlNetworkRepository::update_area(NetworkId id, const ServiceArea& area) {
  auto statement =
      TRY(db_.prepare("UPDATE networks SET centre_lat = ?, centre_lon = ?, radius_km = ?,"
                      " area_geojson = ? WHERE id = ?"));
  statement.bind(1, area.centre.lat)
      .bind(2, area.centre.lon)
      .bind(3, area.radius_km)
      .bind(4, area.geojson)
      .bind(5, id);
  TRY_STATUS(statement.run());
  if (db_.changes() == 0) return not_found("Network");
  return {};
}

Result<Network> SqlNetworkRepository::find_by_slug(const std::string& slug) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kNetworkColumns + " FROM networks WHERE slug = ?"));
  statement.bind(1, slug);
  if (!TRY(statement.step())) return not_found("Network");
  return read_network(statement);
}

Result<Network> SqlNetworkRepository::find_by_id(NetworkId id) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kNetworkColumns + " FROM networks WHERE id = ?"));
  statement.bind(1, id);
  if (!TRY(statement.step())) return not_found("Network");
  return read_network(statement);
}

Result<std::vector<Network>> SqlNetworkRepository::list() {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kNetworkColumns + " FROM networks ORDER BY slug"));
  std::vector<Network> networks;
  while (TRY(statement.step())) networks.push_back(read_network(statement));
  return networks;
}

Status SqlNetworkRepository::set_contact(NetworkId id, const PublicContact& contact) {
  auto statement =
      TRY(db_.prepare("UPDATE networks SET contact_email = ?, contact_website = ?, contact_phone = "
                      "? WHERE id = ?"));
  statement.bind(1, contact.email).bind(2, contact.website).bind(3, contact.phone).bind(4, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Network");
  return {};
}

Result<std::int64_t> SqlNetworkRepository::change_mark() {
  auto statement = TRY(db_.prepare("SELECT seq FROM change_marks WHERE name = 'networks'"));
  if (!TRY(statement.step())) return 0;
  return statement.int64(0);
}

Result<std::vector<Category>> SqlNetworkRepository::categories(NetworkId id) {
  auto statement = TRY(
      db_.prepare("SELECT c.key, c.position, l.language, l.label FROM categories c"
                  " LEFT JOIN category_labels l ON l.network_id = c.network_id AND l.key = c.key"
                  " WHERE c.network_id = ? ORDER BY c.position, c.key, l.language"));
  statement.bind(1, id);
  std::vector<Category> categories;
  while (TRY(statement.step())) {
    std::string key = statement.text(0);
    if (categories.empty() || categories.back().key != key) {
      categories.push_back(Category{std::move(key), static_cast<int>(statement.int64(1)), {}});
    }
    if (!statement.is_null(2)) categories.back().labels[statement.text(2)] = statement.text(3);
  }
  return categories;
}

}  // namespace gapfill::store::sql
