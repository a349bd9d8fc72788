// Changing a post through its manage link: the post form, filled with what
// is stored, and saved with post/redirect/get.

#include "http/api_support.hpp"
#include "http/error_response.hpp"
#include "http/pages.hpp"
#include "http/post_form.hpp"

namespace gapfill::http {
namespace {

Response edit(const WebContext& web, Request& request, bool submitted) {
  PageRequest visitor(web, request);
  const auto id = path_id(request, "id", "Post");
  if (!id) return error_page(visitor, 404);
  const std::string& token = request.params.at("token");
  const auto view = web.services.posts().view(*id, token);
  if (!view) return error_page(visitor, status_for(view.error().code));
  if (view->access != domain::Access::kOwner) return error_page(visitor, 403);
  const Post& post = view->post;
  const auto network = web.services.networks().find(post.network_id);
  if (!network) return error_page(visitor, 500);
  const auto categories = web.services.networks().categories(network->slug);
  if (!categories) return error_page(visitor, 500);
  const std::string base = "/p/" + std::to_string(post.id) + "/k/" + token;
  const Form stored = form_of(post, *network);
  const auto show = [&](int status, PostFormState state) {
    Page page(visitor, "post_form");
    if (!state.typed) state.typed = &stored;
    state.heading = visitor.text("post.edit_title");
    state.submit = visitor.text("post.edit_submit");
    fill_post_form(page, visitor, *network, *categories, form_kind_of(post), base + "/edit", state);
    page.set_title(visitor.text("post.edit_title"));
    return page.finish(status);
  };
  if (!submitted) return show(200, {});
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) {
    return show(403, PostFormState::with_message(&*form, visitor.text("form.csrf_expired")));
  }
  const auto updated =
      web.services.posts().update(post.id, token, read_edit_form(*form, post, *network));
  if (!updated) {
    const Error& error = updated.error();
    if (error.code == ErrorCode::kInvalid)
      return show(422, PostFormState::with_errors(&*form, error.fields));
    if (error.code == ErrorCode::kConflict) return visitor.redirect(base + "?conflict=1");
    return error_page(visitor, status_for(error.code));
  }
  return visitor.redirect(base + "?done=edited");
}

}  // namespace

void add_post_edit_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/p/{id}/k/{token}/edit",
                  [&web](Request& request) { return edit(web, request, false); });
  router.add_page(Method::kPost, "/p/{id}/k/{token}/edit",
                  [&web](Request& request) { return edit(web, request, true); });
}

}  // namespace gapfill::http
