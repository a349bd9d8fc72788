// The authorization matrix: every API route and page, for every kind of
// actor, on their own records, on another network's records (swapped ids:
// this actor's token or role on that network's post or match) and on a
// guessed id, over real HTTP, asserting allow or deny for each cell.
//
// Actors: anonymous; the poster (the manage token of the post the row acts
// on); another poster (the manage token of an unrelated post of the same
// network); the claimer (the match token of a volunteer's claim); a
// volunteer account of the network; an organizer of the network; an
// organizer of another network; an admin of the network.
//
// To add a route: add a Row to rows() naming the method, the target and body
// for each case, and who is allowed. "Allowed" is a status below 400 (for
// reads of a post: the private shape); "denied" is 401, 403 or 404.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using nlohmann::json;

enum class Who {
  kAnonymous,
  kPoster,
  kOtherPoster,
  kClaimer,
  kVolunteer,
  kOrganizer,
  kOtherOrganizer,
  kAdmin,
};
constexpr Who kEveryone[] = {Who::kAnonymous, Who::kPoster,    Who::kOtherPoster,    Who::kClaimer,
                             Who::kVolunteer, Who::kOrganizer, Who::kOtherOrganizer, Who::kAdmin};

const char* name_of(Who who) {
  switch (who) {
    case Who::kAnonymous:
      return "anonymous";
    case Who::kPoster:
      return "poster";
    case Who::kOtherPoster:
      return "another poster";
    case Who::kClaimer:
      return "claimer";
    case Who::kVolunteer:
      return "volunteer";
    case Who::kOrganizer:
      return "organizer";
    case Who::kOtherOrganizer:
      return "organizer of another network";
    case Who::kAdmin:
      return "admin";
  }
  return "?";
}

// Which records a cell acts on.
enum class Case { kOwn, kOtherNetwork, kGuessed };
const char* name_of(Case c) {
  switch (c) {
    case Case::kOwn:
      return "own";
    case Case::kOtherNetwork:
      return "other network";
    case Case::kGuessed:
      return "guessed id";
  }
  return "?";
}

constexpr std::int64_t kGuessedId = 987654;

// One network's records, fresh for every cell that may change them.
struct Records {
  std::string slug;
  std::int64_t request = 0;  // open request; its token is the poster's
  std::string request_token;
  std::int64_t claimed = 0;  // a request a volunteer claimed
  std::string claimed_token;
  std::int64_t match = 0;  // the claim
  std::string match_token;
  std::int64_t proposed_request = 0;  // a request with a proposal from an offer
  std::string proposed_request_token;
  std::int64_t proposal = 0;
  std::int64_t offer = 0;      // an open offer with quantity left
  std::int64_t unrelated = 0;  // another poster's post
  std::string unrelated_token;
  std::int64_t invite = 0;  // a live invite to volunteer
  std::string invite_token;
};

struct World {
  Records own;    // riverside
  Records other;  // hillside
};

struct Accounts {
  std::map<Who, std::string> session;  // session tokens
  std::map<Who, std::int64_t> id;
};

// A row: one route. `target` and `body` get the world and the case; the
// body is JSON for the API and form fields for pages.
struct Row {
  std::string name;
  std::string method;
  bool page = false;
  bool changes = false;  // allowed cells run on fresh records
  std::function<std::string(const World&, Case, Who)> target;
  std::function<json(const World&, Case)> body;
  std::function<FormFields(const World&, Case)> form;
  std::set<Who> allowed_own;
  std::set<Who> allowed_other;  // on the other network's records
  std::vector<Case> cases{Case::kOwn, Case::kOtherNetwork, Case::kGuessed};
  bool private_shape = false;  // allowed means the private shape of a post
};

const Records& pick(const World& world, Case c) {
  return c == Case::kOtherNetwork ? world.other : world.own;
}

std::int64_t id_or_guess(Case c, std::int64_t id) {
  return c == Case::kGuessed ? kGuessedId : id;
}

