#include "domain/history.hpp"

namespace gapfill::domain {

Status record_status(store::Transaction& transaction, const Post& post, PostStatus from,
                     std::optional<MatchId> match_id, std::string reason, UnixSeconds at) {
  PostEvent event;
  event.post_id = post.id;
  event.network_id = post.network_id;
  event.match_id = match_id;
  event.type = "status";
  event.from_status = std::string(to_string(from));
  event.to_status = std::string(to_string(post.status));
  event.reason = std::move(reason);
  event.at = at;
  return transaction.events().append(event);
}

Status record_event(store::Transaction& transaction, const Post& post, std::string type,
                    std::optional<MatchId> match_id, std::string detail, UnixSeconds at) {
  PostEvent event;
  event.post_id = post.id;
  event.network_id = post.network_id;
  event.match_id = match_id;
  event.type = std::move(type);
  event.to_status = std::string(to_string(post.status));
  event.reason = std::move(detail);
  event.at = at;
  return transaction.events().append(event);
}

}  // namespace gapfill::domain
