#include "domain/duplicates.hpp"

#include <algorithm>

#include "base/limits.hpp"
#include "domain/audit.hpp"
#include "domain/history.hpp"
#include "domain/lifecycle.hpp"
#include "domain/organizer_access.hpp"
#include "domain/services.hpp"
#include "domain/transitions.hpp"
#include "engine/duplicate_score.hpp"

namespace gapfill::domain {
namespace {

duplicates::Sample sample_of(const Post& post) {
  return {post.title, post.contact.email, post.contact.phone, post.point};
}

// Same contact counts most, then being nearby, then the titles' likeness.
double rank(const duplicates::Verdict& verdict) {
  return (verdict.same_contact ? 4.0 : 0.0) + (verdict.nearby ? 2.0 : 0.0) + verdict.similarity;
}

Result<Post> find_post_in(store::Transaction& transaction, NetworkId network, PostId id) {
  Post post = TRY(transaction.posts().find_for_update(id));
  if (post.network_id != network) return not_found("Post");
  return post;
}

Result<DuplicateFlag> find_open_flag(store::Transaction& transaction, NetworkId network,
                                     DuplicateFlagId id) {
  const DuplicateFlag flag = TRY(transaction.duplicate_flags().find(id));
  if (flag.network_id != network) return not_found("Possible duplicate");
  if (flag.resolved_at) {
    return fail(ErrorCode::kConflict, "This possible duplicate was resolved already.");
  }
  return flag;
}

}  // namespace

Result<std::optional<DuplicateFlagId>> flag_possible_duplicate(store::Transaction& transaction,
                                                               const Post& post, UnixSeconds now) {
  if (post.kind != PostKind::kRequest) return std::optional<DuplicateFlagId>();
  store::PostFilter filter;
  filter.network_id = post.network_id;
  filter.kind = PostKind::kRequest;
  filter.category = post.category;
  filter.statuses = {PostStatus::kOpen, PostStatus::kMatched};
  const UnixSeconds since = now - std::int64_t{limits::kDuplicateWindowDays} * 24 * 3600;
  // One more than the cap, as the new post is among them.
  const auto candidates = TRY(
      transaction.posts().list_newest(filter, std::nullopt, limits::kDuplicateCandidatesMax + 1));
  const duplicates::Thresholds thresholds{limits::kDuplicateNearbyKm,
                                          limits::kDuplicateSimilarTitle,
                                          limits::kDuplicateSameContactTitle};
  const Post* best = nullptr;
  duplicates::Verdict best_verdict;
  for (const Post& candidate : candidates) {
    if (candidate.id == post.id) continue;
    if (candidate.created_at < since) break;  // newest first: the rest are older
    const duplicates::Verdict verdict =
        duplicates::judge(sample_of(post), sample_of(candidate), thresholds);
    if (!verdict.flagged) continue;
    if (best == nullptr || rank(verdict) > rank(best_verdict)) {
      best = &candidate;
      best_verdict = verdict;
    }
  }
  if (best == nullptr) return std::optional<DuplicateFlagId>();
  DuplicateFlag flag;
  flag.network_id = post.network_id;
  flag.post_id = post.id;
  flag.of_post_id = best->id;
  flag.score = best_verdict.similarity;
  flag.reasons = {best_verdict.same_contact, best_verdict.nearby, best_verdict.similar_title};
  flag.distance_km = best_verdict.distance_km;
  flag.created_at = now;
  return std::optional<DuplicateFlagId>(TRY(transaction.duplicate_flags().insert(flag)));
}

Status close_as_duplicate(store::Transaction& transaction, Post& post, const Post& original,
                          UnixSeconds now, std::vector<Post>& changed) {
  if (!is_changeable(post.status)) {
    return fail(ErrorCode::kConflict, "This post is " + std::string(to_string(post.status)) +
                                          " and can no longer change.");
  }
  if (!is_active(original.status)) {
    return fail(ErrorCode::kConflict,
                "The post it repeats is " + std::string(to_string(original.status)) + ".");
  }
  post.duplicate_of = original.id;
  TRY_STATUS(close_post(transaction, post, CloseReason::kDuplicate, now, changed));
  return record_event(transaction, post, "organizer", std::nullopt, "duplicate", now);
}

Status add_merged_history(store::Transaction& transaction, PostId id,
                          std::vector<PostEvent>& events) {
  for (const DuplicateFlag& flag : TRY(transaction.duplicate_flags().list_merged_into(id))) {
    for (PostEvent& event : TRY(transaction.events().list_for_post(flag.post_id))) {
      events.push_back(std::move(event));
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const PostEvent& a, const PostEvent& b) {
    return a.at != b.at ? a.at < b.at : a.id < b.id;
  });
  return {};
}

Result<std::vector<DuplicateItem>> DuplicateService::list(const std::string& network_slug,
                                                          const Actor& actor) {
  std::vector<DuplicateItem> items;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kWorkQueue));
    for (DuplicateFlag& flag : TRY(transaction.duplicate_flags().list_open(
             organizing.network.id, limits::kDuplicateFlagsMax))) {
      DuplicateItem item;
      item.post = TRY(transaction.posts().find(flag.post_id));
      item.of_post = TRY(transaction.posts().find(flag.of_post_id));
      item.flag = std::move(flag);
      items.push_back(std::move(item));
    }
    return {};
  }));
  return items;
}

Result<DuplicateItem> DuplicateService::merge(const std::string& network_slug, const Actor& actor,
                                              DuplicateFlagId id) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction,
                                 std::vector<Post>& changed) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kWorkQueue));
    const NetworkId network = organizing.network.id;
    const DuplicateFlag flag = TRY(find_open_flag(transaction, network, id));
    Post post = TRY(find_post_in(transaction, network, flag.post_id));
    const Post original = TRY(find_post_in(transaction, network, flag.of_post_id));
    TRY_STATUS(close_as_duplicate(transaction, post, original, now, changed));
    TRY_STATUS(record_event(transaction, original, "merged", std::nullopt,
                            "post=" + std::to_string(post.id), now));
    TRY_STATUS(transaction.duplicate_flags().resolve(id, DuplicateResolution::kMerged, now,
                                                     actor.account));
    return record_audit(
        transaction, network, organizing.actor, "merge_duplicate", {"duplicate_flag", id},
        "post=" + std::to_string(post.id) + " duplicate_of=" + std::to_string(original.id), now);
  }));
  return load(id);
}

Result<DuplicateItem> DuplicateService::dismiss(const std::string& network_slug, const Actor& actor,
                                                DuplicateFlagId id) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kWorkQueue));
    const DuplicateFlag flag = TRY(find_open_flag(transaction, organizing.network.id, id));
    TRY_STATUS(transaction.duplicate_flags().resolve(id, DuplicateResolution::kDismissed, now,
                                                     actor.account));
    return record_audit(
        transaction, organizing.network.id, organizing.actor, "dismiss_duplicate",
        {"duplicate_flag", id},
        "post=" + std::to_string(flag.post_id) + " of=" + std::to_string(flag.of_post_id), now);
  }));
  return load(id);
}

Result<DuplicateItem> DuplicateService::load(DuplicateFlagId id) {
  DuplicateItem item;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    item.flag = TRY(transaction.duplicate_flags().find(id));
    item.post = TRY(transaction.posts().find(item.flag.post_id));
    item.of_post = TRY(transaction.posts().find(item.flag.of_post_id));
    return {};
  }));
  return item;
}

}  // namespace gapfill::domain