const std::set<Who> kSignedIn{Who::kVolunteer, Who::kOrganizer, Who::kOtherOrganizer, Who::kAdmin};
const std::set<Who> kAll(std::begin(kEveryone), std::end(kEveryone));
const std::set<Who> kOrganizers{Who::kOrganizer, Who::kAdmin};

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>();
    client_ = std::make_unique<HttpClient>(server_->port());
    for (Who who : {Who::kAdmin, Who::kOtherOrganizer, Who::kOrganizer, Who::kVolunteer}) {
      sign_up(who);
    }
    // The admin creates riverside; the organizer of another network creates
    // hillside (and is its admin, a superset of organizer there).
    ASSERT_EQ(api("POST", "/api/v1/networks", network_body("riverside"), Who::kAdmin).status, 201);
    ASSERT_EQ(
        api("POST", "/api/v1/networks", network_body("hillside"), Who::kOtherOrganizer).status,
        201);
    const auto invite =
        api("POST", "/api/v1/networks/riverside/invites", {{"role", "organizer"}}, Who::kAdmin);
    ASSERT_EQ(invite.status, 201) << invite.body;
    ASSERT_EQ(
        api("POST", "/api/v1/invites/redeem", {{"token", invite.json()["token"]}}, Who::kOrganizer)
            .status,
        200);
    // The operator's spare network, for redeeming organizer keys.
    domain::NetworkDraft spare;
    spare.slug = "lakeside";
    spare.name = "Lakeside";
    spare.lat = 46.9;
    spare.lon = -114;
    spare.radius_km = 10;
    ASSERT_TRUE(server_->app().services().networks().create(spare));
    for (Who who : kEveryone) {
      pages_[who] = std::make_unique<PageClient>(server_->port());
      if (accounts_.session.contains(who)) {
        pages_[who]->set_cookie("gf_session", accounts_.session[who]);
      }
      ASSERT_EQ(pages_[who]->get("/n/riverside/ask").status, 200);  // a CSRF token
    }
    world_ = make_world();
  }

  void sign_up(Who who) {
    const std::string email = fmt::format("{}@example.org", static_cast<int>(who));
    const json credentials = {{"email", email}, {"password", "correct horse battery staple"}};
    const auto created = client_->post("/api/v1/accounts", credentials);
    ASSERT_LT(created.status, 300) << created.body;
    const auto session = client_->post("/api/v1/sessions", credentials);
    ASSERT_EQ(session.status, 201) << session.body;
    accounts_.session[who] = session.json()["session_token"];
    accounts_.id[who] = session.json()["account"]["id"];
  }

  // The bearer token `who` sends for a row acting on `records`.
  std::string credential(Who who, const Records& records, const std::string& poster_token) {
    switch (who) {
      case Who::kAnonymous:
        return "";
      case Who::kPoster:
        return poster_token;
      case Who::kOtherPoster:
        return records.unrelated_token;
      case Who::kClaimer:
        return records.match_token;
      default:
        return accounts_.session.at(who);
    }
  }

  HttpResult api(const std::string& method, const std::string& target, const json& body, Who who,
                 const std::string& token = "") {
    std::vector<std::string> headers{"Content-Type: application/json"};
    const std::string bearer = accounts_.session.contains(who) ? accounts_.session[who] : token;
    if (!bearer.empty()) headers.push_back("Authorization: Bearer " + bearer);
    return client_->request(method, target, body.is_null() ? "" : body.dump(), headers);
  }

  Records make_records(const std::string& slug, Who admin) {
    Records r;
    r.slug = slug;
    const std::string posts = "/api/v1/networks/" + slug + "/posts";
    const auto create = [&](const json& body, std::int64_t& id, std::string& token) {
      const auto created = client_->post(posts, body);
      EXPECT_EQ(created.status, 201) << created.body;
      id = created.json()["post"]["id"];
      token = created.json()["manage_token"];
    };
    create(request_body(), r.request, r.request_token);
    create(request_body("Claimed"), r.claimed, r.claimed_token);
    const auto claim = client_->post(post_path(r.claimed) + "/claim", claim_body());
    EXPECT_EQ(claim.status, 201) << claim.body;
    r.match = claim.json()["match"]["id"];
    r.match_token = claim.json()["match_token"];
    create(request_body("Proposed"), r.proposed_request, r.proposed_request_token);
    std::string offer_token;
    const json offer = {{"kind", "offer"},
                        {"category", "food"},
                        {"title", "Soup"},
                        {"quantity", 5},
                        {"contact", {{"email", "giver@example.org"}}}};
    create(offer, r.offer, offer_token);
    const auto proposal =
        client_->post("/api/v1/matches",
                      {{"request_id", r.proposed_request}, {"offer_id", r.offer}}, offer_token);
    EXPECT_EQ(proposal.status, 201) << proposal.body;
    r.proposal = proposal.json()["match"]["id"];
    create(request_body("Unrelated"), r.unrelated, r.unrelated_token);
    const auto invite =
        api("POST", "/api/v1/networks/" + slug + "/invites", {{"role", "volunteer"}}, admin);
    EXPECT_EQ(invite.status, 201) << invite.body;
    r.invite = invite.json()["invite"]["id"];
    r.invite_token = invite.json()["token"];
    return r;
  }

  // Fresh records; the volunteer (re)joins both networks, since a row
  // removes them.
  World make_world() {
    for (const char* slug : {"riverside", "hillside"}) {
      EXPECT_EQ(api("POST", fmt::format("/api/v1/networks/{}/join", slug), json::object(),
                    Who::kVolunteer)
                    .status,
                200);
    }
    return World{make_records("riverside", Who::kAdmin),
                 make_records("hillside", Who::kOtherOrganizer)};
  }

  // Runs one cell; returns whether it was allowed (and a note on failure).
  bool run(const Row& row, const World& world, Case c, Who who, std::string& note) {
    const std::string target = row.target(world, c, who);
    HttpResult result;
    if (row.page) {
      PageClient& browser = *pages_.at(who);
      if (row.method == "GET") {
        result = browser.get(target);
      } else {
        result = browser.post(target, row.form ? row.form(world, c) : FormFields{});
      }
    } else {
      // Tokens are always this network's: on the other network's records
      // they are swapped ids.
      const std::string token = credential(who, world.own, poster_token_for(row, world.own));
      const json body = row.body ? row.body(world, c) : json();
      std::vector<std::string> headers{"Content-Type: application/json"};
      if (!token.empty()) headers.push_back("Authorization: Bearer " + token);
      result = client_->request(row.method, target, body.is_null() ? "" : body.dump(), headers);
    }
    note = fmt::format("{} {} -> {} {}", row.method, target, result.status,
                       result.body.substr(0, 200));
    if (result.status >= 500 || result.status == 0) {
      ADD_FAILURE() << "server error: " << note;
      return false;
    }
    if (result.status >= 400) {
      EXPECT_TRUE(result.status == 401 || result.status == 403 || result.status == 404)
          << "a denial is 401, 403 or 404: " << note;
      return false;
    }
    if (row.private_shape) return result.json().contains("access");
    return true;
  }

  // The token the poster holds for a row: the manage token of the post the
  // row acts on (set per row by `poster`).
  std::string poster_token_for(const Row& row, const Records& records) {
    const auto found = poster_of_.find(row.name);
    if (found == poster_of_.end()) return records.request_token;
    return found->second(records);
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<HttpClient> client_;
  std::map<Who, std::unique_ptr<PageClient>> pages_;
  Accounts accounts_;
  World world_;
  std::map<std::string, std::function<std::string(const Records&)>> poster_of_;
};

