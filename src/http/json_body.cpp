#include "http/json_body.hpp"

#include <fmt/format.h>

#include "base/limits.hpp"
#include "base/time.hpp"

namespace gapfill::http {

Result<nlohmann::json> parse_json_object(const std::string& body) {
  if (body.empty()) return fail(ErrorCode::kMalformed, "The body is empty; send a JSON object.");
  // The parser would stop at a NUL and ignore what follows it.
  if (const auto nul = body.find('\0'); nul != std::string::npos) {
    return fail(ErrorCode::kMalformed,
                fmt::format("The body is not valid JSON: a NUL byte at byte {}.", nul + 1));
  }
  bool too_deep = false;
  const nlohmann::json::parser_callback_t bound_depth =
      [&too_deep](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > static_cast<int>(limits::kMaxJsonDepth)) too_deep = true;
        return !too_deep;
      };
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(body, bound_depth);
  } catch (const nlohmann::json::parse_error& error) {
    return fail(ErrorCode::kMalformed,
                fmt::format("The body is not valid JSON: syntax error at byte {}.", error.byte));
  } catch (const nlohmann::json::exception&) {
    // A number too large for a double (1e400), and the like.
    return fail(ErrorCode::kMalformed, "The body holds a number out of range.");
  }
  if (too_deep) {
    return fail(ErrorCode::kMalformed,
                fmt::format("The body nests deeper than {} levels.", limits::kMaxJsonDepth));
  }
  if (!parsed.is_object()) return fail(ErrorCode::kMalformed, "The body must be a JSON object.");
  return parsed;
}

FieldReader::FieldReader(const nlohmann::json& object, std::string prefix,
                         FieldMessages& type_errors, FieldMessages& unknown_fields)
    : object_(object),
      prefix_(std::move(prefix)),
      type_errors_(type_errors),
      unknown_fields_(unknown_fields) {}

const nlohmann::json* FieldReader::field(const std::string& name) {
  seen_.insert(name);
  const auto found = object_.find(name);
  if (found == object_.end() || found->is_null()) return nullptr;
  return &*found;
}

bool FieldReader::has(const std::string& name) const {
  return object_.contains(name);
}

bool FieldReader::is_null(const std::string& name) {
  seen_.insert(name);
  const auto found = object_.find(name);
  return found != object_.end() && found->is_null();
}

void FieldReader::wrong_type(const std::string& name, const char* key) {
  type_errors_[path(name)] = Message{key, {}};
}

std::optional<std::string> FieldReader::string(const std::string& name) {
  const auto* value = field(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    wrong_type(name, "error.type_string");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::int64_t> FieldReader::integer(const std::string& name) {
  const auto* value = field(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer()) {
    if (value->is_number_unsigned() &&
        value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      wrong_type(name, "error.type_whole_number_in_range");
      return std::nullopt;
    }
    return value->get<std::int64_t>();
  }
  wrong_type(name, "error.type_whole_number");
  return std::nullopt;
}

std::optional<double> FieldReader::number(const std::string& name) {
  const auto* value = field(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    wrong_type(name, "error.type_number");
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<bool> FieldReader::boolean(const std::string& name) {
  const auto* value = field(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    wrong_type(name, "error.type_boolean");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::vector<std::string>> FieldReader::strings(const std::string& name,
                                                             std::size_t max_items) {
  const auto* value = field(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array() || value->size() > max_items) {
    type_errors_[path(name)] =
        Message{"error.type_string_list_max", {{"max", fmt::format("{}", max_items)}}};
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (const auto& item : *value) {
    if (!item.is_string()) {
      type_errors_[path(name)] = Message{"error.type_string_list", {}};
      return std::nullopt;
    }
    items.push_back(item.get<std::string>());
  }
  return items;
}

std::optional<std::int64_t> FieldReader::timestamp(const std::string& name) {
  const auto text = string(name);
  if (!text) return std::nullopt;
  const auto parsed = parse_rfc3339(*text);
  if (!parsed) {
    type_errors_[path(name)] = Message{"error.rfc3339_time", {{"example", "2026-12-01T09:00:00Z"}}};
  }
  return parsed;
}

const nlohmann::json* FieldReader::object(const std::string& name) {
  const auto* value = field(name);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    wrong_type(name, "error.type_object");
    return nullptr;
  }
  return value;
}

void FieldReader::finish() {
  for (const auto& [key, value] : object_.items()) {
    if (!seen_.contains(key)) unknown_fields_[path(key)] = Message{"error.unknown_field", {}};
  }
}

Status reject_unknown(const FieldMessages& unknown_fields) {
  if (unknown_fields.empty()) return {};
  return std::unexpected(Error{
      ErrorCode::kMalformed, "The body has fields this endpoint does not accept.", unknown_fields});
}

}  // namespace gapfill::http
