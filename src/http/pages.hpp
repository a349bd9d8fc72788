#pragma once
// The HTML pages: server-rendered, working without JavaScript, in every
// catalogue language. Each area of the site has its own pages_*.cpp.

#include <functional>
#include <string>

#include "http/dispatcher.hpp"
#include "http/form.hpp"
#include "http/router.hpp"
#include "http/web.hpp"

namespace gapfill::http {

// Adds every page route. `web` must outlive the router.
void add_page_routes(Router& router, const WebContext& web);

// The renderer of the dispatcher's own errors (404, 405, 413...) as pages.
ErrorPageRenderer page_error_renderer(const WebContext& web);

// Each area adds its own routes.
void add_home_pages(Router& router, const WebContext& web);
void add_post_form_pages(Router& router, const WebContext& web);
void add_post_pages(Router& router, const WebContext& web);
void add_post_edit_pages(Router& router, const WebContext& web);
void add_network_pages(Router& router, const WebContext& web);
void add_browse_pages(Router& router, const WebContext& web);
void add_organize_pages(Router& router, const WebContext& web);
void add_moderation_pages(Router& router, const WebContext& web);

// The form to report post `id` (on its public page), with the notice that
// a report arrived when `query` says so (pages_moderation.cpp).
void fill_report_form(Page& page, PageRequest& visitor, PostId id, const std::string& query);

// The dashboard's moderation parts (pages_moderation.cpp): the open
// reports, and one queue item's hidden or blocked state with the forms to
// change it.
void fill_open_reports(Page& page, PageRequest& visitor, const std::string& slug,
                       const domain::Actor& actor);
void fill_item_moderation(ctemplate::TemplateDictionary& item, PageRequest& visitor,
                          const std::string& slug, const domain::QueueItem& queued);
// The form that blocks, or the notice and form that unblock, the account of
// `whose` ("poster" or "volunteer") in the network; `form_id` tells the
// forms on a page apart.
void fill_account_block(ctemplate::TemplateDictionary& parent, PageRequest& visitor,
                        const std::string& slug, AccountId account, bool blocked,
                        const std::string& whose, const std::string& form_id);

// An organizer's action from the dashboard on record `id` of the path
// (pages_organize.cpp): checks that the visitor organizes the network (401
// or 403), the form and its CSRF token, runs `act`, and goes back to the
// dashboard with `?done=<done>`, or `?conflict=1` when the action conflicts
// or is invalid.
using QueueAct = std::function<Status(const std::string& slug, const domain::Actor& actor,
                                      std::int64_t id, const Form& form)>;
Response queue_action(const WebContext& web, Request& request, const char* done,
                      const QueueAct& act);

// The visitor as an actor, when they organize the network (signed in, an
// organizer or admin of it; pages_organize.cpp).
std::optional<domain::Actor> organizer_actor(const WebContext& web, const PageRequest& visitor,
                                             const std::string& slug);
// Referrals (pages_referrals.cpp): the dashboard's "Referrals" section, the
// "Refer" form on an open request of the queue, and on a post's pages the
// requester's question, where a referred request went or came from, and
// (for everyone) that it moved on. `token` is the private link's, empty on
// the public page.
void add_referral_pages(Router& router, const WebContext& web);
void fill_referrals(Page& page, PageRequest& visitor, const std::string& slug,
                    const domain::Actor& actor);
void fill_item_refer(ctemplate::TemplateDictionary& actions, PageRequest& visitor, const Post& post,
                     const domain::Actor& actor);
void fill_requester_referrals(Page& page, PageRequest& visitor, const Post& post,
                              const std::string& token, const std::string& query);
// Possible duplicates (pages_duplicates.cpp): the dashboard's section and its
// merge and dismiss actions, and a merged request's notice on its private page.
void add_duplicate_pages(Router& router, const WebContext& web);
void fill_duplicates(Page& page, PageRequest& visitor, const std::string& slug,
                     const domain::Actor& actor);
void fill_merged_notice(Page& page, const Post& post);
void add_admin_pages(Router& router, const WebContext& web);
// The public directory of listed networks (pages_directory.cpp).
void add_directory_pages(Router& router, const WebContext& web);
// Starting a network, and its starter page (pages_start.cpp).
void add_start_pages(Router& router, const WebContext& web);
// The admin's service-area page, /n/SLUG/admin/area (pages_admin_area.cpp).
void add_admin_area_pages(Router& router, const WebContext& web);
// The volunteer's availability and matches in a network (pages_volunteer.cpp).
void add_volunteer_pages(Router& router, const WebContext& web);
void add_account_pages(Router& router, const WebContext& web);
// Suggested matches (pages_suggestions.cpp): the organizers' page of the
// matcher's suggestions, and the dashboard's section that counts them.
void add_suggestion_pages(Router& router, const WebContext& web);
void fill_suggestions_summary(Page& page, PageRequest& visitor, const std::string& slug,
                              const domain::Actor& actor);

}  // namespace gapfill::http
