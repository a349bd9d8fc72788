#pragma once
// The store contract: what every Store implementation must do. A backend
// joins by instantiating StoreContract with a factory for fresh, migrated,
// empty stores (see sqlite_store_test.cpp).

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace gapfill::store::contract {

struct Backend {
  std::string name;
  // Returns a fresh, empty, migrated store. `reopen` gives a second handle to
  // the same data when called with the first's identity string.
  std::function<std::unique_ptr<Store>(const std::string& identity)> open;
  std::function<std::string()> new_identity;
};

class StoreContract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  std::unique_ptr<Store> reopen() { return GetParam().open(identity_); }

  NetworkId add_network(const std::string& slug = "riverside", int retention_days = 30);
  Post sample_post(NetworkId network, PostKind kind = PostKind::kRequest);
  PostId add_post(const Post& post);

  std::string identity_;
  std::unique_ptr<Store> store_;
};

}  // namespace gapfill::store::contract

namespace gapfill::store::contract {
// Names the backend in test output instead of dumping its bytes.
inline void PrintTo(const Backend& backend, std::ostream* out) {
  *out << backend.name;
}
}  // namespace gapfill::store::contract
