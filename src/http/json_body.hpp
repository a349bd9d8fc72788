#pragma once
// Reading untrusted JSON bodies: parse with a depth bound, then read each
// field with its expected type, collecting type errors and unknown fields.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/error.hpp"

namespace gapfill::http {

// Parses `body` as a JSON object. kMalformed, saying where, otherwise.
Result<nlohmann::json> parse_json_object(const std::string& body);

// Reads the fields of one JSON object. Every getter marks its field as
// known; finish() reports the fields nobody asked for.
class FieldReader {
 public:
  // `prefix` names nested objects in messages ("contact." for "contact.email").
  FieldReader(const nlohmann::json& object, std::string prefix, FieldMessages& type_errors,
              FieldMessages& unknown_fields);

  // Each returns nullopt when the field is absent or null (see is_null), and
  // records a type error when it has the wrong type.
  std::optional<std::string> string(const std::string& name);
  std::optional<std::int64_t> integer(const std::string& name);
  std::optional<double> number(const std::string& name);
  std::optional<bool> boolean(const std::string& name);
  std::optional<std::vector<std::string>> strings(const std::string& name, std::size_t max_items);
  std::optional<std::int64_t> timestamp(const std::string& name);  // RFC 3339 text
  // A nested object, or null when absent, null, or not an object.
  const nlohmann::json* object(const std::string& name);
  // True when the field is present with the value null.
  bool is_null(const std::string& name);
  // Whether the field is present at all.
  bool has(const std::string& name) const;

  // Records every field that no getter asked for as unknown.
  void finish();
  std::string path(const std::string& name) const { return prefix_ + name; }

 private:
  const nlohmann::json* field(const std::string& name);
  // Records that `name` is not of the expected type; `key` says which.
  void wrong_type(const std::string& name, const char* key);

  const nlohmann::json& object_;
  std::string prefix_;
  std::set<std::string> seen_;
  FieldMessages& type_errors_;
  FieldMessages& unknown_fields_;
};

// Turns collected reading problems into an error: unknown fields are 400
// (kMalformed), nothing otherwise (type errors travel with the draft).
Status reject_unknown(const FieldMessages& unknown_fields);

}  // namespace gapfill::http
