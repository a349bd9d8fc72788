#include "domain/tokens.hpp"

#include <gtest/gtest.h>

#include <set>

namespace gapfill::tokens {
namespace {

TEST(Tokens, AreLongRandomAndStoredOnlyAsHashes) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const Issued issued = issue();
    EXPECT_EQ(issued.token.size(), 43u);  // 32 bytes, base64url without padding
    EXPECT_EQ(issued.hash.size(), 64u);
    EXPECT_EQ(issued.hash.find(issued.token), std::string::npos);
    EXPECT_TRUE(matches(issued.token, issued.hash));
    EXPECT_TRUE(seen.insert(issued.token).second);
  }
  const Issued one = issue();
  EXPECT_FALSE(matches("", one.hash));
  EXPECT_FALSE(matches(one.token + "x", one.hash));
  EXPECT_FALSE(matches(one.token, ""));
  EXPECT_FALSE(matches(std::string(1000, 'a'), one.hash));
}

}  // namespace
}  // namespace gapfill::tokens