// Builders for targets.
std::function<std::string(const World&, Case, Who)> at(std::string pattern,
                                                       std::int64_t Records::*id = nullptr) {
  return [pattern, id](const World& world, Case c, Who) {
    const Records& r = pick(world, c);
    std::string target = pattern;
    const auto put = [&](const std::string& name, const std::string& value) {
      const auto at = target.find(name);
      if (at != std::string::npos) target.replace(at, name.size(), value);
    };
    put("{slug}", c == Case::kGuessed && id == nullptr ? "nowhere" : r.slug);
    if (id != nullptr) put("{id}", std::to_string(id_or_guess(c, r.*id)));
    return target;
  };
}

json fields_json(std::initializer_list<std::pair<const char*, json>> fields) {
  json out = json::object();
  for (const auto& [name, value] : fields) out[name] = value;
  return out;
}

}  // namespace

TEST_F(AuthorizationMatrixTest, EveryRouteForEveryActorOnOwnAndOthersRecords) {
  const auto& ids = accounts_.id;
  const std::int64_t volunteer_id = ids.at(Who::kVolunteer);
  const std::int64_t other_admin_id = ids.at(Who::kOtherOrganizer);
  int slug_counter = 0;

  std::vector<Row> rows;
  // Networks.
  rows.push_back({"list networks",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks"),
                  {},
                  {},
                  kAll,
                  kAll,
                  {Case::kOwn}});
  rows.push_back(
      {"create a network",
       "POST",
       false,
       true,
       at("/api/v1/networks"),
       [&](const World&, Case) { return network_body(fmt::format("new-{}", ++slug_counter)); },
       {},
       kSignedIn,
       kSignedIn,
       {Case::kOwn}});
  for (const char* pattern : {"/api/v1/networks/{slug}", "/api/v1/networks/{slug}/categories",
                              "/api/v1/networks/{slug}/posts", "/api/v1/networks/{slug}/policy"}) {
    rows.push_back(
        {std::string("read ") + pattern, "GET", false, false, at(pattern), {}, {}, kAll, kAll});
  }
  rows.push_back({"create a post",
                  "POST",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/posts"),
                  [](const World&, Case) { return request_body(); },
                  {},
                  kAll,
                  kAll});
  // Posts.
  rows.push_back({"read a claimed post (private shape)",
                  "GET",
                  false,
                  false,
                  at("/api/v1/posts/{id}", &Records::claimed),
                  {},
                  {},
                  {Who::kPoster, Who::kClaimer, Who::kOrganizer, Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.back().private_shape = true;
  poster_of_["read a claimed post (private shape)"] = [](const Records& r) {
    return r.claimed_token;
  };
  rows.push_back({"edit a post",
                  "PATCH",
                  false,
                  true,
                  at("/api/v1/posts/{id}", &Records::request),
                  [](const World&, Case) {
                    return fields_json({{"title", "Edited"}});
                  },
                  {},
                  {Who::kPoster},
                  {}});
  rows.push_back({"close a post",
                  "POST",
                  false,
                  true,
                  at("/api/v1/posts/{id}/close", &Records::request),
                  {},
                  {},
                  {Who::kPoster},
                  {}});
  rows.push_back({"read a post's history",
                  "GET",
                  false,
                  false,
                  at("/api/v1/posts/{id}/history", &Records::request),
                  {},
                  {},
                  {Who::kPoster, Who::kOrganizer, Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back({"claim a request",
                  "POST",
                  false,
                  true,
                  at("/api/v1/posts/{id}/claim", &Records::request),
                  [](const World&, Case) { return claim_body(); },
                  {},
                  kAll,
                  kAll,
                  {Case::kOwn, Case::kGuessed}});
  // Matches.
  rows.push_back(
      {"propose a match",
       "POST",
       false,
       true,
       at("/api/v1/matches"),
       [](const World& world, Case c) {
         const Records& r = pick(world, c);
         return fields_json({{"request_id", id_or_guess(c, r.request)}, {"offer_id", r.offer}});
       },
       {},
       {Who::kPoster},
       {}});
  rows.push_back({"read a match",
                  "GET",
                  false,
                  false,
                  at("/api/v1/matches/{id}", &Records::match),
                  {},
                  {},
                  {Who::kPoster, Who::kClaimer, Who::kOrganizer, Who::kAdmin},
                  {Who::kOtherOrganizer}});
  poster_of_["read a match"] = [](const Records& r) { return r.claimed_token; };
  rows.push_back({"accept a proposal",
                  "POST",
                  false,
                  true,
                  at("/api/v1/matches/{id}/accept", &Records::proposal),
                  {},
                  {},
                  {Who::kPoster},
                  {}});
  poster_of_["accept a proposal"] = [](const Records& r) { return r.proposed_request_token; };
  for (const char* action : {"complete", "cancel"}) {
    const std::string name = std::string(action) + " a claim";
    rows.push_back({name,
                    "POST",
                    false,
                    true,
                    at(std::string("/api/v1/matches/{id}/") + action, &Records::match),
                    {},
                    {},
                    {Who::kPoster, Who::kClaimer},
                    {}});
    poster_of_[name] = [](const Records& r) { return r.claimed_token; };
  }
  // Roles.
  rows.push_back({"join a network",
                  "POST",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/join"),
                  [](const World&, Case) { return json::object(); },
                  {},
                  kSignedIn,
                  kSignedIn});
  rows.push_back({"list members",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/members"),
                  {},
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back(
      {"change a role",
       "PATCH",
       false,
       true,
       [=](const World& world, Case c, Who) {
         return fmt::format("/api/v1/networks/{}/members/{}", pick(world, c).slug,
                            c == Case::kGuessed        ? kGuessedId
                            : c == Case::kOtherNetwork ? other_admin_id
                                                       : volunteer_id);
       },
       [](const World&, Case c) {
         return fields_json({{"role", c == Case::kOtherNetwork ? "admin" : "volunteer"}});
       },
       {},
       {Who::kAdmin},
       {Who::kOtherOrganizer}});
  rows.push_back({"remove a member",
                  "DELETE",
                  false,
                  true,
                  [=](const World& world, Case c, Who) {
                    return fmt::format("/api/v1/networks/{}/members/{}", pick(world, c).slug,
                                       c == Case::kGuessed ? kGuessedId : volunteer_id);
                  },
                  {},
                  {},
                  {Who::kAdmin, Who::kVolunteer},
                  {Who::kOtherOrganizer, Who::kVolunteer}});
  rows.push_back({"make an invite",
                  "POST",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/invites"),
                  [](const World&, Case) {
                    return fields_json({{"role", "organizer"}});
                  },
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back({"list invites",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/invites"),
                  {},
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back({"revoke an invite",
                  "POST",
                  false,
                  true,
                  [](const World& world, Case c, Who) {
                    // Guessed: this network's slug with an invite id of none.
                    const Records& r = c == Case::kGuessed ? world.own : pick(world, c);
                    return fmt::format("/api/v1/networks/{}/invites/{}/revoke", r.slug,
                                       c == Case::kGuessed ? kGuessedId : r.invite);
                  },
                  {},
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back({"swap an invite into another network",
                  "POST",
                  false,
                  true,
                  [](const World& world, Case, Who) {
                    return fmt::format("/api/v1/networks/{}/invites/{}/revoke", world.own.slug,
                                       world.other.invite);
                  },
                  {},
                  {},
                  {},
                  {},
                  {Case::kOwn}});
  rows.push_back({"redeem an invite",
                  "POST",
                  false,
                  true,
                  at("/api/v1/invites/redeem"),
                  [](const World& world, Case c) {
                    return fields_json(
                        {{"token", c == Case::kGuessed ? std::string("guessed")
                                                       : pick(world, c).invite_token}});
                  },
                  {},
                  kSignedIn,
                  kSignedIn});
  rows.push_back({"change the policy",
                  "PATCH",
                  false,
                  true,
                  at("/api/v1/networks/{slug}/policy"),
                  [](const World&, Case) {
                    return fields_json({{"claim_needs_volunteer", false}});
                  },
                  {},
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});

  // Pages: the dashboard, its actions, intake.
  const std::set<Who> other_organizer{Who::kOtherOrganizer};
  rows.push_back({"the dashboard",
                  "GET",
                  true,
                  false,
                  at("/n/{slug}/organize"),
                  {},
                  {},
                  kOrganizers,
                  other_organizer});
  rows.push_back({"the intake form",
                  "GET",
                  true,
                  false,
                  at("/n/{slug}/organize/intake"),
                  {},
                  {},
                  kOrganizers,
                  other_organizer});
  rows.push_back({"intake",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/organize/intake"),
                  {},
                  [](const World&, Case) {
                    return FormFields{
                        {"kind", "request"},         {"title", "By phone"},
                        {"category", "food"},        {"urgency", "week"},
                        {"contact_method", "phone"}, {"contact_phone", "406 555 0142"}};
                  },
                  kOrganizers,
                  other_organizer});
  const auto organize_post = [](const std::string& action, std::int64_t Records::*id) {
    return [action, id](const World& world, Case c, Who) {
      // Swapped: this network's dashboard, the other network's record.
      return fmt::format("/n/{}/organize/{}", world.own.slug,
                         fmt::format(fmt::runtime(action), id_or_guess(c, pick(world, c).*id)));
    };
  };
  rows.push_back({"match from the dashboard",
                  "POST",
                  true,
                  true,
                  organize_post("posts/{}/match", &Records::request),
                  {},
                  [](const World& world, Case c) {
                    return FormFields{{"offer_id", std::to_string(pick(world, c).offer)}};
                  },
                  kOrganizers,
                  {}});
  rows.push_back({"close from the dashboard",
                  "POST",
                  true,
                  true,
                  organize_post("posts/{}/close", &Records::request),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"reason", "moderated"}};
                  },
                  kOrganizers,
                  {}});
  rows.push_back({"mark a duplicate",
                  "POST",
                  true,
                  true,
                  organize_post("posts/{}/duplicate", &Records::request),
                  {},
                  [](const World& world, Case) {
                    return FormFields{{"duplicate_of", std::to_string(world.own.unrelated)}};
                  },
                  kOrganizers,
                  {}});
  for (const char* action : {"complete", "cancel"}) {
    rows.push_back({std::string(action) + " from the dashboard",
                    "POST",
                    true,
                    true,
                    organize_post(std::string("matches/{}/") + action, &Records::match),
                    {},
                    {},
                    kOrganizers,
                    {}});
  }
  rows.push_back({"redeem an organizer key",
                  "POST",
                  true,
                  true,
                  [](const World&, Case c, Who) {
                    return std::string("/n/") + (c == Case::kGuessed ? "nowhere" : "lakeside") +
                           "/organize/admin-key";
                  },
                  {},
                  [this](const World&, Case) {
                    const auto key =
                        server_->app().services().organizer().issue_key("lakeside", "matrix");
                    return FormFields{{"key", key ? key->key : ""}};
                  },
                  kSignedIn,
                  {},
                  {Case::kOwn, Case::kGuessed}});
  // Pages: the admin page and its forms.
  rows.push_back({"the admin page",
                  "GET",
                  true,
                  false,
                  at("/n/{slug}/admin"),
                  {},
                  {},
                  {Who::kAdmin},
                  other_organizer});
  rows.push_back({"make an invite on the admin page",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/admin/invites"),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"role", "organizer"}};
                  },
                  {Who::kAdmin},
                  other_organizer});
  rows.push_back({"revoke an invite on the admin page",
                  "POST",
                  true,
                  true,
                  [](const World& world, Case c, Who) {
                    return fmt::format("/n/{}/admin/invites/{}/revoke", world.own.slug,
                                       id_or_guess(c, pick(world, c).invite));
                  },
                  {},
                  {},
                  {Who::kAdmin},
                  {}});
  rows.push_back({"change a role on the admin page",
                  "POST",
                  true,
                  true,
                  [=](const World& world, Case c, Who) {
                    return fmt::format("/n/{}/admin/members/{}/role", pick(world, c).slug,
                                       c == Case::kGuessed        ? kGuessedId
                                       : c == Case::kOtherNetwork ? other_admin_id
                                                                  : volunteer_id);
                  },
                  {},
                  [](const World&, Case c) {
                    return FormFields{{"role", c == Case::kOtherNetwork ? "admin" : "volunteer"}};
                  },
                  {Who::kAdmin},
                  {Who::kOtherOrganizer}});
  rows.push_back({"remove a member on the admin page",
                  "POST",
                  true,
                  true,
                  [=](const World& world, Case c, Who) {
                    return fmt::format("/n/{}/admin/members/{}/remove", pick(world, c).slug,
                                       c == Case::kGuessed ? kGuessedId : volunteer_id);
                  },
                  {},
                  {},
                  {Who::kAdmin, Who::kVolunteer},
                  {Who::kOtherOrganizer, Who::kVolunteer}});
  rows.push_back({"change the policy on the admin page",
                  "POST",
                  true,
                  true,
                  at("/n/{slug}/admin/policy"),
                  {},
                  {},
                  {Who::kAdmin},
                  other_organizer});
  rows.push_back({"the join page", "GET", true, false, at("/n/{slug}/join"), {}, {}, kAll, kAll});
  rows.push_back({"join", "POST", true, true, at("/n/{slug}/join"), {}, {}, kSignedIn, kSignedIn});
  rows.push_back({"the invite page",
                  "GET",
                  true,
                  false,
                  [](const World& world, Case c, Who) {
                    return "/invite/" + (c == Case::kGuessed ? std::string("guessed")
                                                             : pick(world, c).invite_token);
                  },
                  {},
                  {},
                  kAll,
                  kAll});
  rows.push_back({"accept an invite",
                  "POST",
                  true,
                  true,
                  [](const World& world, Case c, Who) {
                    return "/invite/" + (c == Case::kGuessed ? std::string("guessed")
                                                             : pick(world, c).invite_token);
                  },
                  {},
                  {},
                  kSignedIn,
                  kSignedIn});
  // Pages of one post: private links carry the poster's token in the path.
  const auto private_link = [](const std::string& suffix, std::int64_t Records::*id,
                               std::string Records::*token) {
    return [suffix, id, token](const World& world, Case c, Who who) {
      // The poster holds this network's token, whatever the record.
      const std::string held = who == Who::kPoster        ? world.own.*token
                               : who == Who::kOtherPoster ? world.own.unrelated_token
                               : who == Who::kClaimer     ? world.own.match_token
                                                          : std::string("not-a-token");
      return fmt::format("/p/{}/k/{}{}", id_or_guess(c, pick(world, c).*id), held, suffix);
    };
  };
  rows.push_back({"the private page of a claimed post",
                  "GET",
                  true,
                  false,
                  private_link("", &Records::claimed, &Records::claimed_token),
                  {},
                  {},
                  {Who::kPoster, Who::kClaimer},
                  {}});
  rows.push_back({"the edit page",
                  "GET",
                  true,
                  false,
                  private_link("/edit", &Records::request, &Records::request_token),
                  {},
                  {},
                  {Who::kPoster},
                  {}});
  rows.push_back({"close by the private link",
                  "POST",
                  true,
                  true,
                  private_link("/close", &Records::request, &Records::request_token),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"reason", "withdrawn"}};
                  },
                  {Who::kPoster},
                  {}});
  rows.push_back({"complete by the private link",
                  "POST",
                  true,
                  true,
                  [](const World& world, Case c, Who who) {
                    const Records& r = pick(world, c);
                    const std::string held = who == Who::kPoster    ? world.own.claimed_token
                                             : who == Who::kClaimer ? world.own.match_token
                                             : who == Who::kOtherPoster
                                                 ? world.own.unrelated_token
                                                 : std::string("not-a-token");
                    return fmt::format("/p/{}/k/{}/matches/{}/complete", r.claimed, held,
                                       id_or_guess(c, r.match));
                  },
                  {},
                  {},
                  {Who::kPoster, Who::kClaimer},
                  {}});
  rows.push_back({"the public page of a post",
                  "GET",
                  true,
                  false,
                  at("/p/{id}", &Records::request),
                  {},
                  {},
                  kAll,
                  kAll});
  rows.push_back(
      {"the claim page",
       "POST",
       true,
       true,
       at("/p/{id}/claim", &Records::request),
       {},
       [](const World&, Case) {
         return FormFields{{"volunteer_name", "Alex"}, {"volunteer_phone", "406 555 0199"}};
       },
       kAll,
       kAll,
       {Case::kOwn, Case::kGuessed}});

  // The contact relay: the match's parties and the network's organizers.
  const std::set<Who> thread_parties{Who::kPoster, Who::kClaimer, Who::kOrganizer, Who::kAdmin};
  rows.push_back({"read a match's messages",
                  "GET",
                  false,
                  false,
                  at("/api/v1/matches/{id}/messages", &Records::match),
                  {},
                  {},
                  thread_parties,
                  other_organizer});
  poster_of_["read a match's messages"] = [](const Records& r) { return r.claimed_token; };
  rows.push_back({"write a match's messages",
                  "POST",
                  false,
                  true,
                  at("/api/v1/matches/{id}/messages", &Records::match),
                  [](const World&, Case) {
                    return fields_json({{"body", "Saturday?"}});
                  },
                  {},
                  thread_parties,
                  other_organizer});
  poster_of_["write a match's messages"] = [](const Records& r) { return r.claimed_token; };
  rows.push_back({"message from the dashboard",
                  "POST",
                  true,
                  true,
                  organize_post("matches/{}/messages", &Records::match),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"body", "Saturday?"}};
                  },
                  kOrganizers,
                  {}});
  // Moderation: anyone reports; organizers moderate; admins read the audit log.
  rows.push_back({"report a post",
                  "POST",
                  false,
                  false,
                  at("/api/v1/posts/{id}/reports", &Records::request),
                  [](const World&, Case) {
                    return fields_json({{"reason", "spam"}});
                  },
                  {},
                  kAll,
                  kAll});
  rows.push_back({"report a post on its page",
                  "POST",
                  true,
                  false,
                  at("/p/{id}/report", &Records::request),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"reason", "spam"}};
                  },
                  kAll,
                  kAll});
  rows.push_back({"read the open reports",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/reports"),
                  {},
                  {},
                  kOrganizers,
                  other_organizer});
  for (const char* action : {"hide", "block"}) {
    rows.push_back(
        {std::string(action) + " a post",
         "POST",
         false,
         true,
         at(std::string("/api/v1/networks/{slug}/posts/{id}/") + action, &Records::request),
         [](const World&, Case) {
           return fields_json({{"reason", "spam"}});
         },
         {},
         kOrganizers,
         other_organizer});
    rows.push_back({std::string(action) + " from the dashboard",
                    "POST",
                    true,
                    true,
                    organize_post(std::string("posts/{}/") + action, &Records::request),
                    {},
                    [](const World&, Case) {
                      return FormFields{{"reason", "spam"}};
                    },
                    kOrganizers,
                    {}});
  }
  rows.push_back({"read the audit log",
                  "GET",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/audit"),
                  {},
                  {},
                  {Who::kAdmin},
                  other_organizer});
  rows.push_back({"the audit page",
                  "GET",
                  true,
                  false,
                  at("/n/{slug}/organize/audit"),
                  {},
                  {},
                  {Who::kAdmin},
                  other_organizer});
  // Accounts: a person's own account, by their session alone.
  for (const char* pattern : {"/api/v1/account", "/api/v1/account/export"}) {
    rows.push_back({std::string("read ") + pattern,
                    "GET",
                    false,
                    false,
                    at(pattern),
                    {},
                    {},
                    kSignedIn,
                    {},
                    {Case::kOwn}});
  }

  std::size_t cells = 0;
  std::size_t failures = 0;
  for (const Row& row : rows) {
    for (Case c : row.cases) {
      for (Who who : kEveryone) {
        const std::set<Who>& allowed =
            c == Case::kOwn ? row.allowed_own
                            : (c == Case::kOtherNetwork ? row.allowed_other : std::set<Who>{});
        const bool expect = allowed.contains(who);
        // A cell that may change its records gets fresh ones.
        if (expect && row.changes) world_ = make_world();
        std::string note;
        const bool got = run(row, world_, c, who, note);
        ++cells;
        if (got != expect) ++failures;
        EXPECT_EQ(got, expect) << row.name << " | " << name_of(c) << " | " << name_of(who)
                               << " | expected " << (expect ? "allow" : "deny") << ": " << note;
      }
    }
  }
  std::size_t case_count = 0;
  for (const Row& row : rows) case_count += row.cases.size();
  std::printf("authorization matrix: %zu routes x %zu actors, %zu route-cases, %zu cells\n",
              rows.size(), std::size(kEveryone), case_count, cells);
  RecordProperty("cells", static_cast<int>(cells));
  EXPECT_EQ(failures, 0u);
}

}  // namespace gapfill::testing
