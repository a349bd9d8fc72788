#include "domain/listing.hpp"

#include <fmt/format.h>

#include <bit>
#include <charconv>
#include <cstring>

namespace gapfill::domain {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string to_base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3F];
  return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const auto index = kAlphabet.find(c);
    if (index == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

template <typename T>
bool parse_whole(std::string_view text, T& value, int base = 10) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  return error == std::errc{} && end == text.data() + text.size() && !text.empty();
}

}  // namespace

ListedPost to_listed(const Post& post) {
  return ListedPost{post.id,        post.created_at, post.waiting_since, post.window_from,
                    post.window_to, post.quantity,   post.point,         post.category,
                    post.title,     post.kind,       post.urgency,       post.status};
}

ListItem near_item(const ListedPost& post, double separation) {
  return ListItem{post, geo::km_for_separation(separation), separation};
}

std::string encode_cursor(const ListCursor& cursor) {
  const std::string plain =
      cursor.by_distance
          ? fmt::format("d:{:x}:{}", std::bit_cast<std::uint64_t>(cursor.separation), cursor.id)
          : fmt::format("t:{}:{}", cursor.created_at, cursor.id);
  return to_base64url(plain);
}

std::optional<ListCursor> decode_cursor(const std::string& text) {
  if (text.empty() || text.size() > 96) return std::nullopt;
  const auto plain = from_base64url(text);
  if (!plain || plain->size() < 5 || (*plain)[1] != ':') return std::nullopt;
  const std::string_view rest = std::string_view(*plain).substr(2);
  const auto colon = rest.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  ListCursor cursor;
  if (!parse_whole(rest.substr(colon + 1), cursor.id) || cursor.id <= 0) return std::nullopt;
  if ((*plain)[0] == 'd') {
    std::uint64_t bits = 0;
    if (!parse_whole(rest.substr(0, colon), bits, 16)) return std::nullopt;
    cursor.by_distance = true;
    cursor.separation = std::bit_cast<double>(bits);
    if (!(cursor.separation >= 0 && cursor.separation <= 1)) return std::nullopt;
    return cursor;
  }
  if ((*plain)[0] == 't') {
    if (!parse_whole(rest.substr(0, colon), cursor.created_at)) return std::nullopt;
    return cursor;
  }
  return std::nullopt;
}

bool comes_before(const ListCursor& a, const ListCursor& b) {
  if (a.by_distance) {
    if (a.separation != b.separation) return a.separation < b.separation;
    return a.id < b.id;
  }
  if (a.created_at != b.created_at) return a.created_at > b.created_at;
  return a.id > b.id;
}

ListCursor cursor_of(const ListItem& item) {
  ListCursor cursor;
  cursor.by_distance = item.distance_km.has_value();
  cursor.separation = item.separation;
  cursor.created_at = item.post.created_at;
  cursor.id = item.post.id;
  return cursor;
}

}  // namespace gapfill::domain
