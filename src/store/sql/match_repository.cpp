#include "store/sql/repositories.hpp"
#include "store/sql/sealed.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kMatchColumns =
    "id, network_id, request_id, offer_id, volunteer, volunteer_name, volunteer_email,"
    " volunteer_phone, quantity, note, status, token_hash, created_at, updated_at, account_id";

Result<Match> read_match(const Statement& row, const FieldCipher& cipher) {
  Match match;
  match.id = row.int64(0);
  match.network_id = row.int64(1);
  match.request_id = row.int64(2);
  match.offer_id = row.optional_int64(3);
  if (row.int64(4) != 0) {
    match.volunteer = Volunteer{TRY(read_sealed(row, 5, cipher)), TRY(read_sealed(row, 6, cipher)),
                                TRY(read_sealed(row, 7, cipher))};
  }
  match.quantity = row.int64(8);
  match.note = TRY(read_sealed(row, 9, cipher));
  match.status = parse_match_status(row.text(10)).value_or(MatchStatus::kCancelled);
  match.token_hash = row.text(11);
  match.created_at = row.int64(12);
  match.updated_at = row.int64(13);
  match.account_id = row.optional_int64(14);
  return match;
}

constexpr const char* kEventColumns =
    "id, post_id, network_id, match_id, type, from_status, to_status, reason, at";

}  // namespace

Result<MatchId> SqlMatchRepository::insert(const Match& match) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO matches (network_id, request_id, offer_id, volunteer, volunteer_name,"
      " volunteer_email, volunteer_phone, quantity, note, status, token_hash, created_at,"
      " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  const Volunteer volunteer = match.volunteer.value_or(Volunteer{});
  statement.bind(1, match.network_id)
      .bind(2, match.request_id)
      .bind(3, match.offer_id)
      .bind(4, match.volunteer ? 1 : 0)
      .start_at(5);
  add_sealed(statement, cipher_, volunteer.name);
  add_sealed(statement, cipher_, volunteer.email);
  add_sealed(statement, cipher_, volunteer.phone);
  statement.add(match.quantity);
  add_sealed(statement, cipher_, match.note);
  statement.add(to_string(match.status))
      .add(match.token_hash)
      .add(match.created_at)
      .add(match.updated_at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<Match> SqlMatchRepository::find(MatchId id) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kMatchColumns + " FROM matches WHERE id = ?"));
  statement.bind(1, id);
  if (!TRY(statement.step())) return not_found("Match");
  return read_match(statement, cipher_);
}

Status SqlMatchRepository::update(const Match& match) {
  auto statement = TRY(db_.prepare(
      "UPDATE matches SET status = ?, quantity = ?, note = ?, updated_at = ? WHERE id = ?"));
  statement.bind(1, to_string(match.status)).bind(2, match.quantity).start_at(3);
  add_sealed(statement, cipher_, match.note);
  statement.add(match.updated_at).add(match.id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Match");
  return {};
}

Result<std::vector<Match>> SqlMatchRepository::list_for_post(PostId post_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kMatchColumns +
                                   " FROM matches WHERE request_id = ? OR offer_id = ?"
                                   " ORDER BY id"));
  statement.bind(1, post_id).bind(2, post_id);
  std::vector<Match> matches;
  while (TRY(statement.step())) matches.push_back(TRY(read_match(statement, cipher_)));
  return matches;
}

Result<int> SqlMatchRepository::erase_personal_data_for_post(PostId post_id) {
  auto statement = TRY(db_.prepare(
      "UPDATE matches SET volunteer_name = '', volunteer_email = '', volunteer_phone = '',"
      " note = '' WHERE request_id = ? OR offer_id = ?"));
  statement.bind(1, post_id).bind(2, post_id);
  TRY_STATUS(statement.run());
  return db_.changes();
}

Status SqlMatchRepository::erase_personal_data(MatchId id) {
  auto statement = TRY(db_.prepare(
      "UPDATE matches SET volunteer_name = '', volunteer_email = '', volunteer_phone = '',"
      " note = '' WHERE id = ?"));
  statement.bind(1, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Match");
  return {};
}

Status SqlMatchRepository::set_account(MatchId id, AccountId account_id) {
  auto statement = TRY(db_.prepare("UPDATE matches SET account_id = ? WHERE id = ?"));
  statement.bind(1, account_id).bind(2, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Match");
  return {};
}

Result<std::vector<Match>> SqlMatchRepository::list_for_account(AccountId account_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kMatchColumns +
                                   " FROM matches WHERE account_id = ? ORDER BY id"));
  statement.bind(1, account_id);
  std::vector<Match> matches;
  while (TRY(statement.step())) matches.push_back(TRY(read_match(statement, cipher_)));
  return matches;
}

