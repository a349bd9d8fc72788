// The authorization matrix's rows for the public pages (everyone may use
// them, on any network; a guessed network or post is not found) and for the
// actions of a post's private link (the link's token decides: the poster's
// manage token, or the claimer's match token where the claimer is a party).

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {
namespace {

// /p/{post}/k/{held token}/matches/{match or a guess}/{action}: the poster
// holds `token` of this network, the claimer the claim's match token.
Target match_link(std::int64_t Records::*post, std::string Records::*token,
                  std::int64_t Records::*match, std::string action) {
  return [post, token, match, action](const World& world, Case c, Who who) {
    const Records& r = pick(world, c);
    const std::string held = who == Who::kPoster        ? world.own.*token
                             : who == Who::kClaimer     ? world.own.match_token
                             : who == Who::kOtherPoster ? world.own.unrelated_token
                                                        : std::string("not-a-token");
    return fmt::format("/p/{}/k/{}/matches/{}/{}", r.*post, held, id_or_guess(c, r.*match), action);
  };
}

FormFields offer_fields() {
  return {
      {"title", "Soup for four"},           {"category", "food"},        {"quantity", "4"},
      {"place", "Near the library on 5th"}, {"contact_method", "phone"}, {"contact_name", "Sam"},
      {"contact_phone", "+1 406 555 0100"}};
}

FormFields ride_fields() {
  return {{"title", "A ride to the clinic"},
          {"urgency", "week"},
          {"pickup_area", "Northside"},
          {"dropoff_area", "The clinic"},
          {"passengers", "1"},
          {"contact_method", "phone"},
          {"contact_name", "Sam"},
          {"contact_phone", "+1 406 555 0100"}};
}

}  // namespace

void AuthorizationMatrixTest::add_page_rows(std::vector<Row>& rows) {
  // Public pages.
  rows.push_back({"the home page", "GET", true, false, fixed("/"), {}, {}, kAll, {}, {Case::kOwn}});
  rows.push_back({"choose a language",
                  "GET",
                  true,
                  false,
                  [](const World&, Case c, Who) {
                    return std::string(c == Case::kGuessed ? "/lang/xx" : "/lang/en?next=/");
                  },
                  {},
                  {},
                  kAll,
                  {},
                  {Case::kOwn, Case::kGuessed}});
  for (const char* pattern : {"/n/{slug}", "/n/{slug}/flyer", "/n/{slug}/browse", "/n/{slug}/ask",
                              "/n/{slug}/offer", "/n/{slug}/ride"}) {
    rows.push_back(
        {std::string("the page ") + pattern, "GET", true, false, at(pattern), {}, {}, kAll, kAll});
  }
  const std::pair<const char*, FormFields (*)()> forms[] = {
      {"/n/{slug}/ask", [] { return ask_fields(); }},
      {"/n/{slug}/offer", &offer_fields},
      {"/n/{slug}/ride", &ride_fields}};
  for (const auto& [pattern, fields] : forms) {
    rows.push_back({std::string("post on ") + pattern,
                    "POST",
                    true,
                    false,
                    at(pattern),
                    {},
                    [fields](const World&, Case) { return fields(); },
                    kAll,
                    kAll});
  }
  rows.push_back({"the claim form",
                  "GET",
                  true,
                  false,
                  at("/p/{id}/claim", &Records::request),
                  {},
                  {},
                  kAll,
                  kAll});

  // A post's private link.
  rows.push_back({"edit by the private link",
                  "POST",
                  true,
                  true,
                  private_link("/edit", &Records::request, &Records::request_token),
                  {},
                  [](const World&, Case) { return ask_fields(); },
                  {Who::kPoster},
                  {}});
  // A proposal from an offer: the request's poster accepts it (the claimer
  // is a party of another match).
  rows.push_back({"accept by the private link",
                  "POST",
                  true,
                  true,
                  match_link(&Records::proposed_request, &Records::proposed_request_token,
                             &Records::proposal, "accept"),
                  {},
                  {},
                  {Who::kPoster},
                  {}});
  rows.push_back({"cancel by the private link",
                  "POST",
                  true,
                  true,
                  match_link(&Records::claimed, &Records::claimed_token, &Records::match, "cancel"),
                  {},
                  {},
                  {Who::kPoster, Who::kClaimer},
                  {}});
  rows.push_back(
      {"message by the private link",
       "POST",
       true,
       true,
       match_link(&Records::claimed, &Records::claimed_token, &Records::match, "messages"),
       {},
       [](const World&, Case) {
         return FormFields{{"body", "Saturday?"}};
       },
       {Who::kPoster, Who::kClaimer},
       {}});
  // The thread's link leads to the private page, which decides.
  rows.push_back({"the thread by the private link",
                  "GET",
                  true,
                  false,
                  [](const World& world, Case c, Who who) {
                    const std::string held = who == Who::kPoster    ? world.own.claimed_token
                                             : who == Who::kClaimer ? world.own.match_token
                                             : who == Who::kOtherPoster
                                                 ? world.own.unrelated_token
                                                 : std::string("not-a-token");
                    const Records& r = pick(world, c);
                    return fmt::format("/p/{}/k/{}/matches/{}/messages", id_or_guess(c, r.claimed),
                                       held, r.match);
                  },
                  {},
                  {},
                  {Who::kPoster, Who::kClaimer},
                  {}});
  rows.back().follow_redirect = true;
}

}  // namespace gapfill::testing::matrix
