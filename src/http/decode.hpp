#pragma once
// JSON bodies to domain drafts. Unknown fields are kMalformed (400); wrong
// types travel in the draft's read_errors so that the domain names them
// together with its own findings (422).

#include "base/error.hpp"
#include "domain/areas.hpp"
#include "domain/drafts.hpp"
#include "http/message.hpp"

namespace gapfill::http {

Result<domain::NetworkDraft> decode_network(const Request& request);
// A network's public contact: {"email", "website", "phone"}, each optional.
Result<domain::PublicContactDraft> decode_public_contact(const Request& request);
// PUT /api/v1/networks/{slug}/area: {lat, lon, radius_km} or {geojson}.
Result<domain::AreaDraft> decode_area(const Request& request);
Result<domain::PostDraft> decode_post(const Request& request);
Result<domain::ClaimDraft> decode_claim(const Request& request);
Result<domain::ProposalDraft> decode_proposal(const Request& request);
// The optional {"reason": "..."} of a close; an empty body is allowed.
Result<std::optional<CloseReason>> decode_close(const Request& request);
// An empty body or {}: kMalformed naming the first field otherwise.
Status decode_no_fields(const Request& request);
// A report of a post: {"reason": "spam" | "scam" | ..., "note": "..."}.
Result<domain::ReportDraft> decode_report(const Request& request);
// The {"reason": ...} an organizer gives to hide a post or block its token
// (required: kInvalid without it).
Result<ModerationReason> decode_moderation_reason(const Request& request);
// {"resolution": "dismissed" | "hidden"} of a report (required).
Result<ReportResolution> decode_resolution(const Request& request);
// The names decode_report and decode_moderation_reason accept.
inline constexpr const char* kModerationReasonNames =
    "spam, scam, unsafe, personal_information, other";

}  // namespace gapfill::http
