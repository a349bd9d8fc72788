// The store contract for service areas: a polygon's GeoJSON and the circle
// around it round-trip, and an area can be replaced.
#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

constexpr const char* kSquare =
    R"({"coordinates":[[[0.0,0.0],[1.0,0.0],[1.0,1.0],[0.0,1.0],[0.0,0.0]]],"type":"Polygon"})";

Result<Network> find(Store& store, NetworkId id) {
  Network found;
  TRY_STATUS(store.read([&](Transaction& transaction) -> Status {
    found = TRY(transaction.networks().find_by_id(id));
    return {};
  }));
  return found;
}

}  // namespace

TEST_P(StoreContract, NetworkAreasStartAsCirclesAndCanBecomePolygons) {
  const NetworkId id = add_network();
  const auto circle = find(*store_, id);
  ASSERT_TRUE(circle);
  EXPECT_FALSE(circle->area.is_polygon());
  EXPECT_DOUBLE_EQ(circle->area.radius_km, 40);

  const ServiceArea square{{0.5, 0.5}, 78.6, kSquare};
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.networks().update_area(id, square);
  }));
  const auto reopened = reopen();
  const auto polygon = find(*reopened, id);
  ASSERT_TRUE(polygon);
  EXPECT_EQ(polygon->area.geojson, kSquare);
  EXPECT_DOUBLE_EQ(polygon->area.centre.lat, 0.5);
  EXPECT_DOUBLE_EQ(polygon->area.centre.lon, 0.5);
  EXPECT_DOUBLE_EQ(polygon->area.radius_km, 78.6);

  // Back to a circle.
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    return transaction.networks().update_area(id, ServiceArea{{46.9, -114.0}, 25});
  }));
  const auto again = find(*store_, id);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->area.is_polygon());
  EXPECT_DOUBLE_EQ(again->area.radius_km, 25);

  const auto missing = store_->write([&](Transaction& transaction) -> Status {
    return transaction.networks().update_area(id + 1000, square);
  });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, NetworksInsertedWithAPolygonKeepIt) {
  Network network;
  network.slug = "squares";
  network.name = "Squares";
  network.area = {{0.5, 0.5}, 78.6, kSquare};
  network.languages = {"en"};
  network.timezone = "UTC";
  network.retention_days = 30;
  network.post_expiry_days = 30;
  NetworkId id = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.networks().insert(network, {}));
    return {};
  }));
  const auto found = find(*store_, id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->area.geojson, kSquare);
}

}  // namespace gapfill::store::contract
