// Possible duplicates on the organizer dashboard: the "Possible duplicates"
// section (both requests side by side, why they were flagged, "Merge" and
// "Not a duplicate"), its two form actions, and on a merged request's
// private page the notice that links to the request it was merged into.
// The rules are in domain/duplicates.hpp.

#include <fmt/format.h>

#include "http/api_support.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"

namespace gapfill::http {
namespace {

std::string age_text(PageRequest& visitor, UnixSeconds since, UnixSeconds now) {
  const UnixSeconds hours = std::max<UnixSeconds>(0, now - since) / 3600;
  if (hours < 48) return visitor.format("duplicates.age_hours", {{"hours", std::to_string(hours)}});
  return visitor.format("duplicates.age_days", {{"days", std::to_string(hours / 24)}});
}

void fill_side(ctemplate::TemplateDictionary& side, PageRequest& visitor,
               const std::vector<Category>& categories, const Post& post, UnixSeconds now) {
  side.SetIntValue("ID", post.id);
  side.SetValue("TITLE", post.title);
  side.SetValue("CATEGORY", visitor.category_label(categories, post.category));
  side.SetValue("AGE", age_text(visitor, post.created_at, now));
  side.SetValue("STATUS", visitor.text("status." + std::string(to_string(post.status))));
  // The public, approximate point: never the private place.
  side.SetValue("PLACE", fmt::format("{:.2f}, {:.2f}", post.point.lat, post.point.lon));
}

}  // namespace

void fill_duplicates(Page& page, PageRequest& visitor, const std::string& slug,
                     const domain::Actor& actor) {
  auto& services = visitor.web().services;
  const auto items = services.duplicates().list(slug, actor);
  if (!items || items->empty()) return;
  const auto categories = services.networks().categories(slug).value_or(std::vector<Category>{});
  const UnixSeconds now = services.now();
  auto* section = page.data().AddSectionDictionary("DUPLICATES");
  for (const domain::DuplicateItem& item : *items) {
    auto* flag = section->AddSectionDictionary("DUPLICATE");
    flag->SetIntValue("FLAG_ID", item.flag.id);
    fill_side(*flag->AddSectionDictionary("NEWER"), visitor, categories, item.post, now);
    fill_side(*flag->AddSectionDictionary("OLDER"), visitor, categories, item.of_post, now);
    std::vector<std::string> why;
    if (item.flag.reasons.same_contact) why.push_back(visitor.text("duplicates.same_contact"));
    if (item.flag.reasons.nearby) {
      why.push_back(visitor.format("duplicates.km_apart",
                                   {{"km", fmt::format("{:.1f}", item.flag.distance_km)}}));
    }
    if (item.flag.reasons.similar_title) why.push_back(visitor.text("duplicates.similar_title"));
    if (why.empty()) why.push_back(visitor.text("duplicates.similar_title"));
    flag->SetValue("WHY", fmt::format("{}", fmt::join(why, " · ")));
  }
}

void fill_merged_notice(Page& page, const Post& post) {
  if (post.close_reason != CloseReason::kDuplicate || !post.duplicate_of) return;
  auto* notice = page.data().AddSectionDictionary("MERGED_NOTICE");
  notice->SetValue("HREF", "/p/" + std::to_string(*post.duplicate_of));
}

void add_duplicate_pages(Router& router, const WebContext& web) {
  auto& duplicates = web.services.duplicates();
  router.add_page(Method::kPost, "/n/{slug}/organize/duplicates/{id}/merge", [&](Request& request) {
    return queue_action(web, request, "merged",
                        [&](const std::string& slug, const domain::Actor& actor, std::int64_t id,
                            const Form&) { return status_of(duplicates.merge(slug, actor, id)); });
  });
  router.add_page(
      Method::kPost, "/n/{slug}/organize/duplicates/{id}/dismiss", [&](Request& request) {
        return queue_action(
            web, request, "not_duplicate",
            [&](const std::string& slug, const domain::Actor& actor, std::int64_t id, const Form&) {
              return status_of(duplicates.dismiss(slug, actor, id));
            });
      });
}

}  // namespace gapfill::http
