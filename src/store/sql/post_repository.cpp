#include <algorithm>
#include <string>

#include "store/sql/list_codec.hpp"
#include "store/sql/post_filter.hpp"
#include "store/sql/post_geo.hpp"
#include "store/sql/repositories.hpp"
#include "store/sql/sealed.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kPostColumns =
    "id, network_id, kind, category, title, details, quantity, urgency, window_from, window_to,"
    " lat, lon, location_text, contact_name, contact_email, contact_phone, contact_method,"
    " ride, ride_pickup_area, ride_dropoff_area, ride_appointment_at, ride_return_trip,"
    " ride_passengers, ride_accessibility, status, close_reason, created_at, updated_at,"
    " waiting_since, manage_token_hash, duplicate_of, entered_by_organizer, languages,"
    " max_distance_km";

// What a SELECT of whole posts reads: the written columns, then the one only
// the retention sweep writes, those only set_hidden writes and the one only
// set_account writes.
std::string select_posts() {
  return std::string("SELECT ") + kPostColumns +
         ", personal_data_erased_at, hidden_at, hidden_reason, account_id, version";
}

Result<Post> read_post(const Statement& row, const FieldCipher& cipher) {
  Post post;
  post.id = row.int64(0);
  post.network_id = row.int64(1);
  post.kind = parse_post_kind(row.text(2)).value_or(PostKind::kRequest);
  post.category = row.text(3);
  post.title = row.text(4);
  post.details = TRY(read_sealed(row, 5, cipher));
  post.quantity = row.optional_int64(6);
  post.urgency = parse_urgency(row.text(7)).value_or(Urgency::kFlexible);
  post.window_from = row.optional_int64(8);
  post.window_to = row.optional_int64(9);
  post.point = {row.real(10), row.real(11)};
  post.location_text = TRY(read_sealed(row, 12, cipher));
  post.contact.name = TRY(read_sealed(row, 13, cipher));
  post.contact.email = TRY(read_sealed(row, 14, cipher));
  post.contact.phone = TRY(read_sealed(row, 15, cipher));
  post.contact.method = parse_contact_method(row.text(16)).value_or(ContactMethod::kSite);
  if (row.int64(17) != 0) {
    Ride ride;
    ride.pickup_area = TRY(read_sealed(row, 18, cipher));
    ride.dropoff_area = TRY(read_sealed(row, 19, cipher));
    ride.appointment_at = row.optional_int64(20);
    ride.return_trip = row.int64(21) != 0;
    ride.passengers = static_cast<int>(row.int64(22));
    ride.accessibility_needs = split_list(TRY(read_sealed(row, 23, cipher)));
    post.ride = std::move(ride);
  }
  post.status = parse_post_status(row.text(24)).value_or(PostStatus::kOpen);
  if (!row.is_null(25)) post.close_reason = parse_close_reason(row.text(25));
  post.created_at = row.int64(26);
  post.updated_at = row.int64(27);
  post.waiting_since = row.int64(28);
  post.manage_token_hash = row.text(29);
  post.duplicate_of = row.optional_int64(30);
  post.entered_by_organizer = row.int64(31) != 0;
  post.languages = split_list(row.text(32));
  if (!row.is_null(33)) post.max_distance_km = row.real(33);
  post.personal_data_erased_at = row.optional_int64(34);
  if (!row.is_null(35)) {
    post.hidden = Hidden{row.int64(35),
                         parse_moderation_reason(row.text(36)).value_or(ModerationReason::kOther)};
  }
  post.account_id = row.optional_int64(37);
  post.version = row.int64(38);
  return post;
}

// Binds every column but id, from position `first`, in kPostColumns order.
void bind_post_columns(Statement& statement, const Post& post, const FieldCipher& cipher) {
  statement.add(post.network_id).add(to_string(post.kind)).add(post.category).add(post.title);
  add_sealed(statement, cipher, post.details)
      .add(post.quantity)
      .add(to_string(post.urgency))
      .add(post.window_from)
      .add(post.window_to)
      .add(post.point.lat)
      .add(post.point.lon);
  add_sealed(statement, cipher, post.location_text);
  add_sealed(statement, cipher, post.contact.name);
  add_sealed(statement, cipher, post.contact.email);
  add_sealed(statement, cipher, post.contact.phone);
  statement.add(to_string(post.contact.method));
  const Ride ride = post.ride.value_or(Ride{});
  statement.add(post.ride ? 1 : 0);
  add_sealed(statement, cipher, ride.pickup_area);
  add_sealed(statement, cipher, ride.dropoff_area);
  statement.add(ride.appointment_at).add(ride.return_trip ? 1 : 0).add(ride.passengers);
  add_sealed(statement, cipher, join_list(ride.accessibility_needs));
  statement.add(to_string(post.status));
  if (post.close_reason) {
    statement.add(to_string(*post.close_reason));
  } else {
    statement.add_null();
  }
  statement.add(post.created_at)
      .add(post.updated_at)
      .add(post.waiting_since)
      .add(post.manage_token_hash)
      .add(post.duplicate_of)
      .add(post.entered_by_organizer ? 1 : 0)
      .add(join_list(post.languages))
      .add(post.max_distance_km);
}

