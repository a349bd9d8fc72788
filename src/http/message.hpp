#pragma once
// The project's own HTTP request and response: handlers see these, never
// the server library's types.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gapfill::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view to_string(Method method);
Method parse_method(std::string_view text);

struct Request {
  Method method = Method::kGet;
  std::string path;   // decoded of nothing: as sent, without the query
  std::string query;  // the raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {id}
  // Who sent it: the peer's IP address, or with a trusted proxy in front, the
  // address it names. Personal data: used for rate limits, never logged.
  std::string client_address;
  // True when the request came through the configured trusted proxy and it
  // said the client spoke HTTPS (X-Forwarded-Proto: https): cookies get Secure.
  bool forwarded_https = false;

  // The first header of that (lower-case) name.
  std::optional<std::string_view> header(std::string_view lower_name) const;
  // The token of an "Authorization: Bearer <token>" header, or "".
  std::string bearer_token() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace gapfill::http
