// The matcher's dismissed suggestions (store/store.hpp SuggestionRepository).

#include "store/sql/repositories.hpp"

namespace gapfill::store::sql {

Status SqlSuggestionRepository::dismiss(const DismissedSuggestion& dismissed) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO suggestion_dismissals (network_id, request_id, offer_id, volunteer_id,"
      " dismissed_by, dismissed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
  statement.bind(1, dismissed.network_id)
      .bind(2, dismissed.request_id)
      .bind(3, dismissed.offer_id)
      .bind(4, dismissed.volunteer_id)
      .bind(5, dismissed.dismissed_by)
      .bind(6, dismissed.dismissed_at);
  return statement.run();
}

Result<std::vector<DismissedSuggestion>> SqlSuggestionRepository::list_dismissed(
    NetworkId network_id) {
  auto statement = TRY(
      db_.prepare("SELECT d.network_id, d.request_id, d.offer_id, d.volunteer_id, d.dismissed_by,"
                  " d.dismissed_at FROM suggestion_dismissals d JOIN posts p ON p.id = d.request_id"
                  " WHERE d.network_id = ? AND p.status IN ('open', 'matched') ORDER BY d.id"));
  statement.bind(1, network_id);
  std::vector<DismissedSuggestion> dismissed;
  while (TRY(statement.step())) {
    DismissedSuggestion row;
    row.network_id = statement.int64(0);
    row.request_id = statement.int64(1);
    row.offer_id = statement.optional_int64(2);
    row.volunteer_id = statement.optional_int64(3);
    row.dismissed_by = statement.optional_int64(4);
    row.dismissed_at = statement.int64(5);
    dismissed.push_back(row);
  }
  return dismissed;
}

}  // namespace gapfill::store::sql
