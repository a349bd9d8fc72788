#include "domain/suggestions.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "domain/audit.hpp"
#include "domain/catalogue.hpp"
#include "domain/history.hpp"
#include "domain/lifecycle.hpp"
#include "domain/moderation.hpp"
#include "domain/services.hpp"
#include "domain/tokens.hpp"
#include "domain/transitions.hpp"
#include "domain/volunteers.hpp"
#include "engine/matcher/matcher.hpp"

namespace gapfill::domain {
namespace {

namespace mx = engine::matcher;

constexpr UnixSeconds kDaySeconds = 86'400;
constexpr UnixSeconds kWeekSeconds = 7 * kDaySeconds;

mx::Urgency to_engine(Urgency urgency) {
  switch (urgency) {
    case Urgency::kToday:
      return mx::Urgency::kToday;
    case Urgency::kWeek:
      return mx::Urgency::kWeek;
    case Urgency::kFlexible:
      break;
  }
  return mx::Urgency::kFlexible;
}

mx::Window window_of(std::optional<UnixSeconds> from, std::optional<UnixSeconds> to) {
  mx::Window window;
  if (from) window.from = *from;
  if (to) window.to = *to;
  return window;
}

// Small integer codes for the engine, in first-seen order.
class Codes {
 public:
  std::uint32_t of(const std::string& text) {
    const auto [it, added] = codes_.emplace(text, static_cast<std::uint32_t>(names_.size()));
    if (added) names_.push_back(text);
    return it->second;
  }
  const std::string& name(std::uint32_t code) const { return names_.at(code); }

