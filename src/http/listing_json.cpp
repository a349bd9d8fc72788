#include "http/listing_json.hpp"

#include <charconv>
#include <cmath>

#include "base/time.hpp"

namespace gapfill::http {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not valid.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  std::size_t length;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) ||
      (c == 0xF0 && second < 0x90) || (c == 0xF4 && second > 0x8F)) {
    return 0;
  }
  return length;
}

void append_time(std::string& out, UnixSeconds t) {
  out += '"';
  append_rfc3339(out, t);
  out += '"';
}

void append_integer(std::string& out, std::int64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

void append_optional_time(std::string& out, const std::optional<UnixSeconds>& t) {
  if (t) {
    append_time(out, *t);
  } else {
    out += "null";
  }
}

// Numbers as nlohmann writes them: the shortest text that reads back the
// same, and a whole number with ".0".
void append_double(std::string& out, double value) {
  char digits[32];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
  if (value == std::floor(value) && std::abs(value) < 1e15) out += ".0";
}

void append_item(std::string& out, const domain::ListItem& item, const std::string& slug) {
  const domain::ListedPost& post = item.post;
  // Keys in the order nlohmann's sorted objects use.
  out += "{\"category\":";
  append_json_string(out, post.category);
  out += ",\"created_at\":";
  append_time(out, post.created_at);
  if (item.distance_km) {
    out += ",\"distance_km\":";
    append_double(out, std::round(*item.distance_km * 100) / 100);
  }
  out += ",\"id\":";
  append_integer(out, post.id);
  out += ",\"kind\":\"";
  out += to_string(post.kind);
  out += "\",\"location\":{\"lat\":";
  append_double(out, post.point.lat);
  out += ",\"lon\":";
  append_double(out, post.point.lon);
  out += "},\"network\":";
  append_json_string(out, slug);
  out += ",\"quantity\":";
  if (post.quantity) {
    append_integer(out, *post.quantity);
  } else {
    out += "null";
  }
  out += ",\"status\":\"";
  out += to_string(post.status);
  out += "\",\"title\":";
  append_json_string(out, post.title);
  out += ",\"urgency\":\"";
  out += to_string(post.urgency);
  out += "\",\"waiting_since\":";
  append_time(out, post.waiting_since);
  out += ",\"window\":";
  if (post.window_from || post.window_to) {
    out += "{\"from\":";
    append_optional_time(out, post.window_from);
    out += ",\"to\":";
    append_optional_time(out, post.window_to);
    out += '}';
  } else {
    out += "null";
  }
  out += '}';
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // The common case: a run of printable ASCII that needs no escape.
    std::size_t run = i;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

std::string listing_json(const domain::ListPage& page, const std::string& network_slug) {
  std::string out;
  out.reserve(64 + page.items.size() * 420);
  out += "{\"items\":[";
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    if (i > 0) out += ',';
    append_item(out, page.items[i], network_slug);
  }
  out += "],\"next_cursor\":";
  if (page.next) {
    append_json_string(out, domain::encode_cursor(*page.next));
  } else {
    out += "null";
  }
  out += '}';
  return out;
}

}  // namespace gapfill::http
