// QR codes as inline SVG (libqrencode), for the receipt's tracking link.
#pragma once

#include <string>

namespace izin::server {

// An <svg> drawing `text` as a QR code (error correction M, a 4-module quiet zone), one path of
// dark squares; throws std::runtime_error when the text does not fit in a QR code.
std::string qr_svg(const std::string& text);

}  // namespace izin::server
