#include <algorithm>

#include "base/limits.hpp"
#include "domain/audit.hpp"
#include "domain/authorization.hpp"
#include "domain/history.hpp"
#include "domain/lifecycle.hpp"
#include "domain/moderation.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"
#include "domain/transitions.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

constexpr int kExpiryBatchPosts = 200;
constexpr int kErasureBatchPosts = 200;

std::unexpected<Error> not_changeable(const Post& post) {
  return fail(ErrorCode::kConflict,
              "This post is " + std::string(to_string(post.status)) + " and can no longer change.");
}

// The post, locked for this write, when the actor may change it and it
// may still change.
Result<Post> lock_changeable_post(store::Transaction& transaction, PostId id, const Actor& actor) {
  Post post = TRY(transaction.posts().find_for_update(id));
  Resource resource;
  resource.post = &post;
  TRY_STATUS(decide(actor, Action::kChangePost, resource));
  TRY_STATUS(refuse_blocked_token(transaction, actor.token, {&post}));
  if (!is_changeable(post.status)) return not_changeable(post);
  return post;
}

// Reads the page that the store answers: statuses the in-memory index does
// not hold (fulfilled, closed).
Result<ListPage> list_from_store(store::Transaction& transaction, const ListQuery& query) {
  store::PostFilter filter;
  filter.network_id = query.network_id;
  filter.kind = query.kind;
  filter.category = query.category;
  filter.urgency = query.urgency;
  filter.statuses = {query.status};
  filter.visibility = store::PostFilter::Visibility::kPublic;
  const std::size_t wanted = static_cast<std::size_t>(query.limit) + 1;
  ListPage page;
  if (query.near) {
    // The store's spatial index ranks them: nearest first, then by id.
    std::optional<store::NearCursor> after;
    if (query.after) after = store::NearCursor{query.after->separation, query.after->id};
    for (const store::NearPost& found : TRY(transaction.posts().list_near(
             filter, *query.near, query.radius_km, static_cast<int>(wanted), after))) {
      page.items.push_back(near_item(to_listed(found.post), found.separation));
    }
  } else {
    std::optional<store::NewestCursor> after;
    if (query.after) after = store::NewestCursor{query.after->created_at, query.after->id};
    for (const Post& post :
         TRY(transaction.posts().list_newest(filter, after, static_cast<int>(wanted)))) {
      page.items.push_back(ListItem{to_listed(post), std::nullopt});
    }
  }
  if (page.items.size() > static_cast<std::size_t>(query.limit)) {
    page.items.pop_back();
    page.next = cursor_of(page.items.back());
  }
  return page;
}

}  // namespace

Result<CreatedPost> PostService::create(const std::string& network_slug, const PostDraft& draft,
                                        const Actor& actor) {
  return create_entry(network_slug, draft, EnteredBy::kPoster, actor);
}

Result<CreatedPost> PostService::create_entry(const std::string& network_slug,
                                              const PostDraft& draft, EnteredBy entered_by,
                                              const Actor& actor, const AuditActor* organizer) {
  const Network network = TRY(services_.networks().find(network_slug));
  const auto categories = TRY(services_.networks().categories(network_slug));
  const UnixSeconds now = services_.now();
  Post post;
  FieldErrors errors;
  apply_post_draft(draft, DraftMode::kCreate, categories, network, now, post, errors);
  merge_read_errors(draft.read_errors, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  const tokens::Issued token = tokens::issue();
  post.network_id = network.id;
  post.status = PostStatus::kOpen;
  post.created_at = post.updated_at = post.waiting_since = now;
  post.manage_token_hash = token.hash;
  post.entered_by_organizer = entered_by == EnteredBy::kOrganizer;
  // An organizer's entry says so in the history: "created" by "organizer".
  const std::string by = post.entered_by_organizer ? "organizer" : "";
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        // The poster's account, when signed in (an organizer's intake is
        // not the organizer's post).
        const std::optional<AccountId> account =
            entered_by == EnteredBy::kPoster ? actor.account : std::nullopt;
        if (account) TRY_STATUS(refuse_blocked_account(transaction, network.id, *account));
        post.id = TRY(transaction.posts().insert(post));
        if (account) {
          TRY_STATUS(transaction.posts().set_account(post.id, *account));
          post.account_id = account;
        }
        TRY_STATUS(record_event(transaction, post, "created", std::nullopt, by, now));
        // Organizers alone learn of a possible duplicate; the post is made as usual.
        TRY(flag_possible_duplicate(transaction, post, now));
        if (organizer != nullptr) {
          TRY_STATUS(record_audit(transaction, network.id, *organizer, "intake", {"post", post.id},
                                  "", now));
        }
        changed.push_back(post);
        return Status{};
      }));
  return CreatedPost{std::move(post), network.slug, token.token};
}

Result<PostView> PostService::view(PostId id, const Actor& actor) {
  PostView view;
  std::optional<Role> role;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    view.post = TRY(transaction.posts().find(id));
    view.matches = TRY(transaction.matches().list_for_post(id));
    role = TRY(role_in(transaction, actor, view.post.network_id));
    view.access = access_to_post(actor, role, view.post, view.matches);
    if (view.access == Access::kOwner) {
      view.token_blocked = TRY(is_token_blocked(transaction, view.post));
    }
    return {};
  }));
  // A post organizers hid is gone for the public; its poster, helper and
  // organizers still see it (and that it was hidden).
  if (view.access == Access::kPublic) TRY_STATUS(refuse_hidden(view.post));
  // The owner and organizers see every match; a volunteer their own; anyone
  // else none.
  std::erase_if(view.matches, [&](const Match& match) {
    return view.access == Access::kPublic ||
           (view.access == Access::kVolunteer && !holds_match_token(actor, match));
  });
  view.network_slug = TRY(services_.networks().find(view.post.network_id)).slug;
  return view;
}

