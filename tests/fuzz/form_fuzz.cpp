// HTML form bodies (http/form.cpp): Form::parse and its getters.

#include "base/limits.hpp"
#include "error_checks.hpp"
#include "fuzz_check.hpp"
#include "http/form.hpp"
#include "http/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = gapfill::fuzz::as_text(data, size);
  const auto form = gapfill::http::Form::parse(body);
  if (!form) {
    FUZZ_CHECK(form.error().code == gapfill::ErrorCode::kMalformed);
    gapfill::fuzz::check_client_error(form.error());
    return 0;
  }
  // Every name sent is there, its values in order, the first one first.
  std::vector<std::pair<std::string, std::string>> sent;
  std::string_view rest = body;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    const auto name = gapfill::http::percent_decode(pair.substr(0, equals), true);
    const auto value = gapfill::http::percent_decode(
        equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
    FUZZ_CHECK(name && value);
    sent.emplace_back(*name, *value);
  }
  FUZZ_CHECK(sent.size() <= gapfill::limits::kMaxFormFields);
  for (const auto& [name, value] : sent) {
    FUZZ_CHECK(form->has(name));
    const auto all = form->all(name);
    FUZZ_CHECK(!all.empty() && form->get(name) == all.front());
    if (const auto text = form->text(name)) {
      FUZZ_CHECK(!text->empty() && text->size() <= all.front().size());
    }
  }
  // The same fields, made directly, read the same.
  const auto made = gapfill::http::Form::of(sent);
  for (const auto& [name, value] : sent) FUZZ_CHECK(made.all(name) == form->all(name));
  return 0;
}
