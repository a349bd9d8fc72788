// Possible duplicates of requests. Nothing here is personal data: post ids,
// a score, the reasons and a distance between public points.

#include <string>

#include "store/sql/repositories.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kColumns =
    "id, network_id, post_id, of_post_id, score, reasons, distance_km, created_at, resolved_at,"
    " resolution, resolved_by";

std::string reasons_text(const DuplicateReasons& reasons) {
  std::string text;
  const auto add = [&](bool on, const char* name) {
    if (!on) return;
    if (!text.empty()) text += ',';
    text += name;
  };
  add(reasons.same_contact, "same_contact");
  add(reasons.nearby, "nearby");
  add(reasons.similar_title, "similar_title");
  return text;
}

DuplicateReasons parse_reasons(const std::string& text) {
  DuplicateReasons reasons;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string_view name(text.data() + start, end - start);
    if (name == "same_contact") reasons.same_contact = true;
    if (name == "nearby") reasons.nearby = true;
    if (name == "similar_title") reasons.similar_title = true;
    start = end + 1;
  }
  return reasons;
}

DuplicateFlag read_flag(const Statement& row) {
  DuplicateFlag flag;
  flag.id = row.int64(0);
  flag.network_id = row.int64(1);
  flag.post_id = row.int64(2);
  flag.of_post_id = row.int64(3);
  flag.score = row.real(4);
  flag.reasons = parse_reasons(row.text(5));
  flag.distance_km = row.real(6);
  flag.created_at = row.int64(7);
  flag.resolved_at = row.optional_int64(8);
  if (!row.is_null(9)) flag.resolution = parse_duplicate_resolution(row.text(9));
  flag.resolved_by = row.optional_int64(10);
  return flag;
}

Result<std::vector<DuplicateFlag>> read_all(Statement& statement) {
  std::vector<DuplicateFlag> flags;
  while (TRY(statement.step())) flags.push_back(read_flag(statement));
  return flags;
}

}  // namespace

Result<DuplicateFlagId> SqlDuplicateFlagRepository::insert(const DuplicateFlag& flag) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO duplicate_flags (network_id, post_id, of_post_id, score, reasons, distance_km,"
      " created_at, resolved_at, resolution, resolved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.add(flag.network_id)
      .add(flag.post_id)
      .add(flag.of_post_id)
      .add(flag.score)
      .add(reasons_text(flag.reasons))
      .add(flag.distance_km)
      .add(flag.created_at)
      .add(flag.resolved_at);
  if (flag.resolution) {
    statement.add(std::string(to_string(*flag.resolution)));
  } else {
    statement.add_null();
  }
  statement.add(flag.resolved_by);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<DuplicateFlag> SqlDuplicateFlagRepository::find(DuplicateFlagId id) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kColumns + " FROM duplicate_flags WHERE id = ?"));
  statement.bind(1, id);
  if (!TRY(statement.step())) return fail(ErrorCode::kNotFound, "Duplicate flag not found.");
  return read_flag(statement);
}

Result<std::vector<DuplicateFlag>> SqlDuplicateFlagRepository::list_open(NetworkId network_id,
                                                                         int limit) {
  // Both requests still live: a flag whose request closed otherwise is moot.
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kColumns +
                      " FROM duplicate_flags WHERE network_id = ? AND resolved_at IS NULL"
                      " AND (SELECT status FROM posts WHERE id = post_id) IN ('open', 'matched')"
                      " AND (SELECT status FROM posts WHERE id = of_post_id) IN ('open', 'matched')"
                      " ORDER BY id LIMIT ?"));
  statement.bind(1, network_id).bind(2, limit);
  return read_all(statement);
}

Result<std::vector<DuplicateFlag>> SqlDuplicateFlagRepository::list_merged_into(PostId of_post_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kColumns +
                                   " FROM duplicate_flags WHERE of_post_id = ? AND resolution ="
                                   " 'merged' ORDER BY id"));
  statement.bind(1, of_post_id);
  return read_all(statement);
}

Status SqlDuplicateFlagRepository::resolve(DuplicateFlagId id, DuplicateResolution resolution,
                                           UnixSeconds at, std::optional<AccountId> by) {
  auto statement =
      TRY(db_.prepare("UPDATE duplicate_flags SET resolved_at = ?, resolution = ?, resolved_by = ?"
                      " WHERE id = ? AND resolved_at IS NULL"));
  statement.bind(1, at).bind(2, to_string(resolution)).bind(3, by).bind(4, id);
  TRY_STATUS(statement.run());
  if (db_.changes() == 1) return {};
  TRY(find(id));  // kNotFound for no such flag
  return fail(ErrorCode::kConflict, "This possible duplicate was resolved already.");
}

}  // namespace gapfill::store::sql
