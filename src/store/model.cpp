#include "store/model.hpp"

#include <array>
#include <utility>

namespace gapfill {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_from(const std::array<std::pair<Enum, std::string_view>, N>& names,
                               std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<PostKind, std::string_view>, 2> kKinds{
    {{PostKind::kRequest, "request"}, {PostKind::kOffer, "offer"}}};
constexpr std::array<std::pair<PostStatus, std::string_view>, 4> kPostStatuses{
    {{PostStatus::kOpen, "open"},
     {PostStatus::kMatched, "matched"},
     {PostStatus::kFulfilled, "fulfilled"},
     {PostStatus::kClosed, "closed"}}};
constexpr std::array<std::pair<CloseReason, std::string_view>, 5> kCloseReasons{
    {{CloseReason::kWithdrawn, "withdrawn"},
     {CloseReason::kExpired, "expired"},
     {CloseReason::kModerated, "moderated"},
     {CloseReason::kDuplicate, "duplicate"},
     {CloseReason::kReferred, "referred"}}};
constexpr std::array<std::pair<Urgency, std::string_view>, 3> kUrgencies{
    {{Urgency::kToday, "today"}, {Urgency::kWeek, "week"}, {Urgency::kFlexible, "flexible"}}};
constexpr std::array<std::pair<ContactMethod, std::string_view>, 3> kContactMethods{
    {{ContactMethod::kPhone, "phone"},
     {ContactMethod::kEmail, "email"},
     {ContactMethod::kSite, "site"}}};
constexpr std::array<std::pair<MatchStatus, std::string_view>, 4> kMatchStatuses{
    {{MatchStatus::kProposed, "proposed"},
     {MatchStatus::kAccepted, "accepted"},
     {MatchStatus::kCompleted, "completed"},
     {MatchStatus::kCancelled, "cancelled"}}};
constexpr std::array<std::pair<MessageSide, std::string_view>, 4> kMessageSides{
    {{MessageSide::kRequester, "requester"},
     {MessageSide::kVolunteer, "volunteer"},
     {MessageSide::kOfferer, "offerer"},
     {MessageSide::kOrganizer, "organizer"}}};

constexpr std::array<std::pair<ModerationReason, std::string_view>, 5> kModerationReasons{
    {{ModerationReason::kSpam, "spam"},
     {ModerationReason::kScam, "scam"},
     {ModerationReason::kUnsafe, "unsafe"},
     {ModerationReason::kPersonalInformation, "personal_information"},
     {ModerationReason::kOther, "other"}}};
constexpr std::array<std::pair<ReportResolution, std::string_view>, 2> kReportResolutions{
    {{ReportResolution::kDismissed, "dismissed"}, {ReportResolution::kHidden, "hidden"}}};
constexpr std::array<std::pair<BlockSubject, std::string_view>, 2> kBlockSubjects{
    {{BlockSubject::kManageToken, "manage_token"}, {BlockSubject::kAccount, "account"}}};
constexpr std::array<std::pair<ActorKind, std::string_view>, 3> kActorKinds{
    {{ActorKind::kOrganizerKey, "organizer_key"},
     {ActorKind::kOperator, "operator"},
     {ActorKind::kAccount, "account"}}};
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{{Role::kMember, "member"},
                                                                   {Role::kVolunteer, "volunteer"},
                                                                   {Role::kOrganizer, "organizer"},
                                                                   {Role::kAdmin, "admin"}}};
constexpr std::array<std::pair<AccountTokenPurpose, std::string_view>, 2> kTokenPurposes{
    {{AccountTokenPurpose::kVerify, "verify"}, {AccountTokenPurpose::kReset, "reset"}}};

}  // namespace

std::string_view to_string(ModerationReason value) {
  return name_of(kModerationReasons, value);
}
std::string_view to_string(ReportResolution value) {
  return name_of(kReportResolutions, value);
}
std::string_view to_string(BlockSubject value) {
  return name_of(kBlockSubjects, value);
}
std::string_view to_string(ActorKind value) {
  return name_of(kActorKinds, value);
}
std::optional<ModerationReason> parse_moderation_reason(std::string_view text) {
  return parse_from(kModerationReasons, text);
}
std::optional<ReportResolution> parse_report_resolution(std::string_view text) {
  return parse_from(kReportResolutions, text);
}
std::optional<BlockSubject> parse_block_subject(std::string_view text) {
  return parse_from(kBlockSubjects, text);
}
std::optional<ActorKind> parse_actor_kind(std::string_view text) {
  return parse_from(kActorKinds, text);
}

std::string_view to_string(PostKind value) {
  return name_of(kKinds, value);
}
std::string_view to_string(PostStatus value) {
  return name_of(kPostStatuses, value);
}
std::string_view to_string(CloseReason value) {
  return name_of(kCloseReasons, value);
}
std::string_view to_string(Urgency value) {
  return name_of(kUrgencies, value);
}
std::string_view to_string(ContactMethod value) {
  return name_of(kContactMethods, value);
}
std::string_view to_string(MatchStatus value) {
  return name_of(kMatchStatuses, value);
}

std::string_view to_string(MessageSide value) {
  return name_of(kMessageSides, value);
}

std::optional<PostKind> parse_post_kind(std::string_view text) {
  return parse_from(kKinds, text);
}
std::optional<PostStatus> parse_post_status(std::string_view text) {
  return parse_from(kPostStatuses, text);
}
std::optional<CloseReason> parse_close_reason(std::string_view text) {
  return parse_from(kCloseReasons, text);
}
std::optional<Urgency> parse_urgency(std::string_view text) {
  return parse_from(kUrgencies, text);
}
std::optional<ContactMethod> parse_contact_method(std::string_view text) {
  return parse_from(kContactMethods, text);
}
std::optional<MatchStatus> parse_match_status(std::string_view text) {
  return parse_from(kMatchStatuses, text);
}

std::optional<MessageSide> parse_message_side(std::string_view text) {
  return parse_from(kMessageSides, text);
}

std::string_view to_string(Role value) {
  return name_of(kRoles, value);
}

std::optional<Role> parse_role(std::string_view text) {
  return parse_from(kRoles, text);
}

std::string_view to_string(AccountTokenPurpose value) {
  return name_of(kTokenPurposes, value);
}
std::optional<AccountTokenPurpose> parse_account_token_purpose(std::string_view text) {
  return parse_from(kTokenPurposes, text);
}

}  // namespace gapfill
