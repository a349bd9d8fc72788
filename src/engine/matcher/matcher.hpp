#pragma once
// The matcher: for a whole network at once, which offer or volunteer should
// meet which request. No I/O. It maximizes, in this order:
//   1. the requests served (in units of quantity),
//   2. their priority (urgency, and days waited: the longer a request waits
//      the higher it rises, so nobody waits forever),
//   3. the least total distance,
// as a min-cost flow (LEMON) over candidate arcs: the category fits, the
// distance is within both sides' maximum, the time windows overlap, and the
// two share a language when the request names one. docs/matching.md gives the
// cost function and why the order is exact.
//
// This header is plain C++17 with no LEMON type in it: LEMON's headers do not
// compile as C++20, so the solver lives in its own library target.

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace gapfill::engine::matcher {

// A closed interval of Unix seconds; the default is "any time".
struct Window {
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t to = std::numeric_limits<std::int64_t>::max();
};

enum class Urgency : std::uint8_t { kToday, kWeek, kFlexible };

// An open request, with what it still needs.
struct Demand {
  std::int64_t id = 0;         // the caller's id (a post id); unique among demands
  std::uint32_t category = 0;  // the caller's category code
  std::int64_t quantity = 1;   // units still needed, >= 1
  double lat = 0, lon = 0;
  double max_km = 25;  // how far the person can go or be reached, > 0
  Window window;
  Urgency urgency = Urgency::kFlexible;
  std::int64_t waited_days = 0;          // >= 0
  std::vector<std::uint32_t> languages;  // any one will do; empty: any language
};

// An open offer (units of one category) or an available volunteer (whole
// requests of any of their categories).
struct Supply {
  std::int64_t id = 0;  // a post id for an offer, an account id for a volunteer
  bool volunteer = false;
  // An offer has exactly one category; a volunteer one or more.
  std::vector<std::uint32_t> categories;
  // An offer: units it has left. A volunteer: how many more requests they
  // may take (their limits already applied); a volunteer takes a request
  // whole, so only requests of quantity 1 get volunteer arcs.
  std::int64_t capacity = 1;
  double lat = 0, lon = 0;
  double max_km = 25;
  Window window;
  std::vector<std::uint32_t> languages;  // spoken; empty: none stated
};

// A pair the caller rules out (an organizer dismissed it, or the volunteer
// is the requester).
struct Excluded {
  std::int64_t demand_id = 0;
  std::int64_t supply_id = 0;
  bool volunteer = false;
};

struct Problem {
  std::vector<Demand> demands;
  std::vector<Supply> supplies;
  std::vector<Excluded> excluded;
};

// Why a pair was suggested, for the organizer who decides.
struct Reasons {
  double distance_km = 0;
  std::int64_t waited_days = 0;
  Urgency urgency = Urgency::kFlexible;
  Window overlap;              // where both windows meet (default: any time)
  std::uint32_t language = 0;  // the shared language, when the request named any
  bool language_matched = false;
};

struct Suggestion {
  std::size_t demand = 0;  // index into Problem::demands
  std::size_t supply = 0;  // index into Problem::supplies
  std::int64_t quantity = 0;
  std::int64_t priority = 0;  // of the request, as the cost function counts it
  Reasons reasons;
};

struct Summary {
  std::int64_t units_demanded = 0;
  std::int64_t units_served = 0;
  std::int64_t requests_served = 0;  // served at least in part
  std::int64_t priority_served = 0;  // the sum over served units
  double total_distance_km = 0;      // the sum over served units
  std::int64_t candidate_arcs = 0;
  std::int64_t components = 0;  // independent sub-problems solved
};

struct Result {
  // Most urgent request first, then by demand index, then by supply index:
  // the same Problem always gives the same Result.
  std::vector<Suggestion> suggestions;
  Summary summary;
};

struct Options {
  int threads = 1;  // components are solved on up to this many threads
};

// The request's priority: its urgency's points plus the days it has waited.
std::int64_t priority(const Demand& demand);

// The best matching. Throws std::invalid_argument for a Problem that breaks
// the field rules above (the domain validates before it gets here).
Result solve(const Problem& problem, const Options& options = {});

// The baseline the benchmarks compare with: nearest pair first, over the
// same candidate arcs.
Result solve_greedy(const Problem& problem);

}  // namespace gapfill::engine::matcher
