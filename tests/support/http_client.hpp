#pragma once
// A real HTTP client (libcurl) for the integration tests.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gapfill::testing {

struct HttpResult {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
  // The body as JSON; a null value when it is not JSON.
  nlohmann::json json() const;
};

class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request. `headers` are "Name: value" lines; a JSON content type
  // is added for a non-empty body unless one is given.
  HttpResult request(const std::string& method, const std::string& target,
                     const std::string& body = "", std::vector<std::string> headers = {});
  HttpResult get(const std::string& target, const std::string& token = "");
  HttpResult post(const std::string& target, const nlohmann::json& body,
                  const std::string& token = "");
  HttpResult patch(const std::string& target, const nlohmann::json& body,
                   const std::string& token = "");

 private:
  std::uint16_t port_;
  void* curl_;
};

}  // namespace gapfill::testing
