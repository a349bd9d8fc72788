#include <gtest/gtest.h>

#include "base/limits.hpp"
#include "http/json_body.hpp"
#include "http/list_params.hpp"
#include "http/message.hpp"
#include "http/query.hpp"
#include "http/router.hpp"

namespace gapfill::http {
namespace {

TEST(Router, MatchesCapturesAndTellsAllowedMethods) {
  Router router;
  int hit = 0;
  router.add(Method::kGet, "/api/v1/posts/{id}", [&](Request&) {
    hit = 1;
    return Response{};
  });
  router.add(Method::kPatch, "/api/v1/posts/{id}", [&](Request&) {
    hit = 2;
    return Response{};
  });
  router.add(Method::kPost, "/api/v1/posts/{id}/close", [&](Request&) {
    hit = 3;
    return Response{};
  });

  Request request;
  request.path = "/api/v1/posts/42";
  auto found = router.find(request);
  ASSERT_NE(found.handler, nullptr);
  EXPECT_EQ(request.params.at("id"), "42");
  EXPECT_EQ(*found.pattern, "/api/v1/posts/{id}");

  request.method = Method::kHead;  // HEAD is GET without a body
  EXPECT_NE(router.find(request).handler, nullptr);

  request.method = Method::kDelete;
  found = router.find(request);
  EXPECT_EQ(found.handler, nullptr);
  EXPECT_EQ(found.allowed, (std::vector<Method>{Method::kGet, Method::kPatch}));

  request.method = Method::kGet;
  request.path = "/api/v1/posts/42/nope";
  found = router.find(request);
  EXPECT_EQ(found.handler, nullptr);
  EXPECT_TRUE(found.allowed.empty());
}

TEST(Query, DecodesAndRejectsMalformedInput) {
  auto parsed = parse_query("near=46.87%2C-113.99&category=food&q=two+words&empty=");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->at("near"), "46.87,-113.99");
  EXPECT_EQ(parsed->at("q"), "two words");
  EXPECT_EQ(parsed->at("empty"), "");
  EXPECT_FALSE(parse_query("a=%zz"));
  EXPECT_FALSE(parse_query("a=%4"));
  EXPECT_FALSE(parse_query("a=1&a=2"));
  std::string many;
  for (int i = 0; i < 40; ++i) many.append("p").append(std::to_string(i)).append("=1&");
  EXPECT_FALSE(parse_query(many));
}

TEST(ListParams, NamesEveryBadParameter) {
  Request request;
  request.query = "kind=gift&status=lost&near=91,0&radius_km=0&limit=101&cursor=xyz&color=red";
  const auto parsed = parse_list_params(request);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kMalformed);
  for (const char* field : {"kind", "status", "near", "radius_km", "limit", "cursor", "color"}) {
    EXPECT_TRUE(parsed.error().fields.contains(field)) << field;
  }
  request.query = "near=46.87,-113.99&radius_km=25&limit=50&kind=offer&status=matched";
  const auto good = parse_list_params(request);
  ASSERT_TRUE(good);
  EXPECT_EQ(good->limit, 50);
  EXPECT_DOUBLE_EQ(good->near->lon, -113.99);
  request.query = "radius_km=5";
  EXPECT_TRUE(parse_list_params(request).error().fields.contains("radius_km"));
}

TEST(JsonBody, SaysWhereTheSyntaxErrorIsAndBoundsDepth) {
  const auto broken = parse_json_object("{\"title\": ");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, ErrorCode::kMalformed);
  EXPECT_NE(broken.error().message.find("byte"), std::string::npos);
  EXPECT_FALSE(parse_json_object("[1, 2]"));
  EXPECT_FALSE(parse_json_object(""));
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "{\"a\":";
  EXPECT_FALSE(parse_json_object(deep + "1" + std::string(10000, '}')));
  EXPECT_TRUE(parse_json_object("{\"a\": {\"b\": 1}}"));
}

TEST(JsonBody, ReaderCollectsTypeErrorsAndUnknownFields) {
  const auto body = nlohmann::json::parse(
      R"({"title": 5, "quantity": 1.5, "when": "soon", "ok": true, "extra": 1})");
  FieldMessages types, unknown;
  FieldReader reader(body, "", types, unknown);
  EXPECT_FALSE(reader.string("title"));
  EXPECT_FALSE(reader.integer("quantity"));
  EXPECT_FALSE(reader.timestamp("when"));
  EXPECT_EQ(reader.boolean("ok"), true);
  reader.finish();
  EXPECT_EQ(types.size(), 3u);
  EXPECT_EQ(unknown.size(), 1u);
  EXPECT_TRUE(unknown.contains("extra"));
}

TEST(Request, ReadsBearerTokens) {
  Request request;
  request.headers = {{"authorization", "Bearer abc123"}};
  EXPECT_EQ(request.bearer_token(), "abc123");
  request.headers = {{"authorization", "bearer   abc123  "}};
  EXPECT_EQ(request.bearer_token(), "abc123");
  request.headers = {{"authorization", "Basic abc"}};
  EXPECT_EQ(request.bearer_token(), "");
}

}  // namespace
}  // namespace gapfill::http
