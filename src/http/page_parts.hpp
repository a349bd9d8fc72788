#pragma once
// Pieces several pages share: loading the network a page is about, the
// filter options of listings, how people and notices are written.

#include <expected>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "http/web.hpp"

namespace gapfill::http {

struct NetworkPage {
  Network network;
  std::vector<Category> categories;
};

// The network named by the page's {slug}, with its categories; else the
// error page to answer with.
std::expected<NetworkPage, Response> load_network(PageRequest& visitor, const std::string& slug);

// "selected" or "" for an <option>.
const char* selected(bool on);

// Fills CATEGORY_OPTION (KEY, LABEL, SELECTED) and {TODAY,WEEK,FLEXIBLE}_SELECTED
// and {REQUEST,OFFER}_SELECTED for a listing's filters.
void fill_filter_options(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                         const std::vector<Category>& categories,
                         const std::optional<std::string>& category,
                         const std::optional<Urgency>& urgency,
                         const std::optional<PostKind>& kind);

// The notice a finished action left in the query (?done=closed): the
// message `prefix` + "closed", for one of `known`.
std::optional<std::string> done_notice(const PageRequest& visitor, const std::string& query,
                                       const std::string& prefix,
                                       std::initializer_list<const char*> known);

// How to reach a poster: what they gave and how they prefer to be reached.
std::string contact_text(const PageRequest& visitor, const Contact& contact);
// How to reach a volunteer: "Alex: 406 555 0199 · alex@example.org".
std::string volunteer_text(const PageRequest& visitor, const Volunteer& volunteer);

// A result's success or error without its value, for page actions that
// only need to know whether they worked.
template <typename T>
Status status_of(const Result<T>& result) {
  if (!result) return std::unexpected(result.error());
  return {};
}

}  // namespace gapfill::http
