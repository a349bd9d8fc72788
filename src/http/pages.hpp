#pragma once
// The HTML pages: server-rendered, working without JavaScript, in every
// catalogue language. Each area of the site has its own pages_*.cpp.

#include "http/dispatcher.hpp"
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
void add_admin_pages(Router& router, const WebContext& web);
void add_account_pages(Router& router, const WebContext& web);

}  // namespace gapfill::http
