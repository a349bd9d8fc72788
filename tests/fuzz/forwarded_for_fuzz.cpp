// X-Forwarded-For (http/client_address.cpp): who a request comes from, for rate
// limits. The first byte says how many X-Forwarded-For fields the rest is
// split into (at newlines) and whether the peer is the trusted proxy.

#include "fuzz_check.hpp"
#include "http/client_address.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = gapfill::fuzz::as_text(data, size);
  const unsigned char selector = gapfill::fuzz::take_selector(text);
  gapfill::http::Request request;
  const std::size_t fields = 1 + selector % 4;
  for (std::size_t i = 0; i < fields && !text.empty(); ++i) {
    const auto newline = i + 1 < fields ? text.find('\n') : std::string_view::npos;
    request.headers.emplace_back("x-forwarded-for", std::string(text.substr(0, newline)));
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
  }
  request.headers.emplace_back("host", "example.org");
  const std::string peer = "10.0.0.1";
  const std::string proxy = (selector & 0x80) ? "" : "10.0.0.1";
  const std::string client = gapfill::http::client_address(peer, request, proxy);
  FUZZ_CHECK(!client.empty());
  if (proxy.empty()) {
    FUZZ_CHECK(client == peer);  // without a trusted proxy the header is never believed
    return 0;
  }
  // The last entry of the last field, trimmed: never a list, never padded.
  FUZZ_CHECK(client.find(',') == std::string::npos);
  FUZZ_CHECK(client.front() != ' ' && client.back() != ' ');
  if (client != peer)
    FUZZ_CHECK(request.headers[request.headers.size() - 2].second.find(client) !=
               std::string::npos);
  // Another peer is never replaced by what it says.
  FUZZ_CHECK(gapfill::http::client_address("10.0.0.2", request, proxy) == "10.0.0.2");
  return 0;
}
