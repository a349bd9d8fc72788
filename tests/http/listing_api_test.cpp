// Listings over real HTTP: newest-first and nearest-first pagination, radius,
// filters by kind, category and status, and cursors.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "support/api_test_helpers.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

using endpoint_tests::ids_of;
using endpoint_tests::kCentreLat;
using endpoint_tests::kCentreLon;
using endpoint_tests::list_all;
using endpoint_tests::listed_ids;
using endpoint_tests::match_path;
using endpoint_tests::near_centre;
using endpoint_tests::offer_body;
using endpoint_tests::post_at;
using endpoint_tests::private_request;
using nlohmann::json;

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Items are newest first: created_at descending, then id descending.
void expect_newest_first(const std::vector<json>& items) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    const auto before = items[i - 1]["created_at"].get<std::string>();
    const auto after = items[i]["created_at"].get<std::string>();
    EXPECT_GE(before, after) << "at " << i;
    if (before == after) {
      EXPECT_GT(items[i - 1]["id"].get<std::int64_t>(), items[i]["id"].get<std::int64_t>())
          << "at " << i;
    }
  }
}

// Items are nearest first: distance_km ascending, then id ascending.
void expect_nearest_first(const std::vector<json>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    ASSERT_TRUE(items[i].contains("distance_km")) << items[i];
    if (i == 0) continue;
    const double before = items[i - 1]["distance_km"].get<double>();
    const double after = items[i]["distance_km"].get<double>();
    EXPECT_LE(before, after) << "at " << i;
    if (before == after) {
      EXPECT_LT(items[i - 1]["id"].get<std::int64_t>(), items[i]["id"].get<std::int64_t>())
          << "at " << i;
    }
  }
}

// ---------------------------------------------------------------------------
// Listings

using ListingTest = ApiTest;

TEST_F(ListingTest, NewestFirstPaginationGivesEveryPostOnceInOrder) {
  std::vector<std::int64_t> created;
  for (int i = 0; i < 11; ++i) {
    created.push_back(create_post(request_body(fmt::format("Post number {}", i))).first);
  }
  for (int limit : {1, 3, 4, 11, 100}) {
    const auto items = list_all(*client, "", limit);
    const auto ids = ids_of(items);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), ids.size()) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()),
              std::set<std::int64_t>(created.begin(), created.end()))
        << limit;
    expect_newest_first(items);
  }
  // The last page says there is no next one; a full page before it says there is.
  const json first = client->get("/api/v1/networks/riverside/posts?limit=10").json();
  EXPECT_EQ(first["items"].size(), 10u);
  EXPECT_TRUE(first["next_cursor"].is_string());
  const json all = client->get("/api/v1/networks/riverside/posts?limit=11").json();
  EXPECT_EQ(all["items"].size(), 11u);
  EXPECT_TRUE(all["next_cursor"].is_null());
}

TEST_F(ListingTest, PostsAddedWhilePagingNeitherRepeatNorSkipTheOthers) {
  std::set<std::int64_t> original;
  for (int i = 0; i < 6; ++i) original.insert(create_post(request_body()).first);
  for (const std::string& query : {std::string(), near_centre()}) {
    std::vector<std::int64_t> seen;
    std::string cursor;
    for (int page = 0; page < 20; ++page) {
      std::string target = "/api/v1/networks/riverside/posts?limit=2";
      if (!query.empty()) target.append("&").append(query);
      if (!cursor.empty()) target.append("&cursor=").append(cursor);
      const json body = client->get(target).json();
      for (const auto& item : body["items"]) seen.push_back(item["id"]);
      // Someone posts between every two pages.
      create_post(request_body("Posted meanwhile"));
      if (body["next_cursor"].is_null()) break;
      cursor = body["next_cursor"];
    }
    for (std::int64_t id : original) {
      EXPECT_EQ(std::count(seen.begin(), seen.end(), id), 1) << "post " << id << " " << query;
    }
    EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), seen.size()) << query;
  }
}