 private:
  std::map<std::string, std::uint32_t> codes_;
  std::vector<std::string> names_;
};

// What the matcher is given, with the records behind each index.
struct Inputs {
  mx::Problem problem;
  std::vector<const Post*> requests;  // parallel to problem.demands
  std::vector<const Post*> offers;    // parallel to problem.supplies, null for a volunteer
  std::vector<const VolunteerProfile*> volunteers;  // parallel to problem.supplies
  Codes languages;
};

double max_km(const std::optional<double>& stated) {
  return stated.value_or(limits::kMatchDistanceDefaultKm);
}

// The read side: everything the matcher needs about one network, loaded in
// one read transaction.
struct Loaded {
  std::vector<Post> posts;
  std::map<PostId, std::int64_t> committed;
  // Those who may take another match, and how many more.
  std::vector<std::pair<VolunteerProfile, int>> volunteers;
  std::vector<DismissedSuggestion> dismissed;
};

Result<Loaded> load(store::Transaction& transaction, const Network& network, UnixSeconds now) {
  Loaded loaded;
  store::PostFilter filter;
  filter.network_id = network.id;
  filter.statuses = {PostStatus::kOpen, PostStatus::kMatched};
  filter.visibility = store::PostFilter::Visibility::kPublic;
  TRY_STATUS(transaction.posts().for_each(filter,
                                          [&](const Post& post) { loaded.posts.push_back(post); }));
  loaded.committed = TRY(transaction.matches().committed_quantities(network.id));
  const auto loads = TRY(transaction.matches().volunteer_loads(network.id, now - kWeekSeconds));
  for (VolunteerProfile& profile : TRY(transaction.volunteers().list(network.id))) {
    const auto load_it = loads.find(profile.account_id);
    const VolunteerLoad load = load_it == loads.end() ? VolunteerLoad{} : load_it->second;
    const int capacity = capacity_left(profile, load, now);
    if (capacity <= 0) continue;
    if (!refuse_blocked_account(transaction, network.id, profile.account_id)) continue;
    loaded.volunteers.emplace_back(std::move(profile), capacity);
  }
  loaded.dismissed = TRY(transaction.suggestions().list_dismissed(network.id));
  return loaded;
}

std::int64_t committed_of(const Loaded& loaded, PostId id) {
  const auto it = loaded.committed.find(id);
  return it == loaded.committed.end() ? 0 : it->second;
}

Inputs build(const Network& network, const std::vector<Category>& categories, const Loaded& loaded,
             UnixSeconds now) {
  Inputs inputs;
  std::map<std::string, std::uint32_t> category_codes;
  for (const Category& category : categories) {
    category_codes.emplace(category.key, static_cast<std::uint32_t>(category_codes.size()));
  }
  const std::string network_language =
      network.languages.empty() ? std::string("en") : network.languages.front();
  const auto codes_of = [&](const std::vector<std::string>& languages) {
    std::vector<std::uint32_t> codes;
    for (const std::string& language : languages) codes.push_back(inputs.languages.of(language));
    return codes;
  };
  for (const Post& post : loaded.posts) {
    const auto category = category_codes.find(post.category);
    if (category == category_codes.end()) continue;
    const std::int64_t left = post.quantity.value_or(1) - committed_of(loaded, post.id);
    if (left <= 0) continue;
    if (post.kind == PostKind::kRequest) {
      // A request has one live match at a time (the store keeps it so: it
      // is never claimed twice), so only open requests are matched.
      if (post.status != PostStatus::kOpen) continue;
      mx::Demand demand;
      demand.id = post.id;
      demand.category = category->second;
      demand.quantity = left;
      demand.lat = post.point.lat;
      demand.lon = post.point.lon;
      demand.max_km = max_km(post.max_distance_km);
      demand.window = window_of(post.window_from, post.window_to);
      demand.urgency = to_engine(post.urgency);
      demand.waited_days = std::max<UnixSeconds>(0, now - post.waiting_since) / kDaySeconds;
      demand.languages = codes_of(post.languages);
      inputs.problem.demands.push_back(std::move(demand));
      inputs.requests.push_back(&post);
    } else if (post.status == PostStatus::kOpen) {
      mx::Supply supply;
      supply.id = post.id;
      supply.categories = {category->second};
      supply.capacity = left;
      supply.lat = post.point.lat;
      supply.lon = post.point.lon;
      supply.max_km = max_km(post.max_distance_km);
      supply.window = window_of(post.window_from, post.window_to);
      // Someone who states no language wrote in the network's own.
      supply.languages =
          codes_of(post.languages.empty() ? std::vector{network_language} : post.languages);
      inputs.problem.supplies.push_back(std::move(supply));
      inputs.offers.push_back(&post);
      inputs.volunteers.push_back(nullptr);
    }
  }
  for (const auto& [profile, capacity] : loaded.volunteers) {
    mx::Supply supply;
    supply.id = profile.account_id;
    supply.volunteer = true;
    for (const std::string& key : profile.categories) {
      const auto category = category_codes.find(key);
      if (category != category_codes.end()) supply.categories.push_back(category->second);
    }
    if (supply.categories.empty()) continue;
    supply.capacity = capacity;
    supply.lat = profile.point.lat;
    supply.lon = profile.point.lon;
    supply.max_km = profile.max_distance_km;
    supply.window = window_of(profile.available_from, profile.available_until);
    supply.languages = codes_of(profile.languages);
    inputs.problem.supplies.push_back(std::move(supply));
    inputs.offers.push_back(nullptr);
    inputs.volunteers.push_back(&profile);
  }
  for (const DismissedSuggestion& dismissed : loaded.dismissed) {
    if (dismissed.offer_id) {
      inputs.problem.excluded.push_back({dismissed.request_id, *dismissed.offer_id, false});
    } else if (dismissed.volunteer_id) {
      inputs.problem.excluded.push_back({dismissed.request_id, *dismissed.volunteer_id, true});
    }
  }
  // Nobody is suggested to help with their own request.
  for (const Post* request : inputs.requests) {
    if (request->account_id)
      inputs.problem.excluded.push_back({request->id, *request->account_id, true});
  }
  return inputs;
}

Urgency from_engine(mx::Urgency urgency) {
  switch (urgency) {
    case mx::Urgency::kToday:
      return Urgency::kToday;
    case mx::Urgency::kWeek:
      return Urgency::kWeek;
    case mx::Urgency::kFlexible:
      break;
  }
  return Urgency::kFlexible;
}

Suggestion to_suggestion(const Inputs& inputs, const mx::Suggestion& found) {
  Suggestion suggestion;
  suggestion.request = *inputs.requests.at(found.demand);
  if (const Post* offer = inputs.offers.at(found.supply)) suggestion.offer = *offer;
  if (const VolunteerProfile* volunteer = inputs.volunteers.at(found.supply)) {
    suggestion.volunteer = *volunteer;
  }
  suggestion.quantity = found.quantity;
  suggestion.priority = found.priority;
  const mx::Reasons& reasons = found.reasons;
  suggestion.reasons.distance_km = reasons.distance_km;
  suggestion.reasons.waited_days = reasons.waited_days;
  suggestion.reasons.urgency = from_engine(reasons.urgency);
  const mx::Window any;
  if (reasons.overlap.from != any.from) suggestion.reasons.from = reasons.overlap.from;
  if (reasons.overlap.to != any.to) suggestion.reasons.to = reasons.overlap.to;
  if (reasons.language_matched)
    suggestion.reasons.language = inputs.languages.name(reasons.language);
  return suggestion;
}

bool same_pair(const Suggestion& suggestion, const SuggestionChoice& choice) {
  if (suggestion.request.id != choice.request_id) return false;
  if (choice.offer_id) return suggestion.offer && suggestion.offer->id == *choice.offer_id;
  return suggestion.volunteer && choice.volunteer_id &&
         suggestion.volunteer->account_id == *choice.volunteer_id;
}

// kInvalid unless the choice names a request and exactly one of an offer
// and a volunteer.
Status check_choice(const SuggestionChoice& choice) {
  FieldErrors errors;
  if (!choice.request_id) errors["request_id"] = Message{"error.required", {}};
  if (choice.offer_id && choice.volunteer_id) {
    errors["volunteer_id"] = Message{"suggestions.error_not_both", {}};
  } else if (!choice.offer_id && !choice.volunteer_id) {
    errors["offer_id"] =
        Message{"error.required_either", {{"first", "offer_id"}, {"second", "volunteer_id"}}};
  }
  merge_read_errors(choice.read_errors, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  return {};
}

// The post `id` of `network`, locked; a post of another network is not found.
Result<Post> post_in(store::Transaction& transaction, const Network& network, PostId id) {
  Post post = TRY(transaction.posts().find_for_update(id));
  if (post.network_id != network.id) return not_found("Post");
  return post;
}

// Makes the match a suggestion stands for, after checking that it still
// holds (kConflict when not; nothing is written then).
// With a volunteer, `volunteer_token` gets the match token, for their e-mail.
Result<Match> make_match(store::Transaction& transaction, const Organizing& organizing,
                         const Suggestion& suggestion, UnixSeconds now, std::vector<Post>& changed,
                         std::string* volunteer_token) {
  const Network& network = organizing.network;
  const Post request = TRY(post_in(transaction, network, suggestion.request.id));
  TRY_STATUS(refuse_hidden(request));
  std::string detail = "request=" + std::to_string(request.id);
  Match match;
  if (suggestion.offer) {
    const Post offer = TRY(post_in(transaction, network, suggestion.offer->id));
    TRY_STATUS(refuse_hidden(offer));
    TRY_STATUS(check_pairable(request, offer));
    const PairTerms terms{suggestion.quantity, "", MatchStatus::kAccepted};
    match = TRY(pair_request_with_offer(transaction, request, offer, terms, now, changed));
    TRY_STATUS(record_event(transaction, offer, "organizer", match.id, "accept_suggestion", now));
    detail += " offer=" + std::to_string(offer.id);
  } else {
    const AccountId volunteer_id = suggestion.volunteer->account_id;
    if (request.status != PostStatus::kOpen) return not_open(request);
    const auto profile = TRY(transaction.volunteers().find(network.id, volunteer_id));
    if (!profile || !profile->available) {
      return fail(ErrorCode::kConflict, "The volunteer is not available now.");
    }
    TRY_STATUS(check_volunteer_limits(transaction, network.id, volunteer_id, now));
    TRY_STATUS(refuse_blocked_account(transaction, network.id, volunteer_id));
    const Account account = TRY(transaction.accounts().find(volunteer_id));
    const tokens::Issued token = tokens::issue();
    match.network_id = network.id;
    match.request_id = request.id;
    match.volunteer = Volunteer{profile->name, account.email, ""};
    match.quantity = suggestion.quantity;
    match.status = MatchStatus::kAccepted;
    match.token_hash = token.hash;
    match.created_at = match.updated_at = now;
    match.id = TRY(transaction.matches().insert(match));
    TRY_STATUS(transaction.matches().set_account(match.id, volunteer_id));
    match.account_id = volunteer_id;
    TRY_STATUS(record_event(transaction, request, "match", match.id, "accepted", now));
    TRY_STATUS(refresh_post_status(transaction, request.id, match.id, now, changed));
    if (volunteer_token != nullptr) *volunteer_token = token.token;
    detail += " volunteer=account " + std::to_string(volunteer_id);
  }
  TRY_STATUS(record_event(transaction, request, "organizer", match.id, "accept_suggestion", now));
  TRY_STATUS(record_audit(transaction, network.id, organizing.actor, "accept_suggestion",
                          {"match", match.id},
                          detail + " quantity=" + std::to_string(match.quantity), now));
  return match;
}

// "The organizers matched you with a request": no personal data of the
// requester, only the title, and the volunteer's private link to the match
// (what a claim shows), where they see the details, write to the requester,
// and mark it done or cancel it.
Email volunteer_notice(Services& services, const Network& network, const Match& match,
                       const std::string& title, const std::string& token) {
  const std::string language = network.languages.empty() ? "en" : network.languages.front();
  const auto& catalogue = i18n::Catalogue::builtin();
  const i18n::MessageArgs args{{"title", title}, {"network", network.name}};
  Email email;
  email.to = match.volunteer ? match.volunteer->email : "";
  email.subject = catalogue.format(language, "suggestions.notice_subject", args);
  email.text = catalogue.format(language, "suggestions.notice_text", args);
  email.text +=
      "\n\n" + services.public_url() + "/p/" + std::to_string(match.request_id) + "/k/" + token;
  email.text += "\n";
  return email;
}

}  // namespace

Result<Organizing> SuggestionService::authorize(const std::string& network_slug,
                                                const Actor& actor) {
  Organizing organizing;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    organizing = TRY(authorize_organizer(services_, transaction, network_slug, actor,
                                         OrganizerAction::kWorkQueue));
    return {};
  }));
  return organizing;
}

