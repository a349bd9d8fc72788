#include "dataset.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <span>
#include <stdexcept>
#include <string_view>

#include "base/limits.hpp"
#include "domain/tokens.hpp"

namespace gapfill::bench {
namespace {

constexpr double kKmPerDegreeLat = 111.195;
constexpr UnixSeconds kHour = 3600;

using Words = std::span<const char* const>;

// Title patterns of one category: {0} is one of `things`, {1} a small number.
struct TitleSet {
  const char* category;
  double weight;  // how common the category is, relative to the others
  Words requests;
  Words offers;
  Words things;
};

template <std::size_t N>
constexpr Words words(const std::array<const char*, N>& list) {
  return Words(list.data(), list.size());
}

constexpr std::array kFoodRequests{"Groceries for a family of {1} this week", "Need {0}",
                                   "{0} for a family of {1}", "Hot meal for {1} tonight",
                                   "Help with {0} until payday"};
constexpr std::array kFoodOffers{"Extra {0} to share", "Can cook a meal for {1} people",
                                 "Two boxes of {0}", "Weekly grocery run, can bring {0}"};
constexpr std::array kFoodThings{"rice and beans",        "fresh vegetables",    "baby formula",
                                 "canned goods",          "gluten-free staples", "halal groceries",
                                 "fruit for lunches",     "bread and milk",      "pantry staples",
                                 "diabetic-friendly food"};

constexpr std::array kClothingRequests{"Looking for {0}", "{0} for a {1} year old",
                                       "Need {0} before the cold weather"};
constexpr std::array kClothingOffers{"Bag of {0} to give away", "Have {0} in good shape",
                                     "{0}, various sizes"};
constexpr std::array kClothingThings{
    "a winter coat",         "snow boots",    "work boots",      "kids' clothes",
    "warm socks and gloves", "a rain jacket", "school uniforms", "maternity clothes",
    "interview clothes",     "baby clothes"};

constexpr std::array kTransportRequests{"Ride to {0}", "Ride to {0} and back", "Weekly ride to {0}",
                                        "Need a lift to {0} this week"};
constexpr std::array kTransportOffers{
    "Can drive to {0} on weekdays", "Rides around town, {1} seats",
    "Van with {1} seats, weekend mornings", "Happy to drive people to {0}"};
constexpr std::array kTransportThings{"a medical appointment", "the pharmacy",
                                      "a job interview",       "dialysis",
                                      "the grocery store",     "court",
                                      "the food bank",         "school pickup",
                                      "the airport",           "a vaccination clinic"};

constexpr std::array kHousingRequests{"Looking for {0}", "Need {0} soon", "Help finding {0}"};
constexpr std::array kHousingOffers{"Spare room for short stays", "Couch available for {1} nights",
                                    "Landlord lead: {1}-bedroom, no credit check",
                                    "Can help search for {0}"};
constexpr std::array kHousingThings{
    "a room to rent",     "a place to stay for a few nights", "an apartment that takes vouchers",
    "a couch for a week", "an accessible apartment",          "short-term housing"};

constexpr std::array kChildcareRequests{"Childcare {0} ({1} kids)", "Babysitter for {0}",
                                        "Someone to watch my kids {0}"};
constexpr std::array kChildcareOffers{
    "Can watch kids {0}", "Retired teacher offering homework help", "Babysitting swap, {0}"};
constexpr std::array kChildcareThings{
    "after school",        "Tuesday afternoon",      "during a doctor's visit",
    "on weekend mornings", "during a job interview", "evenings this week"};

constexpr std::array kMoneyRequests{"Help with {0}", "Short on {0}", "Need help covering {0}"};
constexpr std::array kMoneyOffers{"Can cover a bill up to ${1}0", "Can chip in for {0}",
                                  "Small fund for {0}"};
constexpr std::array kMoneyThings{"this month's electric bill",
                                  "a bus pass",
                                  "gas money",
                                  "a prescription co-pay",
                                  "rent",
                                  "a phone bill",
                                  "school supplies",
                                  "a water bill"};

constexpr std::array kLabourRequests{"Help with {0}", "Need a hand with {0} this weekend",
                                     "{1} people for {0}"};
constexpr std::array kLabourOffers{"Handy with small repairs, have tools",
                                   "Can help with {0} on Saturdays",
                                   "Strong back, happy to help with {0}"};
constexpr std::array kLabourThings{
    "moving boxes",  "snow shovelling",          "a leaking faucet",
    "yard cleanup",  "picking up prescriptions", "assembling furniture",
    "fixing a bike", "painting a room",          "carrying groceries upstairs"};

constexpr std::array kHygieneRequests{"Need {0}", "{0} for a household of {1}",
                                      "Running out of {0}"};
constexpr std::array kHygieneOffers{"Hygiene kits to give away", "Unopened {0}", "Have extra {0}"};
constexpr std::array kHygieneThings{"diapers (size 4)",      "menstrual products",
                                    "a blood pressure cuff", "COVID tests",
                                    "soap and shampoo",      "toothpaste",
                                    "incontinence supplies", "a walker",
                                    "a first aid kit",       "masks"};

constexpr std::array kHouseholdRequests{"Need {0}", "Looking for {0} for a new place",
                                        "{0}, any condition"};
constexpr std::array kHouseholdOffers{"Giving away {0}", "Have {0} to give", "Can drop off {0}"};
constexpr std::array kHouseholdThings{"a crib",          "pots and pans",   "a space heater",
                                      "a twin mattress", "a kitchen table", "dishes and glasses",
                                      "blankets",        "a microwave",     "a fan",
                                      "bedding"};

constexpr std::array kInformationRequests{"Where can I get help with {0}?", "Who knows about {0}?",
                                          "Advice on {0}"};
constexpr std::array kInformationOffers{"Can help with {0}", "Free help with {0}",
                                        "Notary, free for mutual aid requests"};
constexpr std::array kInformationThings{"a rental application",      "tax filing",
                                        "benefit applications",      "immigration paperwork",
                                        "a utility shut-off notice", "finding a food bank",
                                        "school enrolment"};

constexpr std::array kOtherRequests{"Someone for {0} while I recover", "Help with {0}",
                                    "Looking for help with {0}"};
constexpr std::array kOtherOffers{"Can teach {0}", "Happy to help with {0}", "Offering {0}"};
constexpr std::array kOtherThings{"walking my dog", "a library card",    "bike repair",
                                  "phone setup",    "language practice", "pet food"};

// The same keys, in the same order, as domain::default_categories.
const std::array<TitleSet, 11> kTitleSets{{
    {"food", 22, words(kFoodRequests), words(kFoodOffers), words(kFoodThings)},
    {"clothing", 8, words(kClothingRequests), words(kClothingOffers), words(kClothingThings)},
    {"transport", 12, words(kTransportRequests), words(kTransportOffers), words(kTransportThings)},
    {"housing", 8, words(kHousingRequests), words(kHousingOffers), words(kHousingThings)},
    {"childcare", 6, words(kChildcareRequests), words(kChildcareOffers), words(kChildcareThings)},
    {"money", 8, words(kMoneyRequests), words(kMoneyOffers), words(kMoneyThings)},
    {"labour", 10, words(kLabourRequests), words(kLabourOffers), words(kLabourThings)},
    {"hygiene_medical", 8, words(kHygieneRequests), words(kHygieneOffers), words(kHygieneThings)},
    {"household", 9, words(kHouseholdRequests), words(kHouseholdOffers), words(kHouseholdThings)},
    {"information", 5, words(kInformationRequests), words(kInformationOffers),
     words(kInformationThings)},
    {"other", 4, words(kOtherRequests), words(kOtherOffers), words(kOtherThings)},
}};

constexpr std::array kDetails{"",
                              "",
                              "Any brand is fine.",
                              "I can pick up.",
                              "Evenings are best.",
                              "Thank you, neighbours.",
                              "Weekdays after 5 pm.",
                              "Can meet at the library.",
                              "Message through the site, please."};
constexpr std::array kLandmarks{
    "near the library", "by the community centre", "near the bus station", "north side", "east end",
    "downtown",         "near the school",         "by the park"};
constexpr std::array kAreas{"Northside", "Southside", "East End", "West End",
                            "Downtown",  "Riverside", "Old Town", "Uptown",
                            "Midtown",   "Hillside",  "Lakeside", "Harbour",
                            "Parkdale",  "Central",   "Eastside", "Westside"};
constexpr std::array kDropoffs{"Community Health Centre",
                               "Main Street Pharmacy",
                               "City Hospital",
                               "Food Bank",
                               "Job Centre",
                               "Courthouse"};

template <typename List>
const char* pick(std::mt19937_64& random, const List& list) {
  return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(random)];
}

double uniform(std::mt19937_64& random, double low, double high) {
  return std::uniform_real_distribution<double>(low, high)(random);
}

std::int64_t whole(std::mt19937_64& random, std::int64_t low, std::int64_t high) {
  return std::uniform_int_distribution<std::int64_t>(low, high)(random);
}

bool chance(std::mt19937_64& random, double probability) {
  return std::uniform_real_distribution<double>(0, 1)(random) < probability;
}

std::vector<std::string> split_languages(std::string_view text) {
  std::vector<std::string> languages;
  while (!text.empty()) {
    const auto comma = text.find(',');
    languages.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return languages;
}

// The point `north_km` and `east_km` from `from`, on a flat local
// approximation (good to well under a percent at 50 km).
geo::Point offset(geo::Point from, double north_km, double east_km) {
  const double cos_lat = std::max(0.05, std::cos(from.lat * std::numbers::pi / 180));
  geo::Point to{from.lat + north_km / kKmPerDegreeLat,
                from.lon + east_km / (kKmPerDegreeLat * cos_lat)};
  to.lat = std::clamp(to.lat, -89.9, 89.9);
  if (to.lon > 180) to.lon -= 360;
  if (to.lon < -180) to.lon += 360;
  return to;
}

double size_factor(TownSize size, double metro, double city, double town) {
  switch (size) {
    case TownSize::kMetro:
      return metro;
    case TownSize::kCity:
      return city;
    case TownSize::kTown:
      return town;
  }
  return town;
}

std::string capitalized(std::string text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
  return text;
}

}  // namespace

Dataset::Dataset(const DatasetOptions& options) : options_(options), random_(options.seed) {
  if (options_.networks < 1) throw std::invalid_argument("at least one network is needed");
  if (options_.posts < 0) throw std::invalid_argument("the post count cannot be negative");
  if (options_.now == 0) options_.now = now_unix();
  plan_networks();
  std::vector<double> network_weights;
  for (const PlannedNetwork& planned : networks_) network_weights.push_back(planned.weight);
  pick_network_ =
      std::discrete_distribution<std::size_t>(network_weights.begin(), network_weights.end());
  std::vector<double> category_weights;
  for (const TitleSet& set : kTitleSets) category_weights.push_back(set.weight);
  pick_category_ =
      std::discrete_distribution<std::size_t>(category_weights.begin(), category_weights.end());
}

void Dataset::plan_networks() {
  const auto all = towns();
  // Which town each network is in: every town once while there are enough
  // networks (metros first when there are not), then more neighbourhood
  // networks in the bigger places.
  std::vector<const Town*> order;
  for (const Town& town : all) order.push_back(&town);
  std::shuffle(order.begin(), order.end(), random_);
  std::stable_sort(order.begin(), order.end(), [](const Town* a, const Town* b) {
    return static_cast<int>(a->size) < static_cast<int>(b->size);
  });
  std::vector<const Town*> homes;
  for (const Town* town : order) {
    if (static_cast<int>(homes.size()) == options_.networks) break;
    homes.push_back(town);
  }
  std::vector<double> extra_weights;
  for (const Town* town : order) extra_weights.push_back(size_factor(town->size, 6, 2, 0.5));
  std::discrete_distribution<std::size_t> pick_town(extra_weights.begin(), extra_weights.end());
  while (static_cast<int>(homes.size()) < options_.networks) {
    homes.push_back(order[pick_town(random_)]);
  }

  std::map<const Town*, int> per_town;
  std::set<std::string> slugs;
  std::lognormal_distribution<double> jitter(0.0, 0.5);
  for (const Town* town : homes) {
    const int number = ++per_town[town];
    std::string stem = slug_stem(town->name);
    if (stem.size() < limits::kSlugMinChars) stem += "-ma";
    stem.resize(std::min<std::size_t>(stem.size(), limits::kSlugMaxChars - 5));
    std::string slug = number == 1 ? stem : fmt::format("{}-{}", stem, number);
    for (int again = 2; slugs.contains(slug); ++again) {
      slug = fmt::format("{}-{}", stem, again * 100 + number);
    }
    slugs.insert(slug);

    PlannedNetwork planned;
    planned.town = town;
    Network& network = planned.network;
    network.slug = slug;
    const std::string area =
        number == 1
            ? std::string()
            : std::string(kAreas[static_cast<std::size_t>(number - 2) % kAreas.size()]) + " ";
    network.name = fmt::format("{} {}Mutual Aid", town->name, area);
    network.description = fmt::format(
        "Neighbours helping neighbours in {}{}: food, rides, housing leads, childcare and more. "
        "No one has to justify a need.",
        area.empty() ? "" : area, town->name);
    geo::Point centre{town->lat, town->lon};
    if (number > 1) {
      const double reach_km = size_factor(town->size, 15, 8, 4);
      const double distance = uniform(random_, 2, reach_km);
      const double bearing = uniform(random_, 0, 2 * std::numbers::pi);
      centre = offset(centre, distance * std::cos(bearing), distance * std::sin(bearing));
    }
    network.area.centre = {std::round(centre.lat * 1e4) / 1e4, std::round(centre.lon * 1e4) / 1e4};
    network.area.radius_km =
        std::round(number == 1 ? size_factor(town->size, 30, 25, 30) : uniform(random_, 8, 20));
    network.languages = split_languages(town->languages);
    network.timezone = town->timezone;
    network.retention_days = limits::kRetentionDaysDefault;
    network.post_expiry_days = kNetworkPostExpiryDays;
    network.listed = true;
    network.created_at =
        options_.now - static_cast<UnixSeconds>(options_.history_days + 30) * kSecondsPerDay;
    // Clamped so that one lucky draw does not make a network ten times the
    // next: the busiest is then three to four times the mean, as in a
    // directory of real networks where a few big-city ones lead.
    planned.weight = size_factor(town->size, 3, 2, 1) * std::clamp(jitter(random_), 0.25, 3.0);
    networks_.push_back(std::move(planned));
  }
}

std::size_t Dataset::next_post(Post& post) {
  const std::int64_t index = made_++;
  const UnixSeconds history = static_cast<UnixSeconds>(options_.history_days) * kSecondsPerDay;
  const UnixSeconds start = options_.now - history;
  // Evenly spread in time, so ids grow with created_at as they would.
  const double slot =
      options_.posts > 0 ? static_cast<double>(history) / static_cast<double>(options_.posts) : 1.0;
  const UnixSeconds created =
      start +
      static_cast<UnixSeconds>((static_cast<double>(index) + uniform(random_, 0, 1)) * slot);
  const double age_fraction = std::clamp(
      static_cast<double>(options_.now - created) / static_cast<double>(history), 0.0, 1.0);

  const std::size_t network_index = pick_network_(random_);
  const Network& network = networks_[network_index].network;
  const TitleSet& set = kTitleSets[pick_category_(random_)];

  post = Post{};
  post.kind = chance(random_, 0.6) ? PostKind::kRequest : PostKind::kOffer;
  const bool request = post.kind == PostKind::kRequest;
  post.category = set.category;
  post.title =
      capitalized(fmt::format(fmt::runtime(pick(random_, request ? set.requests : set.offers)),
                              pick(random_, set.things), whole(random_, 2, 5)));
  post.details = pick(random_, kDetails);
  if (chance(random_, 0.35)) post.quantity = request ? whole(random_, 1, 6) : whole(random_, 1, 40);
  const double urgency = uniform(random_, 0, 1);
  if (request) {
    post.urgency = urgency < 0.25   ? Urgency::kToday
                   : urgency < 0.70 ? Urgency::kWeek
                                    : Urgency::kFlexible;
  } else {
    post.urgency = urgency < 0.05   ? Urgency::kToday
                   : urgency < 0.30 ? Urgency::kWeek
                                    : Urgency::kFlexible;
  }
  std::normal_distribution<double> spread(0.0, options_.spread_km);
  const geo::Point exact = offset(network.area.centre, spread(random_), spread(random_));
  post.point = geo::snap_to_cell(exact, network.public_grid_km);
  if (chance(random_, 0.6)) post.location_text = pick(random_, kLandmarks);

  const std::int64_t person = whole(random_, 1, 999'999);
  post.contact.name = fmt::format("Neighbour {}", person);
  const double contact = uniform(random_, 0, 1);
  if (contact < 0.30) {
    post.contact.phone = fmt::format("+1 555 01{:02} {:04}", person % 100, person % 10'000);
    post.contact.method = ContactMethod::kPhone;
  } else if (contact < 0.50) {
    post.contact.email = fmt::format("neighbour{}@example.org", person);
    post.contact.method = ContactMethod::kEmail;
  } else {
    post.contact.method = ContactMethod::kSite;
  }
  if (set.category == std::string_view("transport") && request && chance(random_, 0.7)) {
    Ride ride;
    ride.pickup_area = pick(random_, kAreas);
    ride.dropoff_area = pick(random_, kDropoffs);
    ride.appointment_at = created + whole(random_, 1, 7 * 24) * kHour;
    ride.return_trip = chance(random_, 0.5);
    ride.passengers = static_cast<int>(whole(random_, 1, 3));
    if (chance(random_, 0.15)) ride.accessibility_needs = {"wheelchair"};
    post.ride = std::move(ride);
  }

  post.created_at = post.updated_at = post.waiting_since = created;
  fill_status(post, age_fraction);
  fill_window(post);
  post.manage_token_hash = tokens::hash(fmt::format("bench:{}:{}", options_.seed, index));
  return network_index;
}

void Dataset::fill_status(Post& post, double age_fraction) {
  const UnixSeconds age = options_.now - post.created_at;
  auto later = [&](UnixSeconds most) {
    const UnixSeconds bound = std::max<UnixSeconds>(1, std::min(age, most));
    return post.created_at + whole(random_, 0, bound);
  };
  const double draw = uniform(random_, 0, 1);
  if (options_.live_only) {
    post.status = draw < 0.9 ? PostStatus::kOpen : PostStatus::kMatched;
  } else {
    // Newer posts are more often open, older ones more often fulfilled;
    // averaged over the history: 45% open, 10% matched, 35% fulfilled,
    // 10% closed.
    const double open = 0.65 - 0.40 * age_fraction;
    if (draw < open) {
      post.status = PostStatus::kOpen;
    } else if (draw < open + 0.10) {
      post.status = PostStatus::kMatched;
    } else if (draw < 0.90) {
      post.status = PostStatus::kFulfilled;
    } else {
      post.status = PostStatus::kClosed;
      const double reason = uniform(random_, 0, 1);
      post.close_reason = reason < 0.35   ? CloseReason::kWithdrawn
                          : reason < 0.80 ? CloseReason::kExpired
                          : reason < 0.85 ? CloseReason::kModerated
                                          : CloseReason::kDuplicate;
    }
  }
  switch (post.status) {
    case PostStatus::kOpen:
      if (chance(random_, 0.1)) post.updated_at = later(2 * kSecondsPerDay);  // edited
      break;
    case PostStatus::kMatched:
      post.updated_at = later(3 * kSecondsPerDay);
      break;
    case PostStatus::kFulfilled:
    case PostStatus::kClosed:
      post.updated_at = later(10 * kSecondsPerDay);
      break;
  }
}

void Dataset::fill_window(Post& post) {
  if (!chance(random_, 0.1)) return;
  if (post.status == PostStatus::kOpen || post.status == PostStatus::kMatched) {
    // A live post's window ends at least a week after `now`, so that a data
    // set reused for a week still has nothing for the expiry sweep to close.
    post.window_from = options_.now + whole(random_, 7 * 24, 30 * 24) * kHour;
  } else {
    post.window_from = post.created_at + whole(random_, 1, 5 * 24) * kHour;
  }
  post.window_to = *post.window_from + whole(random_, 2, 72) * kHour;
}

}  // namespace gapfill::bench
