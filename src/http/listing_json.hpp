#pragma once
// The listing response, written straight into one string: the hot path of
// "open posts near a place" allocates once per response, not per field.
// Produces the same JSON as serialize.hpp's listed_json would, key for key.

#include <string>

#include "domain/listing.hpp"

namespace gapfill::http {

std::string listing_json(const domain::ListPage& page, const std::string& network_slug);

// Appends `text` as a JSON string literal (quotes included). Invalid UTF-8
// bytes become U+FFFD, so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);

}  // namespace gapfill::http
