#pragma once
// A contact relay thread on a page: its messages and a reply form, shared by
// the private post pages and the organizer dashboard (template thread.tpl,
// included as THREAD).

#include <string>

#include "domain/relay.hpp"
#include "http/web.hpp"

namespace ctemplate {
class TemplateDictionary;
}

namespace gapfill::http {

// What the visitor typed into a reply that was refused, and why.
struct ReplyState {
  MatchId match_id = 0;
  std::string typed;
  std::string error;
};

// Adds `thread` to `parent` as the include THREAD, with a reply form that
// posts to `action` while the thread is open. `reply` refills the form of
// its match after a refused reply.
void fill_thread(ctemplate::TemplateDictionary& parent, PageRequest& visitor,
                 const domain::Thread& thread, const std::string& timezone,
                 const std::string& action, const ReplyState* reply);

}  // namespace gapfill::http
