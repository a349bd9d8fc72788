// The fuzz targets that dispatch requests (tests/fuzz/dispatch_fixture.hpp)
// do so on a copy of the server's route table, since the real handlers need
// a store: this keeps the copy whole.

#include <gtest/gtest.h>

#include <algorithm>

#include "fuzz/dispatch_fixture.hpp"
#include "support/test_server.hpp"

namespace gapfill::testing {
namespace {

std::vector<std::string> described(std::vector<http::Router::Listed> routes) {
  std::sort(routes.begin(), routes.end());
  std::vector<std::string> lines;
  for (const auto& route : routes) {
    lines.push_back(std::string(http::to_string(route.method)) + " " + route.pattern +
                    (route.page ? " (page)" : ""));
  }
  return lines;
}

TEST(FuzzRoutesTest, TheFuzzedDispatcherHasEveryRouteOfTheServer) {
  TestServer server;
  const fuzz::DispatchFixture fixture;
  EXPECT_EQ(described(fixture.router.list()), described(server.app().router().list()));
}

}  // namespace
}  // namespace gapfill::testing
