#include "support/page_client.hpp"

#include <curl/curl.h>

#include <regex>

namespace gapfill::testing {

std::string csrf_of(const std::string& html) {
  static const std::regex kCsrf(R"re(name="csrf" value="([^"]*)")re");
  std::smatch match;
  if (!std::regex_search(html, match, kCsrf)) return "";
  return match[1].str();
}

std::string encode_form(const FormFields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    char* encoded_name = curl_easy_escape(nullptr, name.c_str(), static_cast<int>(name.size()));
    char* encoded_value = curl_easy_escape(nullptr, value.c_str(), static_cast<int>(value.size()));
    body += std::string(encoded_name) + "=" + encoded_value;
    curl_free(encoded_name);
    curl_free(encoded_value);
  }
  return body;
}

std::string location_of(const HttpResult& result) {
  const auto found = result.headers.find("location");
  if (found == result.headers.end()) return "";
  std::string location = found->second;
  if (const auto scheme = location.find("://"); scheme != std::string::npos) {
    location = location.substr(location.find('/', scheme + 3));
  }
  return location;
}

void PageClient::remember(const HttpResult& result) {
  if (const auto set = result.headers.find("set-cookie"); set != result.headers.end()) {
    const std::string& line = set->second;
    const auto equals = line.find('=');
    const auto end = line.find(';');
    if (equals != std::string::npos) {
      const std::string value = line.substr(equals + 1, end - equals - 1);
      const bool expired = line.find("Max-Age=0") != std::string::npos;
      if (expired) {
        cookies_.erase(line.substr(0, equals));
      } else {
        cookies_[line.substr(0, equals)] = value;
      }
    }
  }
  if (std::string csrf = csrf_of(result.body); !csrf.empty()) csrf_ = std::move(csrf);
}

HttpResult PageClient::raw(const std::string& method, const std::string& target,
                           const std::string& body, std::vector<std::string> headers) {
  std::string cookie;
  for (const auto& [name, value] : cookies_) {
    if (!cookie.empty()) cookie += "; ";
    cookie += name + "=" + value;
  }
  if (!cookie.empty()) headers.push_back("Cookie: " + cookie);
  headers.push_back("Accept-Language: " + accept_language_);
  HttpResult result = http_.request(method, target, body, std::move(headers));
  remember(result);
  return result;
}

HttpResult PageClient::get(const std::string& target) {
  return raw("GET", target, "", {});
}

HttpResult PageClient::post(const std::string& target, const FormFields& fields, bool with_csrf) {
  FormFields sent = fields;
  if (with_csrf) sent.emplace_back("csrf", csrf_);
  return raw("POST", target, encode_form(sent),
             {"Content-Type: application/x-www-form-urlencoded"});
}

FormFields ask_fields(const std::string& title) {
  return {{"title", title},
          {"category", "food"},
          {"urgency", "today"},
          {"details", "No pork please"},
          {"place", "Near the library on 5th"},
          {"contact_method", "phone"},
          {"contact_name", "Sam"},
          {"contact_phone", "+1 406 555 0100"}};
}

}  // namespace gapfill::testing
