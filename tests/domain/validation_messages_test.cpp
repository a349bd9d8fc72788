// Every message the validators produce: its key is in each shipped catalogue
// with its placeholders filled, and its English is what the API has always said.

#include <gtest/gtest.h>

#include <functional>

#include "domain/catalogue.hpp"
#include "domain/categories.hpp"
#include "domain/validation.hpp"
#include "support/message_checks.hpp"

namespace gapfill::domain {
namespace {

using testing::is_complete;

constexpr UnixSeconds kNow = 1795000000;
constexpr UnixSeconds kDay = 86400;

// One bad input, the field it spoils, and the English the API answers with.
template <typename Draft>
struct MessageCase {
  std::function<void(Draft&)> change;
  const char* field;
  const char* english;
};

template <typename Draft>
void expect_messages(const MessageCase<Draft>& c, const FieldErrors& errors) {
  const auto found = errors.find(c.field);
  ASSERT_NE(found, errors.end()) << c.field << " " << c.english;
  EXPECT_TRUE(is_complete(found->second));
  EXPECT_EQ(i18n::render(found->second, "en"), c.english) << found->second.key;
  EXPECT_NE(i18n::render(found->second, "es"), c.english) << found->second.key;
  for (const auto& [field, message] : errors) EXPECT_TRUE(is_complete(message)) << field;
}

Network test_network() {
  Network network;
  network.id = 1;
  network.area = {{46.87, -113.99}, 40};
  return network;
}

PostDraft valid_post() {
  PostDraft draft;
  draft.kind = PostKind::kRequest;
  draft.category = "food";
  draft.title = "Groceries for a family of four";
  return draft;
}

FieldErrors post_errors(const PostDraft& draft, DraftMode mode) {
  Post post;
  post.category = "food";
  FieldErrors errors;
  apply_post_draft(draft, mode, default_categories({"en"}), test_network(), kNow, post, errors);
  return errors;
}

TEST(ValidationMessages, PostDrafts) {
  const MessageCase<PostDraft> cases[] = {
      {[](PostDraft& d) { d.kind.reset(); }, "kind", "is required: request or offer"},
      {[](PostDraft& d) { d.category.reset(); }, "category", "is required"},
      {[](PostDraft& d) { d.title.reset(); }, "title", "is required"},
      {[](PostDraft& d) { d.category = "weapons"; }, "category",
       "is not one of this network's categories"},
      {[](PostDraft& d) { d.title = std::string(121, 'a'); }, "title",
       "must be 1 to 120 characters"},
      {[](PostDraft& d) { d.title = " "; }, "title", "must be 1 to 120 characters"},
      {[](PostDraft& d) { d.title = "a\nb"; }, "title", "must be plain text on one line"},
      {[](PostDraft& d) { d.details = "\xff"; }, "details", "must be plain text"},
      {[](PostDraft& d) { d.details = std::string(4001, 'a'); }, "details",
       "must be at most 4000 characters"},
      {[](PostDraft& d) { d.quantity = 0; }, "quantity", "must be 1 to 100000"},
      {[](PostDraft& d) { d.quantity = -5; }, "quantity", "must be 1 to 100000"},
      {[](PostDraft& d) {
         d.window_from = kNow + 7200;
         d.window_to = kNow + 3600;
       },
       "window.to", "must be after window.from"},
      {[](PostDraft& d) { d.window_to = kNow - 1; }, "window.to", "must be in the future"},
      {[](PostDraft& d) { d.window_from = kNow + 400 * kDay; }, "window.from",
       "must be within a year from now"},
      {[](PostDraft& d) { d.window_to = kNow + 800 * kDay; }, "window.to",
       "must be within two years from now"},
      {[](PostDraft& d) {
         d.point = geo::Point{0, 181};
       },
       "location", "lat must be -90 to 90 and lon -180 to 180"},
      {[](PostDraft& d) { d.location_text = std::string(201, 'a'); }, "location.text",
       "must be at most 200 characters"},
      {[](PostDraft& d) {
         d.contact = ContactDraft{std::string(101, 'a'), {}, {}, {}};
       },
       "contact.name", "must be at most 100 characters"},
      {[](PostDraft& d) {
         d.contact = ContactDraft{{}, "sam@", {}, {}};
       },
       "contact.email", "must be an e-mail address such as sam@example.org"},
      {[](PostDraft& d) {
         d.contact = ContactDraft{{}, {}, "call me", {}};
       },
       "contact.phone", "must be a phone number: digits, spaces, + ( ) - and . only"},
      {[](PostDraft& d) {
         d.contact = ContactDraft{"Sam", {}, {}, ContactMethod::kPhone};
       },
       "contact.phone", "is needed when the preferred method is phone"},
      {[](PostDraft& d) {
         d.contact = ContactDraft{"Sam", {}, {}, ContactMethod::kEmail};
       },
       "contact.email", "is needed when the preferred method is email"},
      {[](PostDraft& d) { d.ride = RideDraft{}; }, "ride",
       "is only for posts in the transport category"},
      {[](PostDraft& d) {
         d.category = "transport";
         d.ride = RideDraft{};
         d.ride->passengers = 21;
       },
       "ride.passengers", "must be 1 to 20"},
      {[](PostDraft& d) {
         d.category = "transport";
         d.ride = RideDraft{};
         d.ride->pickup_area = std::string(201, 'a');
       },
       "ride.pickup_area", "must be at most 200 characters"},
      {[](PostDraft& d) {
         d.category = "transport";
         d.ride = RideDraft{};
         d.ride->dropoff_area = "a\tb";
       },
       "ride.dropoff_area", "must be plain text on one line"},
      {[](PostDraft& d) {
         d.category = "transport";
         d.ride = RideDraft{};
         d.ride->accessibility_needs = std::vector<std::string>(11, "wheelchair");
       },
       "ride.accessibility_needs", "must list at most 10 needs"},
      {[](PostDraft& d) {
         d.category = "transport";
         d.ride = RideDraft{};
         d.ride->accessibility_needs = std::vector<std::string>{"jetpack"};
       },
       "ride.accessibility_needs",
       "must each be one of: wheelchair, car_seat, booster_seat, service_animal, mobility_aid, "
       "extra_space, door_to_door, oxygen"},
  };
  for (const auto& c : cases) {
    PostDraft draft = valid_post();
    c.change(draft);
    expect_messages(c, post_errors(draft, DraftMode::kCreate));
  }
  PostDraft patch;
  patch.kind = PostKind::kOffer;
  expect_messages(
      MessageCase<PostDraft>{{}, "kind", "cannot be changed; close this post and make a new one"},
      post_errors(patch, DraftMode::kPatch));
}

TEST(ValidationMessages, NetworkDrafts) {
  NetworkDraft valid;
  valid.slug = "riverside";
  valid.name = "Riverside Mutual Aid";
  valid.lat = 46.87;
  valid.lon = -113.99;
  valid.radius_km = 40;
  const MessageCase<NetworkDraft> cases[] = {
      {[](NetworkDraft& d) { d.slug.reset(); }, "slug", "is required"},
      {[](NetworkDraft& d) { d.slug = "River Side"; }, "slug",
       "must be 3 to 40 characters of a-z, 0-9 and -"},
      {[](NetworkDraft& d) { d.name.reset(); }, "name", "is required"},
      {[](NetworkDraft& d) { d.name = std::string(121, 'a'); }, "name",
       "must be 1 to 120 characters"},
      {[](NetworkDraft& d) { d.description = "\x01"; }, "description", "must be plain text"},
      {[](NetworkDraft& d) { d.description = std::string(4001, 'a'); }, "description",
       "must be at most 4000 characters"},
      {[](NetworkDraft& d) { d.lat.reset(); }, "area.lat", "is required"},
      {[](NetworkDraft& d) { d.lon.reset(); }, "area.lon", "is required"},
      {[](NetworkDraft& d) { d.lat = 90.5; }, "area.lat", "must be -90 to 90"},
      {[](NetworkDraft& d) { d.lon = -180.5; }, "area.lon", "must be -180 to 180"},
      {[](NetworkDraft& d) { d.radius_km.reset(); }, "area.radius_km", "is required"},
      {[](NetworkDraft& d) { d.radius_km = 2000.5; }, "area.radius_km",
       "must be more than 0 and at most 2000"},
      {[](NetworkDraft& d) { d.languages = std::vector<std::string>{"English"}; }, "languages",
       "must list 1 to 20 language codes such as \"en\" or \"es\""},
      {[](NetworkDraft& d) { d.timezone = "Mars/Olympus"; }, "timezone",
       "must be an IANA time zone such as \"America/Denver\""},
      {[](NetworkDraft& d) { d.retention_days = 3651; }, "retention_days", "must be 1 to 3650"},
      {[](NetworkDraft& d) { d.post_expiry_days = 0; }, "post_expiry_days", "must be 1 to 365"},
  };
  for (const auto& c : cases) {
    NetworkDraft draft = valid;
    c.change(draft);
    Network network;
    FieldErrors errors;
    apply_network_draft(draft, network, errors);
    expect_messages(c, errors);
  }
}

TEST(ValidationMessages, Claims) {
  ClaimDraft valid;
  valid.volunteer_name = "Alex";
  valid.volunteer_email = "alex@example.org";
  const MessageCase<ClaimDraft> cases[] = {
      {[](ClaimDraft& d) { d.volunteer_name.reset(); }, "volunteer.name", "is required"},
      {[](ClaimDraft& d) { d.volunteer_name = ""; }, "volunteer.name",
       "must be 1 to 100 characters"},
      {[](ClaimDraft& d) { d.volunteer_email = "alex"; }, "volunteer.email",
       "must be an e-mail address such as alex@example.org"},
      {[](ClaimDraft& d) { d.volunteer_email.reset(); }, "volunteer.email",
       "or volunteer.phone is needed so the requester can reach you"},
      {[](ClaimDraft& d) { d.volunteer_phone = "12"; }, "volunteer.phone",
       "must be a phone number: digits, spaces, + ( ) - and . only"},
      {[](ClaimDraft& d) { d.quantity = 100001; }, "quantity", "must be 1 to 100000"},
      {[](ClaimDraft& d) { d.note = std::string(1001, 'a'); }, "note",
       "must be at most 1000 characters"},
  };
  for (const auto& c : cases) {
    ClaimDraft draft = valid;
    c.change(draft);
    Volunteer volunteer;
    FieldErrors errors;
    check_claim(draft, volunteer, errors);
    expect_messages(c, errors);
  }
}

TEST(ValidationMessages, TheCheckItselfCatchesAMissingKeyOrArgument) {
  EXPECT_FALSE(is_complete(Message{"error.no_such_key", {}}));
  EXPECT_FALSE(is_complete(Message{"error.text_length", {{"min", "1"}}}));
  EXPECT_TRUE(is_complete(Message{"error.text_length", {{"min", "1"}, {"max", "120"}}}));
}

}  // namespace
}  // namespace gapfill::domain