TEST_F(ListingTest, NearPaginationIsNearestFirstAndGivesEveryPostOnce) {
  std::set<std::int64_t> within;
  for (int step = 0; step < 6; ++step) {
    within.insert(create_post(post_at(kCentreLat + 0.03 * step, kCentreLon)).first);
  }
  // Ties: several posts at one place, ordered by id across page boundaries.
  for (int i = 0; i < 4; ++i)
    within.insert(create_post(post_at(kCentreLat + 0.06, kCentreLon)).first);
  const std::int64_t far = create_post(post_at(kCentreLat + 1.0, kCentreLon)).first;  // ~110 km

  for (int limit : {1, 2, 3, 100}) {
    const auto items = list_all(*client, near_centre(), limit);
    expect_nearest_first(items);
    const auto ids = ids_of(items);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), ids.size()) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), within) << limit;
    EXPECT_FALSE(contains(ids, far));
  }
}

TEST_F(ListingTest, RadiusBoundsANearListing) {
  const std::int64_t here = create_post(post_at(kCentreLat, kCentreLon)).first;
  const std::int64_t ten_km = create_post(post_at(kCentreLat + 0.1, kCentreLon)).first;
  const std::int64_t fifty_km = create_post(post_at(kCentreLat + 0.45, kCentreLon)).first;
  struct Case {
    std::string radius;
    std::set<std::int64_t> expected;
  };
  const std::vector<Case> cases = {{"&radius_km=2", {here}},
                                   {"&radius_km=15", {here, ten_km}},
                                   {"", {here, ten_km}},  // 25 km by default
                                   {"&radius_km=60", {here, ten_km, fifty_km}},
                                   {"&radius_km=500", {here, ten_km, fifty_km}}};
  for (const Case& c : cases) {
    const auto items = list_all(*client, near_centre() + c.radius, 100);
    const auto ids = ids_of(items);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), c.expected) << c.radius;
    for (const auto& item : items) {
      if (!c.radius.empty()) {
        EXPECT_LE(item["distance_km"].get<double>(), std::stod(c.radius.substr(11)));
      }
    }
  }
  // Without near, there is no distance.
  for (const auto& item : list_all(*client, "", 100)) EXPECT_FALSE(item.contains("distance_km"));
}

TEST_F(ListingTest, FiltersByKindAndCategory) {
  const std::int64_t food_request = create_post(request_body()).first;
  const std::int64_t clothing_request = create_post(private_request()).first;
  const std::int64_t food_offer = create_post(offer_body("food")).first;
  const std::int64_t clothing_offer = create_post(offer_body("clothing")).first;
  struct Case {
    std::string query;
    std::set<std::int64_t> expected;
  };
  const std::vector<Case> cases = {
      {"", {food_request, clothing_request, food_offer, clothing_offer}},
      {"kind=request", {food_request, clothing_request}},
      {"kind=offer", {food_offer, clothing_offer}},
      {"category=food", {food_request, food_offer}},
      {"category=clothing&kind=offer", {clothing_offer}},
      {"category=transport", {}},
      {"kind=offer&" + near_centre(), {food_offer, clothing_offer}},
      {"category=clothing&" + near_centre(), {clothing_request, clothing_offer}},
  };
  for (const Case& c : cases) {
    const auto ids = listed_ids(*client, c.query);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), c.expected) << c.query;
  }
}

