#include "http/rate_keys.hpp"

#include "base/limits.hpp"
#include "domain/accounts.hpp"
#include "http/form.hpp"
#include "http/json_body.hpp"

namespace gapfill::http {

std::optional<std::string> email_rate_key(const Request& request) {
  std::optional<std::string> email;
  if (auto json = parse_json_object(request.body)) {
    const auto found = json->find("email");
    if (found != json->end() && found->is_string()) email = found->get<std::string>();
  } else if (auto form = Form::parse(request.body)) {
    email = form->get("email");
  }
  if (!email) return std::nullopt;
  std::string normalized = domain::normalize_email(*email);
  // An over-long address is refused by its handler; its key is bounded here.
  if (normalized.empty() || normalized.size() > limits::kEmailMaxChars) return std::nullopt;
  return "email:" + normalized;
}

}  // namespace gapfill::http
