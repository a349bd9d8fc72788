#pragma once
// QR codes as SVG (libqrencode), for printed flyers.

#include <optional>
#include <string>
#include <string_view>

namespace gapfill::http {

// An SVG drawing of `text` as a QR code (error correction level M, a quiet
// zone of four modules), with `label` as its accessible name; nullopt when
// the text is too long to encode.
std::optional<std::string> qr_svg(std::string_view text, std::string_view label);

}  // namespace gapfill::http
