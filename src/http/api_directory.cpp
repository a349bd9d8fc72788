// The public directory of listed networks: GET /api/v1/directory (JSON, our
// own shape) and its export in the tabular form of Open Referral HSDS 3.1
// (GET /api/v1/directory/hsds/{datapackage.json,*.csv}), plus a network
// admin's PATCH /api/v1/networks/{slug}/contact (the public contact the
// directory shows). Only public facts of listed networks are served.

#include <algorithm>

#include "domain/hsds.hpp"
#include "domain/language_names.hpp"
#include "http/actor.hpp"
#include "http/api.hpp"
#include "http/api_support.hpp"
#include "http/decode.hpp"
#include "http/error_response.hpp"
#include "http/serialize.hpp"

namespace gapfill::http {
namespace {

using nlohmann::json;

// Public reads that change only when an admin edits a network.
constexpr const char* kDirectoryCache = "public, max-age=300";

json directory_entry_json(const domain::DirectoryEntry& entry, const std::string& base_url) {
  const Network& network = entry.network;
  json languages = json::array();
  for (const std::string& code : network.languages) {
    languages.push_back({{"code", code}, {"name", domain::language_name(code)}});
  }
  json categories = json::array();
  for (const Category& category : entry.categories) categories.push_back(category_json(category));
  const std::string path = "/n/" + network.slug;
  return {{"id", network.public_uuid},
          {"slug", network.slug},
          {"name", network.name},
          {"description", network.description},
          {"area", area_json(network.area)},
          {"languages", std::move(languages)},
          {"categories", std::move(categories)},
          {"contact", public_contact_json(network.contact)},
          {"path", path},
          {"url", base_url.empty() ? json(nullptr) : json(base_url + path)}};
}

Response cached(Response response) {
  response.headers.emplace_back("Cache-Control", kDirectoryCache);
  return response;
}

Response hsds_file(domain::Services& services, const std::string& file) {
  const auto names = domain::hsds::file_names();
  if (std::find(names.begin(), names.end(), file) == names.end()) {
    return error_response(Error{ErrorCode::kNotFound, "No such file in the HSDS export.", {}});
  }
  const auto tables = domain::hsds::tables(services.networks().directory(), services.public_url());
  Response response;
  if (file == "datapackage.json") {
    response.body = domain::hsds::datapackage(tables);
    response.content_type = "application/json";
  } else {
    for (const auto& table : tables) {
      if (table.path == file) response.body = domain::hsds::to_csv(table);
    }
    response.content_type = "text/csv; charset=utf-8; header=present";
  }
  return cached(std::move(response));
}

// The domain names contact fields "contact.email"; this body has them at
// the top ("email").
Error without_contact_prefix(Error error) {
  FieldMessages fields;
  for (auto& [name, message] : error.fields) {
    fields[name.starts_with("contact.") ? name.substr(8) : name] = std::move(message);
  }
  error.fields = std::move(fields);
  return error;
}

}  // namespace

void add_directory_routes(Router& router, domain::Services& services) {
  router.add(Method::kGet, "/api/v1/directory", [&services](Request&) {
    json items = json::array();
    for (const auto& entry : services.networks().directory()) {
      items.push_back(directory_entry_json(entry, services.public_url()));
    }
    return cached(json_response(200, {{"items", std::move(items)}}));
  });
  router.add(Method::kGet, "/api/v1/directory/hsds/{file}", [&services](Request& request) {
    return hsds_file(services, request.params.at("file"));
  });
  router.add(Method::kPatch, "/api/v1/networks/{slug}/contact", [&services](Request& request) {
    const auto draft = decode_public_contact(request);
    if (!draft) return error_response(draft.error());
    const auto changed = services.networks().set_contact(request.params.at("slug"),
                                                         api_actor(services, request), *draft);
    if (!changed) return error_response(without_contact_prefix(changed.error()));
    return json_response(200, {{"contact", public_contact_json(changed->contact)}});
  });
}

}  // namespace gapfill::http
