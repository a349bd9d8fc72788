#pragma once
// The authorization matrix (authorization_matrix_test.cpp): the actors, the
// records each cell acts on, a row per route, and the fixture that runs the
// cells. Rows are added by area: authorization_matrix_test.cpp (networks,
// posts, matches, roles, the dashboard and admin pages, moderation),
// authorization_matrix_rows_accounts.cpp (accounts: API and pages) and
// authorization_matrix_rows_pages.cpp (public pages and private links).

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/page_client.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing::matrix {

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
inline constexpr Who kEveryone[] = {Who::kAnonymous,      Who::kPoster,    Who::kOtherPoster,
                                    Who::kClaimer,        Who::kVolunteer, Who::kOrganizer,
                                    Who::kOtherOrganizer, Who::kAdmin};

const char* name_of(Who who);

// Which records a cell acts on.
enum class Case { kOwn, kOtherNetwork, kGuessed };
const char* name_of(Case c);

inline constexpr std::int64_t kGuessedId = 987654;
inline constexpr const char* kPassword = "correct horse battery staple";
// A session token of the right shape that no one was given.
inline constexpr const char* kGuessedSession = "gfs_guessedguessedguessedguessedguessedguess";

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
  std::int64_t hidden = 0;    // a post the network's admin hid
  std::int64_t blocked = 0;   // a post whose manage token the admin blocked
  std::int64_t report = 0;    // an open report
  std::int64_t reported = 0;  // the post it is about
};

struct World {
  Records own;    // riverside
  Records other;  // hillside
};

struct Accounts {
  std::map<Who, std::string> session;  // session tokens
  std::map<Who, std::int64_t> id;
};

// The session a signed-in actor's cell uses.
enum class Session {
  kShared,     // the actor's session, shared by every row
  kCopy,       // the same session in a browser of its own (the row may clear its cookie)
  kFresh,      // a new session of the actor's account (the row ends it)
  kThrowaway,  // a new account with the actor's role (the row ends or deletes it)
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
  // Who may use a guessed id or token: nobody, but for routes that answer
  // every id alike by design (said in the row).
  std::set<Who> allowed_guessed{};
  Session session = Session::kShared;
  // In the guessed case, signed-in actors send a session token nobody has.
  bool guess_session = false;
  // A page that redirects: the cell is what the page it leads to answers.
  bool follow_redirect = false;
  // Run around each cell expected to be allowed (to set up or undo state
  // that fresh records do not reset, such as an account's block).
  std::function<void(Case)> before{};
  std::function<void(Case)> after{};
};

inline const Records& pick(const World& world, Case c) {
  return c == Case::kOtherNetwork ? world.other : world.own;
}

inline std::int64_t id_or_guess(Case c, std::int64_t id) {
  return c == Case::kGuessed ? kGuessedId : id;
}

inline const std::set<Who> kSignedIn{Who::kVolunteer, Who::kOrganizer, Who::kOtherOrganizer,
                                     Who::kAdmin};
inline const std::set<Who> kAll(std::begin(kEveryone), std::end(kEveryone));
inline const std::set<Who> kOrganizers{Who::kOrganizer, Who::kAdmin};
inline const std::set<Who> kOtherOrganizerOnly{Who::kOtherOrganizer};

using Target = std::function<std::string(const World&, Case, Who)>;

// `pattern` with {slug} (a guessed slug when there is no id) and {id}.
Target at(std::string pattern, std::int64_t Records::*id = nullptr);
// A private link of a post: /p/{id}/k/{the token the actor holds}{suffix};
// the poster holds `token` of this network, whatever the record.
Target private_link(std::string suffix, std::int64_t Records::*id, std::string Records::*token);
// The same target whatever the case.
Target fixed(std::string target);

json fields_json(std::initializer_list<std::pair<const char*, json>> fields);

// A form to ask for help on the pages.

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override;

  void sign_up(Who who);
  static std::string email_of(Who who);
  // The bearer token `who` sends for a row acting on `records`.
  std::string credential(Who who, const Records& records, const std::string& poster_token);
  HttpResult api(const std::string& method, const std::string& target, const json& body, Who who,
                 const std::string& token = "");
  Records make_records(const std::string& slug, Who admin);
  // Fresh records; the volunteer (re)joins both networks, since a row
  // removes them.
  World make_world();
  // Reports `post` of `slug`; the report's id, read by the network's admin.
  std::int64_t open_report(const std::string& slug, Who admin, std::int64_t post);
  // Puts back the hidden post, the blocked token or an open report after an
  // allowed cell of a moderation row ("unhide", "unblock", "resolve") took it.
  void moderate_again(Case c, const std::string& undone);

  // Runs one cell; returns whether it was allowed (and a note on failure).
  bool run(const Row& row, const World& world, Case c, Who who, std::string& note);
  // The session `who` uses for a cell of `row` ("" when not signed in).
  std::string session_for(const Row& row, Case c, Who who);
  // Records which of the server's routes `method target` reaches.
  void note_route(const std::string& method, const std::string& target);
  // The token the poster holds for a row: the manage token of the post the
  // row acts on (set per row by `poster`).
  std::string poster_token_for(const Row& row, const Records& records);

  // Accounts and mail.
  std::string sign_in(const std::string& email);
  // Signs up a new account with `who`'s role (volunteer or organizer of
  // riverside, admin of riverside, organizer of hillside); its session.
  std::string throwaway_session(Who who);
  std::string new_email();
  // The token of the newest link to `path` ("/account/verify/") mailed to
  // `email` after `act` runs.
  std::string mailed_token(const std::string& email, const std::string& path,
                           const std::function<void()>& act);

  // Rows by area.
  void add_moderation_rows(std::vector<Row>& rows);
  void add_account_rows(std::vector<Row>& rows);
  void add_page_rows(std::vector<Row>& rows);
  void add_directory_rows(std::vector<Row>& rows);
  void add_referral_rows(std::vector<Row>& rows);
  void add_area_rows(std::vector<Row>& rows);        // authorization_matrix_rows_areas.cpp
  void add_volunteer_rows(std::vector<Row>& rows);   // authorization_matrix_rows_volunteers.cpp
  void add_duplicate_rows(std::vector<Row>& rows);   // authorization_matrix_rows_duplicates.cpp
  void add_suggestion_rows(std::vector<Row>& rows);  // authorization_matrix_rows_suggestions.cpp

  SmtpSink sink_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<HttpClient> client_;
  std::map<Who, std::unique_ptr<PageClient>> pages_;
  Accounts accounts_;
  World world_;
  std::map<std::string, std::function<std::string(const Records&)>> poster_of_;
  std::set<std::pair<http::Method, std::string>> covered_;
  int emails_ = 0;
};

}  // namespace gapfill::testing::matrix
