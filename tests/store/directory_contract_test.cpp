// The store contract for the directory: a network's public UUID and public
// contact survive the round trip, and the contact can be replaced.

#include "store/store_contract.hpp"

namespace gapfill::store::contract {
namespace {

TEST_P(StoreContract, NetworksKeepTheirPublicUuidAndContact) {
  Network network;
  network.slug = "hillside";
  network.name = "Hillside, \"the\" network";
  network.area = {{46.87, -113.99}, 25};
  network.languages = {"en"};
  network.timezone = "UTC";
  network.retention_days = 30;
  network.post_expiry_days = 30;
  network.created_at = 1790000000;
  network.public_uuid = "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab";
  network.contact = {"help@hillside.example", "https://hillside.example/aid", "+1 406 555 0100"};
  NetworkId id = 0;
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    id = TRY(transaction.networks().insert(network, {}));
    return {};
  }));
  // A network written without a UUID (as before the directory) stays readable.
  const NetworkId plain = add_network("riverside");
  ASSERT_TRUE(store_->write([&](Transaction& transaction) -> Status {
    const Network found = TRY(transaction.networks().find_by_id(id));
    EXPECT_EQ(found.public_uuid, network.public_uuid);
    EXPECT_EQ(found.contact, network.contact);
    EXPECT_TRUE(TRY(transaction.networks().find_by_id(plain)).contact.empty());
    TRY_STATUS(transaction.networks().set_contact(id, {"", "https://hillside.example", ""}));
    EXPECT_EQ(transaction.networks().set_contact(9999, {}).error().code, ErrorCode::kNotFound);
    return {};
  }));
  ASSERT_TRUE(store_->read([&](Transaction& transaction) -> Status {
    const Network found = TRY(transaction.networks().find_by_slug("hillside"));
    EXPECT_EQ(found.contact, (PublicContact{"", "https://hillside.example", ""}));
    EXPECT_EQ(found.public_uuid, network.public_uuid);
    return {};
  }));
}

}  // namespace
}  // namespace gapfill::store::contract