Result<SuggestionList> SuggestionService::compute(const Network& network, int limit) {
  const UnixSeconds now = services_.now();
  const auto categories = TRY(services_.networks().categories(network.slug));
  Loaded loaded;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    loaded = TRY(load(transaction, network, now));
    return {};
  }));
  const Inputs inputs = build(network, categories, loaded, now);
  const mx::Result found = mx::solve(inputs.problem);
  // The flow may split a request's quantity between offers; a request has
  // one live match at a time, so it keeps the part that gives the most (the
  // first of equals). Its other parts' offers stay free for later.
  std::map<std::size_t, std::size_t> kept;  // demand index -> suggestion index
  for (std::size_t i = 0; i < found.suggestions.size(); ++i) {
    const mx::Suggestion& one = found.suggestions[i];
    const auto [it, added] = kept.emplace(one.demand, i);
    if (!added && one.quantity > found.suggestions[it->second].quantity) it->second = i;
  }
  SuggestionList list;
  list.total = static_cast<int>(kept.size());
  for (std::size_t i = 0; i < found.suggestions.size(); ++i) {
    const mx::Suggestion& one = found.suggestions[i];
    if (kept.at(one.demand) != i) continue;
    if (static_cast<int>(list.items.size()) < limit)
      list.items.push_back(to_suggestion(inputs, one));
    list.summary.units_suggested += one.quantity;
  }
  SuggestionSummary& summary = list.summary;
  summary.requests = static_cast<int>(inputs.requests.size());
  for (std::size_t i = 0; i < inputs.offers.size(); ++i) {
    if (inputs.offers[i] != nullptr) ++summary.offers;
    if (inputs.volunteers[i] != nullptr) ++summary.volunteers;
  }
  summary.units_needed = found.summary.units_demanded;
  summary.requests_suggested = list.total;
  return list;
}

