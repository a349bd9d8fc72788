#include "domain/relay.hpp"

#include "domain/catalogue.hpp"
#include "domain/lifecycle.hpp"
#include "domain/moderation.hpp"
#include "domain/outbox.hpp"
#include "domain/services.hpp"
#include "domain/transitions.hpp"
#include "domain/validation.hpp"

namespace gapfill::domain {
namespace {

std::unexpected<Error> refuse(const RelayCaller& caller) {
  if (caller.token.empty() && !caller.account) {
    return fail(ErrorCode::kUnauthorized,
                "This needs the token of a party to the match as 'Authorization: Bearer <token>'.");
  }
  return fail(ErrorCode::kForbidden, "This token does not open this match's messages.");
}

// True when the caller is a signed-in organizer or admin of the network of
// match `id` (kNotFound when there is no such match).
Result<bool> is_organizer_of_match(store::Transaction& transaction, MatchId id,
                                   const Actor& caller) {
  if (!caller.account) return false;
  const Match match = TRY(transaction.matches().find(id));
  return at_least(TRY(role_in(transaction, caller, match.network_id)), Role::kOrganizer);
}

struct ThreadAccess {
  MatchView view;
  MessageSide side = MessageSide::kRequester;
};

Result<ThreadAccess> authorize(store::Transaction& transaction, MatchId id,
                               const RelayCaller& caller, bool for_update) {
  const bool organizer = TRY(is_organizer_of_match(transaction, id, caller));
  ThreadAccess access;
  access.view = TRY(load_match_view(transaction, id, for_update));
  const MatchView& view = access.view;
  const auto side = relay_side(view.match, view.request, view.offer ? &*view.offer : nullptr,
                               caller.token, organizer, caller.account);
  if (!side) return refuse(caller);
  access.side = *side;
  return access;
}

bool is_erased(const MatchView& view) {
  return view.request.personal_data_erased_at.has_value() ||
         (view.offer && view.offer->personal_data_erased_at.has_value());
}

// A thread takes new messages until its match is cancelled or its posts'
// personal data are erased.
bool is_open(const MatchView& view) {
  return view.match.status != MatchStatus::kCancelled && !is_erased(view);
}

// The e-mail address of each party of the match other than `author`.
std::vector<std::pair<MessageSide, std::string>> others_to_notify(const MatchView& view,
                                                                  MessageSide author) {
  std::vector<std::pair<MessageSide, std::string>> others;
  const auto add = [&](MessageSide side, const std::string& email) {
    if (side != author && !email.empty()) others.emplace_back(side, email);
  };
  add(MessageSide::kRequester, view.request.contact.email);
  if (view.offer) add(MessageSide::kOfferer, view.offer->contact.email);
  if (view.match.volunteer) add(MessageSide::kVolunteer, view.match.volunteer->email);
  return others;
}

// "A message waits about <title>": no message text and nobody's contact
// details; the recipient reaches it by their own private link, which only
// they hold (only its hash is stored). The post's public page is linked when
// the site's public address is known, to say which post it is.
Email notice(Services& services, const MatchView& view, const std::string& to) {
  const auto network = services.networks().find(view.match.network_id);
  const std::string language =
      network && !network->languages.empty() ? network->languages.front() : "en";
  const auto& catalogue = i18n::Catalogue::builtin();
  const i18n::MessageArgs args{{"title", view.request.title}};
  Email email;
  email.to = to;
  email.subject = catalogue.format(language, "relay.notice_subject", args);
  email.text = catalogue.format(language, "relay.notice_text", args);
  if (!services.public_url().empty()) {
    email.text +=
        "\n\n" + catalogue.format(
                     language, "relay.notice_post_link",
                     {{"url", services.public_url() + "/p/" + std::to_string(view.request.id)}});
  }
  email.text += "\n";
  return email;
}

}  // namespace

Result<Thread> RelayService::thread(MatchId id, const RelayCaller& caller,
                                    const ThreadQuery& query) {
  FieldErrors errors;
  if (query.limit < 1 || query.limit > limits::kThreadLimitMax) {
    errors["limit"] = Message{"error.whole_number_range",
                              {{"min", "1"}, {"max", std::to_string(limits::kThreadLimitMax)}}};
  }
  if (query.after < 0) {
    errors["after"] =
        Message{"error.whole_number_range", {{"min", "0"}, {"max", std::to_string(INT64_MAX)}}};
  }
  if (!errors.empty()) return invalid(std::move(errors));
  Thread thread;
  TRY_STATUS(services_.store().read([&](store::Transaction& transaction) -> Status {
    const ThreadAccess access = TRY(authorize(transaction, id, caller, false));
    thread.match_id = id;
    thread.match_status = access.view.match.status;
    thread.request_title = access.view.request.title;
    thread.viewer = access.side;
    thread.open = is_open(access.view);
    thread.total = TRY(transaction.messages().count_for_match(id));
    thread.messages = TRY(transaction.messages().list_for_match(id, query.after, query.limit + 1));
    return {};
  }));
  if (static_cast<int>(thread.messages.size()) > query.limit) {
    thread.messages.resize(static_cast<std::size_t>(query.limit));
    thread.next_after = thread.messages.back().id;
  }
  return thread;
}

Result<RelayMessage> RelayService::post(MatchId id, const RelayCaller& caller,
                                        const std::optional<std::string>& body) {
  FieldErrors errors;
  const std::string text = checked_message_body(body, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  const UnixSeconds now = services_.now();
  RelayMessage message;
  std::vector<Email> notices;
  TRY_STATUS(services_.write([&](store::Transaction& transaction, std::vector<Post>&) -> Status {
    notices.clear();
    const ThreadAccess access = TRY(authorize(transaction, id, caller, true));
    // A manage token organizers blocked sends nothing more.
    TRY_STATUS(refuse_blocked_token(
        transaction, caller.token,
        {&access.view.request, access.view.offer ? &*access.view.offer : nullptr}));
    if (!is_open(access.view)) {
      return Status(
          fail(ErrorCode::kConflict, "This match's thread is closed: it takes no new messages."));
    }
    message = RelayMessage{};
    message.match_id = id;
    message.network_id = access.view.match.network_id;
    message.side = access.side;
    message.body = text;
    message.created_at = now;
    message.id = TRY(transaction.messages().insert(message));
    for (const auto& [side, email] : others_to_notify(access.view, access.side)) {
      const auto last = TRY(transaction.messages().last_notice(id, side));
      if (last && now - *last < limits::kRelayNoticeWindowSeconds) continue;
      TRY_STATUS(transaction.messages().record_notice(id, side, now));
      notices.push_back(notice(services_, access.view, email));
    }
    return Status{};
  }));
  // After the commit: a notice never goes out for a message that was not
  // stored. A notice the outbox refuses is not retried; the message stands.
  for (const Email& email : notices) (void)services_.outbox().send(email);
  return message;
}

}  // namespace gapfill::domain
