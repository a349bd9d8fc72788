#include "http/message.hpp"

#include <array>

namespace gapfill::http {
namespace {

constexpr std::array<std::pair<Method, std::string_view>, 7> kMethods{
    {{Method::kGet, "GET"},
     {Method::kHead, "HEAD"},
     {Method::kPost, "POST"},
     {Method::kPut, "PUT"},
     {Method::kPatch, "PATCH"},
     {Method::kDelete, "DELETE"},
     {Method::kOptions, "OPTIONS"}}};

}  // namespace

std::string_view to_string(Method method) {
  for (const auto& [value, name] : kMethods) {
    if (value == method) return name;
  }
  return "OTHER";
}

Method parse_method(std::string_view text) {
  for (const auto& [value, name] : kMethods) {
    if (name == text) return value;
  }
  return Method::kOther;
}

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

std::string Request::bearer_token() const {
  const auto authorization = header("authorization");
  if (!authorization) return {};
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization->size() <= kScheme.size()) return {};
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>((*authorization)[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return {};
    }
  }
  std::string_view token = authorization->substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return std::string(token);
}

}  // namespace gapfill::http
