// Asking for help, offering help and asking for a ride: GET shows the form,
// POST creates the post and redirects to its private page (post/redirect/get),
// or shows the form again with what was typed and each problem beside its field.

#include "base/limits.hpp"
#include "http/actor.hpp"
#include "http/error_response.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/post_form.hpp"

namespace gapfill::http {
namespace {

std::string form_path(const std::string& slug, PostFormKind kind) {
  switch (kind) {
    case PostFormKind::kOffer:
      return "/n/" + slug + "/offer";
    case PostFormKind::kRide:
      return "/n/" + slug + "/ride";
    case PostFormKind::kIntake:
      return "/n/" + slug + "/organize/intake";
    case PostFormKind::kAsk:
      break;
  }
  return "/n/" + slug + "/ask";
}

Response show_form(const WebContext& web, Request& request, PostFormKind kind) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto loaded = load_network(visitor, slug);
  if (!loaded) return loaded.error();
  const Network& network = loaded->network;
  const std::vector<Category>& categories = loaded->categories;
  Page page(visitor, "post_form");
  fill_post_form(page, visitor, network, categories, kind, form_path(slug, kind), {});
  return page.finish();
}

Response submit_form(const WebContext& web, Request& request, PostFormKind kind) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto loaded = load_network(visitor, slug);
  if (!loaded) return loaded.error();
  const Network& network = loaded->network;
  const std::vector<Category>& categories = loaded->categories;
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  const auto again = [&](int status, PostFormState state) {
    Page page(visitor, "post_form");
    state.typed = &*form;
    fill_post_form(page, visitor, network, categories, kind, form_path(slug, kind), state);
    return page.finish(status);
  };
  if (!visitor.csrf_valid(*form)) {
    return again(403, PostFormState::with_message(nullptr, visitor.text("form.csrf_expired")));
  }
  const auto created =
      web.services.posts().create(slug, read_post_form(*form, kind, network), page_actor(visitor));
  if (!created) {
    if (created.error().code == ErrorCode::kInvalid) {
      return again(422, PostFormState::with_errors(nullptr, created.error().fields));
    }
    return error_page(visitor, status_for(created.error().code));
  }
  return visitor.redirect("/p/" + std::to_string(created->post.id) + "/k/" + created->manage_token +
                          "?new=1");
}

}  // namespace

void add_post_form_pages(Router& router, const WebContext& web) {
  const std::pair<const char*, PostFormKind> forms[] = {{"/n/{slug}/ask", PostFormKind::kAsk},
                                                        {"/n/{slug}/offer", PostFormKind::kOffer},
                                                        {"/n/{slug}/ride", PostFormKind::kRide}};
  for (const auto& [pattern, kind] : forms) {
    router.add_page(Method::kGet, pattern,
                    [&web, kind](Request& request) { return show_form(web, request, kind); });
    router
        .add_page(Method::kPost, pattern,
                  [&web, kind](Request& request) { return submit_form(web, request, kind); })
        .rate_limit(limits::kRatePosting);
  }
}

}  // namespace gapfill::http
