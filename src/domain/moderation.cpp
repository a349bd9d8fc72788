#include "domain/moderation.hpp"

#include "base/limits.hpp"
#include "domain/audit.hpp"
#include "domain/history.hpp"
#include "domain/organizer_access.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

// The post `id` of `network`, locked for this write; a post of another
// network is not found.
Result<Post> find_post_in(store::Transaction& transaction, const Network& network, PostId id) {
  Post post = TRY(transaction.posts().find_for_update(id));
  if (post.network_id != network.id) return not_found("Post");
  return post;
}

std::string reason_detail(ModerationReason reason) {
  return "reason=" + std::string(to_string(reason));
}

// Hides `post` (not hidden yet) for `reason`, resolves its open reports, and
// writes its history and the audit event.
Status hide_post(store::Transaction& transaction, const Organizing& organizing, Post& post,
                 ModerationReason reason, UnixSeconds now, std::vector<Post>& changed) {
  post.hidden = Hidden{now, reason};
  TRY_STATUS(transaction.posts().set_hidden(post.id, post.hidden));
  TRY(transaction.reports().resolve_for_post(post.id, ReportResolution::kHidden, now));
  TRY_STATUS(record_event(transaction, post, "organizer", std::nullopt, "hide", now));
  changed.push_back(post);
  return record_audit(transaction, organizing.network.id, organizing.actor, "hide",
                      {"post", post.id}, reason_detail(reason), now);
}

}  // namespace

Result<bool> is_token_blocked(store::Transaction& transaction, const Post& post) {
  const auto block = TRY(transaction.blocks().find_live(post.network_id, BlockSubject::kManageToken,
                                                        post.manage_token_hash));
  return block.has_value();
}

Status refuse_blocked_token(store::Transaction& transaction, const std::string& token,
                            std::initializer_list<const Post*> posts) {
  if (token.empty()) return {};
  for (const Post* post : posts) {
    if (post == nullptr || !tokens::matches(token, post->manage_token_hash)) continue;
    if (TRY(is_token_blocked(transaction, *post))) {
      return fail(ErrorCode::kForbidden,
                  "The network's organizers blocked this manage link; it can no longer change "
                  "anything.");
    }
  }
  return {};
}

Result<bool> is_account_blocked(store::Transaction& transaction, NetworkId network_id,
                                AccountId account_id) {
  const auto block = TRY(transaction.blocks().find_live(network_id, BlockSubject::kAccount,
                                                        std::to_string(account_id)));
  return block.has_value();
}

Status refuse_blocked_account(store::Transaction& transaction, NetworkId network_id,
                              std::int64_t account_id) {
  if (TRY(is_account_blocked(transaction, network_id, account_id))) {
    return fail(ErrorCode::kForbidden, "The network's organizers blocked this account.");
  }
  return {};
}

Status refuse_hidden(const Post& post) {
  if (post.hidden) {
    return fail(ErrorCode::kGone, "The network's organizers removed this post.");
  }
  return {};
}

Result<std::int64_t> ModerationService::report(PostId id, const ReportDraft& draft) {
  Report report;
  FieldErrors errors;
  check_report(draft, report, errors);
  merge_read_errors(draft.read_errors, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  report.post_id = id;
  report.created_at = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Post post = TRY(transaction.posts().find(id));
    TRY_STATUS(refuse_hidden(post));
    report.network_id = post.network_id;
    report.id = TRY(transaction.reports().insert(report));
    return {};
  }));
  return report.id;
}

Result<ReportsPage> ModerationService::open_reports(const std::string& network_slug,
                                                    const Actor& actor, int limit, int offset) {
  ReportsPage page;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kModerate));
    FieldErrors errors;
    if (limit < 1 || limit > limits::kQueueLimitMax) {
      errors["limit"] = Message{"error.whole_number_range",
                                {{"min", "1"}, {"max", std::to_string(limits::kQueueLimitMax)}}};
    }
    if (offset < 0) {
      errors["offset"] =
          Message{"error.whole_number_range", {{"min", "0"}, {"max", std::to_string(INT32_MAX)}}};
    }
    if (!errors.empty()) return invalid(std::move(errors));
    page.total = TRY(transaction.reports().count_open(organizing.network.id));
    for (Report& report :
         TRY(transaction.reports().list_open(organizing.network.id, limit, offset))) {
      Post post = TRY(transaction.posts().find(report.post_id));
      page.items.push_back(ReportItem{std::move(report), std::move(post)});
    }
    return {};
  }));
  return page;
}

Status ModerationService::resolve_report(const std::string& network_slug, const Actor& actor,
                                         std::int64_t report_id, ReportResolution resolution) {
  const UnixSeconds now = services_.now();
  return services_.write(
      [&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                              actor, OrganizerAction::kModerate));
        const Report report = TRY(transaction.reports().find(report_id));
        if (report.network_id != organizing.network.id) return not_found("Report");
        if (report.resolved_at) {
          return fail(ErrorCode::kConflict, "This report was resolved already.");
        }
        TRY_STATUS(transaction.reports().resolve(report_id, resolution, now));
        if (resolution == ReportResolution::kHidden) {
          Post post = TRY(find_post_in(transaction, organizing.network, report.post_id));
          if (!post.hidden) {
            TRY_STATUS(hide_post(transaction, organizing, post, report.reason, now, changed));
          }
        }
        return record_audit(transaction, organizing.network.id, organizing.actor, "resolve_report",
                            {"report", report_id},
                            "resolution=" + std::string(to_string(resolution)) +
                                " post=" + std::to_string(report.post_id),
                            now);
      });
}

