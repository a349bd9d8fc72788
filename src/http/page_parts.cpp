#include "http/page_parts.hpp"

#include <fmt/format.h>

#include "http/error_response.hpp"

namespace gapfill::http {

std::expected<NetworkPage, Response> load_network(PageRequest& visitor, const std::string& slug) {
  auto& networks = visitor.web().services.networks();
  auto network = networks.find(slug);
  if (!network) return std::unexpected(error_page(visitor, status_for(network.error().code)));
  auto categories = networks.categories(slug);
  if (!categories) return std::unexpected(error_page(visitor, status_for(categories.error().code)));
  return NetworkPage{std::move(*network), std::move(*categories)};
}

const char* selected(bool on) {
  return on ? "selected" : "";
}

void fill_filter_options(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                         const std::vector<Category>& categories,
                         const std::optional<std::string>& category,
                         const std::optional<Urgency>& urgency,
                         const std::optional<PostKind>& kind) {
  data.SetValue("REQUEST_SELECTED", selected(kind == PostKind::kRequest));
  data.SetValue("OFFER_SELECTED", selected(kind == PostKind::kOffer));
  data.SetValue("TODAY_SELECTED", selected(urgency == Urgency::kToday));
  data.SetValue("WEEK_SELECTED", selected(urgency == Urgency::kWeek));
  data.SetValue("FLEXIBLE_SELECTED", selected(urgency == Urgency::kFlexible));
  for (const Category& each : categories) {
    auto* option = data.AddSectionDictionary("CATEGORY_OPTION");
    option->SetValue("KEY", each.key);
    option->SetValue("LABEL", visitor.category_label(categories, each.key));
    option->SetValue("SELECTED", selected(category == each.key));
  }
}

std::optional<std::string> done_notice(const PageRequest& visitor, const std::string& query,
                                       const std::string& prefix,
                                       std::initializer_list<const char*> known) {
  for (const char* done : known) {
    if (query.find(std::string("done=") + done) != std::string::npos) {
      return visitor.text(prefix + done);
    }
  }
  return std::nullopt;
}

std::string contact_text(const PageRequest& visitor, const Contact& contact) {
  std::vector<std::string> parts;
  for (const std::string* part : {&contact.name, &contact.phone, &contact.email}) {
    if (!part->empty()) parts.push_back(*part);
  }
  const std::string text = fmt::format("{}", fmt::join(parts, " · "));
  // "Through this site" is the contact relay: the thread of each match.
  const std::string method = visitor.text(
      contact.method == ContactMethod::kSite ? "relay.contact_via_messages"
                                             : "contact." + std::string(to_string(contact.method)));
  return text.empty() ? method : text + " (" + method + ")";
}

std::string volunteer_text(const PageRequest& visitor, const Volunteer& volunteer) {
  std::vector<std::string> ways;
  if (!volunteer.phone.empty()) ways.push_back(volunteer.phone);
  if (!volunteer.email.empty()) ways.push_back(volunteer.email);
  return visitor.format("post.volunteer", {{"name", volunteer.name},
                                           {"contact", fmt::format("{}", fmt::join(ways, " · "))}});
}

}  // namespace gapfill::http
