#include "store/sql/post_filter.hpp"

namespace gapfill::store::sql {

std::string filter_clause(const PostFilter& filter) {
  std::string clause = filter.network_id != 0 ? "network_id = ?" : "1 = 1";
  if (filter.kind) clause += " AND kind = ?";
  if (filter.category) clause += " AND category = ?";
  if (filter.urgency) clause += " AND urgency = ?";
  if (filter.visibility == PostFilter::Visibility::kPublic) clause += " AND hidden_at IS NULL";
  if (!filter.statuses.empty()) {
    clause += " AND status IN (";
    for (std::size_t i = 0; i < filter.statuses.size(); ++i) clause += i == 0 ? "?" : ", ?";
    clause += ")";
  }
  return clause;
}

void bind_filter(Statement& statement, const PostFilter& filter) {
  statement.start_at(1);
  if (filter.network_id != 0) statement.add(filter.network_id);
  if (filter.kind) statement.add(to_string(*filter.kind));
  if (filter.category) statement.add(*filter.category);
  if (filter.urgency) statement.add(to_string(*filter.urgency));
  for (PostStatus status : filter.statuses) statement.add(to_string(status));
}

}  // namespace gapfill::store::sql
