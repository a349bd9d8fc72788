#pragma once
// Who is signed in. Pages carry the session in the gf_session cookie
// (HttpOnly, SameSite=Lax); the JSON API only in "Authorization: Bearer
// gfs_..." (never a cookie, so the API needs no anti-forgery tokens).

#include <optional>
#include <string>

#include "domain/services.hpp"
#include "http/message.hpp"

namespace gapfill::http {

inline constexpr const char* kSessionCookie = "gf_session";

// The session token a request carries: the bearer token for /api paths (only
// one that starts with limits::kSessionTokenPrefix), the gf_session cookie
// for every other path. "" when none.
std::string session_token(const Request& request);

// The signed-in account of a request, or nullopt for nobody (no token, an
// unknown one, an expired session).
std::optional<domain::SignedIn> signed_in(domain::Services& services, const Request& request);

// Whether cookies set in answer to this request get Secure: when the site is
// configured for TLS, or the trusted proxy says the client spoke HTTPS.
bool secure_request(bool secure_cookies, const Request& request);

}  // namespace gapfill::http
