#pragma once
// Suggested matches: the matcher (engine/matcher) run over a whole network
// at once. It pairs the open requests (and those matched for less than they
// need) with the open offers that have something left and with the available
// volunteers whose limits allow another match, and says why for each pair.
// Organizers accept one, accept all, or dismiss one (the matcher suggests a
// dismissed pair no more). docs/matching.md explains the order and the costs.
//
// Accepting a pair makes an accepted match, as an organizer's own match
// does. With a volunteer the match belongs to their account and has a match
// token, as a claim does; the volunteer gets an e-mail with its private link
// (the request's details, the thread, done or cancel). Their limits are
// checked again in the same write. Every accept and dismiss is audited.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/limits.hpp"
#include "domain/authorization.hpp"
#include "domain/drafts.hpp"
#include "domain/organizer_access.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

class Services;
struct CreatedMatch;

// Why the matcher suggests a pair.
struct SuggestionReasons {
  double distance_km = 0;  // between the two public (approximate) points
  std::int64_t waited_days = 0;
  Urgency urgency = Urgency::kFlexible;
  std::optional<UnixSeconds> from;  // where both time windows meet, when either has one
  std::optional<UnixSeconds> to;
  std::optional<std::string> language;  // the shared language, when the request named any
};

// One suggested pair. Organizers only: it carries private fields.
struct Suggestion {
  Post request;
  std::optional<Post> offer;                  // set for an offer
  std::optional<VolunteerProfile> volunteer;  // set for a volunteer
  std::int64_t quantity = 1;
  std::int64_t priority = 0;  // the request's, as the matcher ranks it
  SuggestionReasons reasons;
};

struct SuggestionSummary {
  int requests = 0;    // requests the matcher considered
  int offers = 0;      // offers with something left
  int volunteers = 0;  // volunteers who may take another match
  std::int64_t units_needed = 0;
  std::int64_t units_suggested = 0;
  int requests_suggested = 0;
};

struct SuggestionList {
  std::vector<Suggestion> items;  // most urgent first; at most the limit asked
  int total = 0;                  // how many suggestions there are in all
  SuggestionSummary summary;
};

// Which suggestion: a request and either an offer or a volunteer (account).
struct SuggestionChoice {
  ReadErrors read_errors;
  std::optional<PostId> request_id;
  std::optional<PostId> offer_id;
  std::optional<AccountId> volunteer_id;
};

struct AcceptedSuggestions {
  std::vector<Match> matches;       // made, in the order of the suggestions
  int skipped = 0;                  // suggestions that no longer held when accepted
  std::optional<Error> first_skip;  // why the first of them did not
};

class SuggestionService {
 public:
  explicit SuggestionService(Services& services) : services_(services) {}

  // The network's suggestions (kWorkQueue). kInvalid for a limit outside
  // 1..limits::kSuggestionsLimitMax.
  Result<SuggestionList> suggest(const std::string& network_slug, const Actor& actor,
                                 int limit = limits::kSuggestionsLimitDefault);
  // Accepts the chosen pair as it is suggested now (its quantity): kInvalid
  // naming the missing field, kConflict when the matcher no longer suggests
  // it (something changed: reload).
  Result<Match> accept(const std::string& network_slug, const Actor& actor,
                       const SuggestionChoice& choice);
  // Accepts every current suggestion, most urgent first, at most
  // limits::kSuggestionsAcceptAllMax of them.
  Result<AcceptedSuggestions> accept_all(const std::string& network_slug, const Actor& actor);
  // The matcher suggests this pair no more.
  Status dismiss(const std::string& network_slug, const Actor& actor,
                 const SuggestionChoice& choice);

  // For the operator at the command line (`gapfill match`): the same,
  // without an account, audited as the operator.
  Result<SuggestionList> suggest_as_operator(const std::string& network_slug, int limit);
  Result<AcceptedSuggestions> accept_all_as_operator(const std::string& network_slug);

 private:
  Result<Organizing> authorize(const std::string& network_slug, const Actor& actor);
  Result<SuggestionList> compute(const Network& network, int limit);
  Result<AcceptedSuggestions> accept_list(const Organizing& organizing,
                                          const std::vector<Suggestion>& suggestions);
  Services& services_;
};

}  // namespace gapfill::domain
