#include "http/form.hpp"

#include "base/limits.hpp"
#include "base/text.hpp"
#include "http/query.hpp"

namespace gapfill::http {

Result<Form> Form::parse(std::string_view body) {
  Form form;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (pair.empty()) continue;
    if (form.fields_.size() >= limits::kMaxFormFields) {
      return fail(ErrorCode::kMalformed, "The form has too many fields.");
    }
    const auto equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals), true);
    auto value = percent_decode(
        equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
    if (!name || !value) return fail(ErrorCode::kMalformed, "The form has a malformed % escape.");
    form.fields_.emplace_back(std::move(*name), std::move(*value));
  }
  return form;
}

Form Form::of(std::vector<std::pair<std::string, std::string>> fields) {
  Form form;
  form.fields_ = std::move(fields);
  return form;
}

std::optional<std::string> Form::get(std::string_view name) const {
  for (const auto& [field, value] : fields_) {
    if (field == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Form::text(std::string_view name) const {
  auto value = get(name);
  if (!value) return std::nullopt;
  std::string trimmed = trim(*value);
  if (trimmed.empty()) return std::nullopt;
  return trimmed;
}

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [field, value] : fields_) {
    if (field == name) values.push_back(value);
  }
  return values;
}

}  // namespace gapfill::http