Result<PostView> ModerationService::hide(const std::string& network_slug, const Actor& actor,
                                         PostId id, ModerationReason reason) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                              actor, OrganizerAction::kModerate));
        Post post = TRY(find_post_in(transaction, organizing.network, id));
        if (post.hidden) return fail(ErrorCode::kConflict, "This post is hidden already.");
        return hide_post(transaction, organizing, post, reason, now, changed);
      }));
  return services_.organizer().organizer_view(id);
}

Result<PostView> ModerationService::unhide(const std::string& network_slug, const Actor& actor,
                                           PostId id) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                              actor, OrganizerAction::kModerate));
        Post post = TRY(find_post_in(transaction, organizing.network, id));
        if (!post.hidden) return fail(ErrorCode::kConflict, "This post is not hidden.");
        post.hidden.reset();
        TRY_STATUS(transaction.posts().set_hidden(post.id, std::nullopt));
        TRY_STATUS(record_event(transaction, post, "organizer", std::nullopt, "unhide", now));
        changed.push_back(post);
        return record_audit(transaction, organizing.network.id, organizing.actor, "unhide",
                            {"post", id}, "", now);
      }));
  return services_.organizer().organizer_view(id);
}

Result<PostView> ModerationService::block(const std::string& network_slug, const Actor& actor,
                                          PostId id, ModerationReason reason) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kModerate));
    const Post post = TRY(find_post_in(transaction, organizing.network, id));
    if (TRY(is_token_blocked(transaction, post))) {
      return fail(ErrorCode::kConflict, "This post's manage link is blocked already.");
    }
    Block block;
    block.network_id = organizing.network.id;
    block.subject_kind = BlockSubject::kManageToken;
    block.subject = post.manage_token_hash;
    block.post_id = post.id;
    block.reason = reason;
    block.created_at = now;
    block.id = TRY(transaction.blocks().insert(block));
    return record_audit(transaction, organizing.network.id, organizing.actor, "block", {"post", id},
                        "block=" + std::to_string(block.id) + " " + reason_detail(reason), now);
  }));
  return services_.organizer().organizer_view(id);
}

Result<PostView> ModerationService::unblock(const std::string& network_slug, const Actor& actor,
                                            PostId id) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kModerate));
    const Post post = TRY(find_post_in(transaction, organizing.network, id));
    const auto block = TRY(transaction.blocks().find_live(
        organizing.network.id, BlockSubject::kManageToken, post.manage_token_hash));
    if (!block) return fail(ErrorCode::kConflict, "This post's manage link is not blocked.");
    TRY_STATUS(transaction.blocks().lift(block->id, now));
    return record_audit(transaction, organizing.network.id, organizing.actor, "unblock",
                        {"post", id}, "block=" + std::to_string(block->id), now);
  }));
  return services_.organizer().organizer_view(id);
}

Status ModerationService::block_account(const std::string& network_slug, const Actor& actor,
                                        AccountId account, ModerationReason reason) {
  const UnixSeconds now = services_.now();
  return services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kModerate));
    TRY(transaction.accounts().find(account));  // kNotFound for a guessed id
    const std::string subject = std::to_string(account);
    if (TRY(transaction.blocks().find_live(organizing.network.id, BlockSubject::kAccount,
                                           subject))) {
      return fail(ErrorCode::kConflict, "This account is blocked already.");
    }
    Block block;
    block.network_id = organizing.network.id;
    block.subject_kind = BlockSubject::kAccount;
    block.subject = subject;
    block.reason = reason;
    block.created_at = now;
    block.id = TRY(transaction.blocks().insert(block));
    return record_audit(transaction, organizing.network.id, organizing.actor, "block_account",
                        {"account", account},
                        "block=" + std::to_string(block.id) + " " + reason_detail(reason), now);
  });
}

Status ModerationService::unblock_account(const std::string& network_slug, const Actor& actor,
                                          AccountId account) {
  const UnixSeconds now = services_.now();
  return services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kModerate));
    TRY(transaction.accounts().find(account));  // kNotFound for a guessed id
    const auto block = TRY(transaction.blocks().find_live(
        organizing.network.id, BlockSubject::kAccount, std::to_string(account)));
    if (!block) return fail(ErrorCode::kConflict, "This account is not blocked.");
    TRY_STATUS(transaction.blocks().lift(block->id, now));
    return record_audit(transaction, organizing.network.id, organizing.actor, "unblock_account",
                        {"account", account}, "block=" + std::to_string(block->id), now);
  });
}

Result<AuditPage> ModerationService::audit(const std::string& network_slug, const Actor& actor,
                                           std::optional<std::int64_t> before_id, int limit) {
  AuditPage page;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kReadAudit));
    if (limit < 1 || limit > limits::kAuditLimitMax) {
      return invalid(
          {{"limit", Message{"error.whole_number_range",
                             {{"min", "1"}, {"max", std::to_string(limits::kAuditLimitMax)}}}}});
    }
    // One more than asked, to know whether another page follows.
    page.items = TRY(transaction.audit().list(organizing.network.id, before_id, limit + 1));
    if (page.items.size() > static_cast<std::size_t>(limit)) {
      page.items.pop_back();
      page.next_before = page.items.back().id;
    }
    return {};
  }));
  return page;
}

}  // namespace gapfill::domain
