#include "http/web.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "base/limits.hpp"
#include "base/local_time.hpp"
#include "domain/tokens.hpp"
#include "http/cookies.hpp"
#include "http/language.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

constexpr const char* kLanguageCookie = "gf_lang";
constexpr const char* kCsrfCookie = "gf_csrf";
constexpr const char* kCsrfField = "csrf";

// "https://tile.openstreetmap.org/{z}/..." -> "https://tile.openstreetmap.org".
std::string origin_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  const auto path = url.find('/', scheme + 3);
  return url.substr(0, path);
}

std::string page_policy(const WebOptions& options) {
  std::string images = "'self' data:";
  if (const std::string tiles = origin_of(options.tile_url); !tiles.empty()) {
    images += " " + tiles;
  }
  return "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + images +
         "; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}

bool is_cookie_safe(std::string_view value) {
  return !value.empty() && value.size() <= limits::kTokenMaxChars &&
         std::all_of(value.begin(), value.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

}  // namespace

PageRequest::PageRequest(const WebContext& web, const Request& request)
    : web_(web), request_(request) {
  if (const auto header = request.header("cookie")) cookies_ = parse_cookies(*header);
  language_ = choose_language(cookie(kLanguageCookie), request.header("accept-language"),
                              web.catalogue.languages());
  if (auto existing = cookie(kCsrfCookie); existing && is_cookie_safe(*existing)) {
    csrf_cookie_ = *existing;
  }
}

std::string PageRequest::text(const std::string& key) const {
  return web_.catalogue.text(language_, key);
}

std::string PageRequest::format(const std::string& key, const i18n::MessageArgs& args) const {
  return web_.catalogue.format(language_, key, args);
}

std::optional<std::string> PageRequest::cookie(const std::string& name) const {
  const auto found = cookies_.find(name);
  if (found == cookies_.end()) return std::nullopt;
  return found->second;
}

std::string PageRequest::csrf_token() {
  if (csrf_cookie_.empty()) {
    csrf_cookie_ = tokens::issue().token;
    CookieOptions options;
    options.secure = web_.options.secure_cookies;
    set_cookie(http::set_cookie(kCsrfCookie, csrf_cookie_, options));
  }
  return tokens::sign(web_.csrf_secret, csrf_cookie_);
}

bool PageRequest::csrf_valid(const Form& form) const {
  const auto token = form.get(kCsrfField);
  return !csrf_cookie_.empty() && token && tokens::verify(web_.csrf_secret, csrf_cookie_, *token);
}

Response PageRequest::redirect(const std::string& location) {
  Response response;
  response.status = 303;
  response.content_type = "text/plain; charset=utf-8";
  response.headers.emplace_back("Location", location);
  return finish(std::move(response));
}

Response PageRequest::finish(Response response) {
  for (std::string& cookie : cookies_out_) response.headers.emplace_back("Set-Cookie", cookie);
  cookies_out_.clear();
  response.headers.emplace_back("Content-Security-Policy", page_policy(web_.options));
  response.headers.emplace_back("Content-Language", language_);
  response.headers.emplace_back("Vary", "Cookie, Accept-Language");
  return response;
}

std::string PageRequest::local_time(UnixSeconds t, const std::string& timezone) const {
  const auto local = to_local(t, timezone);
  if (!local) return format_rfc3339(t);
  const int hour12 = local->hour % 12 == 0 ? 12 : local->hour % 12;
  const std::string time =
      format("date.time", {{"hour", fmt::format("{:02}", local->hour)},
                           {"hour12", std::to_string(hour12)},
                           {"minute", fmt::format("{:02}", local->minute)},
                           {"ampm", text(local->hour < 12 ? "date.am" : "date.pm")}});
  return format("date.date_time",
                {{"weekday", text("date.weekday." + std::to_string(local->weekday))},
                 {"day", std::to_string(local->day)},
                 {"month", text("date.month." + std::to_string(local->month))},
                 {"year", std::to_string(local->year)},
                 {"time", time}});
}

std::string PageRequest::category_label(const std::vector<Category>& categories,
                                        const std::string& key) const {
  for (const Category& category : categories) {
    if (category.key != key) continue;
    if (auto label = category.labels.find(language_); label != category.labels.end()) {
      return label->second;
    }
    if (auto label = category.labels.find("en"); label != category.labels.end()) {
      return label->second;
    }
  }
  return key;
}

std::string PageRequest::absolute_url(const std::string& path) const {
  if (!web_.options.public_url.empty()) return web_.options.public_url + path;
  const std::string host(request_.header("host").value_or("localhost"));
  return (web_.options.secure_cookies ? "https://" : "http://") + host + path;
}

Page::Page(PageRequest& request, std::string name)
    : request_(request), name_(std::move(name)), layout_("layout") {
  const std::string& language = request.language();
  layout_.SetValue("LANG", language);
  layout_.SetValue("STATIC", request.web().static_files.prefix());
  content_ = layout_.AddIncludeDictionary("CONTENT");
  content_->SetFilename(Templates::baked_name(name_, language));
  content_->SetValue("STATIC", request.web().static_files.prefix());  // includes do not inherit
  // Links to the page in every other language.
  std::string here = request.request().path;
  if (!request.request().query.empty()) here += "?" + request.request().query;
  for (const std::string& other : request.web().catalogue.languages()) {
    if (other == language) continue;
    auto* link = layout_.AddSectionDictionary("LANGUAGE");
    link->SetValue("CODE", other);
    link->SetValue("NAME", request.web().catalogue.text(other, "language.name"));
    link->SetValue("HREF", "/lang/" + other + "?next=" + percent_encode(here));
  }
}

void Page::set_title(const std::string& title) {
  layout_.SetValue("TITLE", title);
}

void Page::set_network(const Network& network) {
  auto* section = layout_.AddSectionDictionary("NETWORK");
  section->SetValue("SLUG", network.slug);
  section->SetValue("NAME", network.name);
}

void Page::use_map() {
  layout_.ShowSection("MAP");
}

Response Page::finish(int status) {
  Response response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = request_.web().templates.expand("layout", request_.language(), layout_);
  return request_.finish(std::move(response));
}

Response error_page(PageRequest& request, int status) {
  Page page(request, "error");
  std::string key = "error_page.other";
  if (status == 404 || status == 403 || status == 405 || status == 410 || status == 413 ||
      status == 429 || status == 500 || status == 503) {
    key = "error_page." + std::to_string(status);
  }
  page.set_title(request.text(key + ".title"));
  page.data().SetValue("HEADING", request.text(key + ".title"));
  page.data().SetValue("MESSAGE", request.text(key + ".message"));
  return page.finish(status);
}

void set_error(ctemplate::TemplateDictionary& data, const std::string& field_section,
               const std::string& message) {
  data.SetValueAndShowSection("MESSAGE", message, field_section);
}

}  // namespace gapfill::http
