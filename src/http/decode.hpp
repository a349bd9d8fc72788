#pragma once
// JSON bodies to domain drafts. Unknown fields are kMalformed (400); wrong
// types travel in the draft's read_errors so that the domain names them
// together with its own findings (422).

#include "base/error.hpp"
#include "domain/drafts.hpp"
#include "http/message.hpp"

namespace gapfill::http {

Result<domain::NetworkDraft> decode_network(const Request& request);
Result<domain::PostDraft> decode_post(const Request& request);
Result<domain::ClaimDraft> decode_claim(const Request& request);
Result<domain::ProposalDraft> decode_proposal(const Request& request);
// The optional {"reason": "..."} of a close; an empty body is allowed.
Result<std::optional<CloseReason>> decode_close(const Request& request);

}  // namespace gapfill::http
