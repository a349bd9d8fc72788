#pragma once
// A fictional demo network, "Riverside Mutual Aid", with about sixty
// realistic posts across every category, some matched and some fulfilled.

#include "base/error.hpp"
#include "store/store.hpp"

namespace gapfill::domain {

struct DemoSummary {
  bool created = false;  // false when the demo network was already there
  int posts = 0;
  int matches = 0;
};

// Seeds the demo network into a migrated store, over the past two and a half weeks of
// (simulated) time. Does nothing when a network with its slug exists.
Result<DemoSummary> seed_demo(store::Store& store);

}  // namespace gapfill::domain
