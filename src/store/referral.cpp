#include "store/referral.hpp"

#include <array>
#include <utility>

namespace gapfill {
namespace {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<ReferralStatus, 6> kStatuses{
    {{ReferralStatus::kAwaitingConsent, "awaiting_consent"},
     {ReferralStatus::kSent, "sent"},
     {ReferralStatus::kAccepted, "accepted"},
     {ReferralStatus::kDeclined, "declined"},
     {ReferralStatus::kWithdrawn, "withdrawn"},
     {ReferralStatus::kRefused, "refused"}}};
constexpr Names<ReferralConsent, 2> kConsents{
    {{ReferralConsent::kRequester, "requester"}, {ReferralConsent::kOrganizer, "organizer"}}};
constexpr Names<DeclineReason, 4> kDeclineReasons{{{DeclineReason::kOutsideArea, "outside_area"},
                                                   {DeclineReason::kNoCapacity, "no_capacity"},
                                                   {DeclineReason::kNotOffered, "not_offered"},
                                                   {DeclineReason::kOther, "other"}}};

template <typename Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_from(const Names<Enum, N>& names, std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ReferralStatus value) {
  return name_of(kStatuses, value);
}
std::string_view to_string(ReferralConsent value) {
  return name_of(kConsents, value);
}
std::string_view to_string(DeclineReason value) {
  return name_of(kDeclineReasons, value);
}
std::optional<ReferralStatus> parse_referral_status(std::string_view text) {
  return parse_from(kStatuses, text);
}
std::optional<ReferralConsent> parse_referral_consent(std::string_view text) {
  return parse_from(kConsents, text);
}
std::optional<DeclineReason> parse_decline_reason(std::string_view text) {
  return parse_from(kDeclineReasons, text);
}

}  // namespace gapfill
