// The Authorization header (http/message.cpp): Request::bearer_token.

#include <cctype>

#include "fuzz_check.hpp"
#include "http/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value = gapfill::fuzz::as_text(data, size);
  gapfill::http::Request request;
  request.headers.emplace_back("authorization", std::string(value));
  const std::string token = request.bearer_token();
  if (token.empty()) return 0;
  // Only "Bearer <token>" (any case) gives a token: a part of the header, trimmed.
  FUZZ_CHECK(value.size() > 7);
  std::string scheme(value.substr(0, 7));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  FUZZ_CHECK(scheme == "bearer ");
  FUZZ_CHECK(token.front() != ' ' && token.back() != ' ');
  FUZZ_CHECK(value.substr(7).find(token) != std::string_view::npos);
  // The first Authorization header is the one read.
  request.headers.emplace_back("authorization", "Bearer other");
  FUZZ_CHECK(request.bearer_token() == token);
  return 0;
}
