#include <gtest/gtest.h>

#include "http/client_address.hpp"

namespace gapfill::http {
namespace {

Request with_forwarded(std::vector<std::string> values) {
  Request request;
  for (auto& value : values) request.headers.emplace_back("x-forwarded-for", std::move(value));
  return request;
}

TEST(ClientAddressTest, IsThePeerWithoutATrustedProxy) {
  EXPECT_EQ(client_address("203.0.113.7", with_forwarded({"198.51.100.1"}), ""), "203.0.113.7");
}

TEST(ClientAddressTest, IgnoresForwardedForFromAnUntrustedPeer) {
  EXPECT_EQ(client_address("203.0.113.7", with_forwarded({"198.51.100.1"}), "127.0.0.1"),
            "203.0.113.7");
}

TEST(ClientAddressTest, TakesTheLastForwardedEntryFromTheTrustedProxy) {
  EXPECT_EQ(client_address("127.0.0.1", with_forwarded({"10.0.0.1, 198.51.100.1 "}), "127.0.0.1"),
            "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", with_forwarded({"10.0.0.1", "198.51.100.2"}), "127.0.0.1"),
            "198.51.100.2");
}

TEST(ClientAddressTest, IsTheProxyWhenItNamesNoOne) {
  EXPECT_EQ(client_address("127.0.0.1", with_forwarded({}), "127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", with_forwarded({" , "}), "127.0.0.1"), "127.0.0.1");
}

}  // namespace
}  // namespace gapfill::http
