#pragma once
// What every HTML page handler shares: the services, the templates, the
// static files, and a per-request view of the visitor (language, cookies,
// the anti-forgery token), plus the page layout.

#include <ctemplate/template.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/services.hpp"
#include "http/form.hpp"
#include "http/listing_cache.hpp"
#include "http/message.hpp"
#include "http/static_files.hpp"
#include "http/templates.hpp"

namespace gapfill::http {

struct WebOptions {
  // The address people reach this server at, for links that leave it (the
  // flyer's QR code): "https://aid.example.org". Empty: from the Host header.
  std::string public_url;
  // Cookies carry Secure (set when served over TLS, or behind a TLS proxy).
  bool secure_cookies = false;
  // Map tiles, the only thing pages load from elsewhere.
  std::string tile_url = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  std::string tile_attribution = "&copy; OpenStreetMap contributors";
};

struct WebContext {
  domain::Services& services;
  const Templates& templates;
  const StaticFiles& static_files;
  const i18n::Catalogue& catalogue;
  WebOptions options;
  std::string csrf_secret;   // keys the anti-forgery tokens
  ListingCache& page_cache;  // rendered public pages that change only with a network's posts
};

// One visitor's request to a page.
class PageRequest {
 public:
  PageRequest(const WebContext& web, const Request& request);

  const WebContext& web() const { return web_; }
  const Request& request() const { return request_; }
  const std::string& language() const { return language_; }
  std::string text(const std::string& key) const;
  std::string format(const std::string& key, const i18n::MessageArgs& args) const;
  std::optional<std::string> cookie(const std::string& name) const;

  // The token a form carries; starts the visitor's anti-forgery cookie
  // when they have none yet.
  std::string csrf_token();
  // True when the form's token belongs to the visitor's cookie.
  bool csrf_valid(const Form& form) const;

  // Adds a Set-Cookie header to whatever this request answers.
  void set_cookie(std::string header_value) { cookies_out_.push_back(std::move(header_value)); }
  // A 303 to a path on this site.
  Response redirect(const std::string& location);
  // Finishes a response: cookies and the page's security policy.
  Response finish(Response response);

  // "Thu 4 Dec, 14:05" on the network's clock, in this language.
  std::string local_time(UnixSeconds t, const std::string& timezone) const;
  // The label of a category in this language.
  std::string category_label(const std::vector<Category>& categories, const std::string& key) const;
  // The absolute address of a path, for links that leave the site.
  std::string absolute_url(const std::string& path) const;

 private:
  const WebContext& web_;
  const Request& request_;
  std::map<std::string, std::string> cookies_;
  std::string language_;
  std::string csrf_cookie_;
  std::vector<std::string> cookies_out_;
};

// One HTML page: the layout around a page template. Fill data() and finish.
class Page {
 public:
  Page(PageRequest& request, std::string name);
  ctemplate::TemplateDictionary& data() { return *content_; }
  ctemplate::TemplateDictionary& layout() { return layout_; }
  void set_title(const std::string& title);
  // Puts the network's name and links in the header.
  void set_network(const Network& network);
  // Adds the map scripts (Leaflet) to the page.
  void use_map();
  Response finish(int status = 200);

 private:
  PageRequest& request_;
  std::string name_;
  ctemplate::TemplateDictionary layout_;
  ctemplate::TemplateDictionary* content_;
};

// The error page for `status`, in the visitor's language.
Response error_page(PageRequest& request, int status);

// Sets `name` to `value` in a dictionary, or shows section `name` with
// MESSAGE for a field's error. Small helpers the page handlers share.
void set_error(ctemplate::TemplateDictionary& data, const std::string& field_section,
               const std::string& message);

}  // namespace gapfill::http