// The WHERE clause for a filter; `bind_filter` binds its values in order.
}  // namespace

Result<PostId> SqlPostRepository::insert(const Post& post) {
  auto statement = TRY(db_.prepare(
      std::string("INSERT INTO posts (") + (kPostColumns + 4) +
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      " ?, ?, ?, ?, ?, ?)"));
  bind_post_columns(statement, post, cipher_);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<Post> SqlPostRepository::find(PostId id) {
  auto statement = TRY(db_.prepare(select_posts() + " FROM posts WHERE id = ?"));
  statement.bind(1, id);
  if (!TRY(statement.step())) return not_found("Post");
  return read_post(statement, cipher_);
}

Status SqlPostRepository::update(const Post& post) {
  auto statement = TRY(db_.prepare(
      "UPDATE posts SET network_id = ?, kind = ?, category = ?, title = ?, details = ?,"
      " quantity = ?, urgency = ?, window_from = ?, window_to = ?, lat = ?, lon = ?,"
      " location_text = ?, contact_name = ?, contact_email = ?, contact_phone = ?,"
      " contact_method = ?, ride = ?, ride_pickup_area = ?, ride_dropoff_area = ?,"
      " ride_appointment_at = ?, ride_return_trip = ?, ride_passengers = ?,"
      " ride_accessibility = ?, status = ?, close_reason = ?, created_at = ?, updated_at = ?,"
      " waiting_since = ?, manage_token_hash = ?, duplicate_of = ?, entered_by_organizer = ?"
      ", languages = ?, max_distance_km = ?, version = version + 1 WHERE id = ? AND version = ?"));
  bind_post_columns(statement, post, cipher_);
  statement.add(post.id).add(post.version);
  TRY_STATUS(statement.run());
  if (db_.changes() == 1) return {};
  auto exists = TRY(db_.prepare("SELECT version FROM posts WHERE id = ?"));
  exists.bind(1, post.id);
  if (!TRY(exists.step())) return not_found("Post");
  return fail(ErrorCode::kConflict, "The post was changed since it was read.");
}

Result<std::vector<Post>> SqlPostRepository::list_newest(const PostFilter& filter,
                                                         std::optional<NewestCursor> after,
                                                         int limit) {
  std::string sql = select_posts() + " FROM posts WHERE " + filter_clause(filter);
  if (after) sql += " AND (created_at < ? OR (created_at = ? AND id < ?))";
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  auto statement = TRY(db_.prepare(sql));
  bind_filter(statement, filter);
  if (after) statement.add(after->created_at).add(after->created_at).add(after->id);
  statement.add(limit);
  std::vector<Post> posts;
  while (TRY(statement.step())) posts.push_back(TRY(read_post(statement, cipher_)));
  return posts;
}

Result<std::vector<Post>> SqlPostRepository::list_in_box(const PostFilter& filter,
                                                         const geo::BoundingBox& box) {
  std::vector<GeoEntry> found = TRY(db_.posts_in_box(filter, box, GeoRead::kExact));
  std::sort(found.begin(), found.end(),
            [](const GeoEntry& a, const GeoEntry& b) { return a.id < b.id; });
  std::vector<Post> posts;
  posts.reserve(found.size());
  for (const GeoEntry& entry : found) posts.push_back(TRY(find(entry.id)));
  return posts;
}

Result<std::vector<NearPost>> SqlPostRepository::list_near(const PostFilter& filter,
                                                           geo::Point centre, double radius_km,
                                                           int limit,
                                                           std::optional<NearCursor> after) {
  if (limit <= 0) return std::vector<NearPost>{};
  const std::size_t wanted = static_cast<std::size_t>(limit);
  // The tree gives the entries in the circle's box from its own nodes, each
  // with a point within kPostGeoSlackKm of the exact one: ranked by that, the
  // nearest are read exactly, one by one, until no entry left could be
  // nearer than the page's last (reading every entry's exact point would
  // cost one more page read each, most of a query's time).
  const double after_km = after ? geo::km_for_separation(after->separation) : 0;
  struct Rough {
    double km;
    PostId id;
  };
  std::vector<Rough> rough;
  for (const GeoEntry& entry :
       TRY(db_.posts_in_box(filter, geo::box_around(centre, radius_km), GeoRead::kTree))) {
    const double km = geo::distance_km(centre, entry.point);
    if (km > radius_km + kPostGeoSlackKm) continue;
    if (after && km < after_km - kPostGeoSlackKm) continue;
    rough.push_back({km, entry.id});
  }
  std::sort(rough.begin(), rough.end(), [](const Rough& a, const Rough& b) {
    return a.km != b.km ? a.km < b.km : a.id < b.id;
  });

  const geo::UnitVector from = geo::to_unit_vector(centre);
  const double within = geo::separation_for_km(radius_km);
  const auto nearer = [](const NearCursor& a, const NearCursor& b) {
    return a.separation != b.separation ? a.separation < b.separation : a.id < b.id;
  };
  std::vector<NearCursor> page;  // the nearest so far, in order, at most `wanted`
  for (const Rough& candidate : rough) {
    if (page.size() == wanted &&
        candidate.km > geo::km_for_separation(page.back().separation) + 2 * kPostGeoSlackKm) {
      break;  // this one and every later one are farther than the page's last
    }
    auto statement = TRY(db_.prepare("SELECT lat, lon FROM posts WHERE id = ?"));
    statement.bind(1, candidate.id);
    if (!TRY(statement.step())) continue;
    const NearCursor item{
        geo::separation(from, geo::to_unit_vector({statement.real(0), statement.real(1)})),
        candidate.id};
    if (item.separation > within) continue;
    if (after && !nearer(*after, item)) continue;
    page.insert(std::upper_bound(page.begin(), page.end(), item, nearer), item);
    if (page.size() > wanted) page.pop_back();
  }
  std::vector<NearPost> posts;
  posts.reserve(page.size());
  for (const NearCursor& item : page) {
    posts.push_back(
        NearPost{TRY(find(item.id)), item.separation, geo::km_for_separation(item.separation)});
  }
  return posts;
}

// for_each and for_each_changed read in pages of this many posts, by key: a
// PostgreSQL result is held whole in memory, and the read model's load of a
// million posts in one result would leave the process's heap that much larger.
constexpr int kPageOfPosts = 2000;

namespace {

// Runs `sql`, whose last two parameters are "key > ? ... ORDER BY key LIMIT ?",
// page after page from keys past `after`: `bind` binds the parameters before
// them; `visit` takes a row's post and its key (the column `key_column`).
Status read_in_pages(Database& db, const FieldCipher& cipher, const std::string& sql,
                     int key_column, std::int64_t after,
                     const std::function<void(Statement&)>& bind,
                     const std::function<void(const Post&, std::int64_t)>& visit) {
  for (;;) {
    auto statement = TRY(db.prepare(sql));
    bind(statement);
    statement.add(after).add(kPageOfPosts);
    int rows = 0;
    while (TRY(statement.step())) {
      const Post post = TRY(read_post(statement, cipher));
      after = statement.int64(key_column);
      ++rows;
      visit(post, after);
    }
    if (rows < kPageOfPosts) return {};
  }
}

}  // namespace

Status SqlPostRepository::for_each(const PostFilter& filter,
                                   const std::function<void(const Post&)>& visit) {
  return read_in_pages(
      db_, cipher_,
      select_posts() + " FROM posts WHERE " + filter_clause(filter) +
          " AND id > ? ORDER BY id LIMIT ?",
      0, 0, [&](Statement& statement) { bind_filter(statement, filter); },
      [&](const Post& post, std::int64_t) { visit(post); });
}

Result<std::int64_t> SqlPostRepository::last_change() {
  auto statement = TRY(db_.prepare("SELECT coalesce(max(change_seq), 0) FROM posts"));
  TRY(statement.step());
  return statement.int64(0);
}

Status SqlPostRepository::for_each_changed(
    std::int64_t after, const std::function<void(const Post&, std::int64_t)>& visit) {
  // Column 39: change_seq, after the columns select_posts() names.
  return read_in_pages(
      db_, cipher_,
      select_posts() + ", change_seq FROM posts WHERE change_seq > ? ORDER BY change_seq LIMIT ?",
      39, after, [](Statement& statement) { statement.start_at(1); }, visit);
}

Result<std::vector<PostId>> SqlPostRepository::expired_open_posts(UnixSeconds now, int limit) {
  auto statement =
      TRY(db_.prepare("SELECT p.id FROM posts p JOIN networks n ON n.id = p.network_id"
                      " WHERE p.status = 'open'"
                      " AND ((p.window_to IS NOT NULL AND p.window_to < ?)"
                      "      OR p.created_at < ? - n.post_expiry_days * 86400)"
                      " ORDER BY p.id LIMIT ?"));
  statement.bind(1, now).bind(2, now).bind(3, limit);
  std::vector<PostId> ids;
  while (TRY(statement.step())) ids.push_back(statement.int64(0));
  return ids;
}

Result<std::vector<PostId>> SqlPostRepository::posts_due_for_erasure(UnixSeconds now, int limit) {
  // Per network (CROSS JOIN keeps networks the outer loop), a range of the
  // partial index posts_awaiting_erasure, which holds only closed posts that
  // still have personal data: no full scan, and no sort of a large backlog.
  auto statement = TRY(db_.prepare(
      "SELECT p.id FROM networks n CROSS JOIN posts p"
      " WHERE p.network_id = n.id AND p.status IN ('fulfilled', 'closed')"
      " AND p.personal_data_erased_at IS NULL AND p.updated_at < ? - n.retention_days * 86400"
      " LIMIT ?"));
  statement.bind(1, now).bind(2, limit);
  std::vector<PostId> ids;
  while (TRY(statement.step())) ids.push_back(statement.int64(0));
  return ids;
}

Status SqlPostRepository::erase_personal_data(PostId id, UnixSeconds at) {
  auto statement = TRY(db_.prepare(
      "UPDATE posts SET details = '', location_text = '', contact_name = '',"
      " contact_email = '', contact_phone = '', ride_pickup_area = '', ride_dropoff_area = '',"
      " ride_accessibility = '', personal_data_erased_at = ? WHERE id = ?"));
  statement.bind(1, at).bind(2, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Post");
  return {};
}

Status SqlPostRepository::set_hidden(PostId id, const std::optional<Hidden>& hidden) {
  auto statement =
      TRY(db_.prepare("UPDATE posts SET hidden_at = ?, hidden_reason = ? WHERE id = ?"));
  if (hidden) {
    statement.bind(1, hidden->at).bind(2, to_string(hidden->reason));
  } else {
    statement.bind_null(1).bind_null(2);
  }
  statement.bind(3, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Post");
  return {};
}

Result<std::vector<Post>> SqlPostRepository::list_by_urgency(const PostFilter& filter, int limit,
                                                             int offset) {
  auto statement =
      TRY(db_.prepare(select_posts() + " FROM posts WHERE " + filter_clause(filter) +
                      " ORDER BY CASE urgency WHEN 'today' THEN 0 WHEN 'week' THEN 1 ELSE 2 END,"
                      " waiting_since, id LIMIT ? OFFSET ?"));
  bind_filter(statement, filter);
  statement.add(limit).add(offset);
  std::vector<Post> posts;
  while (TRY(statement.step())) posts.push_back(TRY(read_post(statement, cipher_)));
  return posts;
}

Result<int> SqlPostRepository::count(const PostFilter& filter) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT count(*) FROM posts WHERE ") + filter_clause(filter)));
  bind_filter(statement, filter);
  TRY(statement.step());
  return static_cast<int>(statement.int64(0));
}

Status SqlPostRepository::set_account(PostId id, AccountId account_id) {
  auto statement = TRY(db_.prepare("UPDATE posts SET account_id = ? WHERE id = ?"));
  statement.bind(1, account_id).bind(2, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Post");
  return {};
}

Result<std::vector<Post>> SqlPostRepository::list_for_account(AccountId account_id) {
  auto statement =
      TRY(db_.prepare(select_posts() + " FROM posts WHERE account_id = ? ORDER BY id"));
  statement.bind(1, account_id);
  std::vector<Post> posts;
  while (TRY(statement.step())) posts.push_back(TRY(read_post(statement, cipher_)));
  return posts;
}

}  // namespace gapfill::store::sql
