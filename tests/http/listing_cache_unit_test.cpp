#include <gtest/gtest.h>

#include "http/listing_cache.hpp"

namespace gapfill::http {
namespace {

constexpr std::size_t kPlenty = 1 << 20;

TEST(ListingCache, ServesOnlyTheVersionItStored) {
  ListingCache cache(8, kPlenty);
  cache.store("riverside?limit=5", 3, "body at 3");
  EXPECT_EQ(*cache.find("riverside?limit=5", 3), "body at 3");
  EXPECT_EQ(cache.find("riverside?limit=5", 4), nullptr);  // a write happened since
  EXPECT_EQ(cache.find("riverside?limit=6", 3), nullptr);
  cache.store("riverside?limit=5", 4, "body at 4");
  EXPECT_EQ(*cache.find("riverside?limit=5", 4), "body at 4");
}

TEST(ListingCache, DropsTheLeastRecentlyUsedAndCanBeOff) {
  ListingCache cache(2, kPlenty);
  cache.store("a", 1, "A");
  cache.store("b", 1, "B");
  EXPECT_NE(cache.find("a", 1), nullptr);  // a is now the most recent
  cache.store("c", 1, "C");
  EXPECT_EQ(cache.find("b", 1), nullptr);
  EXPECT_NE(cache.find("a", 1), nullptr);
  EXPECT_NE(cache.find("c", 1), nullptr);

  ListingCache off(0, kPlenty);
  off.store("a", 1, "A");
  EXPECT_EQ(off.find("a", 1), nullptr);
}

TEST(ListingCache, StaysWithinItsBytes) {
  ListingCache cache(100, 10);
  cache.store("a", 1, "aaaa");
  cache.store("b", 1, "bbbb");
  cache.store("c", 1, "cccc");  // 12 bytes: a goes
  EXPECT_EQ(cache.find("a", 1), nullptr);
  EXPECT_NE(cache.find("b", 1), nullptr);
  cache.store("huge", 1, std::string(11, 'x'));  // never fits
  EXPECT_EQ(cache.find("huge", 1), nullptr);
  EXPECT_NE(cache.find("c", 1), nullptr);
}

}  // namespace
}  // namespace gapfill::http
