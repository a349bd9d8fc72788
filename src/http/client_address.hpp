#pragma once
// Who sent a request, for rate limits: the peer's address, unless the peer is
// the one configured trusted proxy, whose X-Forwarded-For names the client
// (its last entry: the one the proxy itself added).

#include <string>
#include <string_view>

#include "http/message.hpp"

namespace gapfill::http {

// `peer` is the connection's IP address; `trusted_proxy` is empty when no
// proxy is trusted. A proxy that sends no usable X-Forwarded-For is the client.
std::string client_address(std::string_view peer, const Request& request,
                           std::string_view trusted_proxy);

}  // namespace gapfill::http
