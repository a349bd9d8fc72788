#include "http/client_address.hpp"

namespace gapfill::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string client_address(std::string_view peer, const Request& request,
                           std::string_view trusted_proxy) {
  if (trusted_proxy.empty() || peer != trusted_proxy) return std::string(peer);
  // Several X-Forwarded-For fields read as one list: the last field's last entry.
  std::string_view last;
  for (const auto& [name, value] : request.headers) {
    if (name == "x-forwarded-for") last = value;
  }
  const auto comma = last.rfind(',');
  const std::string_view entry =
      trim(comma == std::string_view::npos ? last : last.substr(comma + 1));
  if (entry.empty()) return std::string(peer);
  return std::string(entry);
}

}  // namespace gapfill::http
