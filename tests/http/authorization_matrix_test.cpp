// The authorization matrix: every API route and page, for every kind of
// actor, on their own records, on another network's records (swapped ids:
// this actor's token or role on that network's post or match) and on a
// guessed id, over real HTTP, asserting allow or deny for each cell; and
// every route of the server has a row (but /healthz and /static/...).
//
// Actors: anonymous; the poster (the manage token of the post the row acts
// on); another poster (the manage token of an unrelated post of the same
// network); the claimer (the match token of a volunteer's claim); a
// volunteer account of the network; an organizer of the network; an
// organizer of another network; an admin of the network.
//
// To add a route: add a Row (here, or in authorization_matrix_rows_*.cpp by
// area) naming the method, the target and body for each case, and who is
// allowed. "Allowed" is a status below 400 (for reads of a post: the
// private shape); "denied" is 401, 403 or 404, or a page's redirect to the
// sign-in page. A page's redirect back with "conflict=1" fails the cell: the
// action was allowed but did not apply, so the row's records are wrong.

#include "http/authorization_matrix.hpp"

namespace gapfill::testing::matrix {

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

Target at(std::string pattern, std::int64_t Records::*id) {
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

Target private_link(std::string suffix, std::int64_t Records::*id, std::string Records::*token) {
  return [suffix, id, token](const World& world, Case c, Who who) {
    // The poster holds this network's token, whatever the record.
    const std::string held = who == Who::kPoster        ? world.own.*token
                             : who == Who::kOtherPoster ? world.own.unrelated_token
                             : who == Who::kClaimer     ? world.own.match_token
                                                        : std::string("not-a-token");
    return fmt::format("/p/{}/k/{}{}", id_or_guess(c, pick(world, c).*id), held, suffix);
  };
}

Target fixed(std::string target) {
  return [target](const World&, Case, Who) { return target; };
}

json fields_json(std::initializer_list<std::pair<const char*, json>> fields) {
  json out = json::object();
  for (const auto& [name, value] : fields) out[name] = value;
  return out;
}

void AuthorizationMatrixTest::SetUp() {
  server_ = std::make_unique<TestServer>([this](app::Config& config) {
    config.mail_smtp_url = sink_.url();
    config.mail_from = "aid@example.org";
    config.mail_require_tls = false;
  });
  client_ = std::make_unique<HttpClient>(server_->port());
  for (Who who : {Who::kAdmin, Who::kOtherOrganizer, Who::kOrganizer, Who::kVolunteer}) {
    sign_up(who);
  }
  // The admin creates riverside; the organizer of another network creates
  // hillside (and is its admin, a superset of organizer there).
  ASSERT_EQ(api("POST", "/api/v1/networks", network_body("riverside"), Who::kAdmin).status, 201);
  ASSERT_EQ(api("POST", "/api/v1/networks", network_body("hillside"), Who::kOtherOrganizer).status,
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

std::string AuthorizationMatrixTest::email_of(Who who) {
  return fmt::format("{}@example.org", static_cast<int>(who));
}

void AuthorizationMatrixTest::sign_up(Who who) {
  const json credentials = {{"email", email_of(who)}, {"password", kPassword}};
  const auto created = client_->post("/api/v1/accounts", credentials);
  ASSERT_LT(created.status, 300) << created.body;
  const auto session = client_->post("/api/v1/sessions", credentials);
  ASSERT_EQ(session.status, 201) << session.body;
  accounts_.session[who] = session.json()["session_token"];
  accounts_.id[who] = session.json()["account"]["id"];
}

std::string AuthorizationMatrixTest::credential(Who who, const Records& records,
                                                const std::string& poster_token) {
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

HttpResult AuthorizationMatrixTest::api(const std::string& method, const std::string& target,
                                        const json& body, Who who, const std::string& token) {
  std::vector<std::string> headers{"Content-Type: application/json"};
  const std::string bearer = accounts_.session.contains(who) ? accounts_.session[who] : token;
  if (!bearer.empty()) headers.push_back("Authorization: Bearer " + bearer);
  return client_->request(method, target, body.is_null() ? "" : body.dump(), headers);
}

Records AuthorizationMatrixTest::make_records(const std::string& slug, Who admin) {
  Records r;
  r.slug = slug;
  const std::string network = "/api/v1/networks/" + slug;
  const std::string posts = network + "/posts";
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
  const auto proposal = client_->post(
      "/api/v1/matches", {{"request_id", r.proposed_request}, {"offer_id", r.offer}}, offer_token);
  EXPECT_EQ(proposal.status, 201) << proposal.body;
  r.proposal = proposal.json()["match"]["id"];
  create(request_body("Unrelated"), r.unrelated, r.unrelated_token);
  const auto invite = api("POST", network + "/invites", {{"role", "volunteer"}}, admin);
  EXPECT_EQ(invite.status, 201) << invite.body;
  r.invite = invite.json()["invite"]["id"];
  r.invite_token = invite.json()["token"];
  // Moderated records: a hidden post, a blocked manage token, an open report.
  std::string unused;
  create(request_body("Hidden"), r.hidden, unused);
  const json spam = {{"reason", "spam"}};
  EXPECT_EQ(api("POST", fmt::format("{}/posts/{}/hide", network, r.hidden), spam, admin).status,
            200);
  create(request_body("Blocked"), r.blocked, unused);
  EXPECT_EQ(api("POST", fmt::format("{}/posts/{}/block", network, r.blocked), spam, admin).status,
            200);
  create(request_body("Reported"), r.reported, unused);
  r.report = open_report(slug, admin, r.reported);
  return r;
}

std::int64_t AuthorizationMatrixTest::open_report(const std::string& slug, Who admin,
                                                  std::int64_t post) {
  EXPECT_EQ(client_->post(post_path(post) + "/reports", {{"reason", "spam"}}).status, 202);
  // Open reports pile up over the worlds: the newest are on the last page.
  const std::string reports = "/api/v1/networks/" + slug + "/reports";
  const std::int64_t total =
      api("GET", reports + "?limit=1", json(), admin).json().value("total", 0);
  const json page =
      api("GET",
          fmt::format("{}?limit=100&offset={}", reports, std::max<std::int64_t>(0, total - 100)),
          json(), admin)
          .json();
  std::int64_t newest = 0;
  for (const auto& item : page["items"]) {
    if (item["post"]["id"] == post) newest = std::max<std::int64_t>(newest, item["id"]);
  }
  EXPECT_NE(newest, 0) << page.dump();
  return newest;
}

void AuthorizationMatrixTest::moderate_again(Case c, const std::string& undone) {
  Records& r = c == Case::kOtherNetwork ? world_.other : world_.own;
  const Who admin = c == Case::kOtherNetwork ? Who::kOtherOrganizer : Who::kAdmin;
  const std::string posts = "/api/v1/networks/" + r.slug + "/posts/";
  const json spam = {{"reason", "spam"}};
  if (undone == "resolve") {
    r.report = open_report(r.slug, admin, r.reported);
    return;
  }
  const bool hide = undone == "unhide";
  const auto again = api(
      "POST", fmt::format("{}{}/{}", posts, hide ? r.hidden : r.blocked, hide ? "hide" : "block"),
      spam, admin);
  EXPECT_EQ(again.status, 200) << again.body;
}

World AuthorizationMatrixTest::make_world() {
  for (const char* slug : {"riverside", "hillside"}) {
    EXPECT_EQ(
        api("POST", fmt::format("/api/v1/networks/{}/join", slug), json::object(), Who::kVolunteer)
            .status,
        200);
  }
  return World{make_records("riverside", Who::kAdmin),
               make_records("hillside", Who::kOtherOrganizer)};
}

std::string AuthorizationMatrixTest::session_for(const Row& row, Case c, Who who) {
  if (!accounts_.session.contains(who)) return "";
  if (row.guess_session && c == Case::kGuessed) return kGuessedSession;
  switch (row.session) {
    case Session::kShared:
    case Session::kCopy:
      return accounts_.session.at(who);
    case Session::kFresh:
      return sign_in(email_of(who));
    case Session::kThrowaway:
      return throwaway_session(who);
  }
  return "";
}

bool AuthorizationMatrixTest::run(const Row& row, const World& world, Case c, Who who,
                                  std::string& note) {
  const std::string target = row.target(world, c, who);
  note_route(row.method, target);
  const bool own_session = row.session != Session::kShared || row.guess_session;
  HttpResult result;
  if (row.page) {
    // A browser of the cell's own when the row needs another session or may
    // clear the cookie.
    std::unique_ptr<PageClient> own_browser;
    PageClient* browser = pages_.at(who).get();
    if (own_session && accounts_.session.contains(who)) {
      own_browser = std::make_unique<PageClient>(server_->port());
      own_browser->set_cookie("gf_session", session_for(row, c, who));
      EXPECT_LT(own_browser->get("/n/riverside/ask").status, 400);  // a CSRF token
      browser = own_browser.get();
    }
    if (row.method == "GET") {
      result = browser->get(target);
    } else {
      result = browser->post(target, row.form ? row.form(world, c) : FormFields{});
    }
    if (row.follow_redirect && result.status >= 300 && result.status < 400) {
      std::string next = location_of(result);
      next = next.substr(0, next.find('#'));
      note_route("GET", next);
      result = browser->get(next);
    }
  } else {
    // Tokens are always this network's: on the other network's records
    // they are swapped ids.
    std::string token = credential(who, world.own, poster_token_for(row, world.own));
    if (own_session && accounts_.session.contains(who)) token = session_for(row, c, who);
    const json body = row.body ? row.body(world, c) : json();
    std::vector<std::string> headers{"Content-Type: application/json"};
    if (!token.empty()) headers.push_back("Authorization: Bearer " + token);
    result = client_->request(row.method, target, body.is_null() ? "" : body.dump(), headers);
  }
  const std::string location = location_of(result);
  note = fmt::format("{} {} -> {} {}{}", row.method, target, result.status,
                     location.empty() ? "" : "(to " + location + ") ", result.body.substr(0, 200));
  if (result.status >= 500 || result.status == 0) {
    ADD_FAILURE() << "server error: " << note;
    return false;
  }
  if (result.status >= 400) {
    EXPECT_TRUE(result.status == 401 || result.status == 403 || result.status == 404)
        << "a denial is 401, 403 or 404: " << note;
    return false;
  }
  if (row.page && location.starts_with("/account/sign-in")) return false;
  if (row.page && location.find("conflict=1") != std::string::npos) {
    ADD_FAILURE() << "allowed, but the action did not apply (wrong records for the row): " << note;
  }
  if (row.private_shape) return result.json().contains("access");
  return true;
}

void AuthorizationMatrixTest::note_route(const std::string& method, const std::string& target) {
  http::Request probe;
  probe.method = http::parse_method(method);
  probe.path = target.substr(0, target.find('?'));
  const auto found = server_->app().router().find(probe);
  if (found.pattern != nullptr) covered_.insert({probe.method, *found.pattern});
}

std::string AuthorizationMatrixTest::poster_token_for(const Row& row, const Records& records) {
  const auto found = poster_of_.find(row.name);
  if (found == poster_of_.end()) return records.request_token;
  return found->second(records);
}

std::string AuthorizationMatrixTest::sign_in(const std::string& email) {
  const auto session =
      client_->post("/api/v1/sessions", {{"email", email}, {"password", kPassword}});
  EXPECT_EQ(session.status, 201) << session.body;
  return session.status == 201 ? session.json()["session_token"].get<std::string>() : "";
}

std::string AuthorizationMatrixTest::new_email() {
  return fmt::format("someone-{}@example.org", ++emails_);
}

std::string AuthorizationMatrixTest::throwaway_session(Who who) {
  const std::string email = new_email();
  EXPECT_EQ(client_->post("/api/v1/accounts", {{"email", email}, {"password", kPassword}}).status,
            202);
  const std::string session = sign_in(email);
  const auto as = [&](const char* method, const std::string& target, const json& body) {
    return client_->request(method, target, body.dump(),
                            {"Content-Type: application/json", "Authorization: Bearer " + session});
  };
  const auto invited = [&](const char* slug, const char* role, Who by) {
    const auto invite =
        api("POST", fmt::format("/api/v1/networks/{}/invites", slug), {{"role", role}}, by);
    EXPECT_EQ(invite.status, 201) << invite.body;
    EXPECT_EQ(as("POST", "/api/v1/invites/redeem", {{"token", invite.json()["token"]}}).status,
              200);
  };
  switch (who) {
    case Who::kVolunteer:
      EXPECT_EQ(as("POST", "/api/v1/networks/riverside/join", json::object()).status, 200);
      break;
    case Who::kOrganizer:
      invited("riverside", "organizer", Who::kAdmin);
      break;
    case Who::kOtherOrganizer:
      invited("hillside", "organizer", Who::kOtherOrganizer);
      break;
    case Who::kAdmin:
      invited("riverside", "admin", Who::kAdmin);
      break;
    default:
      break;
  }
  return session;
}

std::string AuthorizationMatrixTest::mailed_token(const std::string& email, const std::string& path,
                                                  const std::function<void()>& act) {
  const auto matching = [&](const std::vector<ReceivedMail>& mails) {
    std::vector<std::string> links;
    for (const ReceivedMail& mail : mails) {
      const std::string link = link_in(mail);
      if (mail.to == std::vector<std::string>{email} && link.find(path) != std::string::npos) {
        links.push_back(link.substr(link.rfind('/') + 1));
      }
    }
    return links;
  };
  const std::size_t before = matching(sink_.received()).size();
  act();
  for (std::size_t count = sink_.received().size();; ++count) {
    const auto mails = sink_.wait_for(count);
    const auto links = matching(mails);
    if (links.size() > before) return links.back();
    if (mails.size() < count) break;  // waited long enough
  }
  ADD_FAILURE() << "no mail with " << path << " to " << email;
  return "";
}

// Moderation undone: unhide, unblock, resolve (API and dashboard); blocking
// accounts; the operator's organizer key through the API.
void AuthorizationMatrixTest::add_moderation_rows(std::vector<Row>& rows) {
  const auto dashboard = [](const std::string& action, std::int64_t Records::*id) {
    return [action, id](const World& world, Case c, Who) {
      // Swapped: this network's dashboard, the other network's record.
      return fmt::format("/n/{}/organize/{}", world.own.slug,
                         fmt::format(fmt::runtime(action), id_or_guess(c, pick(world, c).*id)));
    };
  };
  const auto no_fields = [](const World&, Case) { return json::object(); };
  // An allowed cell's change is put back after it (cheaper than fresh records).
  for (const auto& [action, id] :
       {std::pair{"unhide", &Records::hidden}, std::pair{"unblock", &Records::blocked}}) {
    rows.push_back({std::string(action) + " a post",
                    "POST",
                    false,
                    false,
                    at(std::string("/api/v1/networks/{slug}/posts/{id}/") + action, id),
                    no_fields,
                    {},
                    kOrganizers,
                    kOtherOrganizerOnly});
    rows.back().after = [this, action](Case c) { moderate_again(c, action); };
    rows.push_back({std::string(action) + " from the dashboard",
                    "POST",
                    true,
                    false,
                    dashboard(std::string("posts/{}/") + action, id),
                    {},
                    {},
                    kOrganizers,
                    {}});
    rows.back().after = [this, action](Case c) { moderate_again(c, action); };
  }
  rows.push_back({"resolve a report",
                  "POST",
                  false,
                  false,
                  at("/api/v1/networks/{slug}/reports/{id}/resolve", &Records::report),
                  [](const World&, Case) {
                    return fields_json({{"resolution", "dismissed"}});
                  },
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.back().after = [this](Case c) { moderate_again(c, "resolve"); };
  rows.push_back({"resolve a report from the dashboard",
                  "POST",
                  true,
                  false,
                  dashboard("reports/{}/resolve", &Records::report),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"resolution", "dismissed"}};
                  },
                  kOrganizers,
                  {}});
  rows.back().after = [this](Case c) { moderate_again(c, "resolve"); };
  // Blocking an account in a network: its organizers. The account is the
  // volunteer, a member of both networks; swapped: this network's
  // organizers on the other network (whose organizer is its admin). A block
  // outlives fresh records, so each allowed cell's block is lifted after it
  // (and each allowed unblock has a block to lift).
  // A guessed account id is not found, for everyone.
  const std::int64_t volunteer = accounts_.id.at(Who::kVolunteer);
  const auto account_action = [volunteer](const char* action) {
    return [volunteer, action](const World& world, Case c, Who) {
      return fmt::format("/api/v1/networks/{}/accounts/{}/{}", pick(world, c).slug,
                         id_or_guess(c, volunteer), action);
    };
  };
  // On the dashboard the network is the path's: the swap is this network's
  // dashboard for the other network's organizers, a cell of every row.
  const auto dashboard_account_action = [volunteer](const char* action) {
    return [volunteer, action](const World& world, Case c, Who) {
      return fmt::format("/n/{}/organize/accounts/{}/{}", world.own.slug, id_or_guess(c, volunteer),
                         action);
    };
  };
  const auto by_network_admin = [this, volunteer](const char* action) {
    return [this, volunteer, action](Case c) {
      const bool other = c == Case::kOtherNetwork;
      const auto done =
          api("POST",
              fmt::format("/api/v1/networks/{}/accounts/{}/{}", other ? "hillside" : "riverside",
                          volunteer, action),
              std::string(action) == "block" ? fields_json({{"reason", "spam"}}) : json::object(),
              other ? Who::kOtherOrganizer : Who::kAdmin);
      EXPECT_EQ(done.status, 200) << action << " the volunteer: " << done.body;
    };
  };
  rows.push_back({"block an account",
                  "POST",
                  false,
                  false,
                  account_action("block"),
                  [](const World&, Case) {
                    return fields_json({{"reason", "spam"}});
                  },
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.back().after = by_network_admin("unblock");
  rows.push_back({"block an account from the dashboard",
                  "POST",
                  true,
                  false,
                  dashboard_account_action("block"),
                  {},
                  [](const World&, Case) {
                    return FormFields{{"reason", "spam"}};
                  },
                  kOrganizers,
                  {},
                  {Case::kOwn, Case::kGuessed}});
  rows.back().after = by_network_admin("unblock");
  rows.push_back({"unblock an account",
                  "POST",
                  false,
                  false,
                  account_action("unblock"),
                  no_fields,
                  {},
                  kOrganizers,
                  kOtherOrganizerOnly});
  rows.back().before = by_network_admin("block");
  rows.push_back({"unblock an account from the dashboard",
                  "POST",
                  true,
                  false,
                  dashboard_account_action("unblock"),
                  {},
                  {},
                  kOrganizers,
                  {},
                  {Case::kOwn, Case::kGuessed}});
  rows.back().before = by_network_admin("block");
  // The operator's organizer key makes whoever signs in and redeems it an
  // admin of the network it was made for (as on the dashboard's page).
  rows.push_back({"redeem an organizer key (API)",
                  "POST",
                  false,
                  false,
                  [](const World&, Case c, Who) {
                    return fmt::format("/api/v1/networks/{}/admin-key",
                                       c == Case::kGuessed ? "nowhere" : "lakeside");
                  },
                  [this](const World&, Case) {
                    const auto key =
                        server_->app().services().organizer().issue_key("lakeside", "matrix");
                    return fields_json({{"token", key ? key->key : ""}});
                  },
                  {},
                  kSignedIn,
                  {},
                  {Case::kOwn, Case::kGuessed}});
}

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
  // The gazetteer: public, no personal data.
  rows.push_back({"look up a place",
                  "GET",
                  false,
                  false,
                  fixed("/api/v1/places?q=Missoula%2C%20MT"),
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
  add_moderation_rows(rows);
  add_account_rows(rows);
  add_page_rows(rows);
  add_directory_rows(rows);
  add_referral_rows(rows);
  add_area_rows(rows);
  add_volunteer_rows(rows);
  add_duplicate_rows(rows);
  add_suggestion_rows(rows);

  std::size_t cells = 0;
  std::size_t failures = 0;
  for (const Row& row : rows) {
    for (Case c : row.cases) {
      for (Who who : kEveryone) {
        const std::set<Who>& allowed = c == Case::kOwn            ? row.allowed_own
                                       : c == Case::kOtherNetwork ? row.allowed_other
                                                                  : row.allowed_guessed;
        const bool expect = allowed.contains(who);
        // A cell that may change its records gets fresh ones.
        if (expect && row.changes) world_ = make_world();
        if (expect && row.before) row.before(c);
        std::string note;
        const bool got = run(row, world_, c, who, note);
        if (expect && row.after) row.after(c);
        ++cells;
        if (got != expect) ++failures;
        EXPECT_EQ(got, expect) << row.name << " | " << name_of(c) << " | " << name_of(who)
                               << " | expected " << (expect ? "allow" : "deny") << ": " << note;
      }
    }
  }
  std::size_t case_count = 0;
  for (const Row& row : rows) case_count += row.cases.size();
  std::printf(
      "authorization matrix: %zu routes (%zu rows) x %zu actors, %zu route-cases, %zu cells\n",
      covered_.size(), rows.size(), std::size(kEveryone), case_count, cells);
  RecordProperty("routes", static_cast<int>(covered_.size()));
  RecordProperty("cells", static_cast<int>(cells));
  EXPECT_EQ(failures, 0u);

  // Every route the server has is in the matrix, but those that serve the
  // same files to everyone.
  const std::set<std::string> kSameForEveryone{"/healthz", "/static/{version}/{file}",
                                               "/static/{version}/{folder}/{file}",
                                               "/static/{version}/{folder}/{sub}/{file}"};
  for (const auto& route : server_->app().router().list()) {
    if (kSameForEveryone.contains(route.pattern)) continue;
    EXPECT_TRUE(covered_.contains({route.method, route.pattern}))
        << http::to_string(route.method) << " " << route.pattern
        << " has no row in the authorization matrix";
  }
}

}  // namespace gapfill::testing::matrix
