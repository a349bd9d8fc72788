#include "store/sql/repositories.hpp"
#include "store/sql/sealed.hpp"

// A message body is personal data: sealed at rest (store/sql/sealed.hpp).
namespace gapfill::store::sql {

Result<MessageId> SqlMessageRepository::insert(const RelayMessage& message) {
  auto statement =
      TRY(db_.prepare("INSERT INTO match_messages (match_id, network_id, side, body, created_at)"
                      " VALUES (?, ?, ?, ?, ?)"));
  statement.bind(1, message.match_id).bind(2, message.network_id).bind(3, to_string(message.side));
  bind_sealed(statement, 4, cipher_, message.body);
  statement.bind(5, message.created_at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<std::vector<RelayMessage>> SqlMessageRepository::list_for_match(MatchId match_id,
                                                                       MessageId after, int limit) {
  auto statement =
      TRY(db_.prepare("SELECT id, match_id, network_id, side, body, created_at FROM match_messages"
                      " WHERE match_id = ? AND id > ? AND erased = 0 ORDER BY id LIMIT ?"));
  statement.bind(1, match_id).bind(2, after).bind(3, limit);
  std::vector<RelayMessage> messages;
  while (TRY(statement.step())) {
    RelayMessage message;
    message.id = statement.int64(0);
    message.match_id = statement.int64(1);
    message.network_id = statement.int64(2);
    message.side = parse_message_side(statement.text(3)).value_or(MessageSide::kOrganizer);
    message.body = TRY(read_sealed(statement, 4, cipher_));
    message.created_at = statement.int64(5);
    messages.push_back(std::move(message));
  }
  return messages;
}

Result<int> SqlMessageRepository::count_for_match(MatchId match_id) {
  auto statement = TRY(db_.prepare("SELECT count(*) FROM match_messages WHERE match_id = ?"));
  statement.bind(1, match_id);
  TRY(statement.step());
  return static_cast<int>(statement.int64(0));
}

Result<int> SqlMessageRepository::erase_for_post(PostId post_id) {
  auto statement =
      TRY(db_.prepare("UPDATE match_messages SET body = '', erased = 1 WHERE match_id IN"
                      " (SELECT id FROM matches WHERE request_id = ? OR offer_id = ?)"));
  statement.bind(1, post_id).bind(2, post_id);
  TRY_STATUS(statement.run());
  return db_.changes();
}

Result<std::optional<UnixSeconds>> SqlMessageRepository::last_notice(MatchId match_id,
                                                                     MessageSide side) {
  auto statement = TRY(db_.prepare(
      "SELECT last_sent_at FROM match_message_notices WHERE match_id = ? AND side = ?"));
  statement.bind(1, match_id).bind(2, to_string(side));
  if (!TRY(statement.step())) return std::optional<UnixSeconds>{};
  return std::optional<UnixSeconds>{statement.int64(0)};
}

Status SqlMessageRepository::record_notice(MatchId match_id, MessageSide side, UnixSeconds at) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO match_message_notices (network_id, match_id, side, last_sent_at)"
      " VALUES ((SELECT network_id FROM matches WHERE id = ?), ?, ?, ?)"
      " ON CONFLICT (match_id, side) DO UPDATE SET last_sent_at = excluded.last_sent_at"));
  statement.bind(1, match_id).bind(2, match_id).bind(3, to_string(side)).bind(4, at);
  return statement.run();
}

}  // namespace gapfill::store::sql
