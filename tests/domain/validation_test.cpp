#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include "domain/categories.hpp"

namespace gapfill::domain {
namespace {

constexpr UnixSeconds kNow = 1795000000;

Network test_network() {
  Network network;
  network.id = 1;
  network.slug = "riverside";
  network.area = {{46.87, -113.99}, 40};
  return network;
}

PostDraft valid_draft() {
  PostDraft draft;
  draft.kind = PostKind::kRequest;
  draft.category = "food";
  draft.title = "Groceries for a family of four";
  return draft;
}

FieldErrors errors_of(const PostDraft& draft, DraftMode mode = DraftMode::kCreate) {
  Post post;
  post.category = "food";
  FieldErrors errors;
  apply_post_draft(draft, mode, default_categories({"en"}), test_network(), kNow, post, errors);
  return errors;
}

TEST(PostValidation, AcceptsAMinimalRequest) {
  Post post;
  FieldErrors errors;
  apply_post_draft(valid_draft(), DraftMode::kCreate, default_categories({"en"}), test_network(),
                   kNow, post, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(post.urgency, Urgency::kFlexible);
  EXPECT_EQ(post.contact.method, ContactMethod::kSite);
  // With no location, the network's centre, snapped.
  EXPECT_DOUBLE_EQ(post.point.lat, geo::snap_to_cell(test_network().area.centre, 1.0).lat);
}

TEST(PostValidation, NamesEveryMissingRequiredField) {
  const auto errors = errors_of(PostDraft{});
  EXPECT_TRUE(errors.contains("kind"));
  EXPECT_TRUE(errors.contains("category"));
  EXPECT_TRUE(errors.contains("title"));
}

struct FieldCase {
  const char* name;
  std::function<void(PostDraft&)> change;
  const char* field;  // nullptr: valid
};

TEST(PostValidation, ChecksEveryField) {
  const std::string long_title(121, 'a');
  const std::string long_details(4001, 'a');
  const FieldCase cases[] = {
      {"title 120 chars", [](PostDraft& d) { d.title = std::string(120, 'x'); }, nullptr},
      {"title 120 accented chars",
       [](PostDraft& d) {
         std::string t;
         for (int i = 0; i < 120; ++i) t += "ñ";
         d.title = t;
       },
       nullptr},
      {"title too long", [&](PostDraft& d) { d.title = long_title; }, "title"},
      {"title blank", [](PostDraft& d) { d.title = "   "; }, "title"},
      {"title two lines", [](PostDraft& d) { d.title = "a\nb"; }, "title"},
      {"title bad utf8", [](PostDraft& d) { d.title = "\xff"; }, "title"},
      {"unknown category", [](PostDraft& d) { d.category = "weapons"; }, "category"},
      {"details too long", [&](PostDraft& d) { d.details = long_details; }, "details"},
      {"details multi-line", [](PostDraft& d) { d.details = "a\nb"; }, nullptr},
      {"quantity 0", [](PostDraft& d) { d.quantity = 0; }, "quantity"},
      {"quantity max", [](PostDraft& d) { d.quantity = 100000; }, nullptr},
      {"quantity over", [](PostDraft& d) { d.quantity = 100001; }, "quantity"},
      {"window backwards",
       [](PostDraft& d) {
         d.window_from = kNow + 7200;
         d.window_to = kNow + 3600;
       },
       "window.to"},
      {"window in the past", [](PostDraft& d) { d.window_to = kNow - 1; }, "window.to"},
      {"window far future", [](PostDraft& d) { d.window_from = kNow + 400 * 86400; },
       "window.from"},
      {"location off the globe",
       [](PostDraft& d) {
         d.point = geo::Point{91, 0};
       },
       "location"},
      {"location text long", [](PostDraft& d) { d.location_text = std::string(201, 'a'); },
       "location.text"},
      {"bad email",
       [](PostDraft& d) {
         d.contact = ContactDraft{{}, "not-an-email", {}, {}};
       },
       "contact.email"},
      {"bad phone",
       [](PostDraft& d) {
         d.contact = ContactDraft{{}, {}, "call me maybe", {}};
       },
       "contact.phone"},
      {"phone method without phone",
       [](PostDraft& d) {
         d.contact = ContactDraft{"Sam", {}, {}, ContactMethod::kPhone};
       },
       "contact.phone"},
      {"email method without email",
       [](PostDraft& d) {
         d.contact = ContactDraft{"Sam", {}, {}, ContactMethod::kEmail};
       },
       "contact.email"},
      {"contact name long",
       [](PostDraft& d) {
         d.contact = ContactDraft{std::string(101, 'a'), {}, {}, {}};
       },
       "contact.name"},
      {"ride on food", [](PostDraft& d) { d.ride = RideDraft{}; }, "ride"},
      {"ride passengers",
       [](PostDraft& d) {
         d.category = "transport";
         d.ride = RideDraft{};
         d.ride->passengers = 0;
       },
       "ride.passengers"},
      {"ride unknown need",
       [](PostDraft& d) {
         d.category = "transport";
         d.ride = RideDraft{};
         d.ride->accessibility_needs = std::vector<std::string>{"jetpack"};
       },
       "ride.accessibility_needs"},
      {"ride ok",
       [](PostDraft& d) {
         d.category = "transport";
         d.ride =
             RideDraft{"Northside", "Clinic", kNow + 3600,
                       true,        2,        std::vector<std::string>{"wheelchair", "car_seat"}};
       },
       nullptr},
  };
  for (const auto& [name, change, field] : cases) {
    PostDraft draft = valid_draft();
    change(draft);
    const auto errors = errors_of(draft);
    if (field == nullptr) {
      EXPECT_TRUE(errors.empty()) << name << ": " << (errors.empty() ? "" : errors.begin()->first);
    } else {
      EXPECT_TRUE(errors.contains(field)) << name;
      EXPECT_EQ(errors.size(), 1u) << name;
    }
  }
}

TEST(PostValidation, APatchCannotChangeTheKind) {
  PostDraft patch;
  patch.kind = PostKind::kOffer;
  EXPECT_TRUE(errors_of(patch, DraftMode::kPatch).contains("kind"));
  EXPECT_TRUE(errors_of(PostDraft{}, DraftMode::kPatch).empty());
}

TEST(PostValidation, ReadErrorsWinOverDomainMessages) {
  FieldErrors errors{{"title", Message{"error.required", {}}}};
  merge_read_errors({{"title", Message{"error.type_string", {}}}}, errors);
  EXPECT_EQ(errors.at("title").key, "error.type_string");
}

TEST(NetworkValidation, ChecksEveryField) {
  NetworkDraft draft;
  draft.slug = "riverside";
  draft.name = "Riverside Mutual Aid";
  draft.lat = 46.87;
  draft.lon = -113.99;
  draft.radius_km = 40;
  draft.timezone = "America/Denver";
  {
    Network network;
    FieldErrors errors;
    apply_network_draft(draft, network, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(network.languages, std::vector<std::string>{"en"});
    EXPECT_EQ(network.retention_days, 30);
  }
  const std::pair<std::function<void(NetworkDraft&)>, const char*> cases[] = {
      {[](NetworkDraft& d) { d.slug = "ab"; }, "slug"},
      {[](NetworkDraft& d) { d.slug = std::string(41, 'a'); }, "slug"},
      {[](NetworkDraft& d) { d.slug = "River Side"; }, "slug"},
      {[](NetworkDraft& d) { d.name = ""; }, "name"},
      {[](NetworkDraft& d) { d.lat = 100; }, "area.lat"},
      {[](NetworkDraft& d) { d.lon = -200; }, "area.lon"},
      {[](NetworkDraft& d) { d.radius_km = 0; }, "area.radius_km"},
      {[](NetworkDraft& d) { d.radius_km = 5000; }, "area.radius_km"},
      {[](NetworkDraft& d) { d.languages = std::vector<std::string>{}; }, "languages"},
      {[](NetworkDraft& d) { d.languages = std::vector<std::string>{"EN"}; }, "languages"},
      {[](NetworkDraft& d) { d.timezone = "Mars/Olympus"; }, "timezone"},
      {[](NetworkDraft& d) { d.timezone = "../../etc/passwd"; }, "timezone"},
      {[](NetworkDraft& d) { d.retention_days = 0; }, "retention_days"},
      {[](NetworkDraft& d) { d.post_expiry_days = 366; }, "post_expiry_days"},
  };
  for (const auto& [change, field] : cases) {
    NetworkDraft changed = draft;
    change(changed);
    Network network;
    FieldErrors errors;
    apply_network_draft(changed, network, errors);
    EXPECT_TRUE(errors.contains(field)) << field;
  }
}

TEST(ClaimValidation, NeedsANameAndAWayToReachTheVolunteer) {
  Volunteer volunteer;
  FieldErrors errors;
  check_claim(ClaimDraft{}, volunteer, errors);
  EXPECT_TRUE(errors.contains("volunteer.name"));
  EXPECT_TRUE(errors.contains("volunteer.email"));

  ClaimDraft draft;
  draft.volunteer_name = "Alex";
  draft.volunteer_phone = "406-555-0100";
  errors.clear();
  check_claim(draft, volunteer, errors);
  EXPECT_TRUE(errors.empty());
  draft.quantity = 0;
  draft.note = std::string(1001, 'a');
  check_claim(draft, volunteer, errors);
  EXPECT_TRUE(errors.contains("quantity"));
  EXPECT_TRUE(errors.contains("note"));
}

}  // namespace
}  // namespace gapfill::domain
