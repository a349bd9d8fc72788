#include "http/thread_parts.hpp"

#include <ctemplate/template.h>

#include "base/limits.hpp"
#include "http/templates.hpp"

namespace gapfill::http {

void fill_thread(ctemplate::TemplateDictionary& parent, PageRequest& visitor,
                 const domain::Thread& thread, const std::string& timezone,
                 const std::string& action, const ReplyState* reply) {
  auto* data = parent.AddIncludeDictionary("THREAD");
  data->SetFilename(Templates::baked_name("thread", visitor.language()));
  data->SetIntValue("MATCH_ID", thread.match_id);
  if (thread.messages.empty()) data->ShowSection("NO_MESSAGES");
  auto* list = thread.messages.empty() ? nullptr : data->AddSectionDictionary("LIST");
  for (const RelayMessage& message : thread.messages) {
    auto* item = list->AddSectionDictionary("MESSAGE");
    const bool mine = message.side == thread.viewer;
    item->SetValue("AUTHOR",
                   visitor.text(mine ? std::string("relay.side_you")
                                     : "relay.side_" + std::string(to_string(message.side))));
    if (mine) item->ShowSection("MINE");
    item->SetValue("WHEN", visitor.local_time(message.created_at, timezone));
    item->SetValue("BODY", message.body);
  }
  if (thread.next_after) data->ShowSection("MORE");
  if (!thread.open) {
    data->ShowSection("CLOSED");
    return;
  }
  auto* form = data->AddSectionDictionary("REPLY");
  form->SetIntValue("MATCH_ID", thread.match_id);
  form->SetValue("ACTION", action);
  form->SetValue("CSRF", visitor.csrf_token());
  form->SetIntValue("MAX", static_cast<long>(limits::kMessageBodyMaxChars));
  if (reply != nullptr && reply->match_id == thread.match_id) {
    form->SetValue("TYPED", reply->typed);
    if (!reply->error.empty()) {
      auto* error = form->AddSectionDictionary("ERROR");
      error->SetIntValue("MATCH_ID", thread.match_id);
      error->SetValue("MESSAGE", reply->error);
    }
  }
}

}  // namespace gapfill::http