Result<PostView> PostService::update(PostId id, const Actor& actor, const PostDraft& draft) {
  const UnixSeconds now = services_.now();
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        Post post = TRY(lock_changeable_post(transaction, id, actor));
        if (draft.version && *draft.version != post.version) {
          return Status(std::unexpected(Error{
              ErrorCode::kConflict,
              "The post was changed since you read it; read it again.",
              {{"version",
                Message{"error.stale_version", {{"current", std::to_string(post.version)}}}}}}));
        }
        const Network network = TRY(services_.networks().find(post.network_id));
        const auto categories = TRY(services_.networks().categories(network.slug));
        FieldErrors errors;
        apply_post_draft(draft, DraftMode::kPatch, categories, network, now, post, errors);
        merge_read_errors(draft.read_errors, errors);
        if (!errors.empty()) return Status(invalid(std::move(errors)));
        post.updated_at = now;
        TRY_STATUS(transaction.posts().update(post));
        TRY_STATUS(record_event(transaction, post, "edited", std::nullopt, "", now));
        changed.push_back(std::move(post));
        return Status{};
      }));
  return view(id, actor);
}

Result<PostView> PostService::close(PostId id, const Actor& actor,
                                    std::optional<CloseReason> reason) {
  const CloseReason chosen = reason.value_or(CloseReason::kWithdrawn);
  if (chosen != CloseReason::kWithdrawn && chosen != CloseReason::kDuplicate) {
    return invalid(
        {{"reason", Message{"error.either", {{"first", "withdrawn"}, {"second", "duplicate"}}}}});
  }
  const UnixSeconds now = services_.now();
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        Post post = TRY(lock_changeable_post(transaction, id, actor));
        return close_post(transaction, post, chosen, now, changed);
      }));
  return view(id, actor);
}

Result<ListPage> PostService::list(const std::string& network_slug, ListQuery query) {
  query.network_id = TRY(services_.networks().id_of(network_slug));
  if (query.category) {
    const auto categories = TRY(services_.networks().categories(network_slug));
    if (std::none_of(categories.begin(), categories.end(),
                     [&](const Category& c) { return c.key == *query.category; })) {
      return std::unexpected(Error{ErrorCode::kMalformed,
                                   "Some query parameters are not valid.",
                                   {{"category", Message{"error.unknown_category", {}}}}});
    }
  }
  if (query.after && query.after->by_distance != query.near.has_value()) {
    return invalid({{"cursor", Message{"error.cursor_other_listing", {}}}});
  }
  if (PostIndex::answers(query)) return services_.index().list(query);
  ListPage page;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    page = TRY(list_from_store(transaction, query));
    return {};
  }));
  return page;
}

Result<std::uint64_t> PostService::listing_version(const std::string& network_slug) {
  return services_.index().version(TRY(services_.networks().id_of(network_slug)));
}

Result<std::vector<PostEvent>> PostService::history(PostId id, const Actor& actor) {
  std::vector<PostEvent> events;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const Post post = TRY(transaction.posts().find(id));
    Resource resource;
    resource.post = &post;
    resource.role = TRY(role_in(transaction, actor, post.network_id));
    TRY_STATUS(decide(actor, Action::kViewPostHistory, resource));
    events = TRY(transaction.events().list_for_post(id));
    // Organizers read the history of the posts merged into this one too.
    if (resource.role && *resource.role >= Role::kOrganizer) {
      TRY_STATUS(add_merged_history(transaction, id, events));
    }
    return {};
  }));
  return events;
}

Result<int> PostService::expire_due() {
  int expired = 0;
  for (;;) {
    const UnixSeconds now = services_.now();
    int batch = 0;
    TRY_STATUS(
        services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
          batch = 0;
          for (PostId id : TRY(transaction.posts().expired_open_posts(now, kExpiryBatchPosts))) {
            Post post = TRY(transaction.posts().find_for_update(id));
            TRY_STATUS(close_post(transaction, post, CloseReason::kExpired, now, changed));
            ++batch;
          }
          return Status{};
        }));
    expired += batch;
    if (batch < kExpiryBatchPosts) return expired;
  }
}

Result<int> PostService::erase_expired_personal_data() {
  int erased = 0;
  for (;;) {
    const UnixSeconds now = services_.now();
    int batch = 0;
    // Nothing goes into `changed`: erased posts are fulfilled or closed, and
    // the read model holds live posts only.
    TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
      batch = 0;
      for (PostId id : TRY(transaction.posts().posts_due_for_erasure(now, kErasureBatchPosts))) {
        TRY_STATUS(transaction.posts().erase_personal_data(id, now));
        TRY(transaction.matches().erase_personal_data_for_post(id));
        TRY(transaction.messages().erase_for_post(id));
        TRY_STATUS(transaction.reports().erase_notes_for_post(id));
        TRY_STATUS(transaction.referrals().erase_notes_for_post(id));
        ++batch;
      }
      return Status{};
    }));
    erased += batch;
    if (batch < kErasureBatchPosts) return erased;
  }
}

}  // namespace gapfill::domain
