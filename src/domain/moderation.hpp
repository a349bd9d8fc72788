#pragma once
// Moderation: anyone reports a post; a network's organizers read the open
// reports and resolve them, hide and unhide posts, and block and unblock a
// post's manage token. A hidden post leaves every public listing, map and
// count and its public view answers kGone, while its poster's private link
// still works. A blocked manage token can no longer change its post or its
// matches (kForbidden, saying so). Every organizer action is authorized by
// authorize_organizer (domain/organizer_access.hpp) and appends one event to
// the audit log in its own write transaction.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "domain/authorization.hpp"
#include "domain/drafts.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

class Services;
struct PostView;

// An open report with the post it is about (private fields included).
struct ReportItem {
  Report report;
  Post post;
};

// Oldest first.
struct ReportsPage {
  std::vector<ReportItem> items;
  int total = 0;  // how many open reports the network has
};

// Newest first; `next_before` (when there may be more) asks for the next page.
struct AuditPage {
  std::vector<AuditEvent> items;
  std::optional<std::int64_t> next_before;
};

class ModerationService {
 public:
  explicit ModerationService(Services& services) : services_(services) {}

  // Anyone, no token: reports the post. Returns the report's id. kNotFound
  // for no such post, kGone for a post organizers hid, kInvalid for a
  // missing reason or a bad note.
  Result<std::int64_t> report(PostId id, const ReportDraft& draft);

  // The network's open reports, oldest first. kInvalid for a limit out of
  // 1 to limits::kQueueLimitMax or a negative offset.
  Result<ReportsPage> open_reports(const std::string& network_slug, const Actor& actor, int limit,
                                   int offset);

  // Resolves an open report of the network: kDismissed leaves the post as
  // it is; kHidden hides the post for the report's reason (when it is not
  // hidden yet) and resolves every open report of it. kConflict when the
  // report was resolved already.
  Status resolve_report(const std::string& network_slug, const Actor& actor, std::int64_t report_id,
                        ReportResolution resolution);

  // Takes a post of the network out of public view, for `reason`, and
  // resolves its open reports as hidden; kConflict when it is hidden already.
  Result<PostView> hide(const std::string& network_slug, const Actor& actor, PostId id,
                        ModerationReason reason);
  // Shows a hidden post again; kConflict when it is not hidden.
  Result<PostView> unhide(const std::string& network_slug, const Actor& actor, PostId id);

  // Blocks the post's manage token in the network, for `reason`; kConflict
  // when it is blocked already.
  Result<PostView> block(const std::string& network_slug, const Actor& actor, PostId id,
                         ModerationReason reason);
  // Lifts the block of the post's manage token; kConflict when it has none.
  Result<PostView> unblock(const std::string& network_slug, const Actor& actor, PostId id);
  // Blocks an account in the network: it can no longer post, claim or join
  // there while signed in (kConflict when blocked already). The account need
  // not be a member.
  Status block_account(const std::string& network_slug, const Actor& actor, AccountId account,
                       ModerationReason reason);
  // Lifts the account's block; kConflict when it has none.
  Status unblock_account(const std::string& network_slug, const Actor& actor, AccountId account);

  // The network's audit log, newest first: events older than `before_id`
  // when given, at most `limit` (1 to limits::kAuditLimitMax, else kInvalid).
  Result<AuditPage> audit(const std::string& network_slug, const Actor& actor,
                          std::optional<std::int64_t> before_id, int limit);

 private:
  Services& services_;
};

// True when organizers blocked the post's manage token.
Result<bool> is_token_blocked(store::Transaction& transaction, const Post& post);

// kForbidden when `token` is the manage token of one of `posts` and
// organizers blocked it; OK otherwise (also for tokens that match none).
// Call it wherever a manage token is about to change something.
Status refuse_blocked_token(store::Transaction& transaction, const std::string& token,
                            std::initializer_list<const Post*> posts);

// kForbidden when organizers of the network blocked the account (a live
// block with subject_kind kAccount and the account's id as subject): called
// where a signed-in account claims, joins or posts.
Status refuse_blocked_account(store::Transaction& transaction, NetworkId network_id,
                              std::int64_t account_id);

// kGone when organizers hid the post: what the public is told.
Status refuse_hidden(const Post& post);

}  // namespace gapfill::domain