namespace {

Status check_limit(int limit) {
  if (limit >= 1 && limit <= limits::kSuggestionsLimitMax) return {};
  return invalid(
      {{"limit", Message{"error.range",
                         {{"min", "1"}, {"max", std::to_string(limits::kSuggestionsLimitMax)}}}}});
}

}  // namespace

Result<SuggestionList> SuggestionService::suggest(const std::string& network_slug,
                                                  const Actor& actor, int limit) {
  TRY_STATUS(check_limit(limit));
  const Organizing organizing = TRY(authorize(network_slug, actor));
  return compute(organizing.network, limit);
}

Result<SuggestionList> SuggestionService::suggest_as_operator(const std::string& network_slug,
                                                              int limit) {
  TRY_STATUS(check_limit(limit));
  const Network network = TRY(services_.networks().find(network_slug));
  return compute(network, limit);
}

Result<AcceptedSuggestions> SuggestionService::accept_list(
    const Organizing& organizing, const std::vector<Suggestion>& suggestions) {
  const UnixSeconds now = services_.now();
  AcceptedSuggestions accepted;
  struct Notice {
    Match match;
    std::string title;
    std::string token;
  };
  std::vector<Notice> to_notify;  // volunteers' matches
  TRY_STATUS(
      services_.write([&](store::Transaction& transaction, std::vector<Post>& changed) -> Status {
        accepted = AcceptedSuggestions{};
        to_notify.clear();
        for (const Suggestion& suggestion : suggestions) {
          std::string token;
          auto match = make_match(transaction, organizing, suggestion, now, changed, &token);
          if (!match) {
            const ErrorCode code = match.error().code;
            if (code != ErrorCode::kConflict && code != ErrorCode::kGone) {
              return std::unexpected(match.error());
            }
            ++accepted.skipped;
            if (!accepted.first_skip) accepted.first_skip = match.error();
            continue;
          }
          if (match->account_id) to_notify.push_back({*match, suggestion.request.title, token});
          accepted.matches.push_back(std::move(*match));
        }
        return {};
      }));
  for (const Notice& notice : to_notify) {
    const Email email =
        volunteer_notice(services_, organizing.network, notice.match, notice.title, notice.token);
    if (!email.to.empty()) (void)services_.outbox().send(email);
  }
  return accepted;
}

