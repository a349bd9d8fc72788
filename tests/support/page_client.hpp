#pragma once
// A tiny browser for the page tests: keeps the cookies a server sets, sends
// them back, and posts HTML forms (application/x-www-form-urlencoded).

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/http_client.hpp"

namespace gapfill::testing {

using FormFields = std::vector<std::pair<std::string, std::string>>;

class PageClient {
 public:
  explicit PageClient(std::uint16_t port, std::string accept_language = "en")
      : http_(port), accept_language_(std::move(accept_language)) {}

  HttpResult get(const std::string& target);
  // Posts the fields as a form; `with_csrf` adds the token of the last page seen.
  HttpResult post(const std::string& target, const FormFields& fields, bool with_csrf = true);
  // Sends a raw request with the cookies.
  HttpResult raw(const std::string& method, const std::string& target, const std::string& body,
                 std::vector<std::string> headers);

  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  const std::map<std::string, std::string>& cookies() const { return cookies_; }
  const std::string& last_csrf() const { return csrf_; }

 private:
  void remember(const HttpResult& result);

  HttpClient http_;
  std::string accept_language_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

// The value of the first hidden csrf field of a page ("" when none).
std::string csrf_of(const std::string& html);
// x-www-form-urlencoded.
std::string encode_form(const FormFields& fields);
// The path and query of a Location header ("/p/1/k/abc?new=1").
std::string location_of(const HttpResult& result);
// A valid "ask for help" form (the /n/{slug}/ask page).
FormFields ask_fields(const std::string& title = "Groceries for a family of four");

}  // namespace gapfill::testing
