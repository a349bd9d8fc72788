// The Content-Type header (http/dispatcher.cpp): a body is read only when it
// is declared as the route's type, JSON for the API and a form for pages.
// The first byte chooses the route; the rest is the header's value.

#include <cctype>

#include "dispatch_fixture.hpp"
#include "fuzz_check.hpp"

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const gapfill::fuzz::DispatchFixture fixture;
  std::string_view value = gapfill::fuzz::as_text(data, size);
  const unsigned char selector = gapfill::fuzz::take_selector(value);
  const bool page = selector & 1;

  gapfill::http::Request request;
  request.method = gapfill::http::Method::kPost;
  request.path = page ? "/p/12/claim" : "/api/v1/posts/12/claim";
  request.body = page ? "name=x" : "{}";
  if (!(selector & 2)) request.headers.emplace_back("content-type", std::string(value));
  const auto response = fixture.dispatch(request);

  FUZZ_CHECK(response.status == 200 || response.status == 415 || response.status == 431);
  const std::string wanted = page ? "application/x-www-form-urlencoded" : "application/json";
  const std::string type = lower(value);
  if (selector & 2) {
    FUZZ_CHECK(response.status == 415);  // no Content-Type, a body: refused
  } else if (response.status == 200) {
    FUZZ_CHECK(type.starts_with(wanted));
    FUZZ_CHECK(type.size() == wanted.size() || type[wanted.size()] == ';' ||
               type[wanted.size()] == ' ');
  } else if (type == wanted || type == wanted + "; charset=utf-8") {
    FUZZ_CHECK(false);  // the type itself, refused
  }
  return 0;
}
