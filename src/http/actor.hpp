#pragma once
// Who is asking, as the domain needs to know it: the signed-in account (by
// its session) and the bearer token the request carries. The one place http/
// turns a request into a domain::Actor; the domain decides what it may do.

#include <optional>
#include <string>
#include <string_view>

#include "domain/services.hpp"
#include "http/message.hpp"
#include "http/web.hpp"

namespace gapfill::http {

// The signed-in account of a request (by its session), if any.
std::optional<AccountId> signed_in_account(domain::Services& services, const Request& request);

// The actor of an API request: `Authorization: Bearer <token>` is a post's
// manage token or a volunteer's match token, or a session.
domain::Actor api_actor(domain::Services& services, const Request& request);

// The actor of a page request: the visitor's session, and the token of the
// private link the page is under (empty when none).
domain::Actor page_actor(const PageRequest& visitor, std::string token = "");

// The sign-in page's address, coming back to `next` (a path on this site).
std::string sign_in_path(const std::string& next);
// `next` when it is a path on this site ("/n/riverside/organize"), else ""
// (an address elsewhere, "//host", a backslash, spaces or control bytes): a
// sign-in never sends anyone to another site.
std::string local_path_or_empty(std::string_view next);

}  // namespace gapfill::http
