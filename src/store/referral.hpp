#pragma once
// A referral: one network's organizers hand a request on to another network
// that can help, with the requester's consent. Plain records; the rules live
// in domain/referrals.hpp.

#include <optional>
#include <string>
#include <string_view>

#include "store/model.hpp"

namespace gapfill {

using ReferralId = std::int64_t;

// awaiting_consent -> sent -> accepted | declined; awaiting_consent | sent ->
// withdrawn (by the sending network); awaiting_consent -> refused (the
// requester said no).
enum class ReferralStatus { kAwaitingConsent, kSent, kAccepted, kDeclined, kWithdrawn, kRefused };
// How the requester's consent was given: on their private link, or an
// organizer recorded that they agreed (by phone, in person).
enum class ReferralConsent { kRequester, kOrganizer };
// Why the receiving network declined: a fixed list, so no free text travels.
enum class DeclineReason { kOutsideArea, kNoCapacity, kNotOffered, kOther };

std::string_view to_string(ReferralStatus value);
std::string_view to_string(ReferralConsent value);
std::string_view to_string(DeclineReason value);
std::optional<ReferralStatus> parse_referral_status(std::string_view text);
std::optional<ReferralConsent> parse_referral_consent(std::string_view text);
std::optional<DeclineReason> parse_decline_reason(std::string_view text);

struct Referral {
  ReferralId id = 0;
  PostId post_id = 0;  // the request, in the sending network
  NetworkId from_network_id = 0;
  NetworkId to_network_id = 0;
  ReferralStatus status = ReferralStatus::kAwaitingConsent;
  // Set once consent is given (status sent and after).
  std::optional<ReferralConsent> consent;
  // The organizer account that recorded the requester's consent.
  std::optional<AccountId> consent_recorded_by;
  std::optional<AccountId> created_by;  // the sending organizer's account
  // Organizer to organizer, optional and bounded; sealed at rest, erased with
  // the post's personal data.
  std::string note;
  std::optional<DeclineReason> decline_reason;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> consented_at;
  std::optional<UnixSeconds> decided_at;  // accepted, declined, withdrawn or refused
  // The open request made in the receiving network on acceptance.
  std::optional<PostId> new_post_id;
};

}  // namespace gapfill