Result<Match> SuggestionService::accept(const std::string& network_slug, const Actor& actor,
                                        const SuggestionChoice& choice) {
  TRY_STATUS(check_choice(choice));
  const Organizing organizing = TRY(authorize(network_slug, actor));
  // Every suggestion, not a page of them: the pair may be far down the list.
  const SuggestionList list = TRY(compute(organizing.network, std::numeric_limits<int>::max()));
  const auto it = std::find_if(list.items.begin(), list.items.end(),
                               [&](const Suggestion& s) { return same_pair(s, choice); });
  if (it == list.items.end()) {
    return fail(ErrorCode::kConflict,
                "The matcher no longer suggests this pair: a post or a volunteer changed. "
                "Reload the suggestions.");
  }
  const AcceptedSuggestions accepted = TRY(accept_list(organizing, {*it}));
  if (accepted.matches.empty()) {
    if (accepted.first_skip) return std::unexpected(*accepted.first_skip);
    return fail(ErrorCode::kConflict,
                "This suggestion no longer holds: a post or a volunteer changed. Reload the "
                "suggestions.");
  }
  return accepted.matches.front();
}

Result<AcceptedSuggestions> SuggestionService::accept_all(const std::string& network_slug,
                                                          const Actor& actor) {
  const Organizing organizing = TRY(authorize(network_slug, actor));
  const SuggestionList list = TRY(compute(organizing.network, limits::kSuggestionsAcceptAllMax));
  return accept_list(organizing, list.items);
}

Result<AcceptedSuggestions> SuggestionService::accept_all_as_operator(
    const std::string& network_slug) {
  Organizing organizing{TRY(services_.networks().find(network_slug)), operator_actor()};
  const SuggestionList list = TRY(compute(organizing.network, limits::kSuggestionsAcceptAllMax));
  return accept_list(organizing, list.items);
}

Status SuggestionService::dismiss(const std::string& network_slug, const Actor& actor,
                                  const SuggestionChoice& choice) {
  TRY_STATUS(check_choice(choice));
  const UnixSeconds now = services_.now();
  return services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    const Organizing organizing = TRY(authorize_organizer(services_, transaction, network_slug,
                                                          actor, OrganizerAction::kWorkQueue));
    const Network& network = organizing.network;
    const Post request = TRY(post_in(transaction, network, *choice.request_id));
    if (request.kind != PostKind::kRequest) {
      return invalid({{"request_id", Message{"suggestions.error_not_request", {}}}});
    }
    DismissedSuggestion dismissed;
    dismissed.network_id = network.id;
    dismissed.request_id = request.id;
    std::string detail = "request=" + std::to_string(request.id);
    if (choice.offer_id) {
      const Post offer = TRY(post_in(transaction, network, *choice.offer_id));
      if (offer.kind != PostKind::kOffer) {
        return invalid({{"offer_id", Message{"suggestions.error_not_offer", {}}}});
      }
      dismissed.offer_id = offer.id;
      detail += " offer=" + std::to_string(offer.id);
    } else {
      const auto profile = TRY(transaction.volunteers().find(network.id, *choice.volunteer_id));
      if (!profile) return not_found("Volunteer");
      dismissed.volunteer_id = profile->account_id;
      detail += " volunteer=account " + std::to_string(profile->account_id);
    }
    dismissed.dismissed_by = actor.account;
    dismissed.dismissed_at = now;
    TRY_STATUS(transaction.suggestions().dismiss(dismissed));
    return record_audit(transaction, network.id, organizing.actor, "dismiss_suggestion",
                        {"post", request.id}, detail, now);
  });
}

}  // namespace gapfill::domain
