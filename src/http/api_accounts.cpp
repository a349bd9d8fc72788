// The accounts API: sign-up, sessions, the account, its export and
// deletion, e-mail verification and password reset. A session travels only
// as "Authorization: Bearer gfs_...".

#include "base/limits.hpp"
#include "http/account_json.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/json_body.hpp"
#include "http/rate_keys.hpp"
#include "http/session.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

// {"email", "password"} and, for mail, an optional "language".
struct CredentialsBody {
  domain::Credentials credentials;
  std::string language = "en";
};

Result<CredentialsBody> decode_credentials(const Request& request, bool with_language) {
  const auto body = TRY(parse_json_object(request.body));
  CredentialsBody decoded;
  FieldMessages unknown;
  FieldReader reader(body, "", decoded.credentials.read_errors, unknown);
  decoded.credentials.email = reader.string("email");
  decoded.credentials.password = reader.string("password");
  if (with_language) {
    if (auto language = reader.string("language"); language && (*language == "es")) {
      decoded.language = *language;
    }
  }
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  return decoded;
}

// One string field of a JSON body; `required` names the field when absent.
Result<std::map<std::string, std::string>> decode_strings(
    const Request& request, std::initializer_list<const char*> names,
    std::initializer_list<const char*> optional = {}) {
  const auto body = TRY(parse_json_object(request.body));
  FieldMessages errors;
  FieldMessages unknown;
  FieldReader reader(body, "", errors, unknown);
  std::map<std::string, std::string> values;
  for (const char* name : names) {
    auto value = reader.string(name);
    if (value) {
      values[name] = *value;
    } else if (!errors.contains(name)) {
      errors[name] = Message{"error.required", {}};
    }
  }
  for (const char* name : optional) {
    if (auto value = reader.string(name)) values[name] = *value;
  }
  reader.finish();
  TRY_STATUS(reject_unknown(unknown));
  if (!errors.empty()) return invalid(std::move(errors));
  return values;
}

std::string mail_language(const std::map<std::string, std::string>& values) {
  const auto found = values.find("language");
  return found != values.end() && found->second == "es" ? "es" : "en";
}

Response accepted() {
  return json_response(202, {{"status", "check_email"}});
}

Response no_content() {
  Response response;
  response.status = 204;
  return response;
}

// Runs `act` for the signed-in account, or answers 401.
template <typename Act>
Response with_account(domain::Services& services, Request& request, Act&& act) {
  const auto who = signed_in(services, request);
  if (!who) {
    Response response = error_response(
        ErrorCode::kUnauthorized, "Sign in first: send Authorization: Bearer <session_token>.");
    response.headers.emplace_back("WWW-Authenticate", "Bearer");
    return response;
  }
  return act(*who);
}

void add_session_routes(Router& router, domain::Services& services) {
  router
      .add(Method::kPost, "/api/v1/accounts",
           [&services](Request& request) {
             auto body = decode_credentials(request, true);
             if (!body) return error_response(body.error());
             const Status done = services.accounts().sign_up(body->credentials, body->language);
             if (!done) return error_response(done.error());
             return accepted();
           })
      .rate_limit(limits::kRateSignUp, email_rate_key);
  router
      .add(Method::kPost, "/api/v1/sessions",
           [&services](Request& request) {
             auto body = decode_credentials(request, false);
             if (!body) return error_response(body.error());
             return respond(services.accounts().sign_in(body->credentials),
                            [](const domain::NewSession& created) {
                              return json_response(
                                  201, {{"session_token", created.token},
                                        {"expires_at", format_rfc3339(created.session.expires_at)},
                                        {"account", account_json(created.account)}});
                            });
           })
      .rate_limit(limits::kRateAccountSignIn, email_rate_key);
  router.add(Method::kDelete, "/api/v1/sessions/current", [&services](Request& request) {
    return with_account(services, request, [&](const domain::SignedIn&) {
      const Status done = services.accounts().sign_out(session_token(request));
      return done ? no_content() : error_response(done.error());
    });
  });
  router.add(Method::kDelete, "/api/v1/sessions", [&services](Request& request) {
    return with_account(services, request, [&](const domain::SignedIn& who) {
      const Status done = services.accounts().sign_out_everywhere(who.account.id);
      return done ? no_content() : error_response(done.error());
    });
  });
}

void add_account_routes(Router& router, domain::Services& services) {
  router.add(Method::kGet, "/api/v1/account", [&services](Request& request) {
    return with_account(services, request, [&](const domain::SignedIn& who) {
      return json_response(200, account_json(who.account));
    });
  });
  router.add(Method::kGet, "/api/v1/account/export", [&services](Request& request) {
    return with_account(services, request, [&](const domain::SignedIn& who) {
      return respond(services.accounts().export_data(who.account.id),
                     [&](const domain::AccountExport& exported) {
                       Response response = json_response(200, export_json(services, exported));
                       response.headers.emplace_back("Content-Disposition",
                                                     "attachment; filename=\"gapfill-data.json\"");
                       return response;
                     });
    });
  });
  router.add(Method::kDelete, "/api/v1/account", [&services](Request& request) {
    return with_account(services, request, [&](const domain::SignedIn& who) {
      auto body = decode_strings(request, {"password"});
      if (!body) return error_response(body.error());
      const Status done = services.accounts().delete_account(who.account.id, body->at("password"));
      return done ? no_content() : error_response(done.error());
    });
  });
  router.add(Method::kPost, "/api/v1/account/verification", [&services](Request& request) {
    auto body = decode_strings(request, {"token"});
    if (!body) return error_response(body.error());
    return respond(services.accounts().verify_email(body->at("token")), [](const Account& account) {
      return json_response(200, account_json(account));
    });
  });
  router
      .add(Method::kPost, "/api/v1/account/verification/resend",
           [&services](Request& request) {
             return with_account(services, request, [&](const domain::SignedIn& who) {
               auto body = request.body.empty() ? Result<std::map<std::string, std::string>>{}
                                                : decode_strings(request, {}, {"language"});
               if (!body) return error_response(body.error());
               const Status done =
                   services.accounts().resend_verification(who.account.id, mail_language(*body));
               return done ? accepted() : error_response(done.error());
             });
           })
      .rate_limit(limits::kRatePasswordReset, email_rate_key);
  router
      .add(Method::kPost, "/api/v1/password-resets",
           [&services](Request& request) {
             auto body = decode_strings(request, {"email"}, {"language"});
             if (!body) return error_response(body.error());
             const Status done =
                 services.accounts().request_reset(body->at("email"), mail_language(*body));
             return done ? accepted() : error_response(done.error());
           })
      .rate_limit(limits::kRatePasswordReset, email_rate_key);
  router.add(Method::kPost, "/api/v1/password-resets/complete", [&services](Request& request) {
    auto body = decode_strings(request, {"token"}, {"password"});
    if (!body) return error_response(body.error());
    std::optional<std::string> password;
    if (auto found = body->find("password"); found != body->end()) password = found->second;
    const Status done = services.accounts().reset_password(body->at("token"), password);
    return done ? no_content() : error_response(done.error());
  });
}

}  // namespace

void add_account_api_routes(Router& router, domain::Services& services) {
  add_session_routes(router, services);
  add_account_routes(router, services);
}

}  // namespace gapfill::http
