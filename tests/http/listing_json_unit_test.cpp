// The hand-written listing JSON must say exactly what the general
// serializer says, and be valid JSON whatever a title holds.

#include <gtest/gtest.h>

#include <random>

#include "http/listing_json.hpp"
#include "http/serialize.hpp"

namespace gapfill::http {
namespace {

domain::ListItem item(std::int64_t id, std::string title) {
  domain::ListItem item;
  item.post.id = id;
  item.post.category = "hygiene_medical";
  item.post.title = std::move(title);
  item.post.created_at = 1790000000 + id;
  item.post.waiting_since = 1790000000;
  item.post.point = geo::snap_to_grid({46.8721 + id * 0.013, -113.994 - id * 0.017}, 0.01);
  item.post.kind = id % 2 ? PostKind::kOffer : PostKind::kRequest;
  item.post.urgency = Urgency::kToday;
  item.post.status = PostStatus::kMatched;
  if (id % 3 == 0) item.post.quantity = id * 7;
  if (id % 4 == 0) item.post.window_to = 1790090000;
  if (id % 5 == 0) item.post.window_from = 1790080000;
  if (id % 2 == 0) item.distance_km = 0.37 * static_cast<double>(id) + 1.0 / 3;
  return item;
}

TEST(ListingJson, SaysWhatTheGeneralSerializerSays) {
  domain::ListPage page;
  const char* titles[] = {"Groceries",
                          "Ropa de invierno 🧥 niños",
                          "quote \" backslash \\ tab \t",
                          "control \x01\x1f nul",
                          "line\nbreak",
                          "<script>alert(1)</script>"};
  for (int i = 0; i < 40; ++i) page.items.push_back(item(i + 1, titles[i % 6]));
  page.next = domain::cursor_of(page.items.back());

  const auto fast = nlohmann::json::parse(listing_json(page, "riverside"));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& entry : page.items) items.push_back(listed_json(entry, "riverside"));
  const nlohmann::json expected = {{"items", items},
                                   {"next_cursor", domain::encode_cursor(*page.next)}};
  EXPECT_EQ(fast, expected);
  page.next.reset();
  EXPECT_EQ(nlohmann::json::parse(listing_json(page, "riverside"))["next_cursor"], nullptr);
}

TEST(ListingJson, StaysValidJsonForAnyBytes) {
  std::mt19937 random(3);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = 0; i < 24; ++i) text += static_cast<char>(byte(random));
    std::string out;
    append_json_string(out, text);
    const auto parsed = nlohmann::json::parse(out, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << out;
  }
  std::string out;
  append_json_string(out, "\xED\xA0\x80 surrogate, \xF4\x90\x80\x80 too big, \xC3 cut");
  EXPECT_FALSE(nlohmann::json::parse(out, nullptr, false).is_discarded());
}

}  // namespace
}  // namespace gapfill::http
