// JSON bodies: parse_json_object and FieldReader (http/json_body.cpp), as
// every decode_* uses them.

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "base/limits.hpp"
#include "error_checks.hpp"
#include "fuzz_check.hpp"
#include "http/json_body.hpp"

namespace {

using gapfill::FieldMessages;

std::size_t depth_of(const nlohmann::json& value) {
  std::size_t deepest = 0;
  if (value.is_structured()) {
    for (const auto& item : value) deepest = std::max(deepest, depth_of(item));
    return deepest + 1;
  }
  return 0;
}

// Reads every field of `object` with each getter, as the decoders do.
void read_all(const nlohmann::json& object, const std::string& prefix) {
  FieldMessages type_errors, unknown;
  gapfill::http::FieldReader reader(object, prefix, type_errors, unknown);
  std::size_t index = 0;
  for (const auto& [name, value] : object.items()) {
    switch (index++ % 8) {
      case 0:
        if (const auto text = reader.string(name)) FUZZ_CHECK(value.is_string());
        break;
      case 1:
        if (reader.integer(name)) FUZZ_CHECK(value.is_number());
        break;
      case 2:
        if (const auto number = reader.number(name)) FUZZ_CHECK(std::isfinite(*number));
        break;
      case 3:
        if (reader.boolean(name)) FUZZ_CHECK(value.is_boolean());
        break;
      case 4:
        if (const auto items = reader.strings(name, 10)) FUZZ_CHECK(items->size() <= 10);
        break;
      case 5:
        reader.timestamp(name);
        break;
      case 6:
        if (const auto* nested = reader.object(name)) {
          FUZZ_CHECK(nested->is_object());
          read_all(*nested, reader.path(name) + ".");
        }
        break;
      case 7:
        FUZZ_CHECK(reader.is_null(name) == value.is_null());
        break;
    }
    FUZZ_CHECK(reader.has(name));
  }
  reader.finish();
  // Every field read is known; a type error names a field that was sent.
  FUZZ_CHECK(unknown.empty());
  for (const auto& [field, message] : type_errors) {
    FUZZ_CHECK(field.starts_with(prefix));
    FUZZ_CHECK(object.contains(field.substr(prefix.size())));
    FUZZ_CHECK(message.key.starts_with("error."));
  }
  // A reader that asks for nothing reports every field as unknown.
  FieldMessages no_errors, all_unknown;
  gapfill::http::FieldReader idle(object, prefix, no_errors, all_unknown);
  idle.finish();
  FUZZ_CHECK(all_unknown.size() == object.size());
  FUZZ_CHECK(no_errors.empty());
  if (!all_unknown.empty()) {
    const auto status = gapfill::http::reject_unknown(all_unknown);
    FUZZ_CHECK(!status);
    gapfill::fuzz::check_client_error(status.error());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(gapfill::fuzz::as_text(data, size));
  const auto parsed = gapfill::http::parse_json_object(body);
  if (!parsed) {
    FUZZ_CHECK(parsed.error().code == gapfill::ErrorCode::kMalformed);
    gapfill::fuzz::check_client_error(parsed.error());
    return 0;
  }
  FUZZ_CHECK(parsed->is_object());
  FUZZ_CHECK(depth_of(*parsed) <= gapfill::limits::kMaxJsonDepth + 1);
  // What was accepted serializes and reads back the same.
  const std::string again = parsed->dump();
  const auto reparsed = gapfill::http::parse_json_object(again);
  FUZZ_CHECK(reparsed && *reparsed == *parsed);
  read_all(*parsed, "");
  return 0;
}
