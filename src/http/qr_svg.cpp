#include "http/qr_svg.hpp"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

#include "http/templates.hpp"

namespace gapfill::http {

std::optional<std::string> qr_svg(std::string_view text, std::string_view label) {
  constexpr int kQuietModules = 4;
  const std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) return std::nullopt;
  const int width = code->width;
  const int size = width + 2 * kQuietModules;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if ((code->data[y * width + x] & 1) == 0) continue;  // bit 0: a dark module
      path += fmt::format("M{} {}h1v1h-1z", x + kQuietModules, y + kQuietModules);
    }
  }
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" role=\"img\" "
      "aria-label=\"{1}\" shape-rendering=\"crispEdges\"><rect width=\"{0}\" height=\"{0}\" "
      "fill=\"#fff\"/><path fill=\"#000\" d=\"{2}\"/></svg>",
      size, html_escape(label), path);
}

}  // namespace gapfill::http
