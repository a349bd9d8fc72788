#include "http/listing_cache.hpp"

#include <gtest/gtest.h>

namespace gapfill::http {
namespace {

TEST(ListingCache, ServesOnlyTheVersionItStored) {
  ListingCache cache(8);
  cache.store("riverside?limit=5", 3, "body at 3");
  EXPECT_EQ(cache.find("riverside?limit=5", 3), "body at 3");
  EXPECT_FALSE(cache.find("riverside?limit=5", 4));  // a write happened since
  EXPECT_FALSE(cache.find("riverside?limit=6", 3));
  cache.store("riverside?limit=5", 4, "body at 4");
  EXPECT_EQ(cache.find("riverside?limit=5", 4), "body at 4");
}

TEST(ListingCache, DropsTheLeastRecentlyUsedAndCanBeOff) {
  ListingCache cache(2);
  cache.store("a", 1, "A");
  cache.store("b", 1, "B");
  EXPECT_TRUE(cache.find("a", 1));  // a is now the most recent
  cache.store("c", 1, "C");
  EXPECT_FALSE(cache.find("b", 1));
  EXPECT_TRUE(cache.find("a", 1));
  EXPECT_TRUE(cache.find("c", 1));

  ListingCache off(0);
  off.store("a", 1, "A");
  EXPECT_FALSE(off.find("a", 1));
}

}  // namespace
}  // namespace gapfill::http
