// Every field message the HTTP readers produce (JSON bodies, query strings):
// its key is in each shipped catalogue with its placeholders filled, and its
// English is what the API has always said.

#include <gtest/gtest.h>

#include "domain/catalogue.hpp"
#include "http/decode.hpp"
#include "http/list_params.hpp"
#include "http/query.hpp"
#include "support/message_checks.hpp"

namespace gapfill::http {
namespace {

using testing::is_complete;

struct MessageCase {
  const char* input;  // a body or a query string
  const char* field;
  const char* english;
};

void expect_message(const MessageCase& c, const FieldMessages& fields) {
  const auto found = fields.find(c.field);
  ASSERT_NE(found, fields.end()) << c.input;
  EXPECT_TRUE(is_complete(found->second)) << c.input;
  EXPECT_EQ(i18n::render(found->second, "en"), c.english) << c.input;
  EXPECT_NE(i18n::render(found->second, "es"), c.english) << c.input;
}

Request with_body(const char* body) {
  Request request;
  request.body = body;
  return request;
}

TEST(FieldMessages, PostBodies) {
  const MessageCase cases[] = {
      {R"({"title": 5})", "title", "must be a string"},
      {R"({"quantity": 1.5})", "quantity", "must be a whole number"},
      {R"({"quantity": 18446744073709551615})", "quantity", "must be a whole number in range"},
      {R"({"location": {"lat": "north", "lon": 1}})", "location.lat", "must be a number"},
      {R"({"location": {"lat": 1}})", "location", "needs both lat and lon"},
      {R"({"ride": {"return_trip": 1}})", "ride.return_trip", "must be true or false"},
      {R"({"window": 5})", "window", "must be an object"},
      {R"({"window": {"from": "soon"}})", "window.from",
       "must be an RFC 3339 time such as 2026-12-01T09:00:00Z"},
      {R"({"ride": {"accessibility_needs": "wheelchair"}})", "ride.accessibility_needs",
       "must be a list of at most 10 strings"},
      {R"({"ride": {"accessibility_needs": [1]}})", "ride.accessibility_needs",
       "must be a list of strings"},
      {R"({"kind": "gift"})", "kind", "must be one of: request, offer"},
      {R"({"urgency": "now"})", "urgency", "must be one of: today, week, flexible"},
      {R"({"contact": {"method": "fax"}})", "contact.method", "must be one of: phone, email, site"},
  };
  for (const auto& c : cases) {
    const auto draft = decode_post(with_body(c.input));
    ASSERT_TRUE(draft) << c.input;
    expect_message(c, draft->read_errors);
  }
  const auto unknown = decode_post(with_body(R"({"colour": "red"})"));
  ASSERT_FALSE(unknown);
  expect_message({"colour", "colour", "is not a known field"}, unknown.error().fields);
}

TEST(FieldMessages, OtherBodies) {
  const auto network = decode_network(with_body(R"({"languages": ["en", 2]})"));
  ASSERT_TRUE(network);
  expect_message({"languages", "languages", "must be a list of strings"}, network->read_errors);

  const auto claim = decode_claim(with_body(R"({"note": "hi"})"));
  ASSERT_TRUE(claim);
  expect_message(
      {"no volunteer", "volunteer", R"(is required: {"name": ..., "email" or "phone": ...})"},
      claim->read_errors);

  const auto proposal = decode_proposal(with_body(R"({"request_id": "7"})"));
  ASSERT_TRUE(proposal);
  expect_message({"request_id", "request_id", "must be a whole number"}, proposal->read_errors);

  const auto close = decode_close(with_body(R"({"reason": "bored"})"));
  ASSERT_FALSE(close);
  expect_message({"reason", "reason", "must be one of: withdrawn, duplicate"},
                 close.error().fields);
}

TEST(FieldMessages, QueryStrings) {
  const MessageCase cases[] = {
      {"kind=gift", "kind", "must be request or offer"},
      {"category=", "category", "must be a category key"},
      {"status=lost", "status", "must be open, matched, fulfilled or closed"},
      {"near=91,0", "near", "must be LAT,LON with lat -90 to 90 and lon -180 to 180"},
      {"near=46.8", "near", "must be LAT,LON with lat -90 to 90 and lon -180 to 180"},
      {"near=1,2&radius_km=501", "radius_km", "must be a number more than 0 and at most 500"},
      {"radius_km=5", "radius_km", "needs near=LAT,LON"},
      {"limit=0", "limit", "must be a whole number from 1 to 100"},
      {"cursor=xyz", "cursor", "is not a cursor this server gave out"},
      {"colour=red", "colour", "is not a known parameter"},
  };
  for (const auto& c : cases) {
    Request request;
    request.query = c.input;
    const auto parsed = parse_list_params(request);
    ASSERT_FALSE(parsed) << c.input;
    expect_message(c, parsed.error().fields);
  }
  const auto repeated = parse_query("a=1&a=2");
  ASSERT_FALSE(repeated);
  expect_message({"a=1&a=2", "a", "is repeated"}, repeated.error().fields);
}

}  // namespace
}  // namespace gapfill::http
