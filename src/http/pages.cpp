#include "http/pages.hpp"

namespace gapfill::http {

void add_page_routes(Router& router, const WebContext& web) {
  web.static_files.add_routes(router);
  add_home_pages(router, web);
  add_post_form_pages(router, web);
  add_post_pages(router, web);
  add_post_edit_pages(router, web);
  add_network_pages(router, web);
  add_browse_pages(router, web);
  add_organize_pages(router, web);
  add_moderation_pages(router, web);
  add_admin_pages(router, web);
  add_admin_area_pages(router, web);
  add_account_pages(router, web);
  add_directory_pages(router, web);
  add_start_pages(router, web);
  add_referral_pages(router, web);
  add_volunteer_pages(router, web);
  add_duplicate_pages(router, web);
  add_suggestion_pages(router, web);
}

ErrorPageRenderer page_error_renderer(const WebContext& web) {
  return [&web](const Request& request, int status) {
    PageRequest page(web, request);
    return error_page(page, status);
  };
}

}  // namespace gapfill::http