TEST_F(ListingTest, StatusFilterWorksFromTheIndexAndFromTheDatabase) {
  const auto [open_id, open_token] = create_post(request_body("Still open"));
  const auto [matched_id, matched_token] = create_post(request_body("Matched"));
  const auto [fulfilled_id, fulfilled_token] = create_post(request_body("Fulfilled"));
  const auto [closed_id, closed_token] = create_post(request_body("Closed"));
  const auto [offer_id, offer_token] = create_post(offer_body());

  ASSERT_EQ(client->post(post_path(matched_id) + "/claim", claim_body()).status, 201);
  const auto claimed = client->post(post_path(fulfilled_id) + "/claim", claim_body()).json();
  ASSERT_EQ(client
                ->post(match_path(claimed["match"]) + "/complete", nullptr,
                       claimed["match_token"].get<std::string>())
                .status,
            200);
  ASSERT_EQ(client->post(post_path(closed_id) + "/close", nullptr, closed_token).status, 200);

  struct Case {
    std::string query;
    std::set<std::int64_t> expected;
  };
  const std::vector<Case> cases = {
      // open and matched: the in-memory index.
      {"", {open_id, offer_id}},
      {"status=open", {open_id, offer_id}},
      {"status=open&kind=request", {open_id}},
      {"status=matched", {matched_id}},
      {"status=matched&" + near_centre(), {matched_id}},
      {"status=matched&kind=offer", {}},
      // fulfilled and closed: the database.
      {"status=fulfilled", {fulfilled_id}},
      {"status=fulfilled&" + near_centre(), {fulfilled_id}},
      {"status=closed", {closed_id}},
      {"status=closed&kind=request&category=food", {closed_id}},
      {"status=closed&kind=offer", {}},
      {"status=closed&category=clothing", {}},
      {"status=closed&" + near_centre(), {closed_id}},
      {"status=closed&near=0,0", {}},
  };
  for (const Case& c : cases) {
    const auto items = list_all(*client, c.query, 100);
    const auto ids = ids_of(items);
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), c.expected) << c.query;
    for (const auto& item : items) {
      const auto status = c.query.find("status=");
      const std::string wanted =
          status == std::string::npos
              ? "open"
              : c.query.substr(status + 7, c.query.find('&', status) - status - 7);
      EXPECT_EQ(item["status"], wanted) << c.query;
    }
  }
}

TEST_F(ListingTest, DatabaseListingsPageInOrderToo) {
  std::set<std::int64_t> closed;
  for (int i = 0; i < 5; ++i) {
    const auto [id, token] = create_post(post_at(kCentreLat + 0.02 * i, kCentreLon));
    closed.insert(id);
    ASSERT_EQ(client->post(post_path(id) + "/close", nullptr, token).status, 200);
  }
  for (int i = 0; i < 3; ++i) {  // ties at one place
    const auto [id, token] = create_post(post_at(kCentreLat + 0.04, kCentreLon));
    closed.insert(id);
    ASSERT_EQ(client->post(post_path(id) + "/close", nullptr, token).status, 200);
  }
  create_post(request_body("Open, so not in a closed listing"));
  for (int limit : {1, 2, 3}) {
    const auto newest = list_all(*client, "status=closed", limit);
    expect_newest_first(newest);
    auto ids = ids_of(newest);
    EXPECT_EQ(ids.size(), closed.size()) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), closed) << limit;

    const auto nearest = list_all(*client, "status=closed&" + near_centre(), limit);
    expect_nearest_first(nearest);
    ids = ids_of(nearest);
    EXPECT_EQ(ids.size(), closed.size()) << limit;
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()), closed) << limit;
  }
}

TEST_F(ListingTest, NearWorksAcrossTheAntimeridianAndAtAPole) {
  const auto [east, east_token] = create_post(post_at(0.001, -179.999));
  const auto [polar, polar_token] = create_post(post_at(89.996, 170.0));
  const std::string across = "near=0,179.998&radius_km=5";
  const std::string pole = "near=89.999,0&radius_km=10";
  EXPECT_EQ(listed_ids(*client, across), std::vector<std::int64_t>{east});
  EXPECT_EQ(listed_ids(*client, pole), std::vector<std::int64_t>{polar});
  // The same from the database, once they are closed.
  ASSERT_EQ(client->post(post_path(east) + "/close", nullptr, east_token).status, 200);
  ASSERT_EQ(client->post(post_path(polar) + "/close", nullptr, polar_token).status, 200);
  EXPECT_EQ(listed_ids(*client, across), std::vector<std::int64_t>{});
  EXPECT_EQ(listed_ids(*client, "status=closed&" + across), std::vector<std::int64_t>{east});
  EXPECT_EQ(listed_ids(*client, "status=closed&" + pole), std::vector<std::int64_t>{polar});
}

