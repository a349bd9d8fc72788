// Asking for help, offering help and asking for a ride: GET shows the form,
// POST creates the post and redirects to its private page (post/redirect/get),
// or shows the form again with what was typed and each problem beside its field.

#include "base/limits.hpp"
#include "domain/places.hpp"
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

// At most this many other networks are suggested for a place outside the area.
constexpr std::size_t kSuggestedNetworks = 5;

// When a request's place (its pin, else the place its text names) lies outside
// the network's area and the person has not already seen that: the notice,
// with the listed networks whose areas hold the place (smallest area first).
std::optional<OutsideArea> outside_area(const WebContext& web, const Network& network,
                                        const domain::PostDraft& draft, const Form& form) {
  const std::string fingerprint = place_fingerprint(form);
  if (form.get("outside_ok") == fingerprint) return std::nullopt;
  std::optional<geo::Point> where;
  OutsideArea outside;
  if (draft.point) {
    if (geo::is_valid(*draft.point)) where = draft.point;
  } else if (draft.location_text) {
    if (const auto place = domain::resolve_place(*draft.location_text, network.area)) {
      where = place->point;
      outside.place = place->display;
    }
  }
  if (!where || web.services.networks().serves(network.id, *where).value_or(true)) {
    return std::nullopt;
  }
  for (const auto& nearby : web.services.networks().serving(*where, 0)) {
    if (!nearby.serves || nearby.network.id == network.id) continue;
    if (outside.networks.size() == kSuggestedNetworks) break;
    outside.networks.push_back({nearby.network.slug, nearby.network.name});
  }
  outside.acknowledged = fingerprint;
  return outside;
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
  const domain::PostDraft draft = read_post_form(*form, kind, network);
  if (kind == PostFormKind::kAsk || kind == PostFormKind::kRide) {
    if (const auto outside = outside_area(web, network, draft, *form)) {
      PostFormState state;
      state.outside = &*outside;
      return again(200, state);
    }
  }
  const auto created = web.services.posts().create(slug, draft, page_actor(visitor));
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
