#include "domain/demo.hpp"

#include <array>
#include <cmath>

#include "domain/services.hpp"

namespace gapfill::domain {
namespace {

// Time that moves only when told, so the demo's posts spread over two weeks.
class SteppingClock final : public Clock {
 public:
  explicit SteppingClock(UnixSeconds start) : now_(start) {}
  UnixSeconds now() const override { return now_; }
  void advance(UnixSeconds seconds) { now_ += seconds; }

 private:
  UnixSeconds now_;
};

enum class Outcome { kOpen, kClaimed, kFulfilled };

struct DemoPost {
  PostKind kind;
  const char* category;
  const char* title;
  Urgency urgency;
  int quantity;  // 0: none
  Outcome outcome;
};

using enum PostKind;
using enum Urgency;
using enum Outcome;

constexpr std::array<DemoPost, 60> kPosts{{
    {kRequest, "food", "Groceries for a family of four this week", kWeek, 1, kFulfilled},
    {kRequest, "food", "Baby formula (Similac Pro-Sensitive)", kToday, 2, kClaimed},
    {kRequest, "food", "Gluten-free staples for one", kFlexible, 0, kOpen},
    {kRequest, "food", "Hot meal for two tonight", kToday, 2, kOpen},
    {kRequest, "food", "Fresh fruit and vegetables for kids' lunches", kWeek, 0, kOpen},
    {kOffer, "food", "Surplus zucchini and tomatoes from our garden", kFlexible, 20, kOpen},
    {kOffer, "food", "Can cook a meal for a family on Sundays", kWeek, 4, kOpen},
    {kOffer, "food", "Two cases of canned soup", kFlexible, 24, kOpen},
    {kRequest, "clothing", "Winter coat, women's size L", kWeek, 1, kFulfilled},
    {kRequest, "clothing", "Snow boots for a 7 year old (size 1)", kWeek, 1, kClaimed},
    {kRequest, "clothing", "Work boots, men's size 10", kFlexible, 1, kOpen},
    {kRequest, "clothing", "Warm socks and gloves", kToday, 0, kOpen},
    {kOffer, "clothing", "Bag of toddler clothes, 2T-3T", kFlexible, 1, kOpen},
    {kOffer, "clothing", "Men's jackets, sizes M and L", kFlexible, 3, kOpen},
    {kRequest, "transport", "Ride to a medical appointment on Thursday", kWeek, 0, kClaimed},
    {kRequest, "transport", "Ride to the pharmacy and back", kToday, 0, kOpen},
    {kRequest, "transport", "Ride to a job interview downtown", kWeek, 0, kFulfilled},
    {kRequest, "transport", "Weekly ride to dialysis", kWeek, 0, kOpen},
    {kOffer, "transport", "Can drive weekday mornings, van with 5 seats", kFlexible, 0, kOpen},
    {kOffer, "transport", "Rides on weekends around town", kFlexible, 0, kOpen},
    {kRequest, "housing", "Looking for a room to rent under $600", kWeek, 0, kOpen},
    {kRequest, "housing", "Place to stay for two nights", kToday, 0, kClaimed},
    {kRequest, "housing", "Help finding an apartment that takes vouchers", kFlexible, 0, kOpen},
    {kOffer, "housing", "Spare room available for short stays", kFlexible, 1, kOpen},
    {kOffer, "housing", "Landlord lead: two-bedroom, no credit check", kFlexible, 0, kOpen},
    {kRequest, "childcare", "Childcare Tuesday afternoon (two kids)", kWeek, 0, kOpen},
    {kRequest, "childcare", "Babysitter for a parent-teacher meeting", kWeek, 0, kFulfilled},
    {kOffer, "childcare", "Can watch kids after school on Wednesdays", kWeek, 0, kOpen},
    {kOffer, "childcare", "Retired teacher offering homework help", kFlexible, 0, kOpen},
    {kRequest, "money", "Help with this month's electric bill", kWeek, 0, kOpen},
    {kRequest, "money", "Bus pass for the month", kWeek, 1, kFulfilled},
    {kRequest, "money", "Gas money to get to work", kToday, 0, kOpen},
    {kOffer, "money", "Can cover a utility bill up to $100", kFlexible, 1, kOpen},
    {kRequest, "labour", "Help moving boxes to a new apartment", kWeek, 0, kClaimed},
    {kRequest, "labour", "Snow shovelling for an elderly neighbour", kToday, 0, kOpen},
    {kRequest, "labour", "Fix a leaking kitchen faucet", kFlexible, 0, kOpen},
    {kRequest, "labour", "Pick up prescriptions while I'm sick", kToday, 0, kFulfilled},
    {kOffer, "labour", "Handy with small repairs, have tools", kFlexible, 0, kOpen},
    {kOffer, "labour", "Strong back, can help with moves on Saturdays", kWeek, 0, kOpen},
    {kRequest, "hygiene_medical", "Diapers, size 4", kToday, 2, kClaimed},
    {kRequest, "hygiene_medical", "Menstrual products", kWeek, 0, kOpen},
    {kRequest, "hygiene_medical", "Blood pressure cuff", kFlexible, 1, kOpen},
    {kRequest, "hygiene_medical", "COVID tests for a household of five", kWeek, 5, kFulfilled},
    {kOffer, "hygiene_medical", "Hygiene kits: toothbrush, toothpaste, soap", kFlexible, 40, kOpen},
    {kOffer, "hygiene_medical", "Unopened box of masks", kFlexible, 1, kOpen},
    {kRequest, "household", "Crib or pack-and-play", kWeek, 1, kOpen},
    {kRequest, "household", "Pots and pans for a new place", kFlexible, 0, kFulfilled},
    {kRequest, "household", "Space heater", kToday, 1, kClaimed},
    {kRequest, "household", "Twin mattress", kWeek, 1, kOpen},
    {kOffer, "household", "Kitchen table and four chairs", kFlexible, 1, kOpen},
    {kOffer, "household", "Box of dishes and glasses", kFlexible, 1, kOpen},
    {kOffer, "household", "Extra blankets", kFlexible, 6, kOpen},
    {kRequest, "information", "Where can I get help with a rental application?", kWeek, 0, kOpen},
    {kRequest, "information", "Free tax help nearby?", kFlexible, 0, kFulfilled},
    {kRequest, "information", "Spanish-speaking counsellor recommendations", kWeek, 0, kOpen},
    {kOffer, "information", "Can help fill out benefit applications", kFlexible, 0, kOpen},
    {kOffer, "information", "Notary, free for mutual aid requests", kFlexible, 0, kOpen},
    {kRequest, "other", "Someone to walk my dog while I recover", kWeek, 0, kOpen},
    {kRequest, "other", "Library card help for a newcomer", kFlexible, 0, kOpen},
    {kOffer, "other", "Can teach basic bike repair", kFlexible, 0, kOpen},
}};

// Languages and distances for some posts, so that the demo shows what the
// matcher does with them (the posts lie 5 to 30 km apart): Spanish and
// English requests with offers that speak them and reach them, two rides
// competing for one van, an Arabic request (a language the network does not
// list) that one offer covers, and requests no offer can serve: the snow
// shovelling is too far from every labour offer for its 2 km, and the
// notary's offer names no language, so the requests that name one skip it.
struct DemoReach {
  const char* title;
  std::array<const char*, 3> languages;  // nullptr: no more
  int max_distance_km;                   // 0: not set
};

constexpr std::array<DemoReach, 20> kReach{{
    {"Hot meal for two tonight", {"es"}, 10},
    {"Can cook a meal for a family on Sundays", {"es", "en"}, 10},
    {"Fresh fruit and vegetables for kids' lunches", {"en"}, 10},
    {"Surplus zucchini and tomatoes from our garden", {"en"}, 5},
    {"Warm socks and gloves", {"es"}, 25},
    {"Bag of toddler clothes, 2T-3T", {"es", "en"}, 25},
    {"Men's jackets, sizes M and L", {"en"}, 10},
    {"Ride to the pharmacy and back", {"en"}, 10},
    {"Weekly ride to dialysis", {"es"}, 25},
    {"Can drive weekday mornings, van with 5 seats", {"en", "es"}, 25},
    {"Rides on weekends around town", {"en"}, 10},
    {"Childcare Tuesday afternoon (two kids)", {"es"}, 25},
    {"Can watch kids after school on Wednesdays", {"es", "en"}, 25},
    {"Snow shovelling for an elderly neighbour", {"en"}, 2},
    {"Fix a leaking kitchen faucet", {"es"}, 25},
    {"Handy with small repairs, have tools", {"en"}, 10},
    {"Strong back, can help with moves on Saturdays", {"es", "en"}, 25},
    {"Spanish-speaking counsellor recommendations", {"es"}, 50},
    {"Where can I get help with a rental application?", {"ar"}, 25},
    {"Can help fill out benefit applications", {"en", "es", "ar"}, 50},
}};

constexpr bool every_reach_names_a_post() {
  for (const DemoReach& reach : kReach) {
    bool found = false;
    for (const DemoPost& post : kPosts)
      found = found || std::string_view(post.title) == reach.title;
    if (!found) return false;
  }
  return true;
}
static_assert(every_reach_names_a_post(), "a kReach title is not one of kPosts");

void add_reach(std::string_view title, PostDraft& draft) {
  for (const DemoReach& reach : kReach) {
    if (title != reach.title) continue;
    std::vector<std::string> languages;
    for (const char* code : reach.languages) {
      if (code != nullptr) languages.emplace_back(code);
    }
    draft.languages = std::move(languages);
    if (reach.max_distance_km > 0) draft.max_distance_km = reach.max_distance_km;
  }
}

constexpr std::array<const char*, 8> kVolunteers{"Alex",  "Jordan", "Rosa", "Sam",
                                                 "Priya", "Mateo",  "Kim",  "Dana"};

}  // namespace

Result<DemoSummary> seed_demo(store::Store& store) {
  constexpr UnixSeconds kHour = 3600;
  SteppingClock clock(now_unix() - 18 * kSecondsPerDay);
  Services services(store, clock);
  TRY_STATUS(services.load());
  DemoSummary summary;
  if (services.networks().find("riverside")) return summary;

  NetworkDraft network;
  network.slug = "riverside";
  network.name = "Riverside Mutual Aid";
  network.description =
      "Neighbours helping neighbours along the river valley: food, rides, housing leads, "
      "childcare and more. No one has to justify a need. This is a fictional demo network.";
  network.lat = 46.87;
  network.lon = -113.99;
  network.radius_km = 40;
  network.languages = std::vector<std::string>{"en", "es"};
  network.timezone = "America/Denver";
  TRY(services.networks().create(network));
  summary.created = true;

  for (std::size_t i = 0; i < kPosts.size(); ++i) {
    const DemoPost& demo = kPosts[i];
    clock.advance(5 * kHour + static_cast<UnixSeconds>(i % 7) * 600);
    PostDraft draft;
    draft.kind = demo.kind;
    draft.category = demo.category;
    draft.title = demo.title;
    draft.urgency = demo.urgency;
    if (demo.quantity > 0) draft.quantity = demo.quantity;
    // Spread over the valley on a golden-angle spiral, up to ~15 km out.
    const double angle = static_cast<double>(i) * 2.399963;
    const double distance_deg = 0.02 + 0.13 * std::sqrt(static_cast<double>(i) / kPosts.size());
    draft.point = geo::Point{46.87 + distance_deg * std::sin(angle),
                             -113.99 + 1.45 * distance_deg * std::cos(angle)};
    draft.contact = ContactDraft{std::string("Neighbour ") + std::to_string(i + 1), std::nullopt,
                                 std::nullopt, ContactMethod::kSite};
    if (std::string_view(demo.category) == "transport" && demo.kind == PostKind::kRequest) {
      draft.ride = RideDraft{"Northside", "Community Medical Center", std::nullopt, true,
                             1,           std::vector<std::string>{}};
    }
    add_reach(demo.title, draft);
    const CreatedPost created = TRY(services.posts().create("riverside", draft));
    ++summary.posts;
    if (demo.outcome == Outcome::kOpen) continue;

    clock.advance(2 * kHour);
    ClaimDraft claim;
    claim.volunteer_name = kVolunteers[i % kVolunteers.size()];
    claim.volunteer_email = std::string("volunteer") + std::to_string(i) + "@example.org";
    claim.note = "I can help with this.";
    const CreatedMatch match = TRY(services.matches().claim(created.post.id, claim));
    ++summary.matches;
    if (demo.outcome == Outcome::kFulfilled) {
      clock.advance(3 * kHour);
      TRY(services.matches().complete(match.match.id, match.match_token));
    }
  }
  return summary;
}

}  // namespace gapfill::domain