TEST_F(ListingTest, LimitMustBeFromOneToAHundred) {
  for (int i = 0; i < 21; ++i) create_post(request_body());
  EXPECT_EQ(client->get("/api/v1/networks/riverside/posts?limit=1").json()["items"].size(), 1u);
  EXPECT_EQ(client->get("/api/v1/networks/riverside/posts?limit=100").json()["items"].size(), 21u);
  // 20 by default.
  const json page = client->get("/api/v1/networks/riverside/posts").json();
  EXPECT_EQ(page["items"].size(), 20u);
  EXPECT_TRUE(page["next_cursor"].is_string());
  for (const char* bad : {"0", "101", "-1", "ten", "1.5", "", "1e1", "+5", "99999999999"}) {
    const auto result =
        client->get(std::string("/api/v1/networks/riverside/posts?limit=").append(bad));
    EXPECT_EQ(result.status, 400) << bad;
    EXPECT_TRUE(result.json()["error"]["fields"].contains("limit")) << bad << result.body;
  }
}

TEST_F(ListingTest, ACursorOnlyFitsAListingOfTheSameKind) {
  for (int i = 0; i < 3; ++i) create_post(request_body());
  const std::string near_cursor =
      client->get("/api/v1/networks/riverside/posts?limit=1&" + near_centre())
          .json()["next_cursor"];
  const std::string newest_cursor =
      client->get("/api/v1/networks/riverside/posts?limit=1").json()["next_cursor"];
  const auto plain = client->get("/api/v1/networks/riverside/posts?cursor=" + near_cursor);
  EXPECT_GE(plain.status, 400) << plain.body;
  EXPECT_LT(plain.status, 500) << plain.body;
  EXPECT_TRUE(plain.json()["error"]["fields"].contains("cursor")) << plain.body;
  const auto near =
      client->get("/api/v1/networks/riverside/posts?" + near_centre() + "&cursor=" + newest_cursor);
  EXPECT_GE(near.status, 400) << near.body;
  EXPECT_LT(near.status, 500) << near.body;
  EXPECT_TRUE(near.json()["error"]["fields"].contains("cursor")) << near.body;
  // From a database listing onto an index listing: same kind, accepted.
  EXPECT_EQ(
      client->get("/api/v1/networks/riverside/posts?status=closed&cursor=" + newest_cursor).status,
      200);
}

TEST_F(ListingTest, UnknownCategoryIs400NamingCategory) {
  const auto result = client->get("/api/v1/networks/riverside/posts?category=spaceships");
  ASSERT_EQ(result.status, 400) << result.body;
  EXPECT_EQ(result.json()["error"]["code"], "malformed");
  EXPECT_TRUE(result.json()["error"]["fields"].contains("category")) << result.body;
  EXPECT_EQ(
      client->get("/api/v1/networks/riverside/posts?category=spaceships&status=closed").status,
      400);
}

TEST_F(ListingTest, AListingShowsOnlyItsOwnNetwork) {
  ASSERT_EQ(client->post("/api/v1/networks", network_body("hillside"), account_session()).status,
            201);
  const std::int64_t here = create_post(request_body()).first;
  const std::int64_t there = create_post(request_body(), "hillside").first;
  EXPECT_EQ(listed_ids(*client, ""), std::vector<std::int64_t>{here});
  EXPECT_EQ(listed_ids(*client, near_centre()), std::vector<std::int64_t>{here});
  const auto hillside = client->get("/api/v1/networks/hillside/posts").json()["items"];
  ASSERT_EQ(hillside.size(), 1u);
  EXPECT_EQ(hillside[0]["id"], there);
  EXPECT_EQ(hillside[0]["network"], "hillside");
  EXPECT_EQ(client->get("/api/v1/networks/nowhere/posts").status, 404);
}

}  // namespace
}  // namespace gapfill::testing
