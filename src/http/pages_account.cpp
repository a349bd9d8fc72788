// The account pages: sign-up, sign-in and sign-out, "forgot password" and
// the reset and verification links from the mail, and the account page
// (verification state, sign out everywhere, download my data, delete my
// account). The session is the gf_session cookie: HttpOnly, SameSite=Lax,
// Path=/, Secure over TLS.

#include "base/limits.hpp"
#include "http/account_json.hpp"
#include "http/actor.hpp"
#include "http/api_support.hpp"
#include "http/cookies.hpp"
#include "http/error_response.hpp"
#include "http/pages.hpp"
#include "http/query.hpp"
#include "http/rate_keys.hpp"
#include "http/session.hpp"

namespace gapfill::http {
namespace {

// What one credentials form shows.
struct FormSpec {
  const char* title_key;
  const char* intro_key = nullptr;
  std::string action;
  bool email = true;
  const char* password_label_key = "account.password";  // nullptr: no password field
  const char* password_autocomplete = "current-password";
  bool password_hint = false;
  const char* button_key;
  bool sign_in_links = false;
  bool sign_up_links = false;
};

// `next`: where a sign-in goes once done (a path on this site), or "".
Response form_page(PageRequest& visitor, const FormSpec& spec, int status, const Form* typed,
                   const FieldMessages& errors, const std::string& form_error,
                   const std::string& next = "") {
  Page page(visitor, "account_form");
  page.set_title(visitor.text(spec.title_key));
  auto& data = page.data();
  data.SetValue("HEADING", visitor.text(spec.title_key));
  if (spec.intro_key != nullptr) {
    data.SetValueAndShowSection("TEXT", visitor.text(spec.intro_key), "INTRO");
  }
  data.SetValue("ACTION", spec.action);
  data.SetValue("CSRF", visitor.csrf_token());
  if (!next.empty()) data.SetValueAndShowSection("VALUE", next, "NEXT");
  if (spec.email) {
    auto* email = data.AddSectionDictionary("EMAIL_FIELD");
    email->SetValue("EMAIL", typed != nullptr ? typed->get("email").value_or("") : "");
    if (auto found = errors.find("email"); found != errors.end()) {
      set_error(
          *email, "ERROR_EMAIL",
          visitor.text("account.email") + " " + i18n::render(found->second, visitor.language()));
    }
  }
  if (spec.password_label_key != nullptr) {
    auto* password = data.AddSectionDictionary("PASSWORD_FIELD");
    password->SetValue("LABEL", visitor.text(spec.password_label_key));
    password->SetValue("AUTOCOMPLETE", spec.password_autocomplete);
    if (spec.password_hint) password->ShowSection("HINT");
    if (auto found = errors.find("password"); found != errors.end()) {
      set_error(*password, "ERROR_PASSWORD",
                visitor.text(spec.password_label_key) + " " +
                    i18n::render(found->second, visitor.language()));
    }
  }
  data.SetValue("BUTTON", visitor.text(spec.button_key));
  if (!form_error.empty()) set_error(data, "FORM_ERROR", form_error);
  if (spec.sign_in_links) data.ShowSection("SIGN_IN_LINKS");
  if (spec.sign_up_links) data.ShowSection("SIGN_UP_LINKS");
  return page.finish(status);
}

Response notice_page(PageRequest& visitor, const char* title_key, const std::string& message,
                     int status = 200, const char* link_href = nullptr,
                     const char* link_key = nullptr) {
  Page page(visitor, "account_notice");
  page.set_title(visitor.text(title_key));
  page.data().SetValue("HEADING", visitor.text(title_key));
  page.data().SetValue("MESSAGE", message);
  if (link_href != nullptr) {
    auto* link = page.data().AddSectionDictionary("LINK");
    link->SetValue("HREF", link_href);
    link->SetValue("TEXT", visitor.text(link_key));
  }
  return page.finish(status);
}

CookieOptions session_cookie_options(const WebContext& web, const Request& request, long max_age) {
  CookieOptions options;
  options.path = "/";
  options.max_age_seconds = max_age;
  options.same_site = SameSite::kLax;
  options.secure = secure_request(web.options.secure_cookies, request);
  return options;
}

void clear_session_cookie(const WebContext& web, PageRequest& visitor) {
  visitor.set_cookie(
      set_cookie(kSessionCookie, "", session_cookie_options(web, visitor.request(), 0)));
}

domain::Credentials credentials_of(const Form& form) {
  domain::Credentials credentials;
  credentials.email = form.get("email");
  credentials.password = form.get("password");
  return credentials;
}

const FormSpec kSignUp{.title_key = "account.signup_title",
                       .intro_key = "account.signup_intro",
                       .action = "/account/sign-up",
                       .email = true,
                       .password_label_key = "account.password",
                       .password_autocomplete = "new-password",
                       .password_hint = true,
                       .button_key = "account.signup_button",
                       .sign_in_links = false,
                       .sign_up_links = true};
const FormSpec kSignIn{.title_key = "account.signin_title",
                       .intro_key = nullptr,
                       .action = "/account/sign-in",
                       .email = true,
                       .password_label_key = "account.password",
                       .password_autocomplete = "current-password",
                       .password_hint = false,
                       .button_key = "account.signin_button",
                       .sign_in_links = true,
                       .sign_up_links = false};
const FormSpec kForgot{.title_key = "account.forgot_title",
                       .intro_key = "account.forgot_intro",
                       .action = "/account/forgot",
                       .email = true,
                       .password_label_key = nullptr,
                       .password_autocomplete = "",
                       .password_hint = false,
                       .button_key = "account.forgot_button",
                       .sign_in_links = false,
                       .sign_up_links = false};

FormSpec reset_spec(const std::string& token) {
  return FormSpec{.title_key = "account.reset_title",
                  .intro_key = nullptr,
                  .action = "/account/reset/" + token,
                  .email = false,
                  .password_label_key = "account.new_password",
                  .password_autocomplete = "new-password",
                  .password_hint = true,
                  .button_key = "account.reset_button",
                  .sign_in_links = false,
                  .sign_up_links = false};
}

FormSpec verify_spec(const std::string& token) {
  return FormSpec{.title_key = "account.verify_title",
                  .intro_key = "account.verify_intro",
                  .action = "/account/verify/" + token,
                  .email = false,
                  .password_label_key = nullptr,
                  .password_autocomplete = "",
                  .password_hint = false,
                  .button_key = "account.verify_button",
                  .sign_in_links = false,
                  .sign_up_links = false};
}

// Reads a posted form and checks its anti-forgery token; else the answer.
std::expected<Form, Response> posted_form(PageRequest& visitor) {
  auto form = Form::parse(visitor.request().body);
  if (!form) return std::unexpected(error_page(visitor, 400));
  if (!visitor.csrf_valid(*form)) return std::unexpected(error_page(visitor, 403));
  return std::move(*form);
}

Response account_page(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto who = signed_in(web.services, request);
  if (!who) return visitor.redirect("/account/sign-in");
  Page page(visitor, "account");
  page.set_title(visitor.text("account.title"));
  auto& data = page.data();
  data.SetValue("EMAIL", who->account.email);
  data.SetValue("CSRF", visitor.csrf_token());
  data.ShowSection(who->account.verified_at ? "VERIFIED" : "UNVERIFIED");
  if (request.query == "done=verified") {
    data.SetValueAndShowSection("MESSAGE", visitor.text("account.verified_done"), "DONE");
  } else if (request.query == "done=resent") {
    data.SetValueAndShowSection(
        "MESSAGE",
        visitor.text(web.services.accounts().mail_enabled() ? "account.resent"
                                                            : "account.mail_off"),
        "DONE");
  }
  return page.finish();
}

Response sign_up(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  auto form = posted_form(visitor);
  if (!form) {
    if (form.error().status != 403) return form.error();
    return form_page(visitor, kSignUp, 403, nullptr, {}, visitor.text("form.csrf_expired"));
  }
  const Status done = web.services.accounts().sign_up(credentials_of(*form), visitor.language());
  if (!done) {
    if (done.error().code != ErrorCode::kInvalid)
      return error_page(visitor, status_for(done.error().code));
    return form_page(visitor, kSignUp, 422, &*form, done.error().fields, "");
  }
  return visitor.redirect("/account/check-email");
}

Response sign_in(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  auto form = posted_form(visitor);
  if (!form) {
    if (form.error().status != 403) return form.error();
    return form_page(visitor, kSignIn, 403, nullptr, {}, visitor.text("form.csrf_expired"));
  }
  const std::string next = local_path_or_empty(form->get("next").value_or(""));
  auto created = web.services.accounts().sign_in(credentials_of(*form));
  if (!created) {
    if (created.error().code != ErrorCode::kUnauthorized) {
      return error_page(visitor, status_for(created.error().code));
    }
    return form_page(visitor, kSignIn, 403, &*form, {}, visitor.text("account.signin_failed"),
                     next);
  }
  // A new session id at every sign-in; an older session of this browser ends.
  if (const std::string old = session_token(request); !old.empty()) {
    (void)web.services.accounts().sign_out(old);
  }
  visitor.set_cookie(
      set_cookie(kSessionCookie, created->token,
                 session_cookie_options(web, request, limits::kSessionCookieMaxAgeSeconds)));
  return visitor.redirect(next.empty() ? "/account" : next);
}

Response sign_out(const WebContext& web, Request& request, bool everywhere) {
  PageRequest visitor(web, request);
  auto form = posted_form(visitor);
  if (!form) return form.error();
  const auto who = signed_in(web.services, request);
  if (who) {
    const Status done = everywhere ? web.services.accounts().sign_out_everywhere(who->account.id)
                                   : web.services.accounts().sign_out(session_token(request));
    if (!done) return error_page(visitor, status_for(done.error().code));
  }
  clear_session_cookie(web, visitor);
  return visitor.redirect("/account/signed-out");
}

Response forgot(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  auto form = posted_form(visitor);
  if (!form) {
    if (form.error().status != 403) return form.error();
    return form_page(visitor, kForgot, 403, nullptr, {}, visitor.text("form.csrf_expired"));
  }
  const Status done =
      web.services.accounts().request_reset(form->get("email").value_or(""), visitor.language());
  if (!done) {
    if (done.error().code != ErrorCode::kInvalid)
      return error_page(visitor, status_for(done.error().code));
    return form_page(visitor, kForgot, 422, &*form, done.error().fields, "");
  }
  return visitor.redirect("/account/forgot/sent");
}

Response link_unknown(PageRequest& visitor) {
  return notice_page(visitor, "account.link_unknown_title", visitor.text("account.link_unknown"),
                     404, "/account/forgot", "account.forgot_link");
}

Response reset(const WebContext& web, Request& request, bool submitted) {
  PageRequest visitor(web, request);
  const std::string& token = request.params.at("token");
  auto& accounts = web.services.accounts();
  if (!accounts.reset_link_usable(token)) return link_unknown(visitor);
  if (!submitted) return form_page(visitor, reset_spec(token), 200, nullptr, {}, "");
  auto form = posted_form(visitor);
  if (!form) return form.error();
  const Status done = accounts.reset_password(token, form->get("password"));
  if (!done) {
    if (done.error().code == ErrorCode::kNotFound) return link_unknown(visitor);
    if (done.error().code != ErrorCode::kInvalid)
      return error_page(visitor, status_for(done.error().code));
    return form_page(visitor, reset_spec(token), 422, nullptr, done.error().fields, "");
  }
  clear_session_cookie(web, visitor);
  return visitor.redirect("/account/reset-done");
}

Response verify(const WebContext& web, Request& request, bool submitted) {
  PageRequest visitor(web, request);
  const std::string& token = request.params.at("token");
  // Showing the page uses nothing: mail scanners that open links must not
  // confirm an address; the button does.
  if (!submitted) return form_page(visitor, verify_spec(token), 200, nullptr, {}, "");
  auto form = posted_form(visitor);
  if (!form) return form.error();
  auto verified = web.services.accounts().verify_email(token);
  if (!verified) {
    if (verified.error().code == ErrorCode::kNotFound) return link_unknown(visitor);
    return error_page(visitor, status_for(verified.error().code));
  }
  if (signed_in(web.services, request)) return visitor.redirect("/account?done=verified");
  return notice_page(visitor, "account.verify_title", visitor.text("account.verified_done"), 200,
                     "/account/sign-in", "account.signin_link");
}

Response resend(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  auto form = posted_form(visitor);
  if (!form) return form.error();
  const auto who = signed_in(web.services, request);
  if (!who) return visitor.redirect("/account/sign-in");
  const Status done =
      web.services.accounts().resend_verification(who->account.id, visitor.language());
  if (!done) return error_page(visitor, status_for(done.error().code));
  return visitor.redirect("/account?done=resent");
}

Response export_data(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const auto who = signed_in(web.services, request);
  if (!who) return visitor.redirect("/account/sign-in");
  auto exported = web.services.accounts().export_data(who->account.id);
  if (!exported) return error_page(visitor, status_for(exported.error().code));
  Response response = json_response(200, export_json(web.services, *exported));
  response.headers.emplace_back("Content-Disposition",
                                "attachment; filename=\"gapfill-data.json\"");
  return response;
}

Response delete_account(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  auto form = posted_form(visitor);
  if (!form) return form.error();
  const auto who = signed_in(web.services, request);
  if (!who) return visitor.redirect("/account/sign-in");
  const Status done =
      web.services.accounts().delete_account(who->account.id, form->get("password"));
  if (!done) {
    const ErrorCode code = done.error().code;
    if (code != ErrorCode::kForbidden && code != ErrorCode::kInvalid) {
      return error_page(visitor, status_for(code));
    }
    Page page(visitor, "account");
    page.set_title(visitor.text("account.title"));
    auto& data = page.data();
    data.SetValue("EMAIL", who->account.email);
    data.SetValue("CSRF", visitor.csrf_token());
    data.ShowSection(who->account.verified_at ? "VERIFIED" : "UNVERIFIED");
    set_error(data, "DELETE_ERROR", visitor.text("account.delete_wrong_password"));
    return page.finish(code == ErrorCode::kForbidden ? 403 : 422);
  }
  clear_session_cookie(web, visitor);
  return visitor.redirect("/account/deleted");
}

}  // namespace

void add_account_pages(Router& router, const WebContext& web) {
  router.add_page(Method::kGet, "/account",
                  [&web](Request& request) { return account_page(web, request); });
  router.add_page(Method::kGet, "/account/sign-up", [&web](Request& request) {
    PageRequest visitor(web, request);
    return form_page(visitor, kSignUp, 200, nullptr, {}, "");
  });
  router
      .add_page(Method::kPost, "/account/sign-up",
                [&web](Request& request) { return sign_up(web, request); })
      .rate_limit(limits::kRateSignUp, email_rate_key);
  router.add_page(Method::kGet, "/account/check-email", [&web](Request& request) {
    PageRequest visitor(web, request);
    return notice_page(visitor, "account.check_email_title", visitor.text("account.check_email"),
                       200, "/account/sign-in", "account.signin_link");
  });
  router.add_page(Method::kGet, "/account/sign-in", [&web](Request& request) {
    PageRequest visitor(web, request);
    const auto query = parse_query(request.query);
    std::string next;
    if (query) {
      if (const auto found = query->find("next"); found != query->end()) {
        next = local_path_or_empty(found->second);
      }
    }
    if (signed_in(web.services, request)) return visitor.redirect(next.empty() ? "/account" : next);
    return form_page(visitor, kSignIn, 200, nullptr, {}, "", next);
  });
  router
      .add_page(Method::kPost, "/account/sign-in",
                [&web](Request& request) { return sign_in(web, request); })
      .rate_limit(limits::kRateAccountSignIn, email_rate_key);
  router.add_page(Method::kPost, "/account/sign-out",
                  [&web](Request& request) { return sign_out(web, request, false); });
  router.add_page(Method::kPost, "/account/sign-out-everywhere",
                  [&web](Request& request) { return sign_out(web, request, true); });
  router.add_page(Method::kGet, "/account/signed-out", [&web](Request& request) {
    PageRequest visitor(web, request);
    return notice_page(visitor, "account.signin_title", visitor.text("account.signed_out"), 200,
                       "/account/sign-in", "account.signin_link");
  });
  router.add_page(Method::kGet, "/account/forgot", [&web](Request& request) {
    PageRequest visitor(web, request);
    return form_page(visitor, kForgot, 200, nullptr, {}, "");
  });
  router
      .add_page(Method::kPost, "/account/forgot",
                [&web](Request& request) { return forgot(web, request); })
      .rate_limit(limits::kRatePasswordReset, email_rate_key);
  router.add_page(Method::kGet, "/account/forgot/sent", [&web](Request& request) {
    PageRequest visitor(web, request);
    return notice_page(visitor, "account.forgot_title", visitor.text("account.forgot_sent"));
  });
  router.add_page(Method::kGet, "/account/reset/{token}",
                  [&web](Request& request) { return reset(web, request, false); });
  router.add_page(Method::kPost, "/account/reset/{token}",
                  [&web](Request& request) { return reset(web, request, true); });
  router.add_page(Method::kGet, "/account/reset-done", [&web](Request& request) {
    PageRequest visitor(web, request);
    return notice_page(visitor, "account.reset_title", visitor.text("account.reset_done"), 200,
                       "/account/sign-in", "account.signin_link");
  });
  router
      .add_page(Method::kPost, "/account/verify/resend",
                [&web](Request& request) { return resend(web, request); })
      .rate_limit(limits::kRatePasswordReset, email_rate_key);
  router.add_page(Method::kGet, "/account/verify/{token}",
                  [&web](Request& request) { return verify(web, request, false); });
  router.add_page(Method::kPost, "/account/verify/{token}",
                  [&web](Request& request) { return verify(web, request, true); });
  router.add_page(Method::kGet, "/account/export",
                  [&web](Request& request) { return export_data(web, request); });
  router.add_page(Method::kPost, "/account/delete",
                  [&web](Request& request) { return delete_account(web, request); });
  router.add_page(Method::kGet, "/account/deleted", [&web](Request& request) {
    PageRequest visitor(web, request);
    return notice_page(visitor, "account.deleted_title", visitor.text("account.deleted"), 200, "/",
                       "account.home_link");
  });
}

}  // namespace gapfill::http
