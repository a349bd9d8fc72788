// Paths (http/router.cpp, http/api_support.cpp): split_path, route matching
// with {captures}, path ids, and the dispatcher's answers. The first byte is
// the method, the rest the request target ("/path?query").

#include <algorithm>

#include "dispatch_fixture.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const gapfill::fuzz::DispatchFixture fixture;
  using gapfill::http::Method;
  std::string_view target = gapfill::fuzz::as_text(data, size);
  const unsigned char selector = gapfill::fuzz::take_selector(target);
  static constexpr Method kMethods[] = {Method::kGet,   Method::kHead,   Method::kPost,
                                        Method::kPatch, Method::kDelete, Method::kOther};

  gapfill::http::Request request;
  request.method = kMethods[selector % 6];
  const auto question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));

  const auto segments = gapfill::http::split_path(request.path);
  std::size_t length = 0;
  for (const auto& segment : segments) {
    FUZZ_CHECK(!segment.empty() && segment.find('/') == std::string::npos);
    length += segment.size() + 1;
  }
  FUZZ_CHECK(length <= request.path.size() + 1);
  request.headers.emplace_back("content-type", "application/json");
  const auto response = fixture.dispatch(request);

  // Every answer is one the routes can give, with the common headers.
  const int status = response.status;
  FUZZ_CHECK(status == 200 || status == 404 || status == 405 || status == 414);
  FUZZ_CHECK(gapfill::fuzz::has_header(response, "X-Content-Type-Options"));
  FUZZ_CHECK(gapfill::fuzz::has_header(response, "Content-Security-Policy"));
  if (status == 405) FUZZ_CHECK(gapfill::fuzz::has_header(response, "Allow"));
  if (status == 200) {
    // Captures are whole segments of the path; an id is a canonical positive number.
    for (const auto& [name, value] : request.params) {
      FUZZ_CHECK(!value.empty() && value.find('/') == std::string::npos);
      FUZZ_CHECK(std::find(segments.begin(), segments.end(), value) != segments.end());
      if (name == "id") {
        const auto id = gapfill::http::parse_id(value);
        FUZZ_CHECK(id && *id > 0 && std::to_string(*id) == value);
      }
    }
  }
  return 0;
}
