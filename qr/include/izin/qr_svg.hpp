// QR codes as inline SVG (libqrencode): the receipt's tracking link, the
// published service page's link to its online version.
#pragma once

#include <string>

namespace izin {

// An <svg> drawing `text` as a QR code (error correction M, a 4-module quiet zone), one path of
// dark squares, `size` pixels wide and high, drawn with crisp edges; an empty `size` leaves
// size and rendering to the page's stylesheet (strict HTML validators know no mm in SVG
// attributes). Throws std::runtime_error when the text does not fit in a QR code.
std::string qr_svg(const std::string& text, const std::string& size = "160");

}  // namespace izin
