#pragma once
// The contact relay: a thread of messages per match, so that the two parties
// (and the network's organizers) can talk without either seeing the other's
// contact details. When a message is posted, each other party who gave an
// e-mail address gets a notice through the Outbox that a message waits,
// with neither the message nor anyone's contact details in it, at most once
// per party per thread within limits::kRelayNoticeWindowSeconds.
//
// Who may read and write is decided by relay_side (domain/authorization.hpp).
// A cancelled match's thread stays readable and takes no new messages; once
// the retention sweep erased a post's personal data its threads are empty
// and closed.

#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/limits.hpp"
#include "domain/authorization.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

class Services;

// Who asks for a thread: a party's bearer token (the request's or the
// offer's manage token, or the volunteer's match token), or a signed-in
// organizer or admin of the match's network.
using RelayCaller = Actor;

// A page of a thread, oldest first.
struct Thread {
  MatchId match_id = 0;
  MatchStatus match_status = MatchStatus::kProposed;
  std::string request_title;
  MessageSide viewer = MessageSide::kRequester;  // the side the caller speaks for
  bool open = false;                             // takes new messages
  int total = 0;                                 // messages ever written, erased ones too
  std::vector<RelayMessage> messages;
  std::optional<MessageId> next_after;  // pass as `after` for the next page
};

struct ThreadQuery {
  MessageId after = 0;                      // messages with greater ids
  int limit = limits::kThreadLimitDefault;  // 1 to limits::kThreadLimitMax
};

class RelayService {
 public:
  explicit RelayService(Services& services) : services_(services) {}

  // The thread of match `id` as `caller` may read it: kNotFound for no such
  // match, kUnauthorized without a token or key, kForbidden when neither
  // opens this thread; kInvalid (fields after, limit) out of range.
  Result<Thread> thread(MatchId id, const RelayCaller& caller, const ThreadQuery& query = {});

  // Posts `body` to the thread of match `id` as the caller's side and sends
  // the notices. As thread() for access; kInvalid (field body) for an empty
  // or too long body; kConflict when the thread is closed.
  Result<RelayMessage> post(MatchId id, const RelayCaller& caller,
                            const std::optional<std::string>& body);

 private:
  Services& services_;
};

}  // namespace gapfill::domain
