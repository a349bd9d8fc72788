#include "engine/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace gapfill::engine {
namespace {

using std::chrono::seconds;

// A clock the test moves by hand.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  RateLimiter::Clock clock() {
    return [this] { return now; };
  }
};

class RateLimiterTest : public ::testing::Test {
 protected:
  FakeClock time;
  // Three posts per 60 seconds: one more every 20 seconds.
  RateLimiter limiter{{{"posting", 3, 60}, {"sign_in", 2, 900}}, 1000, time.clock()};
};

TEST_F(RateLimiterTest, AllowsABurstUpToTheMaximumThenRefuses) {
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.take("posting", "a").allowed) << i;
  const auto refused = limiter.take("posting", "a");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 20);
}

TEST_F(RateLimiterTest, RefillsAtTheRuleRate) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(limiter.take("posting", "a").allowed);
  time.now += seconds(15);
  const auto early = limiter.take("posting", "a");
  EXPECT_FALSE(early.allowed);
  EXPECT_EQ(early.retry_after_seconds, 5);
  time.now += seconds(5);
  EXPECT_TRUE(limiter.take("posting", "a").allowed);
  EXPECT_FALSE(limiter.take("posting", "a").allowed);
  // A long pause fills the bucket, but never beyond its size.
  time.now += seconds(3600);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.take("posting", "a").allowed) << i;
  EXPECT_FALSE(limiter.take("posting", "a").allowed);
}

TEST_F(RateLimiterTest, KeepsKeysAndRulesApart) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(limiter.take("posting", "a").allowed);
  EXPECT_FALSE(limiter.take("posting", "a").allowed);
  EXPECT_TRUE(limiter.take("posting", "b").allowed);
  EXPECT_TRUE(limiter.take("sign_in", "a").allowed);
  EXPECT_TRUE(limiter.take("sign_in", "a").allowed);
  const auto refused = limiter.take("sign_in", "a");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 450);
}

TEST_F(RateLimiterTest, AnUnknownRuleAllowsEverything) {
  EXPECT_FALSE(limiter.has_rule("messaging"));
  EXPECT_TRUE(limiter.has_rule("posting"));
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.take("messaging", "a").allowed);
  EXPECT_EQ(limiter.tracked_keys(), 0u);
}

TEST(RateLimiterMemoryTest, ForgetsTheLeastRecentlyUsedKeyBeyondTheMaximum) {
  FakeClock time;
  RateLimiter limiter({{"posting", 1, 600}}, 4, time.clock());
  for (int i = 0; i < 1000; ++i) {
    limiter.take("posting", "address-" + std::to_string(i));
    EXPECT_LE(limiter.tracked_keys(), 4u);
  }
  // The last four are still refused; an older one was forgotten, so starts full.
  for (int i = 996; i < 1000; ++i) {
    EXPECT_FALSE(limiter.take("posting", "address-" + std::to_string(i)).allowed) << i;
  }
  EXPECT_TRUE(limiter.take("posting", "address-0").allowed);
}

TEST(RateLimiterMemoryTest, ARecentlyUsedKeyIsKept) {
  FakeClock time;
  RateLimiter limiter({{"posting", 1, 600}}, 2, time.clock());
  EXPECT_TRUE(limiter.take("posting", "kept").allowed);
  EXPECT_TRUE(limiter.take("posting", "other-1").allowed);
  EXPECT_FALSE(limiter.take("posting", "kept").allowed);    // used again: now the newest
  EXPECT_TRUE(limiter.take("posting", "other-2").allowed);  // evicts other-1
  EXPECT_FALSE(limiter.take("posting", "kept").allowed);
  EXPECT_EQ(limiter.tracked_keys(), 2u);
}

TEST(RateLimiterMemoryTest, ManyKeysStayWithinTheMaximumAcrossShards) {
  RateLimiter limiter({{"posting", 5, 60}}, 20'000);
  for (int i = 0; i < 50'000; ++i) limiter.take("posting", std::to_string(i));
  EXPECT_LE(limiter.tracked_keys(), 20'000u);
  EXPECT_GT(limiter.tracked_keys(), 15'000u);
}

TEST(RateLimiterThreadsTest, CountsExactlyUnderConcurrentUse) {
  FakeClock time;  // never moves: no refill
  RateLimiter limiter({{"claiming", 1000, 600}}, 100'000, time.clock());
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (limiter.take("claiming", "shared").allowed) ++allowed;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(allowed.load(), 1000);
}

}  // namespace
}  // namespace gapfill::engine
