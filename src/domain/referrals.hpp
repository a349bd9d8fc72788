#pragma once
// Referrals between networks: an organizer refers an open request of their
// network to another network that can help, with the requester's consent.
//
//   awaiting_consent -> sent -> accepted | declined
//   awaiting_consent -> refused (the requester said no)
//   awaiting_consent | sent -> withdrawn (by the sending network)
//
// Consent is given by the requester on their private link (the manage
// token), or recorded by the sending organizer (the requester agreed by
// phone or in person; the organizer's account is kept). Until then the
// receiving network sees nothing; after it, its organizers see the request's
// details and contact to decide. Accepting makes the request a new open
// request in the receiving network (same content, contact and point, and
// the same manage token, so the requester's one private link opens both),
// and closes the original with the reason `referred`. Declining leaves the
// original open. Each move is one write transaction with an optimistic
// check on the status (a referral is decided once: kConflict after), an
// audit event in each network that sees it, and a line in the history of
// the post. Who may do what is decided in domain/authorization.cpp.

#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "domain/authorization.hpp"
#include "domain/drafts.hpp"
#include "domain/referral_targets.hpp"
#include "store/model.hpp"
#include "store/referral.hpp"

namespace gapfill::domain {

class Services;

// What an organizer asks for when referring a request.
struct ReferralDraft {
  ReadErrors read_errors;
  std::optional<std::string> to;  // the receiving network's slug
  std::optional<ReferralConsent> consent;
  std::optional<std::string> note;
};

// Which side of a referral a network is on.
enum class ReferralDirection { kOutgoing, kIncoming };

// A referral with what the viewer may see of it.
struct ReferralItem {
  Referral referral;
  Network from;
  Network to;
  ReferralDirection direction = ReferralDirection::kOutgoing;
  // The request. Its private fields (details, place, contact, ride areas)
  // are emptied for the receiving network unless the referral is `sent`,
  // awaiting its decision; an accepted request is its own post there.
  Post post;
};

class ReferralService {
 public:
  explicit ReferralService(Services& services) : services_(services) {}

  // An organizer of the post's network refers the open request to another
  // listed network (draft.to). consent kOrganizer: the requester agreed, so
  // it is sent at once; kRequester: it waits for the requester's answer on
  // their private link. kInvalid for a bad field, kConflict when the
  // request is not open or has a referral under way.
  Result<ReferralItem> refer(PostId post_id, const Actor& actor, const ReferralDraft& draft);

  // The requester (the post's manage token) answers a referral awaiting
  // consent: yes sends it, no refuses it. kConflict when it was answered
  // or withdrawn already.
  Result<Referral> consent(PostId post_id, ReferralId id, const Actor& actor, bool agree);

  // An organizer of the receiving network accepts a sent referral: the
  // request opens in their network and the original closes as referred.
  Result<ReferralItem> accept(ReferralId id, const Actor& actor);
  // An organizer of the receiving network declines a sent referral; the
  // request stays open where it was.
  Result<ReferralItem> decline(ReferralId id, const Actor& actor,
                               std::optional<DeclineReason> reason);
  // An organizer of the sending network withdraws a referral not decided yet.
  Result<ReferralItem> withdraw(ReferralId id, const Actor& actor);

  // One referral as an organizer of either network sees it; kNotFound for
  // anyone else (and for the receiving network before consent).
  Result<ReferralItem> view(ReferralId id, const Actor& actor);

  // The network's referrals, newest first, sent and received, as its
  // organizers see them; at most limits::kReferralListMax.
  Result<std::vector<ReferralItem>> list(const std::string& network_slug, const Actor& actor);

  // For the holder of the post's manage token: the referrals of the post,
  // and the one that made it (when it came from another network), oldest
  // first. Empty for anyone else.
  Result<std::vector<ReferralItem>> for_requester(PostId post_id, const Actor& actor);

  // The networks the post could be referred to, for an organizer of its
  // network (see referral_targets).
  Result<std::vector<ReferralTarget>> targets(PostId post_id, const Actor& actor);

 private:
  Services& services_;
};

}  // namespace gapfill::domain
