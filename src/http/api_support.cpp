#include "http/api_support.hpp"

#include <charconv>

namespace gapfill::http {

std::optional<std::int64_t> parse_id(const std::string& text) {
  std::int64_t value = 0;
  if (text.empty() || text.size() > 18 || text.front() == '0') return std::nullopt;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

Result<std::int64_t> path_id(const Request& request, const char* name, const char* what) {
  const auto found = request.params.find(name);
  if (found == request.params.end()) return not_found(what);
  const auto id = parse_id(found->second);
  if (!id) return not_found(what);
  return *id;
}

}  // namespace gapfill::http
