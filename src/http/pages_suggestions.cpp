// "Suggested matches" for a network's organizers: the matcher's pairs with
// their reasons, on /n/{slug}/organize/suggestions, with accept one, accept
// all and dismiss; and the dashboard's short section that leads there. The
// rules are in domain/suggestions.hpp.

#include <fmt/format.h>

#include "domain/language_names.hpp"
#include "domain/suggestions.hpp"
#include "http/actor.hpp"
#include "http/api_support.hpp"
#include "http/error_response.hpp"
#include "http/form.hpp"
#include "http/page_parts.hpp"
#include "http/pages.hpp"
#include "http/query.hpp"

namespace gapfill::http {
namespace {

constexpr int kShownOnPage = 100;

std::string suggestions_path(const std::string& slug) {
  return "/n/" + slug + "/organize/suggestions";
}

// The reasons as organizers read them: "2.3 km apart", "needed today",
// "waiting 5 days", "both free Thu 4 Dec, 14:05 – Fri 5 Dec, 18:00", "both
// speak Español".
std::vector<std::string> reason_texts(const PageRequest& visitor,
                                      const domain::SuggestionReasons& reasons,
                                      const std::string& timezone) {
  std::vector<std::string> texts;
  texts.push_back(visitor.format("suggestions.reason_distance",
                                 {{"km", fmt::format("{:.1f}", reasons.distance_km)}}));
  texts.push_back(
      visitor.text("suggestions.reason_urgency_" + std::string(to_string(reasons.urgency))));
  texts.push_back(
      visitor.format("suggestions.reason_waited", {{"days", std::to_string(reasons.waited_days)}}));
  if (reasons.from && reasons.to) {
    texts.push_back(visitor.format("suggestions.reason_time_between",
                                   {{"from", visitor.local_time(*reasons.from, timezone)},
                                    {"to", visitor.local_time(*reasons.to, timezone)}}));
  } else if (reasons.from) {
    texts.push_back(visitor.format("suggestions.reason_time_from",
                                   {{"from", visitor.local_time(*reasons.from, timezone)}}));
  } else if (reasons.to) {
    texts.push_back(visitor.format("suggestions.reason_time_until",
                                   {{"to", visitor.local_time(*reasons.to, timezone)}}));
  } else {
    texts.push_back(visitor.text("suggestions.reason_time_any"));
  }
  if (reasons.language) {
    texts.push_back(visitor.format("suggestions.reason_language",
                                   {{"language", domain::language_name(*reasons.language)}}));
  }
  return texts;
}

void fill_choice(ctemplate::TemplateDictionary& item, const domain::Suggestion& suggestion) {
  item.SetIntValue("REQUEST_ID", suggestion.request.id);
  if (suggestion.offer) {
    item.SetValue("SUPPLY_FIELD", "offer_id");
    item.SetIntValue("SUPPLY_ID", suggestion.offer->id);
  } else {
    item.SetValue("SUPPLY_FIELD", "volunteer_id");
    item.SetIntValue("SUPPLY_ID", suggestion.volunteer->account_id);
  }
}

Response suggestions_page(const WebContext& web, Request& request) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  const auto network = web.services.networks().find(slug);
  if (!network) return error_page(visitor, 404);
  const auto organizer = organizer_actor(web, visitor, slug);
  if (!organizer) return error_page(visitor, page_actor(visitor).account ? 403 : 401);
  const auto categories = web.services.networks().categories(slug);
  if (!categories) return error_page(visitor, 500);
  const auto found = web.services.suggestions().suggest(slug, *organizer, kShownOnPage);
  if (!found) return error_page(visitor, status_for(found.error().code));

