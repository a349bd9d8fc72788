#pragma once
// HTML form bodies (application/x-www-form-urlencoded): names may repeat,
// as checkboxes do, and every value is bounded.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.hpp"

namespace gapfill::http {

class Form {
 public:
  // Decodes a form body. kMalformed for bad % escapes or more than
  // limits::kMaxFormFields fields.
  static Result<Form> parse(std::string_view body);
  // A form holding these fields, as if they had been sent (to show stored values in a form).
  static Form of(std::vector<std::pair<std::string, std::string>> fields);

  // The first value of `name`, or nullopt when the form has none.
  std::optional<std::string> get(std::string_view name) const;
  // The first value of `name` with white space trimmed; nullopt when absent or blank.
  std::optional<std::string> text(std::string_view name) const;
  // Every value of `name`, in order.
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

}  // namespace gapfill::http
