#pragma once
// Possible duplicates: when a request is created (by its poster or an
// organizer's intake), it is compared with the network's live requests of
// the same category made in the last limits::kDuplicateWindowDays days (at
// most limits::kDuplicateCandidatesMax, newest first). The best one that
// engine/duplicate_score.hpp judges alike (the same contact and a title in
// common, or nearby and a similar title) is recorded as a flag for the
// network's organizers. The requester sees nothing of it: the post is made
// as usual, and contacts are compared in memory only, never stored or logged.
//
// Organizers merge a flag (the newer request is closed as a duplicate of the
// older one, as OrganizerService::mark_duplicate does, in one transaction
// with the flag's resolution) or dismiss it. Merging keeps both histories:
// the surviving request gets a "merged" event naming the other post
// ("post=ID"), and its history as organizers read it includes the merged
// post's events, each tagged with its post id. The merged post's live
// matches are cancelled, as mark_duplicate does: the people helping are told
// by the match's status, and the survivor is where help goes on.

#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "domain/authorization.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

class Services;

// A flag with both requests as organizers see them.
struct DuplicateItem {
  DuplicateFlag flag;
  Post post;     // the newer request
  Post of_post;  // the older, live request it looks like
};

// In the write transaction that created `post`: flags it as a possible
// duplicate when it is a request very like a live one. Returns the flag's id,
// if any.
Result<std::optional<DuplicateFlagId>> flag_possible_duplicate(store::Transaction& transaction,
                                                               const Post& post, UnixSeconds now);

// Closes `post` as a duplicate of the live post `original` (both of one
// network), with the line in its history; kConflict when `post` can no
// longer change or `original` is not live. For mark_duplicate and merge.
Status close_as_duplicate(store::Transaction& transaction, Post& post, const Post& original,
                          UnixSeconds now, std::vector<Post>& changed);

// Adds to `events` (post `id`'s history) the events of the posts merged into
// it, then orders them all by time and id.
Status add_merged_history(store::Transaction& transaction, PostId id,
                          std::vector<PostEvent>& events);

class DuplicateService {
 public:
  explicit DuplicateService(Services& services) : services_(services) {}
  // The network's open flags (both requests still live), oldest first, at
  // most limits::kDuplicateFlagsMax. Organizers only (kWorkQueue).
  Result<std::vector<DuplicateItem>> list(const std::string& network_slug, const Actor& actor);
  // Merges the flagged request into the one it repeats; audited.
  // kNotFound for a flag of another network, kConflict when it was resolved
  // already or either request is no longer live.
  Result<DuplicateItem> merge(const std::string& network_slug, const Actor& actor,
                              DuplicateFlagId id);
  // Records that the two are not duplicates; audited. kConflict when resolved.
  Result<DuplicateItem> dismiss(const std::string& network_slug, const Actor& actor,
                                DuplicateFlagId id);

 private:
  Result<DuplicateItem> load(DuplicateFlagId id);
  Services& services_;
};

}  // namespace gapfill::domain