  Page page(visitor, "organize_suggestions");
  page.set_title(visitor.text("suggestions.title"));
  page.set_network(*network);
  auto& data = page.data();
  data.SetValue("SLUG", slug);
  data.SetValue("CSRF", visitor.csrf_token());
  const auto params = parse_query(request.query).value_or(std::map<std::string, std::string>{});
  const auto param = [&](const char* name) {
    const auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
  };
  const std::string done = param("done");
  if (done == "accepted" || done == "dismissed") {
    data.SetValueAndShowSection("MESSAGE", visitor.text("suggestions.done_" + done), "DONE");
  } else if (done == "accepted_all") {
    const auto count = parse_id(param("count")).value_or(0);
    const auto skipped = parse_id(param("skipped")).value_or(0);
    std::string message =
        visitor.format("suggestions.done_accepted_all", {{"count", std::to_string(count)}});
    if (skipped > 0) {
      message.push_back(' ');
      message.append(
          visitor.format("suggestions.done_skipped", {{"count", std::to_string(skipped)}}));
    }
    data.SetValueAndShowSection("MESSAGE", message, "DONE");
  }
  if (param("conflict") == "1") {
    data.SetValueAndShowSection("MESSAGE", visitor.text("suggestions.conflict"), "ACTION_ERROR");
  }
  const auto& summary = found->summary;
  data.SetValue("SUMMARY", visitor.format("suggestions.summary",
                                          {{"suggestions", std::to_string(found->total)},
                                           {"served", std::to_string(summary.requests_suggested)},
                                           {"requests", std::to_string(summary.requests)},
                                           {"offers", std::to_string(summary.offers)},
                                           {"volunteers", std::to_string(summary.volunteers)}}));
  if (found->items.empty()) data.ShowSection("EMPTY");
  if (found->total > 0) {
    data.SetValueAndShowSection(
        "LABEL",
        visitor.format(
            "suggestions.accept_all_count",
            {{"count", std::to_string(std::min(found->total, limits::kSuggestionsAcceptAllMax))}}),
        "ACCEPT_ALL");
  }
  if (found->total > static_cast<int>(found->items.size())) {
    data.SetValueAndShowSection(
        "TEXT",
        visitor.format("suggestions.more", {{"shown", std::to_string(found->items.size())},
                                            {"total", std::to_string(found->total)}}),
        "MORE");
  }
  for (const domain::Suggestion& suggestion : found->items) {
    auto* item = data.AddSectionDictionary("ITEM");
    fill_choice(*item, suggestion);
    item->SetValue(
        "ANCHOR",
        fmt::format("s-{}-{}-{}", suggestion.request.id, suggestion.offer ? "o" : "v",
                    suggestion.offer ? suggestion.offer->id : suggestion.volunteer->account_id));
    item->SetValue("REQUEST_TITLE", suggestion.request.title);
    item->SetValue("CATEGORY", visitor.category_label(*categories, suggestion.request.category));
    item->SetIntValue("QUANTITY", suggestion.quantity);
    if (suggestion.offer) {
      item->SetIntValue("OFFER_ID", suggestion.offer->id);
      item->SetValueAndShowSection("OFFER_TITLE", suggestion.offer->title, "OFFER");
    } else {
      item->SetValueAndShowSection("NAME", suggestion.volunteer->name, "VOLUNTEER");
    }
    for (const std::string& text : reason_texts(visitor, suggestion.reasons, network->timezone)) {
      item->SetValueAndShowSection("TEXT", text, "REASON");
    }
  }
  return page.finish();
}

// The form's pair: request_id and offer_id or volunteer_id.
domain::SuggestionChoice read_choice(const Form& form) {
  domain::SuggestionChoice choice;
  choice.request_id = parse_id(form.get("request_id").value_or(""));
  choice.offer_id = parse_id(form.get("offer_id").value_or(""));
  choice.volunteer_id = parse_id(form.get("volunteer_id").value_or(""));
  return choice;
}

// Checks the organizer, the form and its CSRF token, runs `act`, and goes
// back to the suggestions with `?done=` (what act returns) or `?conflict=1`.
using SuggestionAct = std::function<Result<std::string>(
    const std::string& slug, const domain::Actor& actor, const Form& form)>;

Response suggestion_action(const WebContext& web, Request& request, const SuggestionAct& act) {
  PageRequest visitor(web, request);
  const std::string& slug = request.params.at("slug");
  if (!web.services.networks().find(slug)) return error_page(visitor, 404);
  const auto organizer = organizer_actor(web, visitor, slug);
  if (!organizer) return error_page(visitor, page_actor(visitor).account ? 403 : 401);
  const auto form = Form::parse(request.body);
  if (!form) return error_page(visitor, 400);
  if (!visitor.csrf_valid(*form)) return error_page(visitor, 403);
  const auto done = act(slug, *organizer, *form);
  if (done) return visitor.redirect(suggestions_path(slug) + "?done=" + *done);
  const ErrorCode code = done.error().code;
  if (code == ErrorCode::kConflict || code == ErrorCode::kInvalid || code == ErrorCode::kGone ||
      code == ErrorCode::kNotFound) {
    return visitor.redirect(suggestions_path(slug) + "?conflict=1");
  }
  return error_page(visitor, status_for(code));
}

}  // namespace

void fill_suggestions_summary(Page& page, PageRequest& visitor, const std::string& slug,
                              const domain::Actor& actor) {
  const auto found = visitor.web().services.suggestions().suggest(slug, actor, 1);
  if (!found) return;
  auto* section = page.data().AddSectionDictionary("SUGGESTIONS");
  section->SetValue("HREF", suggestions_path(slug));
  section->SetValue(
      "TEXT", found->total == 0
                  ? visitor.text("suggestions.none_now")
                  : visitor.format("suggestions.count", {{"count", std::to_string(found->total)}}));
}

void add_suggestion_pages(Router& router, const WebContext& web) {
  auto& suggestions = web.services.suggestions();
  router.add_page(Method::kGet, "/n/{slug}/organize/suggestions",
                  [&web](Request& request) { return suggestions_page(web, request); });
  router.add_page(Method::kPost, "/n/{slug}/organize/suggestions/accept", [&](Request& request) {
    return suggestion_action(
        web, request,
        [&](const std::string& slug, const domain::Actor& actor,
            const Form& form) -> Result<std::string> {
          TRY_STATUS(status_of(suggestions.accept(slug, actor, read_choice(form))));
          return std::string("accepted");
        });
  });
  router.add_page(
      Method::kPost, "/n/{slug}/organize/suggestions/accept-all", [&](Request& request) {
        return suggestion_action(web, request,
                                 [&](const std::string& slug, const domain::Actor& actor,
                                     const Form&) -> Result<std::string> {
                                   const auto accepted = TRY(suggestions.accept_all(slug, actor));
                                   return fmt::format("accepted_all&count={}&skipped={}",
                                                      accepted.matches.size(), accepted.skipped);
                                 });
      });
  router.add_page(Method::kPost, "/n/{slug}/organize/suggestions/dismiss", [&](Request& request) {
    return suggestion_action(web, request,
                             [&](const std::string& slug, const domain::Actor& actor,
                                 const Form& form) -> Result<std::string> {
                               TRY_STATUS(suggestions.dismiss(slug, actor, read_choice(form)));
                               return std::string("dismissed");
                             });
  });
}

}  // namespace gapfill::http
