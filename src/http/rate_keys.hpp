#pragma once
// Keys a rate-limited route counts a request under besides the client's
// address (Router::Added::rate_limit): so that spreading guesses over many
// addresses does not spread them over many limits.

#include <optional>
#include <string>

#include "http/message.hpp"

namespace gapfill::http {

// "email:<normalized address>" for a request whose JSON or form body names
// an `email` (sign-up, sign-in, password reset); nullopt otherwise.
std::optional<std::string> email_rate_key(const Request& request);

}  // namespace gapfill::http