// One row per account: live matches, and matches since `since` not cancelled.
constexpr const char* kLoadColumns =
    "account_id, sum(CASE WHEN status IN ('proposed', 'accepted') THEN 1 ELSE 0 END),"
    " sum(CASE WHEN created_at >= ? AND status != 'cancelled' THEN 1 ELSE 0 END)";

Result<VolunteerLoad> SqlMatchRepository::volunteer_load(NetworkId network_id, AccountId account_id,
                                                         UnixSeconds since) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kLoadColumns +
                                   " FROM matches WHERE network_id = ? AND account_id = ?"
                                   " GROUP BY account_id"));
  statement.bind(1, since).bind(2, network_id).bind(3, account_id);
  VolunteerLoad load;
  if (TRY(statement.step())) {
    load.active = static_cast<int>(statement.optional_int64(1).value_or(0));
    load.this_week = static_cast<int>(statement.optional_int64(2).value_or(0));
  }
  return load;
}

Result<std::map<AccountId, VolunteerLoad>> SqlMatchRepository::volunteer_loads(NetworkId network_id,
                                                                               UnixSeconds since) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kLoadColumns +
                                   " FROM matches WHERE network_id = ? AND account_id IS NOT NULL"
                                   " GROUP BY account_id"));
  statement.bind(1, since).bind(2, network_id);
  std::map<AccountId, VolunteerLoad> loads;
  while (TRY(statement.step())) {
    loads[statement.int64(0)] =
        VolunteerLoad{static_cast<int>(statement.int64(1)), static_cast<int>(statement.int64(2))};
  }
  return loads;
}

Result<std::vector<Match>> SqlMatchRepository::list_for_account_in_network(AccountId account_id,
                                                                           NetworkId network_id,
                                                                           int limit) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kMatchColumns +
                                   " FROM matches WHERE account_id = ? AND network_id = ?"
                                   " ORDER BY id DESC LIMIT ?"));
  statement.bind(1, account_id).bind(2, network_id).bind(3, limit);
  std::vector<Match> matches;
  while (TRY(statement.step())) matches.push_back(TRY(read_match(statement, cipher_)));
  return matches;
}

Result<std::map<PostId, std::int64_t>> SqlMatchRepository::committed_quantities(
    NetworkId network_id) {
  auto statement = TRY(db_.prepare(
      "SELECT post_id, SUM(quantity) FROM ("
      " SELECT request_id AS post_id, quantity FROM matches"
      "  WHERE network_id = ?1 AND status != 'cancelled'"
      " UNION ALL SELECT offer_id, quantity FROM matches"
      "  WHERE network_id = ?1 AND status != 'cancelled' AND offer_id IS NOT NULL) AS committed"
      " GROUP BY post_id"));
  statement.bind(1, network_id);
  std::map<PostId, std::int64_t> committed;
  while (TRY(statement.step())) committed.emplace(statement.int64(0), statement.int64(1));
  return committed;
}

Status SqlEventRepository::append(const PostEvent& event) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO post_events (post_id, network_id, match_id, type, from_status, to_status,"
      " reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.bind(1, event.post_id)
      .bind(2, event.network_id)
      .bind(3, event.match_id)
      .bind(4, event.type)
      .bind(5, event.from_status)
      .bind(6, event.to_status)
      .bind(7, event.reason)
      .bind(8, event.at);
  return statement.run();
}

Result<std::vector<PostEvent>> SqlEventRepository::list_for_post(PostId post_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kEventColumns +
                                   " FROM post_events WHERE post_id = ? ORDER BY id"));
  statement.bind(1, post_id);
  std::vector<PostEvent> events;
  while (TRY(statement.step())) {
    PostEvent event;
    event.id = statement.int64(0);
    event.post_id = statement.int64(1);
    event.network_id = statement.int64(2);
    event.match_id = statement.optional_int64(3);
    event.type = statement.text(4);
    event.from_status = statement.text(5);
    event.to_status = statement.text(6);
    event.reason = statement.text(7);
    event.at = statement.int64(8);
    events.push_back(std::move(event));
  }
  return events;
}

Result<int> SqlEventRepository::count_reaching_status(NetworkId network_id, PostKind kind,
                                                      PostStatus status, UnixSeconds since) {
  // The partial index post_events_status_changes answers the event side.
  auto statement = TRY(db_.prepare(
      "SELECT count(DISTINCT e.post_id) FROM post_events e JOIN posts p ON p.id = e.post_id"
      " WHERE e.network_id = ? AND e.type = 'status' AND e.to_status = ? AND e.at >= ?"
      " AND p.kind = ? AND p.hidden_at IS NULL"));
  statement.bind(1, network_id).bind(2, to_string(status)).bind(3, since).bind(4, to_string(kind));
  TRY(statement.step());
  return static_cast<int>(statement.int64(0));
}

}  // namespace gapfill::store::sql
